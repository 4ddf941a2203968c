"""Closed without a result by kind and a unit's late resolutions, as tables people read (the
units page, the unit page and their downloads). Numbers from `metrics.closed`."""

from __future__ import annotations

import polars as pl

from present.format import Lang
from present.strings import t
from present.tables import Column

_KIND_COLUMNS = (
    Column("closed", "col.closed", "count"),
    Column("closed_refused", "col.closed_refused", "count"),
    Column("closed_withdrawn", "col.closed_withdrawn", "count"),
    Column("closed_stopped", "col.closed_stopped", "count"),
)
UNIT_COLUMNS = (
    Column("name", "col.unit_name", "text"),
    Column("unit_code", "col.unit_code", "text"),
    Column("kind_label", "col.unit_kind", "text"),
    *_KIND_COLUMNS,
)
FIELD_COLUMNS = (Column("field", "col.field", "text"), *_KIND_COLUMNS)
# On a phone: the name and the four counts under short headings, in widths that fit 390 px.
_PHONE_KINDS = (
    Column("closed", "col.closed_short", "count"),
    Column("closed_refused", "col.closed_refused_short", "count"),
    Column("closed_withdrawn", "col.closed_withdrawn_short", "count"),
    Column("closed_stopped", "col.closed_stopped_short", "count"),
)
UNIT_PHONE_COLUMNS = (Column("name", "col.unit_name", "text"), *_PHONE_KINDS)
FIELD_PHONE_COLUMNS = (Column("field", "col.field", "text"), *_PHONE_KINDS)
PHONE_WIDTHS = {"col.unit_name": 120, "col.field": 120, "col.closed_short": 52,
                "col.closed_refused_short": 70, "col.closed_withdrawn_short": 60,
                "col.closed_stopped_short": 48}  # fmt: skip
LATE_COLUMNS = (
    Column("application_id", "col.application_id", "text"),
    Column("procedure_code", "col.procedure_code", "text"),
    Column("procedure_name", "col.procedure_name", "text"),
    Column("received_at", "col.received_at", "datetime"),
    Column("due_at", "col.due_at", "datetime"),
    Column("finished_at", "col.finished_at", "datetime"),
    Column("days_late", "col.days_late", "count"),
)


def with_labels(rows: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """`rows` of `metrics.closed.closed_by_kind` with the total row named "Tổng cộng" and, by
    unit, each unit's kind in words."""
    total = t("league.total", lang)
    if "name" in rows.columns:
        kinds = {kind: t(f"kind.{kind}", lang) for kind in ("phuong", "xa", "dac_khu", "so_nganh")}
        return rows.with_columns(
            pl.col("name").fill_null(total),
            pl.col("kind").replace_strict(kinds, default=None).alias("kind_label"),
        )
    return rows.with_columns(pl.col("field").fill_null(total))
