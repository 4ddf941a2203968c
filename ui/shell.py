"""What every page shares: the current view (language, filters, warehouse version), the page
header with its scope and the freshness line.

`app.py` builds the view once per run, before the page runs; a page reads it with
`current_view()` and never re-derives filters itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from metrics.connection import WarehouseVersion
from metrics.filters import Filters
from metrics.freshness import Freshness
from metrics.options import FilterOptions
from ui import format as fmt
from ui.auth import DATA_QUALITY, current_account, page_link
from ui.format import Lang
from ui.places import listed_units, unit_labels
from ui.strings import t

_VIEW_KEY = "_view"


@dataclass(frozen=True)
class View:
    lang: Lang
    filters: Filters
    version: WarehouseVersion
    freshness: Freshness
    options: FilterOptions
    province: str  # the province's official name, e.g. "Thành phố Hải Phòng"


def set_view(view: View) -> None:
    st.session_state[_VIEW_KEY] = view


def current_view() -> View:
    """The view app.py built for this run; a page run on its own gets a plain message."""
    view = st.session_state.get(_VIEW_KEY)
    if view is None:
        st.info(t("page.no_shell", "vi"))
        st.stop()
    return view


def where(view: View) -> str:
    """Where the numbers come from, in words: the province, the chosen units or kinds,
    and a note when other filters narrow it further."""
    filters, lang = view.filters, view.lang
    names = unit_labels(view.options, listed_units(view.options, filters.province_codes))
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


def scope_text(view: View) -> str:
    """'Thành phố Hải Phòng, 01/07–20/08/2025': the end of every chart title."""
    period = fmt.day_range(view.filters.start, view.filters.end)
    return t("scope.line", view.lang, where=where(view), period=period)


def page_header(view: View, title_key: str) -> None:
    """Title, scope and the freshness line every page starts with."""
    st.title(t(title_key, view.lang))
    st.caption(scope_text(view))
    freshness_line(view)


def freshness_line(view: View) -> None:
    """Data up to, last load, row count, and rejected rows linking to the data-quality page."""
    lang, fresh = view.lang, view.freshness
    unknown = t("freshness.unknown", lang)
    text_parts = (
        fmt.day(fresh.data_end) if fresh.data_end else unknown,
        fmt.timestamp(fresh.loaded_at) if fresh.loaded_at else unknown,
    )
    text = t(
        "freshness.text",
        lang,
        data_end=text_parts[0],
        loaded_at=text_parts[1],
        applications=fmt.number(fresh.applications, lang),
    )
    if not current_account().access.is_city:
        # Warehouse-wide counts are the city's; a restricted account sees how fresh, not how many.
        st.caption(t("freshness.short", lang, data_end=text_parts[0], loaded_at=text_parts[1]))
        return
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.caption(text + " ·")
        rejected = t("freshness.rejected", lang, rejected=fmt.number(fresh.rejected, lang))
        page_link(DATA_QUALITY, rejected, ":material/rule:")
