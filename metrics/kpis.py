"""The period KPIs of DATA_SPEC §4, each defined once, from the summary tables.

One query answers several periods at once (the selected one and its comparison periods), so
a filter change costs one pass over `daily_activity` and one over `overdue_ledger`:
- received, resolved (early / on time / late), closed, fee, payment and digitisation counts:
  sums over the days of the period;
- carried in at d0: received before d0 minus ended before d0;
- in progress at d1: received up to d1 minus ended up to d1;
- in progress and overdue at d1: ledger rows due before d1 and not ended by d1.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from metrics.filters import Filters
from metrics.scope import with_facts

ONLINE_CHANNEL = 2

_PERIOD_TOTALS = """
, daily as (
    -- One row per day first: the period join below then touches hundreds of rows, not millions.
    select
        day,
        sum(received) as received,
        coalesce(sum(received) filter (where channel = ?), 0) as received_online,
        sum(ended) as ended,
        sum(resolved) as resolved,
        sum(resolved_early) as resolved_early,
        sum(resolved_on_time) as resolved_on_time,
        sum(resolved_late) as resolved_late,
        sum(closed) as closed,
        sum(processing_days_sum) as processing_days_sum,
        sum(received_fee) as received_fee,
        sum(paid_online) as paid_online,
        sum(digitized) as digitized
    from facts
    group by day
),
open_late as (
    select due_day, end_day, sum(n) as n from ledger group by due_day, end_day
),
periods as (
    select unnest(?::integer[]) as idx, unnest(?::date[]) as d0, unnest(?::date[]) as d1
),
activity as (
    select
        p.idx,
        sum(d.received) filter (where d.day >= p.d0) as received,
        sum(d.received_online) filter (where d.day >= p.d0) as received_online,
        sum(d.received - d.ended) filter (where d.day < p.d0) as carried_in,
        sum(d.resolved) filter (where d.day >= p.d0) as resolved,
        sum(d.resolved_early) filter (where d.day >= p.d0) as resolved_early,
        sum(d.resolved_on_time) filter (where d.day >= p.d0) as resolved_on_time,
        sum(d.resolved_late) filter (where d.day >= p.d0) as resolved_late,
        sum(d.closed) filter (where d.day >= p.d0) as closed,
        sum(d.processing_days_sum) filter (where d.day >= p.d0) as processing_days_sum,
        sum(d.received_fee) filter (where d.day >= p.d0) as received_fee,
        sum(d.paid_online) filter (where d.day >= p.d0) as paid_online,
        sum(d.digitized) filter (where d.day >= p.d0) as digitized,
        sum(d.received - d.ended) as in_progress
    from periods as p
    join daily as d on d.day <= p.d1
    group by p.idx
),
overdue as (
    select p.idx, sum(l.n) as overdue
    from periods as p
    join open_late as l on l.due_day < p.d1 and (l.end_day is null or l.end_day > p.d1)
    group by p.idx
),
final as (
    select
        p.idx, p.d0, p.d1,
        coalesce(a.received, 0)::bigint as received,
        coalesce(a.received_online, 0)::bigint as received_online,
        coalesce(a.carried_in, 0)::bigint as carried_in,
        coalesce(a.resolved, 0)::bigint as resolved,
        coalesce(a.resolved_early, 0)::bigint as resolved_early,
        coalesce(a.resolved_on_time, 0)::bigint as resolved_on_time,
        coalesce(a.resolved_late, 0)::bigint as resolved_late,
        coalesce(a.closed, 0)::bigint as closed,
        coalesce(a.in_progress, 0)::bigint as in_progress,
        coalesce(o.overdue, 0)::bigint as overdue,
        coalesce(a.processing_days_sum, 0)::double as processing_days_sum,
        coalesce(a.received_fee, 0)::bigint as received_fee,
        coalesce(a.paid_online, 0)::bigint as paid_online,
        coalesce(a.digitized, 0)::bigint as digitized
    from periods as p
    left join activity as a using (idx)
    left join overdue as o using (idx)
)
select * from final order by idx
"""


@dataclass(frozen=True)
class Ratio:
    """A rate shown with what it is made of, so a reader can check it (DATA_SPEC §4)."""

    numerator: float
    denominator: float

    @property
    def value(self) -> float | None:
        """The rate, or None when there is nothing to divide by."""
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class PeriodKpis:
    """Counts for one period under one set of filters, and the rates defined from them."""

    start: date
    end: date
    received: int
    received_online: int
    carried_in: int
    resolved: int
    resolved_early: int
    resolved_on_time: int
    resolved_late: int
    closed: int  # ended in the period without a result (status 3, 7, 8)
    in_progress: int  # at the end of the period
    overdue: int  # of in_progress, past the due date at the end of the period
    processing_days_sum: float
    received_fee: int
    paid_online: int
    digitized: int

    @property
    def to_handle(self) -> int:
        """Cần giải quyết: received in the period plus carried in."""
        return self.received + self.carried_in

    @property
    def in_progress_within_deadline(self) -> int:
        return self.in_progress - self.overdue

    @property
    def resolution_rate(self) -> Ratio:
        return Ratio(self.resolved, self.to_handle)

    @property
    def on_time_rate(self) -> Ratio:
        """1 − (resolved late + in progress overdue) / to handle (QĐ 766, group 2)."""
        return Ratio(self.to_handle - self.resolved_late - self.overdue, self.to_handle)

    @property
    def online_share(self) -> Ratio:
        return Ratio(self.received_online, self.received)

    @property
    def online_payment_rate(self) -> Ratio:
        """Paid online among received applications of procedures with a fee."""
        return Ratio(self.paid_online, self.received_fee)

    @property
    def digitisation_rate(self) -> Ratio:
        return Ratio(self.digitized, self.received)

    @property
    def average_processing_days(self) -> Ratio:
        """Mean of finished_at − received_at over resolved applications, in days."""
        return Ratio(self.processing_days_sum, self.resolved)


def period_kpis(
    con: duckdb.DuckDBPyConnection, filters: Filters, periods: Sequence[tuple[date, date]]
) -> list[PeriodKpis]:
    """KPIs for each (start, end) in `periods` under the filters' other restrictions."""
    if not periods:
        return []
    query = with_facts(
        filters,
        _PERIOD_TOTALS,
        ONLINE_CHANNEL,
        list(range(len(periods))),
        [start for start, _ in periods],
        [end for _, end in periods],
        needs=(),
    )
    frame = con.sql(query.text, params=list(query.params)).pl()
    return [
        PeriodKpis(
            start=row["d0"],
            end=row["d1"],
            processing_days_sum=row["processing_days_sum"],
            **{name: row[name] for name in _COUNT_COLUMNS},
        )
        for row in frame.iter_rows(named=True)
    ]


