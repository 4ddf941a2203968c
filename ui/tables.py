"""Tables on screen: numbers formatted as in present/format.py yet sortable as numbers.

A pandas Styler carries the Babel-formatted text while the cells keep their values, so a
click on a column header sorts 246.900 after 99.000, not before. Styling costs about 0.2 ms
per cell, so a long table (a whole catalog) falls back to Streamlit's own number formats.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import pandas as pd
import polars as pl
import streamlit as st

from present import format as fmt
from present.format import Lang
from present.strings import t
from present.tables import GRID_COUNT_FORMAT, Kind

# Above this many cells the Styler's cost shows in the page's render time.
STYLED_CELLS = 3000
TABLE_HEIGHT = 420


def _formatter(kind: Kind, lang: Lang) -> Callable[[object], str] | None:
    if kind == "count":
        return lambda v: fmt.number(_value(v), lang)
    if kind == "rate":
        return lambda v: fmt.percent(_value(v), lang)
    if kind == "days":
        return lambda v: (
            fmt.MISSING if _value(v) is None else t("unit.days", lang, value=fmt.decimal(v, lang))
        )
    if kind == "date":
        return lambda v: fmt.MISSING if _value(v) is None else fmt.day(v)
    if kind == "datetime":
        return lambda v: fmt.MISSING if _value(v) is None else fmt.timestamp(v)
    return None


def _value(v: object) -> object:
    """None for a missing value (pandas turns nulls into NaN / NaT)."""
    return None if v is None or v != v else v  # NaN and NaT are not equal to themselves


def _bar(name: str, kind: Kind, frame: pl.DataFrame, lang: Lang) -> dict:
    """An in-cell bar whose label is the value as the table would write it: a count up to
    the column's maximum in the language's digits, a rate from 0 to 100% with one decimal.
    The grid's own label beats a Styler's text, so it must be given here."""
    if kind == "rate":
        return st.column_config.ProgressColumn(
            name, min_value=0.0, max_value=1.0, format="percent", step=0.001
        )
    top = float(frame[name].max() or 1)
    return st.column_config.ProgressColumn(
        name, min_value=0.0, max_value=top, format=GRID_COUNT_FORMAT[lang]
    )


def show_table(
    frame: pl.DataFrame,
    kinds: Mapping[str, Kind],
    lang: Lang,
    *,
    bars: Sequence[str] = (),
    widths: Mapping[str, int] | None = None,
    groups: Mapping[str, str] | None = None,
    key: str | None = None,
    selectable: bool = False,
    height: int | str = "auto",
):
    """Draw `frame` (already labelled); `bars` columns get an in-cell bar (rates 0–100%,
    counts up to the column's maximum); `widths` fixes columns' widths in pixels (a narrow
    table that must fit a phone); `groups` names a header over columns, as a printed form
    groups them (a styled table only: the grid keys its formats by the column's name). With
    `selectable`, one row can be picked and the selection is returned."""
    config: dict[str, object] = {}
    # A missing text ("Ghi chú" of a clean load) reads "–", never "None"; downloads keep blanks.
    texts = [
        name
        for name, kind in kinds.items()
        if kind == "text" and frame.schema[name] in (pl.String, pl.Null)
    ]
    frame = frame.with_columns(pl.col(texts).fill_null(fmt.MISSING))
    for name in bars:
        config[name] = _bar(name, kinds[name], frame, lang)
    for name, width in (widths or {}).items():
        config[name] = st.column_config.Column(name, width=width)
    data: object = frame
    if frame.height * frame.width <= STYLED_CELLS:
        formats = {name: f for name, kind in kinds.items() if (f := _formatter(kind, lang))}
        shown = frame.to_pandas()
        if groups:
            over = {name: (groups.get(name, ""), name) for name in shown.columns}
            shown.columns = pd.MultiIndex.from_tuples(list(over.values()))
            formats = {over[name]: f for name, f in formats.items()}
        data = shown.style.format(formats)
    else:
        for name, kind in kinds.items():
            if kind == "count" and name not in config:
                config[name] = st.column_config.NumberColumn(name, format=GRID_COUNT_FORMAT[lang])
    return st.dataframe(
        data,
        hide_index=True,
        column_config=config,
        key=key,
        on_select="rerun" if selectable else "ignore",
        selection_mode="single-row",
        height=height,
    )


# Keys of a table drawn twice: the full table, and a narrow twin with its key figures that
# stands in for it below 640 px (ui.report_view), where the full one's figures were all
# behind a horizontal scroll.
WIDE, PHONE = "wide_", "phone_"


def show_with_phone_twin(
    frame: pl.DataFrame,
    kinds: Mapping[str, Kind],
    phone_frame: pl.DataFrame,
    phone_kinds: Mapping[str, Kind],
    lang: Lang,
    *,
    key: str,
    phone_widths: Mapping[str, int],
    bars: Sequence[str] = (),
    selectable: bool = False,
    height: int | str = "auto",
) -> tuple[object, object]:
    """Draw the full table and its phone twin (`phone_frame`, fixed `phone_widths`); with
    `selectable`, the selections of both are returned (one of them is on screen)."""
    options = {"selectable": selectable, "height": height}
    # Keyed containers: a table's own key marks it in the page only when it is selectable.
    with st.container(key=f"{WIDE}{key}"):
        wide = show_table(frame, kinds, lang, bars=bars, key=key, **options)
    with st.container(key=f"{PHONE}{key}"):
        phone = show_table(
            phone_frame, phone_kinds, lang, widths=phone_widths, key=f"{key}_phone", **options
        )
    return wide, phone
