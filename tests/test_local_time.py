"""Every time a file or the report states (Thời điểm xuất, Lập lúc) is Asia/Ho_Chi_Minh, whatever
the server's own zone: each command runs in a subprocess whose TZ is UTC or Los Angeles (7 and
14-15 hours behind Việt Nam), and the stamp it writes is compared with Việt Nam's clock. The
load log's times are checked the same way in tests/test_etl_dates.py."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import fastexcel
import pytest

from etl.dates import LOCAL_ZONE
from etl.settings import PROJECT_ROOT
from present.strings import t
from reports.render import chromium_available

ZONES = ["UTC", "America/Los_Angeles"]
# The command runs within this of the test's own clock reading; the zones differ by hours.
SLACK = timedelta(minutes=10)


def vietnam_now() -> datetime:
    return datetime.now(ZoneInfo(LOCAL_ZONE)).replace(tzinfo=None)


def run_reports(warehouse: Path, zone: str, *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "reports", *args],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=300,
        env=os.environ | {"WAREHOUSE_PATH": str(warehouse), "TZ": zone},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


def stated_time(text: str) -> datetime:
    return datetime.strptime(text.strip(), "%d/%m/%Y %H:%M")


@pytest.mark.parametrize("zone", ZONES)
@pytest.mark.parametrize("command", ["league-table", "bieu-06a"])
def test_exported_at_is_vietnam_time(tiny: Path, tmp_path: Path, zone: str, command: str) -> None:
    out = tmp_path / "ra.xlsx"
    run_reports(
        tiny, zone, command, "--from", "2025-07-10", "--to", "2025-07-20", "--out", str(out)
    )
    now = vietnam_now()
    label = t("export.made_at", "vi")
    sheets = fastexcel.read_excel(out.read_bytes())
    cells = [
        row
        for name in sheets.sheet_names
        for row in sheets.load_sheet(name, header_row=None).to_polars().rows()
    ]
    [stamp] = [row[1] for row in cells if row[0] == label]
    assert abs(stated_time(stamp) - now) < SLACK, (zone, stamp, now)


@pytest.mark.skipif(not chromium_available(), reason="no Chromium (apt-get install chromium)")
@pytest.mark.parametrize("zone", ZONES)
def test_report_made_at_is_vietnam_time(tiny: Path, tmp_path: Path, zone: str) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf is in requirements-dev.txt")
    out = tmp_path / "bao-cao.pdf"
    run_reports(tiny, zone, "pdf", "--from", "2025-07-10", "--to", "2025-07-20", "--out", str(out))
    now = vietnam_now()
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(out).pages)
    prefix = t("report.made", "vi", at="")
    assert prefix in text
    stamp = text.split(prefix, 1)[1][: len("02/12/2026 00:43")]
    assert abs(stated_time(stamp) - now) < SLACK, (zone, stamp, now)
