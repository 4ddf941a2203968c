"""The one empty state of the app: every page that finds nothing for the filters calls
`nothing_found`, which says so, names the filters to relax, offers the reset and stops the
page before any empty table or chart is drawn."""

from __future__ import annotations

from typing import NoReturn

import streamlit as st

from present.empty import relax_hint
from present.strings import t
from present.view import View
from ui.filter_bar import reset_filters


def nothing_found(view: View) -> NoReturn:
    lang = view.lang
    with st.container(border=True, key="empty_state"):
        st.markdown(f"**{t('empty.no_data', lang)}**")
        st.markdown(relax_hint(view))
        st.button(
            t("filters.reset", lang),
            on_click=reset_filters,
            icon=":material/restart_alt:",
            key="empty_reset",
        )
    st.stop()
