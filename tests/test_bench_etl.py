"""benchmarks/bench_etl.py runs to its end with a work directory and a result file outside
the project, in directories that do not exist yet, on a tiny input (no timing is asserted:
only that the run finishes, prints the line other tools read and the load's phases)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from etl.settings import PROJECT_ROOT
from etl.timing import PHASES

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
    # The load's phases follow the ratio line, each in seconds and as a multiple of the bare ingest.
    after = done.stdout[RATIO_LINE.search(done.stdout).end() :]
    for name in (*PHASES, "startup"):
        assert re.search(rf"^\| {name} \| \d+\.\d\d \| \d+\.\d\d \|$", after, re.MULTILINE), name
    assert done.stdout.rstrip().endswith(f"written to {result}")
    saved = json.loads(result.read_text(encoding="utf-8"))
    assert saved["records"] == 300
    assert list(saved["phases"]) == [*PHASES, "startup"]
