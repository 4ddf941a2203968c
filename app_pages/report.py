"""Report: the A4 document a leader reads — header, summary, KPI cards, trend, top and bottom
units, fields — for the chosen period and filters, with its PDF one click away.

The same `present.report.Report` feeds this page and the PDF, so what is printed from the
browser (Ctrl+P) and the downloaded PDF say the same thing.
"""

from __future__ import annotations

from functools import partial

import polars as pl
import streamlit as st

from etl.dates import local_now
from present.report import build_report
from present.safe_text import markdown_text
from present.strings import t
from reports.render import chromium_available
from ui.charts import show_chart
from ui.empty import nothing_found
from ui.kpi_cards import kpi_cards
from ui.loaders import load_report_metrics, report_pdf_bytes
from ui.report_view import fixed_width_layout
from ui.shell import current_view

view = current_view()
fixed_width_layout()
lang, filters, version = view.lang, view.filters, view.version
metrics = load_report_metrics(version, filters, view.freshness.data_start)
report = build_report(view, metrics, local_now())

st.title(report.title)
place, *lines = report.header
# Header and summary name fields and units from the data: shown as text, not as Markdown.
st.markdown(f"**{markdown_text(place)}**")
for line in lines:
    st.caption(markdown_text(line))

# Hidden in print and in report view (the `noprint` key; see ui/report_view.py).
with st.container(key="noprint_report_actions"):
    if chromium_available():
        st.download_button(
            t("report.download", lang),
            data=partial(report_pdf_bytes, version, filters, lang, view, metrics),
            file_name=report.file_name,
            mime="application/pdf",
            icon=":material/picture_as_pdf:",
            on_click="ignore",
            type="primary",
        )
        st.caption(t("report.print_hint", lang))
    else:
        st.info(t("report.no_chromium", lang))

if metrics.comparison.current.count("to_handle") == 0:
    nothing_found(view)

st.subheader(t("report.section.summary", lang))
st.markdown(markdown_text(" ".join(report.summary)))

st.subheader(t("report.section.kpis", lang))
kpi_cards(metrics.comparison, lang)

with st.container(key="keep_trend"):
    st.subheader(t("section.trend", lang))
    show_chart(report.trend, "xu-huong")

st.html('<div class="report-page-break"></div>')
if report.units:
    st.subheader(t("section.units", lang))
    for column, table in zip(st.columns(len(report.units)), report.units, strict=True):
        with column:
            st.markdown(f"**{table.title}**")
            st.table(pl.DataFrame(list(table.rows), schema=list(table.columns), orient="row"))
    st.caption(report.units_note)

with st.container(key="keep_fields"):
    st.subheader(t("section.fields", lang))
    show_chart(report.fields, "linh-vuc")
    st.caption(report.fields_note)

for number, section in enumerate(report.sections):
    with st.container(key=f"keep_section_{number}"):
        st.subheader(section.title)
        st.table(pl.DataFrame(list(section.rows), schema=list(section.columns), orient="row"))
        st.caption(section.note)
