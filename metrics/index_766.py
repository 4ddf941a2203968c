"""Bộ chỉ số 766 per unit (communes and agencies), per field, per province and for the city.

Every indicator of `metrics.index_766_rules` is a numerator and a denominator of the one query
(`metrics.counts.period_counts`), read through the view's filters and access like every other
number, so group 2's ratio is the KPI layer's `on_time_rate_766` to the last digit.

Why per unit first: a leader asks which units cost the city its points. A unit's points come
from its own ratios; any larger whole (the city, a province, a field) gets, for each indicator,
the application-weighted combination of its units' points (each unit weighted by its share of
the indicator's denominator). Then each unit's contribution to the whole's gap to full points
is exact and additive: fixing the N units that cost most recovers the sum of their shares. For
a linear indicator this equals the points of the whole's ratio; for a thresholded one a unit
above the threshold cannot make up for one below it, as on the portal's per-agency scoring.

Counts of received applications are read per calendar month, so a month whose exports lack a
field an indicator needs (`metrics.quality`) is left out of that indicator ("thiếu dữ liệu")
instead of counting as zeros; the indicators of the whole period (2.1, 5.4: carried in, in
progress at the end) fall back to the exported due date where supplement dates are missing.
"""

# ruff: noqa: S608 -- only constant SQL of this module is composed here; values are bound.
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb
import polars as pl

from metrics.codes import AGENCY_KIND, COMMUNE_KINDS
from metrics.counts import Key, period_counts
from metrics.filters import Filters
from metrics.index_766_rules import INDICATORS, Indicator
from metrics.measures import Ratio, with_counts
from metrics.quality import missing_data
from metrics.rankings import joint_ranked
from metrics.scope import scoped
from metrics.units_league import units_in_view

ALL_KINDS = (*COMMUNE_KINDS, AGENCY_KIND)
# What a field needs besides the unit: the unit is always a key (points are per unit first).
_WHOLE = tuple(item for item in INDICATORS if item.whole_period)
_MONTHLY = tuple(item for item in INDICATORS if not item.whole_period)
_WHOLE_COUNTS = ("received", "carried_in", "resolved", "resolved_late_766", "overdue_766",
                 "processing_workdays_sum")  # fmt: skip
_MONTHLY_COUNTS = tuple(sorted({name for item in _MONTHLY
                                for name in (item.numerator, item.denominator)}))  # fmt: skip
# Where an indicator's counts are the same for one unit and another (the unit's own ratio).
_INDICATOR_COLUMNS = ("indicator", "group", "max_points", "threshold")


@dataclass(frozen=True)
class Index766:
    """The indicators of one period and view: `units` one row per unit × indicator (counts,
    ratio, points, and the unit's weight in the whole), `whole` one row per indicator (the
    counts summed, the ratio of the sums, the weighted points), and the months of the period
    each indicator lacks data for (`missing`, by indicator code)."""

    start: date
    end: date
    units: pl.DataFrame
    whole: pl.DataFrame
    missing: dict[str, list[date]]


def needs() -> dict[str, tuple[str, ...]]:
    """The optional record fields of each indicator that needs some (for `metrics.quality`)."""
    return {item.code: item.fields for item in INDICATORS if item.fields}


def month_pieces(periods: Sequence[tuple[date, date]]) -> list[tuple[int, date, date]]:
    """Each period cut at month ends: (the period's index, piece start, piece end)."""
    pieces = []
    for idx, (d0, d1) in enumerate(periods):
        start = d0
        while start <= d1:
            following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
            pieces.append((idx, start, min(d1, following - timedelta(days=1))))
            start = following
    return pieces


def months(start: date, end: date) -> list[tuple[date, date]]:
    """The calendar months of [start, end], the first and last cut to the period."""
    return [(d0, d1) for _, d0, d1 in month_pieces([(start, end)])]


