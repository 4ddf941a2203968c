"""No Python function runs inside Polars' thread pool in the app or the reports.

Polars' `map_elements` / `map_batches` call Python from Polars' worker threads, which then need
the GIL while other sessions' scripts (Streamlit runs each in a thread) wait in Polars for those
same workers: five people opening the data-quality page at once froze the whole server, every
later visitor timing out (`benchmarks/bench_crowd.py`). `metrics.text.texts` is the one way to
apply a Python function to a column. The ETL and the sample generator run in one thread of
their own and are not checked."""

from __future__ import annotations

import ast

import pytest

from etl.settings import PROJECT_ROOT

UDF_CALLS = {"map_elements", "map_batches", "map_rows", "map_groups"}
SERVED = ["app.py", "app_pages", "ui", "present", "metrics", "reports"]


def served_files() -> list:
    files = []
    for name in SERVED:
        path = PROJECT_ROOT / name
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


@pytest.mark.parametrize(
    "path", served_files(), ids=lambda p: p.relative_to(PROJECT_ROOT).as_posix()
)
def test_no_polars_python_udf(path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr in UDF_CALLS
    ]
    assert calls == [], f"{path.name}: Polars Python UDF at lines {calls}"
