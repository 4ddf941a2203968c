"""Chốt số liệu in the browser: the administrator's lock form (on the upload page, which only
administrators may open) and the locked-period panel of the overview and Biểu II.06a.

The panel shows only when the view's period is exactly a locked one and its scope is one a
lock keeps (`metrics.locks.lock_scope`); it says who locked it and when, and where today's
figures differ it shows both, the difference, and the loads and applications behind it, with
the list of changed applications as a download.
"""

from __future__ import annotations

import streamlit as st

from metrics.connection import current_version
from metrics.locks import lock_period
from present import format as fmt
from present.locks import (
    banner,
    changes_table,
    form_table,
    kpi_table,
    loads_table,
    locks_table,
    text_kinds,
)
from present.safe_text import markdown_text
from present.strings import t
from present.view import View
from ui import loaders
from ui.downloads import download_buttons
from ui.tables import show_table


def show_locked(view: View) -> None:
    """The locked-period panel, or nothing when no lock covers the view."""
    lang = view.lang
    locked = loaders.load_locked_view(view.version, view.filters)
    if locked is None:
        return
    (st.warning if locked.differs else st.info)(banner(locked, lang), icon=":material/lock:")
    if not locked.differs:
        return
    with st.expander(t("lock.details", lang), expanded=True):
        kpis = kpi_table(locked, lang)
        show_table(kpis, text_kinds(kpis), lang, key="lock_kpis")
        if locked.form.height:
            st.markdown(f"**{t('lock.form_title', lang)}**")
            form = form_table(locked, lang)
            show_table(form, text_kinds(form), lang, key="lock_form")
        st.markdown(f"**{t('lock.causes_title', lang)}**")
        loads = loads_table(locked, lang)
        show_table(loads, text_kinds(loads), lang, key="lock_loads")
        changes = changes_table(locked, lang)
        show_table(changes, text_kinds(changes), lang, key="lock_changes", height=240)
        title = t("lock.causes_title", lang)
        download_buttons(view, changes, text_kinds(changes), t("lock.subject", lang), title)


def lock_section(view: View, by: str) -> None:
    """The administrator's form: lock a period (the filter bar's by default), then every lock."""
    lang = view.lang
    st.subheader(t("lock.section", lang))
    st.caption(t("lock.intro", lang))
    with st.form("lock_form"):
        first, last = st.columns(2)
        start = first.date_input(
            t("lock.from", lang), value=view.filters.start, format="DD/MM/YYYY", key="lock_from"
        )
        end = last.date_input(
            t("lock.to", lang), value=view.filters.end, format="DD/MM/YYYY", key="lock_to"
        )
        who = st.text_input(t("lock.by", lang), value=by, key="lock_by")
        note = st.text_input(t("lock.note", lang), key="lock_note")
        submitted = st.form_submit_button(t("lock.submit", lang), type="primary")
    if submitted:
        if not who.strip():
            st.error(t("lock.need_name", lang))
        elif start > end:
            st.error(t("lock.bad_period", lang))
        else:
            written = lock_period(start, end, who, note.strip() or None)
            st.success(
                t(
                    "lock.done",
                    lang,
                    period=fmt.day_range(start, end),
                    lock_id=written.lock_id,
                    at=fmt.timestamp(written.locked_at),
                    by=markdown_text(who.strip()),  # typed by a person: never Markdown
                )
            )
    locks, changes = loaders.load_locks(current_version())
    if not locks:
        st.caption(t("lock.none", lang))
        return
    table = locks_table(locks, changes, lang)
    show_table(table, text_kinds(table), lang, key="lock_list")
