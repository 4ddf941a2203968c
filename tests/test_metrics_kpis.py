"""Period KPIs against answers computed by hand from tests/tiny_warehouse.py (its table)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import pytest

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import PeriodKpis, compare_periods, period_kpis
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = build_tiny_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")
    with snapshot(Path(path)) as cursor:
        yield cursor


def kpis_for(con: duckdb.DuckDBPyConnection, **restrictions: tuple) -> PeriodKpis:
    [result] = period_kpis(con, Filters(*PERIOD, **restrictions), [PERIOD])
    return result


def counts(k: PeriodKpis, names: str) -> tuple[float, ...]:
    return tuple(k.count(name) for name in names.split())


def test_every_count_and_rate_without_filters(con: duckdb.DuckDBPyConnection) -> None:
    k = kpis_for(con)
    assert counts(k, "received received_online carried_in to_handle") == (7, 4, 3, 10)
    assert counts(k, "resolved resolved_early resolved_on_time resolved_late") == (5, 1, 2, 2)
    assert counts(k, "closed in_progress overdue within_deadline") == (1, 4, 2, 2)
    assert counts(k, "received_fee paid_online digitized") == (5, 2, 4)
    assert counts(k, "on_time late received_offline") == (6, 4, 3)
    assert k.rate("resolution_rate").value == pytest.approx(5 / 10)
    assert (k.rate("on_time_rate").numerator, k.rate("on_time_rate").denominator) == (6, 10)
    assert k.rate("online_share").value == pytest.approx(4 / 7)
    assert k.rate("online_payment_rate").value == pytest.approx(2 / 5)
    assert k.rate("digitisation_rate").value == pytest.approx(4 / 7)
    # A2 4 days, A4 3.5, A5 6, A9 1, A12 10: 24.5 days over 5 resolved.
    assert k.rate("average_days").value == pytest.approx(24.5 / 5)


def test_biểu_ii06a_identity_holds(con: duckdb.DuckDBPyConnection) -> None:
    """Received + carried in = resolved + in progress (+ closed without result)."""
    k = kpis_for(con)
    assert k.count("to_handle") == k.count("resolved") + k.count("in_progress") + k.count("closed")


@pytest.mark.parametrize(
    ("restrictions", "expected"),
    [
        # (received, carried_in, resolved, resolved_late, in_progress, overdue)
        ({"channels": (2,)}, (4, 1, 4, 1, 1, 0)),
        ({"unit_kinds": ("xa",)}, (3, 1, 3, 2, 1, 0)),
        ({"levels": ("tinh",)}, (2, 0, 0, 0, 1, 1)),
        ({"agency_codes": ("31.STP",)}, (2, 0, 0, 0, 1, 1)),
        ({"fields": ("Chứng thực",)}, (3, 1, 1, 1, 3, 1)),
        ({"unit_codes": ("00001",)}, (3, 2, 2, 0, 2, 1)),
        ({"unit_codes": ("00001",), "channels": (1,)}, (1, 1, 0, 0, 1, 1)),
        ({"province_codes": (1,)}, (0, 0, 0, 0, 0, 0)),
    ],
)
def test_each_filter_narrows_as_computed_by_hand(
    con: duckdb.DuckDBPyConnection, restrictions: dict, expected: tuple
) -> None:
    k = kpis_for(con, **restrictions)
    assert counts(k, "received carried_in resolved resolved_late in_progress overdue") == expected


def test_rates_without_a_denominator_are_none(con: duckdb.DuckDBPyConnection) -> None:
    k = kpis_for(con, province_codes=(1,))
    assert k.rate("online_share").value is None
    assert k.rate("on_time_rate").value is None


def test_comparison_periods_only_where_data_exist(con: duckdb.DuckDBPyConnection) -> None:
    filters = Filters(*PERIOD)
    first_day = date(2025, 7, 1)
    without = compare_periods(con, filters, first_day)  # previous would start 29/06
    assert without.previous is None and without.year_earlier is None
    with_previous = compare_periods(con, filters, date(2025, 6, 1))
    previous = with_previous.previous
    assert previous is not None and (previous.start, previous.end) == (
        date(2025, 6, 29),
        date(2025, 7, 9),
    )
    # A1, A2, A3, A12 received; A1 resolved early; A12 overdue on 09/07.
    assert counts(previous, "received resolved_early in_progress") == (4, 1, 3)
    assert previous.count("overdue") == 1
    assert with_previous.current == without.current


def test_several_periods_in_one_query_match_single_ones(con: duckdb.DuckDBPyConnection) -> None:
    periods = [PERIOD, (date(2025, 7, 1), date(2025, 7, 31)), (date(2025, 7, 20), PERIOD[1])]
    together = period_kpis(con, Filters(*PERIOD), periods)
    alone = [period_kpis(con, Filters(*p), [p])[0] for p in periods]
    assert together == alone


def test_the_766_on_time_rate_does_not_count_the_applicants_time(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """QĐ 766 (INDEX_766.md 2.1) by hand: A5 (due 14/07, finished 18/07) waited 13–17/07 for
    the applicant, so its due date moves to 18/07 and it is on time; A2 (on time by its due
    date) was asked twice, so it is late; A12 stays late. Of the overdue at 20/07, A7 waits for
    its fee, so only A3 is the office's delay. 10 − 2 − 1 = 7 of 10, against 6 of 10 by the
    exported due dates."""
    k = kpis_for(con)
    assert counts(k, "resolved_late_766 overdue_766 late_766 on_time_766") == (2, 1, 3, 7)
    rate = k.rate("on_time_rate_766")
    assert (rate.numerator, rate.denominator) == (7, 10)
    assert k.rate("on_time_rate").value == pytest.approx(6 / 10)


def test_waiting_for_the_applicant_is_counted_apart_from_overdue(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """In progress at 20/07: A6 waits for documents (status 5, within its deadline) and A7 for
    its fee (status 6, overdue since 18/07); A3 (status 4) is overdue by the office."""
    k = kpis_for(con)
    assert counts(k, "in_progress waiting overdue overdue_waiting overdue_office") == (
        4, 2, 2, 1, 1,
    )  # fmt: skip
    # On 17/07 A7 is not yet overdue: it waits, within its deadline.
    [early] = period_kpis(con, Filters(*PERIOD), [(PERIOD[0], date(2025, 7, 17))])
    assert counts(early, "waiting overdue_waiting") == (2, 0)


def test_several_periods_count_the_766_and_waiting_counts_like_one(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """The several-period query (trend, comparisons) gives each period what one-period gives."""
    periods = [PERIOD, (PERIOD[0], date(2025, 7, 17)), (date(2025, 7, 1), date(2025, 7, 31))]
    together = period_kpis(con, Filters(*PERIOD), periods)
    for period, kpis in zip(periods, together, strict=True):
        [alone] = period_kpis(con, Filters(*PERIOD), [period])
        assert kpis.counts == alone.counts


def test_the_766_online_share_needs_an_electronic_result_where_the_result_is_a_document(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Received online: A4, A5, A9, A11. A9 (P1, a document) has no electronic result; A11's
    procedure P2 has no document result; so 3 of 7 by QĐ 766 against 4 of 7 by channel."""
    k = kpis_for(con)
    strict = k.rate("online_share_766")
    assert (strict.numerator, strict.denominator) == (3, 7)
    assert k.rate("online_share").value == pytest.approx(4 / 7)


