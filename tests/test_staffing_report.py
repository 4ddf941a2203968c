"""`python -m reports workload`: the unit × field workload table as XLSX, the same numbers
as the page (hand-computed in test_staffing_workload.py); errors as one `Lỗi: …` line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import polars as pl

from etl.settings import PROJECT_ROOT
from present.strings import t

PERIOD = ["--from", "2025-07-10", "--to", "2025-07-20"]


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
