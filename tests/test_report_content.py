"""The report's words and numbers, the chart stamp, and the plain answers when Chromium is
missing. None of these need a browser."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT
from metrics.filters import Filters
from present import format as fmt
from present.cards import CARDS, format_value
from present.provenance import file_stem, slug
from present.report import build_report
from present.theme import base_figure
from reports.pdf_command import UnknownUnit, load_report_view
from tests.small_warehouse import build_small_warehouse
from tests.test_app_shell import start_app
from ui.charts import stamp

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")

PERIOD = (date(2025, 8, 1), date(2025, 8, 20))
NO_BROWSER = {"BROWSER_PATH": "/nonexistent/chromium"}


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("small") / "warehouse.duckdb")


def test_summary_and_cards_say_what_the_metrics_say(small: Path) -> None:
    view, metrics = load_report_view(small, *PERIOD, [], "vi")
    report = build_report(view, metrics, datetime(2025, 8, 21, 7, 0))
    now = metrics.comparison.current
    previous = metrics.comparison.previous
    assert previous is not None and (previous.start, previous.end) == (
        date(2025, 7, 12),
        date(2025, 7, 31),
    )
    change = now.count("received") / previous.count("received") - 1
    direction = "tăng" if change > 0 else "giảm"
    assert report.summary[0] == (
        f"Trong kỳ, toàn thành phố tiếp nhận {fmt.number(now.count('received'), 'vi')} hồ sơ, "
        f"{direction} {fmt.percent(abs(change), 'vi')} so với kỳ trước; "
        f"{fmt.percent(now.rate('online_share').value, 'vi')} nộp trực tuyến."
    )
    assert fmt.percent(now.rate("resolution_rate").value, "vi") in report.summary[1]
    assert [line.value for line in report.kpis] == [
        format_value(card.kind, card.value(now), "vi") for card in CARDS if card.in_report
    ]
    assert "Kỳ báo cáo: từ ngày 01/08/2025 đến ngày 20/08/2025" in report.header
    assert report.source == "Nguồn: Hệ thống thông tin giải quyết TTHC, dữ liệu đến 31/08/2025"
    assert report.file_name == "bao-cao_2025-08-01_2025-08-20.pdf"
    assert [len(table.rows) for table in report.units] == [10, 10]


def test_a_unit_is_found_by_name_in_any_case_and_unknown_ones_are_refused(small: Path) -> None:
    view, _ = load_report_view(small, *PERIOD, ["PHƯỜNG AN BIÊN"], "en")
    [code] = view.filters.unit_codes
    assert {u.code: u.name for u in view.options.units}[code] == "Phường An Biên"
    with pytest.raises(UnknownUnit):
        load_report_view(small, *PERIOD, ["Phường Không Có"], "vi")


def test_stamp_writes_filters_and_source_under_the_title() -> None:
    figure = base_figure("Tỷ lệ trực tuyến", "Thành phố Hải Phòng, 01/07–20/08/2025", "vi")
    top = figure.layout.margin.t
    stamp(figure, "Lọc: Kênh nộp: Trực tuyến", "Nguồn: Hệ thống thông tin giải quyết TTHC")
    lines = figure.layout.title.subtitle.text.split("<br>")
    assert lines[:2] == ["Thành phố Hải Phòng, 01/07–20/08/2025", "Lọc: Kênh nộp: Trực tuyến"]
    assert "Nguồn: Hệ thống thông tin giải quyết TTHC" in lines[2]
    assert figure.layout.margin.t > top


def test_file_names_say_what_and_when_in_ascii() -> None:
    assert slug("Tỷ lệ trực tuyến") == "ty-le-truc-tuyen"
    assert slug("Đơn vị đúng hạn") == "don-vi-dung-han"
    filters = Filters(date(2025, 7, 1), date(2025, 8, 20))
    assert file_stem("Tỷ lệ trực tuyến", filters) == "ty-le-truc-tuyen_2025-07-01_2025-08-20"


def test_cli_without_chromium_says_what_to_install(small: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reports", "pdf", "--from", "2025-08-01", "--to", "2025-08-20",
         "--out", str(tmp_path / "r.pdf")],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
        env=os.environ | NO_BROWSER | {"WAREHOUSE_PATH": str(small)},
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("Lỗi: không tìm thấy Chromium")
    assert result.stderr.count("\n") == 1  # one line, no traceback
    assert not (tmp_path / "r.pdf").exists()


def test_report_page_without_chromium_shows_a_plain_message(
    monkeypatch: pytest.MonkeyPatch, small: Path
) -> None:
    for key, value in NO_BROWSER.items():
        monkeypatch.setenv(key, value)
    app = start_app(monkeypatch, small)
    app.switch_page("app_pages/report.py").run()
    assert not app.exception
    assert app.title[0].value == "Báo cáo tình hình giải quyết thủ tục hành chính"
    assert any("chưa cài trình duyệt Chromium" in info.value for info in app.info)
    assert any("Trong kỳ, toàn thành phố tiếp nhận" in md.value for md in app.markdown)
