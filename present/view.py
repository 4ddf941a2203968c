"""The view a page or a file describes (language, filters, warehouse version, place) and the
words that say where and when its numbers come from.

`app.py` builds one per run (`ui.shell.set_view`); `python -m reports pdf` builds the same one
without a browser, so a page and a file made for the same view say the same thing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from metrics.connection import WarehouseVersion
from metrics.filters import Filters
from metrics.freshness import Freshness
from metrics.options import FilterOptions
from present import format as fmt
from present.format import Lang
from present.places import listed_units, unit_labels
from present.strings import t


@dataclass(frozen=True)
class View:
    lang: Lang
    filters: Filters
    version: WarehouseVersion
    freshness: Freshness
    options: FilterOptions
    province: str  # the province's official name, e.g. "Thành phố Hải Phòng"


def where(view: View) -> str:
    """Where the numbers come from, in words: the province, the chosen units or kinds,
    and a note when other filters narrow it further."""
    filters, lang = view.filters, view.lang
    names = unit_labels(view.options, listed_units(view.options, filters.province_codes))
    names |= {unit.code: unit.name for unit in view.options.agency_units}
    if filters.unit_codes:
        chosen = [names.get(code, code) for code in filters.unit_codes]
        place = ", ".join(chosen) if len(chosen) <= 2 else t("scope.units", lang, count=len(chosen))
    elif filters.unit_kinds:
        kinds = ", ".join(t(f"kind.{kind}", lang) for kind in filters.unit_kinds)
        place = f"{kinds} — {view.province}"
    else:
        place = view.province
    narrowed = filters.levels or filters.fields or filters.agency_codes or filters.channels
    return f"{place} ({t('scope.filtered', lang)})" if narrowed else place


def data_until_text(day: date | None, lang: Lang) -> str | None:
    """ "Số liệu đến dd/mm/yyyy …" when the period was cut at the last day with data
    (`metrics.data_span.data_until`), else None."""
    return None if day is None else t("data.until", lang, day=fmt.day(day))


def cut_day(view: View) -> date | None:
    """The day the view's period is cut at (the last day with data), or None. The same rule as
    `metrics.data_span.data_until`, from the freshness every page already holds."""
    end, filters = view.freshness.data_end, view.filters
    return end if end is not None and filters.start <= end < filters.end else None


def scope_text(view: View) -> str:
    """'Thành phố Hải Phòng, 01/07–20/08/2025': the end of every chart title."""
    period = fmt.day_range(view.filters.start, view.filters.end)
    return t("scope.line", view.lang, where=where(view), period=period)
