"""/chi-so-766 in Debian's Chromium on the small sample (issue 15): it draws in both languages
without an exception box, and a click on a row of the wards' ranking opens that unit's view on
the same page (`?ma=`). Waits for state (the run finished, every chart drawn), never for time."""

from __future__ import annotations

from present.strings import t
from tests.test_browser_app import (  # noqa: F401 (fixtures)
    ARTIFACTS,
    assert_clean,
    base_url,
    open_view,
    page,
    small,
    sync_api,
    wait_until_drawn,
)

# Streamlit's grid draws rows of 35 px under a header of the same height; its first column is
# the row selector.
ROW_PX = 35


def test_the_page_draws_in_both_languages(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    open_view(page, f"{base_url}/chi-so-766")
    assert_clean(page)
    assert page.locator("h1").first.inner_text() == t("i766.title", "vi")
    assert page.locator(".stPlotlyChart").count() == 2
    page.screenshot(path=ARTIFACTS / "chi-so-766.png", full_page=True)
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.locator("h1", has_text=t("i766.title", "en")).wait_for()
    wait_until_drawn(page)
    assert_clean(page)
    page.screenshot(path=ARTIFACTS / "chi-so-766-en.png", full_page=True)


def test_a_click_on_the_ranking_opens_the_unit(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    open_view(page, f"{base_url}/chi-so-766")
    # The wards' ranking, by its widget key (app_pages/index_766.py: "i766_" + its subject).
    grid = page.locator('.st-key-i766_chi-so-766-xep-hang [data-testid="stDataFrame"]')
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 12, box["y"] + ROW_PX + ROW_PX / 2)
    heading = page.locator("h1", has_text=t("i766.unit_title", "vi", name="").strip())
    heading.wait_for()
    wait_until_drawn(page)
    assert_clean(page)
    assert "ma=" in page.url
    assert page.locator(".stPlotlyChart").count() == 1
    page.screenshot(path=ARTIFACTS / "chi-so-766-don-vi.png", full_page=True)
