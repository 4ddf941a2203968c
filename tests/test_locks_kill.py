"""A load killed while it writes leaves no trace under a lock (DATA_SPEC §2: all or nothing):
the changes it would have recorded are in its own transaction, on its private copy. The next
load records them. The kill waits for the load to say it is writing (ETL_LOG=INFO), not for a
time."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from metrics.locks import lock_period
from tests.conftest import query
from tests.exports import SYNC_LABELS, application, table, write_csv
from tests.test_etl_atomic import PROJECT, _big_export, _sha

BIG_ROWS = 200_000
PERIOD = (date(2025, 7, 1), date(2025, 7, 1))  # every application of the exports is of 1/7


def _load(db: Path, export: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(export), "--db", str(db)],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env=os.environ | {"ETL_LOG": "INFO"},
    )  # fmt: skip


def test_a_load_killed_while_writing_records_no_change_under_the_lock(tmp_path: Path, load) -> None:
    load(write_csv(tmp_path / "first.csv", table([application("A-1")], SYNC_LABELS)))
    db = load.db
    lock_period(*PERIOD, by="Quản trị", db_path=db)
    big = _big_export(tmp_path / "big.csv", "K-", BIG_ROWS)
    before = _sha(db)
    process = _load(db, big)
    assert process.stderr is not None
    for line in process.stderr:
        if "phase write" in line:
            break
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL, "the load ended before it could be killed"
    assert _sha(db) == before
    assert query(db, "select count(*) from lock_changes") == [(0,)]
    again = _load(db, big)
    _, errors = again.communicate(timeout=300)
    assert again.returncode == 0, errors
    # Every new application of 1/7 changes the locked day's figures, each noted once.
    assert query(db, "select count(*), count(distinct application_id) from lock_changes") == [
        (BIG_ROWS, BIG_ROWS)
    ]
