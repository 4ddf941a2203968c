"""The days the warehouse has data for, and the cut of a period that runs past them.

DATA_SPEC §4: a period that ends after the last day with data is cut to that day, and the view
says so. Counting "in progress at d1" or "overdue at d1" on a day the exports have not reached
would call every application open that day overdue (`python -m reports bieu-06a --to 31/07`
reported 11,406 overdue against 1,573 at 30/6), so `metrics.counts` cuts every period here,
and the pages, files and the command line ask `data_until` whether to say "Số liệu đến …".
The last day with data is the latest day an application was received (as `metrics.freshness`
names it); the rollup without units is the smallest table that knows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import duckdb

from etl.schema import scalar
from metrics.filters import Filters

_LAST_DAY = "select max(day) from province_activity where received > 0"


def last_day(con: duckdb.DuckDBPyConnection) -> date | None:
    """The latest day with a received application in the warehouse (None: no data)."""
    value = scalar(con, _LAST_DAY)
    return value if isinstance(value, date) else None


def cut_periods(periods: Sequence[tuple[date, date]], last: date | None) -> list[tuple[date, date]]:
    """Each (d0, d1) with d1 cut to the last day with data where the period reaches past it
    (a period wholly after the data is left as it is: it has nothing to count)."""
    if last is None:
        return list(periods)
    return [(d0, min(d1, last)) if d0 <= last else (d0, d1) for d0, d1 in periods]


def data_until(con: duckdb.DuckDBPyConnection, filters: Filters) -> date | None:
    """The day the filters' period is cut at, or None when the data cover all of it."""
    last = last_day(con)
    return last if last is not None and filters.start <= last < filters.end else None
