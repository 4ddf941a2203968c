"""The period KPIs of DATA_SPEC §4 for the selected period and its comparison periods.

One call of `metrics.counts.period_counts` answers every period at once, so a filter change
costs one pass over the facts and one over the overdue ledger. The counts and rates are those
declared in `metrics.measures`; a `PeriodKpis` holds them for one period.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import duckdb

from metrics.counts import period_counts
from metrics.filters import Filters
from metrics.measures import COUNT_NAMES, Ratio, ratio, with_counts


@dataclass(frozen=True)
class PeriodKpis:
    """The counts of one period under one set of filters (base and derived, by name), and the
    rates declared over them."""

    start: date
    end: date
    counts: dict[str, float]

    def count(self, name: str) -> float:
        return self.counts[name]

    def rate(self, name: str) -> Ratio:
        return ratio(self.counts, name)


def period_kpis(
    con: duckdb.DuckDBPyConnection, filters: Filters, periods: Sequence[tuple[date, date]]
) -> list[PeriodKpis]:
    """KPIs for each (start, end) in `periods` under the filters' other restrictions."""
    if not periods:
        return []
    frame = with_counts(period_counts(con, filters, periods))
    return [
        PeriodKpis(row["d0"], row["d1"], {name: row[name] for name in COUNT_NAMES})
        for row in frame.iter_rows(named=True)
    ]


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
