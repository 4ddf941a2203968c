"""Rows whose cells do not line up with the header (DATA_SPEC §2): an unquoted delimiter
shifts every later cell, a line broken inside a cell leaves two short rows. Such a row is
rejected and keeps only its row number, its reason and the identifiers that validate; rows
that merely look odd (quoted commas, a trailing delimiter, a quoted line break) load."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_csv

SECRET = "Ngõ Bímật 77"  # the first part of an address that holds a comma


def _lines(rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _file(tmp_path: Path, good: int, extra: str, delimiter: str = ",") -> Path:
    """`good` well-formed rows, then raw text lines written as they are."""
    rows = table([application(f"A-{i}") for i in range(good)], VI_LABELS)
    path = tmp_path / "ho-so.csv"
    path.write_text(_lines(rows, delimiter) + extra, encoding="utf-8")
    return path


def _row(values: dict[str, str], delimiter: str = ",") -> str:
    """One record joined without any quoting, the way a careless export writes it."""
    row = application("S-1", **values)
    return delimiter.join(row[key] for key in VI_LABELS if key in row) + "\n"


def _rejected(load) -> list[tuple]:
    return query(load.db, "select row_number, reason, detail, raw from rejected_rows")


def test_unquoted_comma_in_the_address_keeps_only_validated_identifiers(
    tmp_path: Path, load
) -> None:
    path = _file(tmp_path, 2, _row({"address": f"{SECRET}, Hồng Bàng"}))
    (result,) = load(path)
    assert (result.rows_loaded, result.reasons) == (2, {"misaligned_row": 1})
    ((row_number, _, detail, raw),) = _rejected(load)
    assert row_number == 4
    assert "15 ô" in detail and "14 ô" in detail and "Bímật" not in detail
    assert json.loads(raw) == {
        "application_id": "S-1",
        "procedure_code": "1.001193",
        "unit_code": "11311",
    }


def test_a_comma_before_the_identifiers_leaves_none_of_the_shifted_text(
    tmp_path: Path, load
) -> None:
    """Personal columns first, identifiers after: the shifted cells are text from the
    address, and none of it validates as an id, a code or a unit."""
    header = ["Địa chỉ", "Mã hồ sơ", "Mã TTHC", "Đơn vị tiếp nhận", "Ngày tiếp nhận",
              "Ngày hẹn trả", "Trạng thái", "Kênh nộp"]  # fmt: skip
    good = [
        "1 Phố A",
        "A-1",
        "1.001193",
        "Phường Hồng Bàng",
        "01/07/2025 08:00",
        "02/07/2025",
        "4",
        "1",
    ]
    path = tmp_path / "ho-so.csv"
    shifted = (
        f"{SECRET}, Phường Giả Định,S-1,1.001193,Phường Hồng Bàng,01/07/2025 08:00,02/07/2025,4,1\n"
    )
    path.write_text(_lines([header, good]) + shifted, encoding="utf-8")
    (result,) = load(path)
    assert (result.rows_loaded, result.reasons) == (1, {"misaligned_row": 1})
    ((_, _, detail, raw),) = _rejected(load)
    assert json.loads(raw) == {"application_id": None, "procedure_code": None, "unit_code": None}
    assert "Bímật" not in detail + raw and "Giả Định" not in detail + raw


def test_a_line_broken_inside_a_cell_leaves_two_short_rows_keeping_nothing_personal(
    tmp_path: Path, load
) -> None:
    broken = _row({"owner": "Nguyễn\nBímật Thị"})
    (result,) = load(_file(tmp_path, 1, broken))
    assert (result.rows_loaded, result.reasons) == (1, {"misaligned_row": 2})
    rows = _rejected(load)
    assert [row_number for row_number, *_ in rows] == [3, 4]
    first, second = (json.loads(raw) for *_, raw in rows)
    assert first == {"application_id": "S-1", "procedure_code": "1.001193", "unit_code": "11311"}
    assert second == {"application_id": None, "procedure_code": None, "unit_code": None}
    assert all(
        "Bímật" not in detail + raw and "Nguyễn" not in detail + raw for *_, detail, raw in rows
    )


def test_a_tab_inside_a_name_shifts_a_tab_separated_file(tmp_path: Path, load) -> None:
    (result,) = load(_file(tmp_path, 2, _row({"owner": "Bímật\tThị"}, "\t"), delimiter="\t"))
    assert (result.rows_loaded, result.reasons) == (2, {"misaligned_row": 1})


@pytest.mark.parametrize(
    "extra",
    [
        _lines([list(application("Q-1", address=f"{SECRET}, Hồng Bàng").values())]),  # quoted comma
        _lines(
            [list(application("Q-1", address=f"{SECRET}\nHồng Bàng").values())]
        ),  # quoted line break
        _lines([list(application("Q-1", address='Số "7", Ngõ Hẹp').values())]),  # quotes inside
    ],
    ids=["quoted-comma", "quoted-line-break", "escaped-quotes"],
)
def test_rows_that_line_up_when_read_properly_load(tmp_path: Path, load, extra: str) -> None:
    (result,) = load(_file(tmp_path, 2, extra))
    assert (result.rows_loaded, result.reasons) == (3, {})


def test_a_trailing_delimiter_on_every_line_is_not_a_shift(tmp_path: Path, load) -> None:
    rows = table([application(f"A-{i}") for i in range(3)], VI_LABELS)
    path = tmp_path / "ho-so.csv"
    path.write_text("".join(",".join(row) + ",,\n" for row in rows), encoding="utf-8")
    (result,) = load(path)
    assert (result.rows_loaded, result.reasons) == (3, {})


def test_semicolon_file_with_a_comma_in_a_cell_is_fine(tmp_path: Path, load) -> None:
    rows = table([application("A-1", address=f"{SECRET}, Hồng Bàng")], VI_LABELS)
    (result,) = load(write_csv(tmp_path / "ho-so.csv", rows, delimiter=";"))
    assert (result.rows_loaded, result.reasons) == (1, {})
