"""The lines at the top of every exported file: what it is, where, which period, which filters.

A file forwarded by e-mail or printed must say which view it came from without the dashboard
beside it, so the period and every active filter are spelled out with names, not codes.
"""

from __future__ import annotations

from etl.dates import local_now
from metrics.filters import Filters
from metrics.options import FilterOptions
from present import format as fmt
from present.format import Lang
from present.strings import t

HeaderBlock = list[tuple[str, str]]


def header_block(
    title: str, filters: Filters, options: FilterOptions, province: str, lang: Lang
) -> HeaderBlock:
    """(label, value) lines: title, place, period, the active filters, and when it was made."""
    lines: HeaderBlock = [
        (t("export.subject", lang), title),
        (t("export.place", lang), province),
        (
            t("export.period", lang),
            t("export.period_value", lang, start=fmt.day(filters.start), end=fmt.day(filters.end)),
        ),
    ]
    lines += filter_lines(filters, options, lang) or [
        (t("export.filters", lang), t("export.no_filters", lang))
    ]
    lines.append((t("export.made_at", lang), fmt.timestamp(local_now())))
    return lines


def filter_lines(filters: Filters, options: FilterOptions, lang: Lang) -> HeaderBlock:
    """(label, value) for each active filter, names spelled out ("Kênh nộp", "Trực tuyến");
    none when the view is not filtered. Biểu II.06a prints them on the form itself."""
    units = {unit.code: unit.name for unit in options.every_unit}
    agencies = dict(options.agencies)
    restrictions = [
        ("filters.level", [t(f"level.{v}", lang) for v in filters.levels]),
        ("filters.kind", [t(f"kind.{v}", lang) for v in filters.unit_kinds]),
        ("filters.units", [units.get(code, code) for code in filters.unit_codes]),
        ("filters.fields", list(filters.fields)),
        ("filters.agencies", [agencies.get(code, code) for code in filters.agency_codes]),
        ("filters.channel", [t(f"channel.{v}", lang) for v in filters.channels]),
    ]
    return [(t(key, lang), "; ".join(values)) for key, values in restrictions if values]


def file_name(subject: str, filters: Filters, suffix: str) -> str:
    """`ho-so-theo-xa_2025-07-01_2025-08-20.xlsx`: the subject and the period, ASCII only."""
    return f"{subject}_{filters.start.isoformat()}_{filters.end.isoformat()}.{suffix}"
