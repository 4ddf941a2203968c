"""Find the header row of a table and say which kind of export it is, or why it is none.

A header is the row among the first few where every required column of one kind appears
(see `etl.aliases`); the kind with the most known columns wins. When no row qualifies, the
message guesses the kind from the share of its required columns that do appear, so a catalog
without its level column is called a catalog, and names the missing columns by their labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from etl.aliases import FIELDS_BY_KIND, KIND_LABELS, REQUIRED_BY_KIND, alias_index, field_label
from etl.text import header_key

# Title blocks in real exports are a few lines; a header further down is not a header.
HEADER_SEARCH_ROWS = 30
# A table with at least this share of one kind's required columns is meant as data: a sheet
# like that which cannot be read stops the file instead of being passed over as a cover sheet.
DATA_LIKE_SHARE = 0.5
# Fewer known columns than this and the file does not look like any export.
MIN_KNOWN_COLUMNS = 2
ALIASES = {kind: alias_index(fields) for kind, fields in FIELDS_BY_KIND.items()}
NO_HEADER = "không tìm thấy dòng tiêu đề với tên cột quen thuộc (Mã hồ sơ, Mã TTHC, …)"

Rows = Sequence[Sequence[object]]


@dataclass
class Header:
    kind: str
    row_index: int  # 0-based row of the header in the file/sheet; -1 when it is no row
    columns: list[str]  # labels as written
    mapping: dict[str, str]  # label -> canonical field, only known fields

    @property
    def fields(self) -> set[str]:
        return set(self.mapping.values())


@dataclass(frozen=True)
class _Guess:
    kind: str
    found: frozenset[str]

    @property
    def missing(self) -> tuple[str, ...]:
        return tuple(f for f in REQUIRED_BY_KIND[self.kind] if f not in self.found)

    @property
    def share(self) -> float:
        required = REQUIRED_BY_KIND[self.kind]
        return (len(required) - len(self.missing)) / len(required)


def _labels(row: Sequence[object]) -> list[str]:
    return ["" if cell is None else str(cell) for cell in row]


def detect_header(rows: Rows) -> Header | None:
    """The best header among the first rows: the kind whose required fields all appear,
    with the most known columns."""
    best: tuple[int, Header] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = _labels(row)
        keys = [header_key(label) for label in labels]
        for kind, aliases in ALIASES.items():
            mapping = {
                lab: aliases[key] for lab, key in zip(labels, keys, strict=True) if key in aliases
            }
            found = set(mapping.values())
            if not set(REQUIRED_BY_KIND[kind]) <= found:
                continue
            if best is None or len(found) > best[0]:
                best = (len(found), Header(kind, index, labels, mapping))
    return best[1] if best else None


def _best_guess(rows: Rows) -> _Guess | None:
    """The kind a header-less table resembles most: the largest share of its required
    columns, then the most known columns."""
    best: _Guess | None = None
    for row in rows[:HEADER_SEARCH_ROWS]:
        keys = {header_key(label) for label in _labels(row)}
        for kind, aliases in ALIASES.items():
            guess = _Guess(kind, frozenset(aliases[k] for k in keys if k in aliases))
            if len(guess.found) < MIN_KNOWN_COLUMNS:
                continue
            if best is None or (guess.share, len(guess.found)) > (best.share, len(best.found)):
                best = guess
    return best


def missing_header_message(rows: Rows) -> str:
    """Why no header was found, in words: which kind the table resembles and which of its
    required columns (by their labels) are missing."""
    guess = _best_guess(rows)
    if guess is None:
        return NO_HEADER
    missing = ", ".join(field_label(guess.kind, field) for field in guess.missing)
    return f"tệp giống {KIND_LABELS[guess.kind]} nhưng thiếu cột bắt buộc: {missing}"


def looks_like_data(rows: Rows) -> bool:
    """A table meant as data (enough required columns of some kind), though not readable."""
    guess = _best_guess(rows)
    return guess is not None and guess.share >= DATA_LIKE_SHARE
