"""The first visitors of a freshly started server: a browser tab for every page URL, all
opened at the same moment, several times over, each time against a new `streamlit run`. No page shows an
exception box (a cold server once gave one to five of them "partially initialized module
'pandas' has no attribute 'Series'", from first runs importing lazily in parallel threads).

Each tab is checked once its script has finished: its title (or an exception box) is drawn,
the run has stopped, and every chart has drawn. No dialog either: Streamlit's English "Page not
found" box came with a fresh server's first visits to a shared link while the page scripts sat
in a `pages/` folder. Each round opens every page URL on the cold server, then again in new
browser contexts once it is warm."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.small_warehouse import build_small_warehouse
from tests.test_browser_app import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    LOAD_TIMEOUT_MS,
    VIEWPORT,
    start_streamlit,
    stop,
    sync_api,
    wait_until_run,
)

pytestmark = pytest.mark.slow

# Two fresh servers, each visited cold and then warm: every URL opened four times in new
# browser contexts (a third round added two minutes to the suite).
ROUNDS = 2
# A tab for every page URL (the unit views with their parameter).
PATHS = (
    "", "tong-quan", "phuong-xa", "don-vi?ma=11311", "thu-tuc", "don-gian-hoa", "bieu-ii-06a",
    "chat-luong-du-lieu", "bao-cao", "can-bo", "chi-so-766?ma=11311", "nap-du-lieu",
)  # fmt: skip


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("cold") / "warehouse.duckdb")


def finished(tab: sync_api.Page) -> None:
    """Wait until the tab's script has run to its end (or stopped on an exception box) and
    every element it sent is drawn. Charts are left to draw on their own: an exception or a
    dialog is Streamlit's, never Plotly's, and twelve tabs drawing charts at once on two cores
    tripled the test's time."""
    tab.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    exception = tab.locator('[data-testid="stException"]')
    exception.or_(tab.locator('[data-testid="stMain"] h1')).first.wait_for()
    if exception.count() == 0:
        wait_until_run(tab)


def visit_at_once(browser: sync_api.Browser, url: str) -> list[tuple[str, str]]:
    """Open every path in its own new context at the same moment; return each exception box
    and dialog seen, with its path."""
    tabs = [browser.new_context(viewport=VIEWPORT).new_page() for _ in PATHS]
    for tab in tabs:
        tab.set_default_timeout(LOAD_TIMEOUT_MS)
    for tab, path in zip(tabs, PATHS, strict=True):
        tab.goto(f"{url}/{path}", wait_until="commit")
    problems = []
    for tab, path in zip(tabs, PATHS, strict=True):
        finished(tab)
        exceptions = tab.locator('[data-testid="stException"]').all_inner_texts()
        dialogs = tab.locator('[role="dialog"]').all_inner_texts()
        problems += [(path, text) for text in exceptions + dialogs]
        tab.context.close()
    return problems


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_first_visitors_of_every_page_at_once_see_no_exception(
    warehouse: Path, tmp_path: Path, round_: int
) -> None:
    server, url = start_streamlit(warehouse, tmp_path / "streamlit.log")
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            problems = [visit_at_once(browser, url) for _ in ("cold", "warm")]
            browser.close()
    finally:
        stop(server)
    log = (tmp_path / "streamlit.log").read_text(encoding="utf-8")
    assert problems == [[], []], log[-3000:]
    assert "Traceback" not in log, log[-3000:]
