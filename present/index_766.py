"""Bộ chỉ số 766 (issue 15) as a screen, a file and the PDF show it, without Streamlit: the
indicator table (numerator, denominator, ratio, points, formula, "thiếu dữ liệu"), the unit
ranking with the indicator that loses each unit most points, the units that cost the city
most, the charts, and the report's section. Every figure carries its numerator and denominator
in a table column or its hover, and the words never call the total the official score."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import polars as pl

from metrics.codes import AGENCY_KIND, COMMUNE_KINDS
from metrics.index_766 import Index766, costliest, group_points, ranking, totals
from metrics.index_766_rules import INDICATOR_BY_CODE, NOT_COMPUTABLE
from metrics.measures import Ratio
from metrics.rankings import MIN_DENOMINATOR
from metrics.text import texts
from present import format as fmt
from present.format import Lang
from present.safe_text import plotly_text
from present.strings import t
from present.tables import Column
from present.theme import COLORS, base_figure, count_axis, rate_axis

if TYPE_CHECKING:
    from present.report import ReportSection

SUBJECT = "chi-so-766"
RANKING_SUBJECT = "chi-so-766-xep-hang"
INDICATORS_SUBJECT = "chi-so-766-chi-so"
# The maximum behind each group's bar: a pale grey, so the earned points stand out.
MAX_COLOR = "#d9d9d9"
# How many costliest units the page and the report list.
COSTLY_COUNT = 10
REPORT_COSTLY = 5

INDICATOR_COLUMNS = (
    Column("group_text", "i766.col.group", "text"),
    Column("indicator_text", "i766.col.indicator", "text"),
    Column("numerator", "i766.col.numerator", "count"),
    Column("denominator", "i766.col.denominator", "count"),
    Column("ratio_text", "i766.col.ratio", "text"),
    Column("points_text", "i766.col.points", "text"),
    Column("max_text", "i766.col.max", "text"),
    Column("formula", "i766.col.formula", "text"),
    Column("status", "i766.col.status", "text"),
)
RANKING_COLUMNS = (
    Column("rank_text", "i766.col.rank", "text"),
    Column("unit_code", "col.unit_code", "text"),
    Column("name", "col.unit_name", "text"),
    Column("to_handle", "col.to_handle", "count"),
    Column("points_text", "i766.col.points", "text"),
    Column("max_text", "i766.col.max", "text"),
    Column("share", "i766.col.share", "rate"),
    Column("worst_text", "i766.col.worst", "text"),
    Column("worst_loss_text", "i766.col.worst_loss", "text"),
    Column("cost_text", "i766.col.cost", "text"),
)
NOT_COMPUTABLE_COLUMNS = (
    Column("group_text", "i766.col.group", "text"),
    Column("indicator_text", "i766.col.indicator", "text"),
    Column("max_text", "i766.col.max", "text"),
    Column("status", "i766.col.status", "text"),
)
COSTLY_COLUMNS = (
    Column("name", "col.unit_name", "text"),
    Column("worst_text", "i766.col.worst", "text"),
    Column("cost_text", "i766.col.cost", "text"),
    Column("recovered_text", "i766.col.recovered", "text"),
)


def points_text(value: float | None, lang: Lang) -> str:
    """Points to one decimal ("14,0"), or "–" where there is nothing to score."""
    return fmt.decimal(value, lang) if value is not None else fmt.MISSING


def indicator_name(code: str, lang: Lang) -> str:
    return t(f"i766.ind.{code}", lang)


def _months(months: list[date]) -> str:
    return ", ".join(f"{month:%m/%Y}" for month in months)


def status_text(code: str, denominator: float, missing: dict[str, list[date]], lang: Lang) -> str:
    """What a reader must know about an indicator's figure: months without data (left out, or
    judged by the fallback), or nothing to count."""
    months = missing.get(code)
    indicator = INDICATOR_BY_CODE[code]
    if months:
        key = "i766.status.fallback" if indicator.falls_back else "i766.status.missing"
        return t(key, lang, months=_months(months))
    return t("i766.status.none", lang) if denominator == 0 else ""


def _ratio_text(code: str, value: float | None, lang: Lang) -> str:
    """A ratio as a percentage, or 2.2's days as days."""
    if code == "2.2":
        return fmt.decimal(value, lang) if value is not None else fmt.MISSING
    return fmt.percent(value, lang)


