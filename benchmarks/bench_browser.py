"""Speed a person feels: time until a page has settled in a real browser.

Starts `streamlit run app.py` on the warehouse at `WAREHOUSE_PATH` (default
`data/warehouse.duckdb`) pinned to CPU 0, and drives Debian's Chromium (Playwright, never a
downloaded browser) pinned to CPU 1. For every page of the navigation (and the unit view):
- --opens times a pasted link: a new browser context (no session, its own empty HTTP cache:
  a first visit) opens the
  page's URL with filters;
- --changes times a filter change: a click on a channel of the filter bar, alternating.
"Settled" is what a reader waits for: the script has finished (no running indicator), the
page title is drawn, no placeholder skeleton is left and every Plotly chart has drawn its SVG.
Printed per page: p50 / p95 of both, beside the targets (filter change ≤ 1.0 s p95, pasted
link ≤ 2.0 s p95 on the Hải Phòng sample, 2 cores).

    python -m benchmarks.bench_browser [--opens 10] [--changes 10]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

if not __package__:  # run as a file (python3 benchmarks/bench_browser.py): the project root
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# isort: split
from benchmarks.bench_crowd import (
    CLIENT_CPU,
    OUT,
    _percentile,
    choices,
    navigation_paths,
    start_server,
)
from etl.settings import warehouse_path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
TARGET_CHANGE_S, TARGET_OPEN_S = 1.0, 2.0
VIEWPORT = {"width": 1440, "height": 900}
TIMEOUT_MS = 120_000
RESULT = OUT.with_name("bench_browser.json")
# True once the app has finished a run that really happened: the title is drawn, nothing is
# stale or still a placeholder, and every chart has its SVG.
SETTLED = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (!document.querySelector('[data-testid="stMain"] h1')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  if (document.querySelector('[data-stale="true"]')) return false;
  for (const chart of document.querySelectorAll('[data-testid="stPlotlyChart"]')) {
    if (!chart.querySelector('.main-svg')) return false;
  }
  return window.__tthcRan !== false;
}"""
# Arm a flag that turns true when the next script run starts (a click's rerun).
ARM = """() => {
  window.__tthcRan = false;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(() => {
    if (app.getAttribute('data-test-script-state') === 'running') window.__tthcRan = true;
  }).observe(app, {attributes: true});
}"""
CHANNEL_LABEL = "Trực tuyến"


def page_url(base: str, path: str, unit_code: str) -> str:
    query = {"period": "Quý này"} | ({"ma": unit_code} if path == "don-vi" else {})
    return f"{base}/{path}?{urlencode(query)}"


def settle(tab) -> None:
    tab.wait_for_function(SETTLED, timeout=TIMEOUT_MS, polling=50)


def pasted_links(browser, url: str, count: int) -> list[float]:
    timings = []
    for _ in range(count):
        context = browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        started = time.perf_counter()
        tab.goto(url)
        settle(tab)
        timings.append(time.perf_counter() - started)
        context.close()
    return timings


def filter_changes(browser, url: str, count: int) -> list[float]:
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.goto(url)
    settle(tab)
    pill = tab.locator('[data-testid="stSidebar"] button', has_text=CHANNEL_LABEL).first
    timings = []
    for _ in range(count):
        tab.evaluate(ARM)
        started = time.perf_counter()
        pill.click()
        settle(tab)
        timings.append(time.perf_counter() - started)
    context.close()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--opens", type=int, default=10)
    parser.add_argument("--changes", type=int, default=10)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    db = warehouse_path()
    if not db.exists():
        sys.exit(f"no warehouse at {db}: python -m etl build (or set WAREHOUSE_PATH)")
    unit_code = choices(db).unit_codes[0]
    paths = navigation_paths()  # the unit view included (hidden in the navigation)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    server, base = start_server(db, RESULT.with_suffix(".log"))
    # Playwright's driver and Chromium inherit this process's core, away from the server's.
    if hasattr(os, "sched_setaffinity") and (os.cpu_count() or 1) > 1:
        os.sched_setaffinity(0, {CLIENT_CPU})
    rows: dict[str, dict] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            pasted_links(browser, base, 1)  # the server's first run pays its imports
            for path in paths:
                url = page_url(base, path, unit_code)
                opens = pasted_links(browser, url, args.opens)
                changes = filter_changes(browser, url, args.changes)
                rows[path or "tong-quan"] = {"opens": opens, "changes": changes}
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
    _report(rows)


def _report(rows: dict[str, dict]) -> None:
    print("Server pinned to CPU 0, Chromium to CPU 1; settled = script finished, title drawn,")
    print("no placeholder or stale element, every chart's SVG drawn.")
    print(f"{'page':<22}{'link p50':>9}{'p95':>7}{'change p50':>11}{'p95':>7}")
    worst_open = worst_change = 0.0
    for name, row in rows.items():
        open_p95, change_p95 = _percentile(row["opens"], 0.95), _percentile(row["changes"], 0.95)
        worst_open, worst_change = max(worst_open, open_p95), max(worst_change, change_p95)
        print(
            f"{name:<22}{statistics.median(row['opens']):>8.2f}s{open_p95:>6.2f}s"
            f"{statistics.median(row['changes']):>10.2f}s{change_p95:>6.2f}s"
        )
    for label, worst, target in (
        ("filter change, worst page p95", worst_change, TARGET_CHANGE_S),
        ("pasted link, worst page p95", worst_open, TARGET_OPEN_S),
    ):
        verdict = "met" if worst <= target else f"missed by {worst - target:.2f} s"
        print(f"{label}: {worst:.2f} s (target ≤ {target} s: {verdict})")
    RESULT.write_text(json.dumps(rows, indent=2))


if __name__ == "__main__":
    main()
