"""Read-only snapshots of the warehouse, safe while a load replaces the file.

DuckDB lets one process write a file and then no other process open it, so the ETL never
writes the live file: it builds `warehouse.duckdb.tmp` and `os.replace`s it over the live one.
The read side keeps one in-memory DuckDB per process and attaches the live file read-only
under a fresh alias. An attached file stays open on its inode, so every query of one snapshot
sees one warehouse version even if a load swaps the file meanwhile.

The app's reads name the version they expect, and one attachment per version serves them all
(each read on its own cursor): attaching costs a catalog read and starts with a cold buffer
cache, which was a tenth of the server's CPU per page open. An attachment is detached once a
newer version is attached and no read is using it.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
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


@dataclass
class _Attachment:
    """One version of the file attached under `alias`, and how many reads use it now."""

    alias: str
    users: int = 0
    serial: int = field(default_factory=lambda: next(_ALIASES))


_ATTACHED: dict[WarehouseVersion, _Attachment] = {}


def _hub() -> duckdb.DuckDBPyConnection:
    global _HUB
    with _HUB_LOCK:
        if _HUB is None:
            _HUB = duckdb.connect(":memory:")
            _HUB.execute("SET enable_progress_bar=false")
            # DuckDB counts the machine's cores, not the ones this process may use: a server
            # pinned to one core (taskset, a container's cpuset) would time-slice two threads.
            _HUB.execute(f"SET threads = {len(os.sched_getaffinity(0))}")
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

    With `expected`, the cursor reads exactly that version: the attachment kept for it, or a
    new one, checked to be that version (the file is the same before, when the caller read
    `expected`, and after the ATTACH); otherwise raises WarehouseChanged. A caching caller can
    then trust its version-keyed results."""
    target = Path(path or warehouse_path())
    if not target.exists():
        raise WarehouseMissing(str(target))
    if expected is None:
        with _attached_once(target) as cursor:
            yield cursor
        return
    attachment = _attachment(target, expected)
    cursor = _hub().cursor()
    try:
        cursor.execute(f"USE {attachment.alias}")
        yield cursor
    finally:
        cursor.execute("USE memory")
        cursor.close()
        _release(attachment)


@contextmanager
def _attached_once(target: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The live file attached for one read only (command-line reports, tests, benchmarks)."""
    alias = f"wh_{os.getpid()}_{next(_ALIASES)}"
    cursor = _hub().cursor()
    try:
        _attach(cursor, target, alias)
        try:
            yield cursor
        finally:
            cursor.execute("USE memory")
            cursor.execute(f"DETACH {alias}")
    finally:
        cursor.close()


def _attach(cursor: duckdb.DuckDBPyConnection, target: Path, alias: str) -> None:
    # ATTACH takes no bound parameters; the path is a setting, not user input, and quoted.
    cursor.execute(f"ATTACH {_quote(str(target))} AS {alias} (READ_ONLY)")
    cursor.execute(f"USE {alias}")


def _attachment(target: Path, expected: WarehouseVersion) -> _Attachment:
    """The attachment of `expected`, counted as in use; attached now if it is not yet.
    Raises WarehouseChanged once the live file is another version, as a fresh ATTACH would:
    the caller's run starts again on the new one."""
    if _version_or_none(target) != expected:
        raise WarehouseChanged(str(target))
    with _HUB_LOCK:
        attachment = _ATTACHED.get(expected)
        if attachment is not None:
            attachment.users += 1
            return attachment
    alias = f"wh_{os.getpid()}_{next(_ALIASES)}"
    cursor = _hub().cursor()
    try:
        _attach(cursor, target, alias)
        cursor.execute("USE memory")
    finally:
        cursor.close()
    if _version_or_none(target) != expected:
        _detach(alias)
        raise WarehouseChanged(str(target))
    with _HUB_LOCK:
        attachment = _ATTACHED.setdefault(expected, _Attachment(alias))
        attachment.users += 1
    if attachment.alias != alias:  # another thread attached this version meanwhile
        _detach(alias)
    return attachment


def _release(attachment: _Attachment) -> None:
    """One read less on `attachment`; detach every version that is unused and not the newest
    one attached of its file."""
    with _HUB_LOCK:
        attachment.users -= 1
        newest: dict[str, int] = {}
        for version, entry in _ATTACHED.items():
            newest[version.path] = max(entry.serial, newest.get(version.path, -1))
        stale = [
            version
            for version, entry in _ATTACHED.items()
            if entry.users == 0 and entry.serial != newest[version.path]
        ]
        aliases = [_ATTACHED.pop(version).alias for version in stale]
    for alias in aliases:
        _detach(alias)


def _detach(alias: str) -> None:
    cursor = _hub().cursor()  # a cursor of its own: the hub connection is not thread-safe
    try:
        cursor.execute(f"DETACH {alias}")
    finally:
        cursor.close()
