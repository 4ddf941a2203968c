"""The multi-province sample, loaded: every province present, volumes by size, Hải Phòng
calibrated, rows in = loaded + rejected, and national totals = the sum of the provinces."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from etl.__main__ import main as etl_main
from etl.load import load_files
from etl.sample import build_sample
from etl.sample.catalog import build_catalog
from etl.sample.layouts import NATIONAL
from etl.sample.national import (
    ProvinceVolume,
    generate_national_sample,
    plan_volumes,
    province_applications,
    province_size,
)
from etl.sample.workdays import Calendar
from etl.units import agency_units, commune_units
from metrics.filters import Filters
from metrics.kpis import period_kpis
from tests.conftest import query

PROVINCES = [31, 1, 79]  # Hải Phòng, Hà Nội, Hồ Chí Minh
START, END = date(2025, 7, 1), date(2025, 8, 31)
RECORDS = 30_000
PERIOD = Filters(date(2025, 7, 1), date(2025, 8, 20))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("national") / "raw"
    return generate_national_sample(out, PROVINCES, START, END, RECORDS, seed=2025)


@pytest.fixture(scope="module")
def warehouse(files: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The files loaded as a deployment would: PROVINCES says which units the warehouse knows."""
    db = tmp_path_factory.mktemp("national-db") / "warehouse.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PROVINCES", "31,01,79")
        load_files(files, db, fresh=True)
    return db


def _received_by_province(db: Path) -> dict[int, int]:
    rows = query(
        db,
        "select u.province_code, count(*) from applications join units as u using (unit_code) "
        "group by all",
    )
    return dict(rows)


def test_files_are_national_sync_csv_per_province(files: list[Path]) -> None:
    names = [path.name for path in files]
    assert names[:2] == ["danh-muc-tthc.xlsx", "phuong-an-don-gian-hoa.csv"]
    assert names[2:] == ["ho-so_31_2025-07.csv", "ho-so_01_2025-07.csv", "ho-so_79_2025-07.csv"]
    with files[3].open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == [column.label for column in NATIONAL.columns]


def test_units_of_every_requested_province_appear(warehouse: Path) -> None:
    used = {row[0] for row in query(warehouse, "select distinct unit_code from applications")}
    for code in PROVINCES:
        units = {unit.unit_code for unit in commune_units(code) + agency_units(code)}
        assert len(used & units) > 0.9 * len(units), code  # nearly every unit files something
    assert dict(query(warehouse, "select province_code, count(*) from units group by all")) == {
        code: len(commune_units(code)) + 12 for code in PROVINCES
    }


def test_records_fix_the_total_and_volumes_follow_size(warehouse: Path) -> None:
    counts = _received_by_province(warehouse)
    assert sum(counts.values()) == RECORDS
    sizes = {code: province_size(code) for code in PROVINCES}
    # Too few records for Hải Phòng's full year: every province shrinks alike, by size.
    for code in PROVINCES:
        assert counts[code] / RECORDS == pytest.approx(sizes[code] / sum(sizes.values()), rel=0.02)
    assert counts[79] > counts[1] > counts[31]  # Hồ Chí Minh has the most wards


def test_hai_phong_keeps_its_calibrated_volume_when_records_hold_it() -> None:
    start, end = date(2025, 7, 1), date(2025, 12, 31)
    full = plan_volumes([31], start, end, None, 2025)[0]
    assert (full.scale, full.records) == (1.0, None)
    records = 5_000_000
    city, hanoi, hcm = plan_volumes([31, 1, 79], start, end, records, 2025)
    assert city.scale == 1.0  # calibrated as published
    assert hanoi.records + hcm.records < records - 600_000  # Hải Phòng's half year is the rest
    assert hcm.records / hanoi.records == pytest.approx(province_size(79) / province_size(1))


def test_hai_phong_matches_the_single_province_sample() -> None:
    sample = build_sample(START, END, scale=0.03)
    cal = Calendar.build(START, END)
    catalog = build_catalog(31, 2025)
    national = province_applications(ProvinceVolume(31, 0.03), START, END, 2025, catalog, cal)
    assert sorted(national["application_id"]) == sorted(sample.applications["application_id"])


def test_every_file_reads_as_loaded_plus_rejected_with_bad_rows(warehouse: Path) -> None:
    log = query(
        warehouse,
        "select file_name, rows_read, rows_loaded, rows_rejected, outcome from load_log "
        "where kind = 'applications'",
    )
    assert len(log) == 3
    for name, read, loaded, rejected, outcome in log:
        assert outcome == "loaded" and read == loaded + rejected, name
        assert 27 <= rejected <= 54, name  # 3–6 bad rows of each of the 9 reasons
    reasons = {row[0] for row in query(warehouse, "select distinct reason from rejected_rows")}
    assert {"unknown_unit", "duplicate_in_file", "bad_date"} <= reasons
    catalog = query(warehouse, "select rows_rejected from load_log where kind <> 'applications'")
    assert catalog == [(0,), (0,)]  # agencies named by code: no ambiguity across provinces


def test_province_filter_narrows_kpis_and_national_totals_add_up(warehouse: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        period = [(PERIOD.start, PERIOD.end)]
        national = period_kpis(con, PERIOD, period)[0]
        parts = [
            period_kpis(con, replace(PERIOD, province_codes=(code,)), period)[0]
            for code in PROVINCES
        ]
        two = period_kpis(con, replace(PERIOD, province_codes=(1, 79)), period)[0]
    for kpi in ("received", "resolved", "overdue", "in_progress", "carried_in"):
        assert national.count(kpi) == sum(part.count(kpi) for part in parts), kpi
    assert 0 < parts[0].count("received") < national.count("received")
    assert two.count("received") == parts[1].count("received") + parts[2].count("received")


def test_cli_writes_a_national_sample(tmp_path: Path) -> None:
    args = ["sample", "--out", str(tmp_path), "--provinces", "01,96", "--records", "3000"]
    args += ["--start", "2025-09-01", "--end", "2025-09-30"]
    assert etl_main(args) == 0
    written = sorted(path.name for path in tmp_path.glob("ho-so_*.csv"))
    assert written == ["ho-so_01_2025-09.csv", "ho-so_96_2025-09.csv"]
    good = sum(
        len(path.read_text(encoding="utf-8").splitlines()) - 1 for path in tmp_path.glob("ho-so_*")
    )
    assert 3000 < good < 3000 + 2 * 60  # the records plus a few bad rows per file


def test_cli_rejects_an_unknown_province(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        etl_main(["sample", "--out", str(tmp_path), "--provinces", "31,99"])
    assert "99" in capsys.readouterr().err