def points_expression() -> pl.Expr:
    """The scoring rule, once (INDEX_766.md): with a threshold T, a ratio ≥ T earns full points
    and one below it ratio × max / T; otherwise ratio × max; none without a ratio and for an
    informational indicator (max 0)."""
    ratio, top, threshold = pl.col("ratio"), pl.col("max_points"), pl.col("threshold")
    scored = (
        pl.when(threshold.is_null())
        .then(ratio * top)
        .otherwise(pl.min_horizontal(ratio / threshold, pl.lit(1.0)) * top)
    )
    return pl.when(ratio.is_null() | (top == 0)).then(None).otherwise(scored).alias("points")


def _ratio() -> pl.Expr:
    return (
        pl.when(pl.col("denominator") > 0)
        .then(pl.col("numerator") / pl.col("denominator"))
        .otherwise(None)
        .alias("ratio")
    )


def _indicator_table() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "indicator": [item.code for item in INDICATORS],
            "group": [item.group for item in INDICATORS],
            "max_points": [float(item.max_points) for item in INDICATORS],
            "threshold": [item.threshold for item in INDICATORS],
        },
        schema_overrides={"threshold": pl.Float64},
    )


def _long(frame: pl.DataFrame, keys: Sequence[str], items: Sequence[Indicator]) -> pl.DataFrame:
    """One row per key (`idx` first) and indicator of `items`: numerator and denominator."""
    parts = [
        frame.select(
            pl.col("idx").cast(pl.Int64),
            *keys[1:],
            pl.lit(item.code).alias("indicator"),
            pl.col(item.numerator).cast(pl.Float64).alias("numerator"),
            pl.col(item.denominator).cast(pl.Float64).alias("denominator"),
        )
        for item in items
    ]
    return pl.concat(parts)


def unit_counts(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    periods: Sequence[tuple[date, date]],
    *,
    by: Sequence[Key] = (),
) -> tuple[pl.DataFrame, dict[str, list[date]]]:
    """Per period index (`idx`), key of `by`, unit and indicator: numerator and denominator.
    The monthly indicators leave out the months that lack a field they need; those months are
    returned by indicator code."""
    keys = ("idx", *by, "unit_code")
    first, last = min(d0 for d0, _ in periods), max(d1 for _, d1 in periods)
    missing = missing_data(con, first, last, needs())
    whole = with_counts(
        period_counts(con, filters, periods, by=(*by, "unit_code"), names=_WHOLE_COUNTS)
    )
    pieces = month_pieces(periods)
    monthly = period_counts(
        con, filters, [(d0, d1) for _, d0, d1 in pieces], by=(*by, "unit_code"),
        names=_MONTHLY_COUNTS,
    )  # fmt: skip
    owner = pl.DataFrame(
        {
            "idx": list(range(len(pieces))),
            "owner": [idx for idx, _, _ in pieces],
            "month": [d0.replace(day=1) for _, d0, _ in pieces],
        },
        schema_overrides={"idx": monthly["idx"].dtype},
    )
    monthly = monthly.join(owner, on="idx").drop("idx").rename({"owner": "idx"})
    parts = [_long(whole, keys, _WHOLE)]
    for item in _MONTHLY:
        lacking = [] if item.falls_back else missing.get(item.code, [])
        # A lacking month's counts are left out (the unit keeps a row, with nothing to count).
        out = pl.col("month").is_in(lacking)
        summed = monthly.group_by(keys).agg(
            pl.when(out).then(0).otherwise(pl.col(name)).sum().alias(name)
            for name in (item.numerator, item.denominator)
        )
        parts.append(_long(summed, keys, [item]))
    counts = pl.concat(parts)
    return counts, missing


def _scored(counts: pl.DataFrame) -> pl.DataFrame:
    """Counts with the ratio and the points, by the rule."""
    return (
        counts.join(_indicator_table(), on="indicator", how="left")
        .with_columns(_ratio())
        .with_columns(points_expression())
    )


