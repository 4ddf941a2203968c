"""Loads and rejected rows: what came in, what was kept out, and why (DATA_SPEC §2).

These tables describe files, not applications, so the filter bar does not apply to them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import duckdb
import polars as pl

from metrics.filters import Filters
from metrics.scope import scoped

_LOADS = """
select
    file_name, kind, rows_read, rows_loaded, rows_rejected, started_at, finished_at,
    outcome, message
from load_log
order by started_at desc, load_id desc
limit ?
"""

_REASONS = """
select reason, count(*)::bigint as rows, count(distinct file_name)::bigint as files
from rejected_rows
group by reason
order by rows desc, reason
"""

_REJECTED = """
select file_name, row_number, reason, detail
from rejected_rows
order by file_name, row_number
limit ?
"""


def load_history(con: duckdb.DuckDBPyConnection, limit: int = 200) -> pl.DataFrame:
    """The latest file loads, newest first."""
    return con.sql(_LOADS, params=[limit]).pl()


def rejections_by_reason(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Rejected rows per reason code, with how many files they came from."""
    return con.sql(_REASONS).pl()


def rejected_rows(con: duckdb.DuckDBPyConnection, limit: int = 500) -> pl.DataFrame:
    """The first rejected rows by file and row number (personal data was removed at load)."""
    return con.sql(_REJECTED, params=[limit]).pl()


_BY_FILE = """
select file_name, reason, count(*)::bigint as rows
from rejected_rows
group by file_name, reason
order by file_name, rows desc, reason
"""

_UNIT_FRESHNESS = """
with latest as (
    select unit_code, max(day) filter (where received > 0) as last_received
    from daily_activity
    group by unit_code
),
data_end as (select max(last_received) as data_end from latest)
select
    u.unit_code, u.name, u.kind,
    l.last_received,
    date_diff('day', l.last_received, d.data_end) as days_without
from ({units}) as u
left join latest as l using (unit_code)
cross join data_end as d
order by days_without desc nulls first, u.unit_code
"""


def rejections_by_file(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Rejected rows per file and reason: which export needs fixing at its source."""
    return con.sql(_BY_FILE).pl()


def unit_freshness(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per unit of the view's provinces: the last day it received an application and how
    many days before the warehouse's latest day that was (null: never). A unit silent for long
    has probably stopped exporting, not stopped working, whichever units are picked, so the
    unit picker does not narrow this list."""
    units = scoped("units", replace(filters, unit_codes=(), unit_kinds=()))
    return con.sql(_UNIT_FRESHNESS.replace("{units}", units.text), params=list(units.params)).pl()


# The indicators that need an optional field of the filing records (DATA_SPEC §1.1): QĐ 766's
# online share needs the electronic result, its on-time rate the supplement count (its dates
# refine it; without them the exported due date stands).
NEEDS: dict[str, tuple[str, ...]] = {
    "online_share_766": ("e_result",),
    "on_time_rate_766": ("supplement_count",),
}

# A month lacks a field when most of its rows, over every file that listed them, came from
# files without a column for it (the months' applications reappear in later exports).
_MONTH_FIELDS = """
select
    month, field,
    coalesce(sum(rows) filter (where present), 0)::bigint as rows_with,
    coalesce(sum(rows) filter (where not present), 0)::bigint as rows_without,
    rows_without > rows_with as lacking
from file_columns
group by month, field
order by month, field
"""


def month_fields(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """Per data month and optional field: rows listed by files with and without a column for it,
    and whether the month lacks it ("thiếu dữ liệu")."""
    return con.sql(_MONTH_FIELDS).pl()


def lacking_months(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """The months that lack at least one optional field, with those fields in a list."""
    return (
        month_fields(con)
        .filter(pl.col("lacking"))
        .group_by("month", maintain_order=True)
        .agg(pl.col("field"))
    )


def missing_data(
    con: duckdb.DuckDBPyConnection,
    start: date,
    end: date,
    needs: dict[str, tuple[str, ...]] = NEEDS,
) -> dict[str, list[date]]:
    """For each indicator of `needs` (NEEDS unless told; QĐ 766's indicators have their own),
    the months of [start, end] that lack a field it needs (indicators without such months are
    left out): those months are "thiếu dữ liệu"."""
    lacking = month_fields(con).filter(
        pl.col("lacking") & pl.col("month").is_between(start.replace(day=1), end)
    )
    result = {}
    for indicator, fields in needs.items():
        months = lacking.filter(pl.col("field").is_in(fields))["month"].unique().sort()
        if months.len():
            result[indicator] = months.to_list()
    return result
