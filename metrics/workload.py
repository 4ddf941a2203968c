"""Workload per official by unit and field, transfer requests and candidates (issue 16).

The work is the applications of `metrics.counts` (the one query): to handle (received +
carried in), in progress at d1 and, of those, overdue, per unit × field for the view's period
and filters. The people are one staffing count (`staffing`), the latest as-of date on or before
the period's end (the earliest one when the period is older than every count), read through
`metrics.scope` like every other table, so a commune account sees its own unit only.

"Per official" is a ratio shown with its numerator and denominator; a unit or field without
officials has none (null), never infinity. A unit is "far above" when its workload per
official exceeds FAR_ABOVE times the median of the units listed.

The what-ifs are plain functions of the unit × field table: moving officials between units,
and a suggested assignment of the candidates (a suggestion, not a decision): each candidate of
a field goes, one at a time, to the unit that asked for that field with the highest
applications to handle per official in it (after the candidates already given), ties to the
unit with more requests still open, then by unit code; never more than a unit asked for, never
to a unit that did not ask, never more candidates than the field has.
"""

# ruff: noqa: S608 -- only constant SQL of this module is composed here; values are bound.
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import polars as pl

from etl.staffing import office_of_field
from metrics.activity import buckets
from metrics.counts import period_counts
from metrics.filters import Filters
from metrics.scope import scoped
from metrics.units_league import unit_filters

FAR_ABOVE = 1.5
WORK = ("to_handle", "in_progress", "overdue")
PEOPLE = ("officials", "positions", "transfer_requests", "candidates")
_COUNTS = ("received", "carried_in", "in_progress", "overdue")


def staffing_date(con: duckdb.DuckDBPyConnection, filters: Filters) -> date | None:
    """The as-of date the view uses: the latest on or before the period's end, else the
    earliest there is; None without staffing data in the view."""
    rows = scoped("staffing", filters)
    found = con.sql(
        f"select coalesce(max(as_of) filter (where as_of <= ?), min(as_of)) from ({rows.text})",
        params=[filters.end, *rows.params],
    ).fetchall()[0][0]
    return found


def staffing_rows(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: date | None = None
) -> pl.DataFrame:
    """The view's staffing rows of one as-of date (`staffing_date` unless given)."""
    day = as_of or staffing_date(con, filters)
    rows = scoped("staffing", filters)
    return con.sql(
        f"select unit_code, office, field, {', '.join(PEOPLE)}, as_of"
        f" from ({rows.text}) where as_of = ? order by unit_code, office, field",
        params=[*rows.params, day],
    ).pl()


def unit_history(con: duckdb.DuckDBPyConnection, filters: Filters, unit_code: str) -> pl.DataFrame:
    """One unit's staffing at every as-of date in the view: officials, positions, requests and
    candidates summed over its offices and fields, oldest first (how its requests changed)."""
    rows = scoped("staffing", filters)
    sums = ", ".join(f"sum({name})::bigint as {name}" for name in PEOPLE)
    return con.sql(
        f"select as_of, {sums} from ({rows.text}) where unit_code = ?"
        " group by as_of order by as_of",
        params=[*rows.params, unit_code],
    ).pl()


def unit_trend(con: duckdb.DuckDBPyConnection, filters: Filters, unit_code: str) -> pl.DataFrame:
    """One unit month by month in the view: applications to handle in the month (received +
    carried in), in progress and overdue at its last day, the officials of the count in force
    then (the latest as-of date on or before the month's last day, else the earliest) and each
    per official. A month cut by the period's edges counts only the period's days, and
    `first_day`/`last_day` say which; every month of the period is listed, busy or not."""
    spans = buckets(filters.start, filters.end, "month")
    counts = period_counts(
        con, unit_filters(filters, unit_code), [(f, last) for _, f, last in spans], names=_COUNTS
    )
    history = unit_history(con, filters, unit_code).sort("as_of")
    counts_at = list(zip(history.get_column("as_of"), history.get_column("officials"), strict=True))
    officials = [
        next(
            (n for day, n in reversed(counts_at) if day <= last),
            counts_at[0][1] if counts_at else None,
        )
        for last in counts.get_column("d1")
    ]
    frame = counts.select(
        pl.col("d0").alias("first_day"),
        pl.col("d1").alias("last_day"),
        (pl.col("received") + pl.col("carried_in")).alias("to_handle"),
        "in_progress",
        "overdue",
        pl.Series("officials", officials, dtype=pl.Int64),
    )
    return _per_official(frame)


