"""Sample exports for several provinces, up to the whole country (issue 6).

The single-province sample (`generate_sample`) writes one month per file in five layouts,
each application once per export it appears in: realistic, but made for a city's 1.7 million
records. Here the same application model runs province by province, each province in one
vectorised pass, and everything is written in the national sync layout (units as codes:
names repeat across provinces), each application once in its state at the end of the span,
in files of at most `FILE_ROWS` rows, with a few bad rows of every kind in each file.

Volumes follow province size. `vietnam-provinces` has no population, so the size of a
province is its communes weighted by kind (`profiles.KIND_VOLUME`: a ward, urban and dense,
counts 1.5, a rural commune 0.8), the same weights that spread a province's volume over its
units, so a province's total is the sum of what its units would file. The rate per unit of
size is Hải Phòng's calibrated one. Hải Phòng, when asked for, is generated exactly like the
single-province sample with the same seed, so its published figures still hold.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import polars as pl

from etl.sample.applications import (
    CALIBRATION_PROVINCE,
    CALIBRATION_UNITS,
    build_applications,
    calibration_window,
    daily_counts,
)
from etl.sample.catalog import build_catalog, catalog_export
from etl.sample.exports import Month, monthly_states
from etl.sample.generate import CATALOG_FILE, PLANS_FILE
from etl.sample.layouts import NATIONAL, bad_rows, format_rows
from etl.sample.people import fake_people
from etl.sample.plans import build_plans, plans_export
from etl.sample.profiles import KIND_VOLUME, unit_profiles
from etl.sample.quotas import allocate
from etl.sample.workdays import Calendar
from etl.sample.writers import write_month_csv, write_table_csv, write_table_xlsx
from etl.units import agency_units, commune_units, province_name

Progress = Callable[[str, float], None]
# Rows per filing-record file at most: big enough that a national load is a few dozen files,
# small enough that one file is a quick transaction.
FILE_ROWS = 1_000_000


@dataclass(frozen=True)
class ProvinceVolume:
    """How many records a province gets: Hải Phòng by its calibrated `scale`, every other
    province an exact `records` count."""

    province_code: int
    scale: float = 1.0
    records: int | None = None


def province_size(province_code: int) -> float:
    """Communes weighted by kind: the size proxy volumes are proportional to."""
    return sum(KIND_VOLUME[unit.kind] for unit in commune_units(province_code))


def province_seed(seed: int, province_code: int) -> int:
    """Hải Phòng keeps the sample's seed (so it matches the single-province sample); every
    other province gets its own stream, so no two provinces share their random draws."""
    if province_code == CALIBRATION_PROVINCE:
        return seed
    return zlib.crc32(f"{seed}:province:{province_code}".encode())


def _calibrated_count(start: date, end: date, scale: float, seed: int) -> int:
    """Hải Phòng's record count at `scale`, without generating it."""
    window = calibration_window(start, end, scale, CALIBRATION_PROVINCE)
    counts = daily_counts(start, end, scale, seed, CALIBRATION_UNITS, window)
    return int(counts["n"].sum())


def plan_volumes(
    province_codes: list[int], start: date, end: date, records: int | None, seed: int
) -> list[ProvinceVolume]:
    """Each province's volume, in the order given.

    Without `records`, every province files at Hải Phòng's calibrated rate per unit of size.
    With `records` the grand total is exact: Hải Phòng keeps its calibrated volume when
    `records` can hold it and the other provinces share the rest by size; when it cannot (a
    small sample), every province, Hải Phòng included, shrinks by the same factor (its shares
    and rates stay calibrated, as with `--scale`), and the others again fill the total exactly.
    """
    sizes = {code: province_size(code) for code in province_codes}
    full = _calibrated_count(start, end, 1.0, seed)
    per_size = full / province_size(CALIBRATION_PROVINCE)
    has_city = CALIBRATION_PROVINCE in sizes
    others = [code for code in province_codes if code != CALIBRATION_PROVINCE]
    if records is None:
        counts = {code: round(per_size * sizes[code]) for code in others}
        return [ProvinceVolume(code, 1.0, counts.get(code)) for code in province_codes]
    if records < 0:
        raise ValueError(f"records must not be negative, got {records}")
    scale = 1.0
    if has_city and not others:  # Hải Phòng alone: `records` is its scale
        scale = records / full if full else 1.0
    elif has_city and records < full:
        scale = records / (per_size * sum(sizes.values()))
    city = _calibrated_count(start, end, scale, seed) if has_city else 0
    shares = allocate(max(records - city, 0), [sizes[code] for code in others]) if others else []
    counts = dict(zip(others, shares, strict=True))
    return [ProvinceVolume(code, scale, counts.get(code)) for code in province_codes]


