"""AppTest checks of what the data grid draws by itself (issue 13): an in-cell bar or a long
table's number is labelled by the grid, not by the page's formatted text, so every such
column must say how to write its value in the interface's language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from present import league
from present.strings import t
from tests.test_app_shell import start_app

pytestmark = pytest.mark.usefixtures("fresh_caches")

PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}
PAGES = (
    "app_pages/overview.py",
    "app_pages/units.py",
    "app_pages/procedures.py",
    "app_pages/simplification.py",
    "app_pages/bieu_06a.py",
    "app_pages/data_quality.py",
)


def grid_columns(app: AppTest) -> dict[str, dict]:
    """Every column configuration the page's tables send to the grid, by label."""
    columns: dict[str, dict] = {}
    for frame in app.dataframe:
        columns |= json.loads(frame.proto.columns or "{}")
    return columns


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_wards_page_draws_bars_for_rates_only_never_for_a_count(
    monkeypatch: pytest.MonkeyPatch, tiny: Path, lang: str
) -> None:
    """The grid labels a bar as a percent: a bar of counts read "2576%" for 2.576 received."""
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.segmented_control(key="lang").set_value(lang).run()
    app.switch_page("app_pages/units.py").run()
    assert not app.exception
    bars = {
        label
        for label, column in grid_columns(app).items()
        if column.get("type_config", {}).get("type") == "progress"
    }
    assert bars == {t(key, lang) for key in league.BARS}
    assert t("col.received", lang) not in bars


def test_no_grid_number_is_left_to_the_grids_guess(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    for script in PAGES:
        app.switch_page(script).run()
        assert not app.exception, script
        for label, column in grid_columns(app).items():
            kind = column.get("type_config", {})
            if kind.get("type") in {"progress", "number"}:
                assert kind.get("format") not in (None, "", "localized"), (script, label)


def test_missing_texts_read_a_dash_not_none(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/data_quality.py").run()
    assert not app.exception
    [loads] = [f.value for f in app.dataframe if "Ghi chú" in f.value.columns]
    assert loads["Ghi chú"].isna().sum() == 0
    assert "–" in loads["Ghi chú"].tolist()  # a clean load has no message
    assert set(loads["Loại tệp"]) <= {"hồ sơ", "danh mục TTHC", "phương án đơn giản hóa"}


def test_waiting_card_says_it_counts_the_latest_status_for_a_past_period(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    past = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-15"])
    note = t("cards.latest_status", "vi", end="15/07/2025", data_end="21/07/2025")
    assert note in [caption.value for caption in past.caption]  # the card said nothing
    [waiting] = [m for m in past.metric if m.label == t("kpi.waiting", "vi")]
    assert "trạng thái mới nhất" in waiting.help
    # A period that runs to the data's end counts today's waiting: nothing to explain.
    current = start_app(monkeypatch, tiny)
    assert not [c for c in current.caption if c.value.startswith("Theo trạng thái mới nhất")]


def test_bieu_06a_on_screen_has_the_forms_three_column_groups(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/bieu_06a.py").run()
    assert not app.exception
    columns = app.dataframe[0].value.columns
    groups = [t(f"bieu.{key}_group", "vi") for key in ("received", "resolved", "open")]
    over = [group for group, _ in columns]
    assert [over.count(group) for group in groups] == [4, 4, 3]  # (3)–(6), (7)–(10), (11)–(13)
    assert over[:2] == ["", ""]  # STT and the field stand alone


def test_most_late_procedures_are_sorted_by_a_column_next_to_the_name(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/procedures.py").run()
    assert not app.exception
    # by field, by agency, the busiest, then the most late
    table = app.dataframe[3].value
    late = t("col.late", "vi")
    assert table[late].is_monotonic_decreasing and len(table) > 1
    assert list(table.columns).index(late) == 2  # was the ninth column
