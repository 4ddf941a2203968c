"""Dates never load as other dates: two-digit years, implausible years, dates after the load,
and zones (DATA_SPEC §1), through files loaded for real."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import polars as pl
import pytest

from etl.dates import LOCAL_ZONE, local_today
from tests.conftest import query
from tests.exports import SYNC_LABELS, VI_LABELS, application, table, write_catalog, write_csv

PROJECT = Path(__file__).resolve().parent.parent


def _load_one(tmp_path: Path, load, labels: dict[str, str] = VI_LABELS, **values: str):
    rows = [application("A-1", **values)]
    (result,) = load(write_csv(tmp_path / "ho-so.csv", table(rows, labels)))
    return result


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("01/09/25 09:00", datetime(2025, 9, 1, 9, 0)),
        ("01/09/25 09:00:30", datetime(2025, 9, 1, 9, 0, 30)),
        ("01/09/25", datetime(2025, 9, 1)),
        ("1/9/25", datetime(2025, 9, 1)),
        ("1/9/25 9:05", datetime(2025, 9, 1, 9, 5)),
        ("01-09-25", datetime(2025, 9, 1)),
        ("01.09.25 09:00", datetime(2025, 9, 1, 9, 0)),
        ("01.09.2025 09:00", datetime(2025, 9, 1, 9, 0)),
    ],
)
def test_two_digit_years_are_this_century(
    tmp_path: Path, load, written: str, expected: datetime
) -> None:
    result = _load_one(
        tmp_path, load, received_at=written, due_at="30/09/2025", finished_at="29/09/2025 10:00"
    )
    assert (result.rows_loaded, result.reasons) == (1, {})
    assert query(load.db, "select received_at from applications") == [(expected,)]


def test_a_column_mixing_two_and_four_digit_years_reads_both(tmp_path: Path, load) -> None:
    rows = [
        application(f"A-{i}", received_at=text, due_at="30/09/2025", finished_at="")
        for i, text in enumerate(["01/09/25 09:00"] * 5 + ["02/09/2025 10:00", "3/9/25"])
    ]
    for row in rows:
        row["status"] = "4"
    (result,) = load(write_csv(tmp_path / "ho-so.csv", table(rows, VI_LABELS)))
    assert result.rows_loaded == 7
    years = query(load.db, "select distinct year(received_at) from applications")
    assert years == [(2025,)]


@pytest.mark.parametrize(
    ("field", "written", "why"),
    [
        ("received_at", "01/07/1999 08:00", "trước năm 2000"),
        ("received_at", "01/07/0025 08:00", "không phải ngày hợp lệ"),  # written as year 25
        ("received_at", "1999-12-31", "trước năm 2000"),
        ("received_at", "36000", "trước năm 2000"),  # an Excel serial of 1998
        ("due_at", "02/07/1925", "trước năm 2000"),
        ("finished_at", "01/07/1995 10:00", "trước năm 2000"),
    ],
)
def test_dates_before_2000_are_bad_dates(
    tmp_path: Path, load, field: str, written: str, why: str
) -> None:
    result = _load_one(tmp_path, load, **{field: written})
    assert result.reasons == {"bad_date": 1}
    (detail,) = query(load.db, "select detail from rejected_rows")[0]
    assert written in detail and why in detail


def _in_days(days: int, fmt: str = "%d/%m/%Y %H:%M") -> str:
    return (
        datetime.combine(local_today(), datetime.min.time()) + timedelta(days=days, hours=9)
    ).strftime(fmt)


@pytest.mark.parametrize(
    "values",
    [
        {"received_at": "01/07/2030 08:00", "due_at": "05/07/2030", "finished_at": ""},
        {"received_at": _in_days(1), "due_at": _in_days(3), "finished_at": ""},
        {"received_at": "01/07/25 08:00", "finished_at": "01/07/30 10:00"},  # finished in 2030
        {"returned_at": "02/07/2031 10:00"},
        {"received_at": "01/07/99 08:00", "due_at": "05/07/99", "finished_at": ""},  # 2099
    ],
    ids=["received-2030", "received-tomorrow", "finished-2030", "returned-2031", "two-digit-99"],
)
def test_events_after_the_day_of_the_load_are_future_dates(
    tmp_path: Path, load, values: dict[str, str]
) -> None:
    labels = {**VI_LABELS, "returned_at": "Ngày trả kết quả"}
    if "finished_at" in values and not values["finished_at"]:
        values = {**values, "status": "4"}
    result = _load_one(tmp_path, load, labels, **values)
    assert result.reasons == {"future_date": 1}
    assert query(load.db, "select count(*) from applications") == [(0,)]
    # "data up to" follows what was loaded, so a rejected 2030 cannot move it.
    assert query(load.db, "select count(*) from daily_activity where day > current_date") == [(0,)]


def test_a_due_date_in_the_future_is_a_promise_not_an_error(tmp_path: Path, load) -> None:
    result = _load_one(tmp_path, load, status="4", finished_at="", due_at=_in_days(20))
    assert (result.rows_loaded, result.reasons) == (1, {})


def test_today_loads_and_tomorrow_is_refused_whatever_the_server_zone(tmp_path: Path) -> None:
    """The load's own date is Việt Nam's: a server 19 hours behind (UTC-12) still takes a
    receipt of today, and one 7 hours ahead (UTC+14) still refuses one of tomorrow."""
    rows = [
        application("TODAY", received_at=_in_days(0, "%d/%m/%Y 00:30"), due_at=_in_days(2), status="4", finished_at=""),
        application("TOMORROW", received_at=_in_days(1, "%d/%m/%Y 00:30"), due_at=_in_days(2), status="4", finished_at=""),
    ]  # fmt: skip
    path = write_csv(tmp_path / "ho-so.csv", table(rows, VI_LABELS))
    catalog = write_catalog(tmp_path)
    for zone in ("Etc/GMT+12", "Etc/GMT-14"):
        db = tmp_path / f"{zone.replace('/', '-')}.duckdb"
        run = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(catalog), str(path), "--db", str(db)],
            cwd=PROJECT, capture_output=True, text=True, timeout=120,
            env={**os.environ, "TZ": zone},
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert query(db, "select application_id from applications") == [("TODAY",)], zone
        assert query(db, "select reason from rejected_rows") == [("future_date",)], zone


def test_load_times_are_local_whatever_the_server_zone(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "ho-so.csv", table([application("A-1")], VI_LABELS))
    db = tmp_path / "warehouse.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(write_catalog(tmp_path)), str(path), "--db", str(db)],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "TZ": "America/Los_Angeles"},
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    now = datetime.now(ZoneInfo(LOCAL_ZONE)).replace(tzinfo=None)
    for started, finished in query(db, "select started_at, finished_at from load_log"):
        assert abs(finished - now) < timedelta(minutes=5) and started <= finished
    (built,) = query(db, "select value from warehouse_info where key = 'built_at'")[0]
    assert abs(datetime.fromisoformat(built) - now) < timedelta(minutes=5)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025-07-31T17:30:00Z", datetime(2025, 8, 1, 0, 30)),  # UTC: the next local day
        ("2025-07-31 17:30:00Z", datetime(2025, 8, 1, 0, 30)),
        ("2025-07-31T17:30:00.250Z", datetime(2025, 8, 1, 0, 30, 0, 250_000)),
        ("2025-07-31T17:30Z", datetime(2025, 8, 1, 0, 30)),
        ("2025-08-01T00:30:00+07:00", datetime(2025, 8, 1, 0, 30)),
        ("2025-08-01T00:30:00+0700", datetime(2025, 8, 1, 0, 30)),
        ("2025-08-01T00:30+07", datetime(2025, 8, 1, 0, 30)),
        ("2025-08-01T02:30:00+09:00", datetime(2025, 8, 1, 0, 30)),
        ("2025-08-01 02:30:00 +09:00", datetime(2025, 8, 1, 0, 30)),
        ("2025-07-31T12:30:00-05:00", datetime(2025, 8, 1, 0, 30)),
        ("2025-08-01T00:30:00.123456", datetime(2025, 8, 1, 0, 30, 0, 123_456)),  # naive: local
        ("2025-08-01 00:30", datetime(2025, 8, 1, 0, 30)),
    ],
)
def test_zoned_timestamps_are_converted_to_local_time_before_the_date(
    tmp_path: Path, load, written: str, expected: datetime
) -> None:
    result = _load_one(
        tmp_path,
        load,
        SYNC_LABELS,
        received_at=written,
        due_at="2025-08-05",
        status="4",
        finished_at="",
    )
    assert (result.rows_loaded, result.reasons) == (1, {})
    assert query(load.db, "select received_at from applications") == [(expected,)]
    assert query(load.db, "select day from daily_activity where received > 0") == [
        (date(2025, 8, 1),)
    ]


def _parquet(tmp_path: Path, received: pl.Series) -> Path:
    rows = table([application("A-1", status="4", finished_at="")], SYNC_LABELS)
    frame = pl.DataFrame([rows[1]], schema=rows[0], orient="row").drop("NgayTiepNhan")
    frame = frame.with_columns(
        received.alias("NgayTiepNhan"), pl.lit("2025-08-05").alias("NgayHenTra")
    )
    path = tmp_path / "ho-so.parquet"
    frame.write_parquet(path)
    return path


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (pl.Series([datetime(2025, 7, 31, 17, 30)]).dt.replace_time_zone("UTC"), datetime(2025, 8, 1, 0, 30)),
        (pl.Series([datetime(2025, 8, 1, 2, 30)]).dt.replace_time_zone("Asia/Tokyo"), datetime(2025, 8, 1, 0, 30)),
        (pl.Series([datetime(2025, 8, 1, 0, 30)]).dt.replace_time_zone(LOCAL_ZONE), datetime(2025, 8, 1, 0, 30)),
        (pl.Series([datetime(2025, 8, 1, 0, 30, 15, 500_000)]), datetime(2025, 8, 1, 0, 30, 15, 500_000)),
        (pl.Series([date(2025, 8, 1)]), datetime(2025, 8, 1)),
    ],
    ids=["utc", "tokyo", "local-zone", "naive", "date"],
)  # fmt: skip
def test_parquet_timestamps_with_and_without_zone_and_dates(
    tmp_path: Path, load, column: pl.Series, expected: datetime
) -> None:
    (result,) = load(_parquet(tmp_path, column))
    assert (result.rows_loaded, result.reasons) == (1, {})
    assert query(load.db, "select received_at from applications") == [(expected,)]
