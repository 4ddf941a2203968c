"""What the filter bar offers: the units, fields and agencies the warehouse knows."""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb

from etl.units import province_name
from metrics.access import Access
from metrics.codes import AGENCY_KIND, COMMUNE_KINDS

_COMMUNE_UNITS = """
select unit_code, name, kind, province_code
from units
where kind in (?, ?, ?)
order by unit_code
"""

_AGENCY_UNITS = """
select unit_code, name, kind, province_code
from units
where kind = ?
order by unit_code
"""

_FIELDS = "select distinct field from procedures order by field collate vi"

_PROVINCES = "select distinct province_code from units order by province_code"

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
    # (province_code, official name) of every province the warehouse holds units of
    provinces: tuple[tuple[int, str], ...] = ()
    # The sở, ngành that receive applications themselves (units.kind so_nganh): units too,
    # with their own league table, page, Biểu II.06a and report.
    agency_units: tuple[Unit, ...] = ()

    @property
    def every_unit(self) -> tuple[Unit, ...]:
        """Every unit that receives applications: the commune-level ones, then the agencies."""
        return self.units + self.agency_units


def filter_options(con: duckdb.DuckDBPyConnection) -> FilterOptions:
    units = tuple(Unit(*row) for row in con.sql(_COMMUNE_UNITS, params=COMMUNE_KINDS).fetchall())
    fields = tuple(row[0] for row in con.sql(_FIELDS).fetchall())
    agencies = tuple((code, name) for code, name in con.sql(_AGENCIES).fetchall())
    provinces = tuple((code, _province_name(code)) for (code,) in con.sql(_PROVINCES).fetchall())
    agency_units = tuple(
        Unit(*row) for row in con.sql(_AGENCY_UNITS, params=[AGENCY_KIND]).fetchall()
    )
    return FilterOptions(units, fields, agencies, provinces, agency_units)


def _province_name(code: int) -> str:
    """The official name; a code `vietnam-provinces` does not know shows as itself."""
    try:
        return province_name(code)
    except ValueError:
        return f"{code:02d}"


def options_for(options: FilterOptions, access: Access) -> FilterOptions:
    """The choices a role may pick from: a commune account's unit picker lists its own unit,
    an agency account's agency picker its own agency (the scope enforces the rest)."""
    if access.role == "commune":
        return replace(
            options,
            units=tuple(u for u in options.units if u.code in access.unit_codes),
            agency_units=(),
        )
    if access.role == "agency":
        agencies = tuple(a for a in options.agencies if a[0] in access.agency_codes)
        agency_units = tuple(u for u in options.agency_units if u.code in access.agency_codes)
        return replace(options, agencies=agencies, agency_units=agency_units)
    return options
