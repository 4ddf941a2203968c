"""A warehouse made by an older version: the app names what it lacks and the command that
adds it; `python -m etl upgrade` adds the tables and columns, rebuilds the summaries from the
applications and keeps every record."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.schema import missing_parts
from etl.settings import PROJECT_ROOT
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis


def _older(tiny: Path, target: Path) -> Path:
    """The tiny warehouse as a version before issues 12, 15 and 16 left it: no procedure
    rollup, no locks, no closed-by-kind counts in the daily summary."""
    shutil.copyfile(tiny, target)
    with duckdb.connect(str(target)) as con:
        con.execute("drop table procedure_activity")
        con.execute("drop table locks")
        con.execute("alter table daily_activity drop column closed_refused")
    return target


def _kpis(path: Path) -> dict[str, float]:
    period = (date(2025, 7, 1), date(2025, 7, 31))
    with snapshot(path) as con:
        [kpis] = period_kpis(con, Filters(*period), [period])
    return {name: kpis.count(name) for name in ("received", "resolved", "closed", "overdue")}


def test_missing_parts_names_what_an_older_warehouse_lacks(tiny: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(tiny), read_only=True) as con:
        assert missing_parts(con) == []
    older = _older(tiny, tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(older), read_only=True) as con:
        assert missing_parts(con) == [
            "locks",
            "procedure_activity",
            "daily_activity.closed_refused",
        ]


def test_upgrade_adds_what_is_missing_and_keeps_every_figure(tiny: Path, tmp_path: Path) -> None:
    before = _kpis(tiny)
    older = _older(tiny, tmp_path / "warehouse.duckdb")
    done = subprocess.run(
        [sys.executable, "-m", "etl", "upgrade", "--db", str(older)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "locks, procedure_activity, daily_activity.closed_refused" in done.stdout
    with duckdb.connect(str(older), read_only=True) as con:
        assert missing_parts(con) == []
        applications = con.sql("select count(*) from applications").fetchall()
        rollup = con.sql("select sum(received) from procedure_activity").fetchall()
    with duckdb.connect(str(tiny), read_only=True) as con:
        assert applications == con.sql("select count(*) from applications").fetchall()
        assert rollup == con.sql("select sum(received) from procedure_activity").fetchall()
    assert _kpis(older) == before


def test_upgrade_of_no_warehouse_is_one_error_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "etl", "upgrade", "--db", str(tmp_path / "none.duckdb")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi: ") and len(done.stderr.splitlines()) == 1


@pytest.mark.usefixtures("fresh_caches")
def test_the_app_on_an_older_warehouse_names_the_upgrade(
    monkeypatch: pytest.MonkeyPatch, tiny: Path, tmp_path: Path
) -> None:
    older = _older(tiny, tmp_path / "warehouse.duckdb")
    monkeypatch.setenv("WAREHOUSE_PATH", str(older))
    st.cache_data.clear()
    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert "phiên bản cũ" in app.error[0].value and "procedure_activity" in app.error[0].value
    assert app.code[0].value == "python -m etl upgrade"
    assert not app.metric
