"""The one place where `Filters` become SQL.

Every metric reads the summary tables through `scoped()`, so a restriction added here applies
to every number on every page: the signed-in person's `Access` (metrics.access) is ANDed into
every query beside the filters they chose. The period is not part of the scope: KPIs such as
"carried in" need the days before the period too, so each query states its own date condition.

Only SQL text written in this package is composed here; every value a person chose reaches
DuckDB as a bound parameter (`?`), including each member of an `IN` list.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from metrics.access import Access
from metrics.filters import Filters

# The fact tables a metric may read through the scope (both carry unit, procedure, channel).
FactTable = Literal["daily_activity", "overdue_ledger", "unit_activity"]
_FACT_TABLES = ("daily_activity", "overdue_ledger", "unit_activity")
# Which rollup a body may read instead of daily_activity (etl/summaries.py): "province" has
# no unit and no procedure, "unit" has no procedure.
Rollup = Literal["province", "unit"]
# The rollup without unit and procedure (etl/summaries.py), for views that name no unit.
ROLLUP_TABLE = "province_activity"


@dataclass(frozen=True)
class Sql:
    """A query text with `?` placeholders and the values bound to them, in order."""

    text: str
    params: tuple[object, ...] = ()


def placeholders(count: int) -> str:
    """`?, ?, ?` for an IN list of `count` bound values."""
    if count < 1:
        raise ValueError("an IN list needs at least one value")
    return ", ".join("?" for _ in range(count))


def _member(column: str, values: Sequence[object]) -> Sql:
    return Sql(column + " in (" + placeholders(len(values)) + ")", tuple(values))


def _dimension_predicates(filters: Filters) -> list[Sql]:
    """Conditions on a fact row's own columns and, through small lookups, its unit/procedure."""
    predicates: list[Sql] = _access_predicates(filters.access)
    if filters.province_codes:
        predicates.append(_member("province_code", filters.province_codes))
    if filters.unit_codes:
        predicates.append(_member("unit_code", filters.unit_codes))
    if filters.channels:
        predicates.append(_member("channel", filters.channels))
    if filters.unit_kinds:
        kinds = _member("kind", filters.unit_kinds)
        predicates.append(
            Sql(
                "unit_code in (select unit_code from units where " + kinds.text + ")",  # noqa: S608
                kinds.params,
            )
        )
    procedure_conditions = [
        _member(column, values)
        for column, values in (
            ("level", filters.levels),
            ("field", filters.fields),
            ("agency_code", filters.agency_codes),
        )
        if values
    ]
    if procedure_conditions:
        joined = _and(procedure_conditions)
        predicates.append(
            Sql(
                "procedure_code in (select procedure_code from procedures where "  # noqa: S608
                + joined.text
                + ")",
                joined.params,
            )
        )
    return predicates


def _access_predicates(access: Access) -> list[Sql]:
    """What the signed-in person may see, ANDed with every chosen filter (never replaced by
    one): a commune sees its unit, an agency the applications of its own procedures."""
    if access.role == "commune":
        return [_member("unit_code", access.unit_codes)]
    if access.role == "agency":
        agencies = _member("agency_code", access.agency_codes)
        return [
            Sql(
                "procedure_code in (select procedure_code from procedures where "  # noqa: S608
                + agencies.text
                + ")",
                agencies.params,
            )
        ]
    return []


def _and(parts: Sequence[Sql]) -> Sql:
    return Sql(
        " and ".join("(" + part.text + ")" for part in parts),
        tuple(value for part in parts for value in part.params),
    )


def scoped(table: FactTable, filters: Filters) -> Sql:
    """The rows of a summary table that the filters keep (all days)."""
    if table not in _FACT_TABLES:
        raise ValueError(f"not a summary fact table: {table}")
    predicates = _dimension_predicates(filters)
    where = _and(predicates) if predicates else Sql("true")
    return Sql("select * from " + table + " where " + where.text, where.params)  # noqa: S608


def scoped_applications(filters: Filters) -> Sql:
    """The `applications` rows the filters keep (all dates): the same restrictions as the
    summary tables, with the province reached through the unit (applications have no
    province column). For lists of single applications only; totals use the summaries."""
    province = _member("province_code", filters.province_codes) if filters.province_codes else None
    others = _dimension_predicates(dataclasses.replace(filters, province_codes=()))
    if province is not None:
        others.append(
            Sql(
                "unit_code in (select unit_code from units where " + province.text + ")",  # noqa: S608
                province.params,
            )
        )
    where = _and(others) if others else Sql("true")
    return Sql("select * from applications where " + where.text, where.params)  # noqa: S608


def rollup_serves(filters: Filters) -> bool:
    """True when no unit is named, by the filters or by the person's access: the unit-free
    rollup then holds every row the view needs."""
    return not (filters.unit_codes or filters.unit_kinds or filters.access.role == "commune")


def _scoped_rollup(filters: Filters) -> Sql:
    """Rows of the rollup the filters keep; level, field and agency are its own columns."""
    predicates = []
    if filters.province_codes:
        predicates.append(_member("province_code", filters.province_codes))
    if filters.channels:
        predicates.append(_member("channel", filters.channels))
    agencies = filters.access.agency_codes if filters.access.role == "agency" else ()
    for column, values in (
        ("level", filters.levels),
        ("field", filters.fields),
        ("agency_code", filters.agency_codes),
        ("agency_code", agencies),
    ):
        if values:
            predicates.append(_member(column, values))
    where = _and(predicates) if predicates else Sql("true")
    return Sql("select * from " + ROLLUP_TABLE + " where " + where.text, where.params)  # noqa: S608


def unit_rollup_serves(filters: Filters) -> bool:
    """True when nothing restricts procedures (level, field, agency, an agency account): the
    procedure-free rollup then holds every row a unit ranking needs."""
    procedures = filters.levels or filters.fields or filters.agency_codes
    return not (procedures or filters.access.role == "agency")


def _facts(filters: Filters, rollup: Rollup | None) -> Sql:
    if rollup == "province" and rollup_serves(filters):
        return _scoped_rollup(filters)
    if rollup == "unit" and unit_rollup_serves(filters):
        return scoped("unit_activity", filters)
    return scoped("daily_activity", filters)


def with_facts(filters: Filters, body: str, *params: object, rollup: Rollup | None = None) -> Sql:
    """`body` (SQL written in metrics/) run after two CTEs: `facts` = scoped daily_activity and
    `ledger` = scoped overdue_ledger. Parameters: the scope's first, then `params`.

    A body that reads only day, channel and the measures from `facts` may say
    `rollup="province"`, one that also reads unit_code `rollup="unit"`: when the view allows
    it, `facts` then comes from the much smaller rollup (same rows summed, same answers)."""
    facts = _facts(filters, rollup)
    ledger = scoped("overdue_ledger", filters)
    text = "\n".join(
        [
            "with facts as (" + facts.text + "),",
            "ledger as (" + ledger.text + ")",
            body,
        ]
    )
    return Sql(text, facts.params + ledger.params + params)
