"""The app in a real browser: Playwright drives Debian's Chromium (never a downloaded one)
against `streamlit run` on a small warehouse. Every page of the navigation draws without an
exception box and with its charts; a URL with filters shows the KPIs `metrics/` computes;
the language switch, report view, chart PNG export and print work. Screenshots go to
tests/artifacts/browser/ (git-ignored)."""

from __future__ import annotations

import ast
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest

from etl.settings import PROJECT_ROOT
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from present.cards import CARDS, format_value
from present.strings import t
from tests.small_warehouse import build_small_warehouse

CHROMIUM = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
if not Path(CHROMIUM).exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: apt-get install chromium (never `playwright install`)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright==1.65.2")
pypdf = pytest.importorskip("pypdf", reason="pypdf is in requirements-dev.txt")

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = PROJECT_ROOT / "tests" / "artifacts" / "browser"
VIEWPORT = {"width": 1400, "height": 900}
# Generous: two busy cores, a cold cache, a first run that imports everything.
LOAD_TIMEOUT_MS = 60_000
STARTUP_TIMEOUT_S = 60


def navigation_paths() -> list[str]:
    """The URL path of every st.Page in app.py that the navigation shows: "" for the default
    page (Streamlit serves it at "/" only); hidden pages need a parameter and are reached
    from another page."""
    paths = []
    for node in ast.walk(ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            keywords = {k.arg: k.value for k in node.keywords}
            hidden = keywords.get("visibility")
            if isinstance(hidden, ast.Constant) and hidden.value == "hidden":
                continue
            default = keywords.get("default")
            is_default = isinstance(default, ast.Constant) and default.value is True
            paths.append("" if is_default else ast.literal_eval(keywords["url_path"]))
    return paths


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("browser") / "warehouse.duckdb")


def start_streamlit(warehouse: Path, log: Path, *options: str) -> tuple[subprocess.Popen, str]:
    """`streamlit run app.py` on 127.0.0.1 for `warehouse` (and Streamlit `options` such as
    `--secrets.files PATH`); returns once it answers."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", *options],
        cwd=PROJECT_ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT,
        env=os.environ | {"WAREHOUSE_PATH": str(warehouse), "AUTO_BUILD_SAMPLE": "0"},
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return server, url
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                raise RuntimeError(f"streamlit did not start; see {log}") from None
            time.sleep(0.2)


def stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()


@pytest.fixture(scope="module")
def base_url(small: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` on the small warehouse, until the module ends."""
    server, url = start_streamlit(small, tmp_path_factory.mktemp("streamlit") / "streamlit.log")
    try:
        yield url
    finally:
        stop(server)


@pytest.fixture
def page(browser: sync_api.Browser, base_url: str) -> Iterator[sync_api.Page]:
    context = browser.new_context(viewport=VIEWPORT, accept_downloads=True)
    tab = context.new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    yield tab
    context.close()


def open_view(page: sync_api.Page, url: str) -> sync_api.Page:
    """Load `url` and wait until the script has finished and every chart has drawn."""
    page.goto(url)
    page.wait_for_selector('[data-testid="stApp"][data-test-connection-state="CONNECTED"]')
    wait_until_drawn(page)
    return page


def wait_until_run(page: sync_api.Page) -> None:
    """The script has run to its end and every element it sent is there (charts may still be
    drawing)."""
    # "notRunning" is also the state before the first run starts: wait for the page's title
    # first, so the run has really happened.
    page.wait_for_selector('[data-testid="stMain"] h1')
    page.wait_for_selector('[data-test-script-state="notRunning"]')
    # An element whose code is loaded lazily is a skeleton until that code arrives, which can
    # be after the run has finished: a link or a notice is only there once none is left.
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')")


def wait_until_drawn(page: sync_api.Page) -> None:
    """The script has run and every chart is drawn."""
    wait_until_run(page)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.stPlotlyChart')]"
        ".every(chart => chart.querySelector('.main-svg'))"
    )


