"""AppTest of /chi-so-766 (issue 15) on the tiny warehouse (01/07–21/07/2025, "this month"):
the city's points, the indicator table with numerators and denominators, the units that cost
the city most, both rankings, a unit's own view through `?unit=`, English, and the downloads
carrying exactly what the screen shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_app_shell import start_app

pytestmark = pytest.mark.usefixtures("fresh_caches")
PAGE = "app_pages/index_766.py"
# P = 10–20/07/2025, the period test_index_766_metrics.py works out by hand.
PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}


def test_page_renders_points_indicators_and_costs(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.title[0].value == "Bộ chỉ số 766 theo đơn vị"
    [label] = [m.label for m in app.metric]
    assert label == "Điểm các nhóm tính được / tối đa"
    # 2.1 14 + 3.3 60/7 + 3.6a 4 + 4.1 1.5 + 4.2 4/7 + 4.3 0 + 5.4 4.6 (test_index_766_metrics)
    assert app.metric[0].value == "33,2 / 60,0"
    indicators = app.dataframe[0].value
    city = indicators[indicators["Chỉ số"] == "2.1 Tiến độ giải quyết (không quá hạn)"].iloc[0]
    assert (city["Tử số"], city["Mẫu số"], city["Điểm"]) == (7, 10, "14,0")
    assert {"Tử số", "Mẫu số", "Cách tính"} <= set(indicators.columns)
    text = " ".join(m.value for m in app.markdown)
    assert "Khắc phục" in text and "điểm" in text
    expander_text = " ".join(e.label for e in app.expander)
    assert "Cách tính" in expander_text


def test_a_unit_view_opens_from_the_url(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page(PAGE)
    app.query_params["ma"] = "00001"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Chỉ số 766 của Phường An Biên"
    text = " ".join(m.value for m in app.markdown)
    assert "mất nhiều điểm nhất ở 2.1 Tiến độ giải quyết" in text
    rows = app.dataframe[0].value
    first = rows[rows["Chỉ số"].str.startswith("2.1")].iloc[0]
    assert (first["Tử số"], first["Mẫu số"], first["Điểm"]) == (3, 5, "12,0")


def test_page_renders_in_english(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny)
    app.segmented_control(key="lang").set_value("en").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.title[0].value == "QĐ 766 service index by unit"
    assert app.metric[0].label == "Points of the computable groups / maximum"


def test_the_unit_page_shows_its_766_points_and_links_to_its_view(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = "00001"
    app.run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    # Fewer than 30 applications to handle: not ranked (MIN_DENOMINATOR).
    assert "Phường An Biên: 29,0 / 60,0 điểm, chưa xếp hạng (dưới 30 hồ sơ" in text
    links = [link for link in app.page_link if link.label == "Xem chỉ số 766 của đơn vị"]
    assert len(links) == 1
