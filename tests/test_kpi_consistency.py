"""One definition per KPI, checked from the outside: for many views every breakdown adds up to
the period KPIs, an oracle written straight against `applications` agrees with them, and a
unit's rates are the same number on every page and file that shows them.

A second formula for a count or a rate (a breakdown that drops rows, a page that divides by
itself) breaks one of these."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from metrics.access import Access
from metrics.bieu_06a import GRAND_TOTAL, form_rows
from metrics.breakdown import counts_by, field_activity
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import PeriodKpis, compare_periods, period_kpis
from metrics.measures import BASE_NAMES, COUNT_NAMES
from metrics.rankings import RANK_MEASURES, best_and_worst
from metrics.units_league import league_table, unit_filters
from present.cards import CARDS
from present.report import gather
from tests.oracle import direct_kpis
from tests.tiny_warehouse import PERIOD

# A period inside the sample's data, and one that straddles its first day (1 July 2025).
SAMPLE_PERIODS = ((date(2026, 2, 1), date(2026, 2, 28)), (date(2025, 6, 15), date(2025, 7, 15)))
SAMPLE_VIEWS: dict[str, dict] = {
    "no filter": {},
    "a level": {"levels": ("xa",)},
    "a field": {"fields": ("Hộ tịch",)},
    "a channel": {"channels": (2,)},
    "a unit kind": {"unit_kinds": ("xa",)},
    "two units": {"unit_codes": ("11311", "10510")},
    "an agency": {"agency_codes": ("31.STP",)},
    "a commune account": {"access": Access("commune", unit_codes=("11311",))},
    "an agency account": {"access": Access("agency", agency_codes=("31.STP",))},
}
TINY_VIEWS: dict[str, dict] = {
    "no filter": {},
    "a level": {"levels": ("tinh",)},
    "a field": {"fields": ("Chứng thực",)},
    "a channel": {"channels": (2,)},
    "a unit kind": {"unit_kinds": ("xa",)},
    "two units": {"unit_codes": ("00001", "31.STP")},
    "an agency": {"agency_codes": ("31.STP",)},
    "a commune account": {"access": Access("commune", unit_codes=("00001",))},
    "an agency account": {"access": Access("agency", agency_codes=("31.STP",))},
}
TINY_PERIODS = (
    PERIOD,
    (date(2025, 6, 25), date(2025, 7, 5)),
    (date(2025, 7, 12), date(2025, 7, 12)),
)


def _cases(warehouse: str, views: dict[str, dict], periods: tuple) -> list:
    return [
        pytest.param(warehouse, Filters(*period, **view), id=f"{warehouse}: {name}, {period[0]}")
        for name, view in views.items()
        for period in periods
    ]


CASES = _cases("sample", SAMPLE_VIEWS, SAMPLE_PERIODS) + _cases("tiny", TINY_VIEWS, TINY_PERIODS)


@pytest.fixture(scope="module")
def sample(sample_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with snapshot(sample_warehouse) as con:
        yield con


@pytest.fixture(scope="module")
def tiny_con(tiny: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with snapshot(tiny) as con:
        yield con


@pytest.fixture
def con(request: pytest.FixtureRequest, warehouse: str) -> duckdb.DuckDBPyConnection:
    """The connection a case names: the full sample or the tiny hand-made warehouse."""
    return request.getfixturevalue("sample" if warehouse == "sample" else "tiny_con")


def _period_kpis(con: duckdb.DuckDBPyConnection, filters: Filters) -> PeriodKpis:
    [kpis] = period_kpis(con, filters, [(filters.start, filters.end)])
    return kpis


@pytest.mark.parametrize(("warehouse", "filters"), CASES)
def test_every_breakdown_adds_up_to_the_period_kpis(
    con: duckdb.DuckDBPyConnection, filters: Filters
) -> None:
    """Units (communes and agencies), procedures and fields each sum to the period KPIs."""
    kpis = _period_kpis(con, filters)
    breakdowns = {
        "units": counts_by(con, filters, "unit_code"),
        "procedures": counts_by(con, filters, "procedure_code"),
        "fields": field_activity(con, filters),
    }
    for what, frame in breakdowns.items():
        for name in COUNT_NAMES:
            assert frame[name].sum() == pytest.approx(kpis.count(name)), (what, name)
    assert kpis.count("to_handle") > 0 or all(frame.is_empty() for frame in breakdowns.values())


@pytest.mark.parametrize(("warehouse", "filters"), CASES)
def test_an_oracle_over_applications_gives_the_period_kpis(
    con: duckdb.DuckDBPyConnection, filters: Filters
) -> None:
    kpis, direct = _period_kpis(con, filters), direct_kpis(con, filters)
    assert direct == {name: pytest.approx(kpis.count(name)) for name in BASE_NAMES}


def test_the_oracle_counts_by_hand_on_the_tiny_warehouse(
    tiny_con: duckdb.DuckDBPyConnection,
) -> None:
    """The oracle itself, against the tiny warehouse's table (tests/tiny_warehouse.py)."""
    direct = direct_kpis(tiny_con, Filters(*PERIOD))
    assert [direct[name] for name in ("received", "carried_in", "resolved", "closed")] == [
        7,
        3,
        5,
        1,
    ]
    assert [direct[name] for name in ("in_progress", "overdue", "resolved_late")] == [4, 2, 2]
    assert direct["processing_days_sum"] == pytest.approx(24.5)
    assert [direct[name] for name in ("waiting", "overdue_waiting")] == [2, 1]
    assert [direct[name] for name in ("resolved_late_766", "overdue_766")] == [2, 1]


