"""The one way the app reads the warehouse: a cached, version-keyed read of one snapshot.

Every loader (`ui.loaders`) is `@cached` and calls `read(version, query)`. Results are cached
per (warehouse version, arguments): the version is the live file's inode and mtime, read on
every script run, so a new load changes every key at once and nothing stale is shown; old
entries simply age out of the bounded cache. Every read checks that the file it attached is
that version (a load may swap the file mid-run), so one run shows one version throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import duckdb
import streamlit as st

from metrics.connection import WarehouseChanged, WarehouseVersion, snapshot

T = TypeVar("T")
# Enough for a few dozen recent views per loader; every entry is small (aggregates only).
MAX_ENTRIES = 128
# A loader's cache: bounded, and silent (the page shows its own progress).
cached = st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)


def read(version: WarehouseVersion, query: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run `query` on exactly the warehouse version this run started with. If a load has
    replaced the file since, start the run again (it then reads the new version): results of
    the new file are never cached, or shown, under the old version's key."""
    try:
        with snapshot(Path(version.path), expected=version) as con:
            return query(con)
    except WarehouseChanged:
        st.rerun()
