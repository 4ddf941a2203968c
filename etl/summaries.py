"""Summary tables the dashboard reads instead of scanning `applications`.

`daily_activity` holds, per day and (unit, procedure, channel), what was received that day and
what ended that day. Any period's KPIs follow from sums over it (DATA_SPEC §4):
received and resolved in P directly; carried in at d0 = received before d0 − ended before d0;
in progress at d1 = received up to d1 − ended up to d1.

`province_activity` rolls `daily_activity` up without unit and procedure, for the city- and
province-wide views that are most of what leaders open; `unit_activity` without the procedure,
for unit rankings; `procedure_activity` without the unit, for per-procedure views.

`overdue_ledger` keeps only applications that are open or ended after their due date (the
exported one, or QĐ 766's, moved by the applicant's supplement time): the only ones that can be
"in progress, overdue" on some day d, i.e. due_day < d and not ended by d. It also carries
whether the application waits for the applicant now (status 5, 6): every open one is in it, so
"waiting at d1" is one sum too. It is small (late and open applications), so any day's overdue
count is one cheap sum.

A daily export touches few cells, so a load refreshes only the summary rows of the cells its
records touched (`touched_keys`: a day — received, ended or due, before and after the upsert —
with the record's unit, procedure and channel); the cost follows the file, not the warehouse.
A catalog change (fees) or a fresh warehouse rebuilds all.
"""

# ruff: noqa: S608 -- only constant SQL fragments are composed here; no value from a file or user.
from __future__ import annotations

import duckdb

from etl.schema import (
    CLOSED_STATUSES,
    DAY_MEASURES,
    FINISHED_STATUSES,
    MEASURES,
    REFUSED_STATUS,
    STOPPED_STATUS,
    WAITING_STATUSES,
    WITHDRAWN_STATUS,
    scalar,
    sql_list,
)
from etl.workdays import refresh_workdays

# The summary cells a load touched: a day and the (unit, procedure, channel) of a record, for
# each of its days (received, ended, due) in its stored and its incoming version.
TOUCHED_DDL = """create temp table if not exists touched_keys (
    day date, province_code integer, unit_code varchar, procedure_code varchar, channel tinyint
)"""

# What records a refresh reads: all of them, or those that count in a touched cell.
_ALL = "true"
_TOUCHED = "a.application_id in (select application_id from touched_applications)"
# The records that count in a touched cell: by their receipt, their end, or their due day.
_TOUCHED_APPLICATIONS = """
create or replace temp table touched_applications as
{}
""".format(
    "\nunion\n".join(
        f"""select a.application_id from applications as a semi join touched_keys as t
    on t.day = {day} and t.unit_code = a.unit_code and t.procedure_code = a.procedure_code
    and t.channel = a.channel"""
        for day in ("a.received_at::date", "a.ended_on", "a.due_at::date")
    )
)

_SOURCE_VIEW = """
create or replace temp view summary_source as
    select
        a.*,
        u.province_code,
        coalesce(p.has_fee, false) as has_fee,
        coalesce(p.result_document, true) as is_result_doc,
        -- QĐ 766 3.3: online, and an electronic result where the result is a document.
        a.channel = 2 and (not coalesce(p.result_document, true) or coalesce(a.e_result, false))
            as is_online_766,
        a.status in {finished} as is_finished,
        a.status in {closed} as is_closed,
        a.status in {waiting} as is_waiting,
        a.due_at::date as due_day,
        -- Working days from receipt to finish (etl.workdays): legal deadlines count them.
        wf.idx - wr.idx as processing_workdays,
        -- QĐ 766 (INDEX_766.md 2.1): the applicant's supplement time does not count against
        -- the office, so the due date moves by it; from a second request on, it is late.
        -- Without supplement dates (an export that lacks them) the exported due date stands.
        case
            when coalesce(a.supplement_count, 0) >= 2
                then least(a.due_at, coalesce(a.supplement_requested_at, a.received_at))::date
            else (a.due_at + coalesce(a.supplement_done_at - a.supplement_requested_at,
                                      interval 0 second))::date
        end as due_766_day
    from applications as a
    join units as u using (unit_code)
    left join procedures as p using (procedure_code)
    left join workdays as wr on wr.day = a.received_at::date
    left join workdays as wf on wf.day = a.finished_at::date
    where {scope}
"""


def _source_view(scope: str) -> str:
    return _SOURCE_VIEW.format(
        scope=scope,
        finished=sql_list(FINISHED_STATUSES),
        closed=sql_list(CLOSED_STATUSES),
        waiting=sql_list(WAITING_STATUSES),
    )


