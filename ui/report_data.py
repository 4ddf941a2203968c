"""Cached loaders of the report page: its metrics (one snapshot for all of them) and its PDF.

Keys include the warehouse version (inode and mtime of the live file), so a new load makes
new entries and nothing stale is shown; see `ui/data.py` for the same rule.
"""

from __future__ import annotations

from datetime import date, datetime

import streamlit as st

from metrics.connection import WarehouseVersion
from metrics.filters import Filters
from present.format import Lang
from present.report import ReportMetrics, build_report, gather
from present.view import View
from reports.document_html import report_pdf
from ui.data import MAX_ENTRIES, _read

# A PDF is ~100 kB; a few recent ones per process are plenty.
PDF_ENTRIES = 16


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_report_metrics(
    version: WarehouseVersion, filters: Filters, data_start: date | None
) -> ReportMetrics:
    return _read(version, lambda con: gather(con, filters, data_start))


@st.cache_data(max_entries=PDF_ENTRIES, show_spinner=False)
def report_pdf_bytes(
    version: WarehouseVersion, filters: Filters, lang: Lang, _view: View, _metrics: ReportMetrics
) -> bytes:
    """The A4 PDF of this view, made once per (version, filters, language); `_view` and
    `_metrics` are what those keys stand for (not hashed)."""
    return report_pdf(build_report(_view, _metrics, datetime.now()))
