"""The block under the data (totals, "Người lập biểu", "Thủ trưởng đơn vị", place and date,
"(Ký, ghi rõ họ tên)", names) ends the table: counted as footer lines, nothing of it stored
(DATA_SPEC §1), in CSV and XLSX, whatever its layout."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import xlsxwriter

from tests.conftest import query
from tests.exports import VI_LABELS, application, table
from tests.warehouse_text import text_hits

NAMES = ("Zzký Lậpbiểu", "Zzký Thủtrưởng")
WIDTH = len(VI_LABELS)


def _line(*cells: tuple[int, str]) -> list[str]:
    row = [""] * WIDTH
    for column, text in cells:
        row[column] = text
    return row


# Footer layouts: lists of rows under the data ("" rows are blank lines).
TOTAL = [_line((0, "Tổng cộng"), (1, "3"))]
SIDE_BY_SIDE = [
    _line((8, "Hải Phòng, ngày 05 tháng 08 năm 2025")),
    _line((1, "Người lập biểu"), (8, "Thủ trưởng đơn vị")),
    _line((1, "(Ký, ghi rõ họ tên)"), (8, "(Ký tên, đóng dấu)")),
    _line(),
    _line(),
    _line((1, NAMES[0]), (8, NAMES[1])),
]
STACKED = [
    _line((0, "Người lập biểu")),
    _line((0, NAMES[0])),
    _line(),
    _line((0, "TM. ỦY BAN NHÂN DÂN")),
    _line((0, "KT. CHỦ TỊCH")),
    _line((0, "PHÓ CHỦ TỊCH")),
    _line((0, NAMES[1])),
]
FOOTERS = {
    "total-and-side-by-side": (TOTAL + [_line()] + SIDE_BY_SIDE, 5),
    "side-by-side-without-total": (SIDE_BY_SIDE, 4),
    "stacked-with-blank-lines": ([_line()] + STACKED, 6),
    "total-then-stacked": (TOTAL + STACKED, 7),
}


def _csv(path: Path, rows: list[list[str]], footer: list[list[str]]) -> Path:
    """The records quoted where needed; the footer by hand, as report exports write it: the
    place and date's comma unquoted, so it spreads over two cells."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    buffer.writelines(",".join(row) + "\n" for row in footer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _xlsx(path: Path, rows: list[list[str]], footer: list[list[str]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet("Danh sách")
    for r, row in enumerate(rows + footer):
        for c, value in enumerate(row):
            if value:
                sheet.write_string(r, c, value)
    workbook.close()
    return path


@pytest.mark.parametrize("writer", [_csv, _xlsx], ids=["csv", "xlsx"])
@pytest.mark.parametrize("layout", sorted(FOOTERS))
def test_footer_blocks_end_the_table_and_are_not_stored(
    tmp_path: Path, load, writer, layout: str
) -> None:
    footer, lines = FOOTERS[layout]
    rows = table([application(f"A-{i}") for i in range(3)], VI_LABELS)
    path = writer(tmp_path / f"ho-so.{writer.__name__[1:]}", rows, footer)
    (result,) = load(path)
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 3, 0)
    assert result.footer_lines == lines
    assert query(load.db, "select footer_lines from load_log where kind = 'applications'") == [
        (lines,)
    ]
    assert text_hits(load.db, (*NAMES, "Zzký", "lập biểu", "Thủ trưởng")) == []


def test_a_subtotal_line_between_records_is_not_the_end_of_the_table(tmp_path: Path, load) -> None:
    rows = table([application(f"A-{i}") for i in range(3)], VI_LABELS)
    rows.insert(2, _line((0, "Cộng"), (1, "1")))
    (result,) = load(_csv(tmp_path / "ho-so.csv", rows, TOTAL))
    assert (result.rows_read, result.rows_loaded, result.footer_lines) == (4, 3, 1)
    assert result.reasons == {"missing_required": 1}


def test_sparse_lines_without_any_marker_are_rows_not_a_footer(tmp_path: Path, load) -> None:
    """Nothing says these end the table: they are rejected with reasons, never dropped."""
    rows = table([application(f"A-{i}") for i in range(2)], VI_LABELS)
    (result,) = load(_csv(tmp_path / "ho-so.csv", rows, [_line((0, "A-9"), (1, "1.001193"))]))
    assert (result.rows_read, result.footer_lines, result.rows_rejected) == (3, 0, 1)
