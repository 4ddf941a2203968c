"""Biểu II.06a: hand-computed on the tiny warehouse, identities and agreement with the
overview's KPIs on the full sample, the XLSX layout, and the command line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import duckdb
import fastexcel
import pytest

from metrics.bieu_06a import (
    FIELD,
    GRAND_TOTAL,
    LEVEL_TOTAL,
    VALUE_COLUMNS,
    closed_total,
    form_rows,
    identities_hold,
)
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from metrics.options import filter_options
from reports.__main__ import main
from reports.bieu_06a import bieu_06a_file
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse

# (3) … (13) in the order of VALUE_COLUMNS.
TINY_EXPECTED = {
    (LEVEL_TOTAL, "tinh", None): (2, 0, 2, 0, 1, 0, 1, 0, 1, 0, 1),  # A7 open, A8 refused
    (FIELD, "tinh", "Đất đai"): (2, 0, 2, 0, 1, 0, 1, 0, 1, 0, 1),
    (LEVEL_TOTAL, "xa", None): (8, 4, 1, 3, 5, 1, 2, 2, 3, 2, 1),
    (FIELD, "xa", "Chứng thực"): (4, 2, 1, 1, 1, 0, 0, 1, 3, 2, 1),  # A3 A5 A6 A11
    (FIELD, "xa", "Hộ tịch"): (4, 2, 0, 2, 4, 1, 2, 1, 0, 0, 0),  # A2 A4 A9 A12
    (GRAND_TOTAL, None, None): (10, 4, 3, 3, 6, 1, 3, 2, 4, 2, 2),
}


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Iterator[duckdb.DuckDBPyConnection]:
    path = build_tiny_warehouse(tmp_path_factory.mktemp("tiny") / "warehouse.duckdb")
    with snapshot(Path(path)) as con:
        yield con


@pytest.fixture(scope="module")
def sample(sample_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with snapshot(sample_warehouse) as con:
        yield con


def test_tiny_form_by_hand(tiny: duckdb.DuckDBPyConnection) -> None:
    rows = form_rows(tiny, Filters(*PERIOD))
    got = {
        row[:3]: row[3:]
        for row in rows.select("row_kind", "level", "field", *VALUE_COLUMNS).iter_rows()
    }
    assert list(got) == list(TINY_EXPECTED)  # order: Cấp tỉnh, its fields, Cấp xã, …, total
    assert got == TINY_EXPECTED
    assert identities_hold(rows)


SAMPLE_VIEWS = [
    Filters(date(2025, 7, 1), date(2025, 8, 20)),
    Filters(date(2025, 9, 1), date(2025, 9, 30)),
    Filters(date(2026, 1, 15), date(2026, 3, 10), channels=(2,)),
    Filters(date(2025, 12, 1), date(2025, 12, 31), levels=("tinh",)),
    Filters(date(2026, 6, 1), date(2026, 6, 30), unit_kinds=("xa",), fields=("Hộ tịch",)),
    Filters(date(2025, 7, 1), date(2026, 6, 30), unit_codes=("11407", "10510")),
]


@pytest.mark.parametrize("filters", SAMPLE_VIEWS, ids=lambda f: f"{f.start}_{f.end}")
def test_sample_identities_and_kpis(sample: duckdb.DuckDBPyConnection, filters: Filters) -> None:
    rows = form_rows(sample, filters)
    assert identities_hold(rows)
    total = rows.filter(rows["row_kind"] == GRAND_TOTAL).row(0, named=True)
    [kpis] = period_kpis(sample, filters, [(filters.start, filters.end)])
    assert total["total"] == kpis.count("to_handle") > 0
    assert total["carried_in"] == kpis.count("carried_in")
    assert total["received_online"] == kpis.count("received_online")
    assert total["received_online"] + total["received_offline"] == kpis.count("received")
    # The form's convention: closed without result counts as resolved on time.
    assert total["resolved"] == kpis.count("resolved") + kpis.count("closed")
    assert total["resolved_on_time"] == kpis.count("resolved_on_time") + kpis.count("closed")
    assert closed_total(rows) == total["closed"] == kpis.count("closed") > 0
    assert (total["resolved_early"], total["resolved_late"]) == (
        kpis.count("resolved_early"),
        kpis.count("resolved_late"),
    )
    assert (total["in_progress"], total["overdue"]) == (
        kpis.count("in_progress"),
        kpis.count("overdue"),
    )
    levels = rows.filter(rows["row_kind"] == LEVEL_TOTAL)
    assert levels["total"].sum() == total["total"]


def test_xlsx_layout_names_the_period(tiny: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    filters = Filters(*PERIOD)
    content = bieu_06a_file(
        form_rows(tiny, filters), filters, filter_options(tiny), "Thành phố Hải Phòng", "vi"
    )
    path = tmp_path / "bieu.xlsx"
    path.write_bytes(content)
    reader = fastexcel.read_excel(path)
    cells = reader.load_sheet(0, header_row=None).to_polars().rows()
    text = [str(v) for row in cells for v in row if v is not None]
    assert "Kỳ báo cáo: Từ ngày 10/07/2025 đến ngày 20/07/2025" in text
    assert "Đơn vị tính: Số hồ sơ TTHC" in text
    assert "Đơn vị báo cáo: Thành phố Hải Phòng" in text
    numbers = next(row for row in cells if row[0] == "(1)")
    assert list(numbers) == [f"({n})" for n in range(1, 14)]
    total = next(row for row in cells if row[1] == "Tổng cộng")
    assert [float(v) for v in total[2:]] == [10, 4, 3, 3, 6, 1, 3, 2, 4, 2, 2]
    scope = reader.load_sheet(1, header_row=None).to_polars().rows()
    assert ("Kỳ báo cáo", "Từ ngày 10/07/2025 đến ngày 20/07/2025") in scope
    # The note under the form says how many of (7) and (9) were closed without result (A8).
    assert any(line.startswith("Theo quy ước của biểu, 1 hồ sơ không tiếp nhận") for line in text)


def test_command_line_writes_the_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    db = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    monkeypatch.setenv("WAREHOUSE_PATH", str(db))
    out = tmp_path / "bieu.xlsx"
    args = ["bieu-06a", "--from", "2025-07-10", "--to", "2025-07-20", "--unit", "00001"]
    assert main([*args, "--out", str(out)]) == 0
    cells = fastexcel.read_excel(out).load_sheet(0, header_row=None).to_polars().rows()
    assert any(row[0] == "Đơn vị báo cáo: Phường An Biên" for row in cells)
    league = tmp_path / "xep-hang.csv"
    assert (
        main(["league-table", "--from", "2025-07-10", "--to", "2025-07-20", "--out", str(league)])
        == 0
    )
    assert league.read_bytes().startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["bieu-06a", "--from", "2025-07-xx", "--to", "2025-07-20", "--out", "a.xlsx"],
            "ngày không hợp lệ",
        ),
        (
            ["bieu-06a", "--from", "2025-07-21", "--to", "2025-07-20", "--out", "a.xlsx"],
            "sau ngày kết thúc",
        ),
        (
            ["bieu-06a", "--from", "2025-07-01", "--to", "2025-07-20", "--out", "a.csv"],
            "đuôi .xlsx",
        ),
        (
            [
                "bieu-06a",
                "--from",
                "2025-07-01",
                "--to",
                "2025-07-20",
                "--unit",
                "99999",
                "--out",
                "a.xlsx",
            ],
            "99999",
        ),
        (["bang-xep-hang"], "Lỗi:"),
    ],
)
def test_command_line_rejects_bad_arguments_in_one_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture,
    args: list[str],
    message: str,
) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(build_tiny_warehouse(tmp_path / "w.duckdb")))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err.strip()
    assert message in err and err.startswith("Lỗi:") and "\n" not in err
