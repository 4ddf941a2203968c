"""First start on a clean clone: from `streamlit run app.py` to an overview a person can read.

    python -m benchmarks.bench_first_start [--workdir DIR]

Clones the project's committed HEAD into a fresh folder (no warehouse, no sample exports), starts
the app there as the README says (`streamlit run app.py`, the sample built on the first visit)
and opens its address in Debian's Chromium (Playwright, never a downloaded browser). Times, from
the start of the server:
- the server answering its health check;
- the warehouse file appearing (sample generated and loaded, `etl.build`);
- the overview settled (the same test as `bench_browser`: script finished, title drawn, no
  placeholder, every chart drawn).
Prints each beside issue 17's target for the whole (< 60 s on 2 cores).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

if not __package__:  # run as a file (python3 benchmarks/bench_first_start.py)
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# isort: split
from benchmarks.bench_browser import CHROMIUM, CHROMIUM_FLAGS, SETTLED, VIEWPORT
from benchmarks.bench_crowd import _free_port
from etl.settings import DEFAULT_WAREHOUSE

PROJECT = Path(__file__).resolve().parent.parent
TARGET_S = 60.0
TIMEOUT_S = 600


def clean_clone(workdir: Path) -> Path:
    """The committed HEAD, as `git clone` gives it to a new user."""
    clone = workdir / "clone"
    shutil.rmtree(clone, ignore_errors=True)
    subprocess.run(["git", "clone", "--quiet", str(PROJECT), str(clone)], check=True)
    return clone


def _wait(condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            sys.exit(f"{what} did not happen within {TIMEOUT_S} s")
        time.sleep(0.1)


def _healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as answer:
            return answer.status == 200
    except OSError:
        return False


def first_start(clone: Path) -> dict[str, float]:
    """Seconds from the server's start to each milestone of the first visit."""
    from playwright.sync_api import sync_playwright

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    warehouse = clone / DEFAULT_WAREHOUSE.relative_to(PROJECT)
    log = (clone / "first-start.log").open("w")
    started = time.perf_counter()
    server = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
            "--server.address", "127.0.0.1", "--server.headless", "true",
            "--browser.gatherUsageStats", "false",
        ],
        cwd=clone, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    marks: dict[str, float] = {}
    try:
        _wait(lambda: _healthy(base), "the health check")
        marks["server answers"] = time.perf_counter() - started
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tab = browser.new_context(viewport=VIEWPORT).new_page()
            tab.goto(base)
            _wait(warehouse.exists, "the sample build")
            marks["sample built and loaded"] = time.perf_counter() - started
            tab.wait_for_function(SETTLED, timeout=TIMEOUT_S * 1000, polling=100)
            marks["overview settled"] = time.perf_counter() - started
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=None, help="where the clone goes")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="first-start-"))
    marks = first_start(clean_clone(workdir))
    print("| from `streamlit run app.py` on a clean clone | seconds |")
    print("|---|---:|")
    for name, seconds in marks.items():
        print(f"| {name} | {seconds:.1f} |")
    total = marks["overview settled"]
    verdict = "met" if total < TARGET_S else f"missed by {total - TARGET_S:.1f} s"
    print(f"first start: {total:.1f} s (target < {TARGET_S:.0f} s: {verdict})")
    if args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
