"""Biểu II.06a/VPCP/KSTT as an XLSX file in the official layout.

Title, reporting unit, period and "Đơn vị tính: Số hồ sơ TTHC"; the header block of the
view; the two-row column header with the column numbers (1)–(13) under it; a subtotal row
per level (I. Cấp tỉnh, II. Cấp xã) followed by its fields; the grand total; and the note on
how refused, withdrawn and stopped applications are counted. The numbers come from
`metrics.bieu_06a`, which defines every column.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import polars as pl
import xlsxwriter
from xlsxwriter.worksheet import Worksheet

from etl.dates import local_today
from metrics.bieu_06a import GRAND_TOTAL, LEVEL_TOTAL, VALUE_COLUMNS, identities_hold
from metrics.filters import Filters
from metrics.options import FilterOptions
from present.bieu_06a import (
    COLUMN_GROUPS,
    convention_note,
    filters_line,
    period_line,
    reporting_unit,
    row_labels,
    signed_at,
)
from present.format import Lang
from present.places import short_name
from present.strings import t
from present.view import data_until_text
from reports.header import HeaderBlock, filter_lines, header_block
from reports.writers import write_header_block

# Column groups of the form's first header row: (first column, last column, label key).
GROUPS = tuple((first - 1, last - 1, key) for first, last, key in COLUMN_GROUPS)
SUBJECT = "bieu-ii-06a"
WIDTHS = [6, 44] + [12] * len(VALUE_COLUMNS)


def bieu_06a_xlsx(
    rows: pl.DataFrame,
    header: HeaderBlock,
    heading: tuple[str, str, str],
    place: str,
    made_on: date,
    lang: Lang,
) -> bytes:
    """The form for `rows` (from `metrics.bieu_06a.form_rows`) as an XLSX workbook.

    `heading` is (reporting unit, period line, filters line or ""): a filtered form names its
    filters on the printed sheet itself, not only on the second sheet. Under the table come the
    form's signature block: "Người lập biểu" and "Thủ trưởng đơn vị", with `place` and the
    date `made_on` above the head's signature."""
    reporting_unit, period, filtered = heading
    assert identities_hold(rows), "Biểu II.06a identities broken: (3) = (4)+(5)+(6) = (7)+(11)"
    buffer = io.BytesIO()
    with xlsxwriter.Workbook(buffer, {"in_memory": True}) as book:
        sheet = book.add_worksheet(t("bieu.sheet", lang))
        width = 2 + len(VALUE_COLUMNS)
        centred = {"align": "center", "valign": "vcenter", "text_wrap": True}
        title = book.add_format({"bold": True, "font_size": 13} | centred)
        plain = book.add_format(centred)
        italic = book.add_format({"italic": True, "align": "right"})
        head = book.add_format({"bold": True, "border": 1} | centred)
        number_head = book.add_format({"italic": True, "border": 1} | centred)
        count = book.add_format({"num_format": "#,##0", "border": 1})
        bold_count = book.add_format({"num_format": "#,##0", "border": 1, "bold": True})
        text = book.add_format({"border": 1, "text_wrap": True})
        bold_text = book.add_format({"border": 1, "bold": True, "text_wrap": True})

        sheet.write_string(0, width - 3, t("bieu.form_code", lang), italic)
        sheet.merge_range(1, 0, 1, width - 1, t("bieu.title", lang), title)
        sheet.merge_range(
            2, 0, 2, width - 1, t("bieu.reporting_unit", lang, unit=reporting_unit), plain
        )
        sheet.merge_range(3, 0, 3, width - 1, period, plain)
        line = 4
        if filtered:
            sheet.merge_range(line, 0, line, width - 1, filtered, plain)
            line += 1
        sheet.write_string(line, width - 3, t("bieu.unit_of_count", lang), italic)
        # The view's header block (filters, when made) under the form's own heading.
        block = book.add_worksheet(t("bieu.view_sheet", lang))
        write_header_block(book, block, header, 2)
        block.set_column(0, 0, 24)
        block.set_column(1, 1, 80)

        top = line + 2
        sheet.merge_range(top, 0, top + 1, 0, t("bieu.col_1", lang), head)
        sheet.merge_range(top, 1, top + 1, 1, t("bieu.col_2", lang), head)
        for first, last, key in GROUPS:
            sheet.merge_range(top, first, top, last, t(key, lang), head)
        for offset in range(len(VALUE_COLUMNS)):
            sheet.write_string(top + 1, 2 + offset, t(f"bieu.col_{offset + 3}", lang), head)
        for col in range(width):
            sheet.write_string(top + 2, col, f"({col + 1})", number_head)

        first_body = top + 3
        for index, ((stt, name), values) in enumerate(
            zip(row_labels(rows, lang), rows.select(VALUE_COLUMNS).iter_rows(), strict=True)
        ):
            emphasis = rows["row_kind"][index] in (LEVEL_TOTAL, GRAND_TOTAL)
            line = first_body + index
            sheet.write_string(line, 0, stt, bold_text if emphasis else text)
            sheet.write_string(line, 1, name, bold_text if emphasis else text)
            for col, value in enumerate(values, start=2):
                sheet.write_number(line, col, value, bold_count if emphasis else count)
        note = first_body + rows.height + 1
        sheet.merge_range(
            note,
            0,
            note,
            width - 1,
            convention_note(rows, lang),
            book.add_format({"italic": True, "text_wrap": True}),
        )
        sheet.set_row(note, 32)
        _signatures(book, sheet, note + 2, width, signed_at(place, made_on, lang), lang)
        for col, size in enumerate(WIDTHS):
            sheet.set_column(col, col, size)
        sheet.set_row(top, 30)
        sheet.set_row(top + 1, 45)
        sheet.freeze_panes(first_body, 2)
        sheet.set_landscape()
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(top, top + 2)
    return buffer.getvalue()


def _signatures(
    book: xlsxwriter.Workbook,
    sheet: Worksheet,
    row: int,
    width: int,
    place_and_date: str,
    lang: Lang,
) -> None:
    """The form's foot: the preparer on the left, place and date then the head of the unit on
    the right, each with its signature hint, and room to sign."""
    centred = {"align": "center", "valign": "vcenter"}
    bold = book.add_format({"bold": True} | centred)
    italic = book.add_format({"italic": True} | centred)
    left, right = (0, 4), (width - 6, width - 1)
    sheet.merge_range(row, *right[:1], row, right[1], place_and_date, italic)
    for (first, last), title, hint in (
        (left, "bieu.preparer", "bieu.sign"),
        (right, "bieu.head", "bieu.sign_seal"),
    ):
        sheet.merge_range(row + 1, first, row + 1, last, t(title, lang), bold)
        sheet.merge_range(row + 2, first, row + 2, last, t(hint, lang), italic)


def bieu_06a_file(
    rows: pl.DataFrame,
    filters: Filters,
    options: FilterOptions,
    province: str,
    lang: Lang,
    data_until: date | None = None,
) -> bytes:
    """The XLSX for the view: what the page's button and `python -m reports bieu-06a` write.
    A period cut at the last day with data (`data_until`) says so on its period line."""
    header = header_block(t("bieu.title", lang), filters, options, province, lang)
    unit = reporting_unit(filters, options, province)
    period = " ".join(
        part for part in (period_line(filters, lang), data_until_text(data_until, lang)) if part
    )
    # The reporting unit line names the units; the other filters are printed under the period.
    printed = filter_lines(replace(filters, unit_codes=()), options, lang)
    heading = (unit, period, filters_line(printed, lang))
    return bieu_06a_xlsx(rows, header, heading, short_name(province), local_today(), lang)
