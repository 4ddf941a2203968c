"""Rankings: equal rates as shown share a rank (đồng hạng), the minimum denominator is stated
wherever a ranking is (the league's rank column, the report's note), on hand-made rows and on
the sample's published period."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.rankings import MIN_DENOMINATOR, best_and_worst, ranked
from metrics.units_league import league_table
from present import format as fmt
from present import league
from present.report import rank_text
from present.strings import t

# Five units: B and C read 58,5% both (0.5849 and 0.5851); E has too few to be ranked.
UNITS = pl.DataFrame(
    {
        "unit_code": ["A", "B", "C", "D", "E"],
        "name": ["Xã A", "Xã B", "Xã C", "Xã D", "Xã E"],
        "on_time_rate": [0.9, 0.5849, 0.5851, 0.2, 1.0],
        "to_handle": [40, 50, 40, 30, MIN_DENOMINATOR - 1],
    }
)


def test_equal_shown_rates_share_a_rank() -> None:
    order = ranked(UNITS, "on_time_rate")
    assert order["unit_code"].to_list() == ["A", "B", "C", "D"]  # B before C: more to handle
    assert order["rank"].to_list() == [1, 2, 2, 4]
    assert order["tied"].to_list() == [False, True, True, False]
    assert fmt.percent(0.5849, "vi") == fmt.percent(0.5851, "vi")  # why they tie


def test_worst_table_keeps_the_rank_in_the_whole_ranking() -> None:
    best, worst = best_and_worst(UNITS, "on_time_rate", count=1)
    assert best["rank"].to_list() == [1]
    assert worst.select("unit_code", "rank").rows() == [("D", 4)]


def test_rank_text_says_dong_hang() -> None:
    assert rank_text(2, True, "vi") == "2 (đồng hạng)"
    assert rank_text(4, False, "vi") == "4"


def test_the_rank_column_states_the_minimum_denominator() -> None:
    label = t("col.rank", "vi")
    assert f"từ {MIN_DENOMINATOR} hồ sơ cần giải quyết" in label
    assert t("rank.rule.on_time_rate", "vi", min=MIN_DENOMINATOR).count(str(MIN_DENOMINATOR)) == 1


def test_sample_league_ranks_share_on_equal_shown_rates(sample_warehouse: Path) -> None:
    filters = Filters(date(2025, 7, 1), date(2025, 8, 20))
    with snapshot(sample_warehouse) as con:
        rows = league.league_rows(league_table(con, filters), "vi")
    rankable = rows.filter(pl.col("to_handle") >= MIN_DENOMINATOR)
    assert rankable["rank"].null_count() == 0
    shown = rankable.with_columns(
        pl.col("on_time_rate").map_elements(lambda v: fmt.percent(v, "vi"), pl.String).alias("s")
    )
    # One rank per shown value, and a rank is 1 + the number of units ranked above it.
    groups = shown.group_by("s").agg(pl.col("rank").unique(), pl.len()).sort("rank")
    assert all(len(ranks) == 1 for ranks in groups["rank"])
    above = 0
    for [rank], size in groups.select("rank", "len").rows():
        assert rank == above + 1
        above += size
    below = rows.filter(pl.col("to_handle") < MIN_DENOMINATOR)
    assert below["rank"].null_count() == below.height


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_tables_carry_ranks_and_the_rule(sample_warehouse: Path, lang: str) -> None:
    from present.report import _unit_tables

    filters = Filters(date(2025, 7, 1), date(2025, 8, 20))
    with snapshot(sample_warehouse) as con:
        best, worst = _unit_tables(league_table(con, filters), lang)
    assert best.columns[0] == t("report.col.rank", lang)
    assert best.rows[0][0].startswith("1")
    assert int(worst.rows[-1][0].split()[0]) < int(worst.rows[0][0].split()[0])
