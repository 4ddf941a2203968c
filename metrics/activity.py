"""Flows within a period: received and resolved over time, and the channel mix.

Both are the counts of `metrics.counts`: each bar of the trend is a period of its own (a day,
a week or a month cut by the period's edges), and the channel mix is the period counted per
channel.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Literal

import duckdb
import polars as pl

from metrics.counts import period_counts
from metrics.filters import Filters
from metrics.measures import with_rates

Grain = Literal["day", "week", "month"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month")
# What a bar shows; closed counts only to tell a day with activity from one without.
_TREND_COUNTS = ("received", "received_online", "resolved", "closed")


def buckets(start: date, end: date, grain: Grain) -> list[tuple[date, date, date]]:
    """(bucket, first_day, last_day) for each day, week (Monday first) or month that [start,
    end] touches; first_day and last_day are the bucket's days within the period."""
    if grain not in GRAINS:
        raise ValueError(f"unknown grain: {grain}")
    result = []
    bucket = _bucket_start(start, grain)
    while bucket <= end:
        last = _bucket_end(bucket, grain)
        result.append((bucket, max(bucket, start), min(last, end)))
        bucket = last + timedelta(days=1)
    return result


def _bucket_start(day: date, grain: Grain) -> date:
    if grain == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if grain == "month" else day


def _bucket_end(bucket: date, grain: Grain) -> date:
    if grain == "week":
        return bucket + timedelta(days=6)
    if grain == "month":
        return bucket.replace(day=calendar.monthrange(bucket.year, bucket.month)[1])
    return bucket


def trend(con: duckdb.DuckDBPyConnection, filters: Filters, grain: Grain) -> pl.DataFrame:
    """Received, received online, resolved and the online share per day, week or month.

    A bucket cut by the period's edges counts only the period's days; `first_day` and
    `last_day` say which days it covers, so a partial week is not mistaken for a slow one. A
    bucket in which nothing was received, resolved or closed has no bar."""
    spans = buckets(filters.start, filters.end, grain)
    counts = period_counts(con, filters, [(first, last) for _, first, last in spans],
                           names=_TREND_COUNTS)  # fmt: skip
    frame = counts.with_columns(
        pl.Series("bucket", [bucket for bucket, _, _ in spans], dtype=pl.Date).gather(counts["idx"])
    )
    active = frame.filter(pl.col("received") + pl.col("resolved") + pl.col("closed") > 0)
    return with_rates(
        active.select(
            "bucket",
            pl.col("d0").alias("first_day"),
            pl.col("d1").alias("last_day"),
            "received",
            "received_online",
            "resolved",
        )
    )


def default_grain(days: int) -> Grain:
    """Daily bars up to about six weeks, weekly up to about half a year, then monthly:
    enough bars to see a pattern, few enough to read each one."""
    if days <= 45:
        return "day"
    if days <= 190:
        return "week"
    return "month"


def channel_mix(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Received per channel (1 trực tiếp, 2 trực tuyến, 3 BCCI) in the period."""
    counts = period_counts(
        con, filters, [(filters.start, filters.end)], by=("channel",), names=("received",)
    )
    return counts.filter(pl.col("received") > 0).select("channel", "received")
