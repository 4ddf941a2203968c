"""The result never depends on the order of files, in one command or across commands, nor on
the order of rows in a file (DATA_SPEC §1.1): exports of the same applications at different
dates, loaded in any order and split, give the same `applications` and the same summaries as
one load of everything, and the day-by-day summary refresh equals a full rebuild."""

from __future__ import annotations

import random
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import summaries
from etl.load import load_files
from etl.schema import SUMMARY_COLUMNS
from tests.conftest import query
from tests.exports import SYNC_LABELS, VI_LABELS, application, table, write_catalog, write_csv

SUMMARIES = tuple(SUMMARY_COLUMNS)  # every summary table (etl/schema.py)
LABELS = {
    "vi": {
        **VI_LABELS,
        "returned_at": "Ngày trả kết quả",
        "supplement_count": "Số lần bổ sung",
        "supplement_requested_at": "Ngày yêu cầu bổ sung",
        "supplement_done_at": "Ngày công dân bổ sung",
    },
    "sync": {
        **SYNC_LABELS,
        "returned_at": "NgayTra",
        "supplement_count": "SoLanBoSung",
        "supplement_requested_at": "NgayYeuCauBoSung",
        "supplement_done_at": "NgayCongDanBoSung",
    },
}
DATE_FORMATS = {"vi": "%d/%m/%Y %H:%M", "sync": "%Y-%m-%dT%H:%M:%S"}
SUPPLEMENT_FIELDS = ("supplement_count", "supplement_requested_at", "supplement_done_at")
START = datetime(2025, 7, 1, 8, 0)
UNITS = ("Phường Hồng Bàng", "Xã Cẩm Giàng", "31.STP")
PROCEDURES = ("1.001193", "2.000815", "1.013225")


@dataclass(frozen=True)
class Life:
    """A believable life: received, in progress, maybe waiting for a supplement, then
    finished and perhaps returned, or closed, or still open at the end."""

    app_id: str
    unit: str
    procedure: str
    channel: int
    received: datetime
    due: datetime
    supplement: tuple[datetime, datetime] | None  # requested, done
    end: tuple[int, datetime] | None  # (9 or 3/7/8, when)
    returned: datetime | None

    def state(self, at: datetime) -> dict[str, object] | None:
        """The record as an export taken at `at` lists it (None before it was received)."""
        if at < self.received:
            return None
        row: dict[str, object] = {
            "status": 2 if at - self.received < timedelta(hours=4) else 4,
            "finished_at": None,
            "returned_at": None,
            "supplement_count": 0,
            "supplement_requested_at": None,
            "supplement_done_at": None,
        }
        if self.supplement and self.supplement[0] <= at:
            row.update(status=5, supplement_count=1, supplement_requested_at=self.supplement[0])
            if self.supplement[1] <= at:
                row.update(status=4, supplement_done_at=self.supplement[1])
        if self.end and self.end[1] <= at:
            row.update(status=self.end[0], finished_at=self.end[1])
            if self.returned and self.returned <= at:
                row.update(status=10, returned_at=self.returned)
        return row


@st.composite
def lives(draw: st.DrawFn, index: int) -> Life:
    received = START + timedelta(days=draw(st.integers(0, 20)), hours=draw(st.integers(0, 8)))
    hours = st.integers(1, 24 * 12)
    supplement = None
    if draw(st.booleans()):
        asked = received + timedelta(hours=draw(hours))
        supplement = (asked, asked + timedelta(hours=draw(hours)))
    after = supplement[1] if supplement else received
    ending = draw(st.sampled_from([None, 9, 9, 9, 3, 7, 8]))
    end = (ending, after + timedelta(hours=draw(hours))) if ending else None
    returned = None
    if end and ending == 9 and draw(st.booleans()):
        returned = end[1] + timedelta(hours=draw(hours))
    return Life(
        f"H31.11311-2507{index:02d}-0001",
        draw(st.sampled_from(UNITS)),
        draw(st.sampled_from(PROCEDURES)),
        draw(st.integers(1, 3)),
        received,
        received + timedelta(days=draw(st.integers(0, 10))),
        supplement,
        end,
        returned,
    )


