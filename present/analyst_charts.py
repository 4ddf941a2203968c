"""Figures of the analyst pages (wards and communes, one unit, simplification): plain
functions from metrics results to Plotly figures, testable and timeable without Streamlit.

Every title says what; the subtitle (the scope) says where and when; every ratio's hover
shows numerator / denominator.
"""

from __future__ import annotations

import plotly.graph_objects as go
import polars as pl

from metrics.measures import Ratio
from present import format as fmt
from present.format import Lang
from present.safe_text import plotly_text
from present.strings import t
from present.theme import COLORS, base_figure, count_axis, rate_axis, rows_height

SCATTER_HEIGHT = 480
# Bubble area scale: the busiest unit gets a bubble of about this diameter in pixels.
MAX_BUBBLE = 40
ROW_HEIGHT = 22  # per procedure in the dumbbell charts


def _ratio(num: float, den: float, lang: Lang) -> str:
    return t(
        "hover.ratio",
        lang,
        num=fmt.number(num, lang),
        den=fmt.number(den, lang),
        rate=fmt.percent(Ratio(num, den).value, lang),
    )


def units_scatter(league: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Online share (x) against on-time rate (y), bubble area = applications received; dashed
    lines at the median unit split the plane: bottom left needs help on both."""
    units = league.filter(pl.col("received") > 0)
    figure = base_figure(t("chart.units_scatter", lang), scope, lang, height=SCATTER_HEIGHT)
    hover = [
        t("hover.unit_point", lang, name=plotly_text(name), received=fmt.number(received, lang),
          online=_ratio(online, received, lang), on_time=_ratio(on_time, to_handle, lang))
        for name, received, online, on_time, to_handle in units.select(
            "name", "received", "received_online", "on_time", "to_handle").iter_rows()
    ]  # fmt: skip
    biggest = float(units["received"].max() or 1)
    figure.add_trace(
        go.Scatter(
            x=(units["online_share"] * 100).to_list(),
            y=(units["on_time_rate"] * 100).to_list(),
            mode="markers",
            marker={
                "size": units["received"].to_list(),
                "sizemode": "area",
                "sizeref": 2.0 * biggest / MAX_BUBBLE**2,
                "sizemin": 4,
                "color": COLORS["received"],
                "opacity": 0.6,
                "line": {"width": 1, "color": "white"},
            },
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    for axis, column in (("x", "online_share"), ("y", "on_time_rate")):
        median = units[column].median()
        if median is not None:
            line = {"type": "line", "line": {"dash": "dash", "color": "#888888", "width": 1}}
            if axis == "x":
                line |= {"x0": median * 100, "x1": median * 100, "y0": 0, "y1": 1, "yref": "paper"}
            else:
                line |= {"y0": median * 100, "y1": median * 100, "x0": 0, "x1": 1, "xref": "paper"}
            figure.add_shape(line)
    figure.update_layout(
        showlegend=False,
        xaxis=rate_axis(lang, t("kpi.online_share", lang)) | {"rangemode": "normal"},
        yaxis=rate_axis(lang, t("kpi.on_time_rate", lang)) | {"rangemode": "normal"},
    )
    return figure


def unit_vs_median(
    unit_values: dict[str, float | None],
    medians: dict[str, float | None],
    lang: Lang,
    title: str,
    scope: str,
) -> go.Figure:
    """The unit's rates beside the median unit's, one pair of bars per rate."""
    rates = [m for m in ("resolution_rate", "on_time_rate", "online_share") if m in unit_values]
    labels = [t(f"kpi.{m}", lang) for m in rates]
    figure = base_figure(title, scope, lang)
    for name, values, color in (
        (t("series.this_unit", lang), unit_values, COLORS["received"]),
        (t("series.city_median", lang), medians, "#999999"),
    ):
        shown = [values.get(m) for m in rates]
        figure.add_trace(
            go.Bar(
                x=labels,
                y=[v * 100 if v is not None else None for v in shown],
                name=name,
                marker_color=color,
                text=[fmt.percent(v, lang) for v in shown],
                textposition="outside",
                hovertemplate="%{x}: %{text}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(barmode="group", yaxis=rate_axis(lang) | {"range": [0, 110]})
    return figure


def dumbbell(
    frame: pl.DataFrame,
    before: str,
    after: str,
    lang: Lang,
    title: str,
    scope: str,
    axis_title: str,
) -> go.Figure:
    """One row per procedure: a grey dot at `before`, a green dot at `after`, joined by a line."""
    names = [
        f"{code} · {name[:48]}" for code, name in frame.select("procedure_code", "name").iter_rows()
    ]
    figure = base_figure(title, scope, lang, height=160 + ROW_HEIGHT * max(frame.height, 1))
    xs: list[float | None] = []
    ys: list[str | None] = []
    for name, start, end in zip(names, frame[before], frame[after], strict=True):
        xs += [start, end, None]
        ys += [name, name, None]
    figure.add_trace(go.Scatter(x=xs, y=ys, mode="lines", line={"color": "#BBBBBB", "width": 2},
                                hoverinfo="skip", showlegend=False))  # fmt: skip
    for column, label, color in (
        (before, "series.before", "#999999"),
        (after, "series.after", COLORS["good"]),
    ):
        figure.add_trace(
            go.Scatter(
                x=frame[column].to_list(),
                y=names,
                mode="markers",
                name=t(label, lang),
                marker={"size": 9, "color": color},
                hovertemplate="%{y}: %{x:,.1f}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(
        xaxis=count_axis(axis_title) | {"tickformat": ",.0f"},
        yaxis={"autorange": "reversed", "tickfont": {"size": 10}},
        legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0},
        margin={"l": 10, "r": 10, "t": 110, "b": 40},
    )
    return figure


def cut_histogram(plans: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """How many plans cut processing time by how much (10-point bins)."""
    figure = base_figure(t("chart.cut_distribution", lang), scope, lang)
    figure.add_trace(
        go.Histogram(
            x=(plans["time_cut"] * 100).to_list(),
            xbins={"start": 0, "end": 100, "size": 10},
            marker_color=COLORS["good"],
            hovertemplate=t("hover.cut_bin", lang) + "<extra></extra>",
        )
    )
    figure.update_layout(
        showlegend=False,
        bargap=0.05,
        xaxis=rate_axis(lang, t("axis.time_cut", lang)) | {"range": [0, 100]},
        yaxis=count_axis(t("axis.plans", lang)),
    )
    return figure


def count_bars(
    labels: list[str], counts: list[int], lang: Lang, title: str, scope: str, color: str
) -> go.Figure:
    """Horizontal bars of counts, largest on top (plans by agency, procedures by level …)."""
    figure = base_figure(title, scope, lang, height=rows_height(len(labels)))
    figure.add_trace(
        go.Bar(
            y=labels,
            x=counts,
            orientation="h",
            marker_color=color,
            text=[fmt.number(n, lang) for n in counts],
            textposition="auto",
            textangle=0,  # never rotated inside a short bar
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(showlegend=False, xaxis=count_axis(), yaxis={"autorange": "reversed"})
    return figure
