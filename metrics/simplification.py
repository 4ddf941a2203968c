"""Simplification of procedures (đơn giản hóa TTHC): the plans, the time they cut, and what
applications actually took before and after a plan took effect.

Time cut = 1 − days_after / days_before (DATA_SPEC §4). A plan's effective date is its
`decided_on`; the actual comparison reads resolved applications from `daily_activity`
(processing_days_sum / resolved), under the filter bar's restrictions and up to the period's end.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from metrics.codes import AGENCY_KIND
from metrics.filters import Filters
from metrics.measures import ratio_expression
from metrics.scope import with_facts

_SUMMARY = """
select
    count(*) filter (where p.business_related)::bigint as business_related,
    count(s.procedure_code) filter (where p.business_related)::bigint as business_with_plan,
    count(s.procedure_code)::bigint as plans,
    (select count(distinct agency_code) from simplifications where days_after < days_before)
        ::bigint as agencies_with_cut,
    -- the agencies of the province(s) the catalog names: one catalog serves every province
    -- of a national warehouse, so counting every province's agencies would say "12 of 408"
    (select count(*) from units where kind = ? and province_code in (
        select c.province_code from procedures as q join units as c on c.unit_code = q.agency_code
    ))::bigint as agencies
from procedures as p
left join simplifications as s using (procedure_code)
"""

_PLANS = """
select
    s.procedure_code, p.name, p.field, s.plan, s.agency_code,
    coalesce(u.name, s.agency_code) as agency_name,
    s.days_before, s.days_after,
    case when s.days_before > 0 then 1 - s.days_after / s.days_before end as time_cut,
    s.status, s.decided_on, p.business_related
from simplifications as s
join procedures as p using (procedure_code)
left join units as u on u.unit_code = s.agency_code
order by time_cut desc nulls last, s.procedure_code
"""

_ACTUAL = """
, plans as (select procedure_code, decided_on from simplifications where decided_on is not null)
, sides as (
    select
        f.procedure_code,
        sum(f.resolved) filter (where f.day < p.decided_on) as resolved_before,
        sum(f.processing_days_sum) filter (where f.day < p.decided_on) as days_before_sum,
        sum(f.resolved) filter (where f.day >= p.decided_on) as resolved_after,
        sum(f.processing_days_sum) filter (where f.day >= p.decided_on) as days_after_sum
    from facts as f
    join plans as p using (procedure_code)
    where f.day <= ? and f.resolved > 0
    group by f.procedure_code
)
select
    procedure_code,
    coalesce(resolved_before, 0)::bigint as resolved_before,
    coalesce(days_before_sum, 0)::double as days_before_sum,
    coalesce(resolved_after, 0)::bigint as resolved_after,
    coalesce(days_after_sum, 0)::double as days_after_sum
from sides
order by procedure_code
"""


@dataclass(frozen=True)
class SimplificationSummary:
    business_related: int  # procedures related to business activity
    business_with_plan: int  # of those, with a simplification plan
    plans: int  # all plans
    agencies_with_cut: int  # provincial agencies with at least one plan that cuts time
    agencies: int  # all provincial agencies (sở, ngành)


def simplification_summary(con: duckdb.DuckDBPyConnection) -> SimplificationSummary:
    [row] = con.sql(_SUMMARY, params=[AGENCY_KIND]).fetchall()
    return SimplificationSummary(*row)


def plans(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every plan: procedure, agency, days before / after and time cut, biggest cut first."""
    return con.sql(_PLANS).pl()


def plans_by(plan_table: pl.DataFrame, column: str) -> pl.DataFrame:
    """Plans counted per agency or per status, with the mean time cut of each group."""
    return (
        plan_table.group_by(column)
        .agg(pl.len().alias("plans"), pl.col("time_cut").mean().alias("mean_cut"))
        .sort(["plans", column], descending=[True, False])
    )


def actual_processing(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """For planned procedures with resolved applications in scope up to the period's end: the
    mean processing days of those resolved before the plan's date and of those on or after it
    (null on a side with none). Means come with their sums and counts, so they can be checked."""
    query = with_facts(filters, _ACTUAL, filters.end, needs=("procedure_code",))
    frame = con.sql(query.text, params=list(query.params)).pl()
    # The average processing time (metrics.measures: processing days / resolved) of each side.
    return frame.with_columns(
        ratio_expression("days_before_sum", "resolved_before").alias("mean_days_before"),
        ratio_expression("days_after_sum", "resolved_after").alias("mean_days_after"),
    )
