"""Simplification of procedures: business-related procedures and their plans, the processing
time each plan cuts (before → after), how the cuts are spread, plans by agency and status,
and what applications actually took before and after each plan's decision date."""

from __future__ import annotations

import polars as pl
import streamlit as st

from metrics.codes import PLAN_STATUSES
from metrics.simplification import plans_by
from present import format as fmt
from present.analyst_charts import count_bars, cut_histogram, dumbbell
from present.strings import t
from present.tables import Column, kinds, labelled
from present.theme import COLORS
from present.view import scope_text
from ui import loaders
from ui.charts import show_chart
from ui.downloads import download_buttons
from ui.kpi_cards import card_row
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_table

PLANS = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("agency_name", "col.agency", "text"),
    Column("plan", "col.plan", "text"),
    Column("status_label", "col.status", "text"),
    Column("decided_on", "col.decided_on", "date"),
    Column("days_before", "col.days_before", "days"),
    Column("days_after", "col.days_after", "days"),
    Column("time_cut", "col.time_cut", "rate"),
)
BY_AGENCY = (
    Column("agency_name", "col.agency", "text"),
    Column("plans", "col.plans", "count"),
    Column("mean_cut", "col.mean_cut", "rate"),
)
BY_STATUS = (
    Column("status_label", "col.status", "text"),
    Column("plans", "col.plans", "count"),
    Column("mean_cut", "col.mean_cut", "rate"),
)
ACTUAL = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("decided_on", "col.decided_on", "date"),
    Column("resolved_before", "col.resolved_before", "count"),
    Column("mean_days_before", "col.mean_days_before", "days"),
    Column("resolved_after", "col.resolved_after", "count"),
    Column("mean_days_after", "col.mean_days_after", "days"),
    Column("days_after", "col.days_after", "days"),
)

PLAN_ROWS = 20  # plans per before/after chart

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "simplification.title")
catalog_scope = view.province

summary = loaders.load_simplification_summary(version)
with card_row("simplification"):
    for label, value in (
        (t("simplification.business", lang), fmt.number(summary.business_related, lang)),
        (t("simplification.with_plan", lang), fmt.number(summary.business_with_plan, lang)),
        (t("simplification.plans", lang), fmt.number(summary.plans, lang)),
        (
            t("simplification.agencies", lang),
            t(
                "simplification.agencies_value",
                lang,
                cut=summary.agencies_with_cut,
                total=summary.agencies,
            ),
        ),
    ):
        # As wide as its value: "12/12 sở, ngành" is never cut to "12/12 sở, …".
        with st.container(border=True, width="content"):
            st.metric(label, value)
st.caption(t("simplification.note", lang))

plans = loaders.load_plans(version).with_columns(
    pl.col("status")
    .replace_strict(
        {s: t(f"status_plan.{s}", lang) for s in PLAN_STATUSES}, default=pl.col("status")
    )
    .alias("status_label")
)
st.subheader(t("simplification.plans_title", lang))
# PLAN_ROWS plans per chart, picked by range: 95 rows in one chart were 2.000 px tall with
# the axis far below the first names.
start = 0
if plans.height > PLAN_ROWS:
    start = (
        st.segmented_control(
            t("simplification.rows", lang),
            range(0, plans.height, PLAN_ROWS),
            format_func=lambda i: f"{i + 1}–{min(plans.height, i + PLAN_ROWS)}",
            default=0,
            required=True,
            key="plans_rows",
        )
        or 0
    )
show_chart(
    dumbbell(
        plans.slice(start, PLAN_ROWS),
        "days_before",
        "days_after",
        lang,
        t("chart.plan_days", lang),
        catalog_scope,
        t("axis.legal_days", lang),
    ),
    "don-gian-hoa-thoi-gian",
)
plan_frame = labelled(plans, PLANS, lang)
show_table(plan_frame, kinds(PLANS, lang), lang, height=TABLE_HEIGHT)
download_buttons(
    view,
    plan_frame,
    kinds(PLANS, lang),
    "phuong-an-don-gian-hoa",
    t("simplification.plans_title", lang),
)

cut_column, agency_column = st.columns(2)
with cut_column:
    show_chart(cut_histogram(plans, lang, catalog_scope), "muc-cat-giam")
    by_status = plans_by(plans, "status_label")
    status_frame = labelled(by_status, BY_STATUS, lang)
    show_table(status_frame, kinds(BY_STATUS, lang), lang)
    download_buttons(
        view,
        status_frame,
        kinds(BY_STATUS, lang),
        "don-gian-hoa-theo-trang-thai",
        t("simplification.by_status", lang),
    )
with agency_column:
    by_agency = plans_by(plans, "agency_name")
    show_chart(
        count_bars(
            by_agency["agency_name"].to_list(), by_agency["plans"].to_list(), lang,
            t("chart.plans_by_agency", lang), catalog_scope, COLORS["received"],
        ), "don-gian-hoa-theo-co-quan")  # fmt: skip
    agency_frame = labelled(by_agency, BY_AGENCY, lang)
    show_table(agency_frame, kinds(BY_AGENCY, lang), lang)
    download_buttons(
        view,
        agency_frame,
        kinds(BY_AGENCY, lang),
        "don-gian-hoa-theo-co-quan",
        t("simplification.by_agency", lang),
    )

st.subheader(t("simplification.actual_title", lang))
st.caption(t("simplification.actual_note", lang, end=fmt.day(filters.end)))
actual = loaders.load_actual_processing(version, filters).join(
    plans.select("procedure_code", "name", "decided_on", "days_after"), on="procedure_code"
)
both = actual.filter((pl.col("resolved_before") > 0) & (pl.col("resolved_after") > 0))
if both.is_empty():
    st.info(t("simplification.no_actual", lang))
else:
    show_chart(
        dumbbell(
            both.sort("mean_days_before", descending=True), "mean_days_before", "mean_days_after",
            lang, t("chart.actual_days", lang), scope_text(view), t("axis.actual_days", lang),
        ), "don-gian-hoa-thuc-te")  # fmt: skip
actual_frame = labelled(actual, ACTUAL, lang)
show_table(actual_frame, kinds(ACTUAL, lang), lang, height=TABLE_HEIGHT)
download_buttons(
    view,
    actual_frame,
    kinds(ACTUAL, lang),
    "thoi-gian-thuc-te",
    t("simplification.actual_title", lang),
)
