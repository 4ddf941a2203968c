"""The sample staffing file, loaded by the real ETL, shows the seed article's figures exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.units_league import league_table, league_total
from metrics.workload import staffing_rows, unit_workload, workload_total
from tests.conftest import query

SHORT_FIELDS = ("Y tế", "Xây dựng", "Giao thông", "Quy hoạch")


def test_250_requests_and_53_candidates_from_the_communes_as_of_20_8_2025(
    sample_warehouse: Path,
) -> None:
    totals = query(
        sample_warehouse,
        "select sum(transfer_requests), sum(candidates) from staffing join units using (unit_code) "
        "where as_of = date '2025-08-20' and kind in ('phuong', 'xa', 'dac_khu')",
    )
    assert totals == [(250, 53)]


def test_the_requests_are_concentrated_in_the_short_fields(sample_warehouse: Path) -> None:
    (share,) = query(
        sample_warehouse,
        "select sum(transfer_requests) filter (where field in (?, ?, ?, ?)) / sum(transfer_requests)"
        " from staffing where as_of = date '2025-08-20'",
        list(SHORT_FIELDS),
    )[0]
    assert share >= 0.8


def test_a_second_as_of_date_shows_change_over_time(sample_warehouse: Path) -> None:
    rows = query(
        sample_warehouse,
        "select as_of::varchar, sum(transfer_requests), sum(candidates) from staffing "
        "group by as_of order by as_of",
    )
    assert rows == [("2025-07-31", 180, 24), ("2025-08-20", 250, 53)]


def test_staffing_varies_less_than_volume_so_workloads_differ(sample_warehouse: Path) -> None:
    """Officials per commune are nearly even; applications per official then spread as
    widely as the volumes (the busiest commune has several times the quietest's load)."""
    (low, high) = query(
        sample_warehouse,
        """with staff as (
               select unit_code, sum(officials) as officials from staffing
               where as_of = date '2025-08-20' group by unit_code),
             work as (
               select unit_code, count(*) as received from applications
               where received_at < timestamp '2025-08-21' group by unit_code)
           select quantile_cont(received / officials, 0.1), quantile_cont(received / officials, 0.9)
           from staff join work using (unit_code)""",
    )[0]
    assert high > 2 * low


def test_the_sample_file_bad_rows_are_quarantined(sample_warehouse: Path) -> None:
    reasons = query(
        sample_warehouse,
        "select reason from rejected_rows where file_name = 'bien-che-nhan-su.csv' order by reason",
    )
    assert reasons == [("negative_count",), ("unknown_field",)]


def test_the_ranking_total_is_the_communes_figure_for_the_same_filters(
    sample_warehouse: Path,
) -> None:
    """Every ward and commune of the sample is staffed: the ranking's total row is the commune
    league's total row (the city's commune-level figure) for the same period and fields, per
    official of every staffed unit."""
    view = Filters(date(2025, 7, 1), date(2025, 8, 20), fields=SHORT_FIELDS)
    with snapshot(sample_warehouse) as con:
        total = workload_total(unit_workload(con, view))
        league = league_total(league_table(con, view))
        officials = staffing_rows(con, view).get_column("officials").sum()
    assert total["to_handle"] == league["to_handle"] > 0
    assert total["officials"] == officials
    assert total["to_handle_per_official"] == league["to_handle"] / officials
