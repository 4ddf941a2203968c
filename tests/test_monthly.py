"""Biểu II.06a month by month (metrics.monthly, the Biểu page, `python -m reports monthly`):
by hand on the tiny warehouse, and on the sample the months add up to the period's form."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from metrics.bieu_06a import GRAND_TOTAL, form_rows
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from metrics.monthly import ADDITIVE, monthly_rows, months
from reports.__main__ import main as reports_main
from tests.test_app_shell import start_app

pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_months_are_calendar_months_cut_to_the_period() -> None:
    assert months(date(2025, 7, 10), date(2025, 9, 5)) == [
        (date(2025, 7, 10), date(2025, 7, 31)),
        (date(2025, 8, 1), date(2025, 8, 31)),
        (date(2025, 9, 1), date(2025, 9, 5)),
    ]
    assert months(date(2025, 12, 1), date(2026, 1, 31))[1] == (date(2026, 1, 1), date(2026, 1, 31))


def test_the_tiny_months_by_hand(tiny: Path) -> None:
    """1/7–31/8/2025: the data end on 21/07 (A10), so one row, July, counted to 21/07.
    Received A1–A12 (12; online A2, A4, A5, A9, A10, A11: 6); resolved A1, A2, A4, A5, A9, A12
    and closed A8 (7: early A1, A4; on time A2, A9 and A8; late A5, A12); in progress at 21/07
    A3, A6, A7, A10, A11 (5; overdue A3, A7)."""
    with snapshot(tiny) as con:
        rows = monthly_rows(con, Filters(date(2025, 7, 1), date(2025, 8, 31)))
    assert rows.height == 1
    row = rows.row(0, named=True)
    assert (row["month"], row["d0"], row["d1"]) == (
        date(2025, 7, 1), date(2025, 7, 1), date(2025, 7, 21),
    )  # fmt: skip
    assert [row[c] for c in ("total", "received_online", "received_offline", "carried_in")] == [
        12, 6, 6, 0,
    ]  # fmt: skip
    assert [row[c] for c in ("resolved", "resolved_early", "resolved_on_time", "resolved_late")] == [
        7, 2, 3, 2,
    ]  # fmt: skip
    assert [row[c] for c in ("in_progress", "within_deadline", "overdue", "closed")] == [5, 3, 2, 1]
    assert row["resolution_rate"] == pytest.approx(6 / 12)
    assert row["on_time_rate"] == pytest.approx(1 - (2 + 2) / 12)


def test_the_bieu_page_shows_the_months(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-01", "2025-07-20"])
    app.switch_page("app_pages/bieu_06a.py").run()
    assert not app.exception
    assert any(header.value == "Biểu II.06a theo tháng" for header in app.subheader)
    table = app.dataframe[-1].value
    assert table["Tháng"].tolist() == ["07/2025"]
    assert table["(10) Quá hạn"].tolist() == [2]


@pytest.fixture(scope="module")
def second_half(sample_warehouse: Path) -> tuple[pl.DataFrame, pl.DataFrame, Filters]:
    filters = Filters(date(2025, 7, 1), date(2025, 12, 31))
    with snapshot(sample_warehouse) as con:
        return monthly_rows(con, filters), form_rows(con, filters), filters


def test_the_sample_months_add_up_to_the_period(second_half) -> None:
    monthly, form, _ = second_half
    assert monthly["month"].dt.month().to_list() == [7, 8, 9, 10, 11, 12]
    total = form.filter(pl.col("row_kind") == GRAND_TOTAL).row(0, named=True)
    for column in ADDITIVE:
        assert monthly[column].sum() == total[column], column
    assert monthly["carried_in"][0] == total["carried_in"]
    for column in ("in_progress", "within_deadline", "overdue"):
        assert monthly[column][-1] == total[column], column


def test_each_sample_month_is_that_months_kpis(sample_warehouse: Path, second_half) -> None:
    monthly, _, filters = second_half
    august = monthly.filter(pl.col("month") == date(2025, 8, 1)).row(0, named=True)
    with snapshot(sample_warehouse) as con:
        [kpis] = period_kpis(con, filters, [(date(2025, 8, 1), date(2025, 8, 31))])
    assert august["on_time_rate"] == kpis.rate("on_time_rate").value
    assert august["online_share_766"] == kpis.rate("online_share_766").value
    assert august["total"] == kpis.count("to_handle")


def test_the_published_months_sum_to_the_published_received(sample_warehouse: Path) -> None:
    with snapshot(sample_warehouse) as con:
        monthly = monthly_rows(con, Filters(date(2025, 7, 1), date(2025, 8, 20)))
    assert (monthly["received_online"] + monthly["received_offline"]).sum() == 246_950


def test_the_command_line_writes_the_months(sample_warehouse: Path, tmp_path: Path) -> None:
    out = tmp_path / "theo-thang.csv"
    args = ["--from", "2025-07-01", "--to", "2025-09-30", "--unit", "31.STC"]
    assert (
        reports_main(["monthly", *args, "--warehouse", str(sample_warehouse), "--out", str(out)])
        == 0
    )
    table = pl.read_csv(out)
    assert table["Tháng"].to_list() == ["07/2025", "08/2025", "09/2025"]
    assert "(13) Quá hạn" in table.columns and "Tỷ lệ đúng hạn theo QĐ 766" in table.columns
    with snapshot(sample_warehouse) as con:
        agency = monthly_rows(
            con, Filters(date(2025, 7, 1), date(2025, 9, 30), unit_codes=("31.STC",))
        )
    assert table["(3) Tổng số"].to_list() == agency["total"].to_list()
    xlsx = tmp_path / "theo-thang.xlsx"
    assert (
        reports_main(["monthly", *args, "--warehouse", str(sample_warehouse), "--out", str(xlsx)])
        == 0
    )
    assert xlsx.stat().st_size > 0
