"""Excel workbooks: refused unread when absurd, then read sheet by sheet.

Every sheet whose header is recognised is a part of the file, loaded and reported on its own;
a sheet that looks like data but has no usable header stops the whole file with a message that
names the sheet; any other sheet (a cover page, notes, an empty sheet) is passed over and named
in the report, never skipped silently.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import fastexcel
import polars as pl
from babel.numbers import format_decimal

from etl.errors import UnreadableFile
from etl.header import (
    HEADER_SEARCH_ROWS,
    Header,
    detect_header,
    looks_like_data,
    missing_header_message,
)
from etl.text import nfc

EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
# An XLSX that unpacks to more than this is refused unread: a real monthly export is a few
# hundred megabytes unpacked at most, and the reader holds a whole sheet in memory.
MAX_XLSX_UNPACKED_BYTES = 1_500_000_000
# Excel itself stops at 1,048,576 rows; a sheet declaring more was not written by Excel.
MAX_XLSX_ROWS = 1_048_576
SHEET_HEAD_BYTES = 4096
_DIMENSION = re.compile(r'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')
UNOPENED = "không mở được tệp Excel: tệp hỏng hoặc không phải tệp XLSX"


def check_xlsx_size(path: Path) -> None:
    """Refuse an XLSX whose unpacked size or declared rows are absurd, before opening it.

    An XLSX is a zip: a few megabytes can unpack to gigabytes (a "zip bomb") and the Excel
    reader holds a whole sheet in memory. The zip's directory states each part's size, and a
    sheet states its extent ("A1:Z1048576") in its first bytes; both are read without unpacking.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_XLSX_UNPACKED_BYTES:
                raise UnreadableFile(
                    f"tệp Excel giải nén ra {_gigabytes(unpacked)} GB, quá giới hạn "
                    f"{_gigabytes(MAX_XLSX_UNPACKED_BYTES)} GB; hãy xuất ra CSV"
                )
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as sheet_xml:
                        head = sheet_xml.read(SHEET_HEAD_BYTES).decode("utf-8", "replace")
                    rows = _declared_rows(head)
                    if rows > MAX_XLSX_ROWS:
                        raise UnreadableFile(
                            f"trang tính khai báo {format_decimal(rows, locale='vi_VN')} dòng, "
                            f"quá giới hạn {format_decimal(MAX_XLSX_ROWS, locale='vi_VN')} dòng"
                        )
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise UnreadableFile(UNOPENED) from error


def _gigabytes(size: int) -> str:
    return format_decimal(size / 1e9, "#,##0.0", locale="vi_VN")


def _declared_rows(sheet_head: str) -> int:
    """The last row of the sheet's <dimension ref="A1:Z100"/>, or 0 if it states none."""
    match = _DIMENSION.search(sheet_head)
    return int(match.group(1)) if match and match.group(1) else 0


def _open(path: Path) -> fastexcel.ExcelReader:
    try:
        return fastexcel.read_excel(str(path))
    except Exception as error:  # fastexcel raises its own exception types per failure
        raise UnreadableFile(UNOPENED) from error


def _load(reader: fastexcel.ExcelReader, sheet: str, n_rows: int | None) -> pl.DataFrame:
    try:
        loaded = reader.load_sheet(sheet, header_row=None, dtypes="string", n_rows=n_rows)
        return loaded.to_polars()
    except Exception as error:  # fastexcel raises its own exception types per failure
        raise UnreadableFile(f"trang tính '{sheet}': không đọc được các ô") from error


def _text_rows(frame: pl.DataFrame) -> list[list[str | None]]:
    return [[None if c is None else nfc(str(c)) for c in row] for row in frame.iter_rows()]


def inspect_workbook(path: Path) -> tuple[list[tuple[str, Header]], list[str]]:
    """The data sheets (name, header) in workbook order, and the names of the sheets that
    hold no data."""
    check_xlsx_size(path)
    reader = _open(path)
    data: list[tuple[str, Header]] = []
    passed_over: list[str] = []
    messages: list[str] = []
    for sheet in reader.sheet_names:
        rows = _text_rows(_load(reader, sheet, HEADER_SEARCH_ROWS))
        header = detect_header(rows)
        if header is not None:
            data.append((sheet, header))
        elif looks_like_data(rows):
            raise UnreadableFile(f"trang tính '{sheet}': {missing_header_message(rows)}")
        else:
            passed_over.append(sheet)
            messages.append(missing_header_message(rows))
    if not data:
        best = next(
            (m for m in messages if m.startswith("tệp giống")), messages[0] if messages else ""
        )
        raise UnreadableFile(best or "tệp Excel không có trang tính nào")
    return data, passed_over


def read_sheet(path: Path, sheet: str, header: Header) -> pl.DataFrame:
    """The sheet's rows under its header as text cells c0…cN."""
    reader = _open(path)
    full = _load(reader, sheet, None)
    frame = full.slice(header.row_index + 1)
    frame = frame.rename(
        dict(zip(frame.columns, [f"c{i}" for i in range(frame.width)], strict=True))
    )
    return pad_cells(frame, len(header.columns))


def pad_cells(frame: pl.DataFrame, width: int) -> pl.DataFrame:
    """Exactly `width` text cells c0…c{width-1}: extra ones dropped, missing ones null."""
    names = [f"c{i}" for i in range(width)]
    frame = frame.select(frame.columns[:width])
    for name in names[frame.width :]:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    return frame.rename(dict(zip(frame.columns, names, strict=True)))
