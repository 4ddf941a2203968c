"""The rollup without the unit (`procedure_activity`, issue 17): per-procedure views read it
when no unit, unit kind or commune account narrows them, and it gives exactly what the full
table gives. Each view is compared with the same view routed through `daily_activity` (a unit
filter listing every unit, which changes no count); Biểu II.06a and the fields read the
rollup without unit and procedure, compared the same way. And a warehouse made before the
rollup existed gains it, whole, on its next load."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import polars as pl
from polars.testing import assert_frame_equal

from etl import summaries
from metrics.bieu_06a import form_rows
from metrics.breakdown import field_activity
from metrics.catalog import procedure_activity
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.scope import facts_table
from metrics.simplification import actual_processing
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_csv

VIEWS = [
    Filters(date(2025, 7, 1), date(2025, 8, 20)),
    Filters(date(2025, 9, 1), date(2025, 9, 30), channels=(2,), levels=("xa",)),
    Filters(date(2026, 1, 1), date(2026, 3, 31), fields=("Hộ tịch", "Đất đai")),
]


def _same(left: pl.DataFrame, right: pl.DataFrame) -> bool:
    """Equal; floating-point sums and means of days to a relative 1e-12 (the order of
    addition differs between the tables)."""
    try:
        assert_frame_equal(left, right, check_exact=False, rel_tol=1e-12, abs_tol=0.0)
    except AssertionError:
        return False
    return True


def _each_view(warehouse: Path) -> Iterator[tuple[duckdb.DuckDBPyConnection, Filters, Filters]]:
    """Each view of VIEWS and the same view with a unit filter listing every unit."""
    with snapshot(warehouse) as con:
        every_unit = tuple(r[0] for r in con.sql("select unit_code from units").fetchall())
        for view in VIEWS:
            yield con, view, replace(view, unit_codes=every_unit)


def test_per_procedure_views_read_the_rollup_and_match_the_full_table(
    sample_warehouse: Path,
) -> None:
    for con, view, full in _each_view(sample_warehouse):
        assert facts_table(view, ("procedure_code",)) == "procedure_activity"
        assert facts_table(full, ("procedure_code",)) == "daily_activity"
        rollup, whole = procedure_activity(con, view), procedure_activity(con, full)
        assert rollup.height > 0 and _same(rollup, whole), view
        assert _same(actual_processing(con, view), actual_processing(con, full)), view


def test_bieu_06a_and_the_fields_read_the_unit_free_rollup_and_match(
    sample_warehouse: Path,
) -> None:
    for con, view, full in _each_view(sample_warehouse):
        assert facts_table(view, ("level", "field")) == "province_activity"
        assert facts_table(full, ("level", "field")) == "daily_activity"
        assert _same(form_rows(con, view), form_rows(con, full)), view
        assert _same(field_activity(con, view), field_activity(con, full)), view


def test_an_older_warehouse_gains_the_rollup_whole_on_its_next_load(tmp_path: Path, load) -> None:
    july = [application(f"J-{i}") for i in range(5)]  # received and resolved on 1/7/2025
    load(write_csv(tmp_path / "a.csv", table(july, VI_LABELS)))
    with duckdb.connect(str(load.db)) as con:
        con.execute("drop table procedure_activity")  # as a warehouse made before it existed
    # An incremental load (no catalog) touches 20/8 only; the new rollup still gets every day.
    august = application(
        "B-1", received_at="20/08/2025 08:00", due_at="21/08/2025 17:00",
        finished_at="20/08/2025 15:00",
    )  # fmt: skip
    (result,) = load(write_csv(tmp_path / "b.csv", table([august], VI_LABELS)), with_catalog=False)
    assert result.error is None and result.rows_loaded == 1
    rows = query(load.db, "select * from procedure_activity order by all")
    rebuilt = tmp_path / "rebuilt.duckdb"
    rebuilt.write_bytes(load.db.read_bytes())
    with duckdb.connect(str(rebuilt)) as con:
        summaries.refresh(con)
    assert rows == query(rebuilt, "select * from procedure_activity order by all")
    assert sum(row[4] for row in rows) == 6  # received: the five of July and the one of August
