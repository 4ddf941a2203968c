"""The overview's KPI cards drawn with `st.metric`: value, delta against the previous period
(coloured by meaning), the same period a year earlier where data exist, and a red / amber /
green target light. What each card shows is defined in `present.cards`.
"""

from __future__ import annotations

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from metrics.kpis import KpiComparison, PeriodKpis
from present import format as fmt
from present.cards import (
    Card,
    delta_arrow,
    delta_color,
    format_delta,
    format_value,
    grouped_cards,
    parts_text,
    status_note,
    target_text,
)
from present.format import Lang
from present.strings import t
from present.targets import Light, targets
from ui.shell import current_view

# Card width in pixels: a group's four fit across a laptop screen, two on a phone
# (ui.report_view's card grid lets them share the row).
CARD_WIDTH = 230
# Key prefix of every row of cards on any page: ui.report_view prints each as an even grid.
CARD_ROW = "cards_"
_LIGHT_STYLE: dict[Light, tuple[str, str, str]] = {
    "green": ("green", ":material/check_circle:", "target.met"),
    "amber": ("orange", ":material/error:", "target.near"),
    "red": ("red", ":material/cancel:", "target.missed"),
}


def kpi_cards(comparison: KpiComparison, lang: Lang) -> None:
    """Draw every card, a row of at most four under each group's heading (a row wraps on a
    narrow screen). One line above them says what the arrows compare with, instead of
    repeating it on every card."""
    if comparison.previous is None:
        st.caption(t("delta.none", lang))
    else:
        st.caption(t("delta.previous", lang, period=_period(comparison.previous)))
    with st.container(gap="small", key="kpi_cards"):
        for group, cards in grouped_cards():
            st.markdown(f"**{t(f'cards.group.{group}', lang)}**")
            with card_row(f"kpi_{group}"):
                for card in cards:
                    with st.container(border=True, width=CARD_WIDTH):
                        _card(card, comparison, lang)


def card_row(name: str) -> DeltaGenerator:
    """A row of cards (bordered containers with a metric each), keyed so that print lays
    every page's cards out in one even grid instead of a row that wraps with a stretched
    last card."""
    return st.container(horizontal=True, gap="small", key=f"{CARD_ROW}{name}")


def _card(card: Card, comparison: KpiComparison, lang: Lang) -> None:
    now = card.value(comparison.current)
    previous = card.value(comparison.previous) if comparison.previous else None
    delta = format_delta(card.kind, now, previous, lang)
    st.metric(
        t(f"kpi.{card.kpi}", lang),
        format_value(card.kind, now, lang),
        delta=delta,
        delta_color=delta_color(card.kind, card.direction, now, previous),
        delta_arrow=delta_arrow(card.kind, now, previous),
        help=t(f"help.{card.kpi}", lang, **card.help_values(comparison.current, lang)),
    )
    if (parts := parts_text(card, comparison.current, lang)) is not None:
        st.caption(parts)
    data_end = current_view().freshness.data_end
    if (note := status_note(card, comparison.current, data_end, lang)) is not None:
        st.caption(note)
    if comparison.year_earlier is not None:
        year_delta = format_delta(card.kind, now, card.value(comparison.year_earlier), lang)
        if year_delta is not None:
            st.caption(
                t("delta.year", lang, period=_period(comparison.year_earlier), delta=year_delta)
            )
    if card.kpi in targets() and now is not None:
        color, icon, key = _LIGHT_STYLE[targets()[card.kpi].light(now)]
        st.badge(
            t(key, lang, target=target_text(card.kpi, card.kind, lang)), color=color, icon=icon
        )


def _period(kpis: PeriodKpis) -> str:
    return fmt.day_range(kpis.start, kpis.end)
