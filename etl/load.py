"""Load export files into the warehouse: inspect, read, clean, upsert, log, refresh summaries.

One command works on one private copy of the warehouse (see `etl.warehouse_file`) and
publishes it at the end, so the dashboard sees all of a command's files at once or none. Each
file is looked at once (`etl.reader.inspect`) to learn its kind, then loaded in its own
transaction, every table of it (a workbook's data sheets) together: a file that cannot be read,
or whose data sheet cannot, changes no data and is recorded in `load_log` as failed, with the
reason. Recording that failure rewrites the warehouse file (one `load_log` row); the data stay
as they were.

Filing records are upserted by `etl.versions`: a stored version is replaced only by a later
real-world state, so the result does not depend on the order of the files, in one command or
across commands, and loading a file twice changes nothing. Catalogs and plans update the
columns they have (`etl.catalog`).
"""

from __future__ import annotations

import copy
import errno
import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import duckdb
import polars as pl

from etl import summaries
from etl.aliases import APPLICATION_OPTIONAL
from etl.applications import clean_applications
from etl.catalog import NEW, Update, clean_catalog, clean_plans
from etl.dates import local_now, local_today
from etl.errors import UnreadableFile
from etl.locks import note_changes
from etl.reader import KIND_ORDER, Part, RawTable, Source, inspect, read_part
from etl.rules import Cleaned, Context
from etl.schema import create_tables, missing_parts, scalar
from etl.settings import province_codes, warehouse_path
from etl.staffing import clean_staffing, upsert_staffing
from etl.timing import phase, recording, timed
from etl.units import Unit, UnitMatcher, reference_units
from etl.versions import KEY, newer_than_stored
from etl.warehouse_file import discard, open_work_copy, publish, writer_lock

Progress = Callable[[str, float], None]
# Phases of a load, logged at INFO (`ETL_LOG=INFO python -m etl load …` shows them): operators
# see where a load is, and the kill tests stop a load in each phase.
log = logging.getLogger("etl.load")

TARGETS = {"applications": "applications", "catalog": "procedures", "plans": "simplifications"}
_RANK = {kind: index for index, kind in enumerate(KIND_ORDER)}


@dataclass
class PartResult:
    """What one table of a file (the file, or one sheet) did to the warehouse."""

    kind: str
    sheet: str | None = None
    rows_read: int = 0
    rows_loaded: int = 0
    rows_rejected: int = 0
    # Loaded rows the warehouse already held in a later state (an older export).
    rows_outdated: int = 0
    footer_lines: int = 0
    reasons: dict[str, int] = field(default_factory=dict)
    missing_fields: list[str] = field(default_factory=list)  # optional fields it lacks


@dataclass
class FileResult:
    """What one file did to the warehouse; rows_read = rows_loaded + rows_rejected, summed
    over its parts (a workbook's data sheets)."""

    path: Path
    kind: str | None = None  # the kind of every part, or None if they differ
    error: str | None = None
    # The name a person gave the file (an upload is saved under a generated name).
    display_name: str | None = None
    parts: list[PartResult] = field(default_factory=list)
    passed_over: list[str] = field(default_factory=list)  # workbook sheets without data

    @property
    def name(self) -> str:
        """The file name load_log, rejected_rows and messages show."""
        return self.display_name or self.path.name

    def _total(self, count: str) -> int:
        return sum(getattr(part, count) for part in self.parts)

    rows_read = property(lambda self: self._total("rows_read"))
    rows_loaded = property(lambda self: self._total("rows_loaded"))
    rows_rejected = property(lambda self: self._total("rows_rejected"))
    rows_outdated = property(lambda self: self._total("rows_outdated"))
    footer_lines = property(lambda self: self._total("footer_lines"))

    @property
    def reasons(self) -> dict[str, int]:
        total: Counter[str] = Counter()
        for part in self.parts:
            total.update(part.reasons)
        return dict(total)


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
    units = pl.DataFrame(
        [
            (u.unit_code, u.name, u.kind, u.province_code)
            for u in reference_units(provinces or province_codes())
        ],
        schema=["unit_code", "name", "kind", "province_code"],
        orient="row",
    )
    con.register("seed_units", units.to_arrow())
    try:
        con.execute("insert into units by name select * from seed_units")
    finally:
        con.unregister("seed_units")


