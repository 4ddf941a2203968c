"""Signing in, in a real browser (Playwright driving Debian's Chromium), against `streamlit run`
with password accounts: an administrator who signs in from any page URL of the navigation
(hidden ones too: the unit view with its `?ma=`, the upload page) sees that page, with no
exception box, on a freshly started server and on one that has already served other sessions
and other roles. A page an account may not open says why at its own URL: uploads on an open
dashboard, uploads for a city account, the data-quality page for a commune account."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from etl.settings import PROJECT_ROOT
from present.strings import t
from tests.small_warehouse import build_small_warehouse
from tests.test_browser_app import (
    LOAD_TIMEOUT_MS,
    VIEWPORT,
    assert_clean,
    start_streamlit,
    stop,
    sync_api,
    wait_until_drawn,
)
from ui.passwords import make_hash

pytestmark = pytest.mark.slow

PASSWORD = "mat-khau-thu-nghiem"
UNIT, UNIT_NAME = "11311", "Phường Hồng Bàng"  # a ward of the small sample
USERS = {"quantri": "admin", "thanhpho": "city", "an": "commune"}
# The title each page shows, by url_path ("" is the default page, served at "/").
TITLES = {
    "": t("overview.title", "vi"),
    "tong-quan": t("overview.title", "vi"),
    "phuong-xa": t("units.title", "vi"),
    "don-vi": UNIT_NAME,
    "thu-tuc": t("procedures.title", "vi"),
    "don-gian-hoa": t("simplification.title", "vi"),
    "bieu-ii-06a": t("bieu.page_title", "vi"),
    "chat-luong-du-lieu": t("dq.title", "vi"),
    "bao-cao": t("report.title", "vi"),
    "can-bo": t("workload.title", "vi"),
    "chi-so-766": t("i766.title", "vi"),
    "nap-du-lieu": t("upload.title", "vi"),
}
QUERIES = {"don-vi": f"?ma={UNIT}"}  # a hidden page that needs its parameter


def app_url_paths() -> list[str]:
    """The url_path of every st.Page in app.py, hidden ones included ("" for the default)."""
    paths = []
    for node in ast.walk(ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            keywords = {k.arg: k.value for k in node.keywords}
            default = keywords.get("default")
            is_default = isinstance(default, ast.Constant) and default.value is True
            paths.append("" if is_default else ast.literal_eval(keywords["url_path"]))
    return paths


URLS = [f"{path}{QUERIES.get(path, '')}" for path in app_url_paths()]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("sign-in") / "warehouse.duckdb")


@pytest.fixture(scope="module")
def secrets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    digest = make_hash(PASSWORD)
    entries = [
        f'[users.{name}]\npassword_hash = "{digest}"\nrole = "{role}"\n'
        + (f'unit = "{UNIT}"\n' if role == "commune" else "")
        for name, role in USERS.items()
    ]
    path = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def serve(warehouse: Path, secrets: Path, log: Path) -> tuple:
    return start_streamlit(warehouse, log, "--secrets.files", str(secrets))


@pytest.fixture(scope="module")
def used_server(
    warehouse: Path, secrets: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    server, url = serve(warehouse, secrets, tmp_path_factory.mktemp("used") / "streamlit.log")
    try:
        yield url
    finally:
        stop(server)


def new_tab(browser: sync_api.Browser) -> sync_api.Page:
    tab = browser.new_context(viewport=VIEWPORT).new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    return tab


def open_sign_in_form(tab: sync_api.Page, url: str) -> None:
    """Open `url` and wait for the sign-in form's run to finish: no dialog (Streamlit's
    "Page not found") and no exception box, even on a server's first runs."""
    tab.goto(url)
    tab.get_by_label(t("auth.password", "vi")).wait_for()
    tab.wait_for_selector('[data-test-script-state="notRunning"]')
    assert tab.locator('[role="dialog"]').count() == 0, tab.locator(
        '[role="dialog"]'
    ).all_inner_texts()
    assert tab.locator('[data-testid="stException"]').count() == 0


def sign_in(tab: sync_api.Page, name: str, title: str) -> None:
    """Submit the form and wait until the page titled `title` (or an exception box) is drawn."""
    tab.get_by_label(t("auth.username", "vi")).fill(name)
    tab.get_by_label(t("auth.password", "vi")).fill(PASSWORD)
    tab.get_by_role("button", name=t("auth.submit", "vi"), exact=True).click()
    heading = tab.locator('[data-testid="stMain"] h1', has_text=title)
    tab.locator('[data-testid="stException"]').or_(heading).first.wait_for()
    wait_until_drawn(tab)


def assert_on_page(tab: sync_api.Page, url: str, path: str) -> None:
    assert_clean(tab)
    assert tab.locator('[data-testid="stMain"] h1').first.inner_text() == TITLES[path]
    shown = urlsplit(tab.url)
    assert (shown.path, shown.query) == (urlsplit(url).path, urlsplit(url).query)


