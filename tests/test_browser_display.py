"""What a leader sees in Chromium (issue 13): charts that do not mislead, a unit's bar that
opens the unit, and the other display fixes that only a real browser shows. One server on
the small warehouse for the module; every test waits for the state it asserts."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from urllib.parse import urlencode

import pytest
from pypdf import PdfReader

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from present import format as fmt
from present.cards import CARDS, grouped_cards, parts_text
from present.strings import STRINGS, t
from tests.test_browser_app import (
    LOAD_TIMEOUT_MS,
    VIEWPORT,
    assert_clean,
    base_url,  # noqa: F401  (module fixture: the server)
    open_view,
    shown_metrics,
    small,  # noqa: F401  (module fixture: the warehouse)
    sync_api,
    wait_until_drawn,
)

PERIOD = urlencode({"period": "Tùy chọn", "dates": ["2025-07-01", "2025-08-20"]}, doseq=True)


@pytest.fixture
def page(browser: sync_api.Browser, base_url: str) -> Iterator[sync_api.Page]:  # noqa: F811
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    yield tab
    context.close()


@contextmanager
def sized_tab(browser: sync_api.Browser, width: int, height: int) -> Iterator[sync_api.Page]:
    """A tab in a fresh context of this viewport (a phone's below 640 px)."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=width < 640
    )
    tab = context.new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    try:
        yield tab
    finally:
        context.close()


def chart_layouts(page: sync_api.Page) -> list[dict]:
    """Title and x-axis range of every Plotly chart as drawn (Plotly's full layout)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.stPlotlyChart .js-plotly-plot')].map(el => ({
             title: el._fullLayout.title.text,
             x: el._fullLayout.xaxis ? el._fullLayout.xaxis.range : null,
           }))"""
    )


