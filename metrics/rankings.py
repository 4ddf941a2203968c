"""The best and the worst wards and communes by a rate, from the league table's rows.

The overview's ranking, the report's tables and its summary sentence all rank the rows of
`metrics.units_league.league_table`, so a unit's rate is the same number on every one of them.
A rank is a standard competition rank (1, 2, 2, 4) on the rate as people read it: two units
whose rates show the same (58,5% and 58,5%) share a rank, "đồng hạng", whatever digits lie
beyond what is shown.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from metrics.measures import RATE_BY_NAME

# A rate over a handful of applications says little about a unit: below this denominator a
# unit is left out of a ranking (it still counts in every total).
MIN_DENOMINATOR = 30
# Rates are shown to a tenth of a percentage point (present/format.py): 0.585 reads 58,5%.
SHOWN_DIGITS = 3

RankMeasure = Literal["on_time_rate", "online_share"]
RANK_MEASURES: tuple[RankMeasure, ...] = ("on_time_rate", "online_share")


def ranked(units: pl.DataFrame, measure: RankMeasure) -> pl.DataFrame:
    """The units that can be ranked by `measure` (denominator at least MIN_DENOMINATOR), best
    first, with `rank` (shared by equal shown rates) and `tied` (True when shared)."""
    return joint_ranked(units, measure, RATE_BY_NAME[measure].denominator)


def joint_ranked(
    units: pl.DataFrame, value: str, denominator: str, digits: int = SHOWN_DIGITS
) -> pl.DataFrame:
    """The units whose `denominator` is at least MIN_DENOMINATOR ranked by `value` as shown
    (rounded to `digits`), best first, with `rank` and `tied`.

    Within one rank the order is the larger denominator (the steadier rate), then name and
    code, so the order is the same on every run."""
    shown = pl.col(value).round(digits)
    rankable = units.filter(pl.col(denominator) >= MIN_DENOMINATOR, pl.col(value).is_not_null())
    return (
        rankable.with_columns(shown.alias("_shown"))
        .sort(["_shown", denominator, "name", "unit_code"], descending=[True, True, False, False])
        .with_columns(pl.col("_shown").rank("min", descending=True).cast(pl.Int64).alias("rank"))
        .with_columns((pl.len().over("rank") > 1).alias("tied"))
        .drop("_shown")
    )


def best_and_worst(
    units: pl.DataFrame, measure: RankMeasure, count: int = 10
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The `count` highest and the `count` lowest units by `measure`, no unit in both, each
    with its rank in the whole ranking (the worst table reads 112, 113, 114, lowest last
    reversed: lowest first)."""
    order = ranked(units, measure)
    best = order.head(count)
    rest = order.slice(best.height)
    worst = rest.tail(count).reverse()
    return best, worst
