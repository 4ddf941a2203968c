"""What every page shares: the current view (language, filters, warehouse version), the page
header with its scope and the freshness line.

`app.py` builds the view once per run, before the page runs; a page reads it with
`current_view()` and never re-derives filters itself.
"""

from __future__ import annotations

import streamlit as st

from present import format as fmt
from present.strings import t
from present.view import View, scope_text
from ui.auth import DATA_QUALITY, current_account, page_link

_VIEW_KEY = "_view"


def set_view(view: View) -> None:
    st.session_state[_VIEW_KEY] = view


def current_view() -> View:
    """The view app.py built for this run; a page run on its own gets a plain message."""
    view = st.session_state.get(_VIEW_KEY)
    if view is None:
        st.info(t("page.no_shell", "vi"))
        st.stop()
    return view


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
