"""`python -m reports pdf`: an A4 PDF of two pages whose text carries the period and the KPI
values the metrics give, in correct Vietnamese. Needs Debian's Chromium (kaleido and the
print both use it); skipped with a clear reason without it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from present import format as fmt
from present.cards import CARDS, format_value
from reports.render import chromium_available
from tests.small_warehouse import build_small_warehouse

pypdf = pytest.importorskip("pypdf", reason="pypdf is in requirements-dev.txt")
if not chromium_available():
    pytest.skip(
        "no Chromium: the PDF is drawn by /usr/bin/chromium (apt-get install chromium)",
        allow_module_level=True,
    )

ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts"
A4_POINTS = (595, 842)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("small") / "warehouse.duckdb")


def make_pdf(warehouse: Path, out: Path, *args: str) -> list[str]:
    """Run the CLI; return each page's text."""
    result = subprocess.run(
        [sys.executable, "-m", "reports", "pdf", *args, "--out", str(out)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False,
        env=os.environ | {"WAREHOUSE_PATH": str(warehouse)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    reader = pypdf.PdfReader(out)
    for page in reader.pages:
        assert tuple(round(v) for v in page.mediabox.upper_right) == A4_POINTS
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_city_report_has_two_pages_with_the_period_and_the_metrics_then_topics(small: Path) -> None:
    """Two pages of KPIs, units and fields, then the topic sections (agencies: issue 12;
    staffing: issue 16; QĐ 766: issue 15) from page 3."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pages = make_pdf(small, ARTIFACTS / "bao-cao.pdf", "--from", "2025-08-01", "--to", "20/08/2025")
    assert len(pages) >= 3
    first, second, *topics = pages
    sections = "\n".join(topics)
    period = (date(2025, 8, 1), date(2025, 8, 20))
    with snapshot(small) as con:
        [now] = period_kpis(con, Filters(*period), [period])
    assert "Báo cáo tình hình giải quyết thủ tục hành chính" in first
    assert "Kỳ báo cáo: từ ngày 01/08/2025 đến ngày 20/08/2025" in first
    assert f"toàn thành phố tiếp nhận {fmt.number(now.count('received'), 'vi')} hồ sơ" in first
    for card in (card for card in CARDS if card.in_report):
        assert format_value(card.kind, card.value(now), "vi") in first, card.kpi
    assert "Nguồn: Hệ thống thông tin giải quyết TTHC, dữ liệu đến 31/08/2025" in first
    total = len(pages)
    assert f"Trang 1/{total}" in first and f"Trang 2/{total}" in second
    assert "Sở, ngành Hạng Đơn vị Tiếp nhận mới Đã giải quyết Tỷ lệ đúng hạn" in sections
    assert "10 phường, xã, đặc khu có tỷ lệ đúng hạn cao nhất" in second and "Lĩnh vực" in second
    assert "cao hơn nhiều trung vị" in sections and "Bộ chỉ số 766" in sections


def test_unit_report_names_the_unit_and_counts_only_it(small: Path, tmp_path: Path) -> None:
    pages = make_pdf(
        small, tmp_path / "r.pdf", "--from", "2025-08-01", "--to", "2025-08-20",
        "--unit", "Phường An Biên", "--lang", "en",
    )  # fmt: skip
    with snapshot(small) as con:
        code = con.sql(
            "select unit_code from units where name = ?", params=["Phường An Biên"]
        ).fetchall()[0][0]
        [now] = period_kpis(
            con,
            Filters(date(2025, 8, 1), date(2025, 8, 20), unit_codes=(code,)),
            [(date(2025, 8, 1), date(2025, 8, 20))],
        )
    text = " ".join(pages)
    assert "Scope: Phường An Biên" in text
    assert f"Phường An Biên received {fmt.number(now.count('received'), 'en')} applications" in text