def combine(units: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
    """The whole of `units` per `keys` and indicator: counts summed, their ratio, and the
    points weighted by each unit's share of the denominator; `gap` = max − points (for the
    indicators with something to count). Adds to `units` nothing: see `with_weights`."""
    grouped = [*keys, *_INDICATOR_COLUMNS]
    return (
        units.group_by(grouped, maintain_order=True)
        .agg(
            pl.col("numerator").sum(),
            pl.col("denominator").sum(),
            (pl.col("points").fill_null(0) * pl.col("denominator")).sum().alias("_weighted"),
        )
        .with_columns(_ratio())
        .with_columns(
            pl.when(pl.col("denominator") > 0)
            .then(pl.col("_weighted") / pl.col("denominator"))
            .otherwise(None)
            .alias("points")
        )
        .with_columns(
            pl.when(pl.col("points").is_not_null())
            .then(pl.col("max_points") - pl.col("points"))
            .alias("gap")
        )
        .drop("_weighted")
        .sort([*keys, "indicator"])
    )


def with_weights(units: pl.DataFrame, keys: Sequence[str]) -> pl.DataFrame:
    """Each unit's `weight` in its whole (its share of the indicator's denominator) and
    `cost`: weight × (max − points), the points the whole loses through that unit."""
    share = pl.col("denominator") / pl.col("denominator").sum().over([*keys, "indicator"])
    return units.with_columns(
        pl.when(pl.col("denominator") > 0).then(share).otherwise(0.0).alias("weight")
    ).with_columns(
        pl.when(pl.col("points").is_not_null())
        .then(pl.col("weight") * (pl.col("max_points") - pl.col("points")))
        .otherwise(0.0)
        .alias("cost")
    )


def _frame(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    periods: Sequence[tuple[date, date]],
    by: Sequence[Key] = (),
) -> tuple[pl.DataFrame, pl.DataFrame, dict[str, list[date]]]:
    counts, missing = unit_counts(con, filters, periods, by=by)
    keys = ["idx", *by]
    units = with_weights(_scored(counts), keys)
    return units, combine(units, keys), missing


def index_766(con: duckdb.DuckDBPyConnection, filters: Filters) -> Index766:
    """The period's indicators for every unit of the view (communes and agencies) and for the
    whole view (the city, or the province or units the filters keep)."""
    units, whole, missing = _frame(con, filters, [(filters.start, filters.end)])
    listed = units_in_view(con, filters, ALL_KINDS)
    units = units.drop("idx").join(listed, on="unit_code", how="inner")
    return Index766(filters.start, filters.end, units, whole.drop("idx"), missing)


def by_field(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per field and indicator: the field's counts, ratio and weighted points over its units."""
    _, whole, _ = _frame(con, filters, [(filters.start, filters.end)], by=("field",))
    return whole.drop("idx")


def by_province(
    con: duckdb.DuckDBPyConnection, filters: Filters, provinces: Sequence[int]
) -> pl.DataFrame:
    """Per province of `provinces` and indicator: as the whole view, restricted to it."""
    parts = [
        index_766(con, replace(filters, province_codes=(code,))).whole.with_columns(
            pl.lit(code).alias("province_code")
        )
        for code in provinces
    ]
    return pl.concat(parts) if parts else pl.DataFrame()


def monthly_trend(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per calendar month of the period: each group's weighted points and maximum (the groups
    whose indicators had something to count that month; a month lacking a field leaves its
    indicator out)."""
    periods = months(filters.start, filters.end)
    _, whole, _ = _frame(con, filters, periods)
    starts = pl.DataFrame(
        {"idx": list(range(len(periods))), "month": [d0.replace(day=1) for d0, _ in periods]}
    )
    return (
        group_points(whole, ["idx"])
        .join(starts.with_columns(pl.col("idx").cast(pl.Int64)), on="idx")
        .drop("idx")
        .sort(["month", "group"])
    )


def group_points(indicators: pl.DataFrame, keys: Sequence[str] = ()) -> pl.DataFrame:
    """Points and maximum per group (and `keys`), over its scored indicators that had
    something to count; a group with none has no row."""
    scored = indicators.filter(pl.col("points").is_not_null())
    return (
        scored.group_by([*keys, "group"], maintain_order=True)
        .agg(pl.col("points").sum(), pl.col("max_points").sum())
        .sort([*keys, "group"])
    )


def totals(indicators: pl.DataFrame) -> tuple[float, float]:
    """(points, maximum) over the scored indicators that had something to count."""
    scored = indicators.filter(pl.col("points").is_not_null())
    return float(scored["points"].sum()), float(scored["max_points"].sum())


def unit_totals(index: Index766) -> pl.DataFrame:
    """Per unit: its points and maximum over its computable indicators, the share of that
    maximum it earns, its applications to handle (the ranking's denominator), the indicator
    that loses it most points and how many, and its cost to the whole (the points the whole
    would recover if the unit earned full points)."""
    units = index.units
    scored = units.filter(pl.col("points").is_not_null())
    loss = (
        scored.with_columns((pl.col("max_points") - pl.col("points")).alias("loss"))
        .sort(["unit_code", "loss", "indicator"], descending=[False, True, False])
        .group_by("unit_code", maintain_order=True)
        .agg(pl.col("indicator").first().alias("worst"), pl.col("loss").first().alias("worst_loss"))
    )
    summed = scored.group_by("unit_code").agg(
        pl.col("points").sum(), pl.col("max_points").sum(), pl.col("cost").sum()
    )
    handled = units.filter(pl.col("indicator") == "2.1").select(
        "unit_code", "name", "kind", pl.col("denominator").alias("to_handle")
    )
    return (
        handled.join(summed, on="unit_code", how="left")
        .join(loss, on="unit_code", how="left")
        .with_columns(
            pl.when(pl.col("max_points") > 0)
            .then(pl.col("points") / pl.col("max_points"))
            .alias("share"),
            pl.col("cost").fill_null(0.0),
        )
        .sort(["cost", "unit_code"], descending=[True, False])
    )


def ranking(totals_frame: pl.DataFrame, kinds: Sequence[str]) -> pl.DataFrame:
    """The units of `kinds` ranked by the share of their maximum they earn (shown to a tenth
    of a percent; equal shown shares share a rank, đồng hạng), best first; units with fewer
    than MIN_DENOMINATOR applications to handle are left out."""
    return joint_ranked(totals_frame.filter(pl.col("kind").is_in(kinds)), "share", "to_handle")


def costliest(totals_frame: pl.DataFrame, count: int = 10) -> pl.DataFrame:
    """The `count` units that cost the whole most points, with the running total the whole
    would recover by fixing them all (`recovered`)."""
    top = totals_frame.filter(pl.col("cost") > 0).sort(
        ["cost", "unit_code"], descending=[True, False]
    )
    return top.head(count).with_columns(pl.col("cost").cum_sum().alias("recovered"))


_FEE_PROCEDURES = """
select count(*)::bigint
from ({procedures}) as p
where p.has_fee
"""


def payment_coverage(con: duckdb.DuckDBPyConnection, filters: Filters) -> dict[str, Ratio]:
    """3.6 (b): procedures with at least one application paid online / procedures with
    fee-bearing applications in the period; (c): fee procedures with applications / fee
    procedures of the catalog the view keeps. Ratios only: their points are unconfirmed."""
    counts = period_counts(
        con,
        filters,
        [(filters.start, filters.end)],
        by=("procedure_code",),
        names=("received_fee", "paid_online"),
    )
    with_fee = counts.filter(pl.col("received_fee") > 0)
    paid = with_fee.filter(pl.col("paid_online") > 0).height
    procedures = scoped("procedures", filters)
    text = _FEE_PROCEDURES.replace("{procedures}", procedures.text)
    fee_total = float(con.execute(text, list(procedures.params)).fetchall()[0][0])
    return {
        "3.6b": Ratio(float(paid), float(with_fee.height)),
        "3.6c": Ratio(float(with_fee.height), fee_total),
    }
