"""Search every text cell of every table of a warehouse, tables and columns taken from the
catalog (so a table added later is searched too)."""

from __future__ import annotations

from pathlib import Path

import duckdb


def text_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return con.sql(
        "select table_name, column_name from duckdb_columns() "
        "where schema_name = 'main' and not internal and data_type = 'VARCHAR' order by all"
    ).fetchall()


def text_hits(db: Path, texts: list[str] | tuple[str, ...]) -> list[tuple[str, str, str]]:
    """(table, column, text) for every text found in some cell; [] when none is stored."""
    hits = []
    with duckdb.connect(str(db), read_only=True) as con:
        columns = text_columns(con)
        assert {"rejected_rows", "applications", "load_log"} <= {table for table, _ in columns}
        for table, column in columns:
            for text in texts:
                found = con.sql(
                    f'select count(*) from "{table}" where contains("{column}", ?)',  # noqa: S608
                    params=[text],
                ).fetchall()[0][0]
                if found:
                    hits.append((table, column, text))
    return hits
