"""AppTest of the simplification page on the full sample (the tiny warehouse has no plans)."""

from __future__ import annotations

from pathlib import Path

import pytest

from metrics.connection import snapshot
from metrics.simplification import simplification_summary
from tests.test_app_shell import start_app

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")


def test_sample_figures(sample_warehouse: Path) -> None:
    with snapshot(sample_warehouse) as con:
        summary = simplification_summary(con)
    assert (summary.business_related, summary.business_with_plan) == (807, 95)
    assert (summary.agencies_with_cut, summary.agencies) == (12, 12)


def test_page_renders_and_a_filter_narrows_the_actual_times(
    monkeypatch: pytest.MonkeyPatch, sample_warehouse: Path
) -> None:

    app = start_app(monkeypatch, sample_warehouse, period="Từ 01/07/2025")
    app.switch_page("app_pages/simplification.py").run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["TTHC liên quan kinh doanh"] == "807"
    assert metrics["Sở, ngành có cắt giảm"] == "12/12 sở, ngành"
    plans = app.dataframe[0].value
    assert len(plans) == 95 and (plans["Mức cắt giảm"] >= 0.5).all()
    actual = app.dataframe[-1].value
    app.pills(key="channel").set_value([3]).run()
    narrowed = app.dataframe[-1].value
    assert narrowed["Hồ sơ giải quyết sau"].sum() < actual["Hồ sơ giải quyết sau"].sum()
