"""One script run reads one warehouse version: a read that finds the file replaced since the
version it was keyed under refuses (ui.cached_read then restarts the run) instead of filing
the new file's numbers under the old key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import duckdb
import pytest

from metrics.connection import WarehouseChanged, current_version, snapshot
from tests.tiny_warehouse import build_tiny_warehouse


def test_a_swap_after_the_version_was_read_is_detected(tmp_path: Path) -> None:
    live = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    version = current_version(live)
    with snapshot(live, expected=version) as con:
        assert con.sql("select count(*) from applications").fetchall() == [(12,)]
    newer = tmp_path / "warehouse.duckdb.tmp"
    shutil.copyfile(live, newer)
    os.replace(newer, live)  # what a load's publish does
    with pytest.raises(WarehouseChanged), snapshot(live, expected=version):
        pass
    with snapshot(live, expected=current_version(live)) as con:
        assert con.sql("select count(*) from applications").fetchall() == [(12,)]


def _swapping_app() -> None:
    """An app run in which a load publishes a new file between reading the version and the
    first query (once: the next run finds nothing left to publish)."""
    import os
    from pathlib import Path

    import streamlit as st

    from metrics.connection import current_version
    from ui.loaders import load_freshness

    live = Path(os.environ["WAREHOUSE_PATH"])
    version = current_version(live)
    newer = live.with_name("published.duckdb")
    if newer.exists():
        os.replace(newer, live)
    st.session_state["runs"] = st.session_state.get("runs", 0) + 1
    applications = load_freshness(version).applications
    st.write(f"{applications} applications, run {st.session_state['runs']}")


def test_a_swap_mid_run_restarts_the_run_on_the_new_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_caches: None
) -> None:
    from streamlit.testing.v1 import AppTest

    live = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    published = tmp_path / "published.duckdb"
    shutil.copyfile(live, published)
    with duckdb.connect(str(published)) as con:  # the new file has one application less
        con.execute("delete from applications where application_id = 'A1'")
        con.execute("delete from daily_activity where day = '2025-07-05'")
    monkeypatch.setenv("WAREHOUSE_PATH", str(live))
    app = AppTest.from_function(_swapping_app, default_timeout=60).run()
    assert not app.exception
    assert [element.value for element in app.markdown] == ["11 applications, run 2"]


def _attached_aliases(con: duckdb.DuckDBPyConnection, live: Path) -> set[str]:
    """The aliases under which the process has `live` attached (any of its versions)."""
    rows = con.execute(
        "select database_name from duckdb_databases() where path = ?", [str(live)]
    ).fetchall()
    return {name for (name,) in rows}


def test_reads_of_one_version_share_one_attachment_until_a_newer_version_is_read(
    tmp_path: Path,
) -> None:
    live = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    old = current_version(live)
    with snapshot(live, expected=old) as con:
        first = _attached_aliases(con, live)
    with snapshot(live, expected=old) as con, snapshot(live, expected=old) as other:
        assert _attached_aliases(con, live) == first == _attached_aliases(other, live)
        assert len(first) == 1
    newer = tmp_path / "warehouse.duckdb.tmp"
    shutil.copyfile(live, newer)
    os.replace(newer, live)
    with snapshot(live, expected=current_version(live)) as con:
        assert con.sql("select count(*) from applications").fetchall() == [(12,)]
    with snapshot(live, expected=current_version(live)) as con:
        now = _attached_aliases(con, live)
    assert len(now) == 1 and now.isdisjoint(first)  # the old version was let go
