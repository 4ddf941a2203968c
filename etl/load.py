"""Load export files into the warehouse: read, clean, upsert, log, refresh summaries.

One command works on one private copy of the warehouse (see `etl.warehouse_file`) and
publishes it at the end, so the dashboard sees all of a command's files at once or none. Inside
the copy each file is its own transaction: a file that cannot be read changes no data and is
recorded in `load_log` as failed, with the reason.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from etl import summaries
from etl.clean import Cleaned, Context, clean_applications, clean_catalog, clean_plans
from etl.errors import UnreadableFile
from etl.reader import KIND_ORDER, peek_kind, read_export
from etl.schema import create_tables, scalar
from etl.settings import province_codes, warehouse_path
from etl.units import Unit, UnitMatcher, reference_units
from etl.warehouse_file import discard, open_work_copy, publish, writer_lock

Progress = Callable[[str, float], None]
# Phases of a load, logged at INFO (`ETL_LOG=INFO python -m etl load …` shows them): operators
# see where a load is, and the kill tests stop a load in each phase.
log = logging.getLogger("etl.load")

# Target table, its key, and its columns in order, per kind of export.
TARGETS = {
    "applications": ("applications", "application_id"),
    "catalog": ("procedures", "procedure_code"),
    "plans": ("simplifications", "procedure_code"),
}


@dataclass
class FileResult:
    """What one file did to the warehouse; rows_read = rows_loaded + rows_rejected."""

    path: Path
    kind: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    # The name a person gave the file (an upload is saved under a generated name).
    display_name: str | None = None

    @property
    def name(self) -> str:
        """The file name load_log, rejected_rows and messages show."""
        return self.display_name or self.path.name


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _seed_units(con: duckdb.DuckDBPyConnection, provinces: list[int] | None = None) -> None:
    """A new warehouse knows the units of `provinces` (default: the PROVINCES setting)."""
    if scalar(con, "select count(*) from units"):
        return
    units = reference_units(provinces or province_codes())
    rows = [(u.unit_code, u.name, u.kind, u.province_code) for u in units]
    con.executemany("insert into units values (?, ?, ?, ?)", rows)


def _context(con: duckdb.DuckDBPyConnection) -> Context:
    units = [
        Unit(*row)
        for row in con.sql("select unit_code, name, kind, province_code from units").fetchall()
    ]
    codes = {row[0] for row in con.sql("select procedure_code from procedures").fetchall()}
    agencies = [unit for unit in units if unit.kind == "so_nganh"]
    return Context(UnitMatcher(units), UnitMatcher(agencies), codes)


def _clean(kind: str, path: Path, con: duckdb.DuckDBPyConnection, name: str) -> tuple[int, Cleaned]:
    raw = read_export(path)
    ctx = _context(con)
    if raw.kind == "applications":
        cleaned = clean_applications(raw, ctx, name)
    elif raw.kind == "catalog":
        cleaned = clean_catalog(raw, ctx)
    else:
        cleaned = clean_plans(raw, ctx)
    rows_read = raw.frame.height
    # Nothing is dropped silently: every row read is either loaded or rejected.
    assert rows_read == cleaned.good.height + cleaned.rejected.height, path
    return rows_read, cleaned


def _upsert(
    con: duckdb.DuckDBPyConnection, kind: str, good: pl.DataFrame, incremental: bool
) -> None:
    table, key = TARGETS[kind]
    columns = [row[0] for row in con.sql(f"describe {table}").fetchall()]  # noqa: S608 (constant)
    incoming = good.select(columns).to_arrow()
    con.register("incoming", incoming)
    try:
        if kind == "applications" and incremental:
            summaries.touch_incoming(con)
        if scalar(con, f"select exists (from {table})"):  # noqa: S608 (constant names)
            con.execute(f"delete from {table} where {key} in (select {key} from incoming)")  # noqa: S608
        con.execute(f"insert into {table} select * from incoming")  # noqa: S608
    finally:
        con.unregister("incoming")


def _log(
    con: duckdb.DuckDBPyConnection,
    result: FileResult,
    sha: str,
    started: datetime,
    message: str | None,
) -> int:
    load_id = scalar(con, "select coalesce(max(load_id), 0) + 1 from load_log")
    con.execute(
        "insert into load_log values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            load_id, result.name, sha, result.kind, result.rows_read, result.rows_loaded,
            result.rows_rejected, started, datetime.now(), "failed" if result.error else "loaded",
            message,
        ],
    )  # fmt: skip
    return load_id


def _checksum_and_clean(
    con: duckdb.DuckDBPyConnection, path: Path, kind: str | None, name: str
) -> tuple[str, tuple[int, Cleaned] | UnreadableFile]:
    """SHA-256 and cleaned rows; the checksum runs beside the parsing (both release the GIL)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        digest = pool.submit(file_sha256, path) if path.is_file() else None
        outcome: tuple[int, Cleaned] | UnreadableFile
        try:
            outcome = _clean(kind or "", path, con, name)
        except UnreadableFile as unreadable:
            outcome = unreadable
        return (digest.result() if digest else ""), outcome


