"""URL parameters are untrusted: SQL-like values, unknown codes, huge lists and bad dates are
ignored (the view stays the neutral one) or refused with a plain message; nothing raises and
nothing reaches SQL as text. AppTest sets the parameters before the first run, as a pasted
link does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from etl.settings import PROJECT_ROOT
from tests.tiny_warehouse import build_tiny_warehouse

APP = str(PROJECT_ROOT / "app.py")
UNIT_PAGE = str(PROJECT_ROOT / "app_pages" / "unit.py")
SQL = "' OR 1=1 --"
NEUTRAL_SCOPE = "Thành phố Hải Phòng, 01/07–21/07/2025"

HOSTILE: dict[str, dict[str, str | list[str]]] = {
    "unit_sql": {"unit": SQL},
    "unit_codes_unknown": {"unit": ["99999", "00009"]},  # a known code is kept (issue 13)
    "unit_huge_list": {"unit": [str(n) for n in range(5000)]},
    "field_sql": {"field": SQL},
    "agency_unknown": {"agency": "31.KHONG"},
    "kind_unknown": {"kind": "'; drop table units; --"},
    "level_unknown": {"level": "tinh); delete from applications; --"},
    "channel_unknown": {"channel": ["9", "0x02"]},
    "period_unknown": {"period": "<script>alert(1)</script>"},
    "lang_unknown": {"lang": "zz"},
    "grain_unknown": {"grain": "<b>"},
    "rank_unknown": {"rank": SQL},
    "dates_garbage": {"period": "Tùy chọn", "dates": ["2025-99-99", "x"]},
    "dates_out_of_range": {"period": "Tùy chọn", "dates": ["1900-01-01", "2999-01-01"]},
    "dates_too_many": {"period": "Tùy chọn", "dates": ["2025-07-01"] * 1000},
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_warehouse(tmp_path_factory.mktemp("url") / "warehouse.duckdb")


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> Iterator[None]:
    monkeypatch.setenv("WAREHOUSE_PATH", str(tiny))
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def run_with(page: str | None = None, **query: str | list[str]) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        app.query_params[key] = value
    app.run()
    if page:
        app.switch_page(page)
        for key, value in query.items():
            app.query_params[key] = value
        app.run()
    return app


def metrics_of(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


@pytest.fixture
def neutral() -> dict[str, str]:
    """The KPIs of the default view (no parameters), to compare with."""
    return metrics_of(run_with())


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_a_hostile_filter_parameter_leaves_the_neutral_view(
    name: str, neutral: dict[str, str]
) -> None:
    app = run_with(**HOSTILE[name])
    assert not app.exception, name
    captions = [caption.value for caption in app.caption]
    if name.startswith("dates"):
        assert app.metric  # a valid range, whichever one it fell back to
    else:
        assert NEUTRAL_SCOPE in captions, captions
        assert metrics_of(app) == neutral


def test_a_backwards_date_range_is_read_forwards() -> None:
    app = run_with(period="Tùy chọn", dates=["2025-07-20", "2025-07-10"])
    assert not app.exception
    assert "Thành phố Hải Phòng, 10/07–20/07/2025" in [c.value for c in app.caption]


@pytest.mark.parametrize(
    "code",
    [SQL, "x" * 100_000, "[bấm](javascript:alert(1))", "<img src=x onerror=alert(1)>"],
)
def test_the_unit_view_refuses_an_unknown_code_in_plain_words(code: str) -> None:
    app = run_with(UNIT_PAGE, ma=code)
    assert not app.exception
    assert not app.metric
    [warning] = app.warning
    assert warning.value.startswith("Không có đơn vị mã «")
    assert len(warning.value) < 200
    assert "](" not in warning.value.replace("\\]\\(", "")  # no live Markdown link


def test_the_unit_view_without_a_code_says_a_unit_is_needed() -> None:
    app = run_with(UNIT_PAGE, ma="")
    assert not app.exception and not app.metric and not app.warning
    assert app.info[0].value.startswith("Chưa chọn đơn vị nào")


def test_the_unit_view_with_a_known_code_still_works() -> None:
    app = run_with(UNIT_PAGE, ma="00001")
    assert not app.exception
    assert app.title[0].value == "Phường An Biên"
