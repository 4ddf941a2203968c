"""Shared fixtures: a full-size sample warehouse built once per session by the real ETL, and
small warehouses built from hand-made exports."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import duckdb
import pytest

from etl.load import FileResult, load_files
from tests.exports import write_catalog


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default sample (1/7/2025–30/6/2026, Hải Phòng) loaded into a fresh warehouse."""
    from etl.build import build_warehouse

    return build_warehouse(tmp_path_factory.mktemp("sample") / "warehouse.duckdb")


@pytest.fixture
def catalog_file(tmp_path: Path) -> Path:
    return write_catalog(tmp_path)


LoadFn = Callable[..., list[FileResult]]


@pytest.fixture
def load(tmp_path: Path, catalog_file: Path) -> LoadFn:
    """Load files (after the small catalog) into this test's warehouse; return per-file results."""
    db = tmp_path / "warehouse.duckdb"

    def run(*paths: Path, with_catalog: bool = True) -> list[FileResult]:
        files = [catalog_file, *paths] if with_catalog else list(paths)
        results = load_files(files, db)
        return [r for r in results if r.path != catalog_file]

    run.db = db  # type: ignore[attr-defined]
    return run


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.sql(sql, params=params).fetchall()


@pytest.fixture
def fresh_caches() -> Iterator[None]:
    """Streamlit's caches are process-wide: an AppTest test starts and ends with none."""
    import streamlit as st

    st.cache_data.clear()
    yield
    st.cache_data.clear()


@pytest.fixture(scope="session")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made warehouse of tests/tiny_warehouse.py (read only by the tests)."""
    from tests.tiny_warehouse import build_tiny_warehouse

    return build_tiny_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")


@pytest.fixture(scope="module")
def browser() -> Iterator:
    """Debian's Chromium driven by Playwright (never a downloaded browser); the browser test
    modules skip themselves first where either is missing."""
    from playwright.sync_api import sync_playwright

    from tests.test_browser_app import CHROMIUM, CHROMIUM_FLAGS

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()
