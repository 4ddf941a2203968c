"""Biểu II.06a: the official statistics form for the period and units of the filter bar, on
screen and as an XLSX file in the official layout (also `python -m reports bieu-06a`)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from present.bieu_06a import (
    bieu_table,
    column_groups,
    convention_note,
    filters_line,
    period_line,
    reporting_unit,
)
from present.monthly import SUBJECT as MONTHLY_SUBJECT
from present.monthly import monthly_table
from present.strings import t
from present.view import cut_day, data_until_text
from reports.bieu_06a import SUBJECT, bieu_06a_file
from reports.header import file_name, filter_lines
from ui import loaders
from ui.downloads import XLSX_MIME, download_buttons
from ui.locks import show_locked
from ui.shell import current_view, page_header
from ui.tables import show_table

view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "bieu.page_title")
st.markdown(f"**{t('bieu.title', lang)}**")
st.caption(
    t("bieu.reporting_unit", lang, unit=reporting_unit(filters, view.options, view.province))
    + " · "
    + period_line(filters, lang)
    + " · "
    + t("bieu.unit_of_count", lang)
)
# A filtered form says so under its heading, as the printed sheet does.
filtered = filters_line(filter_lines(replace(filters, unit_codes=()), view.options, lang), lang)
if filtered:
    st.caption(filtered)
rows = loaders.load_bieu_rows(version, filters)
until = cut_day(view)
if until is not None:
    st.warning(data_until_text(until, lang), icon=":material/event_busy:")
st.info(convention_note(rows, lang), icon=":material/info:")
show_locked(view)  # a locked period: the locked form's cells beside today's, and why
table = bieu_table(rows, lang)
column_kinds = {name: ("text" if i < 2 else "count") for i, name in enumerate(table.columns)}
show_table(table, column_kinds, lang, groups=column_groups(table, lang))
st.download_button(
    t("bieu.download", lang),
    data=lambda: bieu_06a_file(rows, filters, view.options, view.province, lang, until),
    file_name=file_name(SUBJECT, filters, "xlsx"),
    mime=XLSX_MIME,
    icon=":material/description:",
    type="primary",
    on_click="ignore",
    key="bieu_06a_xlsx",
)
st.caption(t("bieu.plain_note", lang))
download_buttons(view, table, column_kinds, SUBJECT + "-bang", t("bieu.title", lang))

# Month by month (issue 12): the form's total row for each month of the period, with the rates.
st.subheader(t("monthly.title", lang))
st.caption(t("monthly.caption", lang))
monthly, monthly_kinds = monthly_table(loaders.load_monthly(version, filters), lang)
show_table(monthly, monthly_kinds, lang, key="bieu_monthly")
download_buttons(view, monthly, monthly_kinds, MONTHLY_SUBJECT, t("monthly.title", lang))