# One pass: every application yields a "received" event and, once ended, an "ended" event;
# a single aggregation over the events is cheaper than two aggregations and a full join.
# Both branches read the view itself: a CTE read twice is materialised in memory, which
# runs out of memory on tens of millions of applications.
DAILY_ACTIVITY_SELECT = f"""
with events as (
    select
        received_at::date as day, province_code, unit_code, procedure_code, channel,
        1 as received,
        is_online_766::int as received_online_766,
        has_fee::int as received_fee,
        (has_fee and coalesce(paid_online, false))::int as paid_online,
        coalesce(digitized, false)::int as digitized,
        -- QĐ 766 4.1-4.3 (INDEX_766.md): electronic results, digitisation, reused data.
        is_result_doc::int as received_result_doc,
        (is_result_doc and coalesce(e_result, false))::int as e_result_doc,
        (coalesce(digitized, false) and coalesce(e_result, false))::int as digitized_e_result,
        coalesce(reused_data, false)::int as reused_data,
        0 as ended, 0 as closed, 0 as closed_refused, 0 as closed_withdrawn,
        0 as closed_stopped,
        0 as resolved,
        0 as resolved_early, 0 as resolved_on_time, 0 as resolved_late, 0 as resolved_late_766,
        0.0 as processing_workdays,
        0.0 as processing_days
    from summary_source
    union all
    select
        ended_on as day, province_code, unit_code, procedure_code, channel,
        0, 0, 0, 0, 0, 0, 0, 0, 0,
        1,
        is_closed::int,
        (status = {REFUSED_STATUS})::int,
        (status = {WITHDRAWN_STATUS})::int,
        (status = {STOPPED_STATUS})::int,
        is_finished::int,
        (is_finished and ended_on < due_day)::int,
        (is_finished and ended_on = due_day)::int,
        (is_finished and ended_on > due_day)::int,
        (is_finished and (coalesce(supplement_count, 0) >= 2 or ended_on > due_766_day))::int,
        case when is_finished then greatest(coalesce(processing_workdays, 0), 0) else 0 end,
        -- A finish written as a bare date on the day of receipt counts as no time, not less.
        case
            when is_finished then greatest(epoch(finished_at - received_at), 0) / 86400.0
            else 0.0
        end
    from summary_source
    where ended_on is not null
),
final as (
    select
        day, province_code, unit_code, procedure_code, channel,
        sum(received)::bigint as received,
        sum(received_online_766)::bigint as received_online_766,
        sum(received_fee)::bigint as received_fee,
        sum(paid_online)::bigint as paid_online,
        sum(digitized)::bigint as digitized,
        sum(received_result_doc)::bigint as received_result_doc,
        sum(e_result_doc)::bigint as e_result_doc,
        sum(digitized_e_result)::bigint as digitized_e_result,
        sum(reused_data)::bigint as reused_data,
        sum(ended)::bigint as ended,
        sum(closed)::bigint as closed,
        sum(closed_refused)::bigint as closed_refused,
        sum(closed_withdrawn)::bigint as closed_withdrawn,
        sum(closed_stopped)::bigint as closed_stopped,
        sum(resolved)::bigint as resolved,
        sum(resolved_early)::bigint as resolved_early,
        sum(resolved_on_time)::bigint as resolved_on_time,
        sum(resolved_late)::bigint as resolved_late,
        sum(resolved_late_766)::bigint as resolved_late_766,
        sum(processing_days)::double as processing_days_sum,
        sum(processing_workdays)::double as processing_workdays_sum
    from events
    group by day, province_code, unit_code, procedure_code, channel
)
"""

# Open applications, and those that ended after their due date by the export or by QĐ 766.
OVERDUE_LEDGER_SELECT = """
with apps as (from summary_source),
final as (
    select
        due_day, due_766_day, ended_on as end_day, received_at::date as received_day,
        is_waiting as waiting,
        province_code, unit_code, procedure_code, channel,
        count(*) as n
    from apps
    where ended_on is null or ended_on > least(due_day, due_766_day)
    group by all
)
"""

# The measures of daily_activity, summed again by a rollup that drops some dimensions.
ROLLED_MEASURES = ",\n    ".join(
    f"sum(d.{m})::{'double' if m in DAY_MEASURES else 'bigint'} as {m}" for m in MEASURES
)

# Rollup of daily_activity without the unit and the procedure: what city- and province-wide
# views read (a national year is a few hundred thousand rows here, tens of millions in
# daily_activity). Level, field and agency come along so those filters still apply.
PROVINCE_ACTIVITY_SELECT = """
select
    d.day, d.province_code, d.channel, p.level, p.field, p.agency_code,
    {measures}
from daily_activity as d
left join procedures as p using (procedure_code)
where {scope}
group by all
"""


def _rollup_select(*keys: str) -> str:
    """daily_activity summed by the day and `keys` (its own columns), the dimensions it drops
    summed over; `{scope}` and `{measures}` are filled in by the refresh."""
    columns = ", ".join(f"d.{key}" for key in keys)
    return (
        f"select d.day, {columns},\n    {{measures}}\n"
        "from daily_activity as d\nwhere {scope}\ngroup by all"
    )


# Rollup of daily_activity without the procedure: what unit rankings read when no level, field
# or agency is chosen (about a fifth of daily_activity's rows at national density).
UNIT_ACTIVITY_SELECT = _rollup_select("province_code", "unit_code", "channel")
# Rollup of daily_activity without the unit: what per-procedure views read (the procedures page,
# the simplification's actual times) when no unit, unit kind or commune account narrows them.
PROCEDURE_ACTIVITY_SELECT = _rollup_select("province_code", "procedure_code", "channel")

