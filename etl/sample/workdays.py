"""Working-day calendar and the daily rhythm of filings.

Due dates count working days (Saturday, Sunday and public holidays off), and people file
far less on those days, so one calendar serves both: `Calendar.index_of` turns a date into a
working-day position, and `day_weights` gives each day's expected share of the volume.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

# Public holidays known for the sample's years (Bộ luật Lao động 2019 art. 112 and the
# government's yearly notices). Tết and Hùng Kings day move with the lunar calendar, so only
# the years listed here have them; other years get the fixed-date holidays below.
LUNAR_HOLIDAYS: frozenset[date] = frozenset(
    [date(2025, 1, 25) + timedelta(days=i) for i in range(9)]  # Tết Ất Tỵ, 25/1–2/2/2025
    + [date(2025, 4, 7)]  # Giỗ Tổ Hùng Vương 2025
    + [date(2026, 2, 14) + timedelta(days=i) for i in range(9)]  # Tết Bính Ngọ, 14–22/2/2026
    # Hùng Kings day 2026 falls on Sunday 26/4; the law moves the day off to Monday 27/4.
    + [date(2026, 4, 26), date(2026, 4, 27)]
)
# (month, day) off every year: New Year, Reunification Day, Labour Day, National Day (two
# days since 2025: 1 and 2 September).
FIXED_HOLIDAYS: tuple[tuple[int, int], ...] = ((1, 1), (4, 30), (5, 1), (9, 1), (9, 2))

# Filings per weekday relative to an ordinary Tuesday: Monday catches the weekend's backlog,
# most one-stop offices open Saturday morning only, Sunday sees online filings only.
WEEKDAY_FACTORS: tuple[float, ...] = (1.06, 1.0, 1.0, 0.98, 0.94, 0.45, 0.07)
# A public holiday keeps only a trickle of online filings.
HOLIDAY_FACTOR = 0.03
# Month-of-year rhythm: year-end and the weeks before Tết are busy (documents for travel,
# business renewals), the month after Tết is slow to restart.
MONTH_FACTORS: dict[int, float] = {
    1: 1.12,
    2: 0.92,
    3: 1.02,
    4: 0.97,
    5: 0.98,
    6: 1.0,
    7: 1.0,
    8: 1.0,
    9: 0.97,
    10: 1.0,
    11: 1.03,
    12: 1.08,
}
# Day-to-day noise (± this share) so daily counts do not look machine-made.
DAY_NOISE = 0.06
# Working days kept after the span's end: late and stuck applications finish up to about
# five months after they were filed.
TAIL_DAYS = 220


def is_holiday(day: date) -> bool:
    return day in LUNAR_HOLIDAYS or (day.month, day.day) in FIXED_HOLIDAYS


def is_workday(day: date) -> bool:
    return day.weekday() < 5 and not is_holiday(day)


@dataclass(frozen=True)
class Calendar:
    """Every day from `first` to `last`, with working-day positions.

    `frame` has one row per day: `day`, `workday` (bool), `wd_index` = position of the last
    working day on or before `day` in `workdays`. The n-th working day after `day` is then
    `workdays[wd_index + n]`, and `workdays[wd_index]` is `day` itself when it is a working day.
    """

    first: date
    frame: pl.DataFrame
    workdays: pl.Series

    @classmethod
    def build(cls, start: date, end: date) -> Calendar:
        # Open on a working day at least a week early, so every day of the span has a working
        # day on or before it.
        first = start - timedelta(days=7)
        while not is_workday(first):
            first -= timedelta(days=1)
        days = [first + timedelta(days=i) for i in range((end - first).days + TAIL_DAYS * 2)]
        flags = [is_workday(d) for d in days]
        frame = pl.DataFrame({"day": days, "workday": flags}).with_columns(
            wd_index=(pl.col("workday").cast(pl.Int32).cum_sum() - 1)
        )
        workdays = frame.filter(pl.col("workday"))["day"]
        return cls(first, frame, workdays)

    def index_of_date(self, day: date) -> int:
        """Position of the last working day on or before `day` (a Python date)."""
        return int(self.frame["wd_index"][(day - self.first).days])

    def day_offset(self, day: pl.Expr) -> pl.Expr:
        """Row position of `day` in `frame` (days since `first`)."""
        return (day - pl.lit(self.first)).dt.total_days()

    def index_of(self, day: pl.Expr) -> pl.Expr:
        """Position of the last working day on or before `day`."""
        return pl.lit(self.frame["wd_index"]).gather(self.day_offset(day))

    def workday_at(self, index: pl.Expr) -> pl.Expr:
        """The working day at a position."""
        return pl.lit(self.workdays).gather(index)


def day_weights(start: date, end: date, seed: int) -> pl.DataFrame:
    """Expected relative volume of each day of [start, end]: weekday × month × holiday × noise.

    The noise depends on the date and the seed only, so narrowing the span keeps each day's
    weight (and the calibration window's total) unchanged.
    """
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    weights = []
    for day in days:
        weight = WEEKDAY_FACTORS[day.weekday()] * MONTH_FACTORS[day.month]
        if is_holiday(day):
            weight = HOLIDAY_FACTOR
        noise = random.Random(f"{seed}:{day.isoformat()}").uniform(-DAY_NOISE, DAY_NOISE)
        weights.append(weight * (1 + noise))
    return pl.DataFrame({"day": days, "weight": weights})
