"""How the read side compares and orders names, over the folds of `etl.text`.

- `search_key`: what the search boxes compare: no case, no tone marks, đ as d, so "dang ky
  khai sinh" finds "Đăng ký khai sinh";
- `vi_sorted`: Vietnamese alphabetical order, for pickers and the rows of Biểu II.06a, by
  ICU's Vietnamese collation (DuckDB's built-in ICU, `COLLATE vi`): ă, â, ê, ô, ơ, ư and đ are
  letters of their own (o < ô < ơ, d < đ, "Ong" before "Ô Môn"), then the tones in the
  dictionary's order (Ca, Cà, Cả, Cã, Cá, Cạ). No mark is stripped to sort;
- `texts`: a Python function of each value of a column, the one way this code base does it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any, TypeVar

import duckdb
import polars as pl

from etl.text import nfc, strip_accents

T = TypeVar("T")
# An in-memory DuckDB only for its collator: no file, no table; one query at a time.
_COLLATOR = duckdb.connect()
_COLLATOR_LOCK = threading.Lock()
_ORDER = """
select i - 1
from (select unnest(?::varchar[]) as name, generate_subscripts(?::varchar[], 1) as i)
order by name collate vi, i
"""
# Pickers sort the same few lists on every run: their orders are kept.
_CACHED_ORDERS = 256


def search_key(text: str) -> str:
    """Lowercase, NFC, without tone marks and with đ as d: the form both sides are compared in."""
    return strip_accents(nfc(text)).casefold()


@lru_cache(maxsize=_CACHED_ORDERS)
def vi_order(names: tuple[str, ...]) -> tuple[int, ...]:
    """The positions of `names` in Vietnamese alphabetical order (equal names keep theirs)."""
    if not names:
        return ()
    texts = [nfc(name) for name in names]
    with _COLLATOR_LOCK:
        rows = _COLLATOR.execute(_ORDER, [texts, texts]).fetchall()
    return tuple(index for (index,) in rows)


def vi_sorted(items: Iterable[T], key: Callable[[T], str] | None = None) -> list[T]:
    """`items` in Vietnamese alphabetical order of `key(item)` (the item itself by default)."""
    listed = list(items)
    names = tuple(key(item) if key else str(item) for item in listed)
    return [listed[index] for index in vi_order(names)]


def texts(values: pl.Series, to_text: Callable[[Any], str], name: str | None = None) -> pl.Series:
    """`to_text` of each non-null value of `values` (nulls stay null), as a String column.

    Why not Polars' `map_elements`: it calls Python from inside Polars' thread pool, which
    needs the GIL while other sessions' scripts (Streamlit runs them in threads) wait in Polars
    for that pool; five people opening the data-quality page at once froze the whole server
    (`benchmarks/bench_crowd.py`). A list comprehension runs in the calling thread only."""
    out = [None if value is None else to_text(value) for value in values.to_list()]
    return pl.Series(name or values.name, out, dtype=pl.String)
