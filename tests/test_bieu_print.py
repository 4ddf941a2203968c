"""Biểu II.06a as printed: a filtered form names its filters on the form's own sheet (not only
on the second), and ends with the form's signature block (Người lập biểu; place and date,
Thủ trưởng đơn vị), dated in Việt Nam's calendar."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import fastexcel
import pytest

from etl.dates import local_today
from metrics.bieu_06a import form_rows
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.options import filter_options
from present.bieu_06a import signed_at
from present.places import place_name
from reports.__main__ import main
from reports.bieu_06a import bieu_06a_file

PERIOD = ["--from", "2025-07-10", "--to", "2025-07-20"]


def form_text(path: Path) -> list[str]:
    """Every text cell of the form's own (first) sheet, top to bottom."""
    cells = fastexcel.read_excel(path.read_bytes()).load_sheet(0, header_row=None).to_polars()
    return [str(value) for row in cells.rows() for value in row if value is not None]


def make_form(tiny: Path, tmp_path: Path, *args: str) -> list[str]:
    out = tmp_path / "bieu.xlsx"
    assert main(["bieu-06a", *PERIOD, "--warehouse", str(tiny), *args, "--out", str(out)]) == 0
    return form_text(out)


def test_a_filtered_form_names_its_filters_on_the_printed_sheet(tiny: Path, tmp_path: Path) -> None:
    with snapshot(tiny) as con:
        options = filter_options(con)
        filters = Filters(date(2025, 7, 10), date(2025, 7, 20), fields=("Hộ tịch",), channels=(2,))
        content = bieu_06a_file(
            form_rows(con, filters), filters, options, place_name(options, (), "vi"), "vi"
        )
    out = tmp_path / "loc.xlsx"
    out.write_bytes(content)
    text = form_text(out)
    assert "Lọc theo: Lĩnh vực: Hộ tịch; Kênh nộp: Trực tuyến" in text
    # Above the table: the filters line comes before the column numbers.
    assert text.index("Lọc theo: Lĩnh vực: Hộ tịch; Kênh nộp: Trực tuyến") < text.index("(1)")


def test_an_unfiltered_form_has_no_filters_line(tiny: Path, tmp_path: Path) -> None:
    assert not [line for line in make_form(tiny, tmp_path) if line.startswith("Lọc theo")]


def test_a_unit_form_names_the_unit_not_a_filter(tiny: Path, tmp_path: Path) -> None:
    text = make_form(tiny, tmp_path, "--unit", "so tu phap")
    assert "Đơn vị báo cáo: Sở Tư pháp" in text
    assert not [line for line in text if line.startswith("Lọc theo")]


def test_the_form_ends_with_its_signature_block(tiny: Path, tmp_path: Path) -> None:
    text = make_form(tiny, tmp_path)
    foot = text[text.index("Tổng cộng") :]
    today = local_today()
    assert signed_at("Hải Phòng", today, "vi") in foot
    for words in ("Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)",
                  "(Ký, ghi rõ họ tên, đóng dấu)"):  # fmt: skip
        assert words in foot, words


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (date(2026, 2, 5), "Hải Phòng, ngày 05 tháng 02 năm 2026"),
        (date(2026, 12, 2), "Hải Phòng, ngày 02 tháng 12 năm 2026"),
        (date(2025, 8, 20), "Hải Phòng, ngày 20 tháng 8 năm 2025"),
    ],
)
def test_place_and_date_as_documents_write_them(day: date, written: str) -> None:
    assert signed_at("Hải Phòng", day, "vi") == written


@pytest.mark.usefixtures("fresh_caches")
def test_the_biểu_page_names_its_filters(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    from tests.test_app_shell import start_app

    app = start_app(monkeypatch, tiny, period="Tùy chọn", dates=["2025-07-10", "2025-07-20"])
    app.switch_page("app_pages/bieu_06a.py").run()
    assert not app.exception
    assert not [c for c in app.caption if c.value.startswith("Lọc theo")]
    app.pills(key="channel").set_value([2]).run()
    assert not app.exception
    assert "Lọc theo: Kênh nộp: Trực tuyến" in [c.value for c in app.caption]
