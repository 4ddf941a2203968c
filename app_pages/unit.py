"""One unit, a ward or commune or a sở, ngành: its KPIs against the median unit of its league,
its trend, its busiest procedures and fields, its overdue applications, oldest first, and its
own Biểu II.06a and PDF report. Opened from a league table or directly from a URL such as
`/don-vi?ma=11311` or `/don-vi?ma=31.STC`; the filter bar's period and filters apply."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import polars as pl
import streamlit as st

from metrics.activity import default_grain
from metrics.catalog import busiest
from metrics.units_league import AGENCY_KINDS, city_median, unit_filters
from present import format as fmt
from present import overview_charts as charts
from present.analyst_charts import unit_vs_median
from present.index_766 import unit_line as index_766_line
from present.league import league_rows
from present.safe_text import markdown_text
from present.strings import t
from present.tables import Column, kinds, labelled
from reports.bieu_06a import SUBJECT as BIEU_SUBJECT
from reports.bieu_06a import bieu_06a_file
from reports.header import file_name
from reports.render import chromium_available
from ui import loaders
from ui.charts import show_chart
from ui.closed import closed_tables, late_list
from ui.downloads import XLSX_MIME, download_buttons
from ui.empty import nothing_found
from ui.kpi_cards import kpi_cards
from ui.locks import show_locked
from ui.shell import current_view, freshness_line
from ui.tables import show_table

UNITS_PAGE = "app_pages/units.py"
INDEX_766_PAGE = "app_pages/index_766.py"
UNIT_PARAM = "ma"
SHOWN_CODE_CHARS = 20  # unit codes are 5 digits (agencies a little longer)
TOP_PROCEDURES = 10
OVERDUE_COLUMNS = (
    Column("application_id", "col.application_id", "text"),
    Column("procedure_code", "col.procedure_code", "text"),
    Column("procedure_name", "col.procedure_name", "text"),
    Column("received_at", "col.received_at", "datetime"),
    Column("due_at", "col.due_at", "datetime"),
    Column("days_overdue", "col.days_overdue", "count"),
)
PROCEDURE_COLUMNS = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("field", "col.field", "text"),
    Column("received", "col.received", "count"),
    Column("resolved", "col.resolved", "count"),
    Column("late", "col.late", "count"),
    Column("on_time_rate", "col.on_time_rate", "rate"),
)

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
# Every unit of its league, whatever units or kinds the filter bar picked: the median is the
# city's typical ward or commune, or its typical sở, ngành.
every_unit = replace(filters, unit_codes=(), unit_kinds=())
code = st.query_params.get(UNIT_PARAM, "")
league = league_rows(loaders.load_league(version, every_unit), lang)
if league.filter(pl.col("unit_code") == code).is_empty():
    league = league_rows(loaders.load_league(version, every_unit, AGENCY_KINDS), lang)
match = league.filter(pl.col("unit_code") == code)
is_agency = any(unit.code == code for unit in view.options.agency_units)
back = "agency.back" if is_agency else "unit.back"
st.page_link(UNITS_PAGE, label=t(back, lang), icon=":material/arrow_back:")
if match.is_empty():
    st.title(t("nav.unit", lang))
    if not code:
        st.info(t("unit.none", lang), icon=":material/location_on:")
    else:
        # The code came from the URL: echoed as plain text, and only its start.
        st.warning(t("unit.unknown", lang, code=markdown_text(code[:SHOWN_CODE_CHARS])))
    st.page_link(UNITS_PAGE, label=t("units.title", lang), icon=":material/location_city:")
    st.stop()

row = match.row(0, named=True)
# The sidebar's filters apply to this unit; it says which unit that is.
st.sidebar.info(t("unit.viewing", lang, name=row["name"], code=code), icon=":material/location_on:")
scoped = unit_filters(filters, code)
st.title(row["name"])
period_text = fmt.day_range(filters.start, filters.end)
scope = t("scope.line", lang, where=row["name"], period=period_text)
st.caption(scope + " · " + t("unit.code", lang, code=code, kind=row["kind_label"]))
freshness_line(view)

comparison = loaders.load_kpis(version, scoped, view.freshness.data_start)
if comparison.current.count("to_handle") == 0:
    nothing_found(view)
kpi_cards(comparison, lang)
show_locked(replace(view, filters=scoped))  # issue 12: a locked period, this unit's figures
medians = city_median(league)
show_chart(
    unit_vs_median(
        {m: row[m] for m in medians}, medians, lang, t("chart.unit_vs_median", lang), scope
    ),
    f"don-vi-{code}-so-voi-trung-vi",
)
st.caption(
    t(
        "unit.median_note",
        lang,
        days=fmt.decimal(row["average_days"], lang),
        median_days=fmt.decimal(medians["average_days"], lang),
    )
)

# Its Bộ chỉ số 766 points and rank among its peers, linked to its view on /chi-so-766.
line_766 = index_766_line(loaders.load_index_766_units(version, every_unit), code, lang)
if line_766:
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(line_766)
        st.page_link(
            INDEX_766_PAGE,
            label=t("i766.unit_link", lang),
            icon=":material/leaderboard:",
            query_params={UNIT_PARAM: code},
        )

st.subheader(t("section.trend", lang))
grain = default_grain(filters.days)
show_chart(
    charts.trend_figure(loaders.load_trend(version, scoped, grain), grain, lang, scope),
    f"don-vi-{code}-xu-huong",
)

st.subheader(t("unit.top_procedures", lang, count=TOP_PROCEDURES))
procedures = busiest(loaders.load_procedure_activity(version, scoped), TOP_PROCEDURES)
frame = labelled(procedures, PROCEDURE_COLUMNS, lang)
show_table(frame, kinds(PROCEDURE_COLUMNS, lang), lang)
download_buttons(
    view,
    frame,
    kinds(PROCEDURE_COLUMNS, lang),
    f"thu-tuc-{code}",
    t("unit.top_procedures", lang, count=TOP_PROCEDURES) + " — " + row["name"],
    scoped,
)
fields = loaders.load_field_activity(version, scoped)
show_chart(charts.fields_figure(fields, lang, scope), f"don-vi-{code}-linh-vuc")

# Issue 12: what the unit closed without a result, by kind and field; its late resolutions
# of the period, just above its open overdue list.
closed_tables(view, scoped, ("field",), f"khong-tiep-nhan-rut-dung-{code}")
late_list(view, scoped, code, row["name"])

st.subheader(t("unit.overdue", lang))
overdue = loaders.load_unit_overdue(version, filters, code)
st.caption(
    t(
        "unit.overdue_note",
        lang,
        end=fmt.day(filters.end),
        count=fmt.number(overdue.height, lang),
    )
)
if overdue.is_empty():
    st.success(t("unit.no_overdue", lang))
else:
    frame = labelled(overdue, OVERDUE_COLUMNS, lang)
    show_table(frame, kinds(OVERDUE_COLUMNS, lang), lang)
    download_buttons(
        view,
        frame,
        kinds(OVERDUE_COLUMNS, lang),
        f"ho-so-qua-han-{code}",
        t("unit.overdue", lang) + " — " + row["name"],
        scoped,
    )

# The unit's own Biểu II.06a and A4 report: the same files as the Biểu and report pages make
# for a view of this unit alone (also `python -m reports bieu-06a --unit CODE`).
st.subheader(t("unit.files", lang))
unit_view = replace(view, filters=scoped)
bieu_column, pdf_column = st.columns(2)
with bieu_column:
    rows = loaders.load_bieu_rows(version, scoped)
    st.download_button(
        t("unit.bieu_download", lang),
        data=partial(bieu_06a_file, rows, scoped, view.options, view.province, lang),
        file_name=file_name(f"{BIEU_SUBJECT}_{code}", scoped, "xlsx"),
        mime=XLSX_MIME,
        icon=":material/description:",
        on_click="ignore",
        key="unit_bieu_06a",
    )
with pdf_column:
    if chromium_available():
        metrics = loaders.load_report_metrics(version, scoped, view.freshness.data_start)
        st.download_button(
            t("unit.pdf_download", lang),
            data=partial(loaders.report_pdf_bytes, version, scoped, lang, unit_view, metrics),
            file_name=file_name(f"bao-cao_{code}", scoped, "pdf"),
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            key="unit_pdf",
        )
    else:
        st.info(t("report.no_chromium", lang))
