"""Entry point: page setup, first-start bootstrap, the shared filter bar, then the page.

Navigation is declared here with `st.navigation`, so this file runs on every page and its
sidebar widgets (language, filters) survive a page switch. The page scripts live in
`app_pages/`, not `pages/`: while a folder named `pages` sits next to the main script,
Streamlit runs a fresh process's first script runs (all those that start before one of them
reaches `st.navigation`) through its old folder convention, which shows an English "Page not
found" box for every URL path that is not a file name and would run a file-named page without
this file's sign-in (`PagesManager.uses_pages_directory`, Streamlit #9624).

`ui.warmup` is imported first: it imports everything a page run would otherwise import lazily,
so that the first runs of several sessions, which a fresh server runs in parallel threads, wait
for it here instead of seeing a half-imported module.
"""

from __future__ import annotations

import ui.warmup  # noqa: F401  (first: see above)

# isort: split
import streamlit as st

from metrics.options import options_for
from present.places import place_name
from present.strings import t
from present.view import View
from ui.auth import account_links, navigate, require_account, restrict
from ui.bootstrap import ensure_warehouse, run_page
from ui.filter_bar import filter_bar, language_switch
from ui.loaders import load_filter_options
from ui.report_view import report_view_switch
from ui.shell import set_view
from ui.streamlit_vi import streamlit_in

st.set_page_config(page_icon=":material/account_balance:", layout="wide")

lang = language_switch()
report_view_switch(lang)
streamlit_in(lang)

pages = [
    st.Page(
        "app_pages/overview.py",
        title=t("nav.overview", lang),
        icon=":material/dashboard:",
        default=True,
    ),
    # Streamlit serves the default page at "/" only; this hidden twin keeps the overview's own
    # address working for links that name it (otherwise "Page not found", in English).
    st.Page(
        "app_pages/overview.py",
        title=t("nav.overview", lang),
        icon=":material/dashboard:",
        url_path="tong-quan",
        visibility="hidden",
    ),
    st.Page(
        "app_pages/units.py",
        title=t("nav.units", lang),
        icon=":material/location_city:",
        url_path="phuong-xa",
    ),
    st.Page(
        "app_pages/unit.py",
        title=t("nav.unit", lang),
        icon=":material/location_on:",
        url_path="don-vi",
        visibility="hidden",
    ),
    st.Page(
        "app_pages/procedures.py",
        title=t("nav.procedures", lang),
        icon=":material/list_alt:",
        url_path="thu-tuc",
    ),
    st.Page(
        "app_pages/simplification.py",
        title=t("nav.simplification", lang),
        icon=":material/content_cut:",
        url_path="don-gian-hoa",
    ),
    st.Page(
        "app_pages/bieu_06a.py",
        title=t("nav.bieu_06a", lang),
        icon=":material/description:",
        url_path="bieu-ii-06a",
    ),
    st.Page(
        "app_pages/data_quality.py",
        title=t("nav.data_quality", lang),
        icon=":material/rule:",
        url_path="chat-luong-du-lieu",
    ),
    st.Page(
        "app_pages/report.py",
        title=t("nav.report", lang),
        icon=":material/picture_as_pdf:",
        url_path="bao-cao",
    ),
    st.Page(
        "app_pages/staffing.py",
        title=t("nav.staffing", lang),
        icon=":material/groups:",
        url_path="can-bo",
    ),
    st.Page(
        "app_pages/index_766.py",
        title=t("nav.index_766", lang),
        icon=":material/leaderboard:",
        url_path="chi-so-766",
    ),
    # Administrators only (ui.auth.navigate); linked from the sidebar, under the sign-out.
    st.Page(
        "app_pages/upload.py",
        title=t("nav.upload", lang),
        icon=":material/upload_file:",
        url_path="nap-du-lieu",
        visibility="hidden",
    ),
]
# Nothing is read from the warehouse before this: it stops the run until someone signs in
# (that run registers the pages hidden, so the URL's page opens once signed in).
account = require_account(pages, lang)
# Registered before anything can stop or rerun this run: a rerun keeps the URL's page, and
# links (which Streamlit resolves against the registered pages) can be drawn from here on.
page = navigate(pages, account, lang)
account_links(account, lang)
version, freshness = ensure_warehouse(lang)
options = options_for(load_filter_options(version), account.access)
filters = restrict(filter_bar(options, freshness, lang), account.access)
place = place_name(options, filters.province_codes, lang)
set_view(View(lang, filters, version, freshness, options, place))
run_page(page, lang)
