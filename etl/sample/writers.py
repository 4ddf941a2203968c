"""Writing the files: CSV in its layout's encoding, the XLSX report, the catalog workbook.

Bytes depend only on the data: XLSX workbooks carry a fixed creation time, CSV text is
encoded explicitly (UTF-16 little-endian with its BOM, whatever the machine).
"""

from __future__ import annotations

import codecs
import io
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import polars as pl
import xlsxwriter

from etl.sample.layouts import DATE_FIELDS, BadRow, Layout
from etl.sample.unit_names import TONE_MARKS

REPORT_TITLE = "BÁO CÁO DANH SÁCH HỒ SƠ"
TOTAL_LABEL = "Tổng cộng"
# Rows above the header in the report: title, period, blank.
REPORT_HEADER_ROW = 3
DATE_CELL_FORMAT = "dd/mm/yyyy hh:mm"
# The block under a report's total row: who drew it up and who signs for the office, side by
# side, with place and date, "(Ký, ghi rõ họ tên)" and the names (fake ones in the sample;
# the loader drops the block whole, names being personal data).
SIGNATURE_COLUMNS = (1, 8)
SIGNATURE_TITLES = ("Người lập biểu", "Thủ trưởng đơn vị")
SIGN_HERE = "(Ký, ghi rõ họ tên)"
SIGNERS = ("Nguyễn Thị Thu Hà", "Trần Văn Minh")


@dataclass(frozen=True)
class Signatures:
    place: str  # "Hải Phòng"
    signed_on: date
    names: tuple[str, str] = SIGNERS


def _cp1258_table() -> dict[int, str]:
    """Precomposed toned letters → Windows-1258 spelling: the letter with its circumflex, breve,
    horn or stroke precomposed, then the tone as a combining mark ("ệ" → "ê" + U+0323)."""
    table = {}
    for code in range(0xC0, 0x1EFA):
        parts = unicodedata.normalize("NFD", chr(code))
        tones = "".join(c for c in parts if c in TONE_MARKS)
        if tones:
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
            table[code] = base + tones
    return table


CP1258_TABLE = _cp1258_table()


def cp1258_spelling(frame: pl.DataFrame) -> pl.DataFrame:
    """Labels and text rewritten the Windows-1258 way (vectorised: str.translate on a whole
    file is several times slower)."""
    sources = [chr(code) for code in CP1258_TABLE]
    targets = list(CP1258_TABLE.values())
    return frame.with_columns(
        pl.col(pl.String).str.normalize("NFC").str.replace_many(sources, targets)
    ).rename(lambda label: unicodedata.normalize("NFC", label).translate(CP1258_TABLE))


