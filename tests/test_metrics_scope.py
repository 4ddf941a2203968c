"""Filters and the one place they become SQL: values are always bound, never inlined."""

from __future__ import annotations

from datetime import date

import pytest

from metrics.filters import Filters
from metrics.scope import placeholders, scoped, with_facts


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
    query = with_facts(filters, "select count(*) from facts where day >= ?", date(2025, 7, 1))
    assert query.params == (2, 2, date(2025, 7, 1))
    assert query.text.count("?") == 3


def test_scoped_accepts_only_summary_tables() -> None:
    with pytest.raises(ValueError):
        scoped("applications", Filters(date(2025, 7, 1), date(2025, 7, 1)))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        placeholders(0)
