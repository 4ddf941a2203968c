"""Chốt số liệu on the tiny warehouse (tests/tiny_warehouse.py, P = 10/07–20/07/2025): a lock
keeps the period's figures, a later load that changes them leaves the lock's as they were, and
the view shows both with the load and the applications that caused the difference.

The changed export (hand-made, real ETL): A5 (Xã Bình Hà, resolved late on 18/07 against a due
date of 14/07) comes again with its due date moved to 19/07 and returned on 21/07 (a later
state), so it is resolved early; A13 is a new application received on 15/07 at Phường An Biên,
resolved on time; A10, received on 21/07 after P, comes again changed and is not a cause.
By hand: locked received 7, resolved 5, late 2 (A5, A12); now received 8, resolved 6, late 1.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.dates import local_now
from etl.load import load_files
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.locks import WHOLE, all_locks, lock_period, lock_scope, locked_form, locked_view
from tests.exports import VI_LABELS, application, table, write_csv
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse

LABELS = VI_LABELS | {"returned_at": "Ngày trả kết quả"}


def changed_export(directory: Path) -> Path:
    common = {"procedure_code": "1.000001", "owner": "", "id_number": "", "phone": ""}
    rows = [
        application(
            "A5",
            **common | {"procedure_code": "2.000002"},
            unit="Xã Bình Hà",
            received_at="12/07/2025 08:00",
            due_at="19/07/2025 08:00",
            finished_at="18/07/2025 08:00",
            returned_at="21/07/2025 08:00",
            status="10",
            channel="2",
        ),
        application(
            "A13",
            **common,
            unit="Phường An Biên",
            received_at="15/07/2025 08:00",
            due_at="16/07/2025 08:00",
            finished_at="16/07/2025 08:00",
            returned_at="16/07/2025 09:00",
            status="10",
            channel="1",
        ),
        application(
            "A10",
            **common,
            unit="Xã Bình Hà",
            received_at="21/07/2025 08:00",
            due_at="22/07/2025 08:00",
            finished_at="22/07/2025 08:00",
            returned_at="22/07/2025 09:00",
            status="10",
            channel="2",
        ),
    ]
    return write_csv(directory / "ho-so-bo-sung.csv", table(rows, LABELS))


@pytest.fixture
def locked(tmp_path: Path) -> Path:
    db = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    lock_period(*PERIOD, by="Nguyễn Thị Thống Kê", note="Báo cáo tháng 7 đã gửi", db_path=db)
    return db


def test_the_lock_records_who_and_when_in_local_time(locked: Path) -> None:
    with snapshot(locked) as con:
        [lock] = all_locks(con)
    assert (lock.start, lock.end) == PERIOD
    assert lock.locked_by == "Nguyễn Thị Thống Kê"
    assert lock.note == "Báo cáo tháng 7 đã gửi"
    assert lock.last_load_id == 1
    # Local time (Asia/Ho_Chi_Minh), naive like every stored time: minutes from now, not 7 hours.
    assert lock.locked_at.tzinfo is None
    assert abs(local_now() - lock.locked_at) < timedelta(minutes=5)


def test_the_lock_keeps_the_city_and_every_unit(locked: Path) -> None:
    with snapshot(locked) as con:
        [lock] = all_locks(con)
        units = {row[0] for row in con.sql("select distinct unit_code from lock_counts").fetchall()}
        city = locked_form(con, lock, WHOLE)
        agency = locked_form(con, lock, "31.STP")
    assert units == {WHOLE, "00001", "00002", "31.STP"}
    total = city.filter(pl.col("row_kind") == "total").row(0, named=True)
    assert (total["total"], total["resolved"], total["resolved_late"], total["overdue"]) == (
        10,
        6,
        2,
        2,
    )  # fmt: skip  (resolved 5 + closed 1 by the form's convention)
    assert agency.filter(pl.col("row_kind") == "total")["total"].to_list() == [1]  # A7


def test_a_later_load_changes_the_current_figures_not_the_locked_ones(
    locked: Path, tmp_path: Path
) -> None:
    [result] = load_files([changed_export(tmp_path)], locked)
    assert result.error is None and result.rows_loaded == 3
    with snapshot(locked) as con:
        view = locked_view(con, Filters(*PERIOD))
    assert view is not None and view.differs
    kpis = {row["name"]: row for row in view.kpis.iter_rows(named=True)}
    assert (kpis["received"]["locked"], kpis["received"]["current"]) == (7, 8)
    assert (kpis["resolved"]["locked"], kpis["resolved"]["current"]) == (5, 6)
    assert (kpis["resolved_late"]["locked"], kpis["resolved_late"]["current"]) == (2, 1)
    assert kpis["resolved_late"]["difference"] == -1
    # On-time rate: locked 1 − (2 + 2) / 10 = 0.6; now 1 − (1 + 2) / 11.
    assert kpis["on_time_rate"]["locked"] == pytest.approx(0.6)
    assert kpis["on_time_rate"]["current"] == pytest.approx(8 / 11)
    # The cause: the load (file, local time) and exactly the two applications P counts.
    assert view.changes["application_id"].to_list() == ["A13", "A5"]
    assert view.changes["file_name"].unique().to_list() == ["ho-so-bo-sung.csv"]
    assert view.changes["status_before"].to_list() == [None, 9]
    assert view.changes["load_id"].unique().to_list() == [2]
    late = view.form.filter(
        (pl.col("row_kind") == "total") & (pl.col("column") == "resolved_late")
    ).row(0, named=True)
    assert (late["locked"], late["current"], late["difference"]) == (2, 1, -1)


def test_a_unit_view_has_its_own_locked_figures_and_causes(locked: Path, tmp_path: Path) -> None:
    load_files([changed_export(tmp_path)], locked)
    with snapshot(locked) as con:
        commune = locked_view(con, Filters(*PERIOD, unit_codes=("00002",)))
        agency = locked_view(con, Filters(*PERIOD, unit_codes=("31.STP",)))
    assert commune is not None and commune.changes["application_id"].to_list() == ["A5"]
    late = commune.kpis.filter(pl.col("name") == "resolved_late").row(0, named=True)
    assert (late["locked"], late["current"]) == (2, 1)  # A5 and A12 are Xã Bình Hà's
    assert agency is not None and not agency.differs and agency.changes.is_empty()


def test_reloading_the_same_data_changes_nothing_under_the_lock(locked: Path) -> None:
    with snapshot(locked) as con:
        view = locked_view(con, Filters(*PERIOD))
    assert view is not None and not view.differs and view.changes.is_empty()


def test_only_the_exact_period_and_an_unnarrowed_view_have_locked_figures(locked: Path) -> None:
    with snapshot(locked) as con:
        assert locked_view(con, Filters(PERIOD[0], date(2025, 7, 21))) is None
        assert locked_view(con, Filters(*PERIOD, channels=(2,))) is None
    assert lock_scope(Filters(*PERIOD, fields=("Hộ tịch",))) is None
    assert lock_scope(Filters(*PERIOD, unit_codes=("00001", "00002"))) is None
    assert lock_scope(Filters(*PERIOD)) == WHOLE


def test_a_file_that_fails_notes_no_change(locked: Path, tmp_path: Path) -> None:
    """The changes are written in the load's transaction: a file that fails leaves none."""
    bad = write_csv(tmp_path / "hong.csv", [["Không phải", "tệp hồ sơ"], ["1", "2"]])
    load_files([bad], locked)
    with duckdb.connect(str(locked), read_only=True) as con:
        assert con.sql("select count(*) from lock_changes").fetchall() == [(0,)]
