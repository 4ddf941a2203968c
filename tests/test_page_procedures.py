"""AppTest of the procedures page; the catalog's published figures on the full sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.catalog import catalog_summary
from metrics.connection import snapshot
from tests.test_app_shell import start_app

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_page_renders_and_filters_narrow_the_rankings(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:

    app = start_app(monkeypatch, tiny)
    app.switch_page("app_pages/procedures.py").run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert (metrics["Tổng số TTHC"], metrics["Cấp tỉnh"], metrics["Cấp xã"]) == ("3", "1", "2")
    busiest = app.dataframe[2].value
    assert busiest["Mã TTHC"].tolist() == ["1.000001", "2.000002", "2.000003"]
    app.pills(key="level").set_value(["tinh"]).run()
    assert app.dataframe[2].value["Mã TTHC"].tolist() == ["2.000003"]
    app.text_input(key="procedures_search").input("chung thuc").run()
    assert app.dataframe[-1].value["Tên thủ tục"].tolist() == ["Chứng thực bản sao"]


def test_sample_catalog_shows_the_published_figures(sample_warehouse: Path) -> None:
    with snapshot(sample_warehouse) as con:
        summary = catalog_summary(con)
    assert (summary.provincial, summary.commune) == (1915, 320)
    assert (summary.full_online, summary.partly_online, summary.non_boundary) == (750, 1131, 1320)


def test_page_shows_working_day_median_and_90th_percentile(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    """10/07–20/07 on the tiny warehouse: Chứng thực's one resolution (A5) took 5 working days
    against a legal 2 (tests/test_metrics_kpis.py computes the rest by hand)."""
    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-20"])
    app.switch_page("app_pages/procedures.py").run()
    assert not app.exception
    times = next(f.value for f in app.dataframe if "Trung vị (ngày làm việc)" in f.value.columns)
    row = times[times["Mã TTHC"] == "2.000002"].iloc[0]
    assert row["Trung vị (ngày làm việc)"] == 5 and row["Quá thời hạn quy định"] == 1