@dataclass(frozen=True)
class Export:
    """One file: the applications it lists at `at`, in a layout, rows in some order."""

    at: datetime
    listed: tuple[int, ...]
    layout: str  # "vi" or "sync"
    supplements: bool  # the file has the supplement columns
    row_seed: int
    repeat: int | None  # an application listed again in an earlier state of the same file


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[Life], list[Export]]:
    count = draw(st.integers(1, 5))
    apps = [draw(lives(i)) for i in range(count)]
    times = sorted(draw(st.sets(st.integers(0, 60), min_size=2, max_size=4)))
    exports = [
        Export(
            START + timedelta(days=day, hours=10),
            tuple(draw(st.lists(st.integers(0, count - 1), min_size=1, unique=True))),
            draw(st.sampled_from(["vi", "sync"])),
            draw(st.booleans()),
            draw(st.integers(0, 2**16)),
            draw(st.none() | st.integers(0, count - 1)),
        )
        for day in times
    ]
    return apps, exports


def _row(life: Life, state: dict[str, object], export: Export) -> dict[str, str]:
    fmt = DATE_FORMATS[export.layout]
    row = application(
        life.app_id,
        unit=life.unit,
        procedure_code=life.procedure,
        channel=str(life.channel),
        received_at=life.received.strftime(fmt),
        due_at=life.due.strftime(fmt),
    )
    for key, value in state.items():
        row[key] = value.strftime(fmt) if isinstance(value, datetime) else str(value or "")
    if not export.supplements:
        for key in SUPPLEMENT_FIELDS:
            row.pop(key)
    return row


def write_export(folder: Path, index: int, apps: list[Life], export: Export) -> Path:
    rows = []
    for i in export.listed:
        state = apps[i].state(export.at)
        if state is not None:
            rows.append(_row(apps[i], state, export))
    if export.repeat is not None:
        # The same application again, as it stood a week earlier: the later state must win
        # wherever the row stands in the file.
        earlier = apps[export.repeat].state(export.at - timedelta(days=7))
        if earlier is not None:
            rows.append(_row(apps[export.repeat], earlier, export))
    if not rows:  # an export lists at least its header
        rows.append(_row(apps[0], apps[0].state(apps[0].received) or {}, export))
    random.Random(export.row_seed).shuffle(rows)
    name = f"ho-so_{index}_{export.at:%Y%m%d}.csv"
    return write_csv(folder / name, table(rows, LABELS[export.layout]))


def _state(db: Path) -> dict[str, list]:
    tables = ("applications", *SUMMARIES)
    return {t: query(db, f"select * from {t} order by all") for t in tables}  # noqa: S608


def _rebuilt_summaries(db: Path, copy: Path) -> dict[str, list]:
    shutil.copyfile(db, copy)
    with duckdb.connect(str(copy)) as con:
        summaries.refresh(con)
    return {t: query(copy, f"select * from {t} order by all") for t in SUMMARIES}  # noqa: S608


def _commands(files: list[Path], order_seed: int, cuts: list[int]) -> list[list[Path]]:
    shuffled = list(files)
    random.Random(order_seed).shuffle(shuffled)
    bounds = sorted({0, len(shuffled), *(c % (len(shuffled) + 1) for c in cuts)})
    return [shuffled[a:b] for a, b in zip(bounds, bounds[1:], strict=False) if shuffled[a:b]]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    scenario=scenarios(),
    order_seed=st.integers(0, 2**16),
    cuts=st.lists(st.integers(0, 8), max_size=3),
)
def test_any_order_and_split_of_exports_gives_the_same_warehouse(
    scenario: tuple[list[Life], list[Export]], order_seed: int, cuts: list[int]
) -> None:
    apps, exports = scenario
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        catalog = write_catalog(root)
        files = [write_export(root, i, apps, export) for i, export in enumerate(exports)]
        reference = root / "reference.duckdb"
        load_files([catalog, *files], reference)
        expected = _state(reference)

        db = root / "warehouse.duckdb"
        for index, command in enumerate(_commands(files, order_seed, cuts)):
            # The catalog only once: later commands refresh the summaries day by day.
            load_files([catalog, *command] if index == 0 else command, db)
        assert _state(db) == expected
        assert _rebuilt_summaries(db, root / "rebuilt.duckdb") == {
            t: expected[t] for t in SUMMARIES
        }
        # Loading everything again, in yet another order, changes nothing.
        load_files(list(reversed(files)), db)
        assert _state(db) == expected


