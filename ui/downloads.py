"""CSV and XLSX buttons under a table: the same frame the page shows (the XLSX under the
view's header block; the CSV with its column names on the first line).

The files are made only when a button is clicked (Streamlit calls `data` then), so offering
downloads costs a page nothing on a filter change.
"""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl
import streamlit as st

from metrics.filters import Filters
from present.strings import t
from present.tables import Kind
from present.view import View
from reports.header import file_name, header_block
from reports.writers import csv_bytes, xlsx_bytes

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def download_buttons(
    view: View,
    frame: pl.DataFrame,
    kinds: Mapping[str, Kind],
    subject: str,
    title: str,
    filters: Filters | None = None,
) -> None:
    """Two buttons side by side; `subject` names the file (ASCII, e.g. "ho-so-theo-xa"),
    `title` heads the file's header block, `filters` (default: the filter bar's) is the view
    the header block describes."""
    shown = filters or view.filters

    def header():
        return header_block(title, shown, view.options, view.province, view.lang)

    with st.container(horizontal=True, gap="small"):
        st.download_button(
            t("download.csv", view.lang),
            data=lambda: csv_bytes(frame, kinds),
            file_name=file_name(subject, shown, "csv"),
            mime="text/csv",
            icon=":material/download:",
            on_click="ignore",
            key=f"csv_{subject}",
        )
        st.download_button(
            t("download.xlsx", view.lang),
            data=lambda: xlsx_bytes(frame, header(), kinds),
            file_name=file_name(subject, shown, "xlsx"),
            mime=XLSX_MIME,
            icon=":material/table_view:",
            on_click="ignore",
            key=f"xlsx_{subject}",
        )
