"""The ways exports write a unit's name: official, abbreviated, bare, upper case, old tone marks.

Each variant is checked against the project's own `UnitMatcher`, so the sample never writes a
name the loader could not resolve, nor a bare name shared by two units.
"""

from __future__ import annotations

import unicodedata

import polars as pl

from etl.units import Unit, UnitMatcher

# Prefix abbreviations seen in exports ("P. Hồng Bàng", "X. An Lão", "ĐK. Cát Hải").
ABBREVIATIONS = {"Phường ": "P. ", "Xã ": "X. ", "Đặc khu ": "ĐK. "}
# Combining tone marks: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")


def _split_tone(char: str) -> tuple[str, str]:
    """(letter without tone, tone mark or '')."""
    parts = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in parts if c in TONE_MARKS)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS)), tone


def _toggle_word(word: str) -> str:
    """Move a final "oa/oe/uy" tone between the old and new placement ("Thuỷ" ↔ "Thủy")."""
    if len(word) < 2 or (len(word) >= 3 and word[-3] in "qQ"):
        return word
    (first, tone1), (second, tone2) = _split_tone(word[-2]), _split_tone(word[-1])
    if first.lower() + second.lower() not in ("oa", "oe", "uy") or bool(tone1) == bool(tone2):
        return word
    tone = tone1 or tone2
    if tone1:
        moved = first + unicodedata.normalize("NFC", second + tone)
    else:
        moved = unicodedata.normalize("NFC", first + tone) + second
    return word[:-2] + moved


def toggle_tone_placement(name: str) -> str:
    return " ".join(_toggle_word(word) for word in name.split(" "))


def _candidates(unit: Unit) -> list[str]:
    name = unit.name
    if unit.kind == "so_nganh":
        return [name, name.upper(), unit.unit_code, unicodedata.normalize("NFD", name)]
    prefix = next(p for p in ABBREVIATIONS if name.startswith(p))
    bare = name[len(prefix) :]
    return [
        name,
        ABBREVIATIONS[prefix] + bare,
        name.upper(),
        bare,
        toggle_tone_placement(name),
        unicodedata.normalize("NFD", name),
    ]


def name_variants(units: list[Unit]) -> dict[str, list[str]]:
    """For each unit code, the distinct spellings that resolve to it and to nothing else."""
    matcher = UnitMatcher(units)
    variants = {}
    for unit in units:
        seen: list[str] = []
        for text in _candidates(unit):
            if text not in seen and matcher.match(text)[0] == unit.unit_code:
                seen.append(text)
        assert seen and seen[0] == unit.name, f"official name of {unit.unit_code} must resolve"
        variants[unit.unit_code] = seen
    return variants


def unit_text(variants: dict[str, list[str]], file_index: int) -> pl.DataFrame:
    """How one file writes each unit: one spelling per unit per file, rotating across files
    (a real export names a unit consistently; different exports differ)."""
    codes = sorted(variants)
    return pl.DataFrame(
        {
            "unit_code": codes,
            "unit_name": [
                variants[code][(position + file_index) % len(variants[code])]
                for position, code in enumerate(codes)
            ],
        }
    )
