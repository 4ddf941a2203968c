"""Biểu II.06a/VPCP/KSTT (Thông tư 01/2020/TT-VPCP): the official form's columns, defined once.

Rows are fields (lĩnh vực) grouped by procedure level (cấp tỉnh, cấp xã), with a subtotal per
level and a grand total. Columns (numbers as on the form) are sums of the period counts of
`metrics.measures` per level and field (`metrics.breakdown`: each the sum of its procedures):
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
Each row also carries `closed`, outside the form's columns, so the note under the form can say
how many of (7) and (9) they are.
"""

from __future__ import annotations

import duckdb
import polars as pl

from metrics.breakdown import counts_by
from metrics.codes import LEVELS
from metrics.filters import Filters
from metrics.measures import Derived, derived_expression
from metrics.text import vi_sorted

# Form column number -> the column in code, as a sum of the period counts (metrics.measures).
FORM: dict[int, Derived] = {
    3: Derived("total", ("to_handle",)),
    4: Derived("received_online", ("received_online",)),
    5: Derived("received_offline", ("received_offline",)),
    6: Derived("carried_in", ("carried_in",)),
    7: Derived("resolved", ("resolved", "closed")),  # the form's convention for 3, 7, 8
    8: Derived("resolved_early", ("resolved_early",)),
    9: Derived("resolved_on_time", ("resolved_on_time", "closed")),
    10: Derived("resolved_late", ("resolved_late",)),
    11: Derived("in_progress", ("in_progress",)),
    12: Derived("within_deadline", ("within_deadline",)),
    13: Derived("overdue", ("overdue",)),
}
COLUMNS: dict[int, str] = {number: column.name for number, column in FORM.items()}
VALUE_COLUMNS = tuple(COLUMNS.values())
# Beside the form's columns: closed without a result (3, 7, 8), counted in (7) and (9).
CLOSED = "closed"
# Row kinds: a field's row, a level's subtotal, the grand total.
FIELD, LEVEL_TOTAL, GRAND_TOTAL = "field", "level", "total"


def form_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """The form's body: for each level, its subtotal row then its fields in alphabetical order,
    then the grand total. Fields with nothing to handle in the period are left out.

    Columns: row_kind, level, field (null on total rows), VALUE_COLUMNS and CLOSED."""
    return form_body(counts_by(con, filters, ("level", "field")))


def form_body(counts: pl.DataFrame) -> pl.DataFrame:
    """The form's rows from period counts per level and field (`metrics.breakdown.counts_by`):
    what `form_rows` returns, for callers that count many forms at once (a lock keeps every
    unit's)."""
    per_field = counts.select(
        "level", "field", *(derived_expression(column) for column in FORM.values()), CLOSED
    )
    parts: list[pl.DataFrame] = []
    for level in LEVELS:
        fields = per_field.filter(pl.col("level") == level)
        if fields.is_empty():
            continue
        order = vi_sorted(fields["field"])
        fields = fields.sort(pl.col("field").replace_strict(order, list(range(len(order)))))
        parts.append(_total(fields, LEVEL_TOTAL, level))
        parts.append(
            fields.select(pl.lit(FIELD).alias("row_kind"), "level", "field", *VALUE_COLUMNS, CLOSED)
        )
    parts.append(_total(per_field, GRAND_TOTAL, None))
    return pl.concat(parts, how="vertical_relaxed")


def _total(rows: pl.DataFrame, kind: str, level: str | None) -> pl.DataFrame:
    sums = rows.select(pl.col(column).sum().cast(pl.Int64) for column in (*VALUE_COLUMNS, CLOSED))
    return sums.select(
        pl.lit(kind).alias("row_kind"),
        pl.lit(level, dtype=pl.String).alias("level"),
        pl.lit(None, dtype=pl.String).alias("field"),
        *VALUE_COLUMNS,
        CLOSED,
    )


def closed_total(rows: pl.DataFrame) -> int:
    """Closed without a result in the whole form (its grand total row), for the note."""
    return int(rows.filter(pl.col("row_kind") == GRAND_TOTAL)[CLOSED].sum())


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