# The example and its neighbours, by hand: July lists an application in progress,
# August returned, September again (a stale re-listing from a system that lags).
def _monthly(tmp_path: Path) -> list[Path]:
    july = [
        application("A-1", status="4", finished_at=""),
        application("A-2", status="4", finished_at=""),
    ]
    august = [
        application("A-1", status="10", finished_at="05/07/2025 10:00"),
        application("A-2", status="9", finished_at="20/07/2025 10:00"),
    ]
    september = [application("A-1", status="4", finished_at="")]
    return [
        write_csv(tmp_path / f"ho-so_2025-{month}.csv", table(rows, VI_LABELS))
        for month, rows in (("07", july), ("08", august), ("09", september))
    ]


ORDERS = [(0, 1, 2), (2, 1, 0), (1, 0, 2), (2, 0, 1)]


@pytest.mark.parametrize("order", ORDERS)
@pytest.mark.parametrize("split", [False, True], ids=["one-command", "one-command-per-file"])
def test_july_august_september_in_any_order(tmp_path: Path, load, order, split: bool) -> None:
    files = [_monthly(tmp_path)[i] for i in order]
    if split:
        for index, path in enumerate(files):
            load(path, with_catalog=index == 0)
    else:
        load(*files)
    assert query(load.db, "select application_id, status from applications order by 1") == [
        ("A-1", 10),
        ("A-2", 9),
    ]
    assert query(load.db, "select sum(resolved), sum(received) from daily_activity") == [(2, 2)]


def test_on_a_tie_an_ended_state_beats_an_open_one(tmp_path: Path, load) -> None:
    """Refused on the day of receipt (3, no later timestamp) against in progress (4): the
    same as_of, and the ended state wins whichever file comes first."""
    open_ = write_csv(
        tmp_path / "a.csv", table([application("A-1", status="4", finished_at="")], VI_LABELS)
    )
    closed = write_csv(
        tmp_path / "b.csv", table([application("A-1", status="3", finished_at="")], VI_LABELS)
    )
    load(closed, open_)
    first = query(load.db, "select status, as_of, ended_on from applications")
    load(open_, with_catalog=False)
    load(closed, with_catalog=False)
    assert query(load.db, "select status, as_of, ended_on from applications") == first
    assert first[0][0] == 3


def test_an_older_export_loaded_later_does_not_undo_a_newer_one(tmp_path: Path, load) -> None:
    july, august, _ = _monthly(tmp_path)
    load(august)
    (result,) = load(july, with_catalog=False)
    assert (result.rows_loaded, result.parts[0].rows_outdated) == (2, 2)
    assert query(load.db, "select application_id, status from applications order by 1") == [
        ("A-1", 10),
        ("A-2", 9),
    ]


@pytest.mark.parametrize("newer_first", [True, False])
def test_versions_in_one_file_keep_the_later_state_wherever_it_stands(
    tmp_path: Path, load, newer_first: bool
) -> None:
    rows = [application("A-1", status="4", finished_at=""), application("A-1", status="10")]
    if newer_first:
        rows.reverse()
    (result,) = load(write_csv(tmp_path / "h.csv", table(rows, VI_LABELS)))
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (2, 1, 1)
    assert query(load.db, "select status from applications") == [(10,)]
    older_row = 2 if newer_first else 1
    assert query(load.db, "select row_number, reason from rejected_rows") == [
        (older_row + 1, "superseded_in_file")
    ]
