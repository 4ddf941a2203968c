"""Biểu II.06a month by month: one row a calendar month of the period (the first and last cut
to the period, the last also to the last day with data), every column of the form and the
rates of `metrics.measures`.

Each month is a period of its own, counted by the one query (`metrics.counts`, all months in one
call) and turned into the form's columns by the form's own declarations (`metrics.bieu_06a.FORM`),
so a month's row is the grand-total row of that month's Biểu II.06a. Counts of what happened in
a month (received, resolved and its split, closed) add up over the months to the period's form;
"từ kỳ trước" is the first month's and "đang giải quyết" the last month's.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import polars as pl

from metrics.bieu_06a import CLOSED, FORM, VALUE_COLUMNS
from metrics.counts import period_counts
from metrics.data_span import last_day
from metrics.filters import Filters
from metrics.measures import derived_expression, with_counts, with_rates

# The rates beside the form's columns, in the order people read them.
RATES = (
    "resolution_rate", "on_time_rate", "on_time_rate_766", "online_share", "online_share_766",
    "average_days", "average_workdays",
)  # fmt: skip
# Form columns that add up over the months to the period's row.
ADDITIVE = (
    "received_online", "received_offline", "resolved", "resolved_early", "resolved_on_time",
    "resolved_late", CLOSED,
)  # fmt: skip


def months(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar months that [start, end] touches, each cut to it."""
    spans = []
    first = start
    while first <= end:
        following = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        spans.append((first, min(end, following - timedelta(days=1))))
        first = following
    return spans


def monthly_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """One row a month with data: month (its first day), d0, d1 (the days counted), the form's
    VALUE_COLUMNS, CLOSED and RATES."""
    last = last_day(con)
    spans = [span for span in months(filters.start, filters.end) if last and span[0] <= last]
    if not spans:
        return pl.DataFrame(
            schema={"month": pl.Date, "d0": pl.Date, "d1": pl.Date}
            | dict.fromkeys((*VALUE_COLUMNS, CLOSED), pl.Int64)
            | dict.fromkeys(RATES, pl.Float64)
        )
    counts = with_rates(with_counts(period_counts(con, filters, spans)))
    return counts.select(
        pl.col("d0").dt.truncate("1mo").alias("month"),
        "d0",
        "d1",
        *(derived_expression(column).cast(pl.Int64) for column in FORM.values()),
        pl.col(CLOSED).cast(pl.Int64),
        *RATES,
    )