def test_a_period_past_the_data_is_cut_at_the_last_day_with_data(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """The tiny warehouse's last received day is 21/07 (A10). Asked for 10/07–31/07, every count
    is that of 10/07–21/07: A3, A7 and A10 are not called overdue on days the data never
    reached, and the period says where it was cut."""
    from metrics.data_span import data_until, last_day

    asked = (PERIOD[0], date(2025, 7, 31))
    [past] = period_kpis(con, Filters(*asked), [asked])
    [cut] = period_kpis(
        con, Filters(PERIOD[0], date(2025, 7, 21)), [(PERIOD[0], date(2025, 7, 21))]
    )
    assert last_day(con) == date(2025, 7, 21)
    assert past.end == date(2025, 7, 21) and past.counts == cut.counts
    assert data_until(con, Filters(*asked)) == date(2025, 7, 21)
    assert data_until(con, Filters(*PERIOD)) is None


def test_processing_time_in_working_days_beside_calendar_days(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Working days from receipt to result (weekends out; no public holiday in July 2025):
    A2 8/7 (Tue) → 12/7 (Sat): 3 (9, 10, 11); A4 10/7 → 13/7 (Sun): 1 (11); A5 12/7 (Sat) →
    18/7 (Fri): 5; A9 19/7 (Sat) → 20/7 (Sun): 0; A12 1/7 → 11/7: 8. 17 over 5 resolved,
    against 24.5 calendar days."""
    k = kpis_for(con)
    assert k.count("processing_workdays_sum") == 17
    assert k.rate("average_workdays").value == pytest.approx(17 / 5)
    assert k.rate("average_days").value == pytest.approx(24.5 / 5)


def test_the_working_day_calendar_knows_vietnamese_holidays() -> None:
    """2/9 (National Day) and Tết 2026 are not working days; a Saturday is not either."""
    from etl.workdays import calendar_frame

    days = dict(calendar_frame(2025, 2026).select("day", "workday").iter_rows())
    assert not days[date(2025, 9, 2)] and not days[date(2026, 2, 17)]
    assert not days[date(2025, 7, 12)] and days[date(2025, 7, 14)]


def test_per_procedure_median_and_90th_percentile_against_legal_days(
    con: duckdb.DuckDBPyConnection,
) -> None:
    """Resolved in P (working days): P1 Hộ tịch A2 3, A4 1, A9 0, A12 8 (legal 3: A12 over);
    P2 Chứng thực A5 5 (legal 2: over). Medians 2 and 5; P1's 90th percentile
    0,1,3,8 → 3 + 0.7 × 5 = 6.5."""
    from metrics.processing_times import procedure_times

    times = {
        row["procedure_code"]: row
        for row in procedure_times(con, Filters(*PERIOD)).iter_rows(named=True)
    }
    p1, p2 = times["1.000001"], times["2.000002"]
    assert (p1["resolved"], p1["median_workdays"], p1["legal_days"], p1["over_legal"]) == (
        4,
        2,
        3,
        1,
    )
    assert p1["p90_workdays"] == pytest.approx(6.5)
    assert (p2["resolved"], p2["median_workdays"], p2["p90_workdays"], p2["over_legal"]) == (
        1,
        5,
        5,
        1,
    )
    assert set(times) == {"1.000001", "2.000002"}
