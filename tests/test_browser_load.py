"""The dashboard under load: five browser sessions click through pages while three loads
(`python -m etl load`, one after another) replace the warehouse. No session ever shows an
exception box, and every overview shows the numbers of exactly one warehouse version: its
freshness line (all applications) and its "received" card (this month) are a pair that some
version produced, never one number from before a load and one from after."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.load import load_files
from etl.settings import PROJECT_ROOT
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.freshness import freshness
from metrics.kpis import period_kpis
from present import format as fmt
from present.strings import t
from tests.exports import VI_LABELS, application, table, write_csv
from tests.small_warehouse import END, build_small_warehouse
from tests.test_browser_app import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    LOAD_TIMEOUT_MS,
    VIEWPORT,
    assert_clean,
    shown_metrics,
    start_streamlit,
    stop,
    sync_api,
    wait_until_drawn,
)

pytestmark = pytest.mark.slow

SESSIONS = 5
LOADS = 3
PER_LOAD = 40  # applications per export, received in the warehouse's last month
PATHS = ("", "phuong-xa", "thu-tuc", "chat-luong-du-lieu", "bieu-ii-06a")
APPLICATIONS = re.compile(r"· ([\d.]+) hồ sơ")


def export(folder: Path, index: int) -> Path:
    records = [
        application(f"LOAD{index}-{n}", received_at=f"{1 + n % 28:02d}/08/2025 08:00",
                    due_at="30/08/2025 17:00", finished_at=f"{1 + n % 28:02d}/08/2025 15:00")
        for n in range(PER_LOAD)
    ]  # fmt: skip
    return write_csv(folder / f"ho-so-{index}.csv", table(records, VI_LABELS))


def version_pair(warehouse: Path) -> tuple[str, str]:
    """(applications in the freshness line, the received card of the default view) as shown."""
    with snapshot(warehouse) as con:
        fresh = freshness(con)
        start = fresh.data_end.replace(day=1)
        [kpis] = period_kpis(con, Filters(start, fresh.data_end), [(start, fresh.data_end)])
    return fmt.number(fresh.applications, "vi"), fmt.number(kpis.count("received"), "vi")


def rehearsed_loads(folder: Path) -> tuple[Path, list[Path], list[tuple[str, str]]]:
    """The live warehouse, the exports to load into it, and the pair each version shows (the
    same loads rehearsed in order on a copy)."""
    live = build_small_warehouse(folder / "live" / "warehouse.duckdb")
    files = [export(folder, index) for index in range(LOADS)]
    rehearsal = folder / "rehearsal" / "warehouse.duckdb"
    rehearsal.parent.mkdir()
    shutil.copyfile(live, rehearsal)
    pairs = [version_pair(rehearsal)]
    for path in files:
        load_files([path], rehearsal)
        pairs.append(version_pair(rehearsal))
    assert len(set(pairs)) == LOADS + 1 and END.month == 8
    return live, files, pairs


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path], list]]:
    yield rehearsed_loads(tmp_path_factory.mktemp("load"))


def run_loads(live: Path, files: list[Path], failures: list[str]) -> None:
    for path in files:
        done = subprocess.run(
            [sys.executable, "-m", "etl", "load", str(path), "--db", str(live)],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        if done.returncode != 0:
            failures.append(done.stderr[-500:])


def test_five_sessions_while_three_loads_run(setup: tuple, tmp_path: Path) -> None:
    live, files, pairs = setup
    server, url = start_streamlit(live, tmp_path / "streamlit.log")
    load_failures: list[str] = []
    loader = threading.Thread(target=run_loads, args=(live, files, load_failures))
    seen: list[tuple[str, str]] = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            contexts = [browser.new_context(viewport=VIEWPORT) for _ in range(SESSIONS)]
            tabs = [context.new_page() for context in contexts]
            for tab in tabs:
                tab.set_default_timeout(LOAD_TIMEOUT_MS)
            tabs[0].goto(url)  # a fresh server's first run goes to the main page
            wait_until_drawn(tabs[0])
            loader.start()
            step = 0
            while loader.is_alive() or step < 2 * SESSIONS:
                # Every session asks for a page at once, then each is checked when drawn.
                targets = [PATHS[(step + i) % len(PATHS)] for i in range(SESSIONS)]
                for tab, path in zip(tabs, targets, strict=True):
                    tab.goto(f"{url}/{path}", wait_until="commit")
                for tab, path in zip(tabs, targets, strict=True):
                    tab.wait_for_selector('[data-testid="stApp"]')
                    wait_until_drawn(tab)
                    assert tab.locator('[role="dialog"]').all_inner_texts() == [], path
                    assert_clean(tab)
                    if path == "":
                        seen.append(_shown_pair(tab))
                step += SESSIONS
            loader.join()
            tabs[0].goto(url)
            wait_until_drawn(tabs[0])
            final = _shown_pair(tabs[0])
            browser.close()
    finally:
        loader.join(timeout=120)
        stop(server)
    assert load_failures == []
    assert seen and all(pair in pairs for pair in seen), (seen, pairs)
    assert final == pairs[-1]


def _shown_pair(tab: sync_api.Page) -> tuple[str, str]:
    captions = " ".join(tab.locator('[data-testid="stCaptionContainer"]').all_inner_texts())
    applications = APPLICATIONS.search(captions)
    assert applications, captions
    return applications.group(1), shown_metrics(tab)[t("kpi.received", "vi")]