def _codes(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {row[0] for row in con.sql(f"select procedure_code from {table}").fetchall()}  # noqa: S608


@lru_cache(maxsize=2)
def _matchers(units: tuple[Unit, ...]) -> tuple[UnitMatcher, UnitMatcher]:
    """The matchers of all units and of the agencies. Building them normalises every unit name
    (0.15 s for the country's 3,300 units), and a load's units stay the same from file to file:
    once per load, not twice per file."""
    agencies = [unit for unit in units if unit.kind == "so_nganh"]
    return UnitMatcher(list(units)), UnitMatcher(agencies)


def _context(con: duckdb.DuckDBPyConnection, today: date) -> Context:
    query = "select unit_code, name, kind, province_code from units order by unit_code"
    units = tuple(Unit(*row) for row in con.sql(query).fetchall())
    matchers = tuple(copy.copy(matcher) for matcher in _matchers(units))
    for matcher in matchers:  # counted apart from the rest of the validation (etl.timing)
        matcher.match = timed(matcher.match, "match_units")
    return Context(
        *matchers,
        _codes(con, "procedures"),
        today,
        _codes(con, "simplifications"),
    )


def _clean(raw: RawTable, ctx: Context, name: str, con: duckdb.DuckDBPyConnection) -> Cleaned:
    if raw.kind == "applications":
        cleaned = clean_applications(raw, ctx, name)
    elif raw.kind == "staffing":
        fields = {row[0] for row in con.sql("select distinct field from procedures").fetchall()}
        cleaned = clean_staffing(raw, ctx, fields)
    elif raw.kind == "catalog":
        cleaned = clean_catalog(raw, ctx)
    else:
        cleaned = clean_plans(raw, ctx)
    # Nothing is dropped silently: every row read is either loaded or rejected.
    assert raw.frame.height == cleaned.good.height + cleaned.rejected.height, name
    return cleaned


def _upsert_applications(
    con: duckdb.DuckDBPyConnection, good: pl.DataFrame, incremental: bool
) -> pl.DataFrame:
    """Write the incoming versions that beat the stored ones; return those written."""
    if scalar(con, "select exists (from applications)"):
        con.register("incoming_ids", good.select(KEY).to_arrow())
        try:
            columns = ", ".join(good.columns)
            stored = con.sql(
                f"select {columns} from applications "  # noqa: S608 (column names)
                "where application_id in (select application_id from incoming_ids)"
            ).pl()
        finally:
            con.unregister("incoming_ids")
        if stored.height:
            clash = good.get_column(KEY).is_in(stored.get_column(KEY).implode())
            newer = newer_than_stored(good.filter(clash), stored)
            good = good.filter((~clash).scatter(clash.arg_true(), newer))
    con.register("incoming", good.to_arrow())
    try:
        note_changes(con, good.columns)  # what this load changes under a locked period
        if incremental:
            with phase("summaries"):
                summaries.touch_incoming(con)
        con.execute(
            "delete from applications where application_id in (select application_id from incoming)"
        )
        con.execute("insert into applications by name select * from incoming")
    finally:
        con.unregister("incoming")
    return good


def _upsert_partial(con: duckdb.DuckDBPyConnection, table: str, update: Update) -> None:
    """Update the stored rows' columns the file has; insert the new rows whole."""
    con.register("incoming", update.good.to_arrow())
    try:
        sets = ", ".join(
            f"{c.name} = coalesce(i.{c.name}, t.{c.name})"
            if c.empty_keeps
            else f"{c.name} = i.{c.name}"
            for c in update.columns or []
        )
        if sets:
            con.execute(
                f"update {table} as t set {sets} from incoming as i "  # noqa: S608 (constant names)
                f"where t.{update.key} = i.{update.key} and not i.{NEW}"
            )
        insert = f"insert into {table} by name select * exclude ({NEW}) from incoming where {NEW}"  # noqa: S608
        con.execute(insert)
    finally:
        con.unregister("incoming")


@dataclass
class _Logged:
    """The identity of a file in load_log and rejected_rows."""

    name: str
    sha: str
    started: datetime


def _log(
    con: duckdb.DuckDBPyConnection,
    logged: _Logged,
    part: PartResult | None,
    kind: str | None,
    message: str | None = None,
) -> int:
    load_id = scalar(con, "select coalesce(max(load_id), 0) + 1 from load_log")
    part = part or PartResult(kind or "")
    con.execute(
        """insert into load_log (
            load_id, file_name, sha256, kind, rows_read, rows_loaded, rows_rejected,
            started_at, finished_at, outcome, message, sheet, footer_lines
        ) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            load_id, logged.name, logged.sha, kind, part.rows_read, part.rows_loaded,
            part.rows_rejected, logged.started, local_now(), "failed" if message else "loaded",
            message, part.sheet, part.footer_lines,
        ],
    )  # fmt: skip
    return load_id


def _store_rejections(
    con: duckdb.DuckDBPyConnection, load_id: int, logged: _Logged, sheet: str | None, rejected
) -> None:
    frame = rejected.with_columns(
        pl.lit(load_id, dtype=pl.Int64).alias("load_id"),
        pl.lit(logged.name).alias("file_name"),
        pl.lit(logged.sha).alias("sha256"),
        pl.lit(sheet, dtype=pl.String).alias("sheet"),
    )
    con.register("incoming_rejects", frame.to_arrow())
    try:
        con.execute("insert into rejected_rows by name select * from incoming_rejects")
    finally:
        con.unregister("incoming_rejects")


def _store_columns(
    con: duckdb.DuckDBPyConnection,
    load_id: int,
    logged: _Logged,
    raw: RawTable,
    good: pl.DataFrame,
) -> list[str]:
    """Which optional fields the table had, per month of its loaded rows; the missing ones."""
    months = good.group_by(pl.col("received_at").dt.truncate("1mo").dt.date().alias("month")).len(
        "rows"
    )
    frame = pl.DataFrame({"field": APPLICATION_OPTIONAL}).with_columns(
        pl.col("field").is_in(sorted(raw.fields)).alias("present")
    )
    frame = frame.join(months, how="cross").with_columns(
        pl.lit(load_id, dtype=pl.Int64).alias("load_id"),
        pl.lit(logged.name).alias("file_name"),
        pl.lit(logged.sha).alias("sha256"),
        pl.lit(raw.sheet, dtype=pl.String).alias("sheet"),
    )
    con.register("incoming_columns", frame.to_arrow())
    try:
        con.execute("insert into file_columns by name select * from incoming_columns")
    finally:
        con.unregister("incoming_columns")
    return [f for f in APPLICATION_OPTIONAL if f not in raw.fields]


def _load_part(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    part: Part,
    logged: _Logged,
    sha: Future[str] | None,
    incremental: bool,
    today: date,
) -> PartResult:
    with phase("read"):
        raw = read_part(source, part)
    with phase("validate"):
        cleaned = _clean(raw, _context(con, today), logged.name, con)
    if sha is not None:
        with phase("read"):  # the checksum, read beside the parsing
            logged.sha = sha.result()
        with phase("rejections"):
            # Loading the same file again replaces its earlier rejections instead of doubling them.
            con.execute("delete from rejected_rows where sha256 = ?", [logged.sha])
            con.execute("delete from file_columns where sha256 = ?", [logged.sha])
    log.info("phase write %s", logged.name)
    result = PartResult(
        raw.kind,
        part.sheet,
        rows_read=raw.frame.height,
        rows_loaded=cleaned.good.height,
        rows_rejected=cleaned.rejected.height,
        footer_lines=raw.footer_lines,
        reasons=dict(Counter(cleaned.rejected.get_column("reason").to_list())),
    )
    with phase("upsert"):
        if raw.kind == "applications":
            written = _upsert_applications(con, cleaned.good, incremental)
            result.rows_outdated = cleaned.good.height - written.height
        elif raw.kind == "staffing":
            upsert_staffing(con, cleaned.good, logged.name)
        else:
            assert isinstance(cleaned, Update)
            _upsert_partial(con, TARGETS[raw.kind], cleaned)
        load_id = _log(con, logged, result, raw.kind)
    with phase("rejections"):
        _store_rejections(con, load_id, logged, part.sheet, cleaned.rejected)
    if raw.kind == "applications":
        with phase("upsert"):
            result.missing_fields = _store_columns(con, load_id, logged, raw, cleaned.good)
    return result


def _load_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    source: Source | UnreadableFile,
    incremental: bool,
    today: date,
    display_name: str | None,
) -> FileResult:
    result = FileResult(path, display_name=display_name)
    logged = _Logged(result.name, "", local_now())
    with ThreadPoolExecutor(max_workers=1) as pool:
        # The checksum runs beside the parsing (both release the GIL).
        sha = pool.submit(file_sha256, path) if path.is_file() else None
        if isinstance(source, UnreadableFile):
            result.error = str(source)
        else:
            result.kind = source.kinds[0] if len(set(source.kinds)) == 1 else None
            result.passed_over = source.passed_over
            result.error = _load_parts(con, source, logged, sha, incremental, today, result)
        if result.error:
            logged.sha = sha.result() if sha else ""
            con.execute("begin")
            _log(con, logged, None, result.kind, result.error)
            con.execute("commit")
    return result


def _load_parts(
    con: duckdb.DuckDBPyConnection,
    source: Source,
    logged: _Logged,
    sha: Future[str] | None,
    incremental: bool,
    today: date,
    result: FileResult,
) -> str | None:
    """Load every table of the file in one transaction; the reason if one cannot be read."""
    con.execute("begin")
    try:
        for index, part in enumerate(sorted(source.parts, key=lambda p: _RANK[p.kind])):
            result.parts.append(
                _load_part(
                    con, source, part, logged, sha if index == 0 else None, incremental, today
                )
            )
    except UnreadableFile as unreadable:
        con.execute("rollback")
        result.parts.clear()
        return str(unreadable)
    except BaseException:
        con.execute("rollback")
        raise
    with phase("upsert"):
        con.execute("commit")
    log.info("phase committed %s", logged.name)
    return None


def _inspected(path: Path) -> Source | UnreadableFile:
    try:
        return inspect(path)
    except UnreadableFile as unreadable:
        return unreadable


def _ordered(paths: list[Path]) -> list[tuple[Path, Source | UnreadableFile]]:
    """Files with a catalog first, then plans, then filing records (checked against the
    catalog); a file that cannot be read is reported where it comes."""

    def rank(item: tuple[Path, Source | UnreadableFile]) -> int:
        source = item[1]
        if isinstance(source, UnreadableFile):
            return len(_RANK)
        return min(_RANK[kind] for kind in source.kinds)

    return sorted(((path, _inspected(path)) for path in paths), key=rank)


def _can_refresh_incrementally(
    con: duckdb.DuckDBPyConnection, ordered: list[tuple[Path, Source | UnreadableFile]]
) -> bool:
    """Patch the summaries day by day unless they are empty or the catalog (fees) changes."""
    has_summaries = scalar(con, "select exists (from daily_activity)")
    catalogs = any(
        isinstance(source, Source) and "catalog" in source.kinds for _, source in ordered
    )
    return bool(has_summaries) and not catalogs


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
    the PROVINCES setting); an existing warehouse keeps its units. Dates of events after the
    day of the load (local time) are rejected."""
    names = display_names or {}
    live = Path(db_path or warehouse_path())
    report = on_progress or (lambda message, fraction: None)
    results: list[FileResult] = []
    with recording(), writer_lock(live):
        log.info("phase copy")
        with phase("copy"):
            con, work = open_work_copy(live, fresh)
        try:
            with phase("copy"):
                create_tables(con)
                _seed_units(con, province_codes)
            today = local_today()
            with phase("read"):
                ordered = _ordered(paths)
            incremental = _can_refresh_incrementally(con, ordered)
            for index, (path, source) in enumerate(ordered):
                report(f"Đang nạp {names.get(path, path.name)}", index / (len(ordered) + 1))
                log.info("phase read %s", names.get(path, path.name))
                results.append(_load_file(con, path, source, incremental, today, names.get(path)))
            report("Đang cập nhật bảng tổng hợp", len(ordered) / (len(ordered) + 1))
            log.info("phase summaries")
            if any(result.error is None for result in results):
                with phase("summaries"):
                    _refresh_summaries(con, incremental)
        except BaseException:
            discard(con, work)
            raise
        log.info("phase publish")
        with phase("publish"):
            publish(con, work, live)
        log.info("phase published")
    report("Xong", 1.0)
    return results


def upgrade_warehouse(db_path: Path | None = None) -> list[str]:
    """Bring a warehouse made by an older version up to this version's schema: new tables and
    columns, every summary rebuilt from the applications. Published like a load (readers see
    the old or the new file; a kill leaves the old one). Returns what was missing."""
    live = Path(db_path or warehouse_path())
    if not live.exists():
        raise FileNotFoundError(errno.ENOENT, "không có kho dữ liệu", str(live))
    with writer_lock(live):
        con, work = open_work_copy(live, fresh=False)
        try:
            missing = missing_parts(con)
            create_tables(con)
            _refresh_summaries(con, incremental=False)
        except BaseException:
            discard(con, work)
            raise
        publish(con, work, live)
    return missing


def _refresh_summaries(con: duckdb.DuckDBPyConnection, incremental: bool) -> None:
    con.execute("begin")
    if incremental:
        summaries.refresh_touched(con)
    else:
        summaries.refresh(con)
    con.execute(
        "insert or replace into warehouse_info values ('built_at', ?)",
        [local_now().isoformat(timespec="seconds")],
    )
    con.execute("commit")
