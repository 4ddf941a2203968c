"""Monthly exports: which applications each month's file lists, and in what state.

A month's file is exported a few days after the month ends. It lists the applications received
that month, each in its state at export time (an application asked for documents and still
without them is waiting, status 5; the supplement dates appear as they happen), plus every
earlier application that was still open in the previous export, now with its newer state.
Loading the files in month order (the last file wins) therefore ends with every application in
its state as of its last export; for anything still open, that is the end of the span. This
exercises the loader's upsert on `application_id`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import polars as pl

# A month's export is taken on the 5th of the next month at 8:00 (EXPORT_LAG_DAYS after the
# 1st); the last month's is taken at the end of the span.
EXPORT_LAG_DAYS = 4
EXPORT_TIME = time(8, 0)
# An application only hours old shows as "received" (2) rather than in progress.
FRESH = timedelta(days=1)


@dataclass(frozen=True)
class Month:
    first: date
    last: date  # last day of the month within the span
    exported_at: datetime


def months(start: date, end: date) -> list[Month]:
    """The calendar months the span touches, with their export times."""
    span_end = datetime.combine(end, time(23, 59))
    result = []
    first = start
    while first <= end:
        next_month = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        export = datetime.combine(next_month + timedelta(days=EXPORT_LAG_DAYS), EXPORT_TIME)
        result.append(Month(first, min(next_month - timedelta(days=1), end), min(export, span_end)))
        first = next_month
    return result


def monthly_states(apps: pl.DataFrame, span: list[Month]) -> list[pl.DataFrame]:
    """One frame per month: the rows that month's export lists, in their state at export."""
    exports = pl.Series("exported_at", [month.exported_at for month in span], pl.Datetime("us"))
    firsts = [month.first for month in span]
    month_index = (
        pl.Series(firsts, dtype=pl.Date).search_sorted(apps["day"], side="right").cast(pl.Int32) - 1
    )
    last_export = (
        exports.search_sorted(apps["end_at"], side="left").cast(pl.Int32).clip(0, len(span) - 1)
    )
    frame = apps.with_columns(m0=month_index, m1=last_export).with_columns(
        m1=pl.max_horizontal("m0", "m1")
    )
    frame = frame.with_columns(k=pl.int_ranges("m0", pl.col("m1") + 1)).explode("k")
    t = pl.lit(exports).gather(pl.col("k"))
    ended = pl.col("end_at") <= t
    finished = ended & (pl.col("outcome") == 10)
    returned = finished & (pl.col("returned_at") <= t).fill_null(False)
    asked = (pl.col("supplement_requested_at") <= t).fill_null(False)
    brought = (pl.col("supplement_done_at") <= t).fill_null(False)
    status = (
        pl.when(returned)
        .then(10)
        .when(finished)
        .then(9)
        .when(ended)
        .then(pl.col("outcome"))
        .when(t - pl.col("received_at") < FRESH)
        .then(2)
        .when(asked & ~brought)
        .then(5)
        .when(pl.col("open_status") == 5)
        .then(4)
        .otherwise(pl.col("open_status"))
        .cast(pl.Int8)
    )
    frame = frame.with_columns(
        status=status,
        finished_at=pl.when(ended).then(pl.col("end_at")),
        returned_at=pl.when(returned).then(pl.col("returned_at")),
        e_result=finished & pl.col("e_result"),
        supplement_count=pl.when(asked).then(pl.col("supplement_count")).otherwise(0),
        supplement_requested_at=pl.when(asked).then(pl.col("supplement_requested_at")),
        supplement_done_at=pl.when(brought).then(pl.col("supplement_done_at")),
    ).sort("k", "received_at", "application_id")
    parts = frame.partition_by("k", as_dict=True, include_key=False)
    empty = frame.clear().drop("k")
    return [parts.get((k,), empty) for k in range(len(span))]
