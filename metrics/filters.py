"""The filter set every page shares, and the comparison periods derived from it.

A `Filters` is plain data: pages build it from the filter bar, `metrics/` turns it into SQL in
exactly one place (`metrics.scope`). An empty tuple means "no restriction" on that dimension.
It is frozen and its tuples are sorted, so two equal views give equal (hashable) cache keys.
"""

from __future__ import annotations

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
        """The period of equal length that ends the day before this one starts (DATA_SPEC §4)."""
        end = self.start - timedelta(days=1)
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


def _minus_year(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