def _catalog_for(catalog: pl.DataFrame, province_code: int) -> pl.DataFrame:
    """The national catalog with its provincial procedures handled by this province's agencies
    (agency codes are `<province>.<abbr>`, the same 12 agencies everywhere)."""
    return catalog.with_columns(
        agency_code=pl.col("agency_code").str.replace(r"^\d+\.", f"{province_code:02d}.")
    )


def province_applications(
    volume: ProvinceVolume, start: date, end: date, seed: int, catalog: pl.DataFrame, cal: Calendar
) -> pl.DataFrame:
    """One province's applications in their state at the end of the span, in file order."""
    code = volume.province_code
    own_seed = province_seed(seed, code)
    communes, agencies = commune_units(code), agency_units(code)
    units = unit_profiles(communes, agencies, own_seed)
    apps = build_applications(
        start, end, volume.scale, own_seed, code, _catalog_for(catalog, code), units, cal,
        volume.records,
    )  # fmt: skip
    apps = apps.hstack(fake_people(apps, communes, code, province_name(code), own_seed))
    final = Month(start, end, datetime.combine(end, time(23, 59)))
    return monthly_states(apps, [final])[0]


def file_parts(states: pl.DataFrame, province_code: int) -> list[tuple[str, pl.DataFrame]]:
    """(file name, rows) of one province: whole months together up to FILE_ROWS rows, a month
    larger than that cut in numbered parts. `states` is sorted by reception time."""
    months = (
        states.group_by(month=pl.col("received_at").dt.strftime("%Y-%m")).len().sort("month").rows()
    )
    parts: list[tuple[str, pl.DataFrame]] = []
    offset, group_first, group_rows = 0, None, 0

    def close() -> None:
        nonlocal offset, group_first, group_rows
        if group_first is not None:
            name = f"ho-so_{province_code:02d}_{group_first}.csv"
            parts.append((name, states.slice(offset, group_rows)))
            offset += group_rows
        group_first, group_rows = None, 0

    for month, rows in months:
        if group_rows and group_rows + rows > FILE_ROWS:
            close()
        if rows > FILE_ROWS:  # one month alone is too big: numbered slices of it
            for piece, begin in enumerate(range(0, rows, FILE_ROWS), start=1):
                size = min(FILE_ROWS, rows - begin)
                name = f"ho-so_{province_code:02d}_{month}_{piece}.csv"
                parts.append((name, states.slice(offset + begin, size)))
            offset += rows
            continue
        group_first = group_first or month
        group_rows += rows
    close()
    return parts


def generate_national_sample(
    out_dir: Path,
    province_codes: list[int],
    start: date = date(2025, 7, 1),
    end: date = date(2026, 6, 30),
    records: int | None = None,
    seed: int = 2025,
    on_progress: Progress | None = None,
) -> list[Path]:
    """Write the catalog, the plans and every province's filing records into out_dir; return
    the files written, catalog and plans first, then province by province."""
    if start > end:
        raise ValueError(f"start {start} is after end {end}")
    if not province_codes:
        raise ValueError("no province to generate")
    codes = list(dict.fromkeys(province_codes))
    report = on_progress or (lambda message, fraction: None)
    volumes = plan_volumes(codes, start, end, records, seed)
    # The catalog names its agencies by code: "Sở Tư pháp" is in every province. Hải Phòng's
    # codes when it is included (its catalog is the calibrated one), else the first province's.
    reference = CALIBRATION_PROVINCE if CALIBRATION_PROVINCE in codes else codes[0]
    catalog = build_catalog(reference, seed)
    plans = build_plans(catalog, seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report("Đang ghi danh mục thủ tục và phương án đơn giản hóa", 0.0)
    by_code = pl.col("agency_code").alias("agency_name")
    paths = [out_dir / CATALOG_FILE, out_dir / PLANS_FILE]
    created = datetime.combine(start, time(8, 0))
    write_table_xlsx(paths[0], catalog_export(catalog.with_columns(by_code)), created)
    write_table_csv(paths[1], plans_export(plans.with_columns(by_code)))

    cal = Calendar.build(start, end)
    expected = [v.records if v.records is not None else _calibrated_count(start, end, v.scale, seed)
                for v in volumes]  # fmt: skip
    done, file_index = 0, 0
    for volume, weight in zip(volumes, expected, strict=True):
        name = province_name(volume.province_code)
        report(f"Đang sinh hồ sơ {name}", done / max(sum(expected), 1))
        states = province_applications(volume, start, end, seed, catalog, cal)
        for file_name, rows in file_parts(states, volume.province_code):
            bad = bad_rows(NATIONAL, rows, file_index, seed)
            path = out_dir / file_name
            write_month_csv(path, NATIONAL, format_rows(NATIONAL, rows), bad)
            paths.append(path)
            file_index += 1
        done += weight
    report("Đã tạo xong dữ liệu mẫu", 1.0)
    return paths