def write_csv_bytes(path: Path, frame: pl.DataFrame, layout: Layout) -> None:
    """The frame as CSV in the layout's encoding. Polars writes UTF-8 straight to the file;
    UTF-16 and Windows-1258 (already `cp1258_spelling`'d) are transcoded in memory."""
    options = {
        "separator": layout.separator,
        "line_terminator": layout.line_terminator,
        "quote_style": "necessary",
    }
    with path.open("wb") as handle:
        if layout.encoding in ("utf-8", "utf-8-sig"):
            if layout.encoding == "utf-8-sig":
                handle.write(codecs.BOM_UTF8)
            frame.write_csv(handle, **options)
            return
        buffer = io.BytesIO()
        frame.write_csv(buffer, **options)
        text = buffer.getvalue().decode("utf-8")
        if layout.encoding == "utf-16":
            handle.write(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        else:
            handle.write(text.encode(layout.encoding))


def _numbered(layout: Layout) -> bool:
    return layout.columns[0].field == "seq"


def write_month_csv(path: Path, layout: Layout, good: pl.DataFrame, bad: list[BadRow]) -> None:
    """Good rows in order with the bad rows slotted in after the rows they follow."""
    keyed = good.with_columns(
        _key=pl.int_range(0, pl.len(), dtype=pl.Int64) * 1000,
        STT=pl.int_range(1, pl.len() + 1, dtype=pl.Int64).cast(pl.String),
    )
    extra = pl.DataFrame(
        [
            {**row.values, "_key": row.after * 1000 + 1 + i, "STT": str(row.source + 1)}
            for i, row in enumerate(bad)
        ],
        schema=keyed.schema,
    )
    frame = pl.concat([keyed, extra]).sort("_key").drop("_key")
    frame = frame.select("STT", *good.columns) if _numbered(layout) else frame.drop("STT")
    if layout.encoding == "cp1258":
        frame = cp1258_spelling(frame)
    write_csv_bytes(path, frame, layout)


def write_month_xlsx(
    path: Path,
    layout: Layout,
    good: pl.DataFrame,
    bad: list[BadRow],
    period: tuple[date, date],
    created: datetime,
    signatures: Signatures,
) -> None:
    """The report spreadsheet: title, period, blank row, header, rows, total row, signatures."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    workbook.set_properties({"created": created})
    sheet = workbook.add_worksheet("Danh sách hồ sơ")
    bold = workbook.add_format({"bold": True})
    date_cell = workbook.add_format({"num_format": DATE_CELL_FORMAT})
    sheet.write_string(0, 0, REPORT_TITLE, bold)
    sheet.write_string(1, 0, f"Từ ngày {period[0]:%d/%m/%Y} đến ngày {period[1]:%d/%m/%Y}")
    for col, column in enumerate(layout.columns):
        sheet.write_string(REPORT_HEADER_ROW, col, column.label, bold)
    is_date = [column.field in DATE_FIELDS for column in layout.columns]

    def write_any(row: int, values: list) -> None:
        """A row whose cells may hold anything (bad rows put text in date columns)."""
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, col, value)
            elif value is not None:
                sheet.write_number(row, col, value, date_cell if is_date[col] else None)

    # Good rows: one writer per column, chosen once from the column's type.
    def number(row: int, col: int, value: float) -> None:
        sheet.write_number(row, col, value, date_cell)

    cell_writers = [
        sheet.write_string if dtype == pl.String else number if is_date[col] else sheet.write_number
        for col, dtype in enumerate(good.dtypes, start=1)
    ]
    labels = [column.label for column in layout.columns[1:]]
    pending = sorted(enumerate(bad), key=lambda item: (item[1].after, item[0]))
    row_number = REPORT_HEADER_ROW + 1
    next_bad = 0
    for index, values in enumerate(good.iter_rows()):
        sheet.write_number(row_number, 0, index + 1)
        for col, (value, cell_writer) in enumerate(zip(values, cell_writers, strict=True), 1):
            if value is not None:
                cell_writer(row_number, col, value)
        row_number += 1
        while next_bad < len(pending) and pending[next_bad][1].after == index:
            extra = pending[next_bad][1]
            write_any(row_number, [extra.source + 1, *(extra.values[label] for label in labels)])
            row_number += 1
            next_bad += 1
    sheet.write_string(row_number, 0, TOTAL_LABEL, bold)
    sheet.write_number(row_number, 1, good.height + len(bad))
    _write_signatures(sheet, row_number + 2, signatures)
    workbook.close()


def _write_signatures(sheet: xlsxwriter.worksheet.Worksheet, top: int, signed: Signatures) -> None:
    """Row by row: a constant-memory worksheet cannot go back to an earlier row."""
    when = signed.signed_on
    place = f"{signed.place}, ngày {when:%d} tháng {when:%m} năm {when:%Y}"
    sheet.write_string(top, SIGNATURE_COLUMNS[1], place)
    for offset, texts in ((1, SIGNATURE_TITLES), (2, (SIGN_HERE, SIGN_HERE)), (6, signed.names)):
        for column, text in zip(SIGNATURE_COLUMNS, texts, strict=True):
            sheet.write_string(top + offset, column, text)


def write_table_xlsx(path: Path, frame: pl.DataFrame, created: datetime) -> None:
    """A plain workbook: header row, then one row per frame row (the catalog)."""
    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    workbook.set_properties({"created": created})
    sheet = workbook.add_worksheet("Danh mục TTHC")
    bold = workbook.add_format({"bold": True})
    for col, label in enumerate(frame.columns):
        sheet.write_string(0, col, label, bold)
    for row, values in enumerate(frame.iter_rows(), start=1):
        for col, value in enumerate(values):
            if isinstance(value, str):
                sheet.write_string(row, col, value)
            elif value is not None:
                sheet.write_number(row, col, value)
    workbook.close()


def write_table_csv(path: Path, frame: pl.DataFrame) -> None:
    """A plain UTF-8 CSV with a header (the simplification plans)."""
    path.write_bytes(frame.write_csv().encode("utf-8"))
