"""Biểu II.06a/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): the official form's columns, defined once.

Rows are fields (lĩnh vực) grouped by procedure level (cấp tỉnh, cấp xã), with a subtotal per
level and a grand total. Columns (numbers as on the form) from the period counts of
`metrics.breakdown`, per procedure, summed by field:
  (3) total to handle           = (4) + (5) + (6)
  (4) received online           = received in P through channel 2
  (5) received in person / post = received in P through channels 1 and 3
  (6) carried in                = open at d0 (received before d0, not ended before d0)
  (7) resolved                  = (8) + (9) + (10)
  (8) early                     = finished before the due date
  (9) on time                   = finished on the due date + closed without result (3, 7, 8)
  (10) late                     = finished after the due date
  (11) in progress at d1        = (12) + (13)
  (12) within deadline at d1
  (13) overdue at d1            = due before d1, not ended by d1
The form has no column for applications refused, withdrawn or stopped; its convention counts
them as resolved on time, so (7) = resolved + closed and (3) = (7) + (11) holds on every row.
"""

from __future__ import annotations

import unicodedata

import duckdb
import polars as pl

from metrics.breakdown import counts_by
from metrics.filters import Filters

LEVELS = ("tinh", "xa")  # the form's order: Cấp tỉnh, then Cấp xã
# Form column number -> name in code.
COLUMNS: dict[int, str] = {
    3: "total",
    4: "received_online",
    5: "received_offline",
    6: "carried_in",
    7: "resolved",
    8: "resolved_early",
    9: "resolved_on_time",
    10: "resolved_late",
    11: "in_progress",
    12: "within_deadline",
    13: "overdue",
}
VALUE_COLUMNS = tuple(COLUMNS.values())
# Row kinds: a field's row, a level's subtotal, the grand total.
FIELD, LEVEL_TOTAL, GRAND_TOTAL = "field", "level", "total"

_PROCEDURES = "select procedure_code, field, level from procedures"


def form_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """The form's body: for each level, its subtotal row then its fields in alphabetical order,
    then the grand total. Fields with nothing to handle in the period are left out.

    Columns: row_kind, level, field (null on total rows), and VALUE_COLUMNS."""
    counts = counts_by(con, filters, "procedure_code")
    procedures = con.sql(_PROCEDURES).pl()
    per_field = (
        counts.join(procedures, on="procedure_code")
        .group_by("level", "field")
        .agg(_form_columns())
        .filter(pl.col("total") > 0)
    )
    parts: list[pl.DataFrame] = []
    for level in LEVELS:
        fields = per_field.filter(pl.col("level") == level)
        if fields.is_empty():
            continue
        fields = fields.sort(pl.col("field").map_elements(_fold, return_dtype=pl.String))
        parts.append(_total(fields, LEVEL_TOTAL, level))
        parts.append(
            fields.select(pl.lit(FIELD).alias("row_kind"), "level", "field", *VALUE_COLUMNS)
        )
    parts.append(_total(per_field, GRAND_TOTAL, None))
    return pl.concat(parts, how="vertical_relaxed")


def _form_columns() -> list[pl.Expr]:
    online = pl.col("received_online")
    return [
        pl.col("to_handle").sum().alias("total"),
        online.sum().alias("received_online"),
        (pl.col("received") - online).sum().alias("received_offline"),
        pl.col("carried_in").sum().alias("carried_in"),
        (pl.col("resolved") + pl.col("closed")).sum().alias("resolved"),
        pl.col("resolved_early").sum().alias("resolved_early"),
        (pl.col("resolved_on_time") + pl.col("closed")).sum().alias("resolved_on_time"),
        pl.col("resolved_late").sum().alias("resolved_late"),
        pl.col("in_progress").sum().alias("in_progress"),
        (pl.col("in_progress") - pl.col("overdue")).sum().alias("within_deadline"),
        pl.col("overdue").sum().alias("overdue"),
    ]


def _total(rows: pl.DataFrame, kind: str, level: str | None) -> pl.DataFrame:
    sums = rows.select(pl.col(column).sum().cast(pl.Int64) for column in VALUE_COLUMNS)
    return sums.select(
        pl.lit(kind).alias("row_kind"),
        pl.lit(level, dtype=pl.String).alias("level"),
        pl.lit(None, dtype=pl.String).alias("field"),
        *VALUE_COLUMNS,
    )


def _fold(text: str) -> str:
    """Vietnamese alphabetical order (base letters, đ after d) for the form's field rows."""
    folded = text.casefold().replace("đ", "d\uffff")
    return "".join(
        ch for ch in unicodedata.normalize("NFD", folded) if unicodedata.category(ch) != "Mn"
    )


def identities_hold(rows: pl.DataFrame) -> bool:
    """(3) = (4)+(5)+(6) = (7)+(11), (7) = (8)+(9)+(10), (11) = (12)+(13) on every row."""
    c = pl.col
    checks = [
        c("total") == c("received_online") + c("received_offline") + c("carried_in"),
        c("total") == c("resolved") + c("in_progress"),
        c("resolved") == c("resolved_early") + c("resolved_on_time") + c("resolved_late"),
        c("in_progress") == c("within_deadline") + c("overdue"),
        c("overdue") >= 0,
    ]
    return all(rows.select(check.all().alias(str(i)) for i, check in enumerate(checks)).row(0))
