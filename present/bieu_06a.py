"""Biểu II.06a as people read it on screen and in every file: the row labels (I, II and the
levels on subtotals, 1, 2, … on fields), the flat table with the form's column numbers, and
the form's heading lines. The numbers come from `metrics.bieu_06a`, which defines every column;
`reports.bieu_06a` writes the official XLSX layout from the same labels.
"""

from __future__ import annotations

from datetime import date

import polars as pl

from metrics.bieu_06a import FIELD, LEVEL_TOTAL, VALUE_COLUMNS, closed_total
from metrics.filters import Filters
from metrics.options import FilterOptions
from present import format as fmt
from present.format import Lang
from present.strings import t

ROMAN = {"tinh": "I", "xa": "II"}


def row_labels(rows: pl.DataFrame, lang: Lang) -> list[tuple[str, str]]:
    """(STT, name) of each body row: I / II and the level on subtotals, 1, 2, … on fields."""
    labels: list[tuple[str, str]] = []
    number = 0
    for kind, level, field in rows.select("row_kind", "level", "field").iter_rows():
        if kind == LEVEL_TOTAL:
            number = 0
            labels.append((ROMAN[level], t(f"level.{level}", lang)))
        elif kind == FIELD:
            number += 1
            labels.append((str(number), field))
        else:
            labels.append(("", t("bieu.total", lang)))
    return labels


# The form's column groups, as its first header row prints them: (first, last, label key) by
# the form's column numbers; the screen's table and the XLSX sheet both draw them.
COLUMN_GROUPS = ((3, 6, "bieu.received_group"), (7, 10, "bieu.resolved_group"),
                 (11, 13, "bieu.open_group"))  # fmt: skip


def column_groups(table: pl.DataFrame, lang: Lang) -> dict[str, str]:
    """The group label over each of `bieu_table`'s columns (3)–(13), by column label."""
    return {
        name: t(key, lang)
        for first, last, key in COLUMN_GROUPS
        for name in table.columns[first - 1 : last]
    }


def bieu_table(rows: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The form as a flat table (screen and CSV): STT, field, then columns (3)–(13), each
    named with its number so it can be matched to the official form."""
    labels = row_labels(rows, lang)
    names = [f"({number}) {t(f'bieu.col_{number}', lang)}" for number in range(3, 14)]
    return pl.DataFrame(
        {
            t("bieu.col_1", lang): [stt for stt, _ in labels],
            t("bieu.col_2", lang): [name for _, name in labels],
        }
    ).hstack(rows.select(VALUE_COLUMNS).rename(dict(zip(VALUE_COLUMNS, names, strict=True))))


def period_line(filters: Filters, lang: Lang) -> str:
    return t("bieu.period", lang, start=fmt.day(filters.start), end=fmt.day(filters.end))


def reporting_unit(filters: Filters, options: FilterOptions, province: str) -> str:
    """The province, or the chosen units' names when the report is for some units only."""
    if not filters.unit_codes:
        return province
    names = {unit.code: unit.name for unit in options.every_unit}
    return ", ".join(names.get(code, code) for code in filters.unit_codes)


def filters_line(lines: list[tuple[str, str]], lang: Lang) -> str:
    """ "Lọc theo: Kênh nộp: Trực tuyến; Lĩnh vực: Hộ tịch" from the header's filter lines
    (`reports.header.filter_lines`), or "" for an unfiltered form."""
    if not lines:
        return ""
    return t("bieu.filters_line", lang, filters="; ".join(f"{k}: {v}" for k, v in lines))


def signed_at(place: str, day: date, lang: Lang) -> str:
    """ "Hải Phòng, ngày 02 tháng 12 năm 2026": as official documents write it, a day below 10
    and the months 1 and 2 with a leading zero (Nghị định 30/2020/NĐ-CP)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return t("bieu.signed_at", lang, place=place, day=f"{day.day:02d}", month=month, year=day.year)


def convention_note(rows: pl.DataFrame, lang: Lang) -> str:
    """The note under the form (page and file): the convention for applications closed without
    a result, with how many of columns (7) and (9) they are."""
    return t("bieu.convention_count", lang, closed=fmt.number(closed_total(rows), lang))
