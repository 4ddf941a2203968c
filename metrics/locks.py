"""Chốt số liệu (locked periods): a period's figures as they were when its report was sent,
beside the figures the warehouse gives now, and why they differ.

An administrator locks a period (`lock_period`; the upload page or `python -m reports lock`).
The lock keeps the base counts of `metrics.measures` and Biểu II.06a's rows for the whole
warehouse and for every unit (communes and sở, ngành): rates and derived counts are made from
the kept counts by the same declarations as everywhere, so a locked on-time rate is the rate of
the locked counts. Later loads never change what a lock keeps; they note which applications
they changed under it (`etl.locks.note_changes`), and `causes` lists them with the load (file,
time) that changed them.

A view has locked figures when its period is exactly a locked one and it shows the whole
warehouse, or one unit and nothing else narrowed (`lock_scope`): other filters (a field, a
channel) cut the figures in ways the lock did not keep.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl

from etl.locks import Snapshot, Written, write_lock
from etl.schema import BIEU_COLUMNS
from metrics.bieu_06a import CLOSED, VALUE_COLUMNS, form_body, form_rows
from metrics.breakdown import counts_by
from metrics.counts import period_counts
from metrics.filters import Filters
from metrics.kpis import PeriodKpis, period_kpis
from metrics.measures import BASE_NAMES, COUNT_NAMES, with_counts

# The whole warehouse (the city) in the lock tables.
WHOLE = ""
# What the lock comparison lists, in this order: counts people sign, then the rates.
COMPARED_COUNTS = (
    "received", "to_handle", "resolved", "resolved_late", "closed", "in_progress", "overdue",
)  # fmt: skip
COMPARED_RATES = ("resolution_rate", "on_time_rate", "online_share")
assert (*VALUE_COLUMNS, CLOSED) == BIEU_COLUMNS, "lock_bieu's columns are Biểu II.06a's"


@dataclass(frozen=True)
class Lock:
    """One locked period: who locked it and when (local time), and the last load it includes."""

    lock_id: int
    start: date
    end: date
    locked_by: str
    locked_at: datetime
    note: str | None
    last_load_id: int | None


def snapshot(con: duckdb.DuckDBPyConnection, start: date, end: date) -> Snapshot:
    """The period's base counts and Biểu II.06a rows, for the whole warehouse and every unit."""
    filters = Filters(start, end)
    whole = period_counts(con, filters, [(start, end)]).drop("idx", "d0", "d1")
    per_unit = period_counts(con, filters, [(start, end)], by=("unit_code",)).drop(
        "idx", "d0", "d1"
    )
    counts = pl.concat(
        [whole.with_columns(pl.lit(WHOLE).alias("unit_code")), per_unit], how="diagonal"
    ).unpivot(index="unit_code", on=list(BASE_NAMES), variable_name="name", value_name="value")
    by_field = counts_by(con, filters, ("unit_code", "level", "field"))
    forms = [_numbered(form_body(counts_by(con, filters, ("level", "field"))), WHOLE)]
    for (unit,), rows in by_field.partition_by(
        "unit_code", as_dict=True, maintain_order=True
    ).items():
        forms.append(_numbered(form_body(rows), str(unit)))
    return Snapshot(
        counts.with_columns(pl.col("value").cast(pl.Float64)),
        pl.concat(forms, how="vertical_relaxed"),
    )


def _numbered(rows: pl.DataFrame, unit: str) -> pl.DataFrame:
    return rows.with_row_index("position").with_columns(
        pl.col("position").cast(pl.Int32), pl.lit(unit).alias("unit_code")
    )


def lock_period(
    start: date, end: date, by: str, note: str | None = None, db_path: Path | None = None
) -> Written:
    """Lock [start, end] in the warehouse at `db_path` (default: the app's), as `by`."""
    if start > end:
        raise ValueError(f"period starts after it ends: {start} > {end}")
    return write_lock(start, end, by, note, lambda con: snapshot(con, start, end), db_path)


_LOCKED_FORM = (
    f"select row_kind, level, field, {', '.join(BIEU_COLUMNS)} from lock_bieu"  # noqa: S608
    " where lock_id = ? and unit_code = ? order by position"
)
_LOCKS = """
select lock_id, period_start, period_end, locked_by, locked_at, note, last_load_id
from locks order by lock_id
"""


