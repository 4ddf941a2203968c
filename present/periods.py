"""Period presets of the filter bar, relative to the latest day with data.

"This month" means the month of the newest received application, not of the wall clock:
a warehouse loaded last week, or the bundled sample, still opens on a period with data.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

Preset = Literal[
    "this_month", "last_month", "this_quarter", "year_to_date", "since_reform", "custom"
]
PRESETS: tuple[Preset, ...] = (
    "this_month",
    "last_month",
    "this_quarter",
    "year_to_date",
    "since_reform",
    "custom",
)
DEFAULT_PRESET: Preset = "this_month"
# 1 July 2025: the two-level local government (province, commune) started work.
REFORM_DAY = date(2025, 7, 1)


def preset_range(preset: Preset, data_end: date) -> tuple[date, date]:
    """The [start, end] a preset stands for, given the latest day with data."""
    if preset == "this_month":
        return data_end.replace(day=1), data_end
    if preset == "last_month":
        last = data_end.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if preset == "this_quarter":
        first_month = 3 * ((data_end.month - 1) // 3) + 1
        return data_end.replace(month=first_month, day=1), data_end
    if preset == "year_to_date":
        return data_end.replace(month=1, day=1), data_end
    if preset == "since_reform":
        return min(REFORM_DAY, data_end), data_end
    raise ValueError(f"no fixed range for preset {preset}")
