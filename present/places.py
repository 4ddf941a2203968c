"""Where the numbers are about, in words: one province, several, or the whole country.

A warehouse may hold one province (the usual deployment) or many (issue 6). Titles, report
headers and unit pickers say which: the province's name, "Toàn quốc", or "3 tỉnh, thành
phố"; and once units of several provinces are listed, a unit's name alone is ambiguous
("Xã Tân Lập" exists in many provinces), so it carries its province.
"""

from __future__ import annotations

from collections.abc import Sequence

from vietnam_provinces import Province

from etl.settings import province_code
from etl.units import province_name
from metrics.codes import AGENCY_KIND
from metrics.options import FilterOptions, Unit
from metrics.text import vi_sorted
from present.format import Lang
from present.strings import t

# Official names start with the kind of province for the five centrally-run cities only.
_CITY_PREFIX = "Thành phố "
# More provinces than this are counted rather than listed.
MAX_LISTED = 2
NATIONAL_COUNT = sum(1 for _ in Province.iter_all())


def shown_provinces(options: FilterOptions, chosen: Sequence[int]) -> list[int]:
    """The provinces a view covers: the chosen ones, or every province the warehouse holds."""
    held = [code for code, _ in options.provinces]
    return [code for code in chosen if code in held] or held


def is_national(options: FilterOptions, chosen: Sequence[int]) -> bool:
    """True when the view covers every province of the country."""
    return len(shown_provinces(options, chosen)) == NATIONAL_COUNT


def place_name(options: FilterOptions, chosen: Sequence[int], lang: Lang) -> str:
    """The province's official name, a short list, a count, or "Toàn quốc"."""
    names = dict(options.provinces)
    shown = shown_provinces(options, chosen)
    if not shown:  # options made without provinces: the configured one
        return province_name(province_code())
    if is_national(options, chosen):
        return t("scope.country", lang)
    if len(shown) <= MAX_LISTED:
        return ", ".join(names[code] for code in shown)
    return t("scope.provinces", lang, count=len(shown))


def short_name(name: str) -> str:
    """ "Thành phố Hải Phòng" → "Hải Phòng": enough after a unit's name."""
    return name.removeprefix(_CITY_PREFIX)


def listed_units(options: FilterOptions, chosen: Sequence[int]) -> list[Unit]:
    """The units of the chosen provinces (all units when none is chosen): the commune-level
    ones in Vietnamese alphabetical order, then the sở, ngành in theirs (DATA_SPEC §4: units
    too)."""
    groups = (options.units, options.agency_units)
    return [
        unit
        for group in groups
        for unit in vi_sorted(group, key=lambda unit: unit.name)
        if not chosen or unit.province_code in chosen
    ]


def unit_labels(
    options: FilterOptions, units: Sequence[Unit], lang: Lang | None = None
) -> dict[str, str]:
    """unit_code → the name a person picks it by: "Phường X", or "Phường X (Hải Phòng)" when
    the units come from more than one province; with `lang`, an agency's name says what it is,
    "Sở Tài chính · Sở, ngành", so the picker's agencies read as their own group."""
    names = dict(options.provinces)
    several = len({unit.province_code for unit in units}) > 1
    labels = {}
    for unit in units:
        label = unit.name
        if several:
            label += f" ({short_name(names.get(unit.province_code, ''))})"
        if lang is not None and unit.kind == AGENCY_KIND:
            label += " · " + t(f"kind.{AGENCY_KIND}", lang)
        labels[unit.code] = label
    return labels
