"""Bộ chỉ số 766 (QĐ 766/QĐ-TTg) as the national portal computes it, declared once.

INDEX_766.md is the contract: which indicators the one-stop records can compute, each as a
numerator and a denominator that are counts of the KPI layer (`metrics.measures`), its points
and its scoring rule. The rule is applied here and nowhere else (`points`), so a page, a file,
the PDF and the command line all give an indicator the same points. What the records cannot
compute is declared too (`NOT_COMPUTABLE`), with the input that would make it computable, so
the page can say why a group is left out instead of silently scoring it.

This is an unofficial reproduction: the decision's annex was not available, the portal's
sub-weights inside groups 3 and 4 are unconfirmed, and the total is never the official score.
"""

from __future__ import annotations

from dataclasses import dataclass

# The portal's six groups and their maxima (100 points in all).
GROUP_MAX: dict[int, float] = {1: 18, 2: 20, 3: 12, 4: 10, 5: 22, 6: 18}


@dataclass(frozen=True)
class Indicator:
    """One indicator: `numerator` / `denominator` (counts of `metrics.measures`), scored out of
    `max_points` in the portal's `group`; linear, or full points from `threshold` on."""

    code: str  # the decision's number ("2.1", "4.3")
    group: int  # the portal's group (the decision's group 3 is the portal's 3 and 4)
    numerator: str
    denominator: str
    max_points: float  # 0: informational, no points
    threshold: float | None = None
    # Optional record fields it needs: months whose exports lack one are "thiếu dữ liệu"
    # and left out of its counts (not counted as zeros).
    fields: tuple[str, ...] = ()
    # True when the months lacking `fields` still count, by a stated fallback (2.1 without
    # supplement dates judges by the exported due date).
    falls_back: bool = False
    partial: bool = False  # computed from part of its official inputs (5.4 without complaints)
    # The counts are the period's whole (carried in, in progress at the end), not a sum of
    # received applications that can be split by month.
    whole_period: bool = False


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "2.1",
        2,
        "on_time_766",
        "to_handle",
        20,
        fields=("supplement_count",),
        falls_back=True,
        whole_period=True,
    ),
    # Average processing time in working days: informational (no points).
    Indicator("2.2", 2, "processing_workdays_sum", "resolved", 0, whole_period=True),
    Indicator("3.3", 3, "received_online_766", "received", 12, 0.5, fields=("e_result",)),
    # (a) only gets points, scaled to the group's 10 (sub-weights unconfirmed).
    Indicator("3.6a", 4, "paid_online", "received_fee", 10, fields=("paid_online",)),
    Indicator("4.1", 5, "e_result_doc", "received_result_doc", 6, fields=("e_result",)),
    Indicator("4.2", 5, "digitized_e_result", "received", 4, fields=("digitized", "e_result")),
    Indicator("4.3", 5, "reused_data", "received", 2, 0.8, fields=("reused_data",)),
    # 100% − late rate (the complaint rate needs feedback data): the on-time share again.
    Indicator("5.4", 6, "on_time_766", "to_handle", 6, 0.9, partial=True, whole_period=True),
)
INDICATOR_BY_CODE: dict[str, Indicator] = {item.code: item for item in INDICATORS}
SCORED: tuple[Indicator, ...] = tuple(item for item in INDICATORS if item.max_points > 0)
# Ratios shown beside 3.6a without points: (b) procedures with an online payment among those
# with fee-bearing applications, (c) fee procedures with applications among all fee procedures.
PAYMENT_COVERAGE = ("3.6b", "3.6c")


@dataclass(frozen=True)
class NotComputable:
    """An indicator (or a group's rest) the records cannot compute, and what would make it so."""

    code: str
    group: int
    max_points: float
    needs: str  # key of present.strings: the missing input, in words


NOT_COMPUTABLE: tuple[NotComputable, ...] = (
    # Group 1 (publication on time, 1.4 records synced): the catalog's publication dates and
    # each record's sync status with the national portal; its split is unconfirmed.
    NotComputable("1.1–1.4", 1, 18, "i766.needs.publication"),
    NotComputable("4.4–4.6", 5, 10, "i766.needs.store"),
    NotComputable("5.2–5.3", 6, 12, "i766.needs.feedback"),
)


def points(indicator: Indicator, value: float | None) -> float | None:
    """The scoring rule (INDEX_766.md): with a threshold T, a ratio ≥ T earns full points and
    one below it ratio × max / T; otherwise ratio × max. None when there is no ratio."""
    if value is None or indicator.max_points == 0:
        return None
    if indicator.threshold is None:
        return value * indicator.max_points
    return min(value / indicator.threshold, 1.0) * indicator.max_points


def computable_max() -> float:
    """The maximum of the groups' computable indicators (60 of the portal's 100)."""
    return sum(item.max_points for item in SCORED)