def indicator_rows(
    indicators: pl.DataFrame,
    missing: dict[str, list[date]],
    lang: Lang,
    coverage: dict[str, Ratio] | None = None,
) -> pl.DataFrame:
    """One row per indicator (then 3.6b, 3.6c when given), with its texts: group, name,
    ratio, points, maximum, formula and status."""
    rows = []
    for row in indicators.sort("indicator").iter_rows(named=True):
        code = row["indicator"]
        scored = row["max_points"] > 0
        rows.append(
            {
                "group_text": t(f"i766.group.{row['group']}", lang),
                "indicator_text": indicator_name(code, lang),
                "numerator": row["numerator"],
                "denominator": row["denominator"],
                "ratio_text": _ratio_text(code, row["ratio"], lang),
                "points_text": points_text(row["points"], lang) if scored else "",
                "max_text": fmt.decimal(row["max_points"], lang) if scored else "",
                "formula": t(f"i766.formula.{code}", lang),
                "status": status_text(code, row["denominator"], missing, lang),
            }
        )
    for code, value in (coverage or {}).items():
        rows.append(
            {
                "group_text": t("i766.group.4", lang),
                "indicator_text": indicator_name(code, lang),
                "numerator": value.numerator,
                "denominator": value.denominator,
                "ratio_text": fmt.percent(value.value, lang),
                "points_text": "",
                "max_text": "",
                "formula": t(f"i766.formula.{code}", lang),
                "status": "",
            }
        )
    return pl.DataFrame(rows, schema_overrides={"numerator": pl.Float64, "denominator": pl.Float64})


def not_computable_rows(lang: Lang) -> pl.DataFrame:
    """What the records cannot compute: group, indicators, their points and what they need."""
    return pl.DataFrame(
        {
            "group_text": [t(f"i766.group.{item.group}", lang) for item in NOT_COMPUTABLE],
            "indicator_text": [item.code for item in NOT_COMPUTABLE],
            "max_text": [fmt.decimal(item.max_points, lang) for item in NOT_COMPUTABLE],
            "status": [
                t("i766.status.not_computable", lang, needs=t(item.needs, lang))
                for item in NOT_COMPUTABLE
            ],
        }
    )


def _worst_texts(frame: pl.DataFrame, lang: Lang) -> list[pl.Series]:
    return [
        texts(frame["worst"], lambda code: indicator_name(code, lang), "worst_text"),
        texts(frame["worst_loss"], lambda v: fmt.decimal(v, lang), "worst_loss_text"),
        texts(frame["cost"], lambda v: fmt.decimal(v, lang, 2), "cost_text"),
    ]


