"""Write the warehouse without ever exposing a half-written file.

Every load works on a copy (`<live>.tmp`), then `os.replace`s it over the live file: readers
see the old file or the new one, never a torn state, and a load killed at any point leaves the
live file as it was. A lock file makes a second concurrent load wait for the first.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

# The writer's own memory cap; DuckDB spills to disk past it, keeping a load's peak bounded.
WRITER_MEMORY_LIMIT = "1200MB"


def _sidecar(live: Path, suffix: str) -> Path:
    return live.with_name(live.name + suffix)


@contextmanager
def writer_lock(live: Path) -> Iterator[None]:
    """Hold the load lock; a second load waits here until the first has finished."""
    live.parent.mkdir(parents=True, exist_ok=True)
    with _sidecar(live, ".lock").open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Đang có một lần nạp khác; chờ lần đó xong…", file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def open_work_copy(live: Path, fresh: bool) -> tuple[duckdb.DuckDBPyConnection, Path]:
    """A read-write connection to a private copy of the live warehouse (empty if fresh)."""
    work = _sidecar(live, ".tmp")
    for stale in (work, _sidecar(live, ".tmp.wal")):
        stale.unlink(missing_ok=True)
    try:
        if live.exists() and not fresh:
            shutil.copyfile(live, work)
        con = duckdb.connect(str(work))
    except BaseException:
        work.unlink(missing_ok=True)  # a copy cut short (disk full, kill) must not linger
        raise
    con.execute("SET enable_progress_bar=false")
    con.execute(f"SET memory_limit='{WRITER_MEMORY_LIMIT}'")
    return con, work


def publish(con: duckdb.DuckDBPyConnection, work: Path, live: Path) -> None:
    """Make the work copy the live warehouse in one atomic step."""
    con.execute("CHECKPOINT")
    con.close()
    with work.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(work, live)
    directory = os.open(live.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def discard(con: duckdb.DuckDBPyConnection, work: Path) -> None:
    """Drop the work copy; the live warehouse is untouched."""
    con.close()
    work.unlink(missing_ok=True)
    _sidecar(work, ".wal").unlink(missing_ok=True)
