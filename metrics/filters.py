"""The filter set every page shares, and the comparison periods derived from it.

A `Filters` is plain data: pages build it from the filter bar, `metrics/` turns it into SQL in
exactly one place (`metrics.scope`). An empty tuple means "no restriction" on that dimension.
It is frozen and its tuples are sorted, so two equal views give equal (hashable) cache keys.
"""

from __future__ import annotations

import calendar
import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta

from metrics.access import CITY, Access


@dataclass(frozen=True)
class Filters:
    """A period [start, end] (whole days, local time) and optional restrictions."""

    start: date
    end: date
    levels: tuple[str, ...] = ()  # procedures.level: tinh | xa
    unit_kinds: tuple[str, ...] = ()  # units.kind: phuong | xa | dac_khu | so_nganh
    unit_codes: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()  # procedures.field (lĩnh vực)
    agency_codes: tuple[str, ...] = ()  # procedures.agency_code (sở, ngành)
    channels: tuple[int, ...] = ()  # 1 trực tiếp, 2 trực tuyến, 3 BCCI
    province_codes: tuple[int, ...] = ()
    # What the signed-in person may see; `metrics.scope` ANDs it into every query.
    access: Access = CITY

    def __post_init__(self) -> None:
        if self.start > self.end:
            raise ValueError(f"period starts after it ends: {self.start} > {self.end}")
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, list | tuple | set | frozenset):
                object.__setattr__(self, field.name, tuple(sorted(set(value))))

    @property
    def days(self) -> int:
        """Length of the period in days, both ends included."""
        return (self.end - self.start).days + 1

    def with_period(self, start: date, end: date) -> Filters:
        """The same restrictions over another period."""
        return dataclasses.replace(self, start=start, end=end)

    def previous_period(self) -> Filters:
        """The period before this one (DATA_SPEC §4): the previous calendar month, quarter or
        year when this is a whole one (June against May, not against the 30 days before it;
        a quarter against the quarter before), else the period of equal length that ends the
        day before this one starts."""
        end = self.start - timedelta(days=1)
        months = _calendar_months(self.start, self.end)
        if months:
            first = _months_before(self.start, months)
            return self.with_period(first, end)
        return self.with_period(end - timedelta(days=self.days - 1), end)

    def year_earlier(self) -> Filters:
        """The same calendar dates one year earlier (29 February falls back to the 28th)."""
        return self.with_period(_minus_year(self.start), _minus_year(self.end))

    def is_restricted(self) -> bool:
        """True when any dimension besides the period is restricted by choice (an account's
        access is not a choice; `ui.auth.restrict` names its unit or agency in the filters)."""
        return any(
            getattr(self, field.name)
            for field in dataclasses.fields(self)
            if field.name not in ("start", "end", "access")
        )


def _calendar_months(start: date, end: date) -> int:
    """12, 3 or 1 when [start, end] is a whole calendar year, quarter or month, else 0."""
    if start.day != 1 or end.day != calendar.monthrange(end.year, end.month)[1]:
        return 0
    span = (end.year - start.year) * 12 + end.month - start.month + 1
    if span == 12 and start.month == 1:
        return 12
    if span == 3 and start.month % 3 == 1:
        return 3
    return 1 if span == 1 else 0


def _months_before(day: date, months: int) -> date:
    """The first day of the month `months` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
