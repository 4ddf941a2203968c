"""How far one machine goes: national warehouses of 2, 10 and 50 million applications.

    python -m benchmarks.bench_scale [--sizes 2000000,10000000,50000000] [--views 50]

For each size, in one run:
1. ETL: N national sample records (`etl.sample.national`: all 34 provinces, volumes by size,
   national-sync CSV files of up to 1 million rows, a few bad rows in each) loaded by
   `python -m etl load` into a fresh warehouse, against a bare DuckDB `read_csv` ingest of the
   same filing-record files (both in child processes: wall time and peak memory).
2. Pages: for every page, the metrics queries behind one render (and the overview's figure
   building) under `--views` random filter combinations (period, province, unit, field,
   channel), uncached; p50 and p95 in ms.
3. Without summaries: the overview's KPIs (the oracle of `tests/oracle.py`, which the test
   suite checks too) and the unit league computed from `applications` directly, for the first
   `DIRECT_VIEWS` of the same views (the KPIs are checked equal to the summaries' answers; each
   is a scan of every record, minutes at 50 M); the ratio is the summaries' gain.
4. Incremental: one day's national export (about 300,000 rows: new applications and status
   changes of open ones) loaded into a copy of the warehouse.
Prints one table per size and writes all figures to benchmarks/out/bench_scale.json.
Targets (issues 6 and 17, 2 cores), each printed beside its figure: page p95 ≤ 150 ms at 10 M
and ≤ 500 ms at 50 M; ETL ≤ 1.5× the bare ingest; peak memory < 2 GB at 10 M, < 4 GB at 50 M;
a daily load < 15 s at 50 M. `--reuse` takes the warehouse and ETL figures an earlier run left
in the work directory (step 1 at 50 M takes about a quarter of an hour) and measures the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import duckdb
import polars as pl

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
os.environ["PROVINCES"] = "all"

from benchmarks.bench_etl import BARE, shown_path, timed, write_inputs  # noqa: E402
from benchmarks.bench_render import render_overview  # noqa: E402
from etl.sample.national import generate_national_sample  # noqa: E402
from etl.schema import FINISHED_STATUSES  # noqa: E402
from etl.settings import parse_provinces  # noqa: E402
from metrics import (  # noqa: E402
    activity,
    bieu_06a,
    breakdown,
    catalog,
    freshness,
    index_766,
    kpis,
    quality,
    simplification,
    units_league,
)
from metrics.codes import AGENCY_KIND  # noqa: E402
from metrics.connection import snapshot  # noqa: E402
from metrics.filters import Filters  # noqa: E402
from metrics.scope import scoped  # noqa: E402
from tests.oracle import direct_kpis  # noqa: E402

DAY_ROWS = 300_000
DIRECT_VIEWS = 10
# Share of a daily export that re-sends open applications with a new status.
DAY_UPDATES = 0.2
TARGETS_MS = {10_000_000: 150.0, 50_000_000: 500.0}
# Issue 17's other targets: the load's peak memory, its time against the bare ingest, and a
# day's export loaded into a 50 M warehouse.
PEAK_TARGETS_MB = {10_000_000: 2048, 50_000_000: 4096}
RATIO_TARGET = 1.5
DAILY_TARGET_S = 15.0
# Step 1's figures, kept beside the warehouse so `--reuse` can report them.
BUILD = "build.json"
OUT = PROJECT / "benchmarks" / "out" / "bench_scale.json"


def _unit_view(con: duckdb.DuckDBPyConnection, f: Filters, start: date) -> None:
    unit = f.unit_codes[0] if f.unit_codes else _any_unit(con)
    one_unit = units_league.unit_filters(f, unit)
    kpis.compare_periods(con, one_unit, start)
    units_league.league_table(con, f)
    activity.trend(con, one_unit, activity.default_grain(f.days))
    catalog.procedure_activity(con, one_unit)
    breakdown.field_activity(con, one_unit)
    units_league.overdue_applications(con, f, unit)


def _any_unit(con: duckdb.DuckDBPyConnection) -> str:
    query = "select min(unit_code) from units where kind <> ?"
    return con.sql(query, params=[AGENCY_KIND]).fetchall()[0][0]


# Each page's queries for one render (the figures cost little beside them; the overview's
# figures are built too, as its benchmark in bench_render does).
PAGES: dict[str, Callable[[duckdb.DuckDBPyConnection, Filters, date], None]] = {
    "overview": render_overview,
    "units": lambda con, f, start: units_league.league_table(con, f),
    "unit": _unit_view,
    "procedures": lambda con, f, start: (
        catalog.catalog_summary(con),
        catalog.catalog_by(con, "field"),
        catalog.catalog_by(con, "agency_name"),
        catalog.procedure_activity(con, f),
    ),
    "simplification": lambda con, f, start: (
        simplification.simplification_summary(con),
        simplification.plans(con),
        simplification.actual_processing(con, f),
    ),
    "bieu_06a": lambda con, f, start: bieu_06a.form_rows(con, f),
    "report": lambda con, f, start: (
        kpis.compare_periods(con, f, start),
        activity.trend(con, f, activity.default_grain(f.days)),
        units_league.league_table(con, f),
        breakdown.field_activity(con, f),
    ),
    "data_quality": lambda con, f, start: (
        quality.load_history(con),
        quality.rejections_by_reason(con),
        quality.rejections_by_file(con),
        quality.rejected_rows(con, 500),
        quality.unit_freshness(con, f),
    ),
    # Bộ chỉ số 766 (issue 15): the units' indicators, their totals, the trend, 3.6 (b), (c).
    "index_766": lambda con, f, start: (
        index_766.unit_totals(index_766.index_766(con, f)),
        index_766.monthly_trend(con, f),
        index_766.payment_coverage(con, f),
    ),
}

_DIRECT_LEAGUE = """
with period as (select ?::date as d0, ?::date as d1),
apps as ({applications}),
marked as (select *, d0 as period_start, d1 as period_end from apps, period)
select unit_code, count(*) filter (where received_at::date between period_start and period_end) as received,
    count(*) filter (where status in ({finished}) and ended_on between period_start and period_end) as resolved
