"""Trend, channel mix, units, fields, freshness and data quality on the tiny warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from metrics import activity, breakdown, freshness, options, quality, rankings, units_league
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = build_tiny_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")
    with snapshot(Path(path)) as cursor:
        yield cursor


def test_trend_by_week_clips_buckets_to_the_period(con: duckdb.DuckDBPyConnection) -> None:
    frame = activity.trend(con, Filters(*PERIOD), "week")
    # 10/07/2025 is a Thursday: the first bucket is the week of Monday 07/07, cut at 10/07.
    assert frame["bucket"].to_list() == [date(2025, 7, 7), date(2025, 7, 14)]
    assert frame["first_day"].to_list() == [date(2025, 7, 10), date(2025, 7, 14)]
    assert frame["received"].to_list() == [2, 5]  # A4 A5 | A6 A7 A8 A9 A11
    assert frame["received_online"].to_list() == [2, 2]
    assert frame["resolved"].to_list() == [3, 2]  # A2 A4 A12 | A5 A9
    daily = activity.trend(con, Filters(*PERIOD), "day")
    assert daily["received"].sum() == 7 and daily["resolved"].sum() == 5


def test_default_grain_follows_the_period_length() -> None:
    assert activity.default_grain(31) == "day"
    assert activity.default_grain(92) == "week"
    assert activity.default_grain(365) == "month"


def test_channel_mix(con: duckdb.DuckDBPyConnection) -> None:
    frame = activity.channel_mix(con, Filters(*PERIOD))
    assert frame.rows() == [(1, 2), (2, 4), (3, 1)]


def test_league_lists_commune_units_only(con: duckdb.DuckDBPyConnection) -> None:
    frame = units_league.league_table(con, Filters(*PERIOD))
    rows = {row["unit_code"]: row for row in frame.iter_rows(named=True)}
    assert set(rows) == {"00001", "00002"}  # the agency 31.STP is not a ward or commune
    phuong, xa = rows["00001"], rows["00002"]
    assert (phuong["received"], phuong["received_online"], phuong["to_handle"]) == (3, 2, 5)
    assert (phuong["resolved_late"], phuong["overdue"], phuong["on_time"]) == (0, 1, 4)
    assert (xa["received"], xa["to_handle"], xa["resolved_late"], xa["overdue"]) == (3, 4, 2, 0)
    assert xa["on_time_rate"] == pytest.approx(0.5)
    assert xa["online_share"] == pytest.approx(2 / 3)


def test_best_and_worst_never_overlap_and_skip_small_units() -> None:
    units = pl.DataFrame(
        {
            "name": [f"U{i:02d}" for i in range(25)],
            "unit_code": [f"{i:05d}" for i in range(25)],
            "on_time_rate": [i / 25 for i in range(25)],
            "to_handle": [100] * 24 + [rankings.MIN_DENOMINATOR - 1],
        }
    )
    best, worst = rankings.best_and_worst(units, "on_time_rate")
    assert best["name"].to_list() == [f"U{i:02d}" for i in range(23, 13, -1)]
    assert worst["name"].to_list() == [f"U{i:02d}" for i in range(10)]
    few_best, few_worst = rankings.best_and_worst(units.head(12), "on_time_rate")
    assert few_best.height == 10 and few_worst["name"].to_list() == ["U00", "U01"]


def test_field_activity(con: duckdb.DuckDBPyConnection) -> None:
    frame = breakdown.field_activity(con, Filters(*PERIOD))
    got = {row[0]: row[1:] for row in frame.select("field", "received", "late", "overdue").rows()}
    assert got == {"Chứng thực": (3, 2, 1), "Hộ tịch": (2, 1, 0), "Đất đai": (2, 1, 1)}


def test_a_field_that_resolved_but_received_nothing_is_kept(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """On 12/07 Hộ tịch received nothing, resolved A2 on time and still had A4 in time: it has
    something to handle, so it is a row, and the fields add up to the day's KPIs."""
    day = Filters(date(2025, 7, 12), date(2025, 7, 12))
    frame = breakdown.field_activity(con, day)
    got = {row[0]: row[1:] for row in frame.select("field", "received", "resolved", "late").rows()}
    assert got == {"Chứng thực": (1, 0, 1), "Hộ tịch": (0, 1, 0)}
    [kpis] = period_kpis(con, day, [(day.start, day.end)])
    for name in ("received", "resolved", "carried_in", "in_progress", "overdue"):
        assert frame[name].sum() == kpis.count(name), name


def test_freshness(con: duckdb.DuckDBPyConnection) -> None:
    fresh = freshness.freshness(con)
    assert (fresh.data_start, fresh.data_end) == (date(2025, 7, 1), date(2025, 7, 21))
    assert fresh.loaded_at == datetime(2025, 7, 22, 6, 30)
    assert (fresh.applications, fresh.rejected) == (12, 2)


def test_filter_options_and_quality(con: duckdb.DuckDBPyConnection) -> None:
    offered = options.filter_options(con)
    assert [unit.code for unit in offered.units] == ["00001", "00002"]
    # Vietnamese order (ICU): đ comes right after d, before h; not after z as in code points.
    assert offered.fields == ("Chứng thực", "Đất đai", "Hộ tịch")
    assert offered.agencies == (("31.STP", "Sở Tư pháp"),)
    assert quality.rejections_by_reason(con).rows() == [("bad_date", 1, 1), ("unknown_unit", 1, 1)]
    assert quality.rejected_rows(con, 1)["row_number"].to_list() == [5]
    assert quality.load_history(con)["rows_read"].to_list() == [14]