_COUNT_COLUMNS = (
    "received",
    "received_online",
    "carried_in",
    "resolved",
    "resolved_early",
    "resolved_on_time",
    "resolved_late",
    "closed",
    "in_progress",
    "overdue",
    "received_fee",
    "paid_online",
    "digitized",
)


@dataclass(frozen=True)
class KpiComparison:
    """The selected period and, where the warehouse has data for them, its comparison periods."""

    current: PeriodKpis
    previous: PeriodKpis | None  # equal length, just before
    year_earlier: PeriodKpis | None  # same dates, one year earlier


def compare_periods(
    con: duckdb.DuckDBPyConnection, filters: Filters, data_start: date | None
) -> KpiComparison:
    """KPIs of the filters' period and of its comparison periods that lie within the data.

    A comparison period that starts before the first day with data would compare against
    nothing and show a meaningless jump, so it is left out (DATA_SPEC §4: "where data exist").
    """
    candidates = {
        "previous": filters.previous_period(),
        "year_earlier": filters.year_earlier(),
    }
    kept = {
        name: other
        for name, other in candidates.items()
        if data_start is not None and other.start >= data_start
    }
    periods = [(filters.start, filters.end)] + [(f.start, f.end) for f in kept.values()]
    results = period_kpis(con, filters, periods)
    by_name = dict(zip(kept, results[1:], strict=True))
    return KpiComparison(results[0], by_name.get("previous"), by_name.get("year_earlier"))
