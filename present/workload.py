"""Staffing and workload (issue 16) as a screen and a file show it: table columns and charts,
without Streamlit. Workloads per official are shown to one decimal place, with the numerator
(applications) and denominator (officials) beside them, so a reader can check each ratio."""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from metrics.text import texts
from metrics.workload import FAR_ABOVE, StaffingSummary, workload_total
from present import format as fmt
from present.format import Lang
from present.report_section import ReportSection
from present.safe_text import plotly_text
from present.strings import t
from present.tables import Column
from present.theme import COLORS, base_figure, count_axis

SUBJECT = "can-bo-khoi-luong"
# Light to dark red, written out: a named scale would import Plotly's colour tables lazily.
HEAT_SCALE = [[0.0, "#fff5f0"], [0.5, "#fb6a4a"], [1.0, "#a50f15"]]
# Units far above the median the A4 report lists (the busiest; the note gives how many there are).
REPORT_UNITS = 10
# Pixels added above the ranking's plot area for the median label.
MEDIAN_LABEL_ROOM = 24
PER_OFFICIAL = ("to_handle_per_official", "in_progress_per_official", "overdue_per_official")

# Each work count and its value per official, side by side (the ranking, one unit's months).
WORK_COLUMNS = (
    Column("to_handle", "col.to_handle", "count"),
    Column("to_handle_per_official_text", "workload.col.to_handle_per_official", "text"),
    Column("in_progress", "workload.col.in_progress", "count"),
    Column("in_progress_per_official_text", "workload.col.in_progress_per_official", "text"),
    Column("overdue", "col.overdue", "count"),
    Column("overdue_per_official_text", "workload.col.overdue_per_official", "text"),
)
UNITS = (
    Column("rank", "workload.col.rank", "count"),
    Column("name", "col.unit_name", "text"),
    Column("officials", "workload.col.officials", "count"),
    *WORK_COLUMNS,
    Column("far_above_text", "workload.col.far_above", "text"),
    Column("transfer_requests", "workload.col.transfer_requests", "count"),
    Column("candidates", "workload.col.candidates", "count"),
)
UNIT_FIELDS = (
    Column("unit_code", "col.unit_code", "text"),
    Column("name", "col.unit_name", "text"),
    Column("office", "workload.col.office", "text"),
    Column("field", "col.field", "text"),
    Column("officials", "workload.col.officials", "count"),
    Column("positions", "workload.col.positions", "count"),
    Column("to_handle", "col.to_handle", "count"),
    Column("to_handle_per_official_text", "workload.col.to_handle_per_official", "text"),
    Column("in_progress", "workload.col.in_progress", "count"),
    Column("overdue", "col.overdue", "count"),
    Column("transfer_requests", "workload.col.transfer_requests", "count"),
    Column("candidates", "workload.col.candidates", "count"),
)
FIELDS = (
    Column("field", "col.field", "text"),
    Column("office", "workload.col.office", "text"),
    Column("transfer_requests", "workload.col.transfer_requests", "count"),
    Column("candidates", "workload.col.candidates", "count"),
    Column("uncovered", "workload.col.uncovered", "count"),
    Column("coverage", "workload.col.coverage", "rate"),
)
REQUESTS = (
    Column("name", "col.unit_name", "text"),
    Column("transfer_requests", "workload.col.transfer_requests", "count"),
    Column("candidates", "workload.col.candidates", "count"),
    Column("uncovered", "workload.col.uncovered", "count"),
    Column("coverage", "workload.col.coverage", "rate"),
)
HISTORY = (
    Column("as_of", "workload.col.as_of", "date"),
    Column("officials", "workload.col.officials", "count"),
    Column("positions", "workload.col.positions", "count"),
    Column("transfer_requests", "workload.col.transfer_requests", "count"),
    Column("candidates", "workload.col.candidates", "count"),
)
TREND = (
    Column("first_day", "workload.col.first_day", "date"),
    Column("last_day", "workload.col.last_day", "date"),
    Column("officials", "workload.col.officials", "count"),
    *WORK_COLUMNS,
)
SUGGESTION = (
    Column("field", "col.field", "text"),
    Column("name", "col.unit_name", "text"),
    Column("assigned", "workload.col.assigned", "count"),
    Column("transfer_requests", "workload.col.transfer_requests", "count"),
    Column("officials", "workload.col.officials", "count"),
    Column("before_text", "workload.col.before", "text"),
    Column("after_text", "workload.col.after", "text"),
)


