"""Every messy-input case of DATA_SPEC §1 loads without being told which applies."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import query
from tests.exports import SYNC_LABELS, VI_LABELS, application, table, write_csv, write_xlsx

TITLE = ["BÁO CÁO DANH SÁCH HỒ SƠ", "Từ ngày 01/07/2025 đến ngày 31/07/2025", ""]


def _rows(n: int = 3, **overrides: str) -> list[dict[str, str]]:
    return [application(f"H31.11311-250701-{i:04d}", **overrides) for i in range(1, n + 1)]


def _loaded_ids(load) -> list[str]:
    return [r[0] for r in query(load.db, "select application_id from applications order by 1")]


def _assert_all_loaded(results, n: int) -> None:
    (result,) = results
    assert result.error is None, result.error
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (n, n, 0), result.reasons


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [
        ("utf-8", ","),
        ("utf-8-sig", ","),
        ("utf-8", ";"),
        ("utf-16", "\t"),
        ("cp1258", ";"),
        ("cp1258", "\t"),
    ],
)
def test_csv_encodings_and_delimiters(tmp_path: Path, load, encoding: str, delimiter: str) -> None:
    path = write_csv(
        tmp_path / "ho-so.csv", table(_rows(), VI_LABELS), delimiter=delimiter, encoding=encoding
    )
    _assert_all_loaded(load(path), 3)
    units = query(load.db, "select distinct unit_code from applications")
    assert units == [("11311",)]  # the Vietnamese unit name survived the encoding


def test_title_rows_and_total_row_are_not_records(tmp_path: Path, load) -> None:
    path = write_csv(
        tmp_path / "bao-cao.csv", table(_rows(4), VI_LABELS), title_rows=TITLE, total_row=True
    )
    results = load(path)
    _assert_all_loaded(results, 4)
    rows = query(load.db, "select row_number from rejected_rows")
    assert rows == []


def test_xlsx_with_title_rows_excel_dates_and_total(tmp_path: Path, load) -> None:
    rows = table(_rows(3), VI_LABELS)
    when = datetime(2025, 7, 1, 8, 0)
    for row in rows[1:]:
        row[3], row[4], row[5] = when, datetime(2025, 7, 2, 17, 0), datetime(2025, 7, 1, 15, 30)
    path = write_xlsx(tmp_path / "ho-so.xlsx", rows, title_rows=TITLE[:2], total_row=True)
    _assert_all_loaded(load(path), 3)
    stamps = query(load.db, "select distinct received_at, finished_at from applications")
    assert stamps == [(when, datetime(2025, 7, 1, 15, 30))]


def test_parquet_file(tmp_path: Path, load) -> None:
    frame = pl.DataFrame(
        table(_rows(2), SYNC_LABELS)[1:], schema=table(_rows(2), SYNC_LABELS)[0], orient="row"
    )
    frame = frame.with_columns(pl.col("NgayTiepNhan").str.to_datetime("%d/%m/%Y %H:%M"))
    path = tmp_path / "ho-so.parquet"
    frame.write_parquet(path)
    _assert_all_loaded(load(path), 2)
    assert query(load.db, "select distinct received_at from applications") == [
        (datetime(2025, 7, 1, 8, 0),)
    ]


@pytest.mark.parametrize(
    "labels",
    [
        VI_LABELS,
        SYNC_LABELS,
        {k: v.upper() for k, v in VI_LABELS.items()},
        {k: unicodedata.normalize("NFD", v) for k, v in VI_LABELS.items()},
        {k: "  " + v.replace(" ", "  ") + ":" for k, v in VI_LABELS.items()},
        {k: "".join(c for c in unicodedata.normalize("NFD", v) if unicodedata.category(c) != "Mn").replace("đ", "d").replace("Đ", "D") for k, v in VI_LABELS.items()},
        {**VI_LABELS, "application_id": "Application ID", "procedure_code": "Procedure code", "unit": "Unit", "received_at": "Received at", "due_at": "Due at", "status": "Status", "channel": "Channel"},
    ],
    ids=["vietnamese", "national-sync", "upper-case", "nfd", "spacing-punctuation", "no-accents", "english"],
)  # fmt: skip
def test_header_aliases(tmp_path: Path, load, labels: dict[str, str]) -> None:
    path = write_csv(tmp_path / "ho-so.csv", table(_rows(), labels))
    _assert_all_loaded(load(path), 3)


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Phường Hồng Bàng", "11311"),
        ("P. Hồng Bàng", "11311"),
        ("P.Hồng Bàng", "11311"),
        ("Hồng Bàng", "11311"),
        ("PHƯỜNG HỒNG BÀNG", "11311"),
        ("11311", "11311"),
        (unicodedata.normalize("NFD", "Phường Hồng Bàng"), "11311"),
        ("Phường Thủy Nguyên", "11560"),  # the package writes "Thuỷ"
        ("Phường Hoà Bình", "11533"),
        ("Phường Hòa Bình", "11533"),
        ("Xã Vĩnh Hoà", "11848"),  # the package writes "Hòa"
        ("Xã Cẩm Giang", "10888"),
        ("Xã Cẩm Giàng", "10903"),
        ("Cẩm Giàng", "10903"),
        ("Phường Đồ Sơn", "11455"),
        ("Phường Nam Đồ Sơn", "11737"),
        ("Đồ Sơn", "11455"),
        ("Đặc khu Cát Hải", "11914"),
        ("UBND phường Lê Chân", "11383"),
    ],
)
def test_unit_written_many_ways(tmp_path: Path, load, written: str, code: str) -> None:
    path = write_csv(tmp_path / "ho-so.csv", table(_rows(1, unit=written), VI_LABELS))
    _assert_all_loaded(load(path), 1)
    assert query(load.db, "select unit_code from applications") == [(code,)]


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        ("01/07/2025", datetime(2025, 7, 1)),
        ("1/7/2025 08:05", datetime(2025, 7, 1, 8, 5)),
        ("01/07/2025 08:05:09", datetime(2025, 7, 1, 8, 5, 9)),
        ("2025-07-01", datetime(2025, 7, 1)),
        ("2025-07-01T08:05:09", datetime(2025, 7, 1, 8, 5, 9)),
        ("2025-07-01 08:05:09.250", datetime(2025, 7, 1, 8, 5, 9, 250000)),
        ("2025-07-01T01:05:09Z", datetime(2025, 7, 1, 8, 5, 9)),
        ("2025-07-01T08:05:09+07:00", datetime(2025, 7, 1, 8, 5, 9)),
        ("45839.25", datetime(2025, 7, 1, 6, 0)),  # an Excel serial number
    ],
)
def test_date_formats(tmp_path: Path, load, received: str, expected: datetime) -> None:
    path = write_csv(tmp_path / "ho-so.csv", table(_rows(1, received_at=received), VI_LABELS))
    _assert_all_loaded(load(path), 1)
    assert query(load.db, "select received_at from applications") == [(expected,)]


@pytest.mark.parametrize(
    ("status", "channel", "expected"),
    [
        ("10", "2", (10, 2)),
        ("Đã trả kết quả", "Trực tuyến", (10, 2)),
        ("ĐÃ XỬ LÝ XONG", "trực tiếp", (9, 1)),
        ("9.0", "Bưu chính công ích", (9, 3)),
        ("Da tra ket qua", "BCCI", (10, 3)),
    ],
)
def test_codes_as_numbers_or_words(
    tmp_path: Path, load, status: str, channel: str, expected
) -> None:
    path = write_csv(
        tmp_path / "ho-so.csv", table(_rows(1, status=status, channel=channel), VI_LABELS)
    )
    _assert_all_loaded(load(path), 1)
    assert query(load.db, "select status, channel from applications") == [expected]


@pytest.mark.parametrize(
    ("written", "expected"),
    [("1", True), ("0", False), ("Có", True), ("Không", False), ("x", True), ("", None)],
)
def test_yes_no_forms(tmp_path: Path, load, written: str, expected: bool | None) -> None:
    path = write_csv(tmp_path / "ho-so.csv", table(_rows(1, digitized=written), VI_LABELS))
    _assert_all_loaded(load(path), 1)
    assert query(load.db, "select digitized from applications") == [(expected,)]


def test_paid_online_code_two_means_not_paid_online(tmp_path: Path, load) -> None:
    rows = _rows(3)
    for row, value in zip(rows, ("0", "1", "2"), strict=True):
        row["paid_online"] = value
    _assert_all_loaded(load(write_csv(tmp_path / "h.csv", table(rows, SYNC_LABELS))), 3)
    assert query(load.db, "select paid_online from applications order by application_id") == [
        (False,), (True,), (False,),
    ]  # fmt: skip


def test_procedure_code_stored_as_excel_number_is_restored(tmp_path: Path, load) -> None:
    rows = table(_rows(1, procedure_code="2.000815"), VI_LABELS)
    rows[1][1] = 2.000815
    path = write_xlsx(tmp_path / "h.xlsx", rows)
    _assert_all_loaded(load(path), 1)
    assert query(load.db, "select procedure_code from applications") == [("2.000815",)]


def test_large_utf16_file_read_past_the_sniffed_start(tmp_path: Path, load) -> None:
    rows = [application(f"H31.11311-250701-{i:06d}") for i in range(12_000)]  # over 1 MB in UTF-16
    path = write_csv(
        tmp_path / "ho-so.csv", table(rows, VI_LABELS), delimiter="\t", encoding="utf-16"
    )
    assert path.stat().st_size > 1 << 20
    _assert_all_loaded(load(path), 12_000)
