"""The search boxes of the analyst pages: accent- and case-insensitive "contains" over a table.

People type "dang ky khai sinh" as often as "Đăng ký khai sinh"; both find the procedure.
"""

from __future__ import annotations

from collections.abc import Sequence

import polars as pl

from metrics.text import search_key, texts


def matching(frame: pl.DataFrame, text: str, columns: Sequence[str]) -> pl.DataFrame:
    """The rows where any of `columns` contains `text` (all rows when `text` is blank)."""
    needle = search_key(text.strip())
    if not needle:
        return frame
    hits = [
        texts(frame[column].cast(pl.String).fill_null(""), search_key).str.contains(
            needle, literal=True
        )
        for column in columns
    ]
    return frame.filter(pl.any_horizontal(hits))
