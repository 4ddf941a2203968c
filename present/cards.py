"""What each KPI card shows: its value, the delta against the previous period and its colour,
the target text and the values its help (the "?" tooltip) fills in.

The same definitions feed the overview's cards (`ui.kpi_cards` draws them with `st.metric`) and
the report's KPI lines (page and PDF), so a card and a printed line can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from metrics.kpis import PeriodKpis, Ratio
from present import format as fmt
from present.format import Lang
from present.strings import t
from present.targets import targets

Kind = Literal["count", "rate", "days"]
# +1: up is good, −1: down is good (overdue, processing time), 0: neither (volumes).
Direction = Literal[1, -1, 0]


@dataclass(frozen=True)
class Card:
    kpi: str  # id: the strings table has kpi.<id> and help.<id>; targets.toml uses it too
    kind: Kind
    direction: Direction
    value: Callable[[PeriodKpis], float | None]
    help_values: Callable[[PeriodKpis, Lang], dict[str, str]]


def _ratio_help(ratio: Callable[[PeriodKpis], Ratio]) -> Callable[[PeriodKpis, Lang], dict]:
    return lambda k, lang: {
        "num": fmt.number(ratio(k).numerator, lang),
        "den": fmt.number(ratio(k).denominator, lang),
    }


CARDS: tuple[Card, ...] = (
    Card(
        "received",
        "count",
        0,
        lambda k: k.received,
        lambda k, lang: {"carried_in": fmt.number(k.carried_in, lang)},
    ),
    Card(
        "resolved",
        "count",
        0,
        lambda k: k.resolved,
        lambda k, lang: {
            "early": fmt.number(k.resolved_early, lang),
            "on_time": fmt.number(k.resolved_on_time, lang),
            "late": fmt.number(k.resolved_late, lang),
        },
    ),
    Card(
        "resolution_rate",
        "rate",
        1,
        lambda k: k.resolution_rate.value,
        lambda k, lang: (
            _ratio_help(lambda x: x.resolution_rate)(k, lang)
            | {
                "received": fmt.number(k.received, lang),
                "carried_in": fmt.number(k.carried_in, lang),
            }
        ),
    ),
    Card(
        "on_time_rate",
        "rate",
        1,
        lambda k: k.on_time_rate.value,
        lambda k, lang: (
            _ratio_help(lambda x: x.on_time_rate)(k, lang)
            | {"late": fmt.number(k.resolved_late, lang), "overdue": fmt.number(k.overdue, lang)}
        ),
    ),
    Card(
        "online_share",
        "rate",
        1,
        lambda k: k.online_share.value,
        _ratio_help(lambda x: x.online_share),
    ),
    Card(
        "overdue",
        "count",
        -1,
        lambda k: k.overdue,
        lambda k, lang: {
            "end": fmt.day(k.end),
            "in_progress": fmt.number(k.in_progress, lang),
            "within": fmt.number(k.in_progress_within_deadline, lang),
        },
    ),
    Card(
        "average_days",
        "days",
        -1,
        lambda k: k.average_processing_days.value,
        lambda k, lang: {
            "num": fmt.number(k.average_processing_days.numerator, lang),
            "den": fmt.number(k.average_processing_days.denominator, lang),
        },
    ),
    Card(
        "online_payment_rate",
        "rate",
        1,
        lambda k: k.online_payment_rate.value,
        _ratio_help(lambda x: x.online_payment_rate),
    ),
    Card(
        "digitisation_rate",
        "rate",
        1,
        lambda k: k.digitisation_rate.value,
        _ratio_help(lambda x: x.digitisation_rate),
    ),
)


def format_value(kind: Kind, value: float | None, lang: Lang) -> str:
    if kind == "count":
        return fmt.number(value, lang)
    if kind == "rate":
        return fmt.percent(value, lang)
    return fmt.MISSING if value is None else t("unit.days", lang, value=fmt.decimal(value, lang))


def format_delta(kind: Kind, now: float | None, before: float | None, lang: Lang) -> str | None:
    """Signed change: "+1.234 (+2,3 %)" for counts, "+1,2 điểm %" for rates, "+0,3 ngày"
    for days; None when either side is missing."""
    if now is None or before is None:
        return None
    change = now - before
    if kind == "count":
        text = fmt.signed(fmt.number(abs(change), lang), change)
        if before:
            relative = change / before
            text += " (" + fmt.signed(fmt.percent(abs(relative), lang), relative) + ")"
        return text
    if kind == "rate":
        points = fmt.decimal(abs(change) * 100, lang)
        return fmt.signed(t("unit.points", lang, value=points), change)
    return fmt.signed(t("unit.days", lang, value=fmt.decimal(abs(change), lang)), change)


def delta_color(direction: Direction, now: float | None, before: float | None) -> str:
    """Green when the change is good news, red when bad, grey when neutral or unchanged."""
    if now is None or before is None or direction == 0 or round(now - before, 9) == 0:
        return "gray"
    return "green" if (now - before) * direction > 0 else "red"


def target_text(kpi: str, kind: Kind, lang: Lang) -> str:
    target = targets()[kpi]
    sign = "≥" if target.direction == "at_least" else "≤"
    return f"{sign} {format_value(kind, target.value, lang)}"


def delta_arrow(now: float | None, before: float | None) -> Literal["up", "down", "off"]:
    if now is None or before is None or now == before:
        return "off"
    return "up" if now > before else "down"
