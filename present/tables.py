"""A table as people read it: chosen columns, Vietnamese (or English) names, a kind per column.

A page shows exactly the frame `labelled()` returns and its downloads write that same frame,
so what is downloaded is what is on screen. The kind says how a column is formatted on
screen (present/format.py) and in XLSX (a number format); values stay numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl

from present.format import Lang
from present.strings import t

Kind = Literal["text", "count", "rate", "days", "date", "datetime"]
# How the data grid writes a count it draws itself (an in-cell bar, a long table): a
# sprintf-js pattern with the language's thousands separator ("%'.,d": 2.576), the same
# digits present/format.py writes. Without it the grid guesses: a bar over an integer column
# reads "2576%", and "localized" follows the browser's locale, not the interface language.
GRID_COUNT_FORMAT: dict[Lang, str] = {"vi": "%'.,d", "en": "%,d"}


@dataclass(frozen=True)
class Column:
    name: str  # column of the metrics frame
    label: str  # key in present/strings.py
    kind: Kind


def labelled(frame: pl.DataFrame, columns: Sequence[Column], lang: Lang) -> pl.DataFrame:
    """`frame` reduced to `columns`, in that order, renamed to their labels."""
    return frame.select([pl.col(c.name).alias(t(c.label, lang)) for c in columns])


def kinds(columns: Sequence[Column], lang: Lang) -> dict[str, Kind]:
    """The kind of each labelled column, by its label."""
    return {t(c.label, lang): c.kind for c in columns}
