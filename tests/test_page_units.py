"""AppTest of the wards-and-communes page and of one unit's own view (opened from its URL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_app_shell import start_app

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")

PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}


def test_league_renders_and_filters_narrow_it(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/units.py").run()
    assert not app.exception
    assert app.title[0].value == "Phường, xã, đặc khu"
    table = app.dataframe[0].value
    # Busiest first (3 = 3), then the total row.
    assert table["Đơn vị"].tolist() == ["Phường An Biên", "Xã Bình Hà", "Tổng cộng"]
    assert table["Tiếp nhận mới"].tolist() == [3, 3, 6]
    assert table["Đang giải quyết quá hạn"].tolist() == [1, 0, 1]  # A3
    app.pills(key="kind").set_value(["xa"]).run()
    assert app.dataframe[0].value["Đơn vị"].tolist() == ["Xã Bình Hà", "Tổng cộng"]
    app.pills(key="kind").set_value([]).run()
    app.text_input(key="units_search").input("binh ha").run()
    # A search narrows the rows, never the total: that stays the view's.
    assert app.dataframe[0].value["Đơn vị"].tolist() == ["Xã Bình Hà", "Tổng cộng"]
    assert app.dataframe[0].value["Tiếp nhận mới"].tolist() == [3, 6]
    scatter = app.get("plotly_chart")
    assert scatter and not app.exception


def test_unit_view_opens_from_its_url(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = "00001"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Phường An Biên"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Tiếp nhận mới"] == "3" and metrics["Đang giải quyết quá hạn"] == "1"
    overdue = app.dataframe[-1].value
    assert overdue["Mã hồ sơ"].tolist() == ["A3"]
    assert overdue["Số ngày quá hạn"].tolist() == [9]  # due 11/07, period ends 20/07


def test_unknown_unit_in_the_url_gets_a_plain_message(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = "'; drop table units; --"
    app.run()
    assert not app.exception
    assert "Không có đơn vị mã" in app.warning[0].value