def assert_clean(page: sync_api.Page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[role="dialog"]').count() == 0  # e.g. "Page not found"


def shown_metrics(page: sync_api.Page, cards: int = len(CARDS)) -> dict[str, str]:
    """Label → value of the KPI cards, read once all `cards` of them are drawn with a value
    and none is stale: the cards arrive one by one, so reading at the first would miss some."""
    page.wait_for_function(
        """count => {
             const cards = [...document.querySelectorAll('[data-testid="stMetric"]')];
             return cards.length === count
               && !document.querySelector('[data-stale="true"]')
               && cards.every(c => c.querySelector('[data-testid="stMetricValue"]')
                                  && c.querySelector('[data-testid="stMetricLabel"]'));
           }""",
        arg=cards,
    )
    return {
        card.locator('[data-testid="stMetricLabel"]').inner_text().strip(): card.locator(
            '[data-testid="stMetricValue"]'
        )
        .inner_text()
        .strip()
        for card in page.locator('[data-testid="stMetric"]').all()
    }


def test_every_page_of_the_navigation_draws(page: sync_api.Page, base_url: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    open_view(page, base_url)  # a fresh server's first run goes to the main page
    paths = navigation_paths()
    assert {"", "bao-cao"} <= set(paths)
    for path in paths:
        open_view(page, f"{base_url}/{path}")
        assert_clean(page)
        assert page.locator("h1").count() >= 1, path
        page.screenshot(path=ARTIFACTS / f"{path or 'tong-quan'}.png", full_page=True)


def test_a_url_with_filters_shows_the_kpis_metrics_computes(
    page: sync_api.Page, base_url: str, small: Path
) -> None:
    query = urlencode(
        {"period": "Tùy chọn", "dates": ["2025-08-05", "2025-08-20"], "channel": "Trực tuyến"},
        doseq=True,
    )
    open_view(page, f"{base_url}/?{query}")
    assert_clean(page)
    period = (date(2025, 8, 5), date(2025, 8, 20))
    with snapshot(small) as con:
        [now] = period_kpis(con, Filters(*period, channels=(2,)), [period])
    shown = shown_metrics(page)
    for card in CARDS:
        label = t(f"kpi.{card.kpi}", "vi")
        assert shown[label] == format_value(card.kind, card.value(now), "vi"), label
    page.screenshot(path=ARTIFACTS / "tong-quan-loc.png", full_page=True)


def test_chart_png_export_is_3x_named_by_what_and_when(page: sync_api.Page, base_url: str) -> None:
    open_view(
        page,
        f"{base_url}/?{urlencode({'period': 'Tùy chọn', 'dates': ['2025-08-05', '2025-08-20']}, doseq=True)}",
    )
    chart = page.locator(".stPlotlyChart").first
    drawn = chart.evaluate("el => el.querySelector('.main-svg').parentElement.textContent")
    assert "Thành phố Hải Phòng, 05/08–20/08/2025" in drawn  # subtitle: where and when
    assert "Nguồn: Hệ thống thông tin giải quyết TTHC, dữ liệu đến 31/08/2025" in drawn
    chart.hover()
    with page.expect_download() as download:
        chart.locator('.modebar-btn[data-title*="PNG" i]').click()
    assert download.value.suggested_filename == "xu-huong_2025-08-05_2025-08-20.png"
    saved = ARTIFACTS / download.value.suggested_filename
    download.value.save_as(saved)
    width = int.from_bytes(saved.read_bytes()[16:20], "big")  # PNG IHDR width
    assert width == 3 * round(chart.bounding_box()["width"])


def test_language_switch_relabels_the_page(page: sync_api.Page, base_url: str) -> None:
    open_view(page, base_url)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.locator("h1", has_text=t("overview.title", "en")).wait_for()
    wait_until_drawn(page)
    assert_clean(page)
    assert page.locator("h1").first.inner_text() == t("overview.title", "en")
    assert t("kpi.received", "en") in shown_metrics(page)


def test_report_view_hides_the_controls_and_is_one_long_page(
    page: sync_api.Page, base_url: str
) -> None:
    open_view(page, f"{base_url}/?report=true")
    assert_clean(page)
    sidebar = page.locator('[data-testid="stSidebar"]').bounding_box()
    assert sidebar is None or sidebar["x"] + sidebar["width"] <= 0  # collapsed
    assert not page.locator(".stButtonGroup").first.is_visible()  # grain and rank pickers
    shot = ARTIFACTS / "tong-quan-che-do-bao-cao.png"
    page.screenshot(path=shot, full_page=True)
    height = int.from_bytes(shot.read_bytes()[20:24], "big")
    assert height > 2 * VIEWPORT["height"]  # the whole page, not one screen of it


def test_report_page_prints_and_downloads_a_clean_pdf(page: sync_api.Page, base_url: str) -> None:
    open_view(page, f"{base_url}/bao-cao")
    assert_clean(page)
    printed = ARTIFACTS / "bao-cao-in-trinh-duyet.pdf"
    page.emulate_media(media="print")
    # The print styles arrive as an element of the run; wait until they hide the sidebar.
    page.wait_for_function(
        "() => { const bar = document.querySelector('[data-testid=\"stSidebar\"]');"
        " return !bar || getComputedStyle(bar).display === 'none'; }"
    )
    page.pdf(path=printed, format="A4")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(printed).pages)
    assert t("report.title", "vi") in " ".join(text.split())
    assert t("filters.header", "vi") not in text  # the sidebar is not printed
    assert t("report.download", "vi") not in text
    page.emulate_media(media="screen")
    with page.expect_download(timeout=LOAD_TIMEOUT_MS) as download:
        page.get_by_text(t("report.download", "vi")).click()
    assert download.value.suggested_filename == "bao-cao_2025-08-01_2025-08-31.pdf"
    saved = ARTIFACTS / download.value.suggested_filename
    download.value.save_as(saved)
    pages = [page.extract_text() for page in pypdf.PdfReader(saved).pages]
    # The report's two pages, then its topic sections (agencies, staffing, QĐ 766).
    assert len(pages) >= 3
    assert t("report.title", "vi") in " ".join(pages[0].split())
    assert f"{t('report.page', 'vi')} {len(pages)}/{len(pages)}" in pages[-1]
