"""Loads and rejected rows: what came in, what was kept out, and why (DATA_SPEC §2).

These tables describe files, not applications, so the filter bar does not apply to them.
"""

from __future__ import annotations

from dataclasses import replace

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
