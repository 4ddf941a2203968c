"""Many people at once: N sessions opening pages at the same moment on one app process.

Starts `streamlit run app.py` on the warehouse at `WAREHOUSE_PATH` (default
`data/warehouse.duckdb`), pinned to CPU 0 with `taskset`, and drives it from this process,
pinned to CPU 1, with browser-less sessions (`benchmarks.stream_client`: the websocket
message a browser tab sends, then the wait for `script_finished`). The browsers' rendering
therefore never competes with the server for its core, and the server's own CPU time is read
from `/proc/<pid>/stat` (user + system), so it counts only the server's work.

For each N in --crowds, --rounds times: N new sessions open a random page with random filters
at the same instant; reported per N are the wall times until each session's script finished
(p50 / p95 / max) and the server CPU seconds per page open. Before the crowds, --singles
sessions open pages one after another on the just-started server: their per-open CPU gives the
p50 target figure (the very first open, which pays the imports and the empty caches, is
reported on its own).

    python -m benchmarks.bench_crowd [--crowds 1 5 10 20] [--rounds 3] [--singles 20]
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlencode

from benchmarks.stream_client import PageOpen, open_page
from etl.settings import PROJECT_ROOT, warehouse_path
from metrics.connection import snapshot
from metrics.freshness import freshness
from metrics.options import filter_options

TARGET_CPU_PER_OPEN_S = 0.15
TARGET_CROWD, TARGET_CROWD_WALL_S = 20, 5.0
SERVER_CPU, CLIENT_CPU = 0, 1
STARTUP_TIMEOUT_S = 60
OUT = PROJECT_ROOT / "benchmarks" / "out" / "bench_crowd.json"
# Filter values people pick, as the URL carries them (the labels the filter bar shows).
PERIOD_LABELS = ("Tháng này", "Tháng trước", "Quý này", "Từ đầu năm", "Từ 01/07/2025")
CHANNEL_LABELS = ("Trực tiếp", "Trực tuyến")
LEVEL_LABELS = ("Cấp tỉnh", "Cấp xã")


def navigation_paths() -> list[str]:
    """The url_path of every page of app.py's navigation ("" for the default page)."""
    paths = []
    for node in ast.walk(ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            keywords = {k.arg: k.value for k in node.keywords}
            default = keywords.get("default")
            if isinstance(default, ast.Constant) and default.value is True:
                paths.append("")
            else:
                paths.append(ast.literal_eval(keywords["url_path"]))
    return [path for path in paths if path != "nap-du-lieu"]  # administrators only


@dataclass(frozen=True)
class Choices:
    """What random views are drawn from: the warehouse's own units and fields."""

    unit_codes: tuple[str, ...]
    unit_names: tuple[str, ...]
    fields: tuple[str, ...]


def choices(db: Path) -> Choices:
    with snapshot(db) as con:
        if freshness(con).applications == 0:
            sys.exit(f"{db} holds no applications: build it first (python -m etl build)")
        options = filter_options(con)
    units = options.units
    return Choices(
        tuple(u.code for u in units), tuple(u.name for u in units), tuple(options.fields)
    )


def random_view(rng: random.Random, pages: list[str], pick: Choices) -> tuple[str, str]:
    """A page and a query string such as a person's click or pasted link makes."""
    page = rng.choice(pages)
    params: list[tuple[str, str]] = [("period", rng.choice(PERIOD_LABELS))]
    if page == "don-vi":
        params.append(("ma", rng.choice(pick.unit_codes)))
    roll = rng.random()
    if roll < 0.25:
        params.append(("channel", rng.choice(CHANNEL_LABELS)))
    elif roll < 0.45:
        params.append(("level", rng.choice(LEVEL_LABELS)))
    elif roll < 0.65 and page != "don-vi":
        params.append(("unit", rng.choice(pick.unit_names)))
    elif roll < 0.8:
        params.append(("field", rng.choice(pick.fields)))
    return page, urlencode(params)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """The app on one core; returns once it answers its health check."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    if shutil.which("taskset"):
        command = ["taskset", "-c", str(SERVER_CPU), *command]
    env = os.environ | {"WAREHOUSE_PATH": str(db), "AUTO_BUILD_SAMPLE": "0"}
    server = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return server, base
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit(f"the app did not start within {STARTUP_TIMEOUT_S} s; see {log}")


def cpu_ticks(pid: int) -> int:
    """User + system CPU of the process, all its threads (fields 14 and 15 of stat), in clock
    ticks (10 ms): differences are taken in ticks, so 15 ticks read as exactly 0.15 s."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def cpu_since(pid: int, before: int) -> float:
    return (cpu_ticks(pid) - before) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def singles(base: str, pid: int, views: list[tuple[str, str]]) -> list[dict]:
    """One page open at a time, each with its own CPU reading."""
    rows = []
    for page, query in views:
        before = cpu_ticks(pid)
        opened = open_page(base, page, query)
        rows.append(asdict(opened) | {"cpu": cpu_since(pid, before)})
    return rows


def crowd(base: str, pid: int, views: list[tuple[str, str]]) -> tuple[list[PageOpen], float]:
    """len(views) sessions released at the same instant; (their opens, server CPU used)."""
    gate = threading.Barrier(len(views))
    results: list[PageOpen | None] = [None] * len(views)

    def session(index: int, page: str, query: str) -> None:
        gate.wait()
        started = time.perf_counter()
        try:
            results[index] = open_page(base, page, query)
        except Exception as error:  # noqa: BLE001  (a session the server never served counts)
            seconds = time.perf_counter() - started
            failure = (f"{type(error).__name__}: {error}",)
            results[index] = PageOpen(page, query, seconds, 0, failure, finished=False)

    threads = [
        threading.Thread(target=session, args=(i, page, query))
        for i, (page, query) in enumerate(views)
    ]
    before = cpu_ticks(pid)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Each session's script has finished; the server is idle again (its CPU is final).
    return [r for r in results if r is not None], cpu_since(pid, before)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crowds", type=int, nargs="+", default=[1, 5, 10, 20])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--singles", type=int, default=20)
    parser.add_argument("--seed", type=int, default=766)
    args = parser.parse_args()
    db = warehouse_path()
    if not db.exists():
        sys.exit(f"no warehouse at {db}: python -m etl build (or set WAREHOUSE_PATH)")
    if hasattr(os, "sched_setaffinity") and os.cpu_count() and os.cpu_count() > 1:
        os.sched_setaffinity(0, {CLIENT_CPU})
    rng = random.Random(args.seed)
    pick, pages = choices(db), navigation_paths()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    server, base = start_server(db, OUT.with_suffix(".log"))
    try:
        single = singles(
            base, server.pid, [random_view(rng, pages, pick) for _ in range(args.singles)]
        )
        crowds = {}
        for n in args.crowds:
            walls, cpu, opens, failures = [], 0.0, 0, []
            for _ in range(args.rounds):
                results, used = crowd(
                    base, server.pid, [random_view(rng, pages, pick) for _ in range(n)]
                )
                walls += [r.seconds for r in results]
                cpu, opens = cpu + used, opens + len(results)
                failures += [r for r in results if r.exceptions or not r.finished]
            crowds[n] = {
                "p50": statistics.median(walls), "p95": _percentile(walls, 0.95),
                "max": max(walls), "cpu_per_open": cpu / opens, "opens": opens,
                "failed": len(failures),
                "errors": sorted({e for r in failures for e in r.exceptions})[:5],
            }  # fmt: skip
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a session still running: the figures are in
            server.kill()
            server.wait()
    _report(single, crowds, args)


