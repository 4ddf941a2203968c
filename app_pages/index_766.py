"""Bộ chỉ số 766 theo đơn vị (issue 15): the city's points per computable group and their
monthly trend, the indicators behind them, the units that cost the city most, a ranking of
wards and communes and one of agencies; picking a row (or `?ma=<code>`, the unit page's
link) opens that unit's own view on this page. Never called the official score."""

from __future__ import annotations

import polars as pl
import streamlit as st

from metrics.codes import AGENCY_KIND, COMMUNE_KINDS
from metrics.index_766 import ranking, totals
from metrics.rankings import MIN_DENOMINATOR
from present import format as fmt
from present import index_766 as present
from present.safe_text import markdown_text
from present.strings import t
from present.tables import kinds, labelled
from present.view import scope_text
from ui import loaders
from ui.charts import show_chart
from ui.downloads import download_buttons
from ui.empty import nothing_found
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_table

PAGE = "app_pages/index_766.py"
UNIT_PARAM = "ma"  # /chi-so-766?ma=<unit code>, as /don-vi (?unit= is the filter bar's)
SHOWN_CODE_CHARS = 20

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
index = loaders.load_index_766(version, filters)
units = loaders.load_index_766_units(version, filters)
if units.is_empty() or units["to_handle"].sum() == 0:
    page_header(view, "i766.title")
    nothing_found(view)
scope = scope_text(view)


def _indicator_table(frame: pl.DataFrame, subject: str, title: str) -> None:
    shown = labelled(frame, present.INDICATOR_COLUMNS, lang)
    column_kinds = kinds(present.INDICATOR_COLUMNS, lang)
    show_table(shown, column_kinds, lang)
    download_buttons(view, shown, column_kinds, subject, title)


def _ranking(kinds_of: tuple[str, ...], title_key: str, subject: str) -> str | None:
    """A ranking table with its downloads; the code of the row picked, if any."""
    st.subheader(t(title_key, lang))
    rows = present.ranking_rows(ranking(units, kinds_of), lang)
    shown = labelled(rows, present.RANKING_COLUMNS, lang)
    column_kinds = kinds(present.RANKING_COLUMNS, lang)
    picked = show_table(
        shown,
        column_kinds,
        lang,
        bars=[t("i766.col.share", lang)],
        key=f"i766_{subject}",
        selectable=True,
        height=TABLE_HEIGHT,
    )
    download_buttons(view, shown, column_kinds, subject, t(title_key, lang))
    indices = picked.selection.rows if picked is not None else []
    return rows["unit_code"][indices[0]] if indices and indices[0] < rows.height else None


def _unit_view(code: str) -> None:
    """One unit: its points and rank, its groups against their maxima, its indicators."""
    match = units.filter(pl.col("unit_code") == code)
    st.page_link(PAGE, label=t("i766.back", lang), icon=":material/arrow_back:")
    if match.is_empty():
        st.title(t("i766.title", lang))
        st.warning(t("i766.unknown_unit", lang, code=markdown_text(code[:SHOWN_CODE_CHARS])))
        return
    row = match.row(0, named=True)
    st.title(t("i766.unit_title", lang, name=row["name"]))
    st.caption(scope)
    st.markdown(present.unit_line(units, code, lang))
    indicators = index.units.filter(pl.col("unit_code") == code)
    show_chart(present.unit_figure(indicators, lang, row["name"], scope), f"chi-so-766-{code}")
    _indicator_table(
        present.indicator_rows(indicators, index.missing, lang),
        f"chi-so-766-{code}",
        t("i766.unit_title", lang, name=row["name"]),
    )


def _method() -> None:
    with st.expander(t("i766.method_title", lang), icon=":material/info:"):
        st.markdown(t("i766.method", lang, left_out=present.left_out_text(lang)))


code = st.query_params.get(UNIT_PARAM, "")
if code:
    _unit_view(code)
    _method()
    st.stop()

page_header(view, "i766.title")
st.caption(t("i766.intro", lang))
points, maximum = totals(index.whole)
with st.container(border=True, width=420):
    st.metric(
        t("i766.chart.groups", lang),
        f"{fmt.decimal(points, lang)} / {fmt.decimal(maximum, lang)}",
    )
st.caption(t("i766.total_note", lang, max=fmt.decimal(maximum, lang, 0)))
_method()

left, right = st.columns(2)
with left:
    show_chart(present.groups_figure(index.whole, lang, scope), "chi-so-766-nhom")
with right:
    show_chart(
        present.trend_figure(loaders.load_index_766_trend(version, filters), lang, scope),
        "chi-so-766-theo-thang",
    )

st.subheader(t("i766.indicators_title", lang))
_indicator_table(
    present.indicator_rows(
        index.whole, index.missing, lang, loaders.load_payment_coverage(version, filters)
    ),
    present.INDICATORS_SUBJECT,
    t("i766.file_indicators", lang),
)
st.caption(t("i766.not_computable_title", lang))
show_table(
    labelled(present.not_computable_rows(lang), present.NOT_COMPUTABLE_COLUMNS, lang),
    kinds(present.NOT_COMPUTABLE_COLUMNS, lang),
    lang,
)

st.subheader(t("i766.costly_title", lang))
st.markdown(present.costly_line(index, units, lang))
costly = labelled(present.costly_rows(units, lang), present.COSTLY_COLUMNS, lang)
show_table(costly, kinds(present.COSTLY_COLUMNS, lang), lang)

st.caption(t("i766.rank_rule", lang, min=MIN_DENOMINATOR))
picked = _ranking(COMMUNE_KINDS, "i766.communes_title", present.RANKING_SUBJECT)
picked_agency = _ranking((AGENCY_KIND,), "i766.agencies_title", present.RANKING_SUBJECT + "-so")
chosen = picked or picked_agency
if chosen:
    st.switch_page(PAGE, query_params={UNIT_PARAM: chosen})
