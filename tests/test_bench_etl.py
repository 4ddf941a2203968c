"""benchmarks/bench_etl.py runs to its end with a work directory and a result file outside
the project, in directories that do not exist yet, on a tiny input (no timing is asserted:
only that the run finishes and prints the line other tools read)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from etl.settings import PROJECT_ROOT

RATIO_LINE = re.compile(r"^ratio ETL / bare: \d+\.\d\d \(target ≤ 1\.5\)", re.MULTILINE)


def run_bench(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "benchmarks/bench_etl.py", "--records", "300", "--files", "2", *args],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip


def test_a_workdir_and_result_file_elsewhere_do_not_fail_the_end(tmp_path: Path) -> None:
    result = tmp_path / "not" / "yet" / "bench_etl.json"
    done = run_bench("--workdir", str(tmp_path / "work"), "--json", str(result))
    assert done.returncode == 0, done.stderr[-2000:]
    assert RATIO_LINE.search(done.stdout), done.stdout
    assert done.stdout.rstrip().endswith(f"written to {result}")
    assert json.loads(result.read_text(encoding="utf-8"))["records"] == 300
