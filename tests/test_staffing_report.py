"""`python -m reports workload`: the unit × field workload table as XLSX, the same numbers
as the page (hand-computed in test_staffing_workload.py); errors as one `Lỗi: …` line. And the
staffing section of the A4 PDF (read back with pdftotext), scoped like the rest of the report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from etl.settings import PROJECT_ROOT
from metrics.access import Access
from metrics.connection import snapshot
from present import format as fmt
from present.report import ReportMetrics, build_report, gather
from present.strings import t
from present.view import View
from present.workload import REPORT_UNITS
from reports.document_html import report_pdf
from reports.pdf_command import load_report_view
from reports.render import chromium_available
from tests.small_warehouse import build_small_warehouse

PERIOD = ["--from", "2025-07-10", "--to", "2025-07-20"]
REPORT_PERIOD = (date(2025, 8, 1), date(2025, 8, 20))


def _run(warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reports", "workload", *args],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=180,
        env=os.environ | {"WAREHOUSE_PATH": str(warehouse)},
    )  # fmt: skip


def test_the_workload_file_has_the_hand_computed_values(tiny: Path, tmp_path: Path) -> None:
    out = tmp_path / "can-bo.xlsx"
    done = _run(tiny, *PERIOD, "--out", str(out))
    assert done.returncode == 0, done.stderr
    raw = pl.read_excel(out, has_header=False, infer_schema_length=0)
    top = next(i for i, row in enumerate(raw.iter_rows()) if row[0] == "Mã đơn vị")
    names = [str(v) for v in raw.row(top)]
    table = pl.DataFrame(raw.slice(top + 1).rows(), schema=names, orient="row")
    rows = {
        (r["Mã đơn vị"], r["Lĩnh vực"]): (
            int(float(r["Công chức hiện có"])),
            int(float(r["Cần giải quyết"])),
        )
        for r in table.to_dicts()
    }
    assert rows == {
        ("00001", "Chứng thực"): (1, 2),
        ("00001", "Hộ tịch"): (1, 2),
        ("00002", "Chứng thực"): (2, 2),
        ("00002", "Hộ tịch"): (1, 2),
        ("31.STP", "Đất đai"): (5, 1),
    }
    per = {(r["Mã đơn vị"], r["Lĩnh vực"]): r["Cần giải quyết/công chức"] for r in table.to_dicts()}
    assert per[("00002", "Chứng thực")] == "1,0"


def test_a_warehouse_without_staffing_is_one_vietnamese_line(tiny: Path, tmp_path: Path) -> None:
    empty = tmp_path / "w.duckdb"
    shutil.copy(tiny, empty)
    with duckdb.connect(str(empty)) as con:
        con.execute("delete from staffing")
    done = _run(empty, *PERIOD, "--out", str(tmp_path / "x.xlsx"))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == t("cli.error", "vi", message=t("cli.no_staffing", "vi")) + "\n"
    assert not (tmp_path / "x.xlsx").exists()


def _pdf_text(view: View, metrics: ReportMetrics, out: Path) -> str:
    """The A4 PDF of this view, as pdftotext reads it (one line per table row)."""
    out.write_bytes(report_pdf(build_report(view, metrics, datetime(2025, 8, 21, 7, 0))))
    done = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r" {2,}", "  ", done.stdout)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not chromium_available() or not shutil.which("pdftotext"):
        pytest.skip("the PDF needs /usr/bin/chromium and pdftotext (apt-get install poppler-utils)")
    return build_small_warehouse(tmp_path_factory.mktemp("small") / "warehouse.duckdb")


def test_the_pdf_has_the_staffing_section(small: Path, tmp_path: Path) -> None:
    view, metrics = load_report_view(small, *REPORT_PERIOD, [], "vi")
    text = _pdf_text(view, metrics, tmp_path / "city.pdf")
    staffing = text[text.index(t("workload.report.far_title", "vi")) :]
    summary = metrics.staffing
    assert summary is not None and str(summary.as_of) == "2025-08-20"
    far = summary.units.filter(pl.col("far_above"))
    top = far.row(0, named=True)  # the busiest unit far above the median, with its ratio
    assert f"{top['name']}  {fmt.decimal(top['to_handle_per_official'], 'vi')}" in staffing
    shown = min(far.height, REPORT_UNITS)
    assert f"{shown} đơn vị cao nhất trong {far.height} đơn vị (trên 114)" in staffing
    # Requests against candidates by field, with the seed article's totals.
    assert t("workload.chart.requests", "vi") in staffing
    assert "Tổng cộng  250  53  197" in staffing


def test_a_commune_account_s_pdf_shows_only_its_unit_s_staffing(
    small: Path, tmp_path: Path
) -> None:
    city, city_metrics = load_report_view(small, *REPORT_PERIOD, [], "vi")
    assert city_metrics.staffing is not None
    far = city_metrics.staffing.units.filter(pl.col("far_above"))
    own = far.row(-1, named=True)  # a busy commune, whose requests the city report lists
    access = Access("commune", unit_codes=(own["unit_code"],))
    view = replace(city, filters=replace(city.filters, access=access))
    with snapshot(small) as con:
        metrics = gather(con, view.filters, view.freshness.data_start)
    text = _pdf_text(view, metrics, tmp_path / "commune.pdf")
    staffing = text[text.index(t("workload.report.far_title", "vi")) :]
    assert "(trên 1)" in staffing  # one unit ranked: its own
    requests = fmt.number(own["transfer_requests"], "vi")
    candidates = fmt.number(own["candidates"], "vi")
    assert f"Tổng cộng  {requests}  {candidates}" in staffing
    others = [name for name in far.get_column("name") if name != own["name"]]
    assert others and not [name for name in others if name in staffing]
