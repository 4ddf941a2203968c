"""Every count and every rate of DATA_SPEC §4, declared once.

A period P = [d0, d1]. The summary tables (etl/summaries.py) hold, per day, what was received
that day and what ended that day, so each base count is one sum over the rows of `facts` (or of
the overdue `ledger`) within a window of days:
- "period": the days of P (received, resolved, closed, fees, payments, digitisation);
- "before": the days before d0 (carried in = received before d0 − ended before d0);
- "through": every day up to d1 (in progress at d1 = received up to d1 − ended up to d1);
- "open_past_due": ledger rows due (`due`: the exported due date, or QĐ 766's) before d1 and not
  ended by d1 (in progress, overdue at d1);
- "open_at_end": ledger rows received by d1 and not ended by d1 (in progress at d1; with a
  `where`, those waiting for the applicant).
Two on-time rates stand side by side, each labelled: the one of the exported due dates (what
Biểu II.06a counts), and QĐ 766's (INDEX_766.md 2.1), where the applicant's supplement time is
not counted against the office (the due date moves by it, and an application waiting for the
applicant is not overdue while it waits) and two or more supplement requests count as late.
Derived counts add and subtract base counts; every rate divides one named count by another.
`metrics.counts` turns the base counts into SQL, and the functions below turn the derived
counts and the rates into Polars expressions and `Ratio`s, so every page, file and chart reads
the same numbers made the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import polars as pl

Window = Literal["period", "before", "through", "open_past_due", "open_at_end"]
# The windows read from the overdue ledger rather than the daily facts.
LEDGER_WINDOWS: tuple[Window, ...] = ("open_past_due", "open_at_end")
# The channel code of online filings (GLOSSARY: 1 trực tiếp, 2 trực tuyến, 3 BCCI).
ONLINE_CHANNEL = 2


@dataclass(frozen=True)
class Count:
    """A base count: `sum(measure)` over the rows of its window that meet `where`."""

    name: str
    measure: str  # a column of `facts` (or an expression over its columns), summed
    window: Window
    where: str = ""  # an extra condition on the rows, SQL over the table's columns
    days: bool = False  # a sum of days (double), not a number of applications
    due: str = "due_day"  # the ledger's due date an "open_past_due" count is judged by


@dataclass(frozen=True)
class Derived:
    """A count made from others: the sum of `plus` minus the sum of `minus`."""

    name: str
    plus: tuple[str, ...]
    minus: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rate:
    """A rate: `numerator` / `denominator`, both named counts; none where the denominator is 0."""

    name: str
    numerator: str
    denominator: str


COUNTS: tuple[Count, ...] = (
    Count("received", "received", "period"),
    Count("received_online", "received", "period", where=f"channel = {ONLINE_CHANNEL}"),
    # QĐ 766 3.3: online and, where the procedure's result is a document, an electronic result.
    Count("received_online_766", "received_online_766", "period"),
    Count("carried_in", "received - ended", "before"),
    Count("resolved", "resolved", "period"),
    Count("resolved_early", "resolved_early", "period"),
    Count("resolved_on_time", "resolved_on_time", "period"),
    Count("resolved_late", "resolved_late", "period"),
    Count("closed", "closed", "period"),  # ended without a result (status 3, 7, 8)
    # Of closed, by kind: không được tiếp nhận (3), công dân rút hồ sơ (7), dừng xử lý (8).
    Count("closed_refused", "closed_refused", "period"),
    Count("closed_withdrawn", "closed_withdrawn", "period"),
    Count("closed_stopped", "closed_stopped", "period"),
    Count("in_progress", "received - ended", "through"),
    Count("overdue", "n", "open_past_due"),  # of in_progress, past the due date at d1
    # Of in_progress, waiting for the applicant at d1 (status 5, 6); of overdue, those waiting.
    Count("waiting", "n", "open_at_end", where="waiting"),
    Count("overdue_waiting", "n", "open_past_due", where="waiting"),
    # QĐ 766: resolved after the due date moved by the supplement time, or asked twice or more;
    # in progress past that due date at d1 and not waiting for the applicant.
    Count("resolved_late_766", "resolved_late_766", "period"),
    Count("overdue_766", "n", "open_past_due", where="not waiting", due="due_766_day"),
    Count("processing_days_sum", "processing_days_sum", "period", days=True),
    # The same in working days (weekends, Vietnamese public holidays out): legal_days' unit.
    Count("processing_workdays_sum", "processing_workdays_sum", "period", days=True),
    Count("received_fee", "received_fee", "period"),  # received, the procedure has a fee
    Count("paid_online", "paid_online", "period"),
    Count("digitized", "digitized", "period"),
    # QĐ 766 4.1-4.3: received where the result is a document, of those with an electronic
    # result; digitised at intake and with an electronic result; reusing digitised data.
    Count("received_result_doc", "received_result_doc", "period"),
    Count("e_result_doc", "e_result_doc", "period"),
    Count("digitized_e_result", "digitized_e_result", "period"),
    Count("reused_data", "reused_data", "period"),
)
DERIVED: tuple[Derived, ...] = (
    Derived("to_handle", ("received", "carried_in")),  # cần giải quyết
    Derived("received_offline", ("received",), ("received_online",)),  # in person or by post
    Derived("within_deadline", ("in_progress",), ("overdue",)),
    # Không quá hạn: resolved early or on time, or in progress within the deadline.
    Derived("on_time", ("to_handle",), ("resolved_late", "overdue")),
    Derived("late", ("resolved_late", "overdue")),  # what lowers the on-time rate
    # Overdue at d1 and not waiting for the applicant: the office's own delay.
    Derived("overdue_office", ("overdue",), ("overdue_waiting",)),
    Derived("on_time_766", ("to_handle",), ("resolved_late_766", "overdue_766")),
    Derived("late_766", ("resolved_late_766", "overdue_766")),
)
RATES: tuple[Rate, ...] = (
    Rate("resolution_rate", "resolved", "to_handle"),
    Rate("on_time_rate", "on_time", "to_handle"),  # by the exported due dates
    Rate("on_time_rate_766", "on_time_766", "to_handle"),  # QĐ 766 group 2 (INDEX_766 2.1)
    Rate("online_share", "received_online", "received"),  # the raw channel share
    Rate("online_share_766", "received_online_766", "received"),  # QĐ 766, strict
    Rate("online_payment_rate", "paid_online", "received_fee"),
    Rate("digitisation_rate", "digitized", "received"),
    Rate("e_result_rate_766", "e_result_doc", "received_result_doc"),  # QĐ 766 4.1
    Rate("digitized_e_result_rate_766", "digitized_e_result", "received"),  # QĐ 766 4.2
    Rate("reused_data_rate_766", "reused_data", "received"),  # QĐ 766 4.3
    Rate("average_days", "processing_days_sum", "resolved"),  # mean processing time, days
    Rate("average_workdays", "processing_workdays_sum", "resolved"),  # the same, working days
)

BASE_NAMES = tuple(count.name for count in COUNTS)
COUNT_NAMES = BASE_NAMES + tuple(derived.name for derived in DERIVED)
RATE_BY_NAME: dict[str, Rate] = {rate.name: rate for rate in RATES}


@dataclass(frozen=True)
class Ratio:
    """A rate shown with what it is made of, so a reader can check it (DATA_SPEC §4)."""

    numerator: float
    denominator: float

    @property
    def value(self) -> float | None:
        """The rate, or None when there is nothing to divide by."""
        return self.numerator / self.denominator if self.denominator else None


def derived_expression(derived: Derived) -> pl.Expr:
    """The Polars expression of a derived count over columns named like its parts."""
    total = pl.sum_horizontal(pl.col(name) for name in derived.plus)
    for name in derived.minus:
        total = total - pl.col(name)
    return total.alias(derived.name)


def with_counts(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every derived count whose parts it has (a derived count may use an
    earlier one: on_time uses to_handle)."""
    for derived in DERIVED:
        if derived.name not in frame.columns and set(derived.plus + derived.minus) <= set(
            frame.columns
        ):
            frame = frame.with_columns(derived_expression(derived))
    return frame


def ratio_expression(numerator: str, denominator: str) -> pl.Expr:
    """`numerator / denominator` of two columns, null where the denominator is 0."""
    return (
        pl.when(pl.col(denominator) > 0)
        .then(pl.col(numerator) / pl.col(denominator))
        .otherwise(None)
        .cast(pl.Float64)
    )


def with_rates(frame: pl.DataFrame) -> pl.DataFrame:
    """`frame` with every rate whose numerator and denominator it has."""
    return frame.with_columns(
        ratio_expression(rate.numerator, rate.denominator).alias(rate.name)
        for rate in RATES
        if {rate.numerator, rate.denominator} <= set(frame.columns)
    )


def ratio(counts: Mapping[str, float], name: str) -> Ratio:
    """The rate `name` over these counts, with its numerator and denominator."""
    rate = RATE_BY_NAME[name]
    return Ratio(counts[rate.numerator], counts[rate.denominator])
