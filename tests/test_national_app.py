"""AppTest of the province filter: shown only for a warehouse of several provinces, bound to
the URL, narrowing the unit picker, and followed by every page's scope line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.units import commune_units
from reports.__main__ import main as reports_main
from tests.test_app_shell import metric_values, start_app

# Streamlit caches are process-wide: every test here starts and ends with none.
pytestmark = pytest.mark.usefixtures("fresh_caches")

PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-01", "2025-08-20"]}
HANOI = "Thành phố Hà Nội"
PAGES = (
    "app_pages/overview.py",
    "app_pages/units.py",
    "app_pages/procedures.py",
    "app_pages/simplification.py",
    "app_pages/bieu_06a.py",
    "app_pages/data_quality.py",
    "app_pages/report.py",
)


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hải Phòng, Hà Nội and Hồ Chí Minh City, 30 000 records over two months."""
    from etl.build import build_warehouse

    target = tmp_path_factory.mktemp("national") / "warehouse.duckdb"
    return build_warehouse(
        target,
        start=date(2025, 7, 1),
        end=date(2025, 8, 31),
        province_codes=[31, 1, 79],
        records=30_000,
    )


def _keys(app) -> set[str]:
    return {widget.key for widget in app.multiselect}


def test_no_province_filter_for_one_province(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny)
    assert not app.exception
    assert "province" not in _keys(app) and "unit" in _keys(app)


def test_province_filter_and_labelled_units_for_several(
    monkeypatch: pytest.MonkeyPatch, national: Path
) -> None:
    app = start_app(monkeypatch, national, **PERIOD_VIEW)
    assert not app.exception
    assert "province" in _keys(app)
    assert "3 tỉnh, thành phố, 01/07–20/08/2025" in [caption.value for caption in app.caption]
    units = app.multiselect(key="unit").options
    assert "Đặc khu Cát Hải (Hải Phòng)" in units and "Phường Ba Đình (Hà Nội)" in units
    everywhere = int(metric_values(app)["Tiếp nhận mới"].replace(".", ""))

    app.multiselect(key="province").set_value([1]).run()
    assert not app.exception
    assert f"{HANOI}, 01/07–20/08/2025" in [caption.value for caption in app.caption]
    units = app.multiselect(key="unit").options
    assert "Phường Ba Đình" in units and not any("Cát Hải" in unit for unit in units)
    assert 0 < int(metric_values(app)["Tiếp nhận mới"].replace(".", "")) < everywhere


def test_units_of_an_unpicked_province_leave_the_filter(
    monkeypatch: pytest.MonkeyPatch, national: Path
) -> None:
    app = start_app(monkeypatch, national, **PERIOD_VIEW)
    app.multiselect(key="province").set_value([31]).run()
    app.multiselect(key="unit").set_value(["11311"]).run()  # Phường An Biên, Hải Phòng
    assert not app.exception and app.multiselect(key="unit").value == ["11311"]
    app.multiselect(key="province").set_value([1]).run()
    assert not app.exception
    assert app.multiselect(key="unit").value == []
    assert f"{HANOI}, 01/07–20/08/2025" in [caption.value for caption in app.caption]


@pytest.mark.parametrize("page", PAGES)
def test_a_url_with_a_province_renders_every_page(
    monkeypatch: pytest.MonkeyPatch, national: Path, page: str
) -> None:
    app = start_app(monkeypatch, national, province=HANOI, **PERIOD_VIEW)
    app.switch_page(page).run()
    assert not app.exception, page
    assert app.multiselect(key="province").value == [1]
    texts = [element.value for element in [*app.caption, *app.markdown]]
    assert any(HANOI in text for text in texts), page


def test_unit_view_of_a_unit_in_the_chosen_province(
    monkeypatch: pytest.MonkeyPatch, national: Path
) -> None:
    ba_dinh = next(unit.unit_code for unit in commune_units(1) if unit.name == "Phường Ba Đình")
    app = start_app(monkeypatch, national, province=HANOI, **PERIOD_VIEW)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = ba_dinh
    app.run()
    assert not app.exception
    assert app.title[0].value == "Phường Ba Đình"


def test_reports_cli_follows_the_province(
    monkeypatch: pytest.MonkeyPatch, national: Path, tmp_path: Path
) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(national))
    args = ["league-table", "--from", "2025-07-01", "--to", "2025-08-20"]
    assert reports_main([*args, "--province", "1", "--out", str(tmp_path / "hn.csv")]) == 0
    text = (tmp_path / "hn.csv").read_text(encoding="utf-8-sig")
    note = (tmp_path / "hn.thong-tin.txt").read_text(encoding="utf-8-sig")  # the header block
    assert HANOI in note and "Phường Ba Đình" in text and "Cát Hải" not in text
    with pytest.raises(SystemExit):
        reports_main([*args, "--province", "96", "--out", str(tmp_path / "x.csv")])
