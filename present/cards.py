"""What each KPI card shows: its value, the delta against the previous period and its colour,
the target text and the values its help (the "?" tooltip) fills in.

The same definitions feed the overview's cards (`ui.kpi_cards` draws them with `st.metric`) and
the report's KPI lines (page and PDF), so a card and a printed line can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from metrics.kpis import PeriodKpis
from metrics.measures import RATE_BY_NAME
from present import format as fmt
from present.format import Lang
from present.strings import t
from present.targets import targets

Kind = Literal["count", "rate", "days", "workdays"]
# +1: up is good, −1: down is good (overdue, processing time), 0: neither (volumes).
Direction = Literal[1, -1, 0]


@dataclass(frozen=True)
class Card:
    """A KPI card: `kpi` names a count or a rate of `metrics.measures` (and the strings
    kpi.<id> and help.<id>; targets.toml uses it too). A rate's help shows its numerator and
    denominator (`num`, `den`); `help_counts` names the other counts the help text fills in."""

    kpi: str
    kind: Kind
    direction: Direction
    help_counts: dict[str, str] = field(default_factory=dict)  # placeholder -> count
    # On the A4 report too: its first page has room for twelve lines, so the overview alone
    # shows the strict online share and the working-day mean (the report keeps two pages).
    in_report: bool = True
    # A count taken from the latest known status rather than the status at the period's end
    # (waiting for the applicant): the card says so when the period ended before the data.
    latest_status: bool = False

    def value(self, kpis: PeriodKpis) -> float | None:
        return kpis.rate(self.kpi).value if self.kpi in RATE_BY_NAME else kpis.count(self.kpi)

    def help_values(self, kpis: PeriodKpis, lang: Lang) -> dict[str, str]:
        """The help text's values: the named counts, the rate's parts, the period's end."""
        values = {key: fmt.number(kpis.count(name), lang) for key, name in self.help_counts.items()}
        if self.kpi in RATE_BY_NAME:
            parts = kpis.rate(self.kpi)
            values |= {
                "num": fmt.number(parts.numerator, lang),
                "den": fmt.number(parts.denominator, lang),
            }
        return values | {"end": fmt.day(kpis.end)}


CARDS: tuple[Card, ...] = (
    Card("received", "count", 0, {"carried_in": "carried_in"}),
    Card(
        "resolved",
        "count",
        0,
        {"early": "resolved_early", "on_time": "resolved_on_time", "late": "resolved_late"},
    ),
    Card(
        "closed",
        "count",
        0,
        {
            "to_handle": "to_handle",
            "resolved": "resolved",
            "closed": "closed",
            "in_progress": "in_progress",
        },
    ),
    Card("resolution_rate", "rate", 1, {"received": "received", "carried_in": "carried_in"}),
    Card("on_time_rate", "rate", 1, {"late": "resolved_late", "overdue": "overdue"}),
    Card("on_time_rate_766", "rate", 1, {"late": "resolved_late_766", "overdue": "overdue_766"}),
    Card("online_share", "rate", 1),
    Card("online_share_766", "rate", 1, in_report=False),
    Card("overdue", "count", -1, {"in_progress": "in_progress", "within": "within_deadline"}),
    Card(
        "waiting",
        "count",
        0,
        {"overdue_waiting": "overdue_waiting", "overdue_office": "overdue_office"},
        latest_status=True,
    ),
    Card("average_days", "days", -1),
    Card("average_workdays", "workdays", -1, in_report=False),
    Card("online_payment_rate", "rate", 1),
    Card("digitisation_rate", "rate", 1),
)


# The cards on screen, in rows of at most four under a heading (strings cards.group.<id>):
# fourteen cards in one wrapping grid were five a row at 1440 px and cut their labels; a
# QĐ 766 variant stands beside its plain twin, so the two are read together.
CARD_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("intake", ("received", "resolved", "closed", "resolution_rate")),
    ("timeliness", ("on_time_rate", "on_time_rate_766", "overdue", "waiting")),
    ("online", ("online_share", "online_share_766", "online_payment_rate", "digitisation_rate")),
    ("duration", ("average_days", "average_workdays")),
)


def grouped_cards() -> list[tuple[str, list[Card]]]:
    """Each group's id with its cards, in the order of `CARD_GROUPS`."""
    by_kpi = {card.kpi: card for card in CARDS}
    return [(group, [by_kpi[kpi] for kpi in kpis]) for group, kpis in CARD_GROUPS]