from marked group by unit_code
""".replace("{finished}", ", ".join(map(str, FINISHED_STATUSES)))


def _direct_league(con: duckdb.DuckDBPyConnection, f: Filters) -> list[tuple]:
    """The league's received and resolved straight from `applications`, same scope as pages."""
    applications = scoped("applications", f)
    text = _DIRECT_LEAGUE.replace("{applications}", applications.text)
    return con.sql(text, params=[f.start, f.end, *applications.params]).fetchall()


def random_views(con: duckdb.DuckDBPyConnection, count: int, seed: int) -> list[Filters]:
    """Views a person might choose: a period inside the data, sometimes a province, a unit,
    a field or a channel."""
    rng = random.Random(seed)
    first, last = con.sql("select min(day), max(day) from daily_activity").fetchall()[0]
    provinces = [r[0] for r in con.sql("select distinct province_code from units").fetchall()]
    fields = [r[0] for r in con.sql("select distinct field from procedures").fetchall()]
    views = []
    for _ in range(count):
        length = rng.choice([7, 30, 31, 51, 92, 182])
        start = first + timedelta(days=rng.randrange(max(1, (last - first).days - length)))
        province = rng.choice(provinces) if rng.random() < 0.5 else None
        unit = None
        if province is not None and rng.random() < 0.4:
            unit = con.sql(
                "select unit_code from units where province_code = ? and kind <> ? "
                "order by unit_code limit 1 offset ?",
                params=[province, AGENCY_KIND, rng.randrange(20)],
            ).fetchall()[0][0]
        views.append(
            Filters(
                start=start,
                end=start + timedelta(days=length - 1),
                province_codes=(province,) if province else (),
                unit_codes=(unit,) if unit else (),
                fields=(rng.choice(fields),) if rng.random() < 0.3 else (),
                channels=(rng.choice([1, 2, 3]),) if rng.random() < 0.3 else (),
            )
        )
    return views


