"""The load's phase timing (etl/timing.py), which bench_etl.py prints: each phase counted once
(a phase inside another is taken out of it), written only when asked for, and a load timed or
not stores exactly the same warehouse. No timing is asserted: a given clock, or only which
phases are reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl.load import load_files
from etl.timing import ENV, PHASES, PhaseTimes
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_catalog, write_csv


class Ticks:
    """A clock that moves one second each time it is read."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


def test_a_phase_inside_another_is_taken_out_of_it() -> None:
    times = PhaseTimes(clock=Ticks())
    # The clock reads 1 as validation starts, 2 as matching starts, 3 as it ends, 4 at the end.
    with times.phase("validate"), times.phase("match_units"):
        pass
    assert times.seconds["validate"] == 2.0  # 1 → 2 and 3 → 4
    assert times.seconds["match_units"] == 1.0  # 2 → 3
    assert sum(times.seconds.values()) == 3.0  # the 1 → 4 of the outer block, counted once
    with pytest.raises(ValueError, match="unknown phase"), times.phase("lunch"):
        pass


def _files(tmp_path: Path) -> list[Path]:
    records = [application(f"H{i}", unit="Phường Hồng Bàng") for i in range(5)]
    records.append(application("BAD", unit="Phường Không Có"))  # one rejection too
    return [write_catalog(tmp_path), write_csv(tmp_path / "ho-so.csv", table(records, VI_LABELS))]


def _contents(db: Path) -> list[tuple]:
    return query(db, "select * from applications order by all") + query(
        db, "select reason, detail from rejected_rows order by all"
    )


def test_a_timed_load_reports_every_phase_and_stores_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, timed_db, out = tmp_path / "plain.duckdb", tmp_path / "timed.duckdb", tmp_path / "t.json"
    monkeypatch.delenv(ENV, raising=False)
    load_files(_files(tmp_path), plain, fresh=True)
    assert not out.exists()
    monkeypatch.setenv(ENV, str(out))
    load_files(_files(tmp_path), timed_db, fresh=True)
    seconds = json.loads(out.read_text(encoding="utf-8"))
    assert list(seconds) == list(PHASES)
    assert all(value >= 0 for value in seconds.values())
    assert _contents(timed_db) == _contents(plain)
    assert query(timed_db, "select count(*) from rejected_rows") == [(1,)]