def _in_force(history: list[tuple[date, int]], day: date) -> int | None:
    """The officials of the count in force on `day` in an oldest-first history, by the rule
    of `staffing_date`: the latest count on or before it, else the earliest."""
    before = [officials for as_of, officials in history if as_of <= day]
    if before:
        return before[-1]
    return history[0][1] if history else None


def _work(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    counts = period_counts(
        con, filters, [(filters.start, filters.end)], by=("unit_code", "field"), names=_COUNTS
    )
    return counts.select(
        "unit_code",
        "field",
        (pl.col("received") + pl.col("carried_in")).alias("to_handle"),
        "in_progress",
        "overdue",
    )


def _per_official(frame: pl.DataFrame) -> pl.DataFrame:
    """Each work count per official (null without officials)."""
    return frame.with_columns(
        [
            pl.when(pl.col("officials") > 0)
            .then(pl.col(name) / pl.col("officials"))
            .otherwise(None)
            .alias(f"{name}_per_official")
            for name in WORK
        ]
    )


def _names(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    return con.sql("select unit_code, name, kind from units").pl()


def unit_field_workload(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: date | None = None
) -> pl.DataFrame:
    """Per unit × field with staffing: name, kind, office, officials, positions, requests,
    candidates, the work counts and each per official."""
    people = staffing_rows(con, filters, as_of).filter(pl.col("field").is_not_null())
    work = _work(con, filters)
    frame = people.join(work, on=["unit_code", "field"], how="left").with_columns(
        [pl.col(name).fill_null(0) for name in WORK]
    )
    frame = frame.join(_names(con), on="unit_code", how="left")
    return _per_official(frame).sort("unit_code", "field")


def unit_workload(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: date | None = None
) -> pl.DataFrame:
    """Per unit with staffing: every application of the unit in the view (all its fields) per
    official of the unit; `median` of the units' workloads and `far_above` it. Ranked from the
    highest workload per official."""
    people = (
        staffing_rows(con, filters, as_of)
        .group_by("unit_code")
        .agg([pl.col(name).sum() for name in PEOPLE])
    )
    work = _work(con, filters).group_by("unit_code").agg([pl.col(n).sum() for n in WORK])
    frame = people.join(work, on="unit_code", how="left").with_columns(
        [pl.col(name).fill_null(0) for name in WORK]
    )
    frame = _per_official(frame.join(_names(con), on="unit_code", how="left"))
    return with_median(frame)


def workload_total(units: pl.DataFrame) -> dict[str, float | None]:
    """The ranking's total row: officials, requests, candidates and work summed over the units
    listed, each per-official value divided anew from the sums (never an average of ratios), so
    over every staffed unit it is the city's applications per official for the same filters."""
    summed = pl.DataFrame({name: [units[name].sum()] for name in (*PEOPLE, *WORK)})
    return _per_official(summed).row(0, named=True)


def with_median(frame: pl.DataFrame) -> pl.DataFrame:
    """`median` of to_handle per official over the rows, `far_above` (more than FAR_ABOVE
    times it), ranked from the highest workload per official (equal values share a rank)."""
    median = frame.get_column("to_handle_per_official").median()
    return frame.with_columns(
        pl.lit(median, dtype=pl.Float64).alias("median"),
        (pl.col("to_handle_per_official") > FAR_ABOVE * pl.lit(median)).alias("far_above"),
        pl.col("to_handle_per_official").rank("min", descending=True).cast(pl.Int64).alias("rank"),
    ).sort("to_handle_per_official", "unit_code", descending=[True, False], nulls_last=True)


def requests_by_field(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: date | None = None
) -> pl.DataFrame:
    """Per field: transfer requests, candidates, requests not covered, and its office."""
    offices = office_of_field()
    return _covered(
        staffing_rows(con, filters, as_of)
        .filter(pl.col("field").is_not_null())
        .group_by("field")
        .agg(pl.col("transfer_requests").sum(), pl.col("candidates").sum())
        .with_columns(
            pl.col("field")
            .replace_strict(offices, default=None, return_dtype=pl.String)
            .alias("office")
        )
    ).sort("transfer_requests", "field", descending=[True, False])


def requests_by_unit(
    con: duckdb.DuckDBPyConnection, filters: Filters, as_of: date | None = None
) -> pl.DataFrame:
    """Per unit: transfer requests, candidates, requests not covered, and the share of its
    requests that candidates cover (null for a unit that asked for nobody)."""
    frame = (
        staffing_rows(con, filters, as_of)
        .group_by("unit_code")
        .agg(pl.col("transfer_requests").sum(), pl.col("candidates").sum())
        .join(_names(con), on="unit_code", how="left")
    )
    return _covered(frame).sort("transfer_requests", "unit_code", descending=[True, False])


def _covered(frame: pl.DataFrame) -> pl.DataFrame:
    return frame.with_columns(
        (pl.col("transfer_requests") - pl.col("candidates")).alias("uncovered"),
        pl.when(pl.col("transfer_requests") > 0)
        .then(pl.col("candidates") / pl.col("transfer_requests"))
        .otherwise(None)
        .alias("coverage"),
    )


def unit_totals(unit_fields: pl.DataFrame) -> pl.DataFrame:
    """The unit × field table summed per unit (the what-ifs' view of each unit): only the
    work of the fields with staffing, so moving officials changes these figures exactly."""
    frame = unit_fields.group_by("unit_code", "name").agg(
        [pl.col(name).sum() for name in (*PEOPLE, *WORK)]
    )
    return with_median(_per_official(frame))


@dataclass(frozen=True)
class StaffingSummary:
    """What the A4 report says about staff: the count's date, the ranking of units
    (`unit_workload`) and the requests and candidates by field (`requests_by_field`)."""

    as_of: date
    units: pl.DataFrame
    fields: pl.DataFrame


def staffing_summary(con: duckdb.DuckDBPyConnection, filters: Filters) -> StaffingSummary | None:
    """The report's staffing figures for the view, or None when it has no staffing count."""
    as_of = staffing_date(con, filters)
    if as_of is None:
        return None
    return StaffingSummary(
        as_of, unit_workload(con, filters, as_of), requests_by_field(con, filters, as_of)
    )


@dataclass(frozen=True)
class Spread:
    """How uneven the workloads are: the highest, the median and the lowest to handle per
    official among the units."""

    highest: float | None
    median: float | None
    lowest: float | None


def spread(units: pl.DataFrame) -> Spread:
    values = units.get_column("to_handle_per_official").drop_nulls()
    if values.is_empty():
        return Spread(None, None, None)
    return Spread(float(values.max()), float(values.median()), float(values.min()))


def move_officials(
    unit_fields: pl.DataFrame, field: str, source: str, target: str, count: int
) -> pl.DataFrame:
    """The unit × field table after moving `count` officials of `field` from unit `source` to
    unit `target` (at most as many as the source has; the target gains a row if it had none)."""
    if count < 0:
        raise ValueError("the number of officials to move cannot be negative")
    here = (pl.col("unit_code") == source) & (pl.col("field") == field)
    available = unit_fields.filter(here).get_column("officials").sum()
    moved = min(count, int(available or 0))
    frame = unit_fields.with_columns(
        pl.when(here).then(pl.col("officials") - moved).otherwise(pl.col("officials"))
    )
    there = (pl.col("unit_code") == target) & (pl.col("field") == field)
    if frame.filter(there).is_empty():
        template = frame.filter(pl.col("unit_code") == target).head(1)
        if template.is_empty():
            raise ValueError(f"unit {target} has no staffing rows")
        new = template.with_columns(
            pl.lit(field).alias("field"),
            pl.lit(0, dtype=frame.schema["officials"]).alias("officials"),
            *[pl.lit(0, dtype=frame.schema[n]).alias(n) for n in WORK],
        )
        frame = pl.concat([frame, new])
    frame = frame.with_columns(
        pl.when(there).then(pl.col("officials") + moved).otherwise(pl.col("officials"))
    )
    return _per_official(frame)


def suggest_assignment(unit_fields: pl.DataFrame) -> pl.DataFrame:
    """The suggested destination of each field's candidates (rule in the module docstring).

    Columns: unit_code, name, field, assigned, transfer_requests, to_handle, officials, and
    to_handle per official before and after; one row per unit × field given anyone."""
    rows = unit_fields.select(
        "unit_code", "name", "field", "officials", "transfer_requests", "candidates", "to_handle"
    ).to_dicts()
    assigned: dict[tuple[str, str], int] = {}
    for field in sorted({row["field"] for row in rows}):
        asking = [r for r in rows if r["field"] == field and r["transfer_requests"] > 0]
        pool = sum(r["candidates"] for r in rows if r["field"] == field)
        for _ in range(pool):
            given = {r["unit_code"]: assigned.get((r["unit_code"], field), 0) for r in asking}
            open_rows = [r for r in asking if given[r["unit_code"]] < r["transfer_requests"]]
            if not open_rows:
                break
            best = min(open_rows, key=lambda r: _priority(r, given[r["unit_code"]]))
            key = (best["unit_code"], field)
            assigned[key] = assigned.get(key, 0) + 1
    result = [
        {
            "unit_code": r["unit_code"],
            "name": r["name"],
            "field": r["field"],
            "assigned": assigned[(r["unit_code"], r["field"])],
            "transfer_requests": r["transfer_requests"],
            "to_handle": r["to_handle"],
            "officials": r["officials"],
        }
        for r in rows
        if assigned.get((r["unit_code"], r["field"]))
    ]
    schema = {
        "unit_code": pl.String, "name": pl.String, "field": pl.String, "assigned": pl.Int64,
        "transfer_requests": pl.Int64, "to_handle": pl.Int64, "officials": pl.Int64,
    }  # fmt: skip
    frame = pl.DataFrame(result, schema=schema)
    before = pl.when(pl.col("officials") > 0).then(pl.col("to_handle") / pl.col("officials"))
    after = pl.col("to_handle") / (pl.col("officials") + pl.col("assigned"))
    return frame.with_columns(
        before.otherwise(None).alias("before_per_official"), after.alias("after_per_official")
    ).sort("field", "unit_code")


def _priority(row: dict, given: int) -> tuple[float, int, str]:
    """Who gets the next candidate first: the highest workload per official after those
    already given (a unit without officials first of all), then more open requests."""
    people = row["officials"] + given
    load = row["to_handle"] / people if people else float("inf")
    return (-load, -(row["transfer_requests"] - given), row["unit_code"])


def apply_assignment(unit_fields: pl.DataFrame, assignment: pl.DataFrame) -> pl.DataFrame:
    """The unit × field table with the assigned candidates counted as officials."""
    given = assignment.select("unit_code", "field", "assigned")
    frame = unit_fields.join(given, on=["unit_code", "field"], how="left").with_columns(
        (pl.col("officials") + pl.col("assigned").fill_null(0)).cast(pl.Int64).alias("officials")
    )
    return _per_official(frame.drop("assigned"))