def _load_one(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    kind: str | None,
    incremental: bool,
    display_name: str | None = None,
) -> FileResult:
    result = FileResult(path, kind, display_name=display_name)
    started = datetime.now()
    sha, outcome = _checksum_and_clean(con, path, kind, result.name)
    if isinstance(outcome, UnreadableFile):
        result.error = str(outcome)
        con.execute("begin")
        _log(con, result, sha, started, result.error)
        con.execute("commit")
        return result
    result.rows_read, cleaned = outcome
    log.info("phase write %s", result.name)
    result.rows_loaded = cleaned.good.height
    result.rows_rejected = cleaned.rejected.height
    result.reasons = dict(Counter(cleaned.rejected.get_column("reason").to_list()))
    con.execute("begin")
    try:
        _upsert(con, kind or "applications", cleaned.good, incremental)
        # Loading the same file again replaces its earlier rejections instead of doubling them.
        con.execute("delete from rejected_rows where sha256 = ?", [sha])
        load_id = _log(con, result, sha, started, None)
        rejected = cleaned.rejected.with_columns(
            pl.lit(load_id, dtype=pl.Int64).alias("load_id"),
            pl.lit(result.name).alias("file_name"),
            pl.lit(sha).alias("sha256"),
        ).select("load_id", "file_name", "sha256", "row_number", "reason", "detail", "raw")
        con.register("incoming_rejects", rejected.to_arrow())
        con.execute("insert into rejected_rows select * from incoming_rejects")
        con.unregister("incoming_rejects")
        con.execute("commit")
        log.info("phase committed %s", result.name)
    except BaseException:
        con.execute("rollback")
        raise
    return result


def _ordered(paths: list[Path]) -> list[tuple[Path, str | None]]:
    """Catalog first, then plans, then filing records (checked against the catalog);
    the given order is kept within a kind, so the later export of a record wins."""
    kinds = [(path, peek_kind(path)) for path in paths]
    rank = {kind: index for index, kind in enumerate(KIND_ORDER)}
    return sorted(kinds, key=lambda item: rank.get(item[1], len(rank)))


def _can_refresh_incrementally(
    con: duckdb.DuckDBPyConnection, ordered: list[tuple[Path, str | None]]
) -> bool:
    """Patch the summaries day by day unless they are empty or the catalog (fees) changes."""
    has_summaries = scalar(con, "select exists (from daily_activity)")
    return bool(has_summaries) and all(kind != "catalog" for _, kind in ordered)


def load_files(
    paths: list[Path],
    db_path: Path | None = None,
    fresh: bool = False,
    on_progress: Progress | None = None,
    display_names: Mapping[Path, str] | None = None,
    province_codes: list[int] | None = None,
) -> list[FileResult]:
    """Load files into the warehouse at db_path (a fresh one if asked) and publish it.

    `display_names` gives a file the name a person knows it by (an upload saved under a
    generated name keeps its original name in load_log, rejected_rows and the results).
    `province_codes` are the provinces whose units a new warehouse is seeded with (default:
    the PROVINCES setting); an existing warehouse keeps its units."""
    names = display_names or {}
    live = Path(db_path or warehouse_path())
    report = on_progress or (lambda message, fraction: None)
    results: list[FileResult] = []
    with writer_lock(live):
        log.info("phase copy")
        con, work = open_work_copy(live, fresh)
        try:
            create_tables(con)
            _seed_units(con, province_codes)
            ordered = _ordered(paths)
            incremental = _can_refresh_incrementally(con, ordered)
            for index, (path, kind) in enumerate(ordered):
                report(f"Đang nạp {names.get(path, path.name)}", index / (len(ordered) + 1))
                log.info("phase read %s", names.get(path, path.name))
                results.append(_load_one(con, path, kind, incremental, names.get(path)))
            report("Đang cập nhật bảng tổng hợp", len(ordered) / (len(ordered) + 1))
            log.info("phase summaries")
            con.execute("begin")
            if incremental:
                summaries.refresh_touched(con)
            else:
                summaries.refresh(con)
            con.execute(
                "insert or replace into warehouse_info values ('built_at', ?)",
                [datetime.now().isoformat(timespec="seconds")],
            )
            con.execute("commit")
        except BaseException:
            discard(con, work)
            raise
        log.info("phase publish")
        publish(con, work, live)
        log.info("phase published")
    report("Xong", 1.0)
    return results
