"""Chốt số liệu (locked periods), the warehouse side: writing a lock and noting what later
loads change under it.

A lock is written like a load (`etl.warehouse_file`: a private copy, then `os.replace`), so the
dashboard sees it whole or not at all. What the lock keeps, the period's figures as they were,
is computed by `metrics.locks` (the KPI definitions live there, not here) and handed in as
frames. Later loads never touch those rows; each load notes, in its own transaction (so a killed
load notes nothing), every application it changed that a lock's period counts (`note_changes`),
which is what the pages show as the cause when current figures differ from locked ones.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from etl.dates import local_now
from etl.schema import create_tables, scalar
from etl.settings import warehouse_path
from etl.warehouse_file import discard, open_work_copy, publish, writer_lock

# Columns of a filing record that never change a figure: where the version came from, and the
# as-of time derived from the others.
_NOT_FIGURES = {"application_id", "source_file", "as_of"}


@dataclass(frozen=True)
class Snapshot:
    """A period's figures as a lock keeps them: the base counts (unit_code, name, value) and
    Biểu II.06a's rows (unit_code, position, row_kind, level, field and the form's columns),
    each for the whole warehouse (unit_code '') and for every unit."""

    counts: pl.DataFrame
    bieu: pl.DataFrame


@dataclass(frozen=True)
class Written:
    """The lock as stored: its id and the local time it was made."""

    lock_id: int
    locked_at: datetime


def write_lock(
    start: date,
    end: date,
    by: str,
    note: str | None,
    snapshot: Callable[[duckdb.DuckDBPyConnection], Snapshot],
    db_path: Path | None = None,
) -> Written:
    """Lock [start, end]: record who and when (local time) and `snapshot`'s figures, computed on
    the warehouse exactly as it is published (the writer lock keeps loads out meanwhile)."""
    if not by.strip():
        raise ValueError("a lock names who made it")
    live = Path(db_path or warehouse_path())
    with writer_lock(live):
        con, work = open_work_copy(live, fresh=False)
        try:
            create_tables(con)
            figures = snapshot(con)
            lock_id = int(scalar(con, "select coalesce(max(lock_id), 0) + 1 from locks"))
            locked_at = local_now()
            con.execute("begin")
            con.execute(
                "insert into locks values (?, ?, ?, ?, ?, ?, (select max(load_id) from load_log))",
                [lock_id, start, end, by.strip(), locked_at, note or None],
            )
            for table, frame in (("lock_counts", figures.counts), ("lock_bieu", figures.bieu)):
                _insert(con, table, frame.with_columns(pl.lit(lock_id).alias("lock_id")))
            con.execute("commit")
        except BaseException:
            discard(con, work)
            raise
        publish(con, work, live)
    return Written(lock_id, locked_at)


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    con.register("incoming_lock", frame.to_arrow())
    try:
        con.execute(f"insert into {table} by name select * from incoming_lock")  # noqa: S608
    finally:
        con.unregister("incoming_lock")


def note_changes(con: duckdb.DuckDBPyConnection, columns: list[str]) -> None:
    """Record in `lock_changes` each version in the registered `incoming` (the rows about to
    replace or join `applications`) that changes a figure a lock's period counts: a new
    application, or one whose stored version differs in a column other than its provenance,
    where the old or the new version is open during the period (received by its end, not ended
    before its start). The rows get the id the load's `load_log` row is about to take: loads
    run one at a time (the writer lock), and the part is logged in this same transaction."""
    if not scalar(con, "select exists (from locks)"):
        return
    differs = " or ".join(
        f"i.{column} is distinct from s.{column}"
        for column in columns
        if column not in _NOT_FIGURES
    )
    counted = (
        "({v}.received_at::date <= l.period_end"
        " and ({v}.ended_on is null or {v}.ended_on >= l.period_start))"
    )
    con.execute(
        f"""insert into lock_changes
        select l.lock_id, (select coalesce(max(load_id), 0) + 1 from load_log),
            i.application_id, s.status, i.status
        from incoming as i
        left join applications as s using (application_id)
        join locks as l
            on {counted.format(v="i")}
            or (s.application_id is not null and {counted.format(v="s")})
        where s.application_id is null or {differs}"""  # noqa: S608 (column names from code)
    )
