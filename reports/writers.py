"""The one CSV writer and the one XLSX table writer of the project.

- CSV: UTF-8 with a BOM (Excel then reads Vietnamese correctly), comma-separated, the
  table's header on the first line, so that a spreadsheet and `polars.read_csv` without
  options both read it as a table; rates rounded as they are shown (0.585 = 58,5%), days to
  a tenth. The header block (period, filters, when made) is in the XLSX, and beside a CSV
  made by `python -m reports` as a text side note (`side_note`).
- XLSX: the header block above the table (bold labels), numbers as numbers with a number
  format by column kind, dates as dates, a frozen header row and an autofilter.
- Text from data files never becomes a formula: in XLSX every text cell is written as a
  string; in CSV a text value starting with =, +, -, @ (or a tab / carriage return, which
  spreadsheet programs strip before such a sign) is prefixed with a single quote (OWASP,
  "CSV injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path

import polars as pl
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from metrics.rankings import SHOWN_DIGITS
from present.tables import Kind
from reports.header import HeaderBlock

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
# Excel number formats per kind; Excel shows them with the reader's own separators.
NUMBER_FORMATS: dict[Kind, str] = {
    "count": "#,##0",
    "rate": '0.0"%"',  # 58,5%: as present/format.py writes it
    "days": "#,##0.0",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
    "text": "@",
}
MAX_COLUMN_WIDTH = 60
MAX_SHEET_NAME = 31
SHEET_FORBIDDEN = frozenset("[]:*?/\\")
# Decimals a CSV keeps, per kind: a rate as shown (58,5%), days to a tenth (4,2 ngày).
CSV_DIGITS: dict[Kind, int] = {"rate": SHOWN_DIGITS, "days": 1}


def neutralised(value: str) -> str:
    """A text cell for CSV that no spreadsheet program will evaluate."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _csv_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralised(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return value


def csv_bytes(frame: pl.DataFrame, kinds: Mapping[str, Kind]) -> bytes:
    """The table as CSV (UTF-8 with BOM), its column names on the first line."""
    frame = frame.with_columns(
        pl.col(name).round(CSV_DIGITS[kind])
        for name, kind in kinds.items()
        if kind in CSV_DIGITS and name in frame.columns
    )
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralised(name) for name in frame.columns])
    for row in frame.iter_rows():
        writer.writerow([_csv_cell(value) for value in row])
    return (BOM + buffer.getvalue()).encode("utf-8")


def side_note(header: HeaderBlock) -> bytes:
    """The header block as a short text (UTF-8 with BOM), one `label: value` a line: what
    a CSV says about itself, in a file beside it."""
    return (BOM + "".join(f"{label}: {value}\r\n" for label, value in header)).encode("utf-8")


def side_note_path(out: Path) -> Path:
    """`xep-hang.csv` → `xep-hang.thong-tin.txt`."""
    return out.with_name(out.stem + ".thong-tin.txt")


def write_header_block(
    book: xlsxwriter.Workbook, sheet: Worksheet, header: HeaderBlock, columns: int
) -> int:
    """Write the header block from the first row (title first, larger); return the next free
    row. The Biểu II.06a writer uses it too, so every file says its view the same way."""
    bold = book.add_format({"bold": True})
    title = book.add_format({"bold": True, "font_size": 14})
    for row, (label, value) in enumerate(header):
        sheet.write_string(row, 0, label, bold)
        style = title if row == 0 else None
        if columns > 2:
            sheet.merge_range(row, 1, row, columns - 1, value, style)
        else:
            sheet.write_string(row, 1, value, style)
    return len(header) + 1


def sheet_name(title: str) -> str:
    """A sheet named as people read it, with its marks ("Phường, xã, đặc khu"), within what
    Excel allows: 31 characters, none of [ ] : * ? / \\, no quote at either end."""
    cleaned = "".join("-" if char in SHEET_FORBIDDEN else char for char in title)
    return cleaned[:MAX_SHEET_NAME].strip("' ").rstrip(",;(-") or "Bảng"


def xlsx_bytes(frame: pl.DataFrame, header: HeaderBlock, kinds: Mapping[str, Kind]) -> bytes:
    """The table as an XLSX workbook of one sheet, named after the file's title (the first
    line of its header block), under its header block."""
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        sheet = book.add_worksheet(sheet_name(header[0][1]))
        top = write_header_block(book, sheet, header, max(2, frame.width))
        head = book.add_format({"bold": True, "text_wrap": True, "valign": "top", "border": 1})
        formats = {
            name: book.add_format({"num_format": NUMBER_FORMATS[kinds.get(name, "text")]})
            for name in frame.columns
        }
        for col, name in enumerate(frame.columns):
            sheet.write_string(top, col, name, head)
        for offset, row in enumerate(frame.iter_rows(), start=1):
            for col, value in enumerate(row):
                _write_cell(sheet, top + offset, col, value, formats[frame.columns[col]])
        for col, name in enumerate(frame.columns):
            sheet.set_column(col, col, _width(frame, name))
        sheet.freeze_panes(top + 1, 0)
        if frame.height:
            sheet.autofilter(top, 0, top + frame.height, frame.width - 1)
    return buffer.getvalue()


def _write_cell(sheet: Worksheet, row: int, col: int, value: object, cell_format) -> None:
    if value is None:
        sheet.write_blank(row, col, None, cell_format)
    elif isinstance(value, bool):
        sheet.write_boolean(row, col, value, cell_format)
    elif isinstance(value, int | float):
        sheet.write_number(row, col, value, cell_format)
    elif isinstance(value, datetime | date):
        sheet.write_datetime(row, col, value, cell_format)
    else:
        sheet.write_string(row, col, str(value), cell_format)


def _width(frame: pl.DataFrame, name: str) -> int:
    longest = frame[name].cast(pl.String).str.len_chars().max() if frame.height else 0
    return min(MAX_COLUMN_WIDTH, max(10, len(name) // 2 + 2, int(longest or 0) + 2))
