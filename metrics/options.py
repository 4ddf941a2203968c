"""What the filter bar offers: the units, fields and agencies the warehouse knows."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from metrics.by_unit import COMMUNE_KINDS

_COMMUNE_UNITS = """
select unit_code, name, kind, province_code
from units
where kind in (?, ?, ?)
order by unit_code
"""

_FIELDS = "select distinct field from procedures order by field"

_AGENCIES = """
select distinct p.agency_code, coalesce(u.name, p.agency_code) as name
from procedures as p
left join units as u on u.unit_code = p.agency_code
where p.agency_code is not null
order by p.agency_code
"""


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    province_code: int


@dataclass(frozen=True)
class FilterOptions:
    """Choices for the filter bar; names are proper nouns, shown as the warehouse spells them."""

    units: tuple[Unit, ...]  # commune-level units (phường, xã, đặc khu)
    fields: tuple[str, ...]
    agencies: tuple[tuple[str, str], ...]  # (agency_code, name)


def filter_options(con: duckdb.DuckDBPyConnection) -> FilterOptions:
    units = tuple(Unit(*row) for row in con.sql(_COMMUNE_UNITS, params=COMMUNE_KINDS).fetchall())
    fields = tuple(row[0] for row in con.sql(_FIELDS).fetchall())
    agencies = tuple((code, name) for code, name in con.sql(_AGENCIES).fetchall())
    return FilterOptions(units, fields, agencies)
