"""Summary tables the dashboard reads instead of scanning `applications`.

`daily_activity` holds, per day and (unit, procedure, channel), what was received that day and
what ended that day. Any period's KPIs follow from sums over it (DATA_SPEC §4):
received and resolved in P directly; carried in at d0 = received before d0 − ended before d0;
in progress at d1 = received up to d1 − ended up to d1.

`overdue_ledger` keeps only applications that are open or ended after their due date: the only
ones that can be "in progress, overdue" on some day d, i.e. due_day < d and not ended by d.
It is small (late and open applications), so any day's overdue count is one cheap sum.
"""

from __future__ import annotations

import duckdb

SOURCE_VIEW_SQL = """
create or replace temp view summary_source as
    select
        a.*,
        u.province_code,
        coalesce(p.has_fee, false) as has_fee,
        a.status in (9, 10) as is_finished,
        a.status in (3, 7, 8) as is_closed,
        a.due_at::date as due_day
    from applications as a
    join units as u using (unit_code)
    left join procedures as p using (procedure_code)
"""

DAILY_ACTIVITY_SQL = """
create or replace table daily_activity as
with apps as (from summary_source),
received as (
    select
        received_at::date as day, province_code, unit_code, procedure_code, channel,
        count(*) as received,
        count(*) filter (where has_fee) as received_fee,
        count(*) filter (where has_fee and paid_online) as paid_online,
        count(*) filter (where digitized) as digitized
    from apps
    group by all
),
ended as (
    select
        ended_on as day, province_code, unit_code, procedure_code, channel,
        count(*) as ended,
        count(*) filter (where is_closed) as closed,
        count(*) filter (where is_finished) as resolved,
        count(*) filter (where is_finished and ended_on < due_day) as resolved_early,
        count(*) filter (where is_finished and ended_on = due_day) as resolved_on_time,
        count(*) filter (where is_finished and ended_on > due_day) as resolved_late,
        coalesce(
            sum(epoch(finished_at - received_at) / 86400.0) filter (where is_finished), 0
        ) as processing_days_sum
    from apps
    where ended_on is not null
    group by all
),
final as (
    select
        day, province_code, unit_code, procedure_code, channel,
        coalesce(received, 0) as received,
        coalesce(received_fee, 0) as received_fee,
        coalesce(paid_online, 0) as paid_online,
        coalesce(digitized, 0) as digitized,
        coalesce(ended, 0) as ended,
        coalesce(closed, 0) as closed,
        coalesce(resolved, 0) as resolved,
        coalesce(resolved_early, 0) as resolved_early,
        coalesce(resolved_on_time, 0) as resolved_on_time,
        coalesce(resolved_late, 0) as resolved_late,
        coalesce(processing_days_sum, 0.0) as processing_days_sum
    from received
    full outer join ended using (day, province_code, unit_code, procedure_code, channel)
)
select * from final order by day, unit_code, procedure_code, channel
"""

OVERDUE_LEDGER_SQL = """
create or replace table overdue_ledger as
with apps as (from summary_source)
select
    due_day, ended_on as end_day, received_at::date as received_day,
    province_code, unit_code, procedure_code, channel,
    count(*) as n
from apps
where ended_on is null or ended_on > due_day
group by all
order by due_day
"""


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every summary table from `applications` (inside the caller's transaction)."""
    con.execute(SOURCE_VIEW_SQL)
    con.execute(DAILY_ACTIVITY_SQL)
    con.execute(OVERDUE_LEDGER_SQL)
    con.execute("drop view summary_source")
