"""The one query behind every number: the base counts of `metrics.measures` for a list of
periods, in total or per unit, procedure, channel, field or level (or a pair of those).

The period KPIs with their comparison periods, every breakdown and ranking, Biểu II.06a and
the trend (each of its bars is a period) are all this query, and it reads the facts once:
- one period: each count is a filtered sum over the facts rows, d0 and d1 bound as values;
- several periods: the facts are summed per day first (hundreds of rows, not millions), and
  each period's counts are filtered sums over those days.
`metrics.scope` picks the smallest summary table that reaches the keys: a city-wide count by
field or level reads the rollup that carries them; one that names units reads the daily facts
with each procedure's field and level joined on, which sums the procedures by the catalog.
"""

# ruff: noqa: S608 -- only the declarations' constant SQL is composed here; values are bound.
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

import duckdb
import polars as pl

from metrics.data_span import cut_periods, last_day
from metrics.filters import Filters
from metrics.measures import BASE_NAMES, COUNTS, LEDGER_WINDOWS, Count
from metrics.scope import Sql, with_facts

Key = Literal["unit_code", "procedure_code", "channel", "level", "field"]
KEYS: tuple[Key, ...] = ("unit_code", "procedure_code", "channel", "level", "field")
# The windows of the facts that reach before the period (carried in, in progress at d1).
_HISTORY = ("before", "through")
# The ledger's columns a count of it may read (`_ledger_condition`, Count.where, Count.due).
_LEDGER_COLUMNS = "due_day, due_766_day, received_day, end_day, waiting"


def period_counts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    periods: Sequence[tuple[date, date]],
    *,
    by: Sequence[Key] = (),
    names: Sequence[str] = BASE_NAMES,
) -> pl.DataFrame:
    """The base counts `names` for each (d0, d1) of `periods` under the filters' restrictions.

    Columns: idx (the period's position), d0, d1, the keys `by`, then the counts. Without keys
    there is one row per period; with them, a row per period and key that had facts up to d1
    (with nothing to handle too: the callers choose what they list). A period that ends after
    the last day with data is counted up to that day, and its d1 says so (`metrics.data_span`)."""
    if not set(by) <= set(KEYS):
        raise ValueError(f"cannot count by {by}")
    counts = [count for count in COUNTS if count.name in names]
    facts = [count for count in counts if count.window not in LEDGER_WINDOWS]
    ledger = [count for count in counts if count.window in LEDGER_WINDOWS]
    if not periods or not facts:
        raise ValueError("period_counts needs a period and a count of facts")
    periods = cut_periods(periods, last_day(con))
    plan = _Plan(periods, facts, ledger, tuple(by), any(c.window in _HISTORY for c in facts))
    ctes = _one_period(plan) if len(periods) == 1 else _several_periods(plan)
    body = _final(ctes, plan)
    query = with_facts(filters, body.text, *body.params, needs=by)
    return con.sql(query.text, params=list(query.params)).pl()


@dataclass(frozen=True)
class _Plan:
    """What one call counts: its periods, the counts of facts and of the ledger, the keys, and
    whether any count reaches before the period (else only the period's days are read)."""

    periods: Sequence[tuple[date, date]]
    facts: Sequence[Count]
    ledger: Sequence[Count]
    keys: tuple[str, ...]
    history: bool

    @property
    def selected(self) -> str:
        """The keys as the start of a select list ("unit_code, " or "")."""
        return "".join(f"{key}, " for key in self.keys)

    @property
    def grouped(self) -> str:
        """The keys after another grouping column (", unit_code" or "")."""
        return "".join(f", {key}" for key in self.keys)


def _sum(column: str, *conditions: str) -> str:
    """`sum(column)` over the rows meeting every condition (a CASE, which DuckDB sums about a
    third faster than a FILTER clause)."""
    kept = " and ".join(condition for condition in conditions if condition)
    return f"sum(case when {kept} then {column} end)" if kept else f"sum({column})"


def _ledger_condition(count: Count, d1: str) -> str:
    """The ledger rows a count sums at the day `d1` ("?" or a column): open at the end of d1,
    and either past the count's due date or received by d1; then the count's own condition."""
    start = f"{count.due} < {d1}" if count.window == "open_past_due" else f"received_day <= {d1}"
    return " and ".join(
        part for part in (start, f"(end_day is null or end_day > {d1})", count.where) if part
    )


