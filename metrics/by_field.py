"""Received and late applications per field (lĩnh vực) in the period."""

from __future__ import annotations

import duckdb
import polars as pl

from metrics.filters import Filters
from metrics.scope import with_facts

_BY_FIELD = """
, activity as (
    select
        procedure_code,
        sum(received) as received,
        sum(resolved) as resolved,
        sum(resolved_late) as resolved_late
    from facts
    where day between ? and ?
    group by procedure_code
),
overdue as (
    select procedure_code, sum(n) as overdue
    from ledger
    where due_day < ? and (end_day is null or end_day > ?)
    group by procedure_code
),
final as (
    select
        p.field,
        coalesce(sum(a.received), 0)::bigint as received,
        coalesce(sum(a.resolved), 0)::bigint as resolved,
        coalesce(sum(a.resolved_late), 0)::bigint as resolved_late,
        coalesce(sum(o.overdue), 0)::bigint as overdue
    from activity as a
    full join overdue as o using (procedure_code)
    join procedures as p using (procedure_code)
    group by p.field
)
select *, resolved_late + overdue as late
from final
where received > 0 or resolved_late + overdue > 0
order by received desc, field
"""


def field_activity(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per field: received and resolved in the period, resolved late, and in progress overdue
    at its end. `late` = resolved late + overdue: the applications that lower the on-time rate."""
    d0, d1 = filters.start, filters.end
    query = with_facts(filters, _BY_FIELD, d0, d1, d1, d1, needs=("procedure_code",))
    return con.sql(query.text, params=list(query.params)).pl()