def admin_signs_in(tab: sync_api.Page, base: str, url: str) -> None:
    path = url.split("?")[0]
    open_sign_in_form(tab, f"{base}/{url}")
    sign_in(tab, "quantri", TITLES[path])
    assert_on_page(tab, f"{base}/{url}", path)
    sidebar = tab.locator('[data-testid="stSidebar"]')
    assert sidebar.get_by_role("link", name=t("nav.upload", "vi")).count() == 1


def test_every_page_of_the_app_has_a_title_here() -> None:
    assert sorted(TITLES) == sorted(app_url_paths())


@pytest.mark.parametrize("url", URLS, ids=lambda url: url or "root")
def test_admin_signs_in_from_any_page_on_a_fresh_server(
    browser: sync_api.Browser, warehouse: Path, secrets: Path, tmp_path: Path, url: str
) -> None:
    server, base = serve(warehouse, secrets, tmp_path / "streamlit.log")
    try:
        tab = new_tab(browser)
        admin_signs_in(tab, base, url)
        tab.context.close()
    finally:
        stop(server)


def test_admin_signs_in_from_any_page_on_a_server_others_have_used(
    browser: sync_api.Browser, used_server: str
) -> None:
    # Other sessions and roles first, kept open: a city account, a commune account, and a
    # session where the city account signs out and the administrator signs in.
    city, commune, switched = new_tab(browser), new_tab(browser), new_tab(browser)
    for tab, name, path in ((city, "thanhpho", "chat-luong-du-lieu"), (commune, "an", "")):
        open_sign_in_form(tab, f"{used_server}/{path}")
        sign_in(tab, name, TITLES[path])
        assert_clean(tab)
    open_sign_in_form(switched, f"{used_server}/phuong-xa")
    sign_in(switched, "thanhpho", TITLES["phuong-xa"])
    switched.get_by_role("button", name=t("auth.sign_out", "vi")).click()
    open_sign_in_form(switched, f"{used_server}/nap-du-lieu")
    sign_in(switched, "quantri", TITLES["nap-du-lieu"])
    assert_on_page(switched, f"{used_server}/nap-du-lieu", "nap-du-lieu")
    for url in URLS:
        tab = new_tab(browser)
        admin_signs_in(tab, used_server, url)
        tab.context.close()
    # The sidebar link of the last administrator opens the upload page.
    tab = new_tab(browser)
    admin_signs_in(tab, used_server, "bao-cao")
    tab.locator('[data-testid="stSidebar"]').get_by_role("link", name=t("nav.upload", "vi")).click()
    tab.locator("h1", has_text=TITLES["nap-du-lieu"]).wait_for()
    wait_until_drawn(tab)
    assert_clean(tab)
    for other in (city, commune, switched, tab):
        other.context.close()


def notice(tab: sync_api.Page) -> str:
    alert = tab.locator('[data-testid="stAlert"] [data-testid="stMarkdownContainer"]')
    return " ".join(alert.inner_text().split())


def markdown_free(key: str) -> str:
    return t(key, "vi").replace("`", "")


@pytest.mark.parametrize(
    ("name", "path", "key"),
    [
        ("thanhpho", "nap-du-lieu", "upload.admin_only"),
        ("an", "chat-luong-du-lieu", "auth.city_only"),
    ],
)
def test_a_page_an_account_may_not_open_says_why_at_its_url(
    browser: sync_api.Browser, used_server: str, name: str, path: str, key: str
) -> None:
    tab = new_tab(browser)
    open_sign_in_form(tab, f"{used_server}/{path}")
    sign_in(tab, name, t(f"nav.{'upload' if path == 'nap-du-lieu' else 'data_quality'}", "vi"))
    assert_clean(tab)
    assert urlsplit(tab.url).path == f"/{path}"
    assert notice(tab) == markdown_free(key)
    assert tab.locator('[data-testid="stFileUploader"], [data-testid="stDataFrame"]').count() == 0
    tab.context.close()


def test_the_upload_url_of_an_open_dashboard_says_uploads_are_off(
    browser: sync_api.Browser, warehouse: Path, tmp_path: Path
) -> None:
    no_users = tmp_path / "secrets.toml"
    no_users.write_text("", encoding="utf-8")
    server, base = serve(warehouse, no_users, tmp_path / "streamlit.log")
    try:
        tab = new_tab(browser)
        tab.goto(base)  # the known "Page not found" of a restart's first sub-page visit: not here
        wait_until_drawn(tab)
        tab.goto(f"{base}/nap-du-lieu")
        tab.locator("h1", has_text=t("nav.upload", "vi")).wait_for()
        wait_until_drawn(tab)
        assert_clean(tab)
        assert urlsplit(tab.url).path == "/nap-du-lieu"
        assert notice(tab) == markdown_free("upload.open_dashboard")
        assert tab.locator('[data-testid="stFileUploader"]').count() == 0
        tab.context.close()
    finally:
        stop(server)
