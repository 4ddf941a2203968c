"""Retake the after-screenshots of issue 13 from the running code, so the README's pictures
show what the app draws today.

    python3 docs/screens/take.py [--prefix after]

Starts `streamlit run app.py` on the warehouse at `WAREHOUSE_PATH` (default
`data/warehouse.duckdb`, the Hải Phòng sample: `python3 -m etl build`), opens the published
period (1/7–20/8/2025) in Debian's Chromium and writes, next to this file: the overview, the
ward/commune page and the simplification page at 1440×900, the overview on a phone (390×844),
and the first two A4 pages of the printed overview (Chromium's print to PDF, rendered by
pdftoppm at 60 dpi). Each picture is taken once the page has settled (the same test as
`benchmarks/bench_browser.py`).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlencode

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

# isort: split
from benchmarks.bench_browser import CHROMIUM, CHROMIUM_FLAGS, settle  # noqa: E402
from benchmarks.bench_crowd import start_server  # noqa: E402
from etl.settings import warehouse_path  # noqa: E402

PUBLISHED = urlencode({"period": "Tùy chọn", "dates": ["2025-07-01", "2025-08-20"]}, doseq=True)
DESKTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
# name: (page path, viewport)
SCREENS = {
    "overview": ("", DESKTOP),
    "phuong-xa": ("phuong-xa", DESKTOP),
    "don-gian-hoa": ("don-gian-hoa", DESKTOP),
    "phone": ("", PHONE),
}
PRINT_DPI = 60


def _open(browser, url: str, viewport: dict):
    context = browser.new_context(viewport=viewport)
    tab = context.new_page()
    tab.goto(url)
    settle(tab)
    return context, tab


def _print_pages(tab, prefix: str) -> None:
    """The first two A4 pages of the printed overview, as a reader holds them."""
    with tempfile.TemporaryDirectory() as folder:
        pdf = Path(folder) / "print.pdf"
        tab.pdf(path=str(pdf), format="A4", print_background=True)
        stem = Path(folder) / "page"
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(PRINT_DPI), "-f", "1", "-l", "2", pdf, stem],
            check=True,
        )
        for number, png in enumerate(sorted(Path(folder).glob("page*.png")), start=1):
            (HERE / f"{prefix}-print-{number}.png").write_bytes(png.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prefix", default="after")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    db = warehouse_path()
    if not db.exists():
        sys.exit(f"no warehouse at {db}: python3 -m etl build (or set WAREHOUSE_PATH)")
    server, base = start_server(db, Path(tempfile.gettempdir()) / "take-screens.log")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for name, (path, viewport) in SCREENS.items():
                context, tab = _open(browser, f"{base}/{path}?{PUBLISHED}", viewport)
                tab.screenshot(path=str(HERE / f"{args.prefix}-{name}.png"))
                if name == "overview":
                    _print_pages(tab, args.prefix)
                context.close()
                print(f"{args.prefix}-{name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
