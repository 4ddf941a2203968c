"""The staff and workload page (/can-bo) in Debian's Chromium, both languages, on the small
sample (staffing included): it draws its charts without an exception box, and the language
switch relabels it. Waits for state (the run finished, every chart drawn), never for time."""

from __future__ import annotations

from present.strings import t
from tests.test_browser_app import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    assert_clean,
    base_url,
    open_view,
    page,
    shown_metrics,
    small,
    sync_api,
    wait_until_drawn,
)


def test_the_page_draws_in_both_languages(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    open_view(page, f"{base_url}/can-bo")
    assert_clean(page)
    assert page.locator("h1").first.inner_text() == t("workload.title", "vi")
    assert page.locator(".stPlotlyChart").count() == 4
    assert t("workload.requests_total", "vi") in shown_metrics(page, cards=4)
    page.screenshot(path=ARTIFACTS / "can-bo.png", full_page=True)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.locator("h1", has_text=t("workload.title", "en")).wait_for()
    wait_until_drawn(page)
    assert_clean(page)
    assert t("workload.requests_total", "en") in shown_metrics(page, cards=4)
    page.screenshot(path=ARTIFACTS / "can-bo-en.png", full_page=True)
