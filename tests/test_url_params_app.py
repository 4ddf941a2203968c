"""AppTest of every URL parameter the app reads besides `?unit=` (issue 13): a value no
picker lists is named in a notice (Vietnamese, English in English) and ignored; a valid value
is kept, by its label or by its code, and the picker and the address show what is in force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.test_app_shell import start_app

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")

HANOI = "Thành phố Hà Nội"


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hải Phòng, Hà Nội and Hồ Chí Minh City: the province picker is drawn."""
    from etl.build import build_warehouse

    return build_warehouse(
        tmp_path_factory.mktemp("national") / "warehouse.duckdb",
        start=date(2025, 7, 1),
        end=date(2025, 8, 31),
        province_codes=[31, 1, 79],
        records=6_000,
    )


def notices(app) -> list[str]:
    return [warning.value for warning in app.warning]


def test_a_province_by_code_is_kept_and_an_unknown_one_named(
    monkeypatch: pytest.MonkeyPatch, national: Path
) -> None:
    app = start_app(monkeypatch, national, province=["1", "Nope"])
    assert not app.exception
    [notice] = notices(app)
    assert "Tỉnh, thành phố: «Nope»" in notice  # was dropped without a word
    assert app.multiselect(key="province").value == [1]  # was dropped too: a code
    assert app.query_params["province"] == HANOI  # the address shows what is in force


def test_a_province_by_name_is_kept_silently(
    monkeypatch: pytest.MonkeyPatch, national: Path
) -> None:
    app = start_app(monkeypatch, national, province=HANOI)
    assert not app.exception
    assert notices(app) == []
    assert app.multiselect(key="province").value == [1]


def test_one_province_names_a_link_to_another(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, province="Thành phố Hà Nội")
    assert not app.exception
    assert ["Tỉnh, thành phố: «Thành phố Hà Nội»" in notice for notice in notices(app)] == [True]
    app = start_app(monkeypatch, tiny, province="Thành phố Hải Phòng")
    assert notices(app) == []  # the warehouse's own province is no error


def test_a_language_by_code_is_kept_and_an_unknown_one_named(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, lang="en", period="This quarter")
    assert not app.exception
    assert app.title[0].value == "Overview of administrative procedures"  # was Vietnamese
    assert notices(app) == []  # the period is read in the link's language
    assert app.selectbox(key="period").value == "this_quarter"
    assert app.query_params["lang"] == "English"
    app = start_app(monkeypatch, tiny, lang="fr")
    assert app.title[0].value == "Tổng quan giải quyết thủ tục hành chính"
    assert ["«fr»" in notice for notice in notices(app)] == [True]  # was silent


def test_a_period_by_code_is_kept_and_an_unknown_one_named_in_the_language_in_force(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, period="custom", dates=["2025-07-20", "2025-07-01"])
    assert not app.exception
    assert notices(app) == []
    assert app.selectbox(key="period").value == "custom"
    assert app.query_params["period"] == "Tùy chọn"
    # the reversed range in order, in the date box and in the address
    assert app.date_input(key="dates").value == (date(2025, 7, 1), date(2025, 7, 20))
    assert app.query_params["dates"] == ["2025-07-01", "2025-07-20"]
    app = start_app(monkeypatch, tiny, lang="English", period="Nope")
    [notice] = notices(app)
    assert notice.startswith("The link had values") and "Period: «Nope»" in notice


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_overviews_pickers_name_what_they_ignored(
    monkeypatch: pytest.MonkeyPatch, tiny: Path, lang: str
) -> None:
    app = start_app(monkeypatch, tiny, lang=lang, grain="nope", rank="weekly")
    assert not app.exception
    shown = notices(app)
    labels = ("Chia theo", "Xếp hạng theo") if lang == "vi" else ("Group by", "Rank by")
    assert [f"{labels[0]}: «nope»" in n for n in shown] == [True, False], shown  # was silent
    assert [f"{labels[1]}: «weekly»" in n for n in shown] == [False, True], shown
    assert app.get("button_group")  # the pickers are there, at their defaults
    app = start_app(monkeypatch, tiny, lang=lang, grain=("tháng" if lang == "vi" else "month"))
    assert notices(app) == []


def test_report_view_names_a_value_that_is_not_true_or_false(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, report="maybe")
    assert not app.exception
    assert ["Chế độ báo cáo: «maybe»" in notice for notice in notices(app)] == [True]
    assert app.toggle(key="report").value is False
    app = start_app(monkeypatch, tiny, report="TRUE")  # Streamlit reads any case
    assert notices(app) == []
    assert app.toggle(key="report").value is True
