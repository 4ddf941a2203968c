"""Report view and print: the page as it should look in a report to the city's leaders.

- The "Report view" switch (URL parameter `report`) collapses the sidebar, hides the header,
  the controls and the chart toolbars, and lays the page out at a fixed width. The page
  then scrolls as one document, so a browser's full-page capture takes all of it, not one
  screen of Streamlit's inner scroll box. The sidebar's arrow, the "rows rejected" link and
  every button are hidden too (a report shows none); the way back is the address without
  `?report=true` (or the browser's Back).
- Print (Ctrl+P) hides the same controls on every page. A fixed-width page (report view, or
  the report page, which is always fixed) is printed zoomed to the A4 width: Plotly charts
  keep the width they were drawn at on screen, so a page that reflowed for paper would cut
  them at the right edge.
"""

from __future__ import annotations

import streamlit as st

from present.format import Lang
from present.strings import t
from ui.filter_bar import note_ignored

REPORT = "report"  # URL parameter and widget key
# Wide enough for two charts side by side, narrow enough to read as a document.
REPORT_WIDTH_PX = 1000
# A4 (210 mm) minus the 12 mm margins of @page below, in CSS px (96 per inch).
A4_PRINT_WIDTH_PX = round((210 - 2 * 12) / 25.4 * 96)

# What a reader of a report does not need: header, buttons, pickers, toolbars, and any
# container whose key starts with "noprint" (e.g. the report page's download button).
_WIDGETS = """.stButton, .stDownloadButton, .stButtonGroup, .stSelectbox, .stMultiSelect,
.stDateInput, .stCheckbox, .stToggle, .stRadio"""
_CONTROLS = f"""
[data-testid="stTopNav"], [data-testid="stToolbarActions"], [data-testid="stMainMenu"],
[data-testid="stElementToolbar"], .modebar-container, {_WIDGETS},
[data-testid="stTooltipIcon"], [class*="st-key-noprint"]
"""
# Blocks a page break must not cut: a chart, a KPI card, a table, a paragraph, and any
# container whose key starts with "keep" (a heading with its chart and note).
_KEEP_WHOLE = """
.stPlotlyChart, [data-testid="stMetric"], [data-testid="stVerticalBlockBorderWrapper"],
.stTable, .stDataFrame, .stMarkdown, [class*="st-key-keep"]
"""

# The overview's cards (ui.kpi_cards, rows keyed "cards_kpi_…") stand in an even grid that
# fills each row: no ragged row with a blank end, no last card stretched across a row that
# wrapped, and two per row on a phone instead of cards stacked before the first chart.
# Streamlit cuts a metric's label, value and delta, and a badge, with "…" on screen (not in
# print): here they wrap instead, on every page that has cards, so nothing is ever cut.
# A table drawn with a phone twin (ui.tables.show_with_phone_twin): below 640 px the twin
# stands in for the full table, whose figures were all behind a horizontal scroll.
_CARD_GRID = """
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
[class*="st-key-cards_kpi_"] {
  display: grid !important; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr));
}
[class*="st-key-cards_"] > div { width: auto !important; min-width: 0 !important; }
@media (max-width: 640px) {
  [class*="st-key-cards_kpi_"] { grid-template-columns: repeat(2, minmax(0, 1fr)); }
}
[class*="st-key-phone_"] { display: none; }
@media (max-width: 640px) {
  [class*="st-key-wide_"] { display: none; }
  [class*="st-key-phone_"] { display: block; }
}
[data-testid="stMetric"] :is([data-testid="stMetricLabel"], [data-testid="stMetricValue"],
  [data-testid="stMetricDelta"]), [data-testid="stMetric"] :is([data-testid="stMetricLabel"],
  [data-testid="stMetricValue"], [data-testid="stMetricDelta"]) *, span.stMarkdownBadge {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
  overflow-wrap: break-word; max-width: 100%;
}
/* A wrapped label keeps room for its help icon (the grid gave the text the whole width). */
[data-testid="stMetricLabel"] { grid-template-columns: minmax(0, 1fr) auto !important; }
"""

# A heading, or a paragraph that is only a bold phrase (the title of a group of cards, of a
# table), titles what follows it; with the note under it, it stays with what follows.
_TITLE = """[data-testid="stElementContainer"]:is(:has(.stHeading),
  :has(.stMarkdown p:only-child > strong:only-child))"""
