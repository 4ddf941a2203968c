"""The day-by-day summary refresh equals a full rebuild."""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl import summaries
from etl.schema import SUMMARY_COLUMNS
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_csv

SUMMARIES = tuple(SUMMARY_COLUMNS)  # every summary table (etl/schema.py)


def _summaries(db: Path) -> dict[str, list]:
    return {t: query(db, f"select * from {t} order by all") for t in SUMMARIES}  # noqa: S608


def _rebuilt(db: Path, tmp_path: Path) -> dict[str, list]:
    copy = tmp_path / "rebuilt.duckdb"
    copy.write_bytes(db.read_bytes())
    with duckdb.connect(str(copy)) as con:
        summaries.refresh(con)
    return _summaries(copy)


def test_incremental_refresh_equals_full_rebuild(tmp_path: Path, load) -> None:
    july = [
        application("A-1", status="4", finished_at=""),
        application(
            "A-2",
            received_at="02/07/2025 09:00",
            due_at="03/07/2025 17:00",
            finished_at="10/07/2025 10:00",
        ),
        application(
            "A-3",
            unit="Xã Cẩm Giàng",
            channel="1",
            status="5",
            finished_at="",
            due_at="04/07/2025 17:00",
        ),
        application("A-4", procedure_code="1.013225", status="7", finished_at="06/07/2025 08:00"),
    ]
    load(write_csv(tmp_path / "ho-so_2025-07.csv", table(july, VI_LABELS)))
    august = [
        application("A-1", status="10", finished_at="05/08/2025 10:00"),  # finished, late
        application(
            "A-3",
            unit="Xã Cẩm Giàng",
            channel="1",
            status="9",
            finished_at="20/07/2025 10:00",
            due_at="04/07/2025 17:00",
        ),
        application(
            "A-5",
            received_at="01/08/2025 08:00",
            due_at="01/08/2025 17:00",
            finished_at="01/08/2025 09:00",
        ),
    ]
    # The catalog is loaded only once, so the second load patches the summaries day by day.
    (result,) = load(
        write_csv(tmp_path / "ho-so_2025-08.csv", table(august, VI_LABELS)), with_catalog=False
    )
    assert result.rows_loaded == 3
    assert _summaries(load.db) == _rebuilt(load.db, tmp_path)
    assert query(load.db, "select sum(received), sum(resolved) from daily_activity") == [(5, 4)]
