"""Closed without a result by kind, and a unit's late resolutions: two lists behind counts the
overview shows as one number.

Closed without a result (DATA_SPEC §4: status 3, 7 or 8 with its end in the period) splits into
không được tiếp nhận (3), công dân rút hồ sơ (7) and dừng xử lý (8), each a count of
`metrics.measures` from the same query as the closed card, by unit or by field; the three add up
to it on every row. A unit's late resolutions are the applications behind its "resolved late"
count (finished in the period on a day after the due date), the one other read of single
applications beside its open overdue list (`metrics.units_league.overdue_applications`).
"""

from __future__ import annotations

from typing import Literal

import duckdb
import polars as pl

from etl.schema import FINISHED_STATUSES, sql_list
from metrics.breakdown import counts_by
from metrics.filters import Filters
from metrics.scope import scoped
from metrics.text import vi_sorted
from metrics.units_league import APPLICATION_LIST, unit_filters

KINDS = ("closed_refused", "closed_withdrawn", "closed_stopped")
By = Literal["unit_code", "field"]

_UNITS = "select unit_code, name, kind from units"

_LATE_LIST = APPLICATION_LIST.format(
    applications="{applications}",
    columns="a.finished_at, date_diff('day', a.due_at::date, a.ended_on) as days_late",
    where=f"""a.unit_code = ?
    and a.status in {sql_list(FINISHED_STATUSES)}
    and a.ended_on between ? and ?
    and a.ended_on > a.due_at::date""",
    order="days_late desc, a.application_id",
)


def closed_by_kind(con: duckdb.DuckDBPyConnection, filters: Filters, by: By) -> pl.DataFrame:
    """Per unit (with its name and kind) or per field, those with any closed in the period, most
    first: closed and its three kinds; then a total row (key null) of the view."""
    rows = counts_by(con, filters, by).filter(pl.col("closed") > 0).select(by, "closed", *KINDS)
    if by == "unit_code":
        units = con.sql(_UNITS).pl()
        rows = rows.join(units, on="unit_code", how="left").select(
            "unit_code", "name", "kind", "closed", *KINDS
        )
        label = "name"
    else:
        label = "field"
    order = vi_sorted(rows[label]) if rows.height else []
    rows = (
        rows.with_columns(
            pl.col(label)
            .replace_strict(order, list(range(len(order))), default=None)
            .alias("_order")
        )
        .sort(["closed", "_order"], descending=[True, False])
        .drop("_order")
    )
    total = rows.select(pl.col("closed", *KINDS).sum().cast(pl.Int64))
    return pl.concat([rows, total], how="diagonal_relaxed")


def late_resolutions(
    con: duckdb.DuckDBPyConnection, filters: Filters, unit_code: str
) -> pl.DataFrame:
    """The unit's applications resolved late in the period, latest first: the list behind its
    "resolved late" count, same filters. Columns: application_id, procedure_code,
    procedure_name, received_at, due_at, finished_at, days_late (days past the due date)."""
    applications = scoped("applications", unit_filters(filters, unit_code))
    text = _LATE_LIST.replace("{applications}", applications.text)
    params = [*applications.params, unit_code, filters.start, filters.end]
    return con.sql(text, params=params).pl()
