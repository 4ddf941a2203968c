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


def test_a_load_touching_some_cells_of_a_day_leaves_the_others_and_equals_a_rebuild(
    tmp_path: Path, load
) -> None:
    """A daily export re-sends a few open applications: the cells (day, unit, procedure, channel)
    they leave and enter are recomputed, the day's other cells are kept, and the result is what
    a full rebuild gives."""
    day_one = [
        application("B-1"),
        application("B-2", unit="Xã Cẩm Giàng"),
        application("B-3", procedure_code="1.013225"),
        application("B-4", channel="1", status="4", finished_at=""),
        application("B-5", status="4", finished_at="", due_at="05/07/2025 17:00"),
    ]
    load(write_csv(tmp_path / "ho-so_2025-07-01.csv", table(day_one, VI_LABELS)))
    resent = [
        # Moves to another unit and channel: its old cell loses it, its new cell gains it.
        application("B-4", unit="Xã Cẩm Giàng", channel="2", status="10",
                    finished_at="03/07/2025 09:00"),
        application("B-5", status="5", finished_at="", due_at="05/07/2025 17:00"),
    ]  # fmt: skip
    load(write_csv(tmp_path / "ho-so_2025-07-03.csv", table(resent, VI_LABELS)), with_catalog=False)
    assert _summaries(load.db) == _rebuilt(load.db, tmp_path)
    by_cell = dict(
        (row[:2], row[2:])
        for row in query(
            load.db,
            """select u.name, d.channel, d.received, d.resolved
            from daily_activity as d join units as u using (unit_code)
            where d.day = date '2025-07-01' and d.procedure_code = '1.001193'""",
        )
    )
    assert by_cell[("Xã Cẩm Giàng", 2)] == (2, 1)  # B-2, and B-4 now here
    assert ("Phường Hồng Bàng", 1) not in by_cell  # B-4's old cell is gone
    assert by_cell[("Phường Hồng Bàng", 2)] == (2, 1)  # B-1 and B-5, untouched by the move
