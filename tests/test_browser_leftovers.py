"""Issue 13's leftovers in Chromium: printed card groups as an even grid, links whose unknown
values are named and ignored, phone tables without a sideways scroll. One server on the small
warehouse for the module; every test waits for the state it asserts."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

from tests.test_browser_app import (
    LOAD_TIMEOUT_MS,
    base_url,  # noqa: F401  (module fixture: the server)
    open_view,
    small,  # noqa: F401  (module fixture: the warehouse)
    sync_api,
)
from ui.report_view import A4_PRINT_WIDTH_PX

PERIOD = urlencode({"period": "Tùy chọn", "dates": ["2025-07-01", "2025-08-20"]}, doseq=True)


@pytest.fixture
def a4_page(browser: sync_api.Browser, base_url: str) -> Iterator[sync_api.Page]:  # noqa: F811
    """A tab as wide as an A4 sheet's printable width (what Chromium lays a page out at)."""
    context = browser.new_context(viewport={"width": A4_PRINT_WIDTH_PX, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    yield tab
    context.close()


def _printed(tab: sync_api.Page) -> None:
    """Switch to print media and wait until the print styles apply (no sidebar)."""
    tab.emulate_media(media="print")
    tab.wait_for_function(
        "() => getComputedStyle(document.querySelector('[data-testid=\"stSidebar\"]')).display"
        " === 'none'"
    )


# Every card (the box a row of cards lays out: a row's child) as [top, left, width], per row.
CARD_BOXES = """() => {
  const rows = new Map();
  for (const metric of document.querySelectorAll('[data-testid="stMain"] [data-testid="stMetric"]')) {
    const card = metric.closest(
      '[data-testid="stHorizontalBlock"] > [data-testid="stLayoutWrapper"]');
    if (!card) continue;
    const box = card.getBoundingClientRect();
    const row = card.parentElement;
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row).push([Math.round(box.top), Math.round(box.left), Math.round(box.width)]);
  }
  return [...rows.values()];
}"""

CARD_PAGES = ["", "?report=true", "don-vi?ma=11407", "bao-cao", "can-bo", "don-gian-hoa", "thu-tuc"]


@pytest.mark.parametrize("path", CARD_PAGES)
def test_printed_card_groups_are_an_even_grid(
    a4_page: sync_api.Page,
    base_url: str,  # noqa: F811
    path: str,
) -> None:
    open_view(a4_page, f"{base_url}/{path}{'&' if '?' in path else '?'}{PERIOD}")
    _printed(a4_page)
    rows = a4_page.evaluate(CARD_BOXES)
    assert rows, path
    widths = [width for row in rows for _, _, width in row]
    # One column width for every card of the page: no card stretched across its row (was
    # three cards and a fourth as wide as all three), no group of two twice as wide.
    assert max(widths) - min(widths) <= 1, (path, rows)
    # Four columns at most: a card of a group's second line stands under one of the first.
    for row in rows:
        assert len({left for _, left, _ in row}) <= 4, (path, row)
    main = a4_page.locator('[data-testid="stMainBlockContainer"]').bounding_box()
    right = max(left + width for row in rows for _, left, width in row)
    assert right <= main["x"] + main["width"] + 1, (path, rows)  # nothing past the paper


def test_a_corrected_link_is_the_address_shown(
    browser: sync_api.Browser,
    base_url: str,  # noqa: F811
) -> None:
    """A link with codes (`?lang=en`, `?unit=11407`) and a value no picker lists: the notice
    is in the language in force, and the address bar shows the view in force, so a copied
    link reproduces it (the codes were dropped from the address before)."""
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    try:
        query = urlencode({"lang": "en", "unit": ["11407", "nope"], "rank": "nope"}, doseq=True)
        open_view(tab, f"{base_url}/?{query}")
        tab.locator("h1", has_text="Overview of administrative procedures").wait_for()
        sidebar = tab.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
        assert "Wards and communes: «nope»" in sidebar.inner_text()
        main = tab.locator('[data-testid="stMain"] [data-testid="stAlert"]')
        assert "Rank by: «nope»" in main.filter(has_text="Rank by").inner_text()
        tab.wait_for_function("() => location.search.includes('lang=English')")
        shown = parse_qs(urlsplit(tab.url).query)
        assert shown["lang"] == ["English"] and shown["unit"] == ["Phường An Biên"], shown
    finally:
        context.close()
