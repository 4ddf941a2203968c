"""Chốt số liệu on the sample: lock the published period (1/7–20/8/2025), then load a later
export in which 57 applications resolved late in the period come back with their due date
moved to the day they were resolved (a later state: returned afterwards). The locked figures
stay as published (3,071 resolved late); the current ones differ by exactly those 57, and the
cause names the load and the 57 applications, in the city's view and in each unit's."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.load import load_files
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.locks import WHOLE, lock_period, locked_form, locked_view
from tests.exports import write_csv

PUBLISHED = (date(2025, 7, 1), date(2025, 8, 20))
CHANGED = 57
_LATE = """
select application_id, procedure_code, unit_code, received_at, finished_at, status, channel,
    as_of
from applications
where status in (9, 10) and ended_on between ? and ? and ended_on > due_at::date
order by application_id
limit ?
"""
_SYNC = ["MaHoSo", "MaTTHC", "MaDonVi", "NgayTiepNhan", "NgayHenTra", "NgayKetThucXuLy",
         "NgayTra", "TrangThaiHoSo", "KenhThucHien"]  # fmt: skip


def _time(value) -> str:
    return value.strftime("%d/%m/%Y %H:%M")


def changed_export(db: Path, directory: Path) -> tuple[Path, list[str]]:
    """The 57 first (by id) late resolutions of the period, now on time, returned later."""
    with duckdb.connect(str(db), read_only=True) as con:
        late = con.sql(_LATE, params=[*PUBLISHED, CHANGED]).fetchall()
    rows = [
        [app_id, procedure, unit, _time(received), _time(finished), _time(finished),
         _time(as_of + timedelta(hours=1)), str(status), str(channel)]
        for app_id, procedure, unit, received, finished, status, channel, as_of in late
    ]  # fmt: skip
    path = write_csv(directory / "ho-so-cap-nhat_2025-08.csv", [_SYNC, *rows])
    return path, [row[0] for row in rows]


@pytest.fixture(scope="module")
def reloaded(sample_warehouse: Path, tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("locked-sample")
    db = folder / "warehouse.duckdb"
    shutil.copyfile(sample_warehouse, db)
    lock_period(*PUBLISHED, by="Văn phòng UBND thành phố", db_path=db)
    export, changed = changed_export(db, folder)
    [result] = load_files([export], db)
    assert result.error is None and result.rows_loaded == CHANGED, result.reasons
    return db, changed


def test_the_locked_figures_stay_as_published_and_the_current_differ(reloaded) -> None:
    db, changed = reloaded
    with snapshot(db) as con:
        view = locked_view(con, Filters(*PUBLISHED))
        city_form = locked_form(con, view.lock, WHOLE)
    assert view is not None and view.differs
    kpis = {row["name"]: row for row in view.kpis.iter_rows(named=True)}
    assert (kpis["resolved_late"]["locked"], kpis["resolved_late"]["current"]) == (
        3071,
        3071 - CHANGED,
    )
    assert kpis["received"]["difference"] == 0 and kpis["resolved"]["difference"] == 0
    assert kpis["on_time_rate"]["difference"] > 0
    total = city_form.filter(pl.col("row_kind") == "total").row(0, named=True)
    assert total["resolved_late"] == 3071
    # The cause: one load, exactly the 57 applications.
    assert sorted(view.changes["application_id"].to_list()) == sorted(changed)
    assert view.changes["file_name"].unique().to_list() == ["ho-so-cap-nhat_2025-08.csv"]
    # Biểu II.06a: the 57 move from column (10) to column (9) of the total row, nothing else.
    cells = view.form.filter(pl.col("row_kind") == "total").select("column", "difference")
    assert dict(cells.iter_rows()) == {"resolved_on_time": CHANGED, "resolved_late": -CHANGED}


def test_each_unit_view_has_its_share_of_the_cause(reloaded) -> None:
    db, _ = reloaded
    with snapshot(db) as con:
        city = locked_view(con, Filters(*PUBLISHED))
        per_unit = city.changes.group_by("unit_code").len().sort("len", descending=True)
        unit, count = per_unit.row(0)
        view = locked_view(con, Filters(*PUBLISHED, unit_codes=(unit,)))
    assert view is not None and view.changes.height == count
    late = view.kpis.filter(pl.col("name") == "resolved_late").row(0, named=True)
    assert late["difference"] == -count
