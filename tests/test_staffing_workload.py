"""Workload per official, requests and candidates, and the what-ifs, against values worked out
by hand from tests/tiny_warehouse.py (its table and STAFFING rows), period 10/7–20/7/2025.

By hand, per unit × field (to handle = received + carried in; in progress and overdue at 20/7):
00001 Hộ tịch: A2, A9 → 2 to handle, 0 in progress, 1 official (the 15/7 count) → 2.0
00001 Chứng thực: A3, A11 → 2, in progress 2, overdue 1 (A3), 1 official → 2.0, 2.0, 1.0
00002 Hộ tịch: A4, A12 → 2, 1 official → 2.0
00002 Chứng thực: A5, A6 → 2, in progress 1 (A6), 2 officials → 1.0, 0.5, 0.0
31.STP Đất đai: A7 → 1, in progress 1, overdue 1, 5 officials → 0.2 each
Per unit (every application of the unit): 00001 5 (A8 of Đất đai too) / 2 = 2.5,
00002 4 / 3, 31.STP 1 / 5; median 4/3; far above 1.5 × 4/3 = 2.0: 00001 only.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from metrics.access import Access
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from metrics.workload import (
    apply_assignment,
    move_officials,
    requests_by_field,
    requests_by_unit,
    spread,
    staffing_date,
    suggest_assignment,
    unit_field_workload,
    unit_history,
    unit_totals,
    unit_trend,
    unit_workload,
    workload_total,
)
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = build_tiny_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")
    with snapshot(Path(path)) as cursor:
        yield cursor


VIEW = Filters(*PERIOD)


def _by(frame: pl.DataFrame, *columns: str) -> dict:
    keys = [c for c in ("unit_code", "field") if c in frame.columns]
    return {tuple(r[k] for k in keys): tuple(r[c] for c in columns) for r in frame.to_dicts()}


def test_the_latest_count_on_or_before_the_period_end_is_used(con) -> None:
    assert str(staffing_date(con, VIEW)) == "2025-07-15"
    early = Filters(PERIOD[0], PERIOD[0].replace(day=12))
    assert str(staffing_date(con, early)) == "2025-07-01"


def test_workload_per_official_per_unit_and_field(con) -> None:
    frame = unit_field_workload(con, VIEW)
    assert _by(frame, "officials", "to_handle", "in_progress", "overdue") == {
        ("00001", "Chứng thực"): (1, 2, 2, 1),
        ("00001", "Hộ tịch"): (1, 2, 0, 0),
        ("00002", "Chứng thực"): (2, 2, 1, 0),
        ("00002", "Hộ tịch"): (1, 2, 0, 0),
        ("31.STP", "Đất đai"): (5, 1, 1, 1),
    }
    per = _by(frame, "to_handle_per_official", "in_progress_per_official", "overdue_per_official")
    assert per[("00001", "Chứng thực")] == (2.0, 2.0, 1.0)
    assert per[("00002", "Chứng thực")] == (1.0, 0.5, 0.0)
    assert per[("31.STP", "Đất đai")] == pytest.approx((0.2, 0.2, 0.2))


def test_units_ranked_with_the_median_and_the_ones_far_above(con) -> None:
    frame = unit_workload(con, VIEW)
    assert frame.get_column("unit_code").to_list() == ["00001", "00002", "31.STP"]
    assert frame.get_column("to_handle_per_official").to_list() == pytest.approx([2.5, 4 / 3, 0.2])
    assert frame.get_column("median").to_list() == pytest.approx([4 / 3] * 3)
    assert frame.get_column("far_above").to_list() == [True, False, False]
    assert frame.get_column("rank").to_list() == [1, 2, 3]


def test_the_ranking_total_is_the_city_s_figure_divided_anew(con) -> None:
    """Every tiny unit is staffed, so the total is the city's: 5 + 4 + 1 = 10 to handle for
    2 + 3 + 5 = 10 officials → 1.0 per official, not the mean of the units' 2.5, 4/3 and 0.2."""
    total = workload_total(unit_workload(con, VIEW))
    city = period_kpis(con, VIEW, [PERIOD])[0]
    assert (total["to_handle"], total["in_progress"], total["overdue"]) == (
        city.count("to_handle"),
        city.count("in_progress"),
        city.count("overdue"),
    )
    assert (total["officials"], total["to_handle"]) == (10, 10)
    assert total["to_handle_per_official"] == 1.0
    assert (total["transfer_requests"], total["candidates"]) == (9, 3)


def test_requests_and_candidates_by_field_and_by_unit(con) -> None:
    fields = requests_by_field(con, VIEW)
    assert _by(fields, "transfer_requests", "candidates", "uncovered") == {
        ("Chứng thực",): (6, 2, 4),
        ("Hộ tịch",): (3, 1, 2),
        ("Đất đai",): (0, 0, 0),
    }
    units = requests_by_unit(con, VIEW)
    assert _by(units, "transfer_requests", "candidates", "coverage") == {
        ("00001",): (5, 1, 0.2),
        ("00002",): (4, 2, 0.5),
        ("31.STP",): (0, 0, None),
    }


