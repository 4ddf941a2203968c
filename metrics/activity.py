"""Flows within a period: received and resolved over time, and the channel mix.

Both read only the period's days of `daily_activity` (through the shared scope).
"""

from __future__ import annotations

from typing import Literal

import duckdb
import polars as pl

from metrics.filters import Filters
from metrics.kpis import ONLINE_CHANNEL
from metrics.scope import with_facts

Grain = Literal["day", "week", "month"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month")

_TREND = """
, buckets as (
    select
        date_trunc(?, day)::date as bucket,
        sum(received)::bigint as received,
        coalesce(sum(received) filter (where channel = ?), 0)::bigint as received_online,
        sum(resolved)::bigint as resolved
    from facts
    where day between ? and ?
    group by bucket
)
select
    bucket,
    greatest(bucket, ?::date) as first_day,
    least(
        case ? when 'day' then bucket when 'week' then bucket + 6 else last_day(bucket) end,
        ?::date
    ) as last_day,
    received,
    received_online,
    resolved
from buckets
order by bucket
"""

_CHANNEL_MIX = """
select channel, sum(received)::bigint as received
from facts
where day between ? and ?
group by channel
having sum(received) > 0
order by channel
"""


def trend(con: duckdb.DuckDBPyConnection, filters: Filters, grain: Grain) -> pl.DataFrame:
    """Received, received online and resolved per day, week (Monday first) or month.

    A bucket cut by the period's edges counts only the period's days; `first_day` and
    `last_day` say which days it covers, so a partial week is not mistaken for a slow one.
    """
    if grain not in GRAINS:
        raise ValueError(f"unknown grain: {grain}")
    d0, d1 = filters.start, filters.end
    query = with_facts(
        filters, _TREND, grain, ONLINE_CHANNEL, d0, d1, d0, grain, d1, needs=()
    )
    return con.sql(query.text, params=list(query.params)).pl()


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
    query = with_facts(filters, _CHANNEL_MIX, filters.start, filters.end, needs=("channel",))
    return con.sql(query.text, params=list(query.params)).pl()
