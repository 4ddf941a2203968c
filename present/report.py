"""What the A4 report says, for one view (period, filters, language): gathered once from
`metrics/`, then laid out twice — by `app_pages/report.py` on screen and by
`reports/document_html.py` for the PDF — so the page, its print and the PDF carry the same
numbers and words.

No Streamlit calls here: `python -m reports pdf` builds the same report without a browser.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import plotly.graph_objects as go
import polars as pl

from metrics import activity, kpis
from metrics.activity import Grain
from metrics.breakdown import field_activity
from metrics.filters import Filters
from metrics.index_766 import Index766, index_766, payment_coverage, unit_totals
from metrics.measures import RATE_BY_NAME, Ratio
from metrics.rankings import MIN_DENOMINATOR, RankMeasure, best_and_worst
from metrics.units_league import AGENCY_KINDS, league_table
from metrics.workload import StaffingSummary, staffing_summary
from present import format as fmt
from present import overview_charts as charts
from present import workload as staffing
from present.agency_section import agency_section
from present.cards import CARDS, delta_color, format_delta, format_value
from present.index_766 import report_section as index_766_section
from present.narrative import summary_sentences
from present.provenance import file_stem, filters_detail, source_line
from present.report_section import ReportSection
from present.strings import t
from present.view import View, scope_text, where

# The report ranks units by the national index's measure (QĐ 766, group 2).
REPORT_MEASURE: RankMeasure = "on_time_rate"
# Units listed at the top and at the bottom of the ranking.
RANKED_UNITS = 10


@dataclass(frozen=True)
class ReportMetrics:
    """Every metrics result the report shows, read from one warehouse snapshot."""

    comparison: kpis.KpiComparison
    grain: Grain
    trend: pl.DataFrame
    units: pl.DataFrame  # units_league.league_table: the rows the rankings rank
    fields: pl.DataFrame  # breakdown.field_activity
    agencies: pl.DataFrame | None = None  # the sở, ngành's league (issue 12)
    staffing: StaffingSummary | None = None  # workload.staffing_summary: None without staffing
    # Bộ chỉ số 766 (issue 15): its section, and 3.6 (b), (c) beside it.
    index_766: Index766 | None = None
    payment_coverage: dict[str, Ratio] | None = None


def gather(
    con: duckdb.DuckDBPyConnection, filters: Filters, data_start: date | None
) -> ReportMetrics:
    grain = activity.default_grain(filters.days)
    return ReportMetrics(
        comparison=kpis.compare_periods(con, filters, data_start),
        grain=grain,
        trend=activity.trend(con, filters, grain),
        units=league_table(con, filters),
        fields=field_activity(con, filters),
        agencies=league_table(con, filters, AGENCY_KINDS),
        staffing=staffing_summary(con, filters),
        index_766=index_766(con, filters),
        payment_coverage=payment_coverage(con, filters),
    )


@dataclass(frozen=True)
class KpiLine:
    label: str
    value: str
    delta: str | None  # against the previous period of equal length
    tone: str  # green: good news, red: bad news, gray: neutral or nothing to compare


@dataclass(frozen=True)
class UnitTable:
    title: str
    columns: tuple[str, str, str, str]  # rank, unit, rate, numerator / denominator
    rows: tuple[tuple[str, str, str, str], ...]


@dataclass(frozen=True)
class Report:
    lang: fmt.Lang
    title: str
    header: tuple[str, ...]  # city, period, scope, filters, freshness, made at
    source: str  # "Nguồn: …, dữ liệu đến …": the footer of every PDF page
    summary: tuple[str, ...]
    kpi_note: str  # what the deltas compare with
    kpis: tuple[KpiLine, ...]
    units: tuple[UnitTable, ...]  # best, then worst; empty when no unit can be ranked
    units_note: str  # who is ranked (the minimum denominator) and how ties share a rank
    trend: go.Figure
    fields: go.Figure
    fields_note: str
    file_name: str  # bao-cao_2025-07-01_2025-08-20.pdf
    sections: tuple[ReportSection, ...] = ()  # topic tables, in this order, after the fields


def _kpi_lines(comparison: kpis.KpiComparison, lang: fmt.Lang) -> tuple[KpiLine, ...]:
    lines = []
    for card in (card for card in CARDS if card.in_report):
        now = card.value(comparison.current)
        before = card.value(comparison.previous) if comparison.previous else None
        lines.append(
            KpiLine(
                label=t(f"kpi.{card.kpi}", lang),
                value=format_value(card.kind, now, lang),
                delta=format_delta(card.kind, now, before, lang),
                tone=delta_color(card.kind, card.direction, now, before),
            )
        )
    return tuple(lines)


def _unit_tables(units: pl.DataFrame, lang: fmt.Lang) -> tuple[UnitTable, ...]:
    measure = REPORT_MEASURE
    best, worst = best_and_worst(units, measure, RANKED_UNITS)
    if worst.is_empty():  # too few units to rank (e.g. one ward chosen): no tables
        return ()
    num, den = RATE_BY_NAME[measure].numerator, RATE_BY_NAME[measure].denominator
    columns = (
        t("report.col.rank", lang),
        t("report.col.unit", lang),
        t(f"rank.{measure}", lang).capitalize(),
        t(f"report.ratio.{measure}", lang),
    )
    tables = []
    for which, frame in (("best", best), ("worst", worst)):
        rows = tuple(
            (
                rank_text(row["rank"], row["tied"], lang),
                row["name"],
                fmt.percent(row[measure], lang),
                f"{fmt.number(row[num], lang)} / {fmt.number(row[den], lang)}",
            )
            for row in frame.iter_rows(named=True)
        )
        title = t(f"chart.units_{which}", lang, measure=t(f"rank.{measure}", lang))
        tables.append(UnitTable(title, columns, rows))
    return tuple(tables)


def rank_text(rank: int, tied: bool, lang: fmt.Lang) -> str:
    """ "3", or "3 (đồng hạng)" when another unit shows the same rate."""
    return t("rank.tied", lang, rank=rank) if tied else str(rank)


def _kpi_note(comparison: kpis.KpiComparison, lang: fmt.Lang) -> str:
    previous = comparison.previous
    if previous is None:
        return t("delta.none", lang)
    return t("report.delta_note", lang, period=fmt.day_range(previous.start, previous.end))


def build_report(view: View, metrics: ReportMetrics, made_at: datetime) -> Report:
    """The report's words, numbers and figures for this view."""
    lang, filters, fresh = view.lang, view.filters, view.freshness
    unknown = t("freshness.unknown", lang)
    header = [
        view.province,
        t("report.period", lang, start=fmt.day(filters.start), end=fmt.day(filters.end)),
        t("report.scope", lang, where=where(view)),
        filters_detail(view),
        t(
            "freshness.text",
            lang,
            data_end=fmt.day(fresh.data_end) if fresh.data_end else unknown,
            loaded_at=fmt.timestamp(fresh.loaded_at) if fresh.loaded_at else unknown,
            applications=fmt.number(fresh.applications, lang),
        ),
        t("report.made", lang, at=fmt.timestamp(made_at)),
    ]
    scope = scope_text(view)
    fields = metrics.fields
    return Report(
        lang=lang,
        title=t("report.title", lang),
        header=tuple(line for line in header if line),
        source=source_line(view),
        summary=tuple(
            summary_sentences(view, metrics.comparison, metrics.units, fields, REPORT_MEASURE)
        ),
        kpi_note=_kpi_note(metrics.comparison, lang),
        kpis=_kpi_lines(metrics.comparison, lang),
        units=_unit_tables(metrics.units, lang),
        units_note=t(f"rank.rule.{REPORT_MEASURE}", lang, min=MIN_DENOMINATOR),
        trend=charts.trend_figure(metrics.trend, metrics.grain, lang, scope),
        fields=charts.fields_figure(fields, lang, scope),
        fields_note=t(
            "fields.note", lang, shown=min(charts.TOP_FIELDS, fields.height), total=fields.height
        ),
        file_name=file_stem("bao-cao", filters) + ".pdf",
        sections=_sections(metrics, lang),
    )


def _sections(metrics: ReportMetrics, lang: fmt.Lang) -> tuple[ReportSection, ...]:
    """The topic sections after the fields, in order."""
    sections = []
    if metrics.agencies is not None and (
        agencies := agency_section(metrics.agencies, REPORT_MEASURE, lang)
    ):
        sections.append(agencies)
    sections += staffing.report_sections(metrics.staffing, lang)
    if metrics.index_766 is not None:
        index = metrics.index_766
        sections.append(
            index_766_section(index, unit_totals(index), lang, metrics.payment_coverage or {})
        )
    return tuple(sections)
