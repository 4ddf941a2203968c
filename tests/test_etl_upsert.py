"""Upsert on application_id, idempotent reloads, and personal data never stored."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import query
from tests.exports import SYNC_LABELS, VI_LABELS, application, table, write_csv, write_xlsx
from tests.warehouse_text import text_hits

TABLES = (
    "units",
    "procedures",
    "simplifications",
    "applications",
    "rejected_rows",
    "daily_activity",
    "overdue_ledger",
)


def _snapshot(db: Path) -> dict[str, list]:
    """Every table's content; a rejection's load_id points at the latest load, so it is left out."""
    return {
        t: query(db, f"select * exclude (load_id) from {t} order by all")  # noqa: S608
        if t == "rejected_rows"
        else query(db, f"select * from {t} order by all")  # noqa: S608
        for t in TABLES
    }


def test_same_file_twice_leaves_the_warehouse_identical(tmp_path: Path, load) -> None:
    rows = [application(f"A-{i}") for i in range(5)] + [application("BAD", status="77")]
    path = write_csv(tmp_path / "h.csv", table(rows, VI_LABELS))
    load(path)
    first = _snapshot(load.db)
    load(path)
    assert _snapshot(load.db) == first
    log = query(
        load.db,
        "select file_name, rows_read, rows_loaded, rows_rejected from load_log where kind='applications'",
    )
    assert log == [("h.csv", 6, 5, 1), ("h.csv", 6, 5, 1)]  # both loads are on record


def test_later_export_updates_status(tmp_path: Path, load) -> None:
    july = [
        application("A-1", status="4", finished_at=""),
        application("A-2", status="10"),
    ]
    load(write_csv(tmp_path / "ho-so_2025-07.csv", table(july, VI_LABELS)))
    assert query(
        load.db, "select application_id, status, ended_on from applications order by 1"
    ) == [
        ("A-1", 4, None),
        (
            "A-2",
            10,
            query(load.db, "select ended_on from applications where application_id='A-2'")[0][0],
        ),
    ]
    august = [application("A-1", status="10", finished_at="05/07/2025 10:00")]
    load(write_csv(tmp_path / "ho-so_2025-08.csv", table(august, VI_LABELS)))
    rows = query(
        load.db,
        "select application_id, status, strftime(ended_on, '%d/%m/%Y') from applications order by 1",
    )
    assert rows == [("A-1", 10, "05/07/2025"), ("A-2", 10, "01/07/2025")]
    resolved = query(load.db, "select sum(resolved), sum(received) from daily_activity")
    assert resolved == [(2, 2)]  # the summary follows the upsert: no double counting


def test_personal_data_is_never_stored(tmp_path: Path, load) -> None:
    secrets = {
        "owner": "Phạm Thị Bímật",
        "id_number": "079188004321",
        "phone": "0987654321",
        "address": "99 Ngõ Riêngtư",
    }
    good = [application(f"A-{i}", **secrets) for i in range(3)]
    bad = [
        application("B-1", status="77", **secrets),
        application("B-2", unit="Nơi Nào", **secrets),
    ]
    load(write_csv(tmp_path / "a.csv", table(good + bad, VI_LABELS)))
    load(write_xlsx(tmp_path / "b.xlsx", table([application("C-1", **secrets)], SYNC_LABELS)))
    assert query(load.db, "select count(*) from rejected_rows")[0][0] == 2
    assert text_hits(load.db, list(secrets.values())) == []
