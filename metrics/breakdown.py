"""The period counts of DATA_SPEC §4 split by unit or by procedure, in one pass.

`metrics.kpis` answers "how many, in total"; this module answers the same question per unit
(the league table) or per procedure (busiest procedures, Biểu II.06a by field). The columns are
the same counts as `PeriodKpis`, computed the same way, so a breakdown always sums to the
overview's totals:
- received, resolved (early / on time / late), closed, processing days: sums over P;
- carried in at d0: received before d0 minus ended before d0;
- in progress at d1: received up to d1 minus ended up to d1;
- overdue at d1: ledger rows due before d1 and not ended by d1.
"""

from __future__ import annotations

from typing import Literal

import duckdb
import polars as pl

from metrics.filters import Filters
from metrics.kpis import ONLINE_CHANNEL
from metrics.scope import with_facts

Key = Literal["unit_code", "procedure_code"]
KEYS: tuple[Key, ...] = ("unit_code", "procedure_code")

# `{key}` is replaced by a member of KEYS only (a column name written here, never user input).
_BY_KEY = """
, activity as (
    select
        {key} as key,
        coalesce(sum(received) filter (where day >= ?), 0) as received,
        coalesce(sum(received) filter (where day >= ? and channel = ?), 0) as received_online,
        coalesce(sum(received - ended) filter (where day < ?), 0) as carried_in,
        coalesce(sum(resolved) filter (where day >= ?), 0) as resolved,
        coalesce(sum(resolved_early) filter (where day >= ?), 0) as resolved_early,
        coalesce(sum(resolved_on_time) filter (where day >= ?), 0) as resolved_on_time,
        coalesce(sum(resolved_late) filter (where day >= ?), 0) as resolved_late,
        coalesce(sum(closed) filter (where day >= ?), 0) as closed,
        coalesce(sum(processing_days_sum) filter (where day >= ?), 0) as processing_days_sum,
        sum(received - ended) as in_progress
    from facts
    where day <= ?
    group by key
),
overdue as (
    select {key} as key, sum(n) as overdue
    from ledger
    where due_day < ? and (end_day is null or end_day > ?)
    group by key
)
select
    a.key as {key},
    a.received::bigint as received,
    a.received_online::bigint as received_online,
    a.carried_in::bigint as carried_in,
    (a.received + a.carried_in)::bigint as to_handle,
    a.resolved::bigint as resolved,
    a.resolved_early::bigint as resolved_early,
    a.resolved_on_time::bigint as resolved_on_time,
    a.resolved_late::bigint as resolved_late,
    a.closed::bigint as closed,
    a.in_progress::bigint as in_progress,
    coalesce(o.overdue, 0)::bigint as overdue,
    a.processing_days_sum::double as processing_days_sum
from activity as a
left join overdue as o using (key)
where a.received > 0 or a.carried_in > 0
order by a.key
"""
_QUERIES: dict[Key, str] = {key: _BY_KEY.replace("{key}", key) for key in KEYS}

COUNT_COLUMNS = (
    "received",
    "received_online",
    "carried_in",
    "to_handle",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "closed",
    "in_progress",
    "overdue",
)


def counts_by(con: duckdb.DuckDBPyConnection, filters: Filters, key: Key) -> pl.DataFrame:
    """One row per unit or procedure that had something to handle in the period.

    A key with nothing received and nothing carried in has nothing resolved or in progress
    either, so leaving it out loses no count."""
    if key not in KEYS:
        raise ValueError(f"cannot break down by {key}")
    d0, d1 = filters.start, filters.end
    params = (d0, d0, ONLINE_CHANNEL, d0, d0, d0, d0, d0, d0, d0, d1, d1, d1)
    query = with_facts(filters, _QUERIES[key], *params, needs=(key,))
    return con.sql(query.text, params=list(query.params)).pl()


def with_rates(frame: pl.DataFrame) -> pl.DataFrame:
    """Add the rates of DATA_SPEC §4 (null where the denominator is 0) and their numerators.

    `on_time` = to handle − resolved late − overdue: the numerator of the on-time rate."""
    on_time = pl.col("to_handle") - pl.col("resolved_late") - pl.col("overdue")
    return frame.with_columns(
        on_time.alias("on_time"),
        (pl.col("resolved_late") + pl.col("overdue")).alias("late"),
        _ratio(pl.col("resolved"), "to_handle").alias("resolution_rate"),
        _ratio(on_time, "to_handle").alias("on_time_rate"),
        _ratio(pl.col("received_online"), "received").alias("online_share"),
        _ratio(pl.col("processing_days_sum"), "resolved").alias("average_days"),
    )


def _ratio(numerator: pl.Expr, denominator: str) -> pl.Expr:
    return (
        pl.when(pl.col(denominator) > 0)
        .then(numerator / pl.col(denominator))
        .otherwise(None)
        .cast(pl.Float64)
    )