def _report(single: list[dict], crowds: dict, args: argparse.Namespace) -> None:
    warm = [row["cpu"] for row in single[1:]] or [single[0]["cpu"]]
    cpu_p50 = statistics.median(warm)
    print("Server pinned to CPU 0 (taskset); sessions from one client process on CPU 1 over")
    print("websockets (no browser); server CPU read from /proc/<pid>/stat (user + system,")
    print("in 10 ms clock ticks).")
    print(
        f"Singles: first open after start {single[0]['cpu']:.2f} s CPU, {single[0]['seconds']:.2f} s wall"
    )
    print(f"         next {len(warm)} opens: CPU p50 {cpu_p50:.3f} s, max {max(warm):.3f} s")
    print(
        f"{'N':>3} {'wall p50':>9} {'p95':>7} {'max':>7} {'CPU/open':>9} {'opens':>6} {'failed':>6}"
    )
    for n, row in crowds.items():
        print(
            f"{n:>3} {row['p50']:>8.2f}s {row['p95']:>6.2f}s {row['max']:>6.2f}s "
            f"{row['cpu_per_open']:>8.3f}s {row['opens']:>6} {row['failed']:>6}"
        )
        for error in row["errors"]:
            print(f"      exception: {error[:160]}")
    verdict = "met" if cpu_p50 <= TARGET_CPU_PER_OPEN_S else "missed"
    print(
        f"server CPU per fresh page open, p50: {cpu_p50:.3f} s (target ≤ {TARGET_CPU_PER_OPEN_S} s: {verdict})"
    )
    if TARGET_CROWD in crowds:
        worst, failed = crowds[TARGET_CROWD]["max"], crowds[TARGET_CROWD]["failed"]
        verdict = "met" if worst <= TARGET_CROWD_WALL_S and not failed else "missed"
        print(
            f"{TARGET_CROWD} simultaneous opens, all finished within: {worst:.2f} s (target ≤ {TARGET_CROWD_WALL_S} s: {verdict})"
        )
    OUT.write_text(
        json.dumps({"singles": single, "crowds": crowds, "args": vars(args)}, indent=2, default=str)
    )


if __name__ == "__main__":
    main()
