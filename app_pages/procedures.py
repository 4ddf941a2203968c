"""Procedures: the catalog as the city publishes it (by level, online service level,
non-boundary, field and agency), the busiest and the most often late procedures of the
period, and a search by code or name."""

from __future__ import annotations

import polars as pl
import streamlit as st

from metrics.catalog import busiest, most_late
from metrics.codes import LEVELS, ONLINE_SERVICES
from metrics.search import matching
from present import format as fmt
from present.strings import t
from present.tables import Column, kinds, labelled
from ui import loaders
from ui.downloads import download_buttons
from ui.kpi_cards import card_row
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_table

TOP = 20  # procedures in each ranking: a screen's worth
SEARCH_KEY = "procedures_search"
GROUP_COUNTS = (
    Column("procedures", "col.procedures", "count"),
    Column("provincial", "col.provincial", "count"),
    Column("commune", "col.commune", "count"),
    Column("full_online", "col.full_online", "count"),
    Column("partly_online", "col.partly_online", "count"),
    Column("non_boundary", "col.non_boundary_count", "count"),
)
BY_FIELD = (Column("field", "col.field", "text"), *GROUP_COUNTS)
BY_AGENCY = (Column("agency_label", "col.agency", "text"), *GROUP_COUNTS)
TIMES = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("resolved", "col.resolved", "count"),
    Column("median_workdays", "col.median_workdays", "days"),
    Column("p90_workdays", "col.p90_workdays", "days"),
    Column("legal_days", "col.legal_days", "days"),
    Column("over_legal", "col.over_legal", "count"),
)
ACTIVITY = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("field", "col.field", "text"),
    Column("level_label", "col.level", "text"),
    Column("received", "col.received", "count"),
    Column("resolved", "col.resolved", "count"),
    Column("resolved_late", "col.resolved_late", "count"),
    Column("overdue", "col.overdue", "count"),
    Column("late", "col.late", "count"),
    Column("to_handle", "col.to_handle", "count"),
    Column("on_time_rate", "col.on_time_rate", "rate"),
    Column("average_days", "col.average_days", "days"),
)
# The most-late ranking is sorted by "late": that column comes right after the name, so the
# order a reader sees is explained on screen, not by a column past the right edge.
MOST_LATE = tuple(
    sorted(ACTIVITY, key=lambda c: {"procedure_code": 0, "name": 1, "late": 2}.get(c.name, 3))
)
CATALOG = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("field", "col.field", "text"),
    Column("level_label", "col.level", "text"),
    Column("agency_name", "col.agency", "text"),
    Column("online_label", "col.online_service", "text"),
    Column("non_boundary_label", "col.non_boundary", "text"),
    Column("legal_days", "col.legal_days", "days"),
    Column("received", "col.received", "count"),
)

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "procedures.title")


def _labels(frame: pl.DataFrame) -> pl.DataFrame:
    """Codes spelled out for reading: level, online service level, non-boundary."""
    extra = [
        pl.col("level")
        .replace_strict({v: t(f"level.{v}", lang) for v in LEVELS})
        .alias("level_label")
    ]
    if "online_service" in frame.columns:
        extra.append(
            pl.col("online_service")
            .replace_strict({v: t(f"online.{v}", lang) for v in ONLINE_SERVICES})
            .alias("online_label")
        )
        extra.append(
            pl.when(pl.col("non_boundary"))
            .then(pl.lit(t("yes", lang)))
            .otherwise(pl.lit(t("no", lang)))
            .alias("non_boundary_label")
        )
    return frame.with_columns(extra)


def _table(frame: pl.DataFrame, columns: tuple[Column, ...], subject: str, title: str) -> None:
    shown = labelled(frame, columns, lang)
    show_table(
        shown, kinds(columns, lang), lang, height=TABLE_HEIGHT if shown.height > 12 else "auto"
    )
    download_buttons(view, shown, kinds(columns, lang), subject, title)


st.subheader(t("procedures.catalog", lang))
summary = loaders.load_catalog_summary(version)
with card_row("catalog"):
    for key, value in (
        ("procedures.total", summary.total),
        ("level.tinh", summary.provincial),
        ("level.xa", summary.commune),
        ("online.toan_trinh", summary.full_online),
        ("online.mot_phan", summary.partly_online),
        ("procedures.non_boundary", summary.non_boundary),
    ):
        with st.container(border=True, width=180):
            st.metric(t(key, lang), fmt.number(value, lang))
st.caption(t("procedures.catalog_note", lang))

field_column, agency_column = st.columns(2)
with field_column:
    title = t("procedures.by_field", lang)
    st.markdown(f"**{title}**")
    _table(loaders.load_catalog_by(version, "field"), BY_FIELD, "tthc-theo-linh-vuc", title)
with agency_column:
    title = t("procedures.by_agency", lang)
    st.markdown(f"**{title}**")
    agencies = loaders.load_catalog_by(version, "agency_name").with_columns(
        pl.col("agency_name").fill_null(t("procedures.commune_level", lang)).alias("agency_label")
    )
    _table(agencies, BY_AGENCY, "tthc-theo-co-quan", title)

activity = _labels(loaders.load_procedure_activity(version, filters))
st.subheader(t("procedures.busiest", lang, count=TOP))
st.caption(t("procedures.period_note", lang))
_table(
    busiest(activity, TOP), ACTIVITY, "tthc-nhieu-ho-so", t("procedures.busiest", lang, count=TOP)
)
st.subheader(t("procedures.most_late", lang, count=TOP))
st.caption(t("procedures.late_note", lang, end=fmt.day(filters.end)))
_table(
    most_late(activity, TOP), MOST_LATE, "tthc-tre-han", t("procedures.most_late", lang, count=TOP)
)

st.subheader(t("procedures.times", lang))
st.caption(t("procedures.times_note", lang))
times = loaders.load_procedure_times(version, filters).head(TOP)
_table(times, TIMES, "thoi-gian-giai-quyet", t("procedures.times", lang))

st.subheader(t("procedures.search_title", lang))
query = st.text_input(
    t("procedures.search", lang), key=SEARCH_KEY, placeholder=t("procedures.search_hint", lang)
)
found = matching(loaders.load_catalog(version), query, ["procedure_code", "name"])
found = _labels(found).join(
    activity.select("procedure_code", "received"), on="procedure_code", how="left"
)
found = found.with_columns(pl.col("received").fill_null(0))
st.caption(t("procedures.found", lang, count=fmt.number(found.height, lang)))
_table(found, CATALOG, "danh-muc-tthc", t("procedures.search_title", lang))
