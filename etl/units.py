"""Reference units and matching of unit names or codes as exports write them.

Commune-level units (phường, xã, đặc khu) come from `vietnam-provinces`; provincial agencies
(sở, ngành) from `reference/agencies.csv`, the same list for every province, coded
`<province>.<abbr>` (e.g. `31.STP`).

Matching is exact on a normalised name (see `etl.text.name_key`): tone marks are kept, so
"Xã Cẩm Giang" never matches "Xã Cẩm Giàng", and a name never matches part of another, so
"Đồ Sơn" never matches "Nam Đồ Sơn".
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from vietnam_provinces import Province, ProvinceCode, VietNamDivisionType, Ward

from etl.text import name_key

AGENCIES_FILE = Path(__file__).with_name("reference") / "agencies.csv"

KIND_BY_DIVISION = {
    VietNamDivisionType.PHUONG: "phuong",
    VietNamDivisionType.XA: "xa",
    VietNamDivisionType.DAC_KHU: "dac_khu",
}

# Prefixes exports put before a unit's name, mapped to the kind they announce. Longer first,
# so that "đặc khu" is tried before "đ.".
_PREFIXES: tuple[tuple[str, str | None], ...] = (
    ("ủy ban nhân dân", None),
    ("ubnd", None),
    ("đặc khu", "dac_khu"),
    ("đ. k.", "dac_khu"),
    ("đk.", "dac_khu"),
    ("đk", "dac_khu"),
    ("phường", "phuong"),
    ("p.", "phuong"),
    ("p", "phuong"),
    ("xã", "xa"),
    ("x.", "xa"),
)
_CODE = re.compile(r"^\d{1,5}$")


@dataclass(frozen=True)
class Unit:
    unit_code: str
    name: str
    kind: str
    province_code: int


def commune_units(province_code: int) -> list[Unit]:
    """The province's commune-level units, official names and 5-digit codes."""
    return [
        Unit(
            f"{int(ward.code):05d}", ward.name, KIND_BY_DIVISION[ward.division_type], province_code
        )
        for ward in Ward.iter_by_province(ProvinceCode(province_code))
    ]


def agency_units(province_code: int) -> list[Unit]:
    """The province's agencies (sở, ngành) from the reference file."""
    with AGENCIES_FILE.open(encoding="utf-8") as handle:
        return [
            Unit(f"{province_code:02d}.{row['abbr']}", row["name"], "so_nganh", province_code)
            for row in csv.DictReader(handle)
        ]


def reference_units(province_codes: list[int]) -> list[Unit]:
    """Every unit the warehouse knows for these provinces."""
    return [unit for code in province_codes for unit in commune_units(code) + agency_units(code)]


def province_name(province_code: int) -> str:
    return Province.from_code(ProvinceCode(province_code)).name


def _split_prefix(key: str) -> tuple[str | None, str]:
    """Split a normalised name into (announced kind, bare name); kind None if no prefix."""
    for prefix, kind in _PREFIXES:
        if key.startswith(prefix + " ") or (prefix.endswith(".") and key.startswith(prefix)):
            rest = key[len(prefix) :].strip()
            if kind is None:  # "UBND phường X": drop the body's name, read the kind after it
                return _split_prefix(rest)
            return kind, rest
    return None, key


class UnitMatcher:
    """Resolves what an export writes in its unit column to a `unit_code`."""

    def __init__(self, units: list[Unit]) -> None:
        self._codes = {unit.unit_code for unit in units}
        self._by_full: dict[str, str] = {}
        self._by_kind_base: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._by_base: dict[str, list[str]] = defaultdict(list)
        for unit in units:
            full = name_key(unit.name)
            self._by_full[full] = unit.unit_code
            announced, base = _split_prefix(full)
            kind = announced or unit.kind
            self._by_kind_base[(kind, base)].append(unit.unit_code)
            self._by_base[base].append(unit.unit_code)
            if unit.kind == "so_nganh":
                self._by_full[name_key(unit.unit_code)] = unit.unit_code

    def match(self, raw: str) -> tuple[str | None, str]:
        """Return (unit_code, "") or (None, why it did not match). The reason never repeats
        the text: a rejection quotes it once, cut short."""
        text = raw.strip()
        if not text:
            return None, "trống"
        if _CODE.match(text):
            code = f"{int(text):05d}"
            return (code, "") if code in self._codes else (None, "không có mã đơn vị này")
        key = name_key(text)
        if key in self._by_full:
            return self._by_full[key], ""
        kind, base = _split_prefix(key)
        candidates = (
            self._by_kind_base.get((kind, base), []) if kind else self._by_base.get(base, [])
        )
        if len(candidates) == 1:
            return candidates[0], ""
        if len(candidates) > 1:
            return None, "tên trùng nhiều đơn vị, cần ghi rõ phường/xã hoặc mã"
        return None, "không có đơn vị này"
