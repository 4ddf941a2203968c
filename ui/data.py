"""Cached access to `metrics/` for the pages.

Each loader opens one read-only snapshot and calls one metrics function. Results are cached
per (warehouse version, arguments): the version is the live file's inode and mtime, read on
every script run, so a new load changes every key at once and nothing stale is shown; old
entries simply age out of the bounded cache. Every read checks that the file it attached is
that version (a load may swap the file mid-run), so one run shows one version throughout.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

import duckdb
import polars as pl
import streamlit as st

from metrics import activity, breakdown, freshness, kpis, options, quality
from metrics.connection import WarehouseChanged, WarehouseVersion, snapshot
from metrics.filters import Filters

T = TypeVar("T")
# Enough for a few dozen recent views per loader; every entry is small (aggregates only).
MAX_ENTRIES = 128


def _read(version: WarehouseVersion, query: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
    """Run `query` on exactly the warehouse version this run started with. If a load has
    replaced the file since, start the run again (it then reads the new version): results of
    the new file are never cached, or shown, under the old version's key."""
    try:
        with snapshot(Path(version.path), expected=version) as con:
            return query(con)
    except WarehouseChanged:
        st.rerun()


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_freshness(version: WarehouseVersion) -> freshness.Freshness:
    return _read(version, freshness.freshness)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_filter_options(version: WarehouseVersion) -> options.FilterOptions:
    return _read(version, options.filter_options)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_kpis(
    version: WarehouseVersion, filters: Filters, data_start: date | None
) -> kpis.KpiComparison:
    return _read(version, lambda con: kpis.compare_periods(con, filters, data_start))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_trend(version: WarehouseVersion, filters: Filters, grain: activity.Grain) -> pl.DataFrame:
    return _read(version, lambda con: activity.trend(con, filters, grain))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_channel_mix(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return _read(version, lambda con: activity.channel_mix(con, filters))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_field_activity(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return _read(version, lambda con: breakdown.field_activity(con, filters))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_load_history(version: WarehouseVersion) -> pl.DataFrame:
    return _read(version, quality.load_history)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_rejections_by_reason(version: WarehouseVersion) -> pl.DataFrame:
    return _read(version, quality.rejections_by_reason)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_rejected_rows(version: WarehouseVersion, limit: int) -> pl.DataFrame:
    return _read(version, lambda con: quality.rejected_rows(con, limit))
