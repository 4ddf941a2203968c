"""Faults during a load: killed in any phase, disk full, two loads at once. The warehouse is
always readable and equal to its state before or after the load; nothing is half-written."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import etl.warehouse_file
from etl.load import load_files
from tests.conftest import query
from tests.exports import SYNC_LABELS, application, table, write_csv
from tests.test_etl_atomic import _big_export

PROJECT = Path(__file__).resolve().parent.parent
TABLES = (
    "applications",
    "procedures",
    "rejected_rows",
    "load_log",
    "daily_activity",
    "overdue_ledger",
)
# 20 kill points spread over a load's phases (the phase logged last, then a pause in seconds).
KILL_POINTS = [
    ("copy", 0.0), ("copy", 0.02),
    ("read big-1.csv", 0.0), ("read big-1.csv", 0.1), ("read big-1.csv", 0.25),
    ("write big-1.csv", 0.0), ("write big-1.csv", 0.05), ("write big-1.csv", 0.15),
    ("committed big-1.csv", 0.0),
    ("read big-2.csv", 0.0), ("read big-2.csv", 0.2),
    ("write big-2.csv", 0.0), ("write big-2.csv", 0.1),
    ("committed big-2.csv", 0.0),
    ("summaries", 0.0), ("summaries", 0.02), ("summaries", 0.05),
    ("publish", 0.0), ("publish", 0.01),
    ("published", 0.0),
]  # fmt: skip


def _state(db: Path) -> dict[str, list]:
    return {t: query(db, f"select * from {t} order by all") for t in TABLES}  # noqa: S608


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A warehouse with one small load, two big export files, and the states before and
    after loading those files (the after state from an undisturbed load of a copy)."""
    folder = tmp_path_factory.mktemp("faults")
    from tests.exports import write_catalog

    before = folder / "before.duckdb"
    small = write_csv(
        folder / "small.csv", table([application(f"S-{i}") for i in range(5)], SYNC_LABELS)
    )
    load_files([write_catalog(folder), small], before)
    files = [
        _big_export(folder / "big-1.csv", "A-", 60_000),
        _big_export(folder / "big-2.csv", "B-", 60_000),
    ]
    after = folder / "after.duckdb"
    shutil.copyfile(before, after)
    load_files(files, after)
    return {
        "before": before,
        "files": files,
        "before_state": _state(before),
        "after_state": _state(after),
    }


def _without_load_times(state: dict[str, list]) -> dict[str, list]:
    """load_log rows carry wall-clock times; compare what was loaded, not when."""
    return {t: [row[:7] if t == "load_log" else row for row in rows] for t, rows in state.items()}


@pytest.mark.parametrize(("phase", "pause"), KILL_POINTS, ids=[f"{p}+{d}s" for p, d in KILL_POINTS])
def test_kill_in_any_phase_leaves_before_or_after(
    tmp_path: Path, scenario: dict, phase: str, pause: float
) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(scenario["before"], db)
    process = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", *map(str, scenario["files"]), "--db", str(db)],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "ETL_LOG": "INFO"},
    )  # fmt: skip
    assert process.stderr is not None
    seen = False
    for line in process.stderr:
        # The progress bar shares stderr without newlines: the phase is what ends the line.
        if line.rstrip("\n").rsplit("etl: phase ", 1)[-1] == phase and "etl: phase " in line:
            seen = True
            break
    assert seen, f"the load never reached phase {phase!r}"
    time.sleep(pause)
    process.send_signal(signal.SIGKILL)
    code = process.wait(timeout=60)
    assert code == -signal.SIGKILL or phase == "published", "the load ended before the kill"
    state = _without_load_times(_state(db))
    assert state in (
        _without_load_times(scenario["before_state"]),
        _without_load_times(scenario["after_state"]),
    )
    # A killed load leaves at most its private copy behind; the next load clears it.
    leftovers = {p.name for p in tmp_path.iterdir()} - {"warehouse.duckdb", "warehouse.duckdb.lock"}
    assert leftovers <= {"warehouse.duckdb.tmp", "warehouse.duckdb.tmp.wal"}


def _mount_small_filesystem(path: Path, size: str) -> bool:
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    return done.returncode == 0


def test_disk_full_fails_with_a_clear_message_and_keeps_the_warehouse(
    tmp_path: Path, scenario: dict
) -> None:
    disk = tmp_path / "disk"
    if not _mount_small_filesystem(disk, "6m"):
        pytest.skip("mounting a small tmpfs needs root (CI runs as root)")
    try:
        db = disk / "warehouse.duckdb"
        shutil.copyfile(scenario["before"], db)
        before = _state(db)
        run = subprocess.run(
            [sys.executable, "-m", "etl", "load", *map(str, scenario["files"]), "--db", str(db)],
            cwd=PROJECT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert run.returncode != 0
        assert "hết dung lượng đĩa" in run.stderr and "giữ nguyên" in run.stderr, run.stderr
        assert "Traceback" not in run.stderr
        assert _state(db) == before
        assert not (disk / "warehouse.duckdb.tmp").exists()
    finally:
        subprocess.run(["umount", str(disk)], check=False)


def test_disk_full_while_copying_is_reported_and_cleaned_up(
    tmp_path: Path, scenario: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Injected: the copy that starts every load fails with ENOSPC (for machines where a small
    filesystem cannot be mounted)."""
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(scenario["before"], db)

    def full_disk(source: Path, target: Path) -> None:
        Path(target).write_bytes(b"partial")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))

    monkeypatch.setattr(etl.warehouse_file.shutil, "copyfile", full_disk)
    from etl.__main__ import plain_error

    with pytest.raises(OSError) as raised:
        load_files(scenario["files"], db)
    assert "hết dung lượng đĩa" in plain_error(raised.value)
    assert _state(db) == scenario["before_state"]
    assert not (tmp_path / "warehouse.duckdb.tmp").exists()


def test_two_loads_at_once_one_waits_and_both_land(tmp_path: Path, scenario: dict) -> None:
    db = tmp_path / "warehouse.duckdb"
    shutil.copyfile(scenario["before"], db)
    first, second = scenario["files"]
    command = [sys.executable, "-m", "etl", "load"]
    runs = [
        subprocess.Popen([*command, str(path), "--db", str(db)], cwd=PROJECT,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for path in (first, second)
    ]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert any("chờ" in err for _, err in outputs)  # the later one said it was waiting
    assert query(db, "select count(*) from applications") == [(5 + 60_000 + 60_000,)]
    assert query(db, "select sum(received) from daily_activity") == [(5 + 60_000 + 60_000,)]
