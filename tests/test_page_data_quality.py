"""AppTest of the data-quality page: loads, rejected rows by reason and file, freshness."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_app_shell import start_app

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_page_shows_loads_rejections_and_freshness(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:

    app = start_app(monkeypatch, tiny)
    app.switch_page("app_pages/data_quality.py").run()
    assert not app.exception
    tables = [frame.value for frame in app.dataframe]
    reasons, by_file, rows, loads, freshness = tables
    assert sorted(reasons["Lý do"]) == ["Không rõ đơn vị", "Ngày không hợp lệ"]
    assert by_file["Tệp"].tolist() == ["tiny.csv", "tiny.csv"]
    assert rows["Dòng số"].tolist() == [5, 9]
    assert loads["Số dòng đọc"].tolist() == [14] and loads["Bị loại"].tolist() == [2]
    # 21/07 is the latest day: 00002 received A10 that day, 00001 last on 20/07, 31.STP on 16/07.
    days = dict(zip(freshness["Mã đơn vị"], freshness["Số ngày không có hồ sơ"], strict=True))
    assert days == {"00002": 0, "00001": 1, "31.STP": 5}
    assert "7 ngày" in app.success[-1].value  # nobody silent for a week
    app.number_input(key="dq_stale_days").set_value(3).run()
    assert "1 đơn vị" in app.warning[0].value  # 31.STP: silent 5 days ≥ 3
