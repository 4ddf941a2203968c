"""The one place where `Filters` and the signed-in person's `Access` become SQL.

A view is a list of conditions, each "this attribute is one of these values": the access's
restriction first (a commune account: its unit; an agency account: its agency's procedures),
then every dimension the person chose. `scoped(table, filters)` writes those conditions for
whichever table a metric reads: a condition on an attribute the table has becomes `column in
(…)`, one on a unit's or a procedure's attribute goes through the `units` or `procedures`
lookup. A new filter dimension or role is one line of `_CHOSEN` or `_ROLE_ATTRIBUTE`, and
every query, report and download follows it.

The summary facts come in four tables (etl/summaries.py: without unit and procedure, without
the procedure, without the unit, and with every dimension): a query says which dimensions it
reads besides the day and the measures (`needs`), and `facts_table` picks the smallest table
that has them and every attribute the view restricts. The period is not part of the scope:
counts such as "carried in" need the days before the period too, so each query states its own
dates.

Only SQL text written in this package is composed here; every value a person chose reaches
DuckDB as a bound parameter (`?`), including each member of an `IN` list.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from metrics.access import Role
from metrics.filters import Filters

# Attributes of a unit and of a procedure, reached through their tables by code.
UNIT_ATTRIBUTES = ("province_code", "kind")
PROCEDURE_ATTRIBUTES = ("level", "field", "agency_code")
# Filters field -> the attribute it restricts.
_CHOSEN = (
    ("province_codes", "province_code"),
    ("unit_codes", "unit_code"),
    ("channels", "channel"),
    ("unit_kinds", "kind"),
    ("levels", "level"),
    ("fields", "field"),
    ("agency_codes", "agency_code"),
)
# A restricted role -> (the attribute it restricts, the field of `Access` holding its codes).
_ROLE_ATTRIBUTE: dict[Role, tuple[str, str]] = {
    "commune": ("unit_code", "unit_codes"),
    "agency": ("agency_code", "agency_codes"),
}


@dataclass(frozen=True)
class Sql:
    """A query text with `?` placeholders and the values bound to them, in order."""

    text: str
    params: tuple[object, ...] = ()


@dataclass(frozen=True)
class Table:
    """A table a metric reads, by the attributes it can be narrowed by."""

    name: str
    columns: frozenset[str]
    # Attributes whose conditions do not narrow this table: a list of units is narrowed by
    # the units chosen, not by the channels or procedures (those narrow its counts).
    ignores: frozenset[str] = frozenset()


def _table(name: str, *columns: str, ignores: Collection[str] = ()) -> Table:
    return Table(name, frozenset(columns), frozenset(ignores))


_EVERY_DIMENSION = ("province_code", "unit_code", "procedure_code", "channel")
TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        # The summary facts, smallest first: the order `facts_table` tries them in.
        _table("province_activity", "province_code", "channel", *PROCEDURE_ATTRIBUTES),
        _table("unit_activity", "province_code", "unit_code", "channel"),
        _table("procedure_activity", "province_code", "procedure_code", "channel"),
        _table("daily_activity", *_EVERY_DIMENSION),
        _table("overdue_ledger", *_EVERY_DIMENSION),
        # Single applications, for lists (applications have no province column).
        _table("applications", "unit_code", "procedure_code", "channel"),
        # Staffing by unit and field (issue 16): its field is the procedures' field.
        _table("staffing", "unit_code", "field", ignores=("channel", "level", "agency_code")),
        # The catalog's procedures a view keeps (QĐ 766 3.6c: fee procedures of the view).
        _table(
            "procedures",
            "procedure_code",
            *PROCEDURE_ATTRIBUTES,
            ignores=("channel", "unit_code", *UNIT_ATTRIBUTES),
        ),
        # The units a per-unit table lists.
        _table("units", "unit_code", *UNIT_ATTRIBUTES, ignores=("channel", *PROCEDURE_ATTRIBUTES)),
    )
}
FACT_TABLES = ("province_activity", "unit_activity", "procedure_activity", "daily_activity")


def placeholders(count: int) -> str:
    """`?, ?, ?` for an IN list of `count` bound values."""
    if count < 1:
        raise ValueError("an IN list needs at least one value")
    return ", ".join("?" for _ in range(count))


def member(column: str, values: Sequence[object]) -> Sql:
    """`column in (?, …)` with the values bound."""
    return Sql(column + " in (" + placeholders(len(values)) + ")", tuple(values))


def conditions(filters: Filters) -> list[tuple[str, tuple]]:
    """The view as (attribute, allowed values): the access's restriction, ANDed with every
    chosen one (never replaced by one), then the chosen restrictions."""
    access = filters.access
    restricted = []
    if access.role in _ROLE_ATTRIBUTE:
        attribute, codes = _ROLE_ATTRIBUTE[access.role]
        restricted.append((attribute, getattr(access, codes)))
    chosen = [(attribute, getattr(filters, field)) for field, attribute in _CHOSEN]
    return restricted + [(attribute, values) for attribute, values in chosen if values]


def _lookup(table: Table, attribute: str) -> str | None:
    """How `table` reaches `attribute`: "" for its own column, the code column through which a
    lookup reaches it, or None when it cannot."""
    if attribute in table.columns:
        return ""
    if attribute in UNIT_ATTRIBUTES and "unit_code" in table.columns:
        return "unit_code"
    if attribute in PROCEDURE_ATTRIBUTES and "procedure_code" in table.columns:
        return "procedure_code"
    return None


_LOOKUP_TABLES = {"unit_code": "units", "procedure_code": "procedures"}


def _and(parts: Sequence[Sql]) -> Sql:
    return Sql(
        " and ".join("(" + part.text + ")" for part in parts) or "true",
        tuple(value for part in parts for value in part.params),
    )


def restriction(table_name: str, filters: Filters) -> Sql:
    """The condition that keeps the rows of `table_name` the view may show."""
    table = TABLES[table_name]
    own: list[Sql] = []
    through: dict[str, list[Sql]] = {"unit_code": [], "procedure_code": []}
    for attribute, values in conditions(filters):
        if attribute in table.ignores:
            continue
        path = _lookup(table, attribute)
        if path is None:
            raise ValueError(f"{table.name} cannot be restricted by {attribute}")
        (through[path] if path else own).append(member(attribute, values))
    for code, parts in through.items():
        if parts:
            inner = _and(parts)
            own.append(
                Sql(
                    f"{code} in (select {code} from {_LOOKUP_TABLES[code]} where {inner.text})",  # noqa: S608
                    inner.params,
                )
            )
    return _and(own)


def _joined(table: Table, columns: Collection[str]) -> str:
    """Joins that bring the unit's or procedure's `columns` a table has not onto its rows."""
    looked_up: dict[str, list[str]] = {}
    for column in sorted(set(columns)):
        path = _lookup(table, column)
        if path is None:
            raise ValueError(f"{table.name} cannot reach {column}")
        if path:
            looked_up.setdefault(path, []).append(column)
    return "".join(
        f" left join (select {code}, {', '.join(names)} from {_LOOKUP_TABLES[code]}) using ({code})"  # noqa: S608
        for code, names in looked_up.items()
    )


def scoped(table_name: str, filters: Filters, columns: Collection[str] = ()) -> Sql:
    """The rows of a table that the view keeps (all days), with the unit's or procedure's
    `columns` joined on where the table has not got them (a field, a level)."""
    if table_name not in TABLES:
        raise ValueError(f"not a table the scope knows: {table_name}")
    condition = restriction(table_name, filters)
    joins = _joined(TABLES[table_name], columns)
    return Sql(f"select * from {table_name}{joins} where {condition.text}", condition.params)  # noqa: S608


def facts_table(filters: Filters, needs: Collection[str]) -> str:
    """The smallest summary table with the dimensions `needs` and every attribute the view
    restricts (a city-wide view reads the rollup without units and procedures)."""
    wanted = set(needs) | {attribute for attribute, _ in conditions(filters)}
    for name in FACT_TABLES:
        if all(_lookup(TABLES[name], attribute) is not None for attribute in wanted):
            return name
    raise ValueError(f"no summary table has {sorted(wanted)}")


def with_facts(filters: Filters, body: str, *params: object, needs: Collection[str]) -> Sql:
    """`body` (SQL written in metrics/) run after two CTEs: `facts`, the view's rows of the
    smallest summary table that reaches the dimensions in `needs` (besides day, channel and
    the measures, which every one has), and `ledger`, its rows of overdue_ledger; both carry
    every column in `needs`. Parameters: the scope's first, then `params`."""
    facts = scoped(facts_table(filters, needs), filters, needs)
    ledger = scoped("overdue_ledger", filters, needs)
    text = "\n".join(
        ["with facts as (" + facts.text + "),", "ledger as (" + ledger.text + ")", body]
    )
    return Sql(text, facts.params + ledger.params + params)
