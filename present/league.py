"""The wards-and-communes league table as people read it: one definition of its columns for
the page, its downloads and `python -m reports league-table`."""

from __future__ import annotations

import polars as pl

from metrics.codes import COMMUNE_KINDS
from present.format import Lang
from present.strings import t
from present.tables import Column

SUBJECT = "ho-so-theo-xa"
COLUMNS = (
    Column("name", "col.unit_name", "text"),
    Column("unit_code", "col.unit_code", "text"),
    Column("kind_label", "col.unit_kind", "text"),
    Column("received", "col.received", "count"),
    Column("to_handle", "col.to_handle", "count"),
    Column("resolved", "col.resolved", "count"),
    Column("resolution_rate", "col.resolution_rate", "rate"),
    Column("on_time", "col.on_time", "count"),
    Column("on_time_rate", "col.on_time_rate", "rate"),
    Column("overdue", "col.overdue", "count"),
    Column("received_online", "col.received_online", "count"),
    Column("online_share", "col.online_share", "rate"),
    Column("average_days", "col.average_days", "days"),
)
# Columns drawn with an in-cell bar on the page.
BARS = ("col.received", "col.resolution_rate", "col.on_time_rate", "col.online_share")


def league_rows(table: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The league table (`metrics.units_league.league_table`) with the unit kind spelled out:
    every column COLUMNS names."""
    return table.with_columns(
        pl.col("kind")
        .replace_strict({k: t(f"kind.{k}", lang) for k in COMMUNE_KINDS})
        .alias("kind_label")
    )