def _percentiles(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def bench_pages(db: Path, views: int, seed: int) -> tuple[dict, dict]:
    results: dict[str, dict[str, float]] = {}
    with snapshot(db) as con:
        start = freshness.freshness(con).data_start
        chosen = random_views(con, views, seed)
        render_overview(con, chosen[0], start)  # warm the file cache once
        for page, render in PAGES.items():
            timings = []
            for view in chosen:
                began = time.perf_counter()
                render(con, view, start)
                timings.append((time.perf_counter() - began) * 1000)
            results[page] = _percentiles(timings)
        direct = _bench_direct(con, chosen[:DIRECT_VIEWS])
    return results, direct


def _bench_direct(con: duckdb.DuckDBPyConnection, views: list[Filters]) -> dict:
    """KPIs and league from summaries vs straight from applications; answers must agree."""
    summary_ms, direct_ms = [], []
    for view in views:
        began = time.perf_counter()
        (summary,) = kpis.period_kpis(con, view, [(view.start, view.end)])
        units_league.league_table(con, view)
        summary_ms.append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        direct = direct_kpis(con, view)
        _direct_league(con, view)
        direct_ms.append((time.perf_counter() - began) * 1000)
        for name, value in direct.items():
            assert abs(value - summary.count(name)) < 1e-6 * max(1.0, value), (view, name)
    with_summaries, without = _percentiles(summary_ms), _percentiles(direct_ms)
    return {
        "views": len(views),
        "summaries": with_summaries,
        "applications": without,
        "gain_p50": round(without["p50"] / with_summaries["p50"], 1),
    }


def daily_export(db: Path, path: Path, rows: int, seed: int) -> Path:
    """One day's national export after the data end: new applications, and open ones
    re-sent as resolved (the upsert path)."""
    with duckdb.connect(str(db), read_only=True) as con:
        last = con.sql("select max(received_at)::date from applications").fetchall()[0][0]
        updates = con.sql(
            "select application_id, procedure_code, unit_code, received_at, due_at, channel "
            "from applications where ended_on is null order by application_id limit ?",
            params=[int(rows * DAY_UPDATES)],
        ).pl()
    day = last + timedelta(days=1)
    fresh = write_inputs(path.parent / "day-new", rows - updates.height, 1, seed=seed)[1]
    new = pl.read_csv(fresh, infer_schema=False).with_columns(
        (pl.lit(f"D{day:%y%m%d}-") + pl.col("MaHoSo")).alias("MaHoSo"),
        pl.lit(f"{day}T08:30:00").alias("NgayTiepNhan"),
        pl.lit(f"{day + timedelta(days=3)}T17:00:00").alias("NgayHenTra"),
        pl.lit(f"{day}T15:00:00").alias("NgayKetThucXuLy"),
    )
    resolved = updates.select(
        pl.col("application_id").alias("MaHoSo"),
        pl.col("procedure_code").alias("MaTTHC"),
        pl.col("unit_code").alias("MaDonVi"),
        pl.col("received_at").dt.strftime("%Y-%m-%dT%H:%M:%S").alias("NgayTiepNhan"),
        pl.col("due_at").dt.strftime("%Y-%m-%dT%H:%M:%S").alias("NgayHenTra"),
        pl.lit(f"{day}T10:00:00").alias("NgayKetThucXuLy"),
        pl.lit("10").alias("TrangThaiHoSo"),
        pl.col("channel").cast(pl.String).alias("KenhThucHien"),
    )
    pl.concat([new, resolved], how="diagonal").write_csv(path)
    return path


def build(records: int, folder: Path, seed: int) -> dict:
    """Generate the national sample and load it (step 1); the ETL and bare-ingest figures."""
    shutil.rmtree(folder, ignore_errors=True)
    inputs = generate_national_sample(
        folder / "input", parse_provinces("all"), records=records, seed=seed
    )
    db = folder / "warehouse.duckdb"
    result: dict = {
        "records": records,
        "measured": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }
    etl_s, etl_mb, _ = timed(
        [sys.executable, "-m", "etl", "load", *map(str, inputs), "--db", str(db)]
    )
    result["etl"] = {
        "seconds": round(etl_s, 1),
        "rows_per_s": round(records / etl_s),
        "peak_mb": round(etl_mb),
    }
    if records >= 10_000_000:
        bare_s, bare_mb, _ = timed(
            [sys.executable, "-c", BARE, str(folder / "bare.duckdb"), *map(str, inputs[1:])]
        )
        (folder / "bare.duckdb").unlink()
        result["bare"] = {
            "seconds": round(bare_s, 1),
            "rows_per_s": round(records / bare_s),
            "peak_mb": round(bare_mb),
        }
        result["etl"]["ratio"] = round(etl_s / bare_s, 2)
    shutil.rmtree(folder / "input")
    (folder / BUILD).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def bench_size(records: int, workdir: Path, views: int, seed: int, reuse: bool) -> dict:
    folder = workdir / f"n{records}"
    db = folder / "warehouse.duckdb"
    print(f"\n== {records:,} applications ==", flush=True)
    if reuse and db.exists() and (folder / BUILD).exists():
        # Step 1 of an earlier run (a 50 M build takes a quarter of an hour); its figures
        # keep the time they were measured at.
        result = json.loads((folder / BUILD).read_text(encoding="utf-8"))
        print(f"warehouse and ETL figures reused from {result['measured']}", flush=True)
    else:
        result = build(records, folder, seed)
    with duckdb.connect(str(db), read_only=True) as con:
        result["daily_activity_rows"] = con.sql("select count(*) from daily_activity").fetchall()[
            0
        ][0]
    result["warehouse_mb"] = round(db.stat().st_size / 1e6)
    result["pages"], result["direct"] = bench_pages(db, views, seed)
    day = daily_export(db, folder / "day.csv", DAY_ROWS, seed + 1)
    copy = folder / "incremental.duckdb"
    shutil.copyfile(db, copy)
    day_s, day_mb, _ = timed([sys.executable, "-m", "etl", "load", str(day), "--db", str(copy)])
    result["daily_load"] = {"rows": DAY_ROWS, "seconds": round(day_s, 1), "peak_mb": round(day_mb)}
    copy.unlink()
    _print(result)
    return result


def _verdict(figure: float, target: float, unit: str) -> str:
    """ "met", or by how much the figure misses its target (lower is better)."""
    over = figure - target
    return "met" if over <= 0 else f"missed by {over:,.{0 if unit != '×' else 2}f} {unit}"


def _print(result: dict) -> None:
    records = result["records"]
    target = TARGETS_MS.get(records)
    etl = result["etl"]
    print(f"(ETL figures measured {result.get('measured', 'now')})")
    line = f"ETL {etl['seconds']} s, {etl['rows_per_s']:,} rows/s, peak {etl['peak_mb']:,} MB"
    peak_target = PEAK_TARGETS_MB.get(records)
    if peak_target:
        line += f" (target < {peak_target:,} MB: {_verdict(etl['peak_mb'], peak_target, 'MB')})"
    print(line)
    if "bare" in result:
        bare = result["bare"]
        print(
            f"bare ingest {bare['seconds']} s, peak {bare['peak_mb']:,} MB; ratio ETL / bare: "
            f"{etl['ratio']} (target ≤ {RATIO_TARGET}: {_verdict(etl['ratio'], RATIO_TARGET, '×')})"
        )
    print(
        f"warehouse {result['warehouse_mb']:,} MB, daily_activity {result['daily_activity_rows']:,} rows"
    )
    print("| page | p50 ms | p95 ms |" + (f" target p95 ≤ {target:.0f} ms |" if target else ""))
    for page, figures in result["pages"].items():
        verdict = f" {_verdict(figures['p95'], target, 'ms')} |" if target else ""
        print(f"| {page} | {figures['p50']} | {figures['p95']} |{verdict}")
    direct = result["direct"]
    print(
        f"KPIs + league ({direct['views']} views): summaries p50 {direct['summaries']['p50']} ms / p95 {direct['summaries']['p95']} ms; "
        f"straight from applications p50 {direct['applications']['p50']} ms / p95 "
        f"{direct['applications']['p95']} ms; gain ×{direct['gain_p50']}"
    )
    daily = result["daily_load"]
    line = f"daily export of {daily['rows']:,} rows: {daily['seconds']} s, peak {daily['peak_mb']:,} MB"
    if records >= 50_000_000:
        line += f" (target < {DAILY_TARGET_S} s: {_verdict(daily['seconds'], DAILY_TARGET_S, 's')})"
    print(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000000,10000000,50000000")
    parser.add_argument("--views", type=int, default=50)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workdir", type=Path, default=PROJECT / "benchmarks" / "out" / "scale")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="use the warehouse and ETL figures an earlier run left in --workdir",
    )
    parser.add_argument("--json", type=Path, default=OUT, help="result file")
    args = parser.parse_args()
    results = [
        bench_size(int(size), args.workdir, args.views, args.seed, args.reuse)
        for size in args.sizes.split(",")
    ]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")
    print(f"\nwritten to {shown_path(args.json)}")


if __name__ == "__main__":
    main()
