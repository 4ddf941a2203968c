"""KPIs per commune-level unit (phường, xã, đặc khu) and the best / worst of them.

The same definitions as `metrics.kpis`, grouped by unit: on-time rate needs each unit's
carried-in and overdue counts, so the query reads the days before the period too.
"""

from __future__ import annotations

from typing import Literal

import duckdb
import polars as pl

from metrics.filters import Filters
from metrics.kpis import ONLINE_CHANNEL
from metrics.scope import with_facts

# Units that appear in the wards-and-communes rankings; provincial agencies are ranked apart.
COMMUNE_KINDS = ("phuong", "xa", "dac_khu")
# A rate over a handful of applications says little about a unit: below this denominator a
# unit is left out of a ranking (it still counts in every total).
MIN_DENOMINATOR = 30

RankMeasure = Literal["on_time_rate", "online_share"]

_BY_UNIT = """
, activity as (
    select
        unit_code,
        coalesce(sum(received) filter (where day >= ?), 0) as received,
        coalesce(sum(received) filter (where day >= ? and channel = ?), 0) as received_online,
        coalesce(sum(received - ended) filter (where day < ?), 0) as carried_in,
        coalesce(sum(resolved) filter (where day >= ?), 0) as resolved,
        coalesce(sum(resolved_late) filter (where day >= ?), 0) as resolved_late
    from facts
    where day <= ?
    group by unit_code
),
overdue as (
    select unit_code, sum(n) as overdue
    from ledger
    where due_day < ? and (end_day is null or end_day > ?)
    group by unit_code
),
final as (
    select
        u.unit_code, u.name, u.kind,
        a.received::bigint as received,
        a.received_online::bigint as received_online,
        (a.received + a.carried_in)::bigint as to_handle,
        a.resolved::bigint as resolved,
        a.resolved_late::bigint as resolved_late,
        coalesce(o.overdue, 0)::bigint as overdue
    from activity as a
    join units as u using (unit_code)
    left join overdue as o using (unit_code)
    where u.kind in (?, ?, ?)
)
select
    *,
    to_handle - resolved_late - overdue as on_time,
    case when to_handle > 0 then (to_handle - resolved_late - overdue) / to_handle end
        as on_time_rate,
    case when received > 0 then received_online / received end as online_share
from final
order by unit_code
"""

# For each ranking measure: the numerator and denominator columns it divides.
RANK_PARTS: dict[RankMeasure, tuple[str, str]] = {
    "on_time_rate": ("on_time", "to_handle"),
    "online_share": ("received_online", "received"),
}


def unit_performance(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """One row per commune-level unit with activity in scope: counts and the two rates."""
    d0, d1 = filters.start, filters.end
    query = with_facts(
        filters,
        _BY_UNIT,
        *(d0, d0, ONLINE_CHANNEL, d0, d0, d0, d1, d1, d1, *COMMUNE_KINDS),
        needs=("unit_code",),
    )
    return con.sql(query.text, params=list(query.params)).pl()


def best_and_worst(
    units: pl.DataFrame, measure: RankMeasure, count: int = 10
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The `count` highest and the `count` lowest units by `measure`, no unit in both.

    Ties are broken by the larger denominator (the steadier rate) and then by name, so the
    order is the same on every run.
    """
    _, denominator = RANK_PARTS[measure]
    ranked = units.filter(pl.col(denominator) >= MIN_DENOMINATOR).sort(
        [measure, denominator, "name"], descending=[True, True, False]
    )
    best = ranked.head(count)
    rest = ranked.slice(best.height)
    worst = rest.tail(count).reverse()
    return best, worst