def _one_period(plan: _Plan) -> Sql:
    """`periods`, `activity` and `overdue` for one period: one pass over the facts rows, each
    row marked once as in the period or before it."""
    [(d0, d1)], history = plan.periods, plan.history
    windows = {"period": "in_period" if history else "", "before": "not in_period"}
    sums = ", ".join(
        f"{_sum(count.measure, count.where, windows.get(count.window, ''))} as {count.name}"
        for count in plan.facts
    )
    rows = "(select * from facts where day between ? and ?)"
    if history:
        rows = "(select *, day >= ? as in_period from facts where day <= ?)"
    selected = plan.selected
    grouped = f" group by {', '.join(plan.keys)}" if plan.keys else ""
    text = (
        ", periods as (select 0 as idx, ?::date as d0, ?::date as d1)"
        f", activity as (select 0 as idx, {selected}{sums} from {rows}{grouped})"
    )
    params = [d0, d1, d0, d1]
    if plan.ledger:
        ledger_sums = ", ".join(
            f"{_sum(count.measure, _ledger_condition(count, '?'))} as {count.name}"
            for count in plan.ledger
        )
        text += f", overdue as (select 0 as idx, {selected}{ledger_sums} from ledger{grouped})"
        params += [d1, d1] * len(plan.ledger)
    return Sql(text, tuple(params))


def _several_periods(plan: _Plan) -> Sql:
    """`periods`, `activity` and `overdue` for several periods: the facts summed per day once,
    then each period's counts from those days."""
    facts, history = plan.facts, plan.history
    starts, ends = [start for start, _ in plan.periods], [end for _, end in plan.periods]
    # One daily column per distinct sum: carried in and in progress share theirs.
    daily = {(count.measure, count.where): f"m{i}" for i, count in enumerate(facts)}
    daily_sums = ", ".join(f"{_sum(m, where)} as {alias}" for (m, where), alias in daily.items())
    windows = {"period": "d.day >= p.d0" if history else "", "before": "d.day < p.d0"}
    sums = ", ".join(
        f"{_sum('d.' + daily[count.measure, count.where], windows.get(count.window, ''))}"
        f" as {count.name}"
        for count in facts
    )
    days = "day <= ?" if history else "day between ? and ?"
    on = "d.day <= p.d1" if history else "d.day between p.d0 and p.d1"
    selected, by = plan.selected, plan.grouped
    text = (
        ", periods as (select unnest(?::integer[]) as idx, unnest(?::date[]) as d0,"
        " unnest(?::date[]) as d1)"
        f", daily as (select {selected}day, {daily_sums} from facts where {days}"
        f" group by {selected}day)"
        f", activity as (select p.idx{by}, {sums} from periods as p join daily as d on {on}"
        f" group by p.idx{by})"
    )
    params: list[object] = [list(range(len(plan.periods))), starts, ends]
    params += [max(ends)] if history else [min(starts), max(ends)]
    if plan.ledger:
        ledger_sums = ", ".join(
            f"{_sum(count.measure, _ledger_condition(count, 'p.d1'))} as {count.name}"
            for count in plan.ledger
        )
        text += (
            f", open_late as (select {selected}{_LEDGER_COLUMNS}, sum(n) as n"
            f" from ledger group by {selected}{_LEDGER_COLUMNS})"
            f", overdue as (select p.idx{by}, {ledger_sums}"
            " from periods as p join open_late"
            " on (end_day is null or end_day > p.d1) and received_day <= p.d1"
            f" group by p.idx{by})"
        )
    return Sql(text, tuple(params))


def _final(ctes: Sql, plan: _Plan) -> Sql:
    """The counts of every period (and key), zeros where nothing happened."""
    keys, overdue = ", ".join(plan.keys), bool(plan.ledger)
    values = ", ".join(
        f"coalesce({count.name}, 0)::{'double' if count.days else 'bigint'} as {count.name}"
        for count in (*plan.facts, *plan.ledger)
    )
    if keys:
        joined = "activity" + (f" full join overdue using (idx, {keys})" if overdue else "")
        text = (
            f" select idx, d0, d1, {keys}, {values} from {joined} join periods using (idx)"
            f" order by idx, {keys}"
        )
    else:
        joined = "periods left join activity using (idx)"
        joined += " left join overdue using (idx)" if overdue else ""
        text = f" select idx, d0, d1, {values} from {joined} order by idx"
    return Sql(ctes.text + text, ctes.params)
