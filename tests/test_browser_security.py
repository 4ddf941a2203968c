"""Names from data files are text in a real browser: a procedure named
`<img src=x onerror=alert(1)>` in a field named `<b>x</b>`, loaded through the real ETL, shows
as those characters in charts, tables and the report, and injects no element and no script."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from etl.load import load_files
from tests.exports import CATALOG_HEADER, CATALOG_ROWS, VI_LABELS, application, table, write_csv
from tests.test_browser_app import (
    LOAD_TIMEOUT_MS,
    VIEWPORT,
    assert_clean,
    open_view,
    start_streamlit,
    stop,
    sync_api,
)

XSS_NAME = "<img src=x onerror=alert(1)>"
BOLD_FIELD = "<b>x</b>"
APPLICATIONS = 30


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("xss")
    rows = [list(row) for row in CATALOG_ROWS]
    rows[0][1], rows[0][2] = XSS_NAME, BOLD_FIELD
    catalog = write_csv(folder / "danh-muc.csv", [CATALOG_HEADER, *rows])
    records = [
        application(f"X{n}", received_at=f"{1 + n % 20:02d}/07/2025 08:00",
                    due_at="25/07/2025 17:00", finished_at=f"{1 + n % 20:02d}/07/2025 15:00")
        for n in range(APPLICATIONS)
    ]  # fmt: skip
    exports = write_csv(folder / "ho-so.csv", table(records, VI_LABELS))
    warehouse = folder / "warehouse.duckdb"
    assert all(r.error is None for r in load_files([catalog, exports], warehouse))
    server, url = start_streamlit(warehouse, folder / "streamlit.log")
    try:
        yield url
    finally:
        stop(server)


def test_hostile_names_show_as_text_and_inject_nothing(
    browser: sync_api.Browser, hostile_url: str
) -> None:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(LOAD_TIMEOUT_MS)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path in ("", "thu-tuc", "bao-cao"):
            open_view(page, f"{hostile_url}/{path}")
            assert_clean(page)
            assert page.locator('img[src="x"]').count() == 0, path
            assert page.locator(".main-svg b, .main-svg img, .stMarkdown b").count() == 0, path
        # The overview's fields chart names the field with its literal characters.
        open_view(page, hostile_url)
        # Plotly may still be laying out the last chart when the run has finished: wait (up to
        # the load timeout) for a tick that reads the field's name.
        page.wait_for_function(
            "name => [...document.querySelectorAll('.main-svg text')]"
            ".some(text => text.textContent === name)",
            arg=BOLD_FIELD,
        )
        ticks = page.locator(".main-svg text").all_text_contents()
        assert BOLD_FIELD in ticks, ticks
        # The report's summary names the busiest field as written.
        open_view(page, f"{hostile_url}/bao-cao")
        assert BOLD_FIELD in " ".join(page.locator('[data-testid="stMarkdown"]').all_inner_texts())
        assert dialogs == []
    finally:
        context.close()
