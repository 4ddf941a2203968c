"""Closed without a result by kind (units page, unit page) and a unit's late resolutions
(unit page, under its open overdue list), each with its CSV/XLSX downloads."""

from __future__ import annotations

import streamlit as st

from metrics.closed import By
from metrics.filters import Filters
from present import format as fmt
from present.closed import (
    FIELD_COLUMNS,
    FIELD_PHONE_COLUMNS,
    LATE_COLUMNS,
    PHONE_WIDTHS,
    UNIT_COLUMNS,
    UNIT_PHONE_COLUMNS,
    with_labels,
)
from present.strings import t
from present.tables import kinds, labelled
from present.view import View
from ui import loaders
from ui.downloads import download_buttons
from ui.tables import show_table, show_with_phone_twin

_TABLES: dict[By, tuple[str, tuple, tuple]] = {
    "unit_code": ("closed.title_units", UNIT_COLUMNS, UNIT_PHONE_COLUMNS),
    "field": ("closed.title_fields", FIELD_COLUMNS, FIELD_PHONE_COLUMNS),
}


def closed_tables(view: View, filters: Filters, by: tuple[By, ...], subject: str) -> None:
    """One table per key of `by` (units, fields): closed and its three kinds, a total row."""
    lang = view.lang
    for key in by:
        title, columns, phone_columns = _TABLES[key]
        st.subheader(t(title, lang))
        rows = loaders.load_closed_by_kind(view.version, filters, key)
        if rows.height <= 1:  # the total row alone: nothing closed
            st.caption(t("closed.none", lang))
            continue
        st.caption(t("closed.caption", lang))
        rows = with_labels(rows, lang)
        frame = labelled(rows, columns, lang)
        show_with_phone_twin(
            frame,
            kinds(columns, lang),
            labelled(rows, phone_columns, lang),
            kinds(phone_columns, lang),
            lang,
            key=f"closed_{key}",
            phone_widths={t(name, lang): width for name, width in PHONE_WIDTHS.items()},
        )
        name = f"{subject}-{'don-vi' if key == 'unit_code' else 'linh-vuc'}"
        download_buttons(view, frame, kinds(columns, lang), name, t(title, lang), filters)


def late_list(view: View, filters: Filters, code: str, unit_name: str) -> None:
    """The unit's late resolutions of the period, with their downloads."""
    lang = view.lang
    st.subheader(t("unit.late", lang))
    late = loaders.load_unit_late(view.version, filters, code)
    period = {"start": fmt.day(filters.start), "end": fmt.day(filters.end)}
    st.caption(t("unit.late_note", lang, count=fmt.number(late.height, lang), **period))
    if late.is_empty():
        st.success(t("unit.no_late", lang))
        return
    frame = labelled(late, LATE_COLUMNS, lang)
    show_table(frame, kinds(LATE_COLUMNS, lang), lang, key="unit_late")
    title = t("unit.late", lang) + " — " + unit_name
    download_buttons(
        view, frame, kinds(LATE_COLUMNS, lang), f"ho-so-giai-quyet-qua-han-{code}", title, filters
    )
