"""Build a fresh warehouse from the bundled sample: what the app's first start and
`python -m etl build` both run."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path

from etl.load import load_files
from etl.sample import generate_sample
from etl.sample.national import generate_national_sample
from etl.settings import DEFAULT_RAW_DIR, DEFAULT_WAREHOUSE, warehouse_path

Progress = Callable[[str, float], None]
# Generation is about as long as loading; the bar is split evenly between them.
GENERATION_SHARE = 0.5


def sample_dir_for(db_path: Path) -> Path:
    """Where the sample exports for this warehouse are written (kept for inspection)."""
    if db_path == DEFAULT_WAREHOUSE:
        return DEFAULT_RAW_DIR / "sample"
    return db_path.parent / f"{db_path.stem}-raw"


def _scaled(report: Progress, low: float, high: float) -> Progress:
    return lambda message, fraction: report(message, low + (high - low) * fraction)


def build_warehouse(
    db_path: Path | None = None,
    on_progress: Progress | None = None,
    *,
    start: date = date(2025, 7, 1),
    end: date = date(2026, 6, 30),
    scale: float = 1.0,
    seed: int = 2025,
    province_codes: list[int] | None = None,
    records: int | None = None,
) -> Path:
    """Generate the sample exports and load them into a new warehouse at db_path.

    Hải Phòng's calibrated sample unless `province_codes` are given: then the national sample
    of those provinces (`records` in all, see `generate_national_sample`), and the new
    warehouse is seeded with exactly their units."""
    target = Path(db_path or warehouse_path())
    report = on_progress or (lambda message, fraction: None)
    raw_dir = sample_dir_for(target)
    shutil.rmtree(raw_dir, ignore_errors=True)
    raw_dir.mkdir(parents=True)
    generation = _scaled(report, 0.0, GENERATION_SHARE)
    if province_codes:
        files = generate_national_sample(
            raw_dir, province_codes, start, end, records, seed, on_progress=generation
        )
    else:
        files = generate_sample(raw_dir, start, end, scale, seed, on_progress=generation)
    results = load_files(
        files,
        target,
        fresh=True,
        on_progress=_scaled(report, GENERATION_SHARE, 1.0),
        province_codes=province_codes,
    )
    failed = [result for result in results if result.error]
    assert not failed, f"the sample generator wrote an unreadable file: {failed[0]}"
    return target