def has_locks(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the warehouse has lock tables (an older one may not) with a lock in them."""
    tables = {row[0] for row in con.sql("select table_name from duckdb_tables()").fetchall()}
    return "locks" in tables and bool(con.sql("select count(*) from locks").fetchall()[0][0])


def all_locks(con: duckdb.DuckDBPyConnection) -> list[Lock]:
    """Every lock, oldest first."""
    if not has_locks(con):
        return []
    return [Lock(*row) for row in con.sql(_LOCKS).fetchall()]


def changed_counts(con: duckdb.DuckDBPyConnection) -> dict[int, int]:
    """How many applications later loads changed under each lock (locks without: absent)."""
    if not has_locks(con):
        return {}
    query = "select lock_id, count(distinct application_id) from lock_changes group by lock_id"
    return dict(con.sql(query).fetchall())


def lock_for(con: duckdb.DuckDBPyConnection, start: date, end: date) -> Lock | None:
    """The latest lock of exactly the period [start, end], if any."""
    matching = [lock for lock in all_locks(con) if (lock.start, lock.end) == (start, end)]
    return matching[-1] if matching else None


def lock_scope(filters: Filters) -> str | None:
    """The lock tables' unit_code for the view (WHOLE or one unit), or None when the view is
    narrowed in a way a lock does not keep (a field, a channel, several units, an agency's
    procedures)."""
    if filters.access.role == "agency":
        return None
    if replace(filters, unit_codes=()).is_restricted() or len(filters.unit_codes) > 1:
        return None
    if filters.unit_codes:
        return filters.unit_codes[0]
    if filters.access.role == "commune":
        return None if len(filters.access.unit_codes) != 1 else filters.access.unit_codes[0]
    return WHOLE


def locked_kpis(con: duckdb.DuckDBPyConnection, lock: Lock, unit: str) -> PeriodKpis:
    """The counts the lock kept for `unit` (WHOLE: the warehouse), with the derived counts made
    by `metrics.measures`; zeros for a unit that had nothing in the period."""
    kept = dict(
        con.sql(
            "select name, value from lock_counts where lock_id = ? and unit_code = ?",
            params=[lock.lock_id, unit],
        ).fetchall()
    )
    frame = with_counts(pl.DataFrame({name: [float(kept.get(name, 0))] for name in BASE_NAMES}))
    return PeriodKpis(lock.start, lock.end, {name: frame[name][0] for name in COUNT_NAMES})


def locked_form(con: duckdb.DuckDBPyConnection, lock: Lock, unit: str) -> pl.DataFrame:
    """Biểu II.06a's rows as the lock kept them (the columns of `metrics.bieu_06a.form_rows`)."""
    return con.sql(
        _LOCKED_FORM,
        params=[lock.lock_id, unit],
    ).pl()


def kpi_differences(locked: PeriodKpis, current: PeriodKpis) -> pl.DataFrame:
    """One row per compared count and rate: its name, kind (count | rate), the locked and the
    current value and their difference (a rate's in points of 1; None where undefined)."""
    rows = []
    for name in COMPARED_COUNTS:
        was, now = locked.count(name), current.count(name)
        rows.append((name, "count", was, now, now - was))
    for name in COMPARED_RATES:
        was, now = locked.rate(name).value, current.rate(name).value
        rows.append((name, "rate", was, now, None if was is None or now is None else now - was))
    return pl.DataFrame(
        rows, schema=["name", "kind", "locked", "current", "difference"], orient="row"
    )


def form_differences(locked: pl.DataFrame, current: pl.DataFrame) -> pl.DataFrame:
    """The cells of Biểu II.06a that differ between the locked and the current form: row_kind,
    level, field, column (a VALUE_COLUMNS name), locked, current, difference; in form order."""
    keys = ["row_kind", "level", "field"]

    def cells(rows: pl.DataFrame, name: str) -> pl.DataFrame:
        return (
            rows.with_row_index("position")
            .unpivot(index=["position", *keys], on=list(VALUE_COLUMNS), variable_name="column")
            .rename({"value": name})
        )

    joined = cells(locked, "locked").join(
        cells(current, "current").drop("position"),
        on=[*keys, "column"],
        how="full",
        coalesce=True,
        nulls_equal=True,
    )
    order = {name: index for index, name in enumerate(VALUE_COLUMNS)}
    return (
        joined.with_columns(
            pl.col("locked").fill_null(0),
            pl.col("current").fill_null(0),
            pl.col("column").replace_strict(order, return_dtype=pl.Int32).alias("_column"),
        )
        .with_columns((pl.col("current") - pl.col("locked")).alias("difference"))
        .filter(pl.col("difference") != 0)
        .sort(pl.col("position").fill_null(1 << 30), "_column")
        .select(*keys, "column", "locked", "current", "difference")
    )


_CAUSES = """
select c.load_id, g.file_name, g.finished_at as loaded_at, c.application_id,
    a.unit_code, c.status_before, c.status_after
from lock_changes as c
join load_log as g using (load_id)
left join applications as a using (application_id)
where c.lock_id = ? and (? = '' or a.unit_code = ?)
order by c.load_id, c.application_id
"""


def causes(con: duckdb.DuckDBPyConnection, lock: Lock, unit: str) -> pl.DataFrame:
    """The applications later loads changed under the lock (for `unit`, or all for WHOLE), each
    with the load that changed it: load_id, file_name, loaded_at (local time), application_id,
    unit_code, status_before (null: new to the warehouse), status_after."""
    return con.sql(_CAUSES, params=[lock.lock_id, unit, unit]).pl()


def cause_loads(changes: pl.DataFrame) -> pl.DataFrame:
    """The loads behind `causes`: load_id, file_name, loaded_at, applications (how many)."""
    return (
        changes.group_by("load_id", "file_name", "loaded_at")
        .agg(pl.col("application_id").n_unique().alias("applications"))
        .sort("load_id")
    )


@dataclass(frozen=True)
class LockedView:
    """What a page shows for a locked period: the lock, its figures and today's, the cells
    that differ, and the changes behind them."""

    lock: Lock
    unit: str
    locked: PeriodKpis
    kpis: pl.DataFrame  # kpi_differences
    form: pl.DataFrame  # form_differences
    changes: pl.DataFrame  # causes

    @property
    def differs(self) -> bool:
        return bool(self.form.height) or bool(
            self.kpis.filter(pl.col("difference").fill_null(0) != 0).height
        )


def locked_view(con: duckdb.DuckDBPyConnection, filters: Filters) -> LockedView | None:
    """The locked figures of the view's period and scope beside today's, or None when no lock
    covers the view."""
    unit = lock_scope(filters)
    lock = lock_for(con, filters.start, filters.end) if unit is not None else None
    if lock is None or unit is None:
        return None
    locked = locked_kpis(con, lock, unit)
    [current] = period_kpis(con, filters, [(filters.start, filters.end)])
    return LockedView(
        lock,
        unit,
        locked,
        kpi_differences(locked, current),
        form_differences(locked_form(con, lock, unit), form_rows(con, filters)),
        causes(con, lock, unit),
    )
