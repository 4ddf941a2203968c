"""The pages' cached loaders: each reads one snapshot (`ui.cached_read.read`) and calls one
`metrics/` function, keyed by the warehouse version and its arguments. Named for what they
load, in the order of DATA_SPEC: the warehouse itself, the period counts and their breakdowns,
the catalog and simplification, loads and rejections, and the A4 report."""

from __future__ import annotations

from datetime import date

import polars as pl
import streamlit as st

from etl.dates import local_now
from etl.schema import missing_parts
from metrics import (
    activity,
    bieu_06a,
    breakdown,
    catalog,
    closed,
    freshness,
    index_766,
    kpis,
    locks,
    monthly,
    options,
    processing_times,
    quality,
    simplification,
    units_league,
    workload,
)
from metrics.connection import WarehouseVersion
from metrics.filters import Filters
from metrics.measures import Ratio
from present.format import Lang
from present.report import ReportMetrics, build_report, gather
from present.view import View
from reports.document_html import report_pdf
from ui.cached_read import cached, read

# A PDF is ~100 kB; a few recent ones per process are plenty.
PDF_ENTRIES = 16


# The warehouse: how fresh it is and what the filter bar offers.
@cached
def load_freshness(version: WarehouseVersion) -> freshness.Freshness:
    return read(version, freshness.freshness)


@cached
def load_missing_parts(version: WarehouseVersion) -> list[str]:
    """What an older version's warehouse lacks (etl.schema.missing_parts): read once a file."""
    return read(version, missing_parts)


@cached
def load_filter_options(version: WarehouseVersion) -> options.FilterOptions:
    return read(version, options.filter_options)


# The period counts: KPIs with their comparison periods, trend, channels, breakdowns.
@cached
def load_kpis(
    version: WarehouseVersion, filters: Filters, data_start: date | None
) -> kpis.KpiComparison:
    return read(version, lambda con: kpis.compare_periods(con, filters, data_start))


@cached
def load_trend(version: WarehouseVersion, filters: Filters, grain: activity.Grain) -> pl.DataFrame:
    return read(version, lambda con: activity.trend(con, filters, grain))


@cached
def load_channel_mix(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: activity.channel_mix(con, filters))


@cached
def load_league(
    version: WarehouseVersion,
    filters: Filters,
    kinds: tuple[str, ...] = units_league.COMMUNE_KINDS,
) -> pl.DataFrame:
    """The league of `kinds`: wards and communes, or `units_league.AGENCY_KINDS`."""
    return read(version, lambda con: units_league.league_table(con, filters, kinds))


@cached
def load_field_activity(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: breakdown.field_activity(con, filters))


@cached
def load_procedure_activity(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: catalog.procedure_activity(con, filters))


@cached
def load_bieu_rows(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: bieu_06a.form_rows(con, filters))


@cached
def load_unit_overdue(version: WarehouseVersion, filters: Filters, unit_code: str) -> pl.DataFrame:
    return read(version, lambda con: units_league.overdue_applications(con, filters, unit_code))


# The catalog and its simplification plans (the filter bar does not apply to these).
@cached
def load_catalog(version: WarehouseVersion) -> pl.DataFrame:
    return read(version, catalog.catalog)


@cached
def load_catalog_summary(version: WarehouseVersion) -> catalog.CatalogSummary:
    return read(version, catalog.catalog_summary)


@cached
def load_catalog_by(version: WarehouseVersion, group: str) -> pl.DataFrame:
    return read(version, lambda con: catalog.catalog_by(con, group))


@cached
def load_simplification_summary(version: WarehouseVersion) -> simplification.SimplificationSummary:
    return read(version, simplification.simplification_summary)


@cached
def load_plans(version: WarehouseVersion) -> pl.DataFrame:
    return read(version, simplification.plans)


@cached
def load_actual_processing(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: simplification.actual_processing(con, filters))


# Loads and rejected rows, and how fresh each unit's data are.
@cached
def load_load_history(version: WarehouseVersion) -> pl.DataFrame:
    return read(version, quality.load_history)


@cached
def load_rejections_by_reason(version: WarehouseVersion) -> pl.DataFrame:
    return read(version, quality.rejections_by_reason)


@cached
def load_rejections_by_file(version: WarehouseVersion) -> pl.DataFrame:
    return read(version, quality.rejections_by_file)


