"""Read-only snapshots of the warehouse, safe while a load replaces the file.

DuckDB lets one process write a file and then no other process open it, so the ETL never
writes the live file: it builds `warehouse.duckdb.tmp` and `os.replace`s it over the live one.
The read side keeps one in-memory DuckDB per process and, per snapshot, attaches the live
file read-only under a fresh alias. An attached file stays open on its inode, so every query
of one snapshot sees one warehouse version even if a load swaps the file meanwhile.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.settings import warehouse_path

_HUB: duckdb.DuckDBPyConnection | None = None
_HUB_LOCK = threading.Lock()
_ALIASES = itertools.count()


class WarehouseMissing(Exception):
    """The warehouse file does not exist yet (first start, or a wrong WAREHOUSE_PATH)."""


class WarehouseChanged(Exception):
    """A load replaced the file after the version a caller expected was read: what was
    attached may be the newer file, so results must not be filed under the older version."""


@dataclass(frozen=True)
class WarehouseVersion:
    """Identifies one build of the warehouse file; cache keys include it."""

    path: str
    inode: int
    mtime_ns: int
    size: int


def _hub() -> duckdb.DuckDBPyConnection:
    global _HUB
    with _HUB_LOCK:
        if _HUB is None:
            _HUB = duckdb.connect(":memory:")
            _HUB.execute("SET enable_progress_bar=false")
        return _HUB


def current_version(path: Path | None = None) -> WarehouseVersion:
    """The version of the live file now; raises WarehouseMissing if there is none."""
    target = path or warehouse_path()
    try:
        stat = os.stat(target)
    except FileNotFoundError as missing:
        raise WarehouseMissing(str(target)) from missing
    return WarehouseVersion(str(target), stat.st_ino, stat.st_mtime_ns, stat.st_size)


def _version_or_none(path: Path) -> WarehouseVersion | None:
    try:
        return current_version(path)
    except WarehouseMissing:
        return None


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@contextmanager
def snapshot(
    path: Path | None = None, expected: WarehouseVersion | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor whose default catalog is one read-only version of the warehouse.

    With `expected`, raises WarehouseChanged unless the attached file is that version: the
    file is the same before (the caller read `expected`) and after the ATTACH, so no swap
    happened in between. A caching caller can then trust its version-keyed results."""
    target = Path(path or warehouse_path())
    if not target.exists():
        raise WarehouseMissing(str(target))
    alias = f"wh_{os.getpid()}_{next(_ALIASES)}"
    cursor = _hub().cursor()
    try:
        # ATTACH takes no bound parameters; the path is a setting, not user input, and quoted.
        cursor.execute(f"ATTACH {_quote(str(target))} AS {alias} (READ_ONLY)")
        cursor.execute(f"USE {alias}")
        try:
            if expected is not None and _version_or_none(target) != expected:
                raise WarehouseChanged(str(target))
            yield cursor
        finally:
            cursor.execute("USE memory")
            cursor.execute(f"DETACH {alias}")
    finally:
        cursor.close()
