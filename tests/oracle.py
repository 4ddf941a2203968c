"""An independent answer to "what are the period KPIs?": DATA_SPEC §4 written directly against
`applications`, one row per application, without the summary tables or `metrics.counts`.

The tests compare it with `metrics.kpis.period_kpis` for many views, and
`benchmarks/bench_scale.py` times the summaries against it (and checks the answers agree), so a
second definition of a count cannot creep into the read side unnoticed. Only the rows the view
keeps come from `metrics.scope` (the same restriction every list of applications uses).
"""

# ruff: noqa: S608 -- the status codes are constants of etl.schema; every value is bound.
from __future__ import annotations

import duckdb

from etl.schema import (
    CLOSED_STATUSES,
    FINISHED_STATUSES,
    REFUSED_STATUS,
    STOPPED_STATUS,
    WAITING_STATUSES,
    WITHDRAWN_STATUS,
)
from metrics.filters import Filters
from metrics.measures import ONLINE_CHANNEL
from metrics.scope import scoped

_FINISHED = ", ".join(map(str, FINISHED_STATUSES))
_CLOSED = ", ".join(map(str, CLOSED_STATUSES))
_WAITING = ", ".join(map(str, WAITING_STATUSES))

DIRECT_KPIS = f"""
with period as (select ?::date as d0, ?::date as d1),
apps as ({{applications}}),
-- The working days: those on which the calendar's running count goes up.
working as (
    select day from (select day, idx - lag(idx, 1, 0) over (order by day) as step from workdays)
    where step = 1
),
marked as (
    select
        a.received_at::date as received_day,
        a.due_at::date as due_day,
        a.ended_on,
        a.channel,
        a.status,
        a.status in ({_FINISHED}) as finished,
        a.status in ({_CLOSED}) as closed,
        a.status in ({_WAITING}) as waiting,
        a.status,
        -- QĐ 766: asked twice or more is late; else the due date moves by the supplement time.
        coalesce(a.supplement_count, 0) >= 2 as asked_twice,
        case
            when coalesce(a.supplement_count, 0) >= 2
                then least(a.due_at, coalesce(a.supplement_requested_at, a.received_at))::date
            when a.supplement_done_at is not null and a.supplement_requested_at is not null
                then (a.due_at + (a.supplement_done_at - a.supplement_requested_at))::date
            else a.due_at::date
        end as due_766_day,
        coalesce(p.has_fee, false) as has_fee,
        a.channel = {ONLINE_CHANNEL}
            and (a.e_result or not coalesce(p.result_document, true)) is true as online_766,
        coalesce(a.paid_online, false) as paid,
        coalesce(a.digitized, false) as digitized,
        coalesce(p.result_document, true) as result_doc,
        coalesce(a.e_result, false) as e_result,
        coalesce(a.reused_data, false) as reused,
        epoch(a.finished_at - a.received_at) / 86400.0 as days,
        (select count(*) from working as w
         where w.day > a.received_at::date and w.day <= a.finished_at::date) as workdays,
        period.d0,
        period.d1
    from apps as a
    left join procedures as p using (procedure_code)
    cross join period
),
flags as (
    select
        *,
        received_day between d0 and d1 as received,
        finished and ended_on between d0 and d1 as resolved,
        received_day <= d1 and (ended_on is null or ended_on > d1) as open_at_end
    from marked
)
select
    count(*) filter (where received) as received,
    count(*) filter (where received and channel = {ONLINE_CHANNEL}) as received_online,
    count(*) filter (where received and online_766) as received_online_766,
    count(*) filter (where received_day < d0 and (ended_on is null or ended_on >= d0))
        as carried_in,
    count(*) filter (where resolved) as resolved,
    count(*) filter (where resolved and ended_on < due_day) as resolved_early,
    count(*) filter (where resolved and ended_on = due_day) as resolved_on_time,
    count(*) filter (where resolved and ended_on > due_day) as resolved_late,
    count(*) filter (where closed and ended_on between d0 and d1) as closed,
    -- Of closed, by kind (GLOSSARY: 3 không được tiếp nhận, 7 rút, 8 dừng xử lý).
    count(*) filter (where status = {REFUSED_STATUS} and ended_on between d0 and d1)
        as closed_refused,
    count(*) filter (where status = {WITHDRAWN_STATUS} and ended_on between d0 and d1)
        as closed_withdrawn,
    count(*) filter (where status = {STOPPED_STATUS} and ended_on between d0 and d1)
        as closed_stopped,
    count(*) filter (where open_at_end) as in_progress,
    count(*) filter (where open_at_end and due_day < d1) as overdue,
    count(*) filter (where open_at_end and waiting) as waiting,
    count(*) filter (where open_at_end and due_day < d1 and waiting) as overdue_waiting,
    count(*) filter (where resolved and (asked_twice or ended_on > due_766_day))
        as resolved_late_766,
    count(*) filter (where open_at_end and due_766_day < d1 and not waiting) as overdue_766,
    coalesce(sum(days) filter (where resolved), 0) as processing_days_sum,
    coalesce(sum(workdays) filter (where resolved), 0) as processing_workdays_sum,
    count(*) filter (where received and has_fee) as received_fee,
    count(*) filter (where received and has_fee and paid) as paid_online,
    count(*) filter (where received and digitized) as digitized,
    count(*) filter (where received and result_doc) as received_result_doc,
    count(*) filter (where received and result_doc and e_result) as e_result_doc,
    count(*) filter (where received and digitized and e_result) as digitized_e_result,
    count(*) filter (where received and reused) as reused_data
from flags
"""


def direct_kpis(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, float]:
    """Every base count of the filters' period, by name, counted application by application."""
    applications = scoped("applications", filters)
    query = DIRECT_KPIS.replace("{applications}", applications.text)
    relation = con.sql(query, params=[filters.start, filters.end, *applications.params])
    return dict(zip(relation.columns, relation.fetchall()[0], strict=True))
