"""A small sample warehouse (two months, ~9 000 applications) for tests that start the real
app or print the real report: built by the real ETL in about two seconds."""

from __future__ import annotations

from datetime import date
from pathlib import Path

# Two whole months, so that August ("this month" by default) has July to compare with.
START, END = date(2025, 7, 1), date(2025, 8, 31)
# 3% of the city's volume: every unit and field still has applications.
SCALE = 0.03


def build_small_warehouse(target: Path) -> Path:
    from etl.build import build_warehouse

    return build_warehouse(target, start=START, end=END, scale=SCALE)