def test_overview_ranking_bars_start_at_zero(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    open_view(page, f"{base_url}/?{PERIOD}")
    assert_clean(page)
    # Best and worst communes, and the agencies' own ranking beside them (issue 12).
    rankings = [
        c
        for c in chart_layouts(page)
        if "phường, xã, đặc khu" in c["title"] or "Sở, ngành" in c["title"]
    ]
    assert len(rankings) == 3, [c["title"] for c in chart_layouts(page)]
    for chart in rankings:
        assert chart["x"][0] == 0, chart  # was 10 points under the lowest rate


def test_clicking_a_units_bar_opens_that_units_page(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    open_view(page, f"{base_url}/?{PERIOD}")
    chart = page.locator(".stPlotlyChart").filter(has_text="cao nhất").first
    first = chart.evaluate("el => el.querySelector('.js-plotly-plot').data[0].y[0]")
    bar = chart.locator(".trace.bars .point path").first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()  # Plotly's drag layer takes the click, at the bar's place
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url("**/don-vi?ma=*")
    page.locator("h1", has_text=first).wait_for()
    wait_until_drawn(page)
    assert_clean(page)
    assert page.locator("h1").first.inner_text() == first


def test_every_rate_card_shows_its_numerator_and_denominator(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    small: Path,  # noqa: F811
) -> None:
    open_view(page, f"{base_url}/?{PERIOD}")
    period = (date(2025, 7, 1), date(2025, 8, 20))
    with snapshot(small) as con:
        [now] = period_kpis(con, Filters(*period), [period])
    rate_cards = [card for card in CARDS if card.kind == "rate"]
    assert len(rate_cards) >= 5
    for card in rate_cards:
        parts = parts_text(card, now, "vi")
        # in the card itself: the innermost block that holds it holds this card's metric only
        card_box = (
            page.locator('[data-testid="stVerticalBlock"]')
            .filter(has=page.get_by_text(parts, exact=True))
            .last
        )
        card_box.wait_for()
        metrics = card_box.locator('[data-testid="stMetricLabel"]')
        assert metrics.all_inner_texts() == [t(f"kpi.{card.kpi}", "vi")], parts


def test_one_chosen_field_is_a_bar_clear_of_the_source_line(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    small: Path,  # noqa: F811
) -> None:
    with snapshot(small) as con:
        [(field,)] = con.sql(
            "select field from applications join procedures using (procedure_code)"
            " group by field order by count(*) desc limit 1"
        ).fetchall()
    open_view(page, f"{base_url}/?{PERIOD}&{urlencode({'field': field})}")
    chart = page.locator(".stPlotlyChart").filter(has_text=t("chart.fields", "vi"))
    drawn = chart.evaluate(
        """el => {
             const plot = el.querySelector('.js-plotly-plot');
             const title = plot.querySelector('.gtitle, .g-gtitle').getBoundingClientRect();
             const sub = plot.querySelector('.gtitle-subtitle, .g-gtitle-subtitle');
             const top = plot.getBoundingClientRect().top + plot._fullLayout._size.t;
             const labels = [...plot.querySelectorAll('.yaxislayer-above .ytick text')]
               .map(e => e.getBoundingClientRect().top);
             return {h: plot._fullLayout._size.h, top,
                     headerBottom: Math.max(title.bottom,
                                            sub ? sub.getBoundingClientRect().bottom : 0),
                     labelsTop: Math.min(...labels)};
           }"""
    )
    assert drawn["h"] >= 100, drawn  # a bar, not a one-pixel line
    assert drawn["labelsTop"] >= drawn["headerBottom"], drawn  # clear of title and source
    assert drawn["top"] >= drawn["headerBottom"], drawn


@pytest.mark.parametrize("path", ["", "phuong-xa", "bao-cao"])
def test_an_empty_result_names_the_filters_to_relax_and_resets(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    small: Path,  # noqa: F811
    path: str,
) -> None:
    with snapshot(small) as con:
        [(field,)] = con.sql(
            "select field from applications join procedures using (procedure_code)"
            " group by field order by count(*) limit 1"
        ).fetchall()
    query = urlencode(
        {"period": "Tùy chọn", "dates": ["2025-08-19", "2025-08-20"], "field": field,
         "channel": "Bưu chính công ích"},
        doseq=True,
    )  # fmt: skip
    open_view(page, f"{base_url}/{path}?{query}")
    assert_clean(page)
    empty = page.locator(".st-key-empty_state")
    empty.wait_for()
    assert t("empty.no_data", "vi") in empty.inner_text()
    assert "Lĩnh vực, Kênh nộp" in empty.inner_text()
    assert page.locator(".stPlotlyChart").count() == 0  # no scatter with an invented axis
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    empty.get_by_role("button", name=t("filters.reset", "vi")).click()
    page.locator(".st-key-empty_state").wait_for(state="detached")
    wait_until_drawn(page)
    assert page.locator(".stPlotlyChart").count() > 0


def test_unit_page_without_a_unit_says_so_and_offers_the_list(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    open_view(page, f"{base_url}/don-vi")
    assert_clean(page)
    main = page.locator('[data-testid="stMain"]')
    assert t("unit.none", "vi")[:40] in main.inner_text()
    assert "«–»" not in main.inner_text()
    main.get_by_role("link", name=t("units.title", "vi"), exact=True).click()
    page.wait_for_url("**/phuong-xa")


def test_unit_page_says_in_the_sidebar_which_unit_is_viewed(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    open_view(page, f"{base_url}/don-vi?ma=11407")
    sidebar = page.locator('[data-testid="stSidebar"]')
    assert t("unit.viewing", "vi", name="Phường An Biên", code="11407") in sidebar.inner_text()


def test_a_link_keeps_its_valid_values_and_says_what_it_ignored(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    query = urlencode(
        {"period": "Tùy chọn", "dates": ["2025-08-20", "2025-07-01"], "unit": ["11407", "nope"],
         "channel": ["Trực tuyến", "Bồ câu"]},
        doseq=True,
    )  # fmt: skip
    open_view(page, f"{base_url}/?{query}")
    assert_clean(page)
    sidebar = page.locator('[data-testid="stSidebar"]')
    notice = sidebar.locator('[data-testid="stAlert"]')
    notice.wait_for()
    assert "«nope»" in notice.inner_text() and "«Bồ câu»" in notice.inner_text()
    # the valid unit and channel are in force, and the reversed range is shown in order
    assert "Phường An Biên" in sidebar.locator(".stMultiSelect").nth(0).inner_text()
    boxes = sidebar.locator('[data-testid="stDateInput"] input[type="date"]').all()
    assert [box.input_value() for box in boxes] == ["2025-07-01", "2025-08-20"]
    assert "nope" not in page.url


def test_garbage_dates_in_a_link_are_named(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    query = urlencode({"period": "Tùy chọn", "dates": ["hôm qua", "2025-08-20"]}, doseq=True)
    open_view(page, f"{base_url}/?{query}")
    notice = page.locator('[data-testid="stSidebar"] [data-testid="stAlert"]')
    notice.wait_for()
    assert "«hôm qua»" in notice.inner_text()
    assert t("filters.dates", "vi") in notice.inner_text()


def nav_titles() -> list[str]:
    """The title keys of app.py's shown pages (not the unit view, the overview's twin address
    nor the administrators' upload, which are hidden)."""
    keys = []
    for node in ast.walk(
        ast.parse((Path(__file__).parent.parent / "app.py").read_text(encoding="utf-8"))
    ):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            options = {k.arg: k.value for k in node.keywords}
            hidden = options.get("visibility")
            if not (isinstance(hidden, ast.Constant) and hidden.value == "hidden"):
                keys.append(options["title"].args[0].value)
    return keys


def test_top_navigation_shows_every_page_at_1440_px(
    browser: sync_api.Browser,
    base_url: str,  # noqa: F811
) -> None:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(LOAD_TIMEOUT_MS)
    try:
        open_view(tab, base_url)
        for lang in ("vi", "en"):
            if lang == "en":
                tab.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
                tab.locator("h1", has_text=t("overview.title", "en")).wait_for()
                wait_until_drawn(tab)
            header = tab.locator("header").inner_text()
            assert "more" not in header, header  # no "1 more" hiding a page
            for page_title in nav_titles():
                assert t(page_title, lang) in header, (page_title, header)
    finally:
        context.close()


def test_plotly_toolbar_speaks_vietnamese(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    open_view(page, f"{base_url}/?{PERIOD}")
    titles = (
        page.locator(".stPlotlyChart")
        .first.locator(".modebar-btn")
        .evaluate_all("buttons => buttons.map(b => b.getAttribute('data-title'))")
    )
    assert "Tải biểu đồ dạng ảnh PNG" in titles and "Phóng to" in titles, titles
    assert not {"Zoom", "Pan", "Download plot as a PNG"} & set(titles)


@pytest.mark.parametrize("path", ["thu-tuc", "chat-luong-du-lieu"])
def test_tables_write_no_none_nor_internal_words(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    path: str,
) -> None:
    open_view(page, f"{base_url}/{path}")
    page.locator('[data-testid="stDataFrame"] table td').first.wait_for(state="attached")
    cells = page.locator('[data-testid="stDataFrame"] table td').all_text_contents()
    assert cells
    assert "None" not in cells
    assert not {"applications", "catalog", "plans"} & set(cells)


def card_rows(tab: sync_api.Page) -> list[int]:
    """How many KPI cards stand on each row, top to bottom."""
    tops = tab.locator('[data-testid="stMetric"]').evaluate_all(
        "cards => cards.map(c => Math.round(c.getBoundingClientRect().top))"
    )
    return [tops.count(top) for top in sorted(set(tops))]


def test_phone_shows_the_cards_two_per_row(
    browser: sync_api.Browser,
    base_url: str,  # noqa: F811
) -> None:
    with sized_tab(browser, 390, 844) as tab:
        open_view(tab, f"{base_url}/?{PERIOD}")
        pairs, odd = divmod(len(CARDS), 2)
        assert card_rows(tab) == [2] * pairs + [1] * odd  # was one card a row


def test_report_view_fills_its_card_rows_and_hides_links_and_the_arrow(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    open_view(page, f"{base_url}/?{PERIOD}&report=true")
    rows = card_rows(page)
    assert rows[0] >= 4 and sum(rows) == len(CARDS), rows
    for selector in (".stPageLink", '[data-testid="stExpandSidebarButton"]'):
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector


# The titles of a page in print: its headings, and the paragraphs that are only a bold phrase
# (a group of cards, a table), which ui.report_view keeps with what follows them. A title
# followed by an interactive table is left out: the table prints as a picture, with no text
# for the PDF's reader to find after the title.
TITLES = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] .stHeading, [data-testid="stMain"] .stMarkdown p:only-child')]
  .filter(e => e.matches('.stHeading') || e.querySelector(':scope > strong:only-child'))
  .filter(e => {
    let next = e.closest('[data-testid="stElementContainer"]').nextElementSibling;
    while (next && (next.querySelector('[data-testid="stCaptionContainer"]')
                    || next.getBoundingClientRect().height === 0)) next = next.nextElementSibling;
    return !(next && next.querySelector('.stDataFrame'));
  })
  .map(e => e.innerText.trim()).filter(Boolean)"""
NOTES = """() => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stCaptionContainer"]')]
  .map(e => e.innerText.trim()).filter(Boolean)"""


def _flat(text: str) -> str:
    return " ".join(text.split())


def _ends_with_title(text: str, title: str, notes: list[str]) -> bool:
    """The page's text ends with the title, or with the title and only the notes under it."""
    at = text.rfind(title)
    if at < 0:
        return False
    rest = text[at + len(title) :]
    for note in notes:
        rest = rest.replace(note, "")
    return not rest.strip()


@pytest.mark.parametrize("path", ["", "phuong-xa", "thu-tuc", "don-gian-hoa", "bao-cao"])
def test_no_printed_page_ends_with_a_title(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    path: str,
    tmp_path: Path,
) -> None:
    """Chromium's own print (the PDF of Ctrl+P, A4): a heading or a group's bold title, alone or
    with the note under it, is never the last thing on a page, what it titles on the next."""
    open_view(page, f"{base_url}/{path}?{PERIOD}")
    page.emulate_media(media="print")
    titles = [_flat(title) for title in page.evaluate(TITLES)]
    assert titles
    pdf = tmp_path / "printed.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    pages = [_flat(p.extract_text() or "") for p in PdfReader(pdf).pages]
    assert len(pages) > 1  # long enough for a page break to fall somewhere
    notes = [_flat(note) for note in page.evaluate(NOTES)]
    for number, text in enumerate(pages[:-1], start=1):
        ending = [title for title in titles if _ends_with_title(text, title, notes)]
        assert not ending, (number, ending)


@pytest.mark.parametrize("path", ["", "phuong-xa", "don-gian-hoa", "don-vi?ma=11407"])
def test_every_chart_has_a_takeaway_for_screen_readers(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    path: str,
) -> None:
    open_view(page, f"{base_url}/{path}{'&' if '?' in path else '?'}{PERIOD}")
    charts = page.locator(".stPlotlyChart")
    assert charts.count() > 0
    takeaways = page.locator("p.chart-takeaway").all_text_contents()
    assert len(takeaways) == charts.count()
    for text in takeaways:
        assert text.startswith("Biểu đồ ") and ("cao nhất" in text or "lớn nhất" in text), text
    hidden = page.locator("p.chart-takeaway").first.bounding_box()
    assert hidden is not None and hidden["width"] <= 1  # read aloud, not shown


def test_simplification_cards_are_whole_and_plans_come_twenty_at_a_time(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    open_view(page, f"{base_url}/don-gian-hoa")
    cut = page.locator('[data-testid="stMetricValue"]').evaluate_all(
        "values => values.filter(v => v.scrollWidth > v.clientWidth + 1).map(v => v.textContent)"
    )
    assert cut == []  # no "12/12 sở, …"
    rows = page.locator(".stPlotlyChart").first.evaluate(
        "el => el.querySelector('.js-plotly-plot').data[1].y.length"
    )
    assert rows <= 20


def test_daily_axis_starts_in_the_period_and_bar_numbers_stay_level(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    query = urlencode({"period": "Tùy chọn", "dates": ["2025-08-05", "2025-08-20"]}, doseq=True)
    open_view(page, f"{base_url}/?{query}")
    drawn = page.evaluate(
        """() => [...document.querySelectorAll('.stPlotlyChart .js-plotly-plot')].map(el => ({
             ticks: el._fullLayout.xaxis && el._fullLayout.xaxis.type === 'date'
               ? el._fullLayout.xaxis._vals.map(v => v.x) : [],
             angles: el._fullData.filter(d => d.type === 'bar' && d.text)
               .map(d => d.textangle),
           }))"""
    )
    first_day = page.evaluate("() => Date.UTC(2025, 7, 5)")
    trend = drawn[0]
    assert trend["ticks"] and min(trend["ticks"]) >= first_day, trend["ticks"][:3]
    assert all(angle == 0 for chart in drawn for angle in chart["angles"]), drawn


def test_wards_scatter_title_fits_its_chart(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    open_view(page, f"{base_url}/phuong-xa?{PERIOD}")
    widths = page.locator(".stPlotlyChart").first.evaluate(
        """el => { const plot = el.querySelector('.js-plotly-plot');
                   return [plot.querySelector('.gtitle').getBoundingClientRect().width,
                           plot.getBoundingClientRect().width]; }"""
    )
    assert widths[0] <= widths[1], widths  # was cut to "(cỡ = hồ sơ ti"


# Streamlit cuts these with "…" on screen: a card's label, value and delta, and a badge.
CUT_TEXTS = """() => [...document.querySelectorAll(
    '[data-testid="stMetric"] :is([data-testid="stMetricLabel"], [data-testid="stMetricValue"],'
    + ' [data-testid="stMetricDelta"]), [data-testid="stMetric"] :is('
    + '[data-testid="stMetricLabel"], [data-testid="stMetricValue"],'
    + ' [data-testid="stMetricDelta"]) *, span.stMarkdownBadge')]
  .filter(e => e.getClientRects().length && (e.scrollWidth > e.clientWidth + 1
                || getComputedStyle(e).textOverflow === 'ellipsis'
                   && getComputedStyle(e).overflow !== 'visible'))
  .map(e => e.textContent)"""
CARD_PAGES = ["", "don-vi?ma=11407", "phuong-xa", "can-bo", "don-gian-hoa", "bao-cao"]


@pytest.mark.parametrize("width,height", [(1440, 900), (390, 844)])
def test_no_card_label_value_delta_or_badge_is_cut(
    browser: sync_api.Browser,
    base_url: str,  # noqa: F811
    width: int,
    height: int,
) -> None:
    with sized_tab(browser, width, height) as tab:
        for path in CARD_PAGES:
            open_view(tab, f"{base_url}/{path}{'&' if '?' in path else '?'}{PERIOD}")
            if path in ("", "don-vi?ma=11407", "bao-cao"):
                shown_metrics(tab)  # all the overview's cards, not the first few
            assert tab.evaluate(CUT_TEXTS) == [], (path, width)  # was "Không tiếp nhận, rú…"
            icons = tab.locator('[data-testid="stMetric"] [data-testid="stTooltipIcon"]')
            widths = icons.evaluate_all("i => i.map(e => e.getBoundingClientRect().width)")
            assert all(w > 0 for w in widths), (path, width)  # a wrapped label keeps its "?"


def test_overview_cards_stand_in_groups_of_at_most_four(page: sync_api.Page, base_url: str) -> None:  # noqa: F811
    page.set_viewport_size({"width": 1440, "height": 900})
    open_view(page, f"{base_url}/?{PERIOD}")
    shown_metrics(page)
    assert card_rows(page) == [len(cards) for _, cards in grouped_cards()]  # was 5, 5, 4
    main = page.locator('[data-testid="stMain"]').inner_text()
    for group, _ in grouped_cards():
        assert t(f"cards.group.{group}", "vi") in main


# The tables drawn with a phone twin (ui.tables.show_with_phone_twin), by page: the league of
# wards and communes and that of the sở, ngành, what was closed by unit and by field; a unit's
# closed by field.
TWINS = {"phuong-xa": 4, "don-vi?ma=11407": 1}


@pytest.mark.parametrize("path", list(TWINS))
def test_tables_on_a_phone_show_their_figures_without_scrolling_sideways(
    browser: sync_api.Browser,
    base_url: str,  # noqa: F811
    path: str,
) -> None:
    with sized_tab(browser, 390, 844) as tab:
        open_view(tab, f"{base_url}/{path}{'&' if '?' in path else '?'}{PERIOD}")
        tab.locator('[data-testid="stDataFrame"] .dvn-scroller').first.wait_for()
        twins = '[class*="st-key-wide_"], [class*="st-key-phone_"]'
        grids = (
            tab.locator(twins)
            .locator('[data-testid="stDataFrame"]')
            .evaluate_all(
                """grids => grids.filter(g => g.getClientRects().length).map(g => {
                 const s = g.querySelector('.dvn-scroller');
                 return [s.scrollWidth, s.clientWidth];
               })"""
            )
        )
        assert len(grids) == TWINS[path], grids  # one of each pair is shown
        assert all(wide <= shown + 1 for wide, shown in grids), grids  # was 1,500 px wide


def test_donut_labels_stay_under_the_title_and_source_line(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    open_view(page, f"{base_url}/?{PERIOD}")
    chart = page.locator(".stPlotlyChart").filter(has_text=t("chart.channels", "vi"))
    drawn = chart.evaluate(
        """el => {
             const plot = el.querySelector('.js-plotly-plot');
             const sub = plot.querySelector('.gtitle-subtitle, .g-gtitle-subtitle');
             return {header: sub.getBoundingClientRect().bottom,
                     labels: [...plot.querySelectorAll('.pielayer .slicetext')]
                       .map(e => e.getBoundingClientRect().top)};
           }"""
    )
    assert drawn["labels"] and min(drawn["labels"]) >= drawn["header"], drawn


STREAMLIT_ENGLISH = """english => [...document.querySelectorAll('body *')]
  .filter(e => !['SCRIPT', 'STYLE'].includes(e.tagName))
  .flatMap(e => [...['aria-label', 'title', 'placeholder', 'data-title']
                   .map(name => e.getAttribute(name)),
                 ...[...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent)])
  .filter(text => text && (english.includes(text.trim()) || text.startsWith('Help for ')
                           || / icon$/.test(text)))"""


@pytest.mark.parametrize("path", ["", "phuong-xa"])
def test_streamlits_own_words_are_vietnamese_in_the_vietnamese_interface(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
    path: str,
) -> None:
    english = [en for key, (_, en) in STRINGS.items() if key.startswith("streamlit.")]
    open_view(page, f"{base_url}/{path}?{PERIOD}")
    skip = page.locator('[data-testid="stSkipToContent"]')
    page.wait_for_function(
        "t => document.querySelector('[data-testid=\"stSkipToContent\"]').textContent === t",
        arg=t("streamlit.skip", "vi"),
    )
    assert page.evaluate(STREAMLIT_ENGLISH, english) == []  # was "Help for Thời gian", …
    helps = page.locator(
        f'[data-testid="stSidebar"] [aria-label^="{t("streamlit.help_for", "vi")}"]'
    )
    assert helps.count() > 0  # "Trợ giúp: Thời gian"
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.locator("h1", has_text=t(f"{'units' if path else 'overview'}.title", "en")).wait_for()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=\"stSkipToContent\"]').textContent"
        " === 'Skip to main content'"
    )
    assert skip.inner_text() == "Skip to main content"  # English again in English


GRID_PERCENT = (
    "() => new Intl.NumberFormat(navigator.languages, "
    "{style: 'percent', maximumFractionDigits: 1}).format(0.862)"
)


def test_the_grids_numbers_follow_the_interface_language(
    page: sync_api.Page,
    base_url: str,  # noqa: F811
) -> None:
    """The data grid writes its percent bars in navigator.languages' style; an English-locale
    browser showed "86.2%" in the Vietnamese interface, beside cards reading "86,2%"."""
    open_view(page, f"{base_url}/phuong-xa?{PERIOD}")
    page.wait_for_function(f"() => ({GRID_PERCENT})() === {fmt.percent(0.862, 'vi')!r}")
    page.locator('[data-testid="stSidebar"]').get_by_text("English", exact=True).click()
    page.locator("h1", has_text=t("units.title", "en")).wait_for()
    page.wait_for_function(f"() => ({GRID_PERCENT})() === {fmt.percent(0.862, 'en')!r}")