@cached
def load_rejected_rows(version: WarehouseVersion, limit: int) -> pl.DataFrame:
    return read(version, lambda con: quality.rejected_rows(con, limit))


@cached
def load_lacking_months(version: WarehouseVersion) -> pl.DataFrame:
    return read(version, quality.lacking_months)


@cached
def load_missing_data(version: WarehouseVersion, start: date, end: date) -> dict[str, list[date]]:
    return read(version, lambda con: quality.missing_data(con, start, end))


@cached
def load_procedure_times(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: processing_times.procedure_times(con, filters))


@cached
def load_unit_freshness(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: quality.unit_freshness(con, filters))


# The A4 report: its metrics (one snapshot for all of them) and its PDF.
@cached
def load_report_metrics(
    version: WarehouseVersion, filters: Filters, data_start: date | None
) -> ReportMetrics:
    return read(version, lambda con: gather(con, filters, data_start))


@st.cache_data(max_entries=PDF_ENTRIES, show_spinner=False)
def report_pdf_bytes(
    version: WarehouseVersion, filters: Filters, lang: Lang, _view: View, _metrics: ReportMetrics
) -> bytes:
    """The A4 PDF of this view, made once per (version, filters, language); `_view` and
    `_metrics` are what those keys stand for (not hashed)."""
    return report_pdf(build_report(_view, _metrics, local_now()))


# Staff and workload (issue 16): the staffing count the view uses and the workloads per official.
@cached
def load_staffing_date(version: WarehouseVersion, filters: Filters) -> date | None:
    return read(version, lambda con: workload.staffing_date(con, filters))


@cached
def load_unit_workload(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: workload.unit_workload(con, filters))


@cached
def load_unit_field_workload(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: workload.unit_field_workload(con, filters))


@cached
def load_requests_by_field(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: workload.requests_by_field(con, filters))


@cached
def load_requests_by_unit(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: workload.requests_by_unit(con, filters))


@cached
def load_unit_history(version: WarehouseVersion, filters: Filters, unit_code: str) -> pl.DataFrame:
    return read(version, lambda con: workload.unit_history(con, filters, unit_code))


@cached
def load_unit_trend(version: WarehouseVersion, filters: Filters, unit_code: str) -> pl.DataFrame:
    return read(version, lambda con: workload.unit_trend(con, filters, unit_code))


# Bộ chỉ số 766 (issue 15): the period's indicators per unit and for the view, the units'
# totals, the monthly trend, and 3.6 (b), (c).
@cached
def load_index_766(version: WarehouseVersion, filters: Filters) -> index_766.Index766:
    return read(version, lambda con: index_766.index_766(con, filters))


@cached
def load_index_766_units(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return index_766.unit_totals(load_index_766(version, filters))


@cached
def load_index_766_trend(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    return read(version, lambda con: index_766.monthly_trend(con, filters))


@cached
def load_payment_coverage(version: WarehouseVersion, filters: Filters) -> dict[str, Ratio]:
    return read(version, lambda con: index_766.payment_coverage(con, filters))


# Locks, months, closed (issue 12)
@cached
def load_locked_view(version: WarehouseVersion, filters: Filters) -> locks.LockedView | None:
    """The view's locked figures beside today's, or None (no lock of this period and scope)."""
    return read(version, lambda con: locks.locked_view(con, filters))


@cached
def load_locks(version: WarehouseVersion) -> tuple[list[locks.Lock], dict[int, int]]:
    """Every lock and how many applications later loads changed under each."""
    return read(version, lambda con: (locks.all_locks(con), locks.changed_counts(con)))


@cached
def load_monthly(version: WarehouseVersion, filters: Filters) -> pl.DataFrame:
    """Biểu II.06a's total row for each month of the period, with the rates."""
    return read(version, lambda con: monthly.monthly_rows(con, filters))


@cached
def load_closed_by_kind(version: WarehouseVersion, filters: Filters, by: closed.By) -> pl.DataFrame:
    """Closed without a result by kind, per unit or per field, with a total row."""
    return read(version, lambda con: closed.closed_by_kind(con, filters, by))


@cached
def load_unit_late(version: WarehouseVersion, filters: Filters, unit_code: str) -> pl.DataFrame:
    """The unit's applications resolved late in the period."""
    return read(version, lambda con: closed.late_resolutions(con, filters, unit_code))
