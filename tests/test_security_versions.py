"""One script run reads one warehouse version: a read that finds the file replaced since the
version it was keyed under refuses (ui.data then restarts the run) instead of filing the new
file's numbers under the old key."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

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
