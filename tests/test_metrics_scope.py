"""Filters and the one place they become SQL: values are always bound, never inlined."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from metrics.access import Access
from metrics.filters import Filters
from metrics.scope import facts_table, placeholders, scoped, with_facts


def test_filters_normalise_to_sorted_unique_tuples() -> None:
    a = Filters(date(2025, 7, 1), date(2025, 7, 31), unit_codes=["b", "a", "b"], channels=[2, 1])
    b = Filters(date(2025, 7, 1), date(2025, 7, 31), unit_codes=("a", "b"), channels=(1, 2))
    assert a == b and hash(a) == hash(b)
    assert a.unit_codes == ("a", "b")


def test_period_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValueError):
        Filters(date(2025, 7, 2), date(2025, 7, 1))


def test_previous_period_has_equal_length_and_ends_the_day_before() -> None:
    filters = Filters(date(2025, 7, 1), date(2025, 8, 20))
    previous = filters.previous_period()
    assert (previous.start, previous.end) == (date(2025, 5, 11), date(2025, 6, 30))
    assert previous.days == filters.days == 51


def test_year_earlier_keeps_dates_and_handles_29_february() -> None:
    assert Filters(date(2028, 2, 1), date(2028, 2, 29)).year_earlier().end == date(2027, 2, 28)
    earlier = Filters(date(2025, 7, 1), date(2025, 8, 20)).year_earlier()
    assert (earlier.start, earlier.end) == (date(2024, 7, 1), date(2024, 8, 20))


def test_user_values_are_bound_parameters_not_sql_text() -> None:
    evil = "x') or true --"
    filters = Filters(
        date(2025, 7, 1),
        date(2025, 7, 31),
        unit_codes=(evil,),
        fields=(evil,),
        unit_kinds=(evil,),
        agency_codes=(evil,),
        levels=(evil,),
    )
    query = scoped("daily_activity", filters)
    assert evil not in query.text
    assert query.text.count("?") == len(query.params) == 5
    assert list(query.params).count(evil) == 5


def test_no_restriction_means_no_predicate() -> None:
    query = scoped("overdue_ledger", Filters(date(2025, 7, 1), date(2025, 7, 31)))
    assert query.params == ()
    assert query.text.endswith("where true")


def test_with_facts_orders_parameters_scope_first() -> None:
    filters = Filters(date(2025, 7, 1), date(2025, 7, 31), channels=(2,))
    query = with_facts(
        filters, "select count(*) from facts where day >= ?", date(2025, 7, 1), needs=()
    )
    assert query.params == (2, 2, date(2025, 7, 1))
    assert query.text.count("?") == 3


def test_scoped_refuses_a_table_it_does_not_know_or_cannot_narrow() -> None:
    period = (date(2025, 7, 1), date(2025, 7, 1))
    with pytest.raises(ValueError):
        scoped("simplifications", Filters(*period))
    with pytest.raises(ValueError):  # the unit-free rollup cannot keep one unit's rows
        scoped("province_activity", Filters(*period, unit_codes=("00001",)))
    with pytest.raises(ValueError):
        placeholders(0)


EVERYTHING = Filters(
    date(2025, 7, 1),
    date(2025, 7, 31),
    province_codes=(31,),
    unit_codes=("00001",),
    channels=(2,),
    unit_kinds=("phuong",),
    levels=("xa",),
    fields=("Hộ tịch",),
    agency_codes=("31.STP",),
    access=Access("agency", agency_codes=("31.SXD",)),
)


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        # Every restriction reaches the table: its own columns, or units / procedures.
        ("daily_activity", 8),
        ("overdue_ledger", 8),
        ("applications", 8),  # the province through the unit: applications have no province
        # A list of units is narrowed by the unit dimensions only, never by procedures,
        # channels or an agency account (those narrow its counts).
        ("units", 3),
    ],
)
def test_one_function_writes_the_view_for_every_table(table: str, expected: int) -> None:
    query = scoped(table, EVERYTHING)
    assert len(query.params) == query.text.count("?") == expected
    assert "31.SXD" in query.params if table != "units" else "31.SXD" not in query.params


def test_the_smallest_summary_table_that_has_what_the_view_needs() -> None:
    city = Filters(date(2025, 7, 1), date(2025, 7, 31))
    assert facts_table(city, ()) == "province_activity"
    assert facts_table(replace(city, fields=("Hộ tịch",), channels=(2,)), ()) == "province_activity"
    assert facts_table(replace(city, access=Access("agency", agency_codes=("x",))), ()) == (
        "province_activity"
    )
    assert facts_table(city, ("unit_code",)) == "unit_activity"
    assert facts_table(replace(city, unit_kinds=("xa",)), ()) == "unit_activity"
    assert facts_table(replace(city, access=Access("commune", unit_codes=("1",))), ()) == (
        "unit_activity"
    )
    assert facts_table(replace(city, unit_codes=("1",), levels=("xa",)), ()) == "daily_activity"
    assert facts_table(replace(city, fields=("Hộ tịch",)), ("unit_code",)) == "daily_activity"
    assert facts_table(city, ("procedure_code",)) == "daily_activity"


def test_rollup_and_daily_activity_give_the_same_kpis(sample_warehouse) -> None:
    """City- and province-wide views read the unit-free rollup; with the same filters routed
    through a table with units (a unit filter listing every unit) the answers are identical."""
    from dataclasses import replace
    from datetime import date

    from metrics.activity import channel_mix, trend
    from metrics.connection import snapshot
    from metrics.filters import Filters
    from metrics.kpis import period_kpis

    with snapshot(sample_warehouse) as con:
        every_unit = tuple(r[0] for r in con.sql("select unit_code from units").fetchall())
        views = [
            Filters(date(2025, 7, 1), date(2025, 8, 20)),
            Filters(date(2025, 9, 1), date(2025, 9, 30), channels=(2,), levels=("xa",)),
            Filters(date(2026, 1, 1), date(2026, 3, 31), fields=("Hộ tịch", "Đất đai")),
        ]
        for view in views:
            through_units = replace(view, unit_codes=every_unit)
            assert facts_table(view, ()) == "province_activity"
            assert facts_table(through_units, ()) in ("unit_activity", "daily_activity")
            periods = [(view.start, view.end), (date(2025, 7, 1), view.end)]
            # Sums of floating-point days may differ in the last digits with the order of addition.
            rounded = [
                {name: round(value, 6) for name, value in k.counts.items()}
                for k in period_kpis(con, view, periods) + period_kpis(con, through_units, periods)
            ]
            assert rounded[: len(periods)] == rounded[len(periods) :]
            assert trend(con, view, "week").equals(trend(con, through_units, "week"))
            assert channel_mix(con, view).equals(channel_mix(con, through_units))


def test_unit_rollup_and_daily_activity_give_the_same_rankings(sample_warehouse) -> None:
    """Unit rankings read the procedure-free rollup unless procedures are restricted; naming
    every level routes the same view through daily_activity, and the answers are identical."""
    from dataclasses import replace
    from datetime import date

    import polars as pl

    from metrics.breakdown import counts_by
    from metrics.connection import snapshot
    from metrics.filters import Filters
    from metrics.units_league import league_table

    def same(left: pl.DataFrame, right: pl.DataFrame) -> bool:
        floats = [c for c, t in left.schema.items() if t.is_float()]
        rounded = [pl.col(c).round(6) for c in floats]
        return left.with_columns(rounded).equals(right.with_columns(rounded))

    with snapshot(sample_warehouse) as con:
        views = [
            Filters(date(2025, 7, 1), date(2025, 8, 20)),
            Filters(date(2026, 2, 1), date(2026, 4, 30), channels=(1, 3), unit_kinds=("xa",)),
        ]
        for view in views:
            every_level = replace(view, levels=("tinh", "xa"))
            assert facts_table(view, ("unit_code",)) == "unit_activity"
            assert facts_table(every_level, ("unit_code",)) == "daily_activity"
            assert same(counts_by(con, view, "unit_code"), counts_by(con, every_level, "unit_code"))
            assert same(league_table(con, view), league_table(con, every_level))


@pytest.mark.parametrize(
    ("period", "before"),
    [
        # A whole month against the month before, whatever their lengths (Feb has 28 days).
        ((date(2026, 3, 1), date(2026, 3, 31)), (date(2026, 2, 1), date(2026, 2, 28))),
        ((date(2026, 2, 1), date(2026, 2, 28)), (date(2026, 1, 1), date(2026, 1, 31))),
        ((date(2026, 1, 1), date(2026, 1, 31)), (date(2025, 12, 1), date(2025, 12, 31))),
        # "Quý này" 1/4–30/6 against the first quarter, not 31/12–31/3.
        ((date(2026, 4, 1), date(2026, 6, 30)), (date(2026, 1, 1), date(2026, 3, 31))),
        ((date(2026, 1, 1), date(2026, 3, 31)), (date(2025, 10, 1), date(2025, 12, 31))),
        ((date(2025, 1, 1), date(2025, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))),
        # Two whole months are not a calendar unit: equal length just before.
        ((date(2026, 2, 1), date(2026, 3, 31)), (date(2025, 12, 4), date(2026, 1, 31))),
    ],
)
def test_a_calendar_month_quarter_or_year_is_compared_with_the_one_before(
    period: tuple[date, date], before: tuple[date, date]
) -> None:
    previous = Filters(*period).previous_period()
    assert (previous.start, previous.end) == before
