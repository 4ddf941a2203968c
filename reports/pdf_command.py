"""`python -m reports pdf --from 2025-07-01 --to 2025-08-20 [--unit …] --out FILE.pdf`: the
dashboard's A4 report made without a browser session, for scheduled sending; and the scope
every command of `python -m reports` checks the same way (a unit by code or by name, a
province the warehouse holds).

It reads the same warehouse (`WAREHOUSE_PATH`) through the same metrics as the report page,
so a PDF made by cron and one downloaded from the page for the same view are identical
except for the time they were made. The command line (`reports/__main__.py`) prints the
report and turns the exceptions raised here into its one-line messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from metrics.connection import current_version, snapshot
from metrics.filters import Filters
from metrics.freshness import freshness
from metrics.options import FilterOptions, filter_options
from present.format import Lang
from present.places import place_name
from present.report import ReportMetrics, gather
from present.view import View


class UnknownUnit(ValueError):
    """A --unit that names no commune-level unit of the warehouse."""


class UnknownProvince(ValueError):
    """A --province that the warehouse holds no units of."""


def resolve_units(wanted: list[str], options: FilterOptions) -> tuple[str, ...]:
    """Unit codes for codes or names as a person types them (any case)."""
    by_key = {unit.code: unit.code for unit in options.units}
    by_key |= {unit.name.casefold(): unit.code for unit in options.units}
    codes = []
    for text in wanted:
        code = by_key.get(text.strip()) or by_key.get(text.strip().casefold())
        if code is None:
            raise UnknownUnit(text)
        codes.append(code)
    return tuple(codes)


def scoped_filters(
    options: FilterOptions,
    start: date,
    end: date,
    units: Sequence[str],
    provinces: Sequence[int] = (),
) -> Filters:
    """The filters for a period and the units and provinces a person named, refused with
    UnknownUnit or UnknownProvince when the warehouse holds no such unit or province."""
    held = {code for code, _ in options.provinces}
    for code in provinces:
        if code not in held:
            raise UnknownProvince(code)
    return Filters(
        start, end, unit_codes=resolve_units(list(units), options), province_codes=tuple(provinces)
    )


def load_report_view(
    path: Path,
    start: date,
    end: date,
    units: list[str],
    lang: Lang,
    provinces: Sequence[int] = (),
) -> tuple[View, ReportMetrics]:
    """The view (as the app would build it) and its report metrics, from one snapshot."""
    version = current_version(path)
    with snapshot(path) as con:
        fresh, options = freshness(con), filter_options(con)
        filters = scoped_filters(options, start, end, units, provinces)
        metrics = gather(con, filters, fresh.data_start)
    view = View(lang, filters, version, fresh, options, place_name(options, provinces, lang))
    return view, metrics
