"""Wards and communes: all commune-level units ranked on one table, and where each stands on
online share against on-time rate. Picking a row opens that unit's own view."""

from __future__ import annotations

import streamlit as st

from metrics.search import matching
from present import league
from present.analyst_charts import units_scatter
from present.strings import t
from present.tables import kinds, labelled
from present.view import scope_text
from ui import loaders
from ui.charts import show_chart
from ui.downloads import download_buttons
from ui.empty import nothing_found
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_table

UNIT_PAGE = "app_pages/unit.py"
UNIT_PARAM = "ma"  # /don-vi?ma=<unit code>
SEARCH_KEY = "units_search"

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "units.title")
scope = scope_text(view)

table = league.league_rows(loaders.load_league(version, filters), lang)
if table["to_handle"].sum() == 0:  # every unit is listed, with zeros when nothing matches
    nothing_found(view)
query = st.text_input(
    t("units.search", lang), key=SEARCH_KEY, placeholder=t("units.search_hint", lang)
)
shown = matching(table, query, ["name", "unit_code"])
frame = labelled(shown, league.COLUMNS, lang)
column_kinds = kinds(league.COLUMNS, lang)

table_column, chart_column = st.columns([3, 2])
with table_column:
    st.caption(t("units.count", lang, shown=len(shown), total=len(table)))
    selection = show_table(
        frame,
        column_kinds,
        lang,
        bars=[t(key, lang) for key in league.BARS],
        key="units_table",
        selectable=True,
        height=TABLE_HEIGHT,
    )
    st.caption(t("units.hint", lang))
    download_buttons(view, frame, column_kinds, league.SUBJECT, t("units.title", lang))
with chart_column:
    if shown.is_empty():  # the search matched no unit: no chart with an invented axis
        st.info(t("empty.search", lang, query=query))
    else:
        show_chart(units_scatter(shown, lang, scope), "xa-phuong-tan-xa")
        st.caption(t("units.scatter_note", lang))

rows = selection.selection.rows if selection is not None else []
if rows:
    st.switch_page(UNIT_PAGE, query_params={UNIT_PARAM: shown["unit_code"][rows[0]]})