_NOTE = '[data-testid="stElementContainer"]:has([data-testid="stCaptionContainer"])'

# Print: Chromium honours break-after only between blocks, not between the items of
# Streamlit's flex columns, so in print those columns are laid out as blocks and a heading
# stays with what follows it. Every page's rows of cards (key prefix ui.kpi_cards.CARD_ROW)
# print as one grid of four equal columns: on paper a wrapped flex row left three cards and
# a fourth as wide as all three, and a group of two twice as wide as the rest.
_PRINT_CSS = f"""
<style>
{_CARD_GRID}
@page {{ size: A4 portrait; margin: 12mm; }}
@media print {{
  {_CONTROLS}, [data-testid="stHeader"], [data-testid="stSidebar"], .stPageLink {{
    display: none !important;
  }}
  [data-testid="stMain"] [data-testid="stVerticalBlock"] {{ display: block !important; }}
  [class*="st-key-cards_"] {{
    display: grid !important; grid-template-columns: repeat(4, minmax(0, 1fr)) !important;
  }}
  [data-testid="stMain"] [data-testid="stVerticalBlock"] > * {{ margin-bottom: 0.75rem; }}
  /* A hidden widget's slot goes too: an empty block after a heading is a place to break. */
  [data-testid="stElementContainer"]:has(> :is({_WIDGETS})) {{ display: none !important; }}
  /* Side-by-side columns are parallel flows (a flex row), where Chromium cannot move a title
     to the next page with what it titles: on paper they stack as blocks. */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"]) {{
    display: block !important;
  }}
  [data-testid="stColumn"] {{ width: 100% !important; }}
  {_KEEP_WHOLE} {{ break-inside: avoid; }}
  .stHeading, {_TITLE}, {_TITLE} + {_NOTE} {{
    break-after: avoid;
  }}
  .report-page-break {{ break-before: page; }}
}}
</style>
"""

_FIXED_WIDTH_CSS = f"""
<style>
[data-testid="stMainBlockContainer"] {{
  width: {REPORT_WIDTH_PX}px !important; max-width: {REPORT_WIDTH_PX}px !important;
  min-width: {REPORT_WIDTH_PX}px !important;
  padding: 1.5rem 2rem 2rem 2rem !important; margin: 0 auto !important;
}}
@media print {{
  [data-testid="stMainBlockContainer"] {{
    zoom: {A4_PRINT_WIDTH_PX / REPORT_WIDTH_PX:.4f}; padding: 0 !important;
  }}
}}
</style>
"""

_REPORT_VIEW_CSS = f"""
<style>
{_CONTROLS}, .stPageLink, [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarCollapsedControl"] {{ display: none !important; }}
[data-testid="stHeader"] {{ background: transparent; }}
/* One document-level scroll instead of Streamlit's inner scroll box. */
html, body, .stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{
  height: auto !important; min-height: 0 !important; overflow: visible !important;
  position: static !important;
}}
</style>
"""


def report_view_switch(lang: Lang) -> bool:
    """The switch in the sidebar, kept in the URL (`?report=…`), and the page styles it
    implies. Print styles are added on every page either way. A link's value that is not
    true or false (Streamlit's reading, any case) is named as ignored."""
    label = t("report_view.label", lang)
    if REPORT in st.query_params and REPORT not in st.session_state:
        value = st.query_params[REPORT]  # Streamlit reads the last one
        note_ignored(label, [] if value.lower() in ("true", "false") else [value])
    on = st.sidebar.toggle(
        label,
        key=REPORT,
        bind="query-params",
        help=t("report_view.help", lang),
    )
    if on:
        st.set_page_config(initial_sidebar_state="collapsed")
    _add_styles(_PRINT_CSS + (_REPORT_VIEW_CSS + _FIXED_WIDTH_CSS if on else ""))
    return on


def fixed_width_layout() -> None:
    """Lay this page out at the report width on screen and zoom it to A4 in print (a page
    meant to be printed calls this; report view does it for every page)."""
    _add_styles(_FIXED_WIDTH_CSS)


def _add_styles(css: str) -> None:
    """Put style rules on the page for this run.

    Style-only `st.html` goes to Streamlit's transient event container, where a later one
    replaces an earlier one and they vanish; an empty element beside the rules keeps them in
    the sidebar's normal flow (a hidden or collapsed sidebar still applies its styles)."""
    st.sidebar.html(css + '<span class="report-styles"></span>')
