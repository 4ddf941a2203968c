"""The league tables (wards and communes; sở, ngành), one unit's view against its peers, and
its overdue list.

A league lists every unit of its kinds that the filters keep, with or without applications, so
an analyst ranking "all 114" sees all 114. The sở, ngành receive about a fifth of all
applications themselves, so they have a league of their own (they are not ranked against
communes): the two leagues together hold every application, and their total rows add up to
the city's figure for the same filters. Counts come from `metrics.breakdown` (the same
definitions as the overview); the overview's ranking and the report rank its rows
(`metrics.rankings`); the overdue list is the only read of single applications.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import duckdb
import polars as pl

from metrics.breakdown import counts_by
from metrics.codes import AGENCY_KIND, COMMUNE_KINDS
from metrics.filters import Filters
from metrics.measures import BASE_NAMES, COUNT_NAMES, with_counts, with_rates
from metrics.scope import member, scoped

AGENCY_KINDS = (AGENCY_KIND,)
# The unit's measures compared with the median unit on its own view.
COMPARED = ("resolution_rate", "on_time_rate", "online_share", "average_days")

_UNITS = """
select unit_code, name, kind
from ({units})
where {of_kinds}
order by unit_code
"""

# A list of single applications of the view (`{applications}`): what each list shows of one,
# then the list's own columns (`{columns}`), conditions (`{where}`) and order (`{order}`).
APPLICATION_LIST = """
with listed as ({applications})
select
    a.application_id,
    a.procedure_code,
    p.name as procedure_name,
    a.received_at,
    a.due_at,
    {columns}
from listed as a
join procedures as p using (procedure_code)
where {where}
order by {order}
"""
_OVERDUE_LIST = APPLICATION_LIST.format(
    applications="{applications}",
    columns="date_diff('day', a.due_at::date, ?::date) as days_overdue",
    where="""a.unit_code = ?
    and a.received_at::date <= ?
    and a.due_at::date < ?
    and (a.ended_on is null or a.ended_on > ?)""",
    order="a.due_at, a.application_id",
)


def league_table(
    con: duckdb.DuckDBPyConnection, filters: Filters, kinds: Sequence[str] = COMMUNE_KINDS
) -> pl.DataFrame:
    """Every unit of `kinds` in scope (the commune-level ones unless told: AGENCY_KINDS for
    the sở, ngành) with its period counts and rates, busiest first."""
    units = units_in_view(con, filters, kinds)
    counts = counts_by(con, filters, "unit_code")
    table = units.join(counts, on="unit_code", how="left").with_columns(
        pl.col(column).fill_null(0) for column in COUNT_NAMES
    )
    return with_rates(table).sort(["received", "unit_code"], descending=[True, False])


def units_in_view(
    con: duckdb.DuckDBPyConnection, filters: Filters, kinds: Sequence[str]
) -> pl.DataFrame:
    """The units of `kinds` the view keeps (a commune account: its own): code, name, kind."""
    listed, of_kinds = scoped("units", filters), member("kind", kinds)
    text = _UNITS.replace("{units}", listed.text).replace("{of_kinds}", of_kinds.text)
    return con.sql(text, params=[*listed.params, *of_kinds.params]).pl()


def league_total(league: pl.DataFrame) -> dict[str, float | None]:
    """The total row of a league: every count summed over its units, each rate divided anew
    from the summed counts (never an average of the units' rates)."""
    summed = pl.DataFrame({name: [league[name].sum()] for name in BASE_NAMES})
    return with_rates(with_counts(summed)).row(0, named=True)


def city_median(league: pl.DataFrame) -> dict[str, float | None]:
    """The median unit's value of each compared measure (units without a value left out):
    a typical ward or commune, which one large unit cannot pull the way it pulls the total."""
    return {measure: league[measure].drop_nulls().median() for measure in COMPARED}


def unit_filters(filters: Filters, unit_code: str) -> Filters:
    """The same view restricted to one unit, whatever units the filter bar had chosen."""
    return replace(filters, unit_codes=(unit_code,))


def overdue_applications(
    con: duckdb.DuckDBPyConnection, filters: Filters, unit_code: str
) -> pl.DataFrame:
    """The unit's applications still open at the period's end and past their due date, oldest
    due date first: the list behind its "in progress, overdue" count, same filters."""
    applications = scoped("applications", unit_filters(filters, unit_code))
    d1 = filters.end
    text = _OVERDUE_LIST.replace("{applications}", applications.text)
    return con.sql(text, params=[*applications.params, d1, unit_code, d1, d1, d1]).pl()


def known_unit(league: pl.DataFrame, unit_code: str) -> bool:
    """True when the code names a unit of the league (a pasted URL may carry anything)."""
    return unit_code in league["unit_code"].to_list()
