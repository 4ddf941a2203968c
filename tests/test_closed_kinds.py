"""Closed without a result by kind, and a unit's late resolutions (metrics.closed), by hand on
a variant of the tiny warehouse and on the sample: the kinds add up to the closed card, the
late list to the "resolved late" count.

The variant (tests/tiny_warehouse.py, P = 10/07–20/07/2025, summaries refreshed by the real
ETL): A8 stays không được tiếp nhận (3, Phường An Biên, Đất đai, 18/07); A6 (Xã Bình Hà,
Chứng thực) is withdrawn on 17/07 (7); A3 (Phường An Biên, Chứng thực) is stopped on 19/07 (8).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.summaries import refresh
from metrics.closed import KINDS, closed_by_kind, late_resolutions
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from metrics.units_league import AGENCY_KINDS, league_table
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse

PUBLISHED = Filters(date(2025, 7, 1), date(2025, 8, 20))


@pytest.fixture(scope="module")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = build_tiny_warehouse(tmp_path_factory.mktemp("closed") / "warehouse.duckdb")
    with duckdb.connect(str(db)) as con:
        for app_id, status, day in (("A6", 7, 17), ("A3", 8, 19)):
            con.execute(
                "update applications set status = ?, finished_at = make_timestamp(2025, 7, ?, 8, 0, 0),"
                " ended_on = make_date(2025, 7, ?) where application_id = ?",
                [status, day, day, app_id],
            )
        refresh(con)
    return db


def test_closed_by_unit_and_by_field_by_hand(variant: Path) -> None:
    with snapshot(variant) as con:
        units = closed_by_kind(con, Filters(*PERIOD), "unit_code")
        fields = closed_by_kind(con, Filters(*PERIOD), "field")
        [kpis] = period_kpis(con, Filters(*PERIOD), [PERIOD])
    assert units.select("unit_code", "closed", *KINDS).rows() == [
        ("00001", 2, 1, 0, 1),  # A8 refused, A3 stopped
        ("00002", 1, 0, 1, 0),  # A6 withdrawn
        (None, 3, 1, 1, 1),  # the total row
    ]
    assert units["name"].to_list()[:2] == ["Phường An Biên", "Xã Bình Hà"]
    assert fields.select("field", "closed", *KINDS).rows() == [
        ("Chứng thực", 2, 0, 1, 1),
        ("Đất đai", 1, 1, 0, 0),
        (None, 3, 1, 1, 1),
    ]
    assert kpis.count("closed") == 3  # the closed card


def test_a_units_late_resolutions_by_hand(tiny: Path) -> None:
    """Xã Bình Hà resolved A12 (due 03/07, finished 11/07) and A5 (due 14/07, finished 18/07)
    late in P; Phường An Biên none (A2 and A9 on the due day)."""
    with snapshot(tiny) as con:
        late = late_resolutions(con, Filters(*PERIOD), "00002")
        none = late_resolutions(con, Filters(*PERIOD), "00001")
    assert late.select("application_id", "days_late").rows() == [("A12", 8), ("A5", 4)]
    assert late["procedure_name"].to_list() == ["Đăng ký khai sinh", "Chứng thực bản sao"]
    assert none.is_empty()


def test_the_sample_kinds_add_up_to_the_closed_card(sample_warehouse: Path) -> None:
    with snapshot(sample_warehouse) as con:
        units = closed_by_kind(con, PUBLISHED, "unit_code")
        fields = closed_by_kind(con, PUBLISHED, "field")
        [kpis] = period_kpis(con, PUBLISHED, [(PUBLISHED.start, PUBLISHED.end)])
    closed = kpis.count("closed")
    assert closed > 0
    for table in (units, fields):
        total = table.filter(pl.col("closed").is_not_null() & table[table.columns[0]].is_null())
        assert total["closed"].to_list() == [closed]
        assert sum(total[kind][0] for kind in KINDS) == closed
        body = table.filter(table[table.columns[0]].is_not_null())
        assert body["closed"].sum() == closed
        assert (body.select(pl.sum_horizontal(KINDS)).to_series() == body["closed"]).all()
    assert {"so_nganh", "phuong", "xa"} <= set(units["kind"].drop_nulls())  # agencies too


def test_the_sample_late_list_is_the_resolved_late_count(sample_warehouse: Path) -> None:
    with snapshot(sample_warehouse) as con:
        agencies = league_table(con, PUBLISHED, AGENCY_KINDS)
        busiest = agencies.sort("resolved_late", descending=True).row(0, named=True)
        late = late_resolutions(con, PUBLISHED, busiest["unit_code"])
    assert late.height == busiest["resolved_late"] > 0
    assert (late["days_late"] > 0).all()
