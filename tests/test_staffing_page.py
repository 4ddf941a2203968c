"""AppTest of the staff and workload page (/can-bo) on the tiny warehouse, in both languages:
the ranking and the what-ifs show the values worked out by hand in test_staffing_workload.py
(period 01/07–21/07/2025 here, staffing as of 15/7/2025)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import polars as pl
import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from tests.test_app_shell import start_app

pytestmark = pytest.mark.usefixtures("fresh_caches")
PAGE = "app_pages/staffing.py"


def test_page_renders_the_ranking_requests_and_suggestion(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny)
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.title[0].value == "Cán bộ và khối lượng công việc"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Đề nghị điều động, biệt phái"] == "9"
    assert metrics["Người có nguyện vọng"] == "3"
    ranking = app.dataframe[0].value
    assert ranking["Đơn vị"].tolist()[0] == "Phường An Biên"
    assert ranking["So với trung vị"].tolist()[0] == "Cao hơn nhiều"
    # The total row: all 12 applications of 1/7–21/7 (6 + 5 + 1) for 2 + 3 + 5 officials.
    total = ranking.iloc[-1]
    assert (total["Đơn vị"], total["Cần giải quyết"], total["Công chức hiện có"]) == (
        "Tổng cộng",
        12,
        10,
    )
    assert total["Cần giải quyết/công chức"] == "1,2"
    suggestion = app.dataframe[-1].value
    assert suggestion["Gợi ý số người"].sum() == 3


def test_moving_an_official_shows_both_units_change(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny)
    app.switch_page(PAGE).run()
    app.selectbox(key="whatif_field").set_value("Chứng thực")
    app.selectbox(key="whatif_from").set_value("00002")
    app.selectbox(key="whatif_to").set_value("00001").run()
    assert not app.exception
    text = " ".join(m.value for m in app.markdown)
    # 1/7–21/7, staffed fields only: 00002 has A4, A10, A12 (Hộ tịch), A5, A6 (Chứng thực)
    # = 5 for 3 officials → 5/2 after giving one away; 00001 has A1, A2, A9, A3, A11 = 5
    # for 2 → 5/3. The highest in the city stays 2.5 (now 00002).
    assert "Xã Bình Hà: 1,7 → 2,5" in text
    assert "Phường An Biên: 2,5 → 1,7" in text
    assert "2,5 → 2,5." in text


def test_page_renders_in_english(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny)
    app.segmented_control(key="lang").set_value("en").run()
    app.switch_page(PAGE).run()
    assert not app.exception
    assert app.title[0].value == "Staff and workload"
    assert "Transfer requests" in {m.label for m in app.metric}


def test_the_sample_page_shows_250_requests_and_53_candidates(
    monkeypatch: pytest.MonkeyPatch, sample_warehouse: Path
) -> None:
    app = start_app(monkeypatch, sample_warehouse, period="Từ 01/07/2025")
    app.switch_page(PAGE).run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["Đề nghị điều động, biệt phái"], metrics["Người có nguyện vọng"]) == (
        "250",
        "53",
    )
    assert metrics["Đề nghị chưa có người"] == "197"
    suggestion = app.dataframe[-1].value
    assert suggestion["Gợi ý số người"].sum() == 53
    assert (suggestion["Gợi ý số người"] <= suggestion["Đề nghị điều động, biệt phái"]).all()


def test_a_picked_unit_shows_its_month_by_month_workload(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny)
    app.switch_page(PAGE).run()
    app.selectbox(key="workload_unit").set_value("00001").run()
    assert not app.exception
    # 1/7–21/7: six applications to handle for the 15/7 count's two officials (metrics test).
    trend = next(d.value for d in app.dataframe if "Từ ngày" in d.value.columns)
    assert trend["Cần giải quyết"].tolist() == [6]
    assert trend["Cần giải quyết/công chức"].tolist() == ["3,0"]
    assert "Khối lượng trên mỗi công chức theo tháng" in [c.value for c in app.caption]


def test_every_download_is_the_table_on_screen(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    """Each CSV button's file (made by the real writer when clicked: here its registered
    callable is run, as the server would) has the columns and rows of the table above it."""
    files: dict[str, Callable[[], bytes]] = {}
    register = MediaFileManager.add_deferred

    def recording(self, data_callable, mimetype, coordinates, file_name=None, **kw):  # noqa: ANN001, ANN202
        files[file_name] = data_callable
        return register(self, data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    app = start_app(monkeypatch, tiny)
    app.switch_page(PAGE).run()
    assert not app.exception
    shown = [d.value for d in app.dataframe]
    csvs = [name for name in files if name.endswith(".csv")]
    assert len(csvs) == len(shown) == 7  # ranking, 2 × requests, unit, months, history, suggestion
    for name, screen in zip(csvs, shown, strict=True):
        file = pl.read_csv(io.BytesIO(files[name]()), infer_schema=False)
        assert file.columns == list(screen.columns), name
        on_screen = [[_cell(v) for v in row] for row in screen.itertuples(index=False)]
        in_file = [[v or "" for v in row] for row in file.rows()]
        assert len(in_file) == len(on_screen), name
        for file_row, screen_row in zip(in_file, on_screen, strict=True):
            assert [_same(a, b) for a, b in zip(file_row, screen_row, strict=True)] == [True] * len(
                file_row
            ), (name, file_row, screen_row)


def _cell(value: object) -> str:
    """A grid cell as the CSV writes it: empty for a missing value, a whole count without
    the ".0" pandas gives an integer column that has a gap (the total row's rank), a day
    without the time pandas gives a date column."""
    if pd.isna(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, pd.Timestamp):  # a date column: the day the CSV writes
        return value.date().isoformat()
    return str(value)


def _same(in_file: str, on_screen: str) -> bool:
    """The same cell: equal text, or a rate the CSV writes to three decimals (0.333 for the
    grid's 0.3333…, shown as 33,3%)."""
    if in_file == on_screen:
        return True
    try:
        return abs(float(in_file) - float(on_screen)) < 5e-4
    except ValueError:
        return False
