"""Units: the wards and communes ranked on one table, the sở, ngành on another, each closed by
its total row (the two totals add up to the city's figure), and where each ward or commune
stands on online share against on-time rate. Picking a row opens that unit's own view."""

from __future__ import annotations

import polars as pl
import streamlit as st

from metrics.search import matching
from metrics.units_league import AGENCY_KINDS, league_total
from present import format as fmt
from present import league
from present.analyst_charts import units_scatter
from present.strings import t
from present.tables import kinds, labelled
from present.view import scope_text
from ui import loaders
from ui.charts import show_chart
from ui.closed import closed_tables
from ui.downloads import download_buttons
from ui.empty import nothing_found
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_with_phone_twin

UNIT_PAGE = "app_pages/unit.py"
UNIT_PARAM = "ma"  # /don-vi?ma=<unit code>
SEARCH_KEY = "units_search"

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "units.title")
scope = scope_text(view)

communes = loaders.load_league(version, filters)
agencies = loaders.load_league(version, filters, AGENCY_KINDS)
table = league.league_rows(communes, lang)
agency_rows = league.league_rows(agencies, lang)
# Every unit is listed, with zeros when nothing matches.
if table["to_handle"].sum() == 0 and agency_rows["to_handle"].sum() == 0:
    nothing_found(view)
query = st.text_input(
    t("units.search", lang), key=SEARCH_KEY, placeholder=t("units.search_hint", lang)
)
shown = matching(table, query, ["name", "unit_code"])
frame = labelled(league.with_total(shown, lang, over=table), league.COLUMNS, lang)
column_kinds = kinds(league.COLUMNS, lang)
bars = [t(key, lang) for key in league.BARS]
phone_kinds = kinds(league.PHONE_COLUMNS, lang)
phone_widths = {t(key, lang): width for key, width in league.PHONE_WIDTHS.items()}

table_column, chart_column = st.columns([3, 2])
with table_column:
    st.caption(t("units.count", lang, shown=len(shown), total=len(table)))
    selections = show_with_phone_twin(
        frame,
        column_kinds,
        labelled(league.with_total(shown, lang, over=table), league.PHONE_COLUMNS, lang),
        phone_kinds,
        lang,
        key="units_table",
        phone_widths=phone_widths,
        bars=bars,
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

st.subheader(t("agencies.title", lang))
agency_frame = labelled(league.with_total(agency_rows, lang), league.COLUMNS, lang)
st.caption(t("agencies.count", lang, total=len(agency_rows)))
agency_selections = show_with_phone_twin(
    agency_frame,
    column_kinds,
    labelled(league.with_total(agency_rows, lang), league.PHONE_COLUMNS, lang),
    phone_kinds,
    lang,
    key="agencies_table",
    phone_widths=phone_widths,
    bars=bars,
    selectable=True,
)
st.caption(t("agencies.hint", lang))
download_buttons(view, agency_frame, column_kinds, league.AGENCY_SUBJECT, t("agencies.title", lang))
city = league_total(pl.concat([communes, agencies]))
st.caption(
    t(
        "league.city_total",
        lang,
        received=fmt.number(city["received"], lang),
        to_handle=fmt.number(city["to_handle"], lang),
        resolved=fmt.number(city["resolved"], lang),
    )
)


def _picked(picked: object, rows: pl.DataFrame) -> str | None:
    """The unit code of the picked row; None for no pick or the total row."""
    indices = picked.selection.rows if picked is not None else []
    return rows["unit_code"][indices[0]] if indices and indices[0] < rows.height else None


code = next(
    (
        picked
        for selections, rows in ((selections, shown), (agency_selections, agency_rows))
        for selection in selections
        if (picked := _picked(selection, rows))
    ),
    None,
)
if code:
    st.switch_page(UNIT_PAGE, query_params={UNIT_PARAM: code})

# Closed without a result by kind (issue 12): per unit (communes and agencies) and per field.
closed_tables(view, filters, ("unit_code", "field"), "khong-tiep-nhan-rut-dung")
