"""How fresh and how complete the warehouse is: the line every page shows under its title."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb

_FRESHNESS = """
with activity as (
    select
        min(day) filter (where received > 0) as data_start,
        max(day) filter (where received > 0) as data_end,
        coalesce(sum(received), 0)::bigint as applications
    from daily_activity
),
loads as (
    select max(finished_at) as last_load from load_log where outcome = 'loaded'
),
built as (
    select max(try_cast(value as timestamp)) as built_at from warehouse_info where key = 'built_at'
),
rejected as (
    select count(*)::bigint as rejected from rejected_rows
)
select * from activity, loads, built, rejected
"""


@dataclass(frozen=True)
class Freshness:
    data_start: date | None  # first day with a received application
    data_end: date | None  # latest received date: "data up to"
    loaded_at: datetime | None  # when the warehouse was last loaded
    applications: int  # applications in the warehouse (each is received exactly once)
    rejected: int  # rows held in rejected_rows (see the data-quality page)


def freshness(con: duckdb.DuckDBPyConnection) -> Freshness:
    """Data span, last load time and row counts of the whole warehouse (no filters).

    The load time is the ETL's `built_at` when it wrote one, else the end of the last
    successful file load."""
    [(data_start, data_end, applications, last_load, built_at, rejected)] = con.sql(
        _FRESHNESS
    ).fetchall()
    return Freshness(data_start, data_end, built_at or last_load, applications, rejected)
