"""The one CSV / XLSX writer: the XLSX header block, a CSV whose first line is its header
(read by `polars.read_csv` without options), rates rounded as shown, numbers as numbers, no
formulas from data, and downloads equal to the table shown."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import fastexcel
import polars as pl

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.options import filter_options
from metrics.units_league import league_table
from present import league
from present.tables import kinds, labelled
from reports.__main__ import main
from reports.header import file_name, header_block
from reports.writers import csv_bytes, xlsx_bytes
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse

HOSTILE = pl.DataFrame(
    {
        "Tên": ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "Bình thường"],
        "Số": [1, 2, 3, 4, 5],
    }
)
HEADER = [("Nội dung", "Thử"), ("Kỳ báo cáo", "Từ ngày 01/07/2025 đến ngày 20/08/2025")]


def _csv_rows(content: bytes) -> list[list[str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_csv_neutralises_formulas_and_keeps_numbers() -> None:
    rows = _csv_rows(csv_bytes(HOSTILE, {"Tên": "text", "Số": "count"}))
    assert rows[0] == ["Tên", "Số"]
    assert [row[0] for row in rows[1:]] == [
        '\'=HYPERLINK("http://x")',
        "'+1",
        "'-2",
        "'@SUM(A1)",
        "Bình thường",
    ]
    assert [row[1] for row in rows[1:]] == ["1", "2", "3", "4", "5"]


def test_xlsx_writes_text_as_text_and_numbers_as_numbers(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(xlsx_bytes(HOSTILE, HEADER, {"Tên": "text", "Số": "count"}))
    sheet = fastexcel.read_excel(path).load_sheet(0, header_row=len(HEADER) + 1).to_polars()
    assert sheet["Tên"].to_list() == HOSTILE["Tên"].to_list()  # strings, not formulas
    assert sheet["Số"].dtype == pl.Float64 and sheet["Số"].to_list() == [1, 2, 3, 4, 5]
    top = fastexcel.read_excel(path).load_sheet(0, header_row=None, n_rows=2).to_polars().rows()
    assert top[1][:2] == HEADER[1]


def test_league_download_equals_the_table_shown(tmp_path: Path) -> None:
    """The page shows `labelled(league_rows(...))`; both files hold exactly that frame."""
    db = build_tiny_warehouse(tmp_path / "w.duckdb")
    filters = Filters(*PERIOD, channels=(2,))
    with snapshot(db) as con:
        shown = labelled(league.league_rows(league_table(con, filters), "vi"), league.COLUMNS, "vi")
        header = header_block(
            "Phường, xã, đặc khu", filters, filter_options(con), "Thành phố Hải Phòng", "vi"
        )
    assert ("Kênh nộp", "Trực tuyến") in header and header[2][1].startswith("Từ ngày 10/07/2025")
    content = csv_bytes(shown, kinds(league.COLUMNS, "vi"))
    rows = _csv_rows(content)
    assert rows[0] == shown.columns
    assert [row[1] for row in rows[1:]] == shown["Đơn vị"].to_list()
    assert [int(row[4]) for row in rows[1:]] == shown["Tiếp nhận mới"].to_list()
    path = tmp_path / "l.xlsx"
    path.write_bytes(xlsx_bytes(shown, header, kinds(league.COLUMNS, "vi")))
    sheet = fastexcel.read_excel(path).load_sheet(0, header_row=len(header) + 1).to_polars()
    assert sheet.columns == shown.columns
    assert sheet["Tiếp nhận mới"].to_list() == shown["Tiếp nhận mới"].to_list()
    assert sheet["Tỷ lệ đúng hạn"].to_list() == shown["Tỷ lệ đúng hạn"].to_list()


def test_file_names_carry_subject_and_period() -> None:
    filters = Filters(date(2025, 7, 1), date(2025, 8, 20))
    assert file_name("ho-so-theo-xa", filters, "xlsx") == "ho-so-theo-xa_2025-07-01_2025-08-20.xlsx"


def test_polars_reads_a_written_csv_without_options(tmp_path: Path) -> None:
    """The league file of `python -m reports league-table`: header first, numbers as numbers,
    rates as shown (three decimals of the fraction), the header block in the side note."""
    db = build_tiny_warehouse(tmp_path / "w.duckdb")
    out = tmp_path / "xep-hang.csv"
    assert main(["league-table", "--from", "2025-07-10", "--to", "2025-07-20",
                 "--warehouse", str(db), "--out", str(out)]) == 0  # fmt: skip
    table = pl.read_csv(out)
    assert table.columns[1:3] == ["Đơn vị", "Mã đơn vị"]
    assert table["Đơn vị"].to_list() == ["Phường An Biên", "Xã Bình Hà", "Sở Tư pháp", "Tổng cộng"]
    assert table["Tiếp nhận mới"].dtype == pl.Int64
    assert table["Tiếp nhận mới"].to_list() == [3, 3, 1, 7]
    # Hand-computed: A 4/5, B 2/4 on time; the total 6/10.
    assert table["Tỷ lệ đúng hạn"].to_list() == [0.8, 0.5, 0.0, 0.6]
    assert table["Tỷ lệ trực tuyến"].to_list() == [0.667, 0.667, 0.0, 0.571]  # 2/3, 2/3, 0/1, 4/7
    note = (tmp_path / "xep-hang.thong-tin.txt").read_text(encoding="utf-8-sig")
    assert "Kỳ báo cáo: Từ ngày 10/07/2025 đến ngày 20/07/2025" in note
    assert "Thời điểm xuất: " in note
