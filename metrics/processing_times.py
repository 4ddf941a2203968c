"""Processing time per procedure in working days against its legal deadline (DATA_SPEC §4,
INDEX_766.md 2.2): the median and the 90th percentile of the resolved applications of the
period, beside `legal_days`.

A mean hides the long tail a deadline is about, and a median or percentile cannot be summed
from daily totals, so this reads the applications themselves (the view's rows, through
`metrics.scope`) with the working-day calendar `workdays` (etl.workdays): working days from
receipt to result = idx(finished day) − idx(received day).
"""

# ruff: noqa: S608 -- the status codes are constants of etl.schema; every value is bound.
from __future__ import annotations

import duckdb
import polars as pl

from etl.schema import FINISHED_STATUSES, sql_list
from metrics.filters import Filters
from metrics.scope import scoped

_TIMES = """
with apps as ({applications}),
resolved as (
    select a.procedure_code, greatest(wf.idx - wr.idx, 0) as workdays
    from apps as a
    join workdays as wr on wr.day = a.received_at::date
    join workdays as wf on wf.day = a.finished_at::date
    where a.status in {finished} and a.ended_on between ? and ?
)
select
    r.procedure_code, p.name, p.legal_days,
    count(*)::bigint as resolved,
    median(r.workdays)::double as median_workdays,
    quantile_cont(r.workdays, 0.9)::double as p90_workdays,
    (count(*) filter (where r.workdays > p.legal_days))::bigint as over_legal
from resolved as r
left join procedures as p using (procedure_code)
group by all
order by resolved desc, r.procedure_code
"""


def procedure_times(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per procedure with applications resolved in the period: resolved, the median and the 90th
    percentile of working days from receipt to result, the legal deadline (working days) and how
    many took longer than it."""
    applications = scoped("applications", filters)
    query = _TIMES.replace("{applications}", applications.text).replace(
        "{finished}", sql_list(FINISHED_STATUSES)
    )
    params = [*applications.params, filters.start, filters.end]
    return con.sql(query, params=params).pl()
