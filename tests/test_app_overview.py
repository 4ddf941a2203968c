"""AppTest of the overview: each filter changes the KPIs exactly as `metrics/` computes them,
and the full sample shows the figures the city published (DATA_SPEC §5)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from present import format as fmt
from present.strings import t
from tests.test_app_shell import metric_values, start_app
from tests.tiny_warehouse import PERIOD

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")

ON_TIME, ON_TIME_766 = t("kpi.on_time_rate", "vi"), t("kpi.on_time_rate_766", "vi")
WAITING, CLOSED = t("kpi.waiting", "vi"), t("kpi.closed", "vi")
ONLINE, ONLINE_766 = t("kpi.online_share", "vi"), t("kpi.online_share_766", "vi")
PUBLISHED_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-01", "2025-08-20"]}


CHANGES: dict[str, tuple[Callable[[AppTest], object], dict]] = {
    "channel": (lambda app: app.pills(key="channel").set_value([1]), {"channels": (1,)}),
    "level": (lambda app: app.pills(key="level").set_value(["tinh"]), {"levels": ("tinh",)}),
    "kind": (lambda app: app.pills(key="kind").set_value(["xa"]), {"unit_kinds": ("xa",)}),
    "unit": (lambda app: app.multiselect(key="unit").set_value(["00001"]), {"unit_codes": ("00001",)}),
    "field": (lambda app: app.multiselect(key="field").set_value(["Chứng thực"]), {"fields": ("Chứng thực",)}),
    "agency": (lambda app: app.multiselect(key="agency").set_value(["31.STP"]), {"agency_codes": ("31.STP",)}),
}  # fmt: skip


@pytest.mark.parametrize("change", list(CHANGES))
def test_each_filter_changes_the_kpis_as_metrics_says(
    monkeypatch: pytest.MonkeyPatch, tiny: Path, change: str
) -> None:
    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-20"])
    before = metric_values(app)
    set_widget, restriction = CHANGES[change]
    set_widget(app)
    app.run()
    assert not app.exception
    with snapshot(tiny) as con:
        [expected] = period_kpis(con, Filters(*PERIOD, **restriction), [PERIOD])
    shown = metric_values(app)
    assert shown != before
    assert shown["Tiếp nhận mới"] == fmt.number(expected.count("received"), "vi")
    assert shown["Đã giải quyết"] == fmt.number(expected.count("resolved"), "vi")
    assert shown[ON_TIME] == fmt.percent(expected.rate("on_time_rate").value, "vi")
    assert shown[ON_TIME_766] == fmt.percent(expected.rate("on_time_rate_766").value, "vi")
    assert shown["Đang giải quyết quá hạn"] == fmt.number(expected.count("overdue"), "vi")
    assert shown[WAITING] == fmt.number(expected.count("waiting"), "vi")
    assert shown[CLOSED] == fmt.number(expected.count("closed"), "vi")
    assert shown[ONLINE_766] == fmt.percent(expected.rate("online_share_766").value, "vi")


def test_chart_titles_say_what_where_and_when(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-20"])
    titles = [json.loads(chart.proto.spec)["layout"]["title"] for chart in app.get("plotly_chart")]
    assert titles[0]["text"] == "Hồ sơ tiếp nhận và đã giải quyết theo ngày"
    # ui.charts.show_chart adds the source line under the scope, so an exported PNG stands alone.
    for title in titles:
        scope, *_, source = title["subtitle"]["text"].split("<br>")
        assert scope == "Thành phố Hải Phòng, 10/07–20/07/2025"
        assert "Nguồn: Hệ thống thông tin giải quyết TTHC, dữ liệu đến 21/07/2025" in source


def test_ratio_hovers_show_numerator_and_denominator(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-20"])
    specs = [json.loads(chart.proto.spec) for chart in app.get("plotly_chart")]
    channel_pie = next(s for s in specs if s["data"][0]["type"] == "pie")
    assert "4 / 7 = 57,1%" in channel_pie["data"][0]["customdata"]
    assert specs[0]["layout"]["separators"] == ",."
    help_texts = {metric.label: metric.help for metric in app.metric}
    assert "4 / 7" in help_texts[ONLINE]
    assert "1 − (2 + 2) / 10 = 6 / 10" in help_texts[ON_TIME]
    assert "(giải quyết quá hạn 2 + đang quá hạn 1) / 10 = 7 / 10" in help_texts[ON_TIME_766]
    assert "Trong đó đã quá ngày hẹn trả: 1; quá hạn do cơ quan: 1." in help_texts[WAITING]


def test_the_overview_adds_up_with_closed_without_result(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    """10 to handle = 5 resolved + 1 closed (A8) + 4 in progress at 20/07 (tiny warehouse)."""
    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-20"])
    captions = [caption.value for caption in app.caption]
    line = "Cần giải quyết 10 = đã giải quyết 5 + không tiếp nhận, rút, dừng xử lý 1 + đang giải"
    assert any(caption.startswith(line) and caption.endswith(" 4.") for caption in captions)


def test_default_view_of_the_full_sample(
    monkeypatch: pytest.MonkeyPatch, sample_warehouse: Path
) -> None:
    app = start_app(monkeypatch, sample_warehouse)
    assert not app.exception
    assert len(app.metric) == 14
    # trend, channels, status, best, worst, the agencies (issue 12), fields
    assert len(app.get("plotly_chart")) == 7


def test_published_figures_for_1_july_to_20_august_2025(
    monkeypatch: pytest.MonkeyPatch, sample_warehouse: Path
) -> None:
    app = start_app(monkeypatch, sample_warehouse, **PUBLISHED_VIEW)
    assert not app.exception
    shown = metric_values(app)
    assert re.fullmatch(r"246\.9\d\d", shown["Tiếp nhận mới"]), shown["Tiếp nhận mới"]
    assert shown[ONLINE] in ("58,4%", "58,5%", "58,6%")
    assert shown[ONLINE_766] in ("52,8%", "52,9%", "53,0%")
    assert shown["Tỷ lệ giải quyết"] in ("94,6%", "94,7%", "94,8%")
    captions = [caption.value for caption in app.caption]
    assert "Thành phố Hải Phòng, 01/07–20/08/2025" in captions
    assert app.selectbox(key="period").value == "custom"
    assert app.date_input(key="dates").value == (date(2025, 7, 1), date(2025, 8, 20))