def test_a_commune_account_sees_its_own_unit_only(con) -> None:
    own = Filters(*PERIOD, access=Access("commune", unit_codes=("00002",)))
    assert unit_workload(con, own).get_column("unit_code").to_list() == ["00002"]
    assert requests_by_field(con, own).get_column("transfer_requests").sum() == 4
    assert set(unit_field_workload(con, own).get_column("unit_code")) == {"00002"}


def test_a_field_filter_narrows_work_and_staff_alike(con) -> None:
    frame = unit_workload(con, Filters(*PERIOD, fields=("Chứng thực",)))
    assert _by(frame, "officials", "to_handle") == {("00001",): (1, 2), ("00002",): (2, 2)}


def test_moving_officials_changes_both_units_as_by_hand(con) -> None:
    before = unit_field_workload(con, VIEW)
    after = move_officials(before, "Chứng thực", "00002", "00001", 1)
    per = _by(after, "officials", "to_handle_per_official")
    assert per[("00001", "Chứng thực")] == (2, 1.0)
    assert per[("00002", "Chứng thực")] == (1, 2.0)
    units = _by(unit_totals(after), "officials", "to_handle_per_official")
    assert units[("00001",)] == (3, pytest.approx(4 / 3))  # 4 staffed-field applications / 3
    assert units[("00002",)] == (2, 2.0)
    assert spread(unit_totals(after)).highest == 2.0
    # More than the source has: only what it has moves; the target gains a new field row.
    drained = move_officials(before, "Đất đai", "31.STP", "00002", 9)
    assert _by(drained, "officials")[("31.STP", "Đất đai")] == (0,)
    assert _by(drained, "officials")[("00002", "Đất đai")] == (5,)


def test_suggested_assignment_by_hand(con) -> None:
    """Hộ tịch: 1 candidate, only 00001 asked → 00001. Chứng thực: 2 candidates; 00001 has
    2.0 per official, 00002 1.0 → the first to 00001 (then 2/2 = 1.0); the second is a tie at
    1.0, broken by more open requests (00002: 4, 00001: 1) → 00002."""
    frame = unit_field_workload(con, VIEW)
    suggestion = suggest_assignment(frame)
    assert _by(suggestion, "assigned") == {
        ("00001", "Chứng thực"): (1,),
        ("00001", "Hộ tịch"): (1,),
        ("00002", "Chứng thực"): (1,),
    }
    applied = _by(apply_assignment(frame, suggestion), "officials")
    assert applied[("00001", "Hộ tịch")] == (2,)
    assert applied[("00002", "Hộ tịch")] == (1,)  # it did not ask


def test_the_suggestion_never_exceeds_candidates_or_requests() -> None:
    frame = pl.DataFrame(
        {
            "unit_code": ["A", "B", "C"],
            "name": ["A", "B", "C"],
            "field": ["Y tế"] * 3,
            "officials": [1, 0, 2],
            "transfer_requests": [1, 0, 5],
            "candidates": [4, 0, 1],  # five candidates for the field, six requests
            "to_handle": [100, 900, 10],
        }
    )
    suggestion = suggest_assignment(frame)
    assigned = _by(suggestion, "assigned")
    assert ("B",) not in {k[:1] for k in assigned}  # B asked for nobody, however busy
    assert assigned[("A", "Y tế")] == (1,)  # never more than it asked for
    assert suggestion.get_column("assigned").sum() == 5  # every candidate, no more
    assert suggestion.get_column("after_per_official").to_list() == [50.0, 10 / 6]


def test_a_unit_s_staffing_over_time(con) -> None:
    rows = unit_history(con, VIEW, "00001").rows()
    assert [(str(r[0]), *r[1:]) for r in rows] == [
        ("2025-07-01", 4, 4, 0, 0),
        ("2025-07-15", 2, 3, 5, 1),
    ]
    own = Filters(*PERIOD, access=Access("commune", unit_codes=("00002",)))
    assert unit_history(con, own, "00001").is_empty()  # another commune's history stays hidden


def test_a_unit_s_workload_month_by_month(con) -> None:
    """00001 from 20/6 to 21/7: June has nothing to handle and takes the earliest count (1/7: 4
    officials, none earlier); July (1/7–21/7) has A1, A2, A3, A8, A9, A11 = 6 to handle, 2 in
    progress at 21/7 (A3, A11), 1 overdue (A3), for the 15/7 count's 2 officials → 3.0."""
    trend = unit_trend(con, Filters(date(2025, 6, 20), date(2025, 7, 21)), "00001")
    rows = trend.select(
        "first_day", "last_day", "officials", "to_handle", "in_progress", "overdue",
        "to_handle_per_official",
    ).rows()  # fmt: skip
    assert rows == [
        (date(2025, 6, 20), date(2025, 6, 30), 4, 0, 0, 0, 0.0),
        (date(2025, 7, 1), date(2025, 7, 21), 2, 6, 2, 1, 3.0),
    ]
    # One month inside the period: the same figures as the unit's row of the ranking.
    ranking = _by(unit_workload(con, VIEW), "to_handle", "officials")[("00001",)]
    assert unit_trend(con, VIEW, "00001").select("to_handle", "officials").row(0) == ranking
    own = Filters(*PERIOD, access=Access("commune", unit_codes=("00002",)))
    hidden = unit_trend(con, own, "00001")
    assert hidden.select("to_handle", "officials").row(0) == (0, None)  # not another commune's
