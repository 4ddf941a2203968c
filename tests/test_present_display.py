"""Streamlit-free display rules of issue 13: a change that shows as zero is neutral."""

from __future__ import annotations

import pytest

from present.cards import CARDS, delta_arrow, delta_color, format_delta, grouped_cards


@pytest.mark.parametrize(
    ("kind", "now", "before", "text"),
    [
        ("rate", 0.9171, 0.9168, "0,0 điểm phần trăm"),  # +0,03 points: shows as zero
        ("rate", 0.9168, 0.9171, "0,0 điểm phần trăm"),
        ("days", 4.22, 4.18, "0,0 ngày"),
        ("count", 1000.2, 1000.0, "0"),
    ],
)
def test_a_change_that_shows_as_zero_has_no_sign_colour_or_arrow(
    kind: str, now: float, before: float, text: str
) -> None:
    assert format_delta(kind, now, before, "vi") == text
    assert delta_color(kind, 1, now, before) == "gray"
    assert delta_color(kind, -1, now, before) == "gray"
    assert delta_arrow(kind, now, before) == "off"


def test_a_real_change_keeps_its_sign_colour_and_arrow() -> None:
    assert format_delta("rate", 0.92, 0.9168, "vi") == "+0,3 điểm phần trăm"
    assert delta_color("rate", 1, 0.92, 0.9168) == "green"
    assert delta_arrow("rate", 0.92, 0.9168) == "up"
    assert format_delta("count", 1012, 1000, "vi") == "+12 (+1,2%)"
    assert delta_color("count", -1, 1012, 1000) == "red"


def test_every_card_stands_in_exactly_one_group_of_at_most_four() -> None:
    shown = [card for _, cards in grouped_cards() for card in cards]
    assert sorted(card.kpi for card in shown) == sorted(card.kpi for card in CARDS)
    assert all(len(cards) <= 4 for _, cards in grouped_cards())
