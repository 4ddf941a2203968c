"""The warehouse keeps the tables etl/schema.py declares: summaries are filled by column name,
never re-created without their constraints; an older warehouse gains the new columns."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.schema import ADDED_COLUMNS, SUMMARY_COLUMNS, create_tables
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_csv

SUMMARIES = tuple(SUMMARY_COLUMNS)  # every summary table (etl/schema.py)


def _not_null(db: Path, tables: tuple[str, ...]) -> dict[str, set[str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.sql(
            "select table_name, column_name from duckdb_columns() where not is_nullable"
        ).fetchall()
    return {t: {c for table, c in rows if table == t} for t in tables}


def test_summary_tables_keep_their_declared_constraints_after_loads(tmp_path: Path, load) -> None:
    declared = tmp_path / "declared.duckdb"
    with duckdb.connect(str(declared)) as con:
        create_tables(con)
    expected = _not_null(declared, SUMMARIES)
    assert all(expected.values())
    rows = [application(f"A-{i}") for i in range(3)]
    load(write_csv(tmp_path / "a.csv", table(rows, VI_LABELS)))  # full rebuild
    load(write_csv(tmp_path / "b.csv", table([application("B-1")], VI_LABELS)), with_catalog=False)
    assert _not_null(load.db, SUMMARIES) == expected
    assert query(load.db, "select sum(received) from daily_activity") == [(4,)]


def test_an_older_warehouse_gains_the_new_columns_on_its_next_load(tmp_path: Path, load) -> None:
    load(write_csv(tmp_path / "a.csv", table([application("A-1")], VI_LABELS)))
    with duckdb.connect(str(load.db)) as con:
        for table_name, column, _ in ADDED_COLUMNS:
            con.execute(f"alter table {table_name} drop column {column}")
    (result,) = load(write_csv(tmp_path / "b.csv", table([application("B-1")], VI_LABELS)))
    assert result.error is None and result.rows_loaded == 1
    assert query(
        load.db, "select application_id, as_of is not null from applications order by 1"
    ) == [
        ("A-1", True),
        ("B-1", True),
    ]
    assert query(load.db, "select distinct result_document from procedures") == [(True,)]


@pytest.mark.parametrize("content", ["không phải bảng\n", "Mã hồ sơ,Mã TTHC\nA,1.001193\n"])
def test_a_command_whose_files_all_fail_changes_no_data_and_says_so_in_load_log(
    tmp_path: Path, load, content: str
) -> None:
    load(write_csv(tmp_path / "a.csv", table([application("A-1")], VI_LABELS)))
    tables = ("applications", "procedures", "daily_activity", "rejected_rows", "warehouse_info")
    before = {t: query(load.db, f"select * from {t} order by all") for t in tables}  # noqa: S608
    bad = tmp_path / "hong.csv"
    bad.write_text(content, encoding="utf-8")
    (result,) = load(bad, with_catalog=False)
    assert result.error
    assert {t: query(load.db, f"select * from {t} order by all") for t in tables} == before  # noqa: S608
    assert query(load.db, "select outcome, message from load_log where file_name = 'hong.csv'") == [
        ("failed", result.error)
    ]