def _rates_everywhere(
    con: duckdb.DuckDBPyConnection, filters: Filters, unit: str, league: pl.DataFrame
) -> dict[str, dict[str, float | None]]:
    """A unit's on-time rate and online share as each place that shows them computes them."""
    one_unit = unit_filters(filters, unit)
    data_start = date(2025, 7, 1)
    row = league.filter(pl.col("unit_code") == unit).row(0, named=True)
    cards = {card.kpi: card for card in CARDS}
    page = compare_periods(con, one_unit, data_start).current
    pdf_of_unit = gather(con, one_unit, data_start).comparison.current
    pdf_units = gather(con, filters, data_start).units.filter(pl.col("unit_code") == unit)
    total = form_rows(con, one_unit).filter(pl.col("row_kind") == GRAND_TOTAL).row(0, named=True)
    on_time = total["total"] - total["resolved_late"] - total["overdue"]
    received = total["received_online"] + total["received_offline"]
    return {
        "league table": {measure: row[measure] for measure in RANK_MEASURES},
        "unit page cards": {measure: cards[measure].value(page) for measure in RANK_MEASURES},
        "PDF of the unit": {m: cards[m].value(pdf_of_unit) for m in RANK_MEASURES},
        "PDF's units": {measure: pdf_units[measure][0] for measure in RANK_MEASURES},
        "Biểu II.06a": {
            "on_time_rate": on_time / total["total"],
            "online_share": total["received_online"] / received,
        },
    }


@pytest.mark.parametrize(
    "view",
    [{}, {"channels": (2,)}, {"levels": ("xa",)}],
    ids=["no filter", "a channel", "a level"],
)
def test_a_unit_s_rates_agree_on_every_page_and_file(
    sample: duckdb.DuckDBPyConnection, view: dict
) -> None:
    """For the best and the worst unit of each overview ranking: the ranking's bar, the
    league table, the unit page's cards, the PDF (its units and its report for the unit) and
    the unit's Biểu II.06a give one on-time rate and one online share."""
    filters = Filters(date(2026, 2, 1), date(2026, 2, 28), **view)
    league = league_table(con=sample, filters=filters)
    ranked: dict[str, dict[str, float]] = {}
    for measure in RANK_MEASURES:
        best, worst = best_and_worst(league, measure)
        for frame in (best.head(1), worst.head(1)):
            ranked.setdefault(frame["unit_code"][0], {})[measure] = frame[measure][0]
    assert len(ranked) >= 2
    for unit, shown_on_ranking in ranked.items():
        places = _rates_everywhere(sample, filters, unit, league)
        for place, rates in places.items():
            assert rates == pytest.approx(places["league table"]), (unit, place)
            for measure, rate in shown_on_ranking.items():
                assert rates[measure] == pytest.approx(rate), (unit, place, measure)


def test_the_league_counts_every_unit_the_breakdown_counts(
    sample: duckdb.DuckDBPyConnection,
) -> None:
    """The league's rows are the unit breakdown's commune-level rows, unit by unit."""
    filters = Filters(date(2026, 2, 1), date(2026, 2, 28))
    league = league_table(sample, filters).filter(pl.col("to_handle") > 0)
    units = counts_by(sample, filters, "unit_code")
    joined = league.join(units, on="unit_code", suffix="_breakdown")
    assert joined.height == league.height > 100
    for name in COUNT_NAMES:
        assert (joined[name] == joined[f"{name}_breakdown"]).all(), name
    agencies = replace(filters, unit_kinds=("so_nganh",))
    assert league_table(sample, agencies).is_empty()
