"""The sample staffing file (DATA_SPEC §1.4 and §5), calibrated to the seed article.

As of 20/8/2025 the commune-level units had asked for exactly 250 officials to be transferred
or seconded to them, and 53 candidates with a known origin and destination had been found;
the requests are concentrated in y tế, xây dựng, giao thông and quy hoạch. Officials per field
are about the same in every commune (the new communes were staffed by a common rule) while
the volumes differ a lot, so applications per official differ as much as the volumes do and
the busiest communes ask most. A second, earlier as-of date (31/7/2025) has fewer requests
and candidates, so change over time shows. Two bad rows show the quarantine.

Every count is allocated by largest remainders, so the totals are exact at any seed.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import polars as pl

from etl.sample.profiles import unit_profiles
from etl.sample.writers import write_table_csv
from etl.staffing import office_of_field
from etl.units import agency_units, commune_units

STAFFING_FILE = "bien-che-nhan-su.csv"
# (as-of date, transfer requests, candidates): the published figures, and an earlier count.
SNAPSHOTS = ((date(2025, 8, 20), 250, 53), (date(2025, 7, 31), 180, 24))
# The fields the city names as short of staff, and how much more they ask than others.
SHORT_FIELDS = {"Y tế": 9.0, "Xây dựng": 9.0, "Giao thông": 9.0, "Quy hoạch": 9.0}
OTHER_FIELD_WEIGHT = 0.4
# Officials per field in a typical commune; fields not listed have one.
BASE_OFFICIALS = {"Hộ tịch": 3, "Chứng thực": 2, "Đất đai": 3, "Bảo trợ xã hội": 2}
OFFICIALS_SIGMA = 0.3
HEADER = {
    "unit": "Đơn vị",
    "office": "Phòng chuyên môn",
    "field": "Lĩnh vực",
    "officials": "Công chức hiện có",
    "positions": "Biên chế được giao",
    "transfer_requests": "Số đề nghị điều động, biệt phái",
    "candidates": "Số người có nguyện vọng",
    "as_of": "Ngày số liệu",
}


def allocate(total: int, weights: list[float]) -> list[int]:
    """`total` split in proportion to `weights`, in whole numbers that add up exactly
    (largest remainders; ties go to the earlier row)."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(share) for share in shares]
    order = sorted(range(len(weights)), key=lambda i: (-(shares[i] - counts[i]), i))
    for index in order[: total - sum(counts)]:
        counts[index] += 1
    return counts


def build_staffing(province_code: int = 31, seed: int = 2025) -> pl.DataFrame:
    """One row per commune-level unit × field × as-of date, in the warehouse's columns."""
    communes = commune_units(province_code)
    volumes = dict(
        unit_profiles(communes, agency_units(province_code), seed)
        .select("unit_code", "volume")
        .iter_rows()
    )
    rng = random.Random(f"{seed}:staffing")
    offices = office_of_field()
    rows = []
    for unit in communes:
        for field, office in offices.items():
            base = BASE_OFFICIALS.get(field, 1)
            officials = max(1, round(base * rng.lognormvariate(0.0, OFFICIALS_SIGMA)))
            vacant = 1 if rng.random() < 0.3 else 0
            rows.append(
                {
                    "unit_code": unit.unit_code,
                    "unit": unit.name,
                    "office": office,
                    "field": field,
                    "officials": officials,
                    "positions": officials + vacant,
                    "weight": SHORT_FIELDS.get(field, OTHER_FIELD_WEIGHT)
                    * volumes[unit.unit_code]
                    / officials,
                }
            )
    frames = []
    for as_of, requests, candidates in SNAPSHOTS:
        asked = allocate(requests, [row["weight"] for row in rows])
        found = allocate(candidates, [float(n) for n in asked])
        frames.append(
            pl.DataFrame(rows)
            .drop("weight")
            .with_columns(
                pl.Series("transfer_requests", asked),
                pl.Series("candidates", found),
                pl.lit(as_of).alias("as_of"),
            )
        )
    return pl.concat(frames)


def staffing_export(staffing: pl.DataFrame) -> pl.DataFrame:
    """The file as a personnel office writes it: unit names, Vietnamese headers, dd/mm/yyyy;
    two bad rows at the end (a negative count, a field that does not exist)."""
    rows = staffing.select(
        "unit", "office", "field", "officials", "positions", "transfer_requests", "candidates",
        pl.col("as_of").dt.strftime("%d/%m/%Y"),
    ).cast(pl.String)  # fmt: skip
    first = rows.row(0, named=True) | {"transfer_requests": "0", "candidates": "0"}
    bad = pl.DataFrame(
        [first | {"field": "Y tế", "officials": "-2"}, first | {"field": "Chiêm tinh"}]
    )
    return pl.concat([rows, bad]).rename(HEADER)


def write_staffing(out_dir: Path, province_code: int = 31, seed: int = 2025) -> Path:
    """Write the sample staffing file; return its path."""
    path = out_dir / STAFFING_FILE
    write_table_csv(path, staffing_export(build_staffing(province_code, seed)))
    return path
