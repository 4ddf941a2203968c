"""The league tables (wards and communes; sở, ngành) as people read them: one definition of
their columns for the page, its downloads and `python -m reports league-table`, and the total
row that closes each table."""

from __future__ import annotations

import polars as pl

from metrics.codes import AGENCY_KIND, COMMUNE_KINDS
from metrics.rankings import ranked
from metrics.units_league import league_total
from present.format import Lang
from present.strings import t
from present.tables import Column

SUBJECT = "ho-so-theo-xa"
AGENCY_SUBJECT = "ho-so-theo-so-nganh"
COLUMNS = (
    Column("rank", "col.rank", "count"),
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
# On a phone (ui.report_view shows this table below 640 px instead of the full one): the
# rank, the name and the two figures a reader compares, at widths that fit a 390 px screen
# with the row picker (36 px) and no horizontal scroll; the full table is in the download and
# on a wider screen. No in-cell bar: a bar and its label would take the screen's width.
PHONE_COLUMNS = (
    Column("rank", "col.rank_short", "count"),
    Column("name", "col.unit_name", "text"),
    Column("on_time_rate", "col.on_time_rate_short", "rate"),
    Column("overdue", "col.overdue_short", "count"),
)
PHONE_WIDTHS = {"col.rank_short": 40, "col.unit_name": 150, "col.on_time_rate_short": 64,
                "col.overdue_short": 60}  # fmt: skip
# Columns drawn with an in-cell bar on the page: the rates only, since a count's bar runs up
# to the column's largest value, which is the total row's.
BARS = ("col.resolution_rate", "col.on_time_rate", "col.online_share")


def league_rows(table: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The league table (`metrics.units_league.league_table`) with the unit kind spelled out
    and each unit's rank by on-time rate within its league (none below the minimum
    denominator): every column COLUMNS names."""
    kinds = (*COMMUNE_KINDS, AGENCY_KIND)
    ranks = ranked(table, "on_time_rate").select("unit_code", "rank")
    return table.join(ranks, on="unit_code", how="left", maintain_order="left").with_columns(
        pl.col("kind").replace_strict({k: t(f"kind.{k}", lang) for k in kinds}).alias("kind_label")
    )


def every_unit_rows(communes: pl.DataFrame, agencies: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """One table of every unit for a file: the wards and communes, then the sở, ngành, then
    the total row, which is the city's figure for the same filters."""
    return with_total(pl.concat([league_rows(communes, lang), league_rows(agencies, lang)]), lang)


def with_total(rows: pl.DataFrame, lang: Lang, over: pl.DataFrame | None = None) -> pl.DataFrame:
    """`rows` (from `league_rows`) and a last row "Tổng cộng" over all of them, or over the
    whole league `over` when `rows` are the ones a search kept: summed counts and rates divided
    anew, so the table's total is the figure the overview shows."""
    total = league_total(rows if over is None else over) | {
        "name": t("league.total", lang),
        "unit_code": "",
        "kind_label": "",
    }
    line = pl.DataFrame([{name: total.get(name) for name in rows.columns}], schema=rows.schema)
    return pl.concat([rows, line])
