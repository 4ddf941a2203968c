"""The sample reproduces the city's published figures (DATA_SPEC §5), through metrics/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import PeriodKpis, period_kpis

PUBLISHED = Filters(start=date(2025, 7, 1), end=date(2025, 8, 20))


@pytest.fixture(scope="module")
def published_period(sample_warehouse: Path) -> PeriodKpis:
    with snapshot(sample_warehouse) as con:
        (kpis,) = period_kpis(con, PUBLISHED, [(PUBLISHED.start, PUBLISHED.end)])
    return kpis


def test_received_between_246900_and_246999(published_period: PeriodKpis) -> None:
    assert 246_900 <= published_period.count("received") <= 246_999


def test_nothing_carried_in_on_the_first_day_of_the_new_units(published_period: PeriodKpis) -> None:
    assert published_period.count("carried_in") == 0


def test_online_share_is_58_5_percent(published_period: PeriodKpis) -> None:
    assert published_period.rate("online_share").value == pytest.approx(0.585, abs=0.001)


def test_resolution_rate_is_94_7_percent(published_period: PeriodKpis) -> None:
    assert published_period.rate("resolution_rate").value == pytest.approx(0.947, abs=0.001)
    assert published_period.count("resolved") == pytest.approx(233_800, abs=300)


def test_some_late_and_overdue_applications_exist(published_period: PeriodKpis) -> None:
    assert published_period.count("resolved_late") > 0
    assert published_period.count("overdue") > 0
