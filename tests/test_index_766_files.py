"""Bộ chỉ số 766's files (issue 15): the page's ranking is what `python -m reports index-766`
writes for the same view (CSV and XLSX under the usual header block), `--unit` keeps the
unit's row with its city-wide rank, and the A4 PDF carries the section. On the small sample
warehouse (August 2025, 3% of the city: enough applications for units to be ranked)."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import fastexcel
import pytest

from reports.__main__ import main
from reports.render import chromium_available
from tests.small_warehouse import build_small_warehouse
from tests.test_app_shell import start_app

PAGE = "app_pages/index_766.py"
AUGUST = ["--from", "2025-08-01", "--to", "31/08/2025"]
# The columns the screen shows as text, which the file must repeat word for word.
TEXT_COLUMNS = ("Hạng", "Mã đơn vị", "Đơn vị", "Điểm", "Tối đa", "Mất nhiều điểm nhất ở")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("small766") / "warehouse.duckdb")


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))


@pytest.mark.usefixtures("fresh_caches")
def test_the_ranking_file_is_the_ranking_on_screen(
    monkeypatch: pytest.MonkeyPatch, small: Path, tmp_path: Path
) -> None:
    app = start_app(monkeypatch, small)  # "this month": August 2025
    app.switch_page(PAGE).run()
    assert not app.exception
    communes = next(
        frame.value for frame in app.dataframe if "Hạng" in frame.value.columns
    )  # the first ranking: wards and communes
    assert len(communes) > 10
    labels = [button.label for button in app.get("download_button")]
    assert labels.count("Tải CSV") >= 3 and labels.count("Tải Excel") >= 3
    out = tmp_path / "chi-so-766.csv"
    assert main(["index-766", *AUGUST, "--warehouse", str(small), "--out", str(out)]) == 0
    written = _csv(out)[: len(communes)]
    for column in TEXT_COLUMNS:
        assert [row[column] for row in written] == communes[column].astype(str).tolist(), column


def test_the_xlsx_has_the_header_block_and_unit_keeps_its_city_rank(
    small: Path, tmp_path: Path
) -> None:
    every = tmp_path / "all.csv"
    main(["index-766", *AUGUST, "--warehouse", str(small), "--out", str(every)])
    first = _csv(every)[0]
    out = tmp_path / "one.xlsx"
    code = first["Mã đơn vị"]
    args = ["index-766", *AUGUST, "--unit", code, "--warehouse", str(small), "--out", str(out)]
    assert main(args) == 0
    top = fastexcel.read_excel(out).load_sheet(0, header_row=None).to_polars().rows()
    assert top[0][:2] == ("Nội dung", "Bộ chỉ số 766 theo đơn vị")
    assert any("Từ ngày 01/08/2025" in str(cell) for row in top for cell in row)
    header_at = next(i for i, row in enumerate(top) if row[0] == "Hạng")
    [row] = top[header_at + 1 :]
    assert (row[0], row[1]) == (first["Hạng"], code)  # rank 1 among all, not among one


@pytest.mark.skipif(not chromium_available(), reason="no Chromium (apt-get install chromium)")
def test_the_pdf_report_has_the_766_section(small: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "r.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "reports", "pdf", *AUGUST, "--out", str(out)],
        capture_output=True, text=True, check=False,
        env=os.environ | {"WAREHOUSE_PATH": str(small)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    assert "Bộ chỉ số 766 (các nhóm tính được)" in text
    assert "2.1 Tiến độ giải quyết (không quá hạn)" in text
    assert "không phải điểm chính thức" in text
