"""Figures of the overview page: plain functions from metrics results to Plotly figures, so
they can be timed and tested without Streamlit.

Every title says what, where and when; every ratio's hover shows numerator / denominator;
numbers on bars and in hovers are formatted with Babel or with the locale's separators.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

import plotly.graph_objects as go
import polars as pl

from metrics.activity import Grain
from metrics.kpis import PeriodKpis
from metrics.measures import RATE_BY_NAME, Ratio
from metrics.rankings import RankMeasure
from present import format as fmt
from present.format import Lang
from present.strings import t
from present.theme import (
    CHANNEL_COLORS,
    COLORS,
    RANKING_HEIGHT,
    base_figure,
    count_axis,
    rate_axis,
    rows_height,
)

# Axis tick labels per grain; numeric day/month formats avoid English month names.
_TICK_FORMATS: dict[Grain, str] = {"day": "%d/%m", "week": "%d/%m", "month": "%m/%Y"}
# The busiest fields shown; the rest are too small to read as bars.
TOP_FIELDS = 15


def _ratio_hover(lang: Lang, num: str, den: str, rate: str) -> str:
    return t("hover.ratio", lang, num=num, den=den, rate=rate)


def trend_figure(frame: pl.DataFrame, grain: Grain, lang: Lang, scope: str) -> go.Figure:
    """Received and resolved as bars, online share as a line on a second axis."""
    title = t("chart.trend", lang, grain=t(f"grain.{grain}", lang))
    figure = base_figure(title, scope, lang)
    days = [
        t("hover.days", lang, first=fmt.day(first), last=fmt.day(last))
        for first, last in zip(frame["first_day"], frame["last_day"], strict=True)
    ]
    share = [
        _ratio_hover(lang, fmt.number(num, lang), fmt.number(den, lang), fmt.percent(rate, lang))
        if rate is not None
        else fmt.MISSING
        for num, den, rate in frame.select("received_online", "received", "online_share").rows()
    ]
    # A bar stands at the first day it counts, so a week cut by the period starts inside it.
    x = frame["first_day"].to_list()
    for column, color in (("received", COLORS["received"]), ("resolved", COLORS["resolved"])):
        figure.add_trace(
            go.Bar(
                x=x,
                y=frame[column].to_list(),
                name=t(f"series.{column}", lang),
                marker_color=color,
                customdata=days,
                hovertemplate="%{y:,.0f} · %{customdata}<extra>%{fullData.name}</extra>",
            )
        )
    online = (frame["online_share"] * 100).to_list()
    figure.add_trace(
        go.Scatter(
            x=x,
            y=online,
            name=t("series.online_share", lang),
            yaxis="y2",
            mode="lines+markers",
            line={"color": COLORS["online"], "width": 3},
            customdata=share,
            hovertemplate="%{customdata}<extra>%{fullData.name}</extra>",
        )
    )
    figure.update_layout(
        barmode="group",
        hovermode="x unified",
        xaxis=_time_axis(x, grain),
        yaxis=count_axis(t("axis.applications", lang)),
        yaxis2=rate_axis(lang, t("series.online_share", lang))
        | {
            "overlaying": "y",
            "side": "right",
            "range": [0, 100],
            "tickmode": "linear",
            "dtick": 20,
            "showgrid": False,
        },
    )
    return figure


def _time_axis(days: list, grain: Grain) -> dict:
    """dd/mm ticks; weekly and monthly ticks sit on the bars, not on Plotly's Mondays."""
    axis = {"tickformat": _TICK_FORMATS[grain], "hoverformat": "%d/%m/%Y"}
    if grain == "day" and days:
        # Half a day either side of the bars: Plotly's own padding put a tick (and a label) on
        # the day before the period.
        half = timedelta(hours=12)
        first, last = datetime.combine(min(days), time()), datetime.combine(max(days), time())
        axis["range"] = [first - half, last + half]
    if grain != "day" and len(days) <= 31:
        axis |= {
            "tickmode": "array",
            "tickvals": days,
            "ticktext": [d.strftime(_TICK_FORMATS[grain]) for d in days],
        }
    return axis