def _decimal(frame: pl.DataFrame, column: str, lang: Lang, alias: str) -> pl.Series:
    return texts(frame[column], lambda v: fmt.decimal(v, lang), alias).fill_null(fmt.MISSING)


def with_texts(frame: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """Per-official values as the tables show them (one decimal), and "far above" as words."""
    shown: list[pl.Series | pl.Expr] = [
        _decimal(frame, c, lang, f"{c}_text") for c in PER_OFFICIAL if c in frame.columns
    ]
    shown += [
        _decimal(frame, c, lang, f"{c.removesuffix('_per_official')}_text")
        for c in ("before_per_official", "after_per_official")
        if c in frame.columns
    ]
    if "far_above" in frame.columns:
        yes, no = t("workload.far_above_yes", lang), ""
        shown.append(
            pl.when(pl.col("far_above"))
            .then(pl.lit(yes))
            .otherwise(pl.lit(no))
            .alias("far_above_text")
        )
    return frame.with_columns(shown)


def with_total(units: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The ranking (`metrics.workload.unit_workload`) and a last row "Tổng cộng" over its units
    (`metrics.workload.workload_total`): no rank, no median comparison."""
    total = workload_total(units) | {"name": t("league.total", lang)}
    line = pl.DataFrame([{name: total.get(name) for name in units.columns}], schema=units.schema)
    return pl.concat([units, line])


def median_label(median: float, lang: Lang) -> go.layout.Annotation:
    """ "Trung vị 31,3" above the plot area, at the median line, on an opaque white box: inside
    the plot it stood over the first (longest) bar and could hardly be read."""
    return go.layout.Annotation(
        x=median,
        xref="x",
        y=1,
        yref="paper",
        yanchor="bottom",
        text=t("workload.median", lang, value=fmt.decimal(median, lang)),
        showarrow=False,
        bgcolor="white",
        bordercolor="#333333",
        borderwidth=1,
        font={"size": 12, "color": "#222222"},
    )


def ranking_chart(units: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Units by applications to handle per official, highest on top, the median as a line;
    the hover gives the numerator and the denominator."""
    ranked = units.filter(pl.col("to_handle_per_official").is_not_null())
    figure = base_figure(
        t("workload.chart.ranking", lang),
        scope,
        lang,
        height=160 + MEDIAN_LABEL_ROOM + 18 * max(ranked.height, 1),
    )
    far = ranked.get_column("far_above").to_list()
    figure.add_trace(
        go.Bar(
            y=[plotly_text(n) for n in ranked.get_column("name")],
            x=ranked.get_column("to_handle_per_official").to_list(),
            orientation="h",
            marker_color=[COLORS["bad"] if f else COLORS["received"] for f in far],
            customdata=list(
                zip(ranked.get_column("to_handle"), ranked.get_column("officials"), strict=True)
            ),
            hovertemplate="%{y}: %{x:.1f} (%{customdata[0]:,} / %{customdata[1]:,})<extra></extra>",
        )
    )
    median = ranked.get_column("median").first() if ranked.height else None
    if median is not None:
        figure.add_vline(x=median, line_dash="dash")
        figure.add_annotation(median_label(median, lang))
    figure.update_layout(
        margin={"t": 80 + MEDIAN_LABEL_ROOM},
        showlegend=False,
        xaxis=count_axis(t("workload.axis.per_official", lang)),
        yaxis={"autorange": "reversed"},
    )
    return figure


def trend_chart(trend: pl.DataFrame, unit: str, lang: Lang, scope: str) -> go.Figure:
    """One unit's applications to handle per official, a bar per month at the first day it
    counts; the hover gives the days, the numerator and the denominator."""
    figure = base_figure(t("workload.chart.trend", lang, unit=plotly_text(unit)), scope, lang)
    days = [
        t("hover.days", lang, first=fmt.day(first), last=fmt.day(last))
        for first, last in trend.select("first_day", "last_day").rows()
    ]
    figure.add_trace(
        go.Bar(
            x=trend.get_column("first_day").to_list(),
            y=trend.get_column("to_handle_per_official").to_list(),
            marker_color=COLORS["received"],
            customdata=list(
                zip(days, trend.get_column("to_handle"), trend.get_column("officials"), strict=True)
            ),
            hovertemplate="%{customdata[0]}: %{y:.1f}"
            " (%{customdata[1]:,} / %{customdata[2]:,})<extra></extra>",
        )
    )
    figure.update_layout(
        showlegend=False,
        xaxis={"tickformat": "%m/%Y", "dtick": "M1"},
        yaxis=count_axis(t("workload.axis.per_official", lang)),
    )
    return figure


def requests_chart(fields: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Transfer requests and candidates by field, side by side."""
    shown = fields.filter(pl.col("transfer_requests") > 0)
    figure = base_figure(
        t("workload.chart.requests", lang), scope, lang, height=160 + 30 * max(shown.height, 1)
    )
    labels = [plotly_text(f) for f in shown.get_column("field")]
    for column, color in (("transfer_requests", "received"), ("candidates", "resolved")):
        figure.add_trace(
            go.Bar(
                y=labels,
                x=shown.get_column(column).to_list(),
                name=t(f"workload.col.{column}", lang),
                orientation="h",
                marker_color=COLORS[color],
                text=[fmt.number(n, lang) for n in shown.get_column(column)],
                textposition="auto",
            )
        )
    figure.update_layout(barmode="group", xaxis=count_axis(), yaxis={"autorange": "reversed"})
    return figure


def heatmap(unit_fields: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Applications to handle per official, unit × field (busiest units on top)."""
    wide = unit_fields.pivot(
        on="field", index="name", values="to_handle_per_official", aggregate_function="sum"
    )
    fields = [c for c in wide.columns if c != "name"]
    order = wide.with_columns(pl.max_horizontal(fields).alias("_max")).sort(
        "_max", descending=True, nulls_last=True
    )
    figure = base_figure(
        t("workload.chart.heatmap", lang), scope, lang, height=200 + 16 * max(order.height, 1)
    )
    figure.add_trace(
        go.Heatmap(
            z=order.select(fields).rows(),
            x=[plotly_text(f) for f in fields],
            y=[plotly_text(n) for n in order.get_column("name")],
            colorscale=HEAT_SCALE,
            hovertemplate="%{y} · %{x}: %{z:.1f}<extra></extra>",
            colorbar={"title": {"text": t("workload.axis.per_official", lang)}},
        )
    )
    figure.update_layout(yaxis={"autorange": "reversed"})
    return figure


def report_sections(summary: StaffingSummary | None, lang: Lang) -> tuple[ReportSection, ...]:
    """The report's staffing tables: the units far above the median (with their numerator and
    denominator), then the requests and candidates by field with their total; none without a
    staffing count in the view."""
    if summary is None:
        return ()
    units, fields = summary.units, summary.fields
    far = units.filter(pl.col("far_above"))  # ranked: the busiest first
    median = units.get_column("median").first()
    far_rows = tuple(
        (
            row["name"],
            fmt.decimal(row["to_handle_per_official"], lang),
            f"{fmt.number(row['to_handle'], lang)} / {fmt.number(row['officials'], lang)}",
            fmt.number(row["transfer_requests"], lang),
        )
        for row in far.head(REPORT_UNITS).iter_rows(named=True)
    )
    far_section = ReportSection(
        title=t("workload.report.far_title", lang),
        columns=(
            t("col.unit_name", lang),
            t("workload.col.to_handle_per_official", lang),
            t("workload.report.ratio", lang),
            t("workload.col.transfer_requests", lang),
        ),
        numeric=(False, True, True, True),
        rows=far_rows,
        note=t(
            "workload.report.far_note",
            lang,
            median=fmt.decimal(median, lang),
            factor=fmt.decimal(FAR_ABOVE, lang),
            shown=fmt.number(min(far.height, REPORT_UNITS), lang),
            far=fmt.number(far.height, lang),
            units=fmt.number(units.height, lang),
            as_of=fmt.day(summary.as_of),
        ),
    )
    asked = fields.filter(pl.col("transfer_requests") > 0)
    total = {
        "field": t("league.total", lang),
        "transfer_requests": asked.get_column("transfer_requests").sum(),
        "candidates": asked.get_column("candidates").sum(),
    }
    field_rows = tuple(
        (
            row["field"],
            fmt.number(row["transfer_requests"], lang),
            fmt.number(row["candidates"], lang),
            fmt.number(row["transfer_requests"] - row["candidates"], lang),
        )
        for row in (*asked.iter_rows(named=True), total)
    )
    field_section = ReportSection(
        title=t("workload.chart.requests", lang),
        columns=(
            t("col.field", lang),
            t("workload.col.transfer_requests", lang),
            t("workload.col.candidates", lang),
            t("workload.col.uncovered", lang),
        ),
        numeric=(False, True, True, True),
        rows=field_rows,
        note=t("workload.report.fields_note", lang, as_of=fmt.day(summary.as_of)),
    )
    return (far_section, field_section)