def status_note(card: Card, kpis: PeriodKpis, data_end: date | None, lang: Lang) -> str | None:
    """What a latest-status card counts, when its period ended before the data do: an
    export carries each application's status as of its last load, so an application that
    waited on the period's last day and was finished later no longer counts (a past period
    shows 0 or few). None for other cards and for a period that runs to the data's end."""
    if not card.latest_status or data_end is None or kpis.end >= data_end:
        return None
    return t("cards.latest_status", lang, end=fmt.day(kpis.end), data_end=fmt.day(data_end))


def parts_text(card: Card, kpis: PeriodKpis, lang: Lang) -> str | None:
    """A rate card's numerator and denominator in words ("10.237 đã giải quyết / 11.163 cần
    giải quyết"), so a rate is never read without what it divides; None for other cards."""
    if card.kind != "rate":
        return None
    rate = RATE_BY_NAME[card.kpi]
    parts = kpis.rate(card.kpi)
    return t(
        "parts.rate",
        lang,
        num=fmt.number(parts.numerator, lang),
        num_label=t(f"parts.{rate.numerator}", lang),
        den=fmt.number(parts.denominator, lang),
        den_label=t(f"parts.{rate.denominator}", lang),
    )


def format_value(kind: Kind, value: float | None, lang: Lang) -> str:
    if kind == "count":
        return fmt.number(value, lang)
    if kind == "rate":
        return fmt.percent(value, lang)
    unit = "unit.workdays" if kind == "workdays" else "unit.days"
    return fmt.MISSING if value is None else t(unit, lang, value=fmt.decimal(value, lang))


def shown_change(kind: Kind, now: float | None, before: float | None) -> float | None:
    """The change as the card writes it: whole applications, tenths of a percentage point,
    tenths of a day. Sign, colour and arrow follow this, not the raw difference, so a change
    printed as "0,0 điểm phần trăm" is never green or red; None when either side is missing."""
    if now is None or before is None:
        return None
    if kind == "count":
        return float(round(now - before))
    if kind == "rate":
        return round((now - before) * 100, 1) / 100
    return round(now - before, 1)


def format_delta(kind: Kind, now: float | None, before: float | None, lang: Lang) -> str | None:
    """Signed change: "+1.234 (+2,3%)" for counts, "+1,2 điểm phần trăm" for rates, "+0,3 ngày"
    for days, no sign when it shows as zero; None when either side is missing."""
    change = shown_change(kind, now, before)
    if change is None:
        return None
    if kind == "count":
        text = fmt.signed(fmt.number(abs(change), lang), change)
        if before and change:
            relative = round(change / before, 3)
            text += " (" + fmt.signed(fmt.percent(abs(relative), lang), relative) + ")"
        return text
    if kind == "rate":
        points = fmt.decimal(abs(change) * 100, lang)
        return fmt.signed(t("unit.points", lang, value=points), change)
    return fmt.signed(t("unit.days", lang, value=fmt.decimal(abs(change), lang)), change)


def delta_color(kind: Kind, direction: Direction, now: float | None, before: float | None) -> str:
    """Green when the change is good news, red when bad, grey when neutral or when it shows
    as zero."""
    change = shown_change(kind, now, before)
    if not change or direction == 0:
        return "gray"
    return "green" if change * direction > 0 else "red"


def target_text(kpi: str, kind: Kind, lang: Lang) -> str:
    target = targets()[kpi]
    sign = "≥" if target.direction == "at_least" else "≤"
    return f"{sign} {format_value(kind, target.value, lang)}"


def delta_arrow(
    kind: Kind, now: float | None, before: float | None
) -> Literal["up", "down", "off"]:
    """No arrow for a change that shows as zero."""
    change = shown_change(kind, now, before)
    if not change:
        return "off"
    return "up" if change > 0 else "down"


def adds_up_line(kpis: PeriodKpis, lang: Lang) -> str:
    """To handle = resolved + closed without result + in progress at the end, in numbers: the
    status chart leaves out what was closed without a result, this line puts it back."""
    values = {name: fmt.number(kpis.count(name), lang) for name in _ADDS_UP}
    return t("overview.adds_up", lang, end=fmt.day(kpis.end), **values)


_ADDS_UP = ("to_handle", "resolved", "closed", "in_progress")
