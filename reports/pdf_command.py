"""`python -m reports pdf --from 2025-07-01 --to 2025-08-20 [--unit …] --out FILE.pdf`: the
dashboard's A4 report made without a browser session, for scheduled sending; and the scope
every command of `python -m reports` checks the same way (a unit, commune-level or sở, ngành,
by code or by name with or without its marks; a province the warehouse holds).

It reads the same warehouse (`WAREHOUSE_PATH`) through the same metrics as the report page,
so a PDF made by cron and one downloaded from the page for the same view are identical
except for the time they were made. The command line (`reports/__main__.py`) prints the
report and turns the exceptions raised here into its one-line messages.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path

from etl.text import name_key
from metrics.connection import current_version, snapshot
from metrics.filters import Filters
from metrics.freshness import freshness
from metrics.options import FilterOptions, Unit, filter_options
from metrics.text import search_key
from present.format import Lang
from present.places import place_name
from present.report import ReportMetrics, gather
from present.view import View


class UnknownUnit(ValueError):
    """A --unit that names no unit (commune-level or sở, ngành) of the warehouse."""


class AmbiguousUnit(ValueError):
    """A --unit typed without marks that fits several units (Cẩm Giang, Cẩm Giàng)."""

    def __init__(self, text: str, names: list[str]) -> None:
        super().__init__(text)
        self.text, self.names = text, names


class UnknownProvince(ValueError):
    """A --province that the warehouse holds no units of."""


def resolve_units(wanted: list[str], options: FilterOptions) -> tuple[str, ...]:
    """Unit codes for codes or names as a person types them: a code ("11311", "31.STC"), a
    name in any case and either tone placement ("Sở Tài chính"), or a name without marks ("so
    tai chinh") when only one unit has it. Marks decide first, so Xã Cẩm Giang and Xã Cẩm
    Giàng stay two units; "cam giang" fits both and is refused as ambiguous."""
    units = options.every_unit
    by_code = {unit.code.casefold(): unit.code for unit in units}
    by_name = {name_key(unit.name): unit.code for unit in units}
    by_plain: dict[str, list[Unit]] = {}
    for unit in units:
        by_plain.setdefault(search_key(name_key(unit.name)), []).append(unit)
    codes = []
    for text in wanted:
        typed = text.strip()
        code = by_code.get(typed.casefold()) or by_name.get(name_key(typed))
        if code is None:
            fits = by_plain.get(search_key(name_key(typed)), [])
            if len(fits) > 1:
                raise AmbiguousUnit(text, [unit.name for unit in fits])
            if not fits:
                raise UnknownUnit(text)
            code = fits[0].code
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
