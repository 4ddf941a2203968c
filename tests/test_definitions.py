"""The official definitions of issue 12 on the sample: QĐ 766's on-time rate beside the
exported one, waiting for the applicant apart from overdue (DATA_SPEC §4, INDEX_766.md)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import PeriodKpis, period_kpis

PUBLISHED = (date(2025, 7, 1), date(2025, 8, 20))
LAST_MONTH = (date(2026, 6, 1), date(2026, 6, 30))


def _kpis(warehouse: Path, period: tuple[date, date]) -> PeriodKpis:
    with snapshot(warehouse) as con:
        [kpis] = period_kpis(con, Filters(*period), [period])
    return kpis


@pytest.fixture(scope="module")
def published(sample_warehouse: Path) -> PeriodKpis:
    return _kpis(sample_warehouse, PUBLISHED)


@pytest.fixture(scope="module")
def last_month(sample_warehouse: Path) -> PeriodKpis:
    return _kpis(sample_warehouse, LAST_MONTH)


def test_the_sample_writes_supplement_dates_the_loader_keeps(sample_warehouse: Path) -> None:
    """Some late resolutions of the published period were asked for documents, and every stored
    supplement lies between receipt and the end."""
    with snapshot(sample_warehouse) as con:
        asked, late, disordered = con.sql(
            "select count(*) filter (where supplement_requested_at is not null"
            "   and finished_at::date > due_at::date),"
            " count(*) filter (where finished_at::date > due_at::date),"
            " (select count(*) from applications where supplement_done_at < supplement_requested_at"
            "   or supplement_requested_at < received_at)"
            " from applications where status in (9, 10)"
            " and finished_at::date between ? and ?",
            params=list(PUBLISHED),
        ).fetchall()[0]
    assert 0 < asked < late
    assert disordered == 0


def test_both_on_time_rates_differ_and_the_calibration_stands(published: PeriodKpis) -> None:
    exported, official = published.rate("on_time_rate"), published.rate("on_time_rate_766")
    assert exported.denominator == official.denominator == published.count("to_handle")
    assert official.value != exported.value
    assert published.rate("resolution_rate").value == pytest.approx(0.947, abs=0.001)


def test_waiting_is_apart_from_overdue_at_the_end_of_the_data(last_month: PeriodKpis) -> None:
    """At 30/6/2026 some overdue applications wait for the applicant: the office's own delay
    is overdue minus those, and QĐ 766 does not count them late."""
    waiting, overdue = last_month.count("overdue_waiting"), last_month.count("overdue")
    assert 0 < waiting < overdue
    assert last_month.count("overdue_office") == overdue - waiting
    assert last_month.count("waiting") >= waiting


def test_the_766_online_share_of_the_published_period(published: PeriodKpis) -> None:
    """The city published 58.5% by channel; the portal's strict share was 52.9%."""
    assert published.rate("online_share").value == pytest.approx(0.585, abs=0.001)
    assert published.rate("online_share_766").value == pytest.approx(0.529, abs=0.002)


def test_the_command_line_cuts_june_and_july_at_30_june(
    sample_warehouse: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m reports bieu-06a --from 2026-06-01 --to 2026-07-31` reports the overdue at
    30/6 (not every open application called overdue on 31/7), and says so on the command line
    and on the form's period line."""
    import fastexcel

    from metrics.bieu_06a import GRAND_TOTAL, form_rows
    from reports.__main__ import main

    out = tmp_path / "bieu.xlsx"
    argv = ["bieu-06a", "--from", "2026-06-01", "--to", "2026-07-31", "--out", str(out)]
    assert main([*argv, "--warehouse", str(sample_warehouse)]) == 0
    assert "Số liệu đến 30/06/2026" in capsys.readouterr().out
    cells = fastexcel.read_excel(out).load_sheet(0, header_row=None).to_polars().rows()
    text = [str(v) for row in cells for v in row if v is not None]
    assert any("Số liệu đến 30/06/2026" in line for line in text)
    with snapshot(sample_warehouse) as con:
        rows = form_rows(con, Filters(date(2026, 6, 1), date(2026, 7, 31)))
    kpis = _kpis(sample_warehouse, LAST_MONTH)
    total = rows.filter(rows["row_kind"] == GRAND_TOTAL).row(0, named=True)
    assert total["overdue"] == kpis.count("overdue")


def test_months_without_optional_columns_are_named(sample_warehouse: Path) -> None:
    """The sample's September 2025, February and March 2026 exports have no electronic result
    (the legacy and spreadsheet layouts): QĐ 766's online share lacks data exactly then."""
    from metrics.quality import lacking_months, missing_data

    with snapshot(sample_warehouse) as con:
        missing = missing_data(con, date(2025, 7, 1), date(2026, 6, 30))
        lacking = lacking_months(con)
        published = missing_data(con, *PUBLISHED)
    assert missing["online_share_766"] == [date(2025, 9, 1), date(2026, 2, 1), date(2026, 3, 1)]
    assert date(2025, 9, 1) in missing["on_time_rate_766"]
    september = lacking.filter(lacking["month"] == date(2025, 9, 1))["field"].to_list()[0]
    assert {"e_result", "supplement_count"} <= set(september)
    assert published == {}  # July and August have both columns


@pytest.mark.usefixtures("fresh_caches")
def test_the_pages_say_thieu_du_lieu(
    monkeypatch: pytest.MonkeyPatch, sample_warehouse: Path
) -> None:
    from tests.test_app_shell import start_app

    app = start_app(
        monkeypatch, sample_warehouse, period="Tùy chọn", dates=["2025-08-01", "2025-09-30"]
    )
    warnings = [warning.value for warning in app.warning]
    assert any(
        w.startswith("Tỷ lệ hồ sơ trực tuyến theo QĐ 766: thiếu dữ liệu tháng 09/2025")
        for w in warnings
    )
    app.switch_page("app_pages/data_quality.py").run()
    assert not app.exception
    months = next(frame.value for frame in app.dataframe if "Cột còn thiếu" in frame.value.columns)
    september = months[months["Tháng"] == "09/2025"]["Cột còn thiếu"].tolist()[0]
    assert "Kết quả điện tử" in september and "Số lần bổ sung" in september


def test_june_2026_is_compared_with_may_and_not_with_a_year_before_the_data(
    sample_warehouse: Path,
) -> None:
    from metrics.kpis import compare_periods

    with snapshot(sample_warehouse) as con:
        comparison = compare_periods(con, Filters(*LAST_MONTH), date(2025, 7, 1))
    assert comparison.previous is not None
    assert (comparison.previous.start, comparison.previous.end) == (
        date(2026, 5, 1),
        date(2026, 5, 31),
    )
    assert comparison.year_earlier is None  # June 2025 is before the first day with data