# The summary tables and what fills them, in the order they are refreshed: the rollups read
# daily_activity. Each is declared in etl/schema.py and filled by column name; the last item is
# its sort order for a full rebuild.
_FILLS = (
    (
        "daily_activity",
        DAILY_ACTIVITY_SELECT + " select * from final",
        "province_code, unit_code, day",
    ),
    ("overdue_ledger", OVERDUE_LEDGER_SELECT + " select * from final", "due_day"),
)
_ROLLUPS = (
    ("province_activity", PROVINCE_ACTIVITY_SELECT, "day"),
    ("unit_activity", UNIT_ACTIVITY_SELECT, "province_code, unit_code, day"),
    ("procedure_activity", PROCEDURE_ACTIVITY_SELECT, "province_code, procedure_code, day"),
)
# The columns that say which touched cell a summary row belongs to (a rollup's cell is coarser:
# province_activity re-sums a whole day, province and channel), and the touched key they meet.
_CELL = {
    "daily_activity": {
        "day": "day", "unit_code": "unit_code", "procedure_code": "procedure_code",
        "channel": "channel",
    },
    "overdue_ledger": {
        "due_day": "day", "unit_code": "unit_code", "procedure_code": "procedure_code",
        "channel": "channel",
    },
    "province_activity": {"day": "day", "province_code": "province_code", "channel": "channel"},
    "unit_activity": {"day": "day", "unit_code": "unit_code", "channel": "channel"},
    "procedure_activity": {
        "day": "day", "province_code": "province_code", "procedure_code": "procedure_code",
        "channel": "channel",
    },
}  # fmt: skip


def _in_touched(table: str, alias: str) -> str:
    """A condition true for the rows of `table` (as `alias`) in a touched cell."""
    meets = " and ".join(f"t.{key} = {alias}.{column}" for column, key in _CELL[table].items())
    return f"exists (select 1 from touched_keys as t where {meets})"


def _fill(con: duckdb.DuckDBPyConnection, table: str, select: str) -> None:
    con.execute(f"insert into {table} by name {select}")


def _fill_rollup(con: duckdb.DuckDBPyConnection, table: str, select: str, order: str) -> None:
    """Every row of a rollup, from all of daily_activity."""
    _fill(con, table, select.format(scope="true", measures=ROLLED_MEASURES) + f" order by {order}")


def refresh(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every summary table from `applications` (inside the caller's transaction)."""
    refresh_workdays(con)
    con.execute(_source_view(_ALL))
    for table, select, order in _FILLS:
        con.execute(f"delete from {table}")
        _fill(con, table, f"{select} order by {order}")
    con.execute("drop view summary_source")
    for table, select, order in _ROLLUPS:
        con.execute(f"delete from {table}")
        _fill_rollup(con, table, select, order)


def refresh_touched(con: duckdb.DuckDBPyConnection) -> None:
    """Recompute the summary rows of the cells in `touched_keys` only.

    A cell is a day with a unit, a procedure and a channel: a daily export that re-sends open
    applications touches the days they were received and are due, which span the whole year,
    but few cells of each day; refreshing whole days rebuilt nearly all of `daily_activity`
    (175 s at 50 M records, issue 17)."""
    refresh_workdays(con)
    con.execute(TOUCHED_DDL)
    con.execute(_TOUCHED_APPLICATIONS)
    con.execute(_source_view(_TOUCHED))
    for table, select, _ in _FILLS:
        con.execute(f"delete from {table} as s where {_in_touched(table, 's')}")
        _fill(con, table, f"{select} where {_in_touched(table, 'final')}")
    con.execute("drop view summary_source")
    for table, select, order in _ROLLUPS:
        if not scalar(con, f"select exists (from {table})"):
            # A rollup new to this warehouse (added by a later version) is filled whole once.
            _fill_rollup(con, table, select, order)
            continue
        con.execute(f"delete from {table} as s where {_in_touched(table, 's')}")
        scope = _in_touched(table, "d")
        _fill(con, table, select.format(scope=scope, measures=ROLLED_MEASURES))
    con.execute("delete from touched_keys")
    con.execute("drop table touched_applications")


_TOUCH_SOURCES = (
    "(from applications where application_id in (select application_id from incoming))",
    "incoming",
)


def touch_incoming(con: duckdb.DuckDBPyConnection) -> None:
    """Record the cells of the stored and the incoming (`incoming`) versions of the records."""
    con.execute(TOUCHED_DDL)
    for source in _TOUCH_SOURCES:
        con.execute(
            f"""insert into touched_keys
            select distinct c.day, u.province_code, c.unit_code, c.procedure_code, c.channel
            from (
                select unnest([received_at::date, ended_on, due_at::date]) as day,
                    unit_code, procedure_code, channel
                from {source}
            ) as c
            join units as u using (unit_code)
            where c.day is not null"""
        )
