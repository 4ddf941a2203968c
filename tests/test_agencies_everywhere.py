"""The sở, ngành wherever units appear (issue 12): the filter bar's unit picker lists them as
their own group, the overview ranks them beside the communes (and its titles say which), and
the city report has a table of them. Tiny warehouse (31.STP received A7 only), and the small
sample (every agency with enough applications to rank)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.options import filter_options
from metrics.rankings import ranked
from metrics.units_league import AGENCY_KINDS, league_table
from present.agency_section import agency_section
from present.places import listed_units, unit_labels
from present.report import build_report
from reports.pdf_command import load_report_view
from tests.small_warehouse import build_small_warehouse
from tests.test_app_shell import metric_values, start_app

pytestmark = pytest.mark.usefixtures("fresh_caches")
TINY_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}
PERIOD = (date(2025, 8, 1), date(2025, 8, 20))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("small") / "warehouse.duckdb")


def test_the_picker_lists_communes_then_agencies_labelled(tiny: Path) -> None:
    with snapshot(tiny) as con:
        options = filter_options(con)
    units = listed_units(options, [])
    assert [unit.code for unit in units] == ["00001", "00002", "31.STP"]
    labels = unit_labels(options, units, "vi")
    assert labels["31.STP"] == "Sở Tư pháp · Sở, ngành"
    assert labels["00001"] == "Phường An Biên"
    assert unit_labels(options, units)["31.STP"] == "Sở Tư pháp"  # where the name is shown


def test_picking_an_agency_in_the_filter_bar_shows_its_figures(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **TINY_VIEW)
    picker = app.multiselect(key="unit")
    assert picker.options[-1] == "Sở Tư pháp · Sở, ngành"
    picker.set_value(["31.STP"]).run()
    assert not app.exception
    assert metric_values(app)["Tiếp nhận mới"] == "1"  # A7


def _titles(app) -> list[str]:
    return [
        json.loads(chart.proto.spec)["layout"]["title"]["text"] for chart in app.get("plotly_chart")
    ]


def test_the_overview_ranks_the_agencies_beside_the_communes(
    monkeypatch: pytest.MonkeyPatch, small: Path
) -> None:
    app = start_app(monkeypatch, small, period="Tùy chọn", dates=["2025-08-01", "2025-08-20"])
    assert not app.exception
    titles = " | ".join(_titles(app))
    assert "10 phường, xã, đặc khu có tỷ lệ đúng hạn cao nhất" in titles
    with snapshot(small) as con:
        agencies = league_table(con, Filters(*PERIOD), AGENCY_KINDS)
    count = ranked(agencies, "on_time_rate").height
    assert 2 <= count < agencies.height == 12  # the small sample: some below 30 applications
    assert f"Sở, ngành theo tỷ lệ đúng hạn ({count}/12 sở, ngành được xếp hạng)" in titles


def test_the_city_report_has_an_agency_table(small: Path) -> None:
    view, metrics = load_report_view(small, *PERIOD, [], "vi")
    report = build_report(view, metrics, datetime(2025, 8, 21, 7, 0))
    [section] = [s for s in report.sections if s.title == "Sở, ngành"]
    with snapshot(small) as con:
        order = ranked(league_table(con, Filters(*PERIOD), AGENCY_KINDS), "on_time_rate")
    assert [row[1] for row in section.rows] == order["name"].to_list()
    assert section.rows[0][0].startswith("1")
    assert "30 hồ sơ" in section.note


def test_a_units_report_has_no_agency_table(small: Path) -> None:
    view, metrics = load_report_view(small, *PERIOD, ["31.STC"], "vi")
    report = build_report(view, metrics, datetime(2025, 8, 21, 7, 0))
    assert not [s for s in report.sections if s.title == "Sở, ngành"]
    assert agency_section(None, "on_time_rate", "vi") is None
