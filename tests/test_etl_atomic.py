"""All-or-nothing loads, and readers that never see a torn warehouse."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from tests.conftest import query
from tests.exports import SYNC_LABELS, application, table, write_csv

PROJECT = Path(__file__).resolve().parent.parent
# Large enough that a load takes a second or more on 2 cores, so a kill lands mid-load.
BIG_ROWS = 400_000


def _big_export(path: Path, prefix: str, rows: int = BIG_ROWS) -> Path:
    template = table([application("X")], SYNC_LABELS)
    header, values = template[0], template[1]
    frame = pl.DataFrame({h: [v] for h, v in zip(header, values, strict=True)}).select(
        pl.all().repeat_by(rows).explode()
    )
    frame = frame.with_columns(
        (pl.lit(prefix) + pl.int_range(rows).cast(pl.String)).alias("MaHoSo"),
    )
    frame.write_csv(path)
    return path


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def loaded_once(tmp_path: Path, load) -> Path:
    load(
        write_csv(
            tmp_path / "first.csv", table([application(f"A-{i}") for i in range(10)], SYNC_LABELS)
        )
    )
    return load.db


@pytest.mark.parametrize("delay", [0.0, 0.4, 1.0])
def test_killed_load_leaves_the_warehouse_as_it_was(
    tmp_path: Path, loaded_once: Path, delay: float
) -> None:
    big = _big_export(tmp_path / "big.csv", "K-")
    before = _sha(loaded_once)
    work = loaded_once.with_name(loaded_once.name + ".tmp")
    process = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(big), "--db", str(loaded_once)],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not work.exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL, "the load ended before it could be killed"
    assert _sha(loaded_once) == before
    assert query(loaded_once, "select count(*) from applications") == [(10,)]
    # The next load cleans up after the killed one and works.
    load_again = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(big), "--db", str(loaded_once)],
        cwd=PROJECT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert load_again.returncode == 0, load_again.stderr
    assert query(loaded_once, "select count(*) from applications") == [(10 + BIG_ROWS,)]


READER = """
import json, sys, time
from pathlib import Path
from metrics.connection import snapshot
db, stop = Path(sys.argv[1]), Path(sys.argv[2])
answers, errors = [], []
while not stop.exists():
    try:
        with snapshot(db) as con:
            apps = con.sql("select count(*) from applications").fetchall()[0][0]
            received = con.sql("select sum(received) from daily_activity").fetchall()[0][0]
        answers.append([apps, int(received)])
    except Exception as error:
        errors.append(repr(error))
print(json.dumps({"answers": answers, "errors": errors}))
"""


def test_reader_in_another_process_sees_old_or_new_state_never_an_error(
    tmp_path: Path, loaded_once: Path
) -> None:
    big = _big_export(tmp_path / "big.csv", "C-", rows=200_000)
    stop = tmp_path / "stop"
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(loaded_once), str(stop)],
        cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(PROJECT)},
    )  # fmt: skip
    time.sleep(1.0)
    for _ in range(2):  # the second load rewrites every row again (upsert)
        done = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(big), "--db", str(loaded_once)],
            cwd=PROJECT, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
    time.sleep(0.5)
    stop.touch()
    out, err = reader.communicate(timeout=60)
    result = json.loads(out)
    assert result["errors"] == []
    states = {tuple(answer) for answer in result["answers"]}
    assert states <= {(10, 10), (200_010, 200_010)}
    assert (10, 10) in states and (200_010, 200_010) in states
