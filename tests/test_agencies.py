"""The sở, ngành are units too: their league, their total rows adding up to the city's figure,
a unit page for an agency code, and Biểu II.06a and the PDF per agency from the command line,
by code or by name with or without marks. Hand-computed on the tiny warehouse (31.STP receives
A7 only), checked against the overview's KPIs on the sample."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import fastexcel
import polars as pl
import pytest

from etl.settings import PROJECT_ROOT
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from metrics.measures import COUNT_NAMES
from metrics.options import FilterOptions, Unit, filter_options
from metrics.units_league import AGENCY_KINDS, league_table, league_total
from present import league
from reports.pdf_command import AmbiguousUnit, UnknownUnit, resolve_units
from tests.test_app_shell import start_app
from tests.tiny_warehouse import PERIOD


@pytest.fixture(scope="module")
def tiny_con(tiny: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with snapshot(tiny) as con:
        yield con


@pytest.fixture(scope="module")
def sample(sample_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with snapshot(sample_warehouse) as con:
        yield con


def test_tiny_agency_league_by_hand(tiny_con: duckdb.DuckDBPyConnection) -> None:
    agencies = league_table(tiny_con, Filters(*PERIOD), AGENCY_KINDS)
    [row] = agencies.rows(named=True)
    # A7: received 16/07 by post, due 18/07, open at 20/07: overdue.
    assert (row["unit_code"], row["name"], row["kind"]) == ("31.STP", "Sở Tư pháp", "so_nganh")
    assert (row["received"], row["to_handle"], row["resolved"], row["overdue"]) == (1, 1, 0, 1)
    assert row["on_time_rate"] == 0.0


def test_tiny_every_unit_table_ends_with_the_city_total(
    tiny_con: duckdb.DuckDBPyConnection,
) -> None:
    filters = Filters(*PERIOD)
    rows = league.every_unit_rows(
        league_table(tiny_con, filters), league_table(tiny_con, filters, AGENCY_KINDS), "vi"
    )
    assert rows["name"].to_list() == ["Phường An Biên", "Xã Bình Hà", "Sở Tư pháp", "Tổng cộng"]
    assert rows["kind_label"].to_list() == ["Phường", "Xã", "Sở, ngành", ""]
    total = rows.row(-1, named=True)
    assert (total["received"], total["to_handle"], total["on_time"]) == (7, 10, 6)
    assert total["on_time_rate"] == pytest.approx(0.6)  # 6 / 10, not the mean of 0.8, 0.5, 0


SAMPLE_VIEWS = [
    Filters(date(2025, 7, 1), date(2025, 8, 20)),
    Filters(date(2026, 1, 15), date(2026, 3, 10), channels=(2,)),
    Filters(date(2025, 12, 1), date(2025, 12, 31), levels=("tinh",)),
    Filters(date(2026, 6, 1), date(2026, 6, 30), fields=("Hộ tịch",)),
]


@pytest.mark.parametrize("filters", SAMPLE_VIEWS, ids=lambda f: f"{f.start}_{f.end}")
def test_communes_and_agencies_add_up_to_the_period_kpis(
    sample: duckdb.DuckDBPyConnection, filters: Filters
) -> None:
    communes = league_table(sample, filters)
    agencies = league_table(sample, filters, AGENCY_KINDS)
    assert agencies.height == 12
    [kpis] = period_kpis(sample, filters, [(filters.start, filters.end)])
    total = league_total(pl.concat([communes, agencies]))
    for name in COUNT_NAMES:
        assert total[name] == pytest.approx(kpis.count(name)), name
    assert kpis.count("received") > 0


def test_agencies_receive_about_a_fifth_in_the_published_period(
    sample: duckdb.DuckDBPyConnection,
) -> None:
    filters = Filters(date(2025, 7, 1), date(2025, 8, 20))
    agencies = league_total(league_table(sample, filters, AGENCY_KINDS))
    city = league_total(
        pl.concat([league_table(sample, filters), league_table(sample, filters, AGENCY_KINDS)])
    )
    assert 0.15 < agencies["received"] / city["received"] < 0.25


def _options() -> FilterOptions:
    """Two communes whose names differ by one mark, and one agency."""
    communes = (
        Unit("10001", "Xã Cẩm Giang", "xa", 31),
        Unit("10002", "Xã Cẩm Giàng", "xa", 31),
    )
    return FilterOptions(communes, (), (), ((31, "Thành phố Hải Phòng"),), (
        Unit("31.STC", "Sở Tài chính", "so_nganh", 31),
    ))  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("31.STC", "31.STC"),
        ("31.stc", "31.STC"),
        ("Sở Tài chính", "31.STC"),
        ("SỞ TÀI CHÍNH", "31.STC"),
        ("so tai chinh", "31.STC"),
        ("Xã Cẩm Giàng", "10002"),
        ("xã cẩm giang", "10001"),
        ("10001", "10001"),
    ],
)
def test_units_are_found_by_code_or_name_with_or_without_marks(typed: str, code: str) -> None:
    assert resolve_units([typed], _options()) == (code,)


def test_a_name_without_marks_that_fits_two_units_is_refused() -> None:
    with pytest.raises(AmbiguousUnit) as refused:
        resolve_units(["xa cam giang"], _options())
    assert refused.value.names == ["Xã Cẩm Giang", "Xã Cẩm Giàng"]
    with pytest.raises(UnknownUnit):
        resolve_units(["so khong co"], _options())


def run_reports(warehouse: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reports", *args],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=300,
        env=os.environ | {"WAREHOUSE_PATH": str(warehouse)},
    )  # fmt: skip


def sheet_cells(path: Path) -> list[tuple]:
    return fastexcel.read_excel(path.read_bytes()).load_sheet(0, header_row=None).to_polars().rows()


@pytest.mark.parametrize("unit", ["31.STC", "Sở Tài chính", "so tai chinh"])
def test_bieu_06a_for_an_agency_from_the_command_line(
    sample_warehouse: Path, sample: duckdb.DuckDBPyConnection, tmp_path: Path, unit: str
) -> None:
    out = tmp_path / "bieu.xlsx"
    run = run_reports(
        sample_warehouse, "bieu-06a", "--from", "2025-07-01", "--to", "2025-08-20",
        "--unit", unit, "--out", str(out),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    cells = sheet_cells(out)
    assert any("Sở Tài chính" in str(cell) for row in cells[:6] for cell in row if cell)
    filters = Filters(date(2025, 7, 1), date(2025, 8, 20), unit_codes=("31.STC",))
    [kpis] = period_kpis(sample, filters, [(filters.start, filters.end)])
    grand_total = [row for row in cells if row[1] == "Tổng cộng"]
    assert grand_total and int(float(grand_total[0][2])) == kpis.count("to_handle") > 0


def test_league_table_file_lists_agencies_and_the_city_total(
    tiny: Path, tiny_con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    out = tmp_path / "xep-hang.xlsx"
    run = run_reports(
        tiny, "league-table", "--from", "2025-07-10", "--to", "2025-07-20", "--out", str(out)
    )
    assert run.returncode == 0, run.stderr
    names = [row[1] for row in sheet_cells(out)]
    assert names[-2:] == ["Sở Tư pháp", "Tổng cộng"]


def test_the_options_list_the_agencies_as_units(tiny_con: duckdb.DuckDBPyConnection) -> None:
    options = filter_options(tiny_con)
    assert [unit.code for unit in options.agency_units] == ["31.STP"]
    assert [unit.code for unit in options.every_unit] == ["00001", "00002", "31.STP"]


PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}


@pytest.mark.usefixtures("fresh_caches")
def test_agency_page_opens_from_its_code(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = "31.STP"
    app.run()
    assert not app.exception
    assert app.title[0].value == "Sở Tư pháp"
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Tiếp nhận mới"] == "1" and metrics["Đang giải quyết quá hạn"] == "1"
    assert app.dataframe[-1].value["Mã hồ sơ"].tolist() == ["A7"]
    labels = [button.label for button in app.get("download_button")]
    assert "Tải Biểu II.06a (XLSX)" in labels


@pytest.mark.usefixtures("fresh_caches")
def test_units_page_has_the_agency_league_with_totals(
    monkeypatch: pytest.MonkeyPatch, tiny: Path
) -> None:
    app = start_app(monkeypatch, tiny, **PERIOD_VIEW)
    app.switch_page("app_pages/units.py").run()
    assert not app.exception
    # Each league is drawn twice, wide and for phones (one shows, by the screen's width).
    communes, _, agencies, _ = (frame.value for frame in app.dataframe[:4])
    assert communes["Đơn vị"].tolist()[-1] == "Tổng cộng"
    assert communes["Tiếp nhận mới"].tolist() == [3, 3, 6]
    assert agencies["Đơn vị"].tolist() == ["Sở Tư pháp", "Tổng cộng"]
    assert agencies["Tiếp nhận mới"].tolist() == [1, 1]
    assert any("7 hồ sơ tiếp nhận mới" in caption.value for caption in app.caption)
