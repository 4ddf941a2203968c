"""Loads and rejected rows: what came in, what was kept out, and why (DATA_SPEC §2).

These tables describe files, not applications, so the filter bar does not apply to them.
"""

from __future__ import annotations

import duckdb
import polars as pl

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