def channel_figure(frame: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Share of received applications per channel, with counts on hover."""
    figure = base_figure(t("chart.channels", lang), scope, lang)
    total = int(frame["received"].sum())
    channels = frame["channel"].to_list()
    counts = frame["received"].to_list()
    figure.add_trace(
        go.Pie(
            labels=[t(f"channel.{c}", lang) for c in channels],
            values=counts,
            hole=0.55,
            sort=False,
            direction="clockwise",
            # A small slice's label stands outside the ring; the ring's top fifth is left
            # free so that label stays under the title and its source line, not over them.
            domain={"y": [0, 0.8]},
            marker={"colors": [CHANNEL_COLORS[c] for c in channels]},
            text=[fmt.percent(Ratio(n, total).value, lang) for n in counts],
            textinfo="text",
            customdata=[
                _ratio_hover(
                    lang,
                    fmt.number(n, lang),
                    fmt.number(total, lang),
                    fmt.percent(Ratio(n, total).value, lang),
                )
                for n in counts
            ],
            hovertemplate="%{label}: %{customdata}<extra></extra>",
        )
    )
    return figure


def status_figure(kpis: PeriodKpis, lang: Lang, scope: str) -> go.Figure:
    """The five columns of Biểu II.06a that split what there was to handle."""
    parts = (
        ("resolved_early", kpis.count("resolved_early"), COLORS["early"]),
        ("resolved_on_time", kpis.count("resolved_on_time"), COLORS["on_time"]),
        ("resolved_late", kpis.count("resolved_late"), COLORS["late"]),
        ("in_progress_within", kpis.count("within_deadline"), COLORS["within_deadline"]),
        ("overdue", kpis.count("overdue"), COLORS["overdue"]),
    )
    den = kpis.count("to_handle")
    labels = [t(f"status.{key}", lang) for key, _, _ in parts]
    counts = [count for _, count, _ in parts]
    figure = base_figure(t("chart.status", lang), scope, lang)
    figure.add_trace(
        go.Bar(
            y=labels,
            x=counts,
            orientation="h",
            marker_color=[color for _, _, color in parts],
            text=[fmt.number(n, lang) for n in counts],
            textposition="auto",
            textangle=0,  # never rotated inside a short bar
            customdata=[
                t(
                    "status.share",
                    lang,
                    count=fmt.number(n, lang),
                    den=fmt.number(den, lang),
                    rate=fmt.percent(Ratio(n, den).value, lang),
                )
                for n in counts
            ],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    figure.update_layout(
        showlegend=False,
        xaxis=count_axis(),
        yaxis={"autorange": "reversed"},
    )
    return figure


def ranking_figure(
    frame: pl.DataFrame, measure: RankMeasure, lang: Lang, title: str, scope: str, color: str
) -> go.Figure:
    """Horizontal bars from zero, first row on top, each labelled with the unit's name and rate."""
    num_col, den_col = RATE_BY_NAME[measure].numerator, RATE_BY_NAME[measure].denominator
    rates = frame[measure].to_list()
    figure = base_figure(title, scope, lang, height=RANKING_HEIGHT)
    figure.add_trace(
        go.Bar(
            y=frame["name"].to_list(),
            x=[rate * 100 for rate in rates],
            orientation="h",
            marker_color=color,
            text=[fmt.percent(rate, lang) for rate in rates],
            textposition="inside",
            textangle=0,
            insidetextanchor="end",
            customdata=[
                _ratio_hover(lang, fmt.number(n, lang), fmt.number(d, lang), fmt.percent(r, lang))
                for n, d, r in zip(frame[num_col], frame[den_col], rates, strict=True)
            ],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    # From zero: a bar's length is its rate, so 91,5% never looks like half of 95,1%.
    figure.update_layout(
        showlegend=False,
        xaxis=rate_axis(lang) | {"range": [0, 100]},
        yaxis={"autorange": "reversed"},
        clickmode="event+select",
    )
    return figure


def fields_figure(frame: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Received (left panel) and late (right panel) for the busiest fields, on one row each."""
    top = frame.head(TOP_FIELDS)
    fields = top["field"].to_list()
    figure = base_figure(t("chart.fields", lang), scope, lang, height=rows_height(len(fields)))
    figure.add_trace(
        go.Bar(
            y=fields,
            x=top["received"].to_list(),
            orientation="h",
            name=t("series.received", lang),
            marker_color=COLORS["received"],
            text=[fmt.number(n, lang) for n in top["received"]],
            textposition="auto",
            textangle=0,  # never rotated inside a short bar
            hovertemplate="%{y}: %{x:,.0f}<extra>%{fullData.name}</extra>",
        )
    )
    figure.add_trace(
        go.Bar(
            y=fields,
            x=top["late"].to_list(),
            orientation="h",
            name=t("series.late", lang),
            xaxis="x2",
            marker_color=COLORS["late"],
            text=[fmt.number(n, lang) for n in top["late"]],
            textposition="auto",
            textangle=0,  # never rotated inside a short bar
            customdata=[
                t(
                    "hover.late",
                    lang,
                    late=fmt.number(late, lang),
                    resolved_late=fmt.number(resolved_late, lang),
                    overdue=fmt.number(overdue, lang),
                )
                for late, resolved_late, overdue in zip(
                    top["late"], top["resolved_late"], top["overdue"], strict=True
                )
            ],
            hovertemplate="%{y}: %{customdata}<extra></extra>",
        )
    )
    figure.update_layout(
        showlegend=False,  # each panel's axis title names it
        xaxis=count_axis(t("series.received", lang)) | {"domain": [0, 0.6]},
        xaxis2=count_axis(t("series.late", lang)) | {"domain": [0.66, 1], "anchor": "y"},
        yaxis={"autorange": "reversed"},
    )
    return figure
