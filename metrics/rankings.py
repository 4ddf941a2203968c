"""The best and the worst wards and communes by a rate, from the league table's rows.

The overview's ranking, the report's tables and its summary sentence all rank the rows of
`metrics.units_league.league_table`, so a unit's rate is the same number on every one of them.
"""

from __future__ import annotations

from typing import Literal

import polars as pl

from metrics.measures import RATE_BY_NAME

# A rate over a handful of applications says little about a unit: below this denominator a
# unit is left out of a ranking (it still counts in every total).
MIN_DENOMINATOR = 30

RankMeasure = Literal["on_time_rate", "online_share"]
RANK_MEASURES: tuple[RankMeasure, ...] = ("on_time_rate", "online_share")


def best_and_worst(
    units: pl.DataFrame, measure: RankMeasure, count: int = 10
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The `count` highest and the `count` lowest units by `measure`, no unit in both.

    Ties are broken by the larger denominator (the steadier rate), then by name and code, so
    the order is the same on every run.
    """
    denominator = RATE_BY_NAME[measure].denominator
    ranked = units.filter(pl.col(denominator) >= MIN_DENOMINATOR).sort(
        [measure, denominator, "name", "unit_code"], descending=[True, True, False, False]
    )
    best = ranked.head(count)
    rest = ranked.slice(best.height)
    worst = rest.tail(count).reverse()
    return best, worst
