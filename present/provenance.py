"""The words that let a chart or a report stand alone once it leaves the dashboard: the
filters spelled out, the source line with the data's last day, and a file-name stamp.

The page header's scope line says "(đã lọc)" when filters narrow the view; an image pasted
into a report has no filter bar beside it, so here each filter is named with its values.
"""

from __future__ import annotations

from collections.abc import Sequence

from metrics.filters import Filters
from metrics.text import search_key
from present import format as fmt
from present.strings import t
from present.view import View

# Values listed per filter before the rest is counted ("Hộ tịch, Chứng thực và 5 khác").
LISTED_VALUES = 3


def _listed(values: Sequence[str], lang: fmt.Lang) -> str:
    if len(values) <= LISTED_VALUES:
        return ", ".join(values)
    shown = ", ".join(values[:LISTED_VALUES])
    return t("provenance.more", lang, shown=shown, more=len(values) - LISTED_VALUES)


def filters_detail(view: View) -> str:
    """ "Lọc: Cấp thủ tục: Cấp xã · Kênh nộp: Trực tuyến", or "" when only the place and
    period narrow the view (the scope line already names those)."""
    filters, lang = view.filters, view.lang
    agencies = dict(view.options.agencies)
    parts = [
        (t("filters.level", lang), [t(f"level.{v}", lang) for v in filters.levels]),
        (t("filters.fields", lang), list(filters.fields)),
        (t("filters.agencies", lang), [agencies.get(c, c) for c in filters.agency_codes]),
        (t("filters.channel", lang), [t(f"channel.{c}", lang) for c in filters.channels]),
    ]
    named = [f"{label}: {_listed(values, lang)}" for label, values in parts if values]
    return t("provenance.filters", lang, filters=" · ".join(named)) if named else ""


def source_line(view: View) -> str:
    """ "Nguồn: Hệ thống thông tin giải quyết TTHC, dữ liệu đến 20/08/2025"."""
    data_end = view.freshness.data_end
    shown = fmt.day(data_end) if data_end else t("freshness.unknown", view.lang)
    return t("provenance.source", view.lang, data_end=shown)


def slug(text: str) -> str:
    """A file-name-safe ASCII form of a phrase: "Tỷ lệ trực tuyến" → "ty-le-truc-tuyen"."""
    ascii_only = "".join(ch for ch in search_key(text) if ch.isascii())
    words = "".join(ch if ch.isalnum() else " " for ch in ascii_only).split()
    return "-".join(words)


def file_stem(name: str, filters: Filters) -> str:
    """What and when, for a saved file: "ty-le-truc-tuyen_2025-07-01_2025-08-20"."""
    return f"{slug(name)}_{filters.start.isoformat()}_{filters.end.isoformat()}"
