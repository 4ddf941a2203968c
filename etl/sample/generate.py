"""Sample exports end to end: build every frame, then write the catalog, plans and months.

`build_sample` returns the frames before anything is written (tests compute the published
figures from them); `generate_sample` writes the files the loader reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import polars as pl

from etl.sample.applications import build_applications
from etl.sample.catalog import build_catalog, catalog_export
from etl.sample.exports import Month, monthly_states, months
from etl.sample.layouts import MONTH_LAYOUTS, BadRow, Layout, bad_rows, format_rows
from etl.sample.people import fake_people
from etl.sample.plans import build_plans, plans_export
from etl.sample.profiles import unit_profiles
from etl.sample.staffing import write_staffing
from etl.sample.unit_names import name_variants, unit_text
from etl.sample.workdays import Calendar
from etl.sample.writers import (
    Signatures,
    write_month_csv,
    write_month_xlsx,
    write_table_csv,
    write_table_xlsx,
)
from etl.units import agency_units, commune_units, province_name

CATALOG_FILE = "danh-muc-tthc.xlsx"
PLANS_FILE = "phuong-an-don-gian-hoa.csv"
# Share of the progress bar spent building frames; the rest is writing, by rows written.
BUILD_SHARE = 0.3
# Writing an XLSX row costs about this many CSV rows.
XLSX_ROW_COST = 8

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class MonthFile:
    """One monthly export: its good rows (typed, in file order) and its bad rows."""

    month: Month
    layout: Layout
    states: pl.DataFrame
    bad: list[BadRow]

    @property
    def name(self) -> str:
        return f"ho-so_{self.month.first:%Y-%m}.{self.layout.extension}"


@dataclass(frozen=True)
class Sample:
    catalog: pl.DataFrame
    plans: pl.DataFrame
    applications: pl.DataFrame  # every application in its final state
    files: list[MonthFile]


def _quiet(message: str, fraction: float) -> None:
    """The default progress callback: say nothing."""


def build_sample(
    start: date = date(2025, 7, 1),
    end: date = date(2026, 6, 30),
    scale: float = 1.0,
    seed: int = 2025,
    province_code: int = 31,
    on_progress: Progress | None = None,
) -> Sample:
    """Every frame of the sample, nothing written."""
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale}")
    report = on_progress or _quiet
    communes, agencies = commune_units(province_code), agency_units(province_code)

    report("Đang tạo danh mục thủ tục hành chính", 0.0)
    catalog = build_catalog(province_code, seed)
    report("Đang tạo phương án đơn giản hóa", 0.02)
    plans = build_plans(catalog, seed)

    report("Đang sinh hồ sơ", 0.05)
    units = unit_profiles(communes, agencies, seed)
    cal = Calendar.build(start, end)
    apps = build_applications(start, end, scale, seed, province_code, catalog, units, cal)
    people = fake_people(apps, communes, province_code, province_name(province_code), seed)
    apps = apps.hstack(people)

    report("Đang chia hồ sơ theo tháng", 0.2)
    span = months(start, end)
    variants = name_variants(communes + agencies)
    names = catalog.select("procedure_code", procedure_name="name")
    files = []
    for index, (month, states) in enumerate(zip(span, monthly_states(apps, span), strict=True)):
        layout = MONTH_LAYOUTS[month.first.month]
        states = states.join(
            unit_text(variants, index), on="unit_code", how="left", maintain_order="left"
        ).join(names, on="procedure_code", how="left", maintain_order="left")
        files.append(MonthFile(month, layout, states, bad_rows(layout, states, index, seed)))
    return Sample(catalog, plans, apps, files)


def generate_sample(
    out_dir: Path,
    start: date = date(2025, 7, 1),
    end: date = date(2026, 6, 30),
    scale: float = 1.0,
    seed: int = 2025,
    province_code: int = 31,
    on_progress: Callable[[str, float], None] | None = None,
) -> list[Path]:
    """Write sample exports into out_dir; return the files written: catalog and plans first,
    then the months, then the staffing file."""
    report = on_progress or _quiet
    sample = build_sample(start, end, scale, seed, province_code, report)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    report("Đang ghi danh mục thủ tục và phương án đơn giản hóa", BUILD_SHARE)
    created = datetime.combine(start, time(8, 0))
    paths = [out_dir / CATALOG_FILE, out_dir / PLANS_FILE]
    write_table_xlsx(paths[0], catalog_export(sample.catalog), created)
    write_table_csv(paths[1], plans_export(sample.plans))

    costs = [
        file.states.height * (XLSX_ROW_COST if file.layout.extension == "xlsx" else 1) + 1
        for file in sample.files
    ]
    done = 0
    for file, cost in zip(sample.files, costs, strict=True):
        fraction = BUILD_SHARE + (1 - BUILD_SHARE) * done / sum(costs)
        report(f"Đang ghi hồ sơ tháng {file.month.first:%m/%Y}", fraction)
        path = out_dir / file.name
        rows = format_rows(file.layout, file.states)
        if file.layout.extension == "xlsx":
            period = (file.month.first, file.month.last)
            exported = file.month.exported_at
            # Places sign without "Thành phố"/"Tỉnh": "Hải Phòng, ngày 05 tháng 3 năm 2026".
            place = province_name(province_code).removeprefix("Thành phố ").removeprefix("Tỉnh ")
            signed = Signatures(place, exported.date())
            write_month_xlsx(path, file.layout, rows, file.bad, period, exported, signed)
        else:
            write_month_csv(path, file.layout, rows, file.bad)
        paths.append(path)
        done += cost
    paths.append(write_staffing(out_dir, province_code, seed))
    report("Đã tạo xong dữ liệu mẫu", 1.0)
    return paths
