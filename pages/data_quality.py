"""Data quality: every file load and every rejected row with its reason (DATA_SPEC §2)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from ui import data
from ui import format as fmt
from ui.shell import current_view, page_header
from ui.strings import t, t_or

# Rejected rows listed on screen; the reasons table above counts all of them.
SHOWN_ROWS = 500

view = current_view()
lang, version = view.lang, view.version
page_header(view, "dq.title")
st.caption(t("dq.intro", lang))


def _labelled(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    return frame.select(columns).rename({c: t(f"col.{c}", lang) for c in columns})


st.subheader(t("dq.reasons", lang))
reasons = data.load_rejections_by_reason(version)
if reasons.is_empty():
    st.success(t("dq.none", lang))
else:
    reasons = reasons.with_columns(
        pl.col("reason").map_elements(
            lambda code: t_or(f"reason.{code}", code, lang), return_dtype=pl.String
        ),
        pl.col("rows").map_elements(lambda n: fmt.number(n, lang), return_dtype=pl.String),
    )
    st.dataframe(_labelled(reasons, ["reason", "rows", "files"]), hide_index=True)
    st.subheader(t("dq.rows", lang, shown=fmt.number(SHOWN_ROWS, lang)))
    rows = data.load_rejected_rows(version, SHOWN_ROWS).with_columns(
        pl.col("reason").map_elements(
            lambda code: t_or(f"reason.{code}", code, lang), return_dtype=pl.String
        )
    )
    st.dataframe(_labelled(rows, ["file_name", "row_number", "reason", "detail"]), hide_index=True)

st.subheader(t("dq.loads", lang))
loads = data.load_load_history(version).with_columns(
    pl.col("outcome").map_elements(
        lambda code: t_or(f"outcome.{code}", code, lang), return_dtype=pl.String
    ),
    pl.col("started_at").dt.strftime("%d/%m/%Y %H:%M:%S"),
    pl.col("finished_at").dt.strftime("%d/%m/%Y %H:%M:%S"),
)
st.dataframe(
    _labelled(
        loads,
        [
            "file_name",
            "kind",
            "rows_read",
            "rows_loaded",
            "rows_rejected",
            "started_at",
            "finished_at",
            "outcome",
            "message",
        ],
    ),
    hide_index=True,
)
