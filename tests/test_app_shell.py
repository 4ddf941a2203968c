"""AppTest of the shell: first start, plain messages, URL, page switch, language, reset."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import ui.bootstrap
from etl.settings import PROJECT_ROOT
from present.strings import t
from tests.tiny_warehouse import build_tiny_warehouse

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")

APP = str(PROJECT_ROOT / "app.py")


def start_app(
    monkeypatch: pytest.MonkeyPatch, warehouse: Path, **query: str | list[str]
) -> AppTest:
    """A first run of the app on `warehouse`, with these URL query parameters."""
    monkeypatch.setenv("WAREHOUSE_PATH", str(warehouse))
    st.cache_data.clear()  # caches are process-wide; each test starts from nothing
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    return app.run()


def metric_values(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def test_default_view_renders_with_navigation_and_freshness(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny)
    assert not app.exception
    assert app.title[0].value == "Tổng quan giải quyết thủ tục hành chính"
    captions = [caption.value for caption in app.caption]
    assert any("Dữ liệu đến ngày 21/07/2025" in c and "12 hồ sơ" in c for c in captions)
    assert any("22/07/2025 06:30" in c for c in captions)
    assert "2 dòng bị loại" in [link.label for link in app.page_link]
    # "This month" ends on the latest day with data.
    assert "Thành phố Hải Phòng, 01/07–21/07/2025" in captions


def test_missing_warehouse_gets_a_plain_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("AUTO_BUILD_SAMPLE", "0")
    app = start_app(monkeypatch, tmp_path / "nothing.duckdb")
    assert not app.exception
    assert "Chưa có kho dữ liệu" in app.error[0].value
    assert app.code[0].value == "python -m etl build"
    assert not app.metric


def test_broken_warehouse_gets_a_plain_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "warehouse.duckdb"
    broken.write_bytes(b"this is not a DuckDB file" * 100)
    app = start_app(monkeypatch, broken)
    assert not app.exception
    assert "Không đọc được kho dữ liệu" in app.error[0].value
    assert app.code[0].value == "python -m etl build"


def test_first_start_builds_the_warehouse_then_shows_the_dashboard(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    reported: list[float] = []

    def fake_build(target: Path, on_progress) -> Path:
        on_progress("Đang sinh dữ liệu mẫu", 0.5)
        reported.append(0.5)
        return build_tiny_warehouse(target)

    monkeypatch.setattr(ui.bootstrap, "build_sample", fake_build)
    target = tmp_path / "fresh" / "warehouse.duckdb"
    target.parent.mkdir()
    app = start_app(monkeypatch, target)
    assert not app.exception
    assert reported == [0.5] and target.exists()
    assert metric_values(app)["Tiếp nhận mới"] == "12"  # 01/07–21/07: all of them


def test_failed_first_start_build_says_what_to_run(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def failing_build(target: Path, on_progress) -> Path:
        raise RuntimeError("no sample generator")

    monkeypatch.setattr(ui.bootstrap, "build_sample", failing_build)
    app = start_app(monkeypatch, tmp_path / "warehouse.duckdb")
    assert not app.exception
    assert "Không tạo được kho dữ liệu mẫu" in app.error[0].value
    assert app.code[0].value == "python -m etl build"


def test_url_parameters_reproduce_a_view(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(
        monkeypatch,
        tiny,
        period="Tùy chọn",
        dates=["2025-07-10", "2025-07-20"],
        channel="Trực tuyến",
        unit="Phường An Biên",
    )
    assert not app.exception
    assert app.selectbox(key="period").value == "custom"
    assert app.pills(key="channel").value == [2]
    assert app.multiselect(key="unit").value == ["00001"]
    # Phường An Biên, online, 10–20/07: A9 and A11 received; A2 carried in and resolved.
    values = metric_values(app)
    assert values["Tiếp nhận mới"] == "2"
    assert values["Đã giải quyết"] == "2"
    assert values[t("kpi.online_share", "vi")] == "100,0%"


def test_filters_survive_a_page_switch(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny)
    app.pills(key="channel").set_value([2]).run()
    app.switch_page("app_pages/data_quality.py").run()
    assert not app.exception
    assert app.title[0].value == "Chất lượng dữ liệu"
    assert app.pills(key="channel").value == [2]
    assert len(app.dataframe) == 5  # reasons, by file, rejected rows, loads, unit freshness
    app.switch_page("app_pages/overview.py").run()
    assert app.pills(key="channel").value == [2]
    assert metric_values(app)[t("kpi.online_share", "vi")] == "100,0%"


def test_english_switch_changes_labels_and_keeps_filters(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny)
    app.pills(key="channel").set_value([2]).run()
    app.segmented_control(key="lang").set_value("en").run()
    assert not app.exception
    assert app.title[0].value == "Overview of administrative procedures"
    values = metric_values(app)
    assert values[t("kpi.online_share", "en")] == "100.0%"
    assert "Received" in values and "Tiếp nhận mới" not in values
    assert app.pills(key="channel").value == [2]
    assert app.pills(key="channel").options == ["In person", "Online", "Public postal service"]


def test_reset_returns_to_the_defaults(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny)
    default = metric_values(app)
    app.pills(key="channel").set_value([1]).run()
    app.selectbox(key="period").set_value("since_reform").run()
    assert metric_values(app) != default
    app.button[0].click().run()
    assert app.pills(key="channel").value == []
    assert app.selectbox(key="period").value == "this_month"
    assert metric_values(app) == default
