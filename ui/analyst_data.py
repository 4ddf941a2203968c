"""Cached access to `metrics/` for the analyst pages (wards and communes, procedures,
simplification, Biểu II.06a, data quality). Same rule as `ui.data`: one snapshot per call,
keyed by the warehouse version, so a new load changes every key at once."""

from __future__ import annotations

import polars as pl
import streamlit as st

from metrics import bieu_06a, catalog, quality, simplification, units_league
from metrics.connection import WarehouseVersion
from metrics.filters import Filters
from present.format import Lang
from present.league import league_rows
from ui.data import MAX_ENTRIES, _read


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_league(version: WarehouseVersion, filters: Filters, lang: Lang) -> pl.DataFrame:
    return _read(version, lambda con: league_rows(units_league.league_table(con, filters), lang))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_unit_overdue(version: WarehouseVersion, filters: Filters, unit_code: str) -> pl.DataFrame:
    return _read(version, lambda con: units_league.overdue_applications(con, filters, unit_code))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_procedure_activity(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return _read(version, lambda con: catalog.procedure_activity(con, filters))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_catalog(version: WarehouseVersion) -> pl.DataFrame:
    return _read(version, catalog.catalog)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_catalog_summary(version: WarehouseVersion) -> catalog.CatalogSummary:
    return _read(version, catalog.catalog_summary)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_catalog_by(version: WarehouseVersion, group: str) -> pl.DataFrame:
    return _read(version, lambda con: catalog.catalog_by(con, group))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_simplification_summary(version: WarehouseVersion) -> simplification.SimplificationSummary:
    return _read(version, simplification.simplification_summary)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_plans(version: WarehouseVersion) -> pl.DataFrame:
    return _read(version, simplification.plans)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_actual_processing(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return _read(version, lambda con: simplification.actual_processing(con, filters))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_bieu_rows(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return _read(version, lambda con: bieu_06a.form_rows(con, filters))


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_rejections_by_file(version: WarehouseVersion) -> pl.DataFrame:
    return _read(version, quality.rejections_by_file)


@st.cache_data(max_entries=MAX_ENTRIES, show_spinner=False)
def load_unit_freshness(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return _read(version, lambda con: quality.unit_freshness(con, filters))
