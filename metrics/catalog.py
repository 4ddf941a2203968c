"""The procedure catalog as the city publishes it, and procedures ranked by their applications.

Catalog counts describe the published list (DATA_SPEC §4 "Procedure KPIs come from the
catalog"), so the period and the filter bar do not change them; the rankings of procedures by
applications follow every filter, like the rest of the dashboard.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import polars as pl

from metrics.breakdown import counts_by
from metrics.filters import Filters
from metrics.measures import with_rates

# The catalog's counts, each once: the procedures that meet a condition on their own columns.
_COUNTS = {
    "provincial": "level = 'tinh'",  # cấp tỉnh
    "commune": "level = 'xa'",  # cấp xã
    "full_online": "online_service = 'toan_trinh'",  # dịch vụ công trực tuyến toàn trình
    "partly_online": "online_service = 'mot_phan'",  # một phần
    "not_online": "online_service = 'khong'",
    "non_boundary": "non_boundary",  # phi địa giới hành chính
}
_COUNTED = ",\n    ".join(
    f"count(*) filter (where {condition})::bigint as {name}" for name, condition in _COUNTS.items()
)
_SUMMARY = f"select {_COUNTED}, count(*)::bigint as total from procedures"  # noqa: S608

_CATALOG = """
select
    p.procedure_code, p.name, p.field, p.level, p.agency_code,
    coalesce(u.name, p.agency_code) as agency_name,
    p.online_service, p.non_boundary, p.legal_days, p.has_fee, p.business_related
from procedures as p
left join units as u on u.unit_code = p.agency_code
order by p.procedure_code
"""

_BY_GROUP = """
select {group} as {group}, count(*)::bigint as procedures, {counted}
from ({catalog})
group by {group}
order by procedures desc, {group}
"""
# The catalog's groupings: a column of `_CATALOG` each (names written here, never user input).
_GROUPS = ("field", "agency_name")


@dataclass(frozen=True)
class CatalogSummary:
    """The published headline counts of the catalog."""

    provincial: int  # in the order of _COUNTS
    commune: int
    full_online: int
    partly_online: int
    not_online: int
    non_boundary: int
    total: int


def catalog_summary(con: duckdb.DuckDBPyConnection) -> CatalogSummary:
    [row] = con.sql(_SUMMARY).fetchall()
    return CatalogSummary(*row)


def catalog(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Every procedure with its level, agency, online level and non-boundary flag."""
    return con.sql(_CATALOG).pl()


def catalog_by(con: duckdb.DuckDBPyConnection, group: str) -> pl.DataFrame:
    """Procedures per field or per agency, split by level and online service level.
    Commune-level procedures have no agency: they form the group with a null agency."""
    if group not in _GROUPS:
        raise ValueError(f"cannot group the catalog by {group}")
    query = (
        _BY_GROUP.replace("{group}", group)
        .replace("{counted}", _COUNTED)
        .replace("{catalog}", _CATALOG)
    )
    return con.sql(query).pl()


def procedure_activity(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per procedure with applications in scope: the period counts and rates, with its name,
    field and level; `late` = resolved late + in progress overdue at the period's end."""
    counts = with_rates(counts_by(con, filters, "procedure_code"))
    names = con.sql("select procedure_code, name, field, level from procedures").pl()
    return counts.join(names, on="procedure_code", how="left")


def busiest(activity: pl.DataFrame, count: int) -> pl.DataFrame:
    """The procedures with the most applications received in the period."""
    return activity.sort(["received", "procedure_code"], descending=[True, False]).head(count)


def most_late(activity: pl.DataFrame, count: int) -> pl.DataFrame:
    """The procedures with the most late applications (resolved late or overdue at the end)."""
    late = activity.filter(pl.col("late") > 0)
    return late.sort(["late", "procedure_code"], descending=[True, False]).head(count)
