"""ETL throughput against a bare DuckDB ingest of the same files, in one run.

    python benchmarks/bench_etl.py [--records 10000000] [--files 10] [--workdir DIR] [--json FILE]

Writes N synthetic filing records as CSV (national-sync layout, every commune-level unit of
the 34 provinces, a small catalog), then times, each in its own process so peak memory is measured apart:
  1. `python -m etl load` into a fresh warehouse (validation, unit matching, upsert, summaries),
     with its phases timed (ETL_PHASE_TIMES, etl/timing.py) and printed after the ratio;
  2. `CREATE TABLE AS SELECT * FROM read_csv(...)` of the same files into a fresh DuckDB file.
Prints rows/s, the ratio and peak memory, and writes them to benchmarks/out/bench_etl.json
(or --json FILE); missing directories are made.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

import polars as pl

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from etl.settings import province_codes  # noqa: E402
from etl.timing import ENV as PHASE_TIMES  # noqa: E402
from etl.timing import PHASES  # noqa: E402
from etl.units import reference_units  # noqa: E402

# The whole country: the loader's unit table and the generated records both cover it.
os.environ["PROVINCES"] = "all"

CATALOG = [
    ("1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "", "Toàn trình", "Có", "1", "Không", "Không"),
    ("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "Cấp xã", "", "Một phần", "Có", "1", "Có", "Không"),
    ("1.000894", "Đăng ký kết hôn", "Hộ tịch", "Cấp xã", "", "Một phần", "Có", "5", "Không", "Không"),
    ("1.013225", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Xây dựng", "Cấp xã", "", "Một phần", "Không", "15", "Có", "Không"),
    ("2.001583", "Thành lập công ty TNHH một thành viên", "Doanh nghiệp", "Cấp tỉnh", "Sở Tài chính", "Toàn trình", "Không", "3", "Có", "Có"),
]  # fmt: skip
CATALOG_HEADER = (
    "Mã TTHC,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Cơ quan thực hiện,Mức độ DVC,Phi địa giới,"
    "Thời hạn giải quyết,Có phí,Liên quan kinh doanh"
)
SECONDS_IN_YEAR = 365 * 86_400
# Where results and the default work directory go (git-ignored, made when missing).
OUT = PROJECT / "benchmarks" / "out"


def write_inputs(directory: Path, records: int, files: int, seed: int = 7) -> list[Path]:
    """A catalog and `files` CSVs of synthetic filing records, `records` rows in all."""
    directory.mkdir(parents=True, exist_ok=True)
    catalog = directory / "catalog.csv"
    lines = [CATALOG_HEADER] + [",".join(row) for row in CATALOG]
    catalog.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = [u.unit_code for u in reference_units(province_codes()) if u.kind != "so_nganh"]
    codes = [row[0] for row in CATALOG[:4]]
    paths = [catalog]
    per_file = records // files
    for index in range(files):
        n = per_file if index < files - 1 else records - per_file * (files - 1)
        start = index * per_file
        frame = pl.DataFrame({"i": pl.int_range(start, start + n, eager=True)}).with_columns(
            (pl.col("i").hash(seed) % SECONDS_IN_YEAR).alias("offset"),
            (pl.col("i").hash(seed + 1) % 100).alias("dice"),
        )
        received = pl.datetime(2025, 7, 1) + pl.duration(seconds=pl.col("offset"))
        frame = frame.select(
            (pl.lit("H31-") + pl.col("i").cast(pl.String)).alias("MaHoSo"),
            pl.lit(codes).list.get(pl.col("i").hash(seed + 2).mod(len(codes))).alias("MaTTHC"),
            pl.lit(units).list.get(pl.col("i").hash(seed + 3).mod(len(units))).alias("MaDonVi"),
            received.dt.strftime("%Y-%m-%dT%H:%M:%S").alias("NgayTiepNhan"),
            (received + pl.duration(days=3)).dt.strftime("%Y-%m-%dT%H:%M:%S").alias("NgayHenTra"),
            pl.when(pl.col("dice") < 95)
            .then(
                (received + pl.duration(hours=pl.col("dice") % 96)).dt.strftime("%Y-%m-%dT%H:%M:%S")
            )
            .alias("NgayKetThucXuLy"),
            pl.when(pl.col("dice") < 95)
            .then(pl.lit("10"))
            .otherwise(pl.lit("4"))
            .alias("TrangThaiHoSo"),
            (pl.col("dice") % 3 + 1).cast(pl.String).alias("KenhThucHien"),
            (pl.col("dice") % 2).cast(pl.String).alias("DuocThanhToanTrucTuyen"),
            (pl.col("dice") % 5 != 0).cast(pl.Int8).cast(pl.String).alias("HoSoCoThanhPhanSoHoa"),
            pl.lit("Nguyễn Văn Giả").alias("ChuHoSo"),
            pl.lit("031099000123").alias("SoGiayTo"),
        )
        path = directory / f"ho-so_{index:02d}.csv"
        frame.write_csv(path)
        paths.append(path)
    return paths


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Wall seconds, peak resident memory (MB) of the child, and its stderr tail."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env=os.environ | (env or {}),
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{command[:4]} failed: {stderr[-500:]}")
    return elapsed, usage.ru_maxrss / 1024, stderr[-300:]


BARE = """
import duckdb, sys
con = duckdb.connect(sys.argv[1])
con.execute("SET enable_progress_bar=false")
files = sys.argv[2:]
con.execute(
    "create table applications as select * from "
    "read_csv(?, header=true, union_by_name=true, ignore_errors=true)",
    [files],
)
con.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000_000)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--workdir", type=Path, default=OUT / "etl")
    parser.add_argument("--json", type=Path, default=OUT / "bench_etl.json", help="result file")
    args = parser.parse_args()
    shutil.rmtree(args.workdir, ignore_errors=True)
    print(f"Writing {args.records:,} records in {args.files} CSV files…", flush=True)
    started = time.perf_counter()
    paths = write_inputs(args.workdir / "input", args.records, args.files)
    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"  {size_mb:,.0f} MB in {time.perf_counter() - started:.1f} s", flush=True)

    etl_db, bare_db = args.workdir / "etl.duckdb", args.workdir / "bare.duckdb"
    phases_file = args.workdir / "phases.json"
    etl_s, etl_mb, _ = timed(
        [sys.executable, "-m", "etl", "load", *map(str, paths), "--db", str(etl_db)],
        {PHASE_TIMES: str(phases_file)},
    )
    bare_s, bare_mb, _ = timed([sys.executable, "-c", BARE, str(bare_db), *map(str, paths[1:])])
    result = {
        "records": args.records,
        "files": args.files,
        "input_mb": round(size_mb),
        "etl_seconds": round(etl_s, 2),
        "etl_rows_per_s": round(args.records / etl_s),
        "etl_peak_mb": round(etl_mb),
        "bare_seconds": round(bare_s, 2),
        "bare_rows_per_s": round(args.records / bare_s),
        "bare_peak_mb": round(bare_mb),
        "ratio": round(etl_s / bare_s, 2),
        "phases": phase_breakdown(phases_file, etl_s),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
    }
    print()
    print("| step | seconds | rows/s | peak MB |")
    print("|---|---:|---:|---:|")
    print(f"| python -m etl load | {etl_s:.1f} | {result['etl_rows_per_s']:,} | {etl_mb:,.0f} |")
    print(
        f"| bare DuckDB read_csv | {bare_s:.1f} | {result['bare_rows_per_s']:,} | {bare_mb:,.0f} |"
    )
    print(f"ratio ETL / bare: {result['ratio']:.2f} (target ≤ 1.5); peak memory target < 2,048 MB")
    print_phases(result["phases"], bare_s)
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written to {shown_path(args.json)}")


def phase_breakdown(phases_file: Path, etl_s: float) -> dict[str, float]:
    """Seconds per phase of the load (etl/timing.py), and "startup" for the rest of the
    command's wall time: the interpreter, the imports, the lock."""
    seconds = json.loads(phases_file.read_text(encoding="utf-8"))
    phases = {name: round(seconds[name], 2) for name in PHASES}
    phases["startup"] = round(max(etl_s - sum(seconds.values()), 0.0), 2)
    return phases


def print_phases(phases: dict[str, float], bare_s: float) -> None:
    """The load's phases, each in seconds and as a multiple of the bare ingest: the ratio
    above, split by where the time goes."""
    print()
    print("| phase of python -m etl load | seconds | × bare |")
    print("|---|---:|---:|")
    for name, seconds in phases.items():
        print(f"| {name} | {seconds:.2f} | {seconds / bare_s:.2f} |")


def shown_path(path: Path) -> Path:
    """`path` relative to the project when it lies inside it (benchmarks/out/…), else as given:
    a --workdir or --json elsewhere must not fail the run at its very end."""
    path = path.resolve()
    return path.relative_to(PROJECT) if path.is_relative_to(PROJECT) else path


if __name__ == "__main__":
    main()
