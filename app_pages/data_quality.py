"""Data quality: every file load, every rejected row with its reason (by reason and by file),
and how fresh each unit's data are (DATA_SPEC §2). Files, not applications: the filter bar
does not apply here."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl.reasons import reason_label
from metrics.text import texts
from present import format as fmt
from present.definitions import lacking_table
from present.strings import t, t_or
from present.tables import Column, kinds, labelled
from ui import loaders
from ui.auth import sign_in_configured
from ui.downloads import download_buttons
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_table

# Rejected rows listed on screen; the reasons table above counts all of them.
SHOWN_ROWS = 500
# A unit without a new application for this many days (default) is flagged: a week covers
# weekends and a public holiday, so a longer silence means an export is missing.
STALE_DAYS = 7
STALE_KEY = "dq_stale_days"
REASONS = (
    Column("reason_label", "col.reason", "text"),
    Column("rows", "col.rows", "count"),
    Column("files", "col.files", "count"),
)
BY_FILE = (
    Column("file_name", "col.file_name", "text"),
    Column("reason_label", "col.reason", "text"),
    Column("rows", "col.rows", "count"),
)
ROWS = (
    Column("file_name", "col.file_name", "text"),
    Column("row_number", "col.row_number", "count"),
    Column("reason_label", "col.reason", "text"),
    Column("detail", "col.detail", "text"),
)
LOADS = (
    Column("file_name", "col.file_name", "text"),
    Column("kind_label", "col.kind", "text"),
    Column("rows_read", "col.rows_read", "count"),
    Column("rows_loaded", "col.rows_loaded", "count"),
    Column("rows_rejected", "col.rows_rejected", "count"),
    Column("started_at", "col.started_at", "datetime"),
    Column("finished_at", "col.finished_at", "datetime"),
    Column("outcome_label", "col.outcome", "text"),
    Column("message", "col.message", "text"),
)
MISSING = (
    Column("month", "col.month", "text"),
    Column("missing_fields", "col.missing_fields", "text"),
)
FRESHNESS = (
    Column("name", "col.unit_name", "text"),
    Column("unit_code", "col.unit_code", "text"),
    Column("last_received", "col.last_received", "date"),
    Column("days_without", "col.days_without", "count"),
)

view = current_view()
lang, version = view.lang, view.version
page_header(view, "dq.title")
st.caption(t("dq.intro", lang))
if not sign_in_configured():
    st.info(t("auth.open_notice", lang), icon=":material/lock_open:")


def _reason_labels(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        texts(frame["reason"], lambda code: reason_label(code, lang), "reason_label")
    )


def _table(frame: pl.DataFrame, columns: tuple[Column, ...], subject: str, title: str) -> None:
    shown = labelled(frame, columns, lang)
    show_table(
        shown, kinds(columns, lang), lang, height=TABLE_HEIGHT if shown.height > 12 else "auto"
    )
    download_buttons(view, shown, kinds(columns, lang), subject, title)


st.subheader(t("dq.reasons", lang))
reasons = loaders.load_rejections_by_reason(version)
if reasons.is_empty():
    st.success(t("dq.none", lang))
else:
    reason_column, file_column = st.columns(2)
    with reason_column:
        _table(_reason_labels(reasons), REASONS, "dong-bi-loai-theo-ly-do", t("dq.reasons", lang))
    with file_column:
        by_file = _reason_labels(loaders.load_rejections_by_file(version))
        _table(by_file, BY_FILE, "dong-bi-loai-theo-tep", t("dq.by_file", lang))
    title = t("dq.rows", lang, shown=fmt.number(SHOWN_ROWS, lang))
    st.subheader(title)
    _table(
        _reason_labels(loaders.load_rejected_rows(version, SHOWN_ROWS)), ROWS, "dong-bi-loai", title
    )

st.subheader(t("dq.loads", lang))
history = loaders.load_load_history(version)
loads = history.with_columns(
    texts(history["outcome"], lambda code: t_or(f"outcome.{code}", code, lang), "outcome_label"),
    # The file kind in words ("hồ sơ"), not the warehouse's code ("applications").
    texts(history["kind"], lambda code: t_or(f"filekind.{code}", code, lang), "kind_label"),
)
_table(loads, LOADS, "lich-su-nap", t("dq.loads", lang))

st.subheader(t("dq.missing_columns", lang))
lacking = loaders.load_lacking_months(version)
if lacking.is_empty():
    st.success(t("dq.missing_none", lang))
else:
    st.caption(t("dq.missing_note", lang))
    _table(lacking_table(lacking), MISSING, "cot-con-thieu", t("dq.missing_columns", lang))

st.subheader(t("dq.freshness", lang))
stale_days = st.number_input(
    t("dq.stale_days", lang), min_value=1, max_value=365, value=STALE_DAYS, key=STALE_KEY
)
units = loaders.load_unit_freshness(version, view.filters)
stale = units.filter(pl.col("days_without").is_null() | (pl.col("days_without") >= stale_days))
if stale.is_empty():
    st.success(t("dq.all_fresh", lang, days=stale_days))
else:
    st.warning(t("dq.stale", lang, count=stale.height, days=stale_days))
_table(units, FRESHNESS, "do-moi-du-lieu", t("dq.freshness", lang))
