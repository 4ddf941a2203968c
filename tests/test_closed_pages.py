"""The units page's closed-without-result tables and the unit page's late resolutions, on the
tiny warehouse (P = 10/07–20/07/2025): A8, Phường An Biên, Đất đai, không được tiếp nhận; Xã
Bình Hà resolved A12 and A5 late."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_app_shell import start_app

pytestmark = pytest.mark.usefixtures("fresh_caches")
PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}


def test_the_units_page_has_closed_by_kind_per_unit_and_field(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/units.py").run()
    assert not app.exception
    closed = [f.value for f in app.dataframe if "Không được tiếp nhận" in f.value.columns]
    tables = {frame.columns[0]: frame for frame in closed}
    units, fields = tables["Đơn vị"], tables["Lĩnh vực"]
    # Each has a phone twin: the name and the four counts under short headings.
    twins = {f.value.columns[0]: f.value for f in app.dataframe if "Không nhận" in f.value.columns}
    assert twins["Đơn vị"].columns.tolist() == ["Đơn vị", "Tổng", "Không nhận", "Rút", "Dừng"]
    assert twins["Đơn vị"]["Không nhận"].tolist() == [1, 1]
    assert twins["Lĩnh vực"]["Tổng"].tolist() == [1, 1]
    assert units["Đơn vị"].tolist() == ["Phường An Biên", "Tổng cộng"]
    assert units["Không được tiếp nhận"].tolist() == [1, 1]
    assert units["Công dân rút hồ sơ"].tolist() == [0, 0]
    assert fields["Lĩnh vực"].tolist() == ["Đất đai", "Tổng cộng"]
    assert fields["Không tiếp nhận, rút, dừng xử lý"].tolist() == [1, 1]


def test_the_unit_page_lists_its_late_resolutions(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = "00002"
    app.run()
    assert not app.exception
    assert any(header.value == "Hồ sơ đã giải quyết quá hạn trong kỳ" for header in app.subheader)
    late = next(f.value for f in app.dataframe if "Số ngày quá hạn" in f.value.columns
                and "Kết thúc" in f.value.columns)  # fmt: skip
    assert late["Mã hồ sơ"].tolist() == ["A12", "A5"]
    assert late["Số ngày quá hạn"].tolist() == [8, 4]
    assert any("2 hồ sơ có kết quả sau ngày hẹn trả" in c.value for c in app.caption)
    # Xã Bình Hà closed nothing in P: the closed table says so instead of a table of zeros.
    assert any("Không có hồ sơ không tiếp nhận" in c.value for c in app.caption)