def ranking_rows(ranked: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """The ranking (`metrics.index_766.ranking`) with its texts; a shared rank reads "5 (đồng
    hạng)" as on the other rankings."""
    ranks = [
        rank_text(rank, is_tied, lang)
        for rank, is_tied in zip(ranked["rank"], ranked["tied"], strict=True)
    ]
    return ranked.with_columns(
        pl.Series("rank_text", ranks, dtype=pl.String),
        texts(ranked["points"], lambda v: fmt.decimal(v, lang), "points_text"),
        texts(ranked["max_points"], lambda v: fmt.decimal(v, lang), "max_text"),
        *_worst_texts(ranked, lang),
    )


def unit_line(unit_totals: pl.DataFrame, code: str, lang: Lang) -> str | None:
    """ "Phường X: 41,2 / 60 điểm, hạng 7 trong 114 phường, xã, đặc khu; mất nhiều điểm nhất ở
    …" (its rank among its peers: communes, or agencies); None for a unit not in the view."""
    match = unit_totals.filter(pl.col("unit_code") == code)
    if match.is_empty():
        return None
    row = match.row(0, named=True)
    agency = row["kind"] == AGENCY_KIND
    ranked = ranking(unit_totals, (AGENCY_KIND,) if agency else COMMUNE_KINDS)
    mine = ranked.filter(pl.col("unit_code") == code)
    kind = t("i766.kind.agencies" if agency else "i766.kind.communes", lang)
    rank = (
        t(
            "i766.unit_rank",
            lang,
            rank=rank_text(mine["rank"].item(), mine["tied"].item(), lang),
            total=ranked.height,
            kind=kind,
        )
        if mine.height
        else t("i766.unit_unranked", lang, min=MIN_DENOMINATOR)
    )
    return t(
        "i766.unit_line",
        lang,
        name=row["name"],
        points=points_text(row["points"], lang),
        max=points_text(row["max_points"], lang),
        rank=rank,
        worst=indicator_name(row["worst"], lang) if row["worst"] else fmt.MISSING,
    )


def rank_text(rank: int, tied: bool, lang: Lang) -> str:
    """ "3", or "3 (đồng hạng)" when another unit shows the same share."""
    return t("rank.tied", lang, rank=rank) if tied else str(rank)


def every_unit_rows(unit_totals: pl.DataFrame, lang: Lang) -> pl.DataFrame:
    """One table of every unit for a file: the ranked wards and communes, the ranked sở, ngành,
    then the units too small to rank (no rank), each with the ranking's columns."""
    ranked = [
        ranking_rows(ranking(unit_totals, kinds), lang) for kinds in (COMMUNE_KINDS, (AGENCY_KIND,))
    ]
    listed = {code for frame in ranked for code in frame["unit_code"]}
    rest = unit_totals.filter(~pl.col("unit_code").is_in(listed)).sort("unit_code")
    unranked = ranking_rows(
        rest.with_columns(pl.lit(None, pl.Int64).alias("rank"), pl.lit(False).alias("tied")), lang
    ).with_columns(pl.lit("").alias("rank_text"))
    return pl.concat([*ranked, unranked.select(ranked[0].columns)])


def costly_rows(unit_totals: pl.DataFrame, lang: Lang, count: int = COSTLY_COUNT) -> pl.DataFrame:
    """The units that cost the city most, with the running total recovered by fixing them."""
    top = costliest(unit_totals, count)
    return top.with_columns(
        *_worst_texts(top, lang),
        texts(top["recovered"], lambda v: fmt.decimal(v, lang, 2), "recovered_text"),
    )


def costly_line(index: Index766, unit_totals: pl.DataFrame, lang: Lang) -> str:
    """ "Fixing these N units would add X points, from A to B / max"."""
    top = costliest(unit_totals, COSTLY_COUNT)
    now, maximum = totals(index.whole)
    gained = float(top["cost"].sum()) if top.height else 0.0
    return t(
        "i766.costly_line",
        lang,
        count=top.height,
        points=fmt.decimal(gained, lang, 2),
        now=fmt.decimal(now, lang),
        after=fmt.decimal(now + gained, lang),
        max=fmt.decimal(maximum, lang),
    )


def left_out_text(lang: Lang) -> str:
    """The groups and indicators left out, with what would make each computable."""
    return "; ".join(
        t(
            "i766.left_out",
            lang,
            code=item.code,
            points=fmt.decimal(item.max_points, lang, 0),
            needs=t(item.needs, lang),
        )
        for item in NOT_COMPUTABLE
    )


def groups_figure(indicators: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Points earned against the maximum, one bar pair per computable group; the hover gives
    points / maximum."""
    groups = group_points(indicators)
    labels = [plotly_text(t(f"i766.group.{g}", lang)) for g in groups["group"]]
    figure = base_figure(
        t("i766.chart.groups", lang), scope, lang, height=160 + 44 * max(groups.height, 1)
    )
    figure.add_trace(
        go.Bar(
            y=labels,
            x=groups["max_points"].to_list(),
            name=t("i766.legend.max", lang),
            orientation="h",
            marker_color=MAX_COLOR,
            hoverinfo="skip",
        )
    )
    figure.add_trace(
        go.Bar(
            y=labels,
            x=groups["points"].to_list(),
            name=t("i766.legend.points", lang),
            orientation="h",
            marker_color=COLORS["resolved"],
            text=[
                f"{points_text(p, lang)} / {fmt.decimal(m, lang, 0)}"
                for p, m in zip(groups["points"], groups["max_points"], strict=True)
            ],
            textposition="auto",
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    figure.update_layout(
        barmode="overlay",
        xaxis=count_axis(t("i766.axis.points", lang)),
        yaxis={"autorange": "reversed"},
    )
    return figure


def trend_figure(trend: pl.DataFrame, lang: Lang, scope: str) -> go.Figure:
    """Each group's points as a share of its computable maximum, month by month (a month that
    lacks a group's data has no point for it)."""
    figure = base_figure(t("i766.chart.trend", lang), scope, lang, height=360)
    for group in sorted(set(trend["group"].to_list())):
        rows = trend.filter(pl.col("group") == group)
        shares = (100 * rows["points"] / rows["max_points"]).to_list()  # in percent points
        figure.add_trace(
            go.Scatter(
                x=[f"{m:%m/%Y}" for m in rows["month"]],
                y=shares,
                mode="lines+markers",
                name=plotly_text(t(f"i766.group.{group}", lang)),
                customdata=[
                    f"{points_text(p, lang)} / {fmt.decimal(m, lang, 0)}"
                    for p, m in zip(rows["points"], rows["max_points"], strict=True)
                ],
                hovertemplate="%{x}: %{customdata}<extra>%{fullData.name}</extra>",
            )
        )
    figure.update_layout(yaxis=rate_axis(lang), xaxis={"type": "category"})
    return figure


def unit_figure(units: pl.DataFrame, lang: Lang, name: str, scope: str) -> go.Figure:
    """One unit's points per group against each group's maximum (bars), hover: the indicators'
    numerators and denominators."""
    return groups_figure(units, lang, scope).update_layout(
        title={"text": plotly_text(t("i766.unit_title", lang, name=name))}
    )


def report_section(
    index: Index766, unit_totals: pl.DataFrame, lang: Lang, coverage: dict[str, Ratio]
) -> ReportSection:
    """The PDF's section, short enough to keep the report on two pages: the city's scored
    indicators with numerator / denominator, ratio and points; the note says what is left
    out, 3.6 (b) and (c), and the units that cost the city most."""
    # Imported here: present.report appends this section, so it imports this module first.
    from present.report import ReportSection  # noqa: PLC0415

    scored = index.whole.filter(pl.col("max_points") > 0)
    rows = indicator_rows(scored, index.missing, lang)
    body = tuple(
        (
            row["indicator_text"],
            f"{fmt.number(row['numerator'], lang)} / {fmt.number(row['denominator'], lang)}",
            row["ratio_text"],
            f"{row['points_text']} / {row['max_text']}",
            row["status"],
        )
        for row in rows.iter_rows(named=True)
    )
    points, maximum = totals(index.whole)
    top = costliest(unit_totals, REPORT_COSTLY)
    names = ", ".join(
        f"{name} ({fmt.decimal(cost, lang, 2)})"
        for name, cost in zip(top["name"], top["cost"], strict=True)
    )
    paid = "; ".join(f"{code} {fmt.percent(value.value, lang)}" for code, value in coverage.items())
    title = (
        t("i766.report_title", lang)
        + " · "
        + t("i766.total", lang, points=fmt.decimal(points, lang), max=fmt.decimal(maximum, lang))
    )
    return ReportSection(
        title=title,
        columns=(
            t("i766.col.indicator", lang),
            t("i766.col.numerator", lang) + " / " + t("i766.col.denominator", lang),
            t("i766.col.ratio", lang),
            t("i766.col.points", lang),
            t("i766.col.status", lang),
        ),
        numeric=(False, True, True, True, False),
        rows=body,
        note=t(
            "i766.report_note",
            lang,
            units=names or fmt.MISSING,
            left_out=", ".join(item.code for item in NOT_COMPUTABLE),
            coverage=paid or fmt.MISSING,
        ),
    )
