"""Workbooks are read sheet by sheet (DATA_SPEC §1): every data sheet is loaded and reported,
a broken data sheet stops the file with its name, a cover or notes sheet is passed over and
said so; rejected rows say which sheet they came from."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import xlsxwriter

from tests.conftest import query
from tests.exports import CATALOG_HEADER, VI_LABELS, application, table

PROJECT = Path(__file__).resolve().parent.parent
COVER = [
    ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG"],
    ["BÁO CÁO HỒ SƠ THÁNG 7/2025"],
    ["Kèm theo công văn số 12/UBND"],
]
NOTES = [["Ghi chú"], ["Mã hồ sơ: mã số do hệ thống cấp"], ["Trạng thái: theo danh mục quốc gia"]]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    for name, rows in sheets.items():
        sheet = workbook.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    workbook.close()
    return path


def _records(prefix: str, n: int, **overrides: str) -> list[list[str]]:
    return table([application(f"{prefix}-{i}", **overrides) for i in range(n)], VI_LABELS)


def _cli(*paths: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", "load", *map(str, paths), "--db", str(db)],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_a_cover_sheet_and_two_data_sheets(tmp_path: Path, load) -> None:
    july = _records("JUL", 3)
    july.append(list(application("JUL-BAD", channel="9").values()))
    path = _workbook(
        tmp_path / "ho-so.xlsx",
        {"Bìa": COVER, "Tháng 7": july, "Tháng 8": _records("AUG", 2), "Ghi chú": NOTES},
    )
    (result,) = load(path)
    assert result.error is None
    assert [(p.sheet, p.rows_read, p.rows_loaded, p.rows_rejected) for p in result.parts] == [
        ("Tháng 7", 4, 3, 1),
        ("Tháng 8", 2, 2, 0),
    ]
    assert result.passed_over == ["Bìa", "Ghi chú"]
    assert (result.rows_read, result.rows_loaded) == (6, 5)
    assert query(load.db, "select count(*) from applications") == [(5,)]
    assert query(load.db, "select sheet, row_number, reason from rejected_rows") == [
        ("Tháng 7", 5, "bad_channel")
    ]
    log = query(
        load.db,
        "select sheet, rows_read, rows_loaded from load_log where kind = 'applications' order by sheet",
    )
    assert log == [("Tháng 7", 4, 3), ("Tháng 8", 2, 2)]


def test_the_command_line_reports_every_sheet_and_the_ones_passed_over(
    tmp_path: Path, catalog_file: Path
) -> None:
    path = _workbook(
        tmp_path / "ho-so.xlsx",
        {"Bìa": COVER, "Tháng 7": _records("JUL", 3), "Tháng 8": _records("AUG", 2)},
    )
    run = _cli(catalog_file, path, db=tmp_path / "w.duckdb")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert "ho-so.xlsx [hồ sơ]: đọc 5 · nạp 5 · loại 0" in lines
    assert "  trang tính 'Tháng 7' [hồ sơ]: đọc 3 · nạp 3 · loại 0" in lines
    assert "  trang tính 'Tháng 8' [hồ sơ]: đọc 2 · nạp 2 · loại 0" in lines
    assert "  trang tính 'Bìa': bỏ qua, không có bảng dữ liệu" in lines


def test_two_sheets_of_different_kinds_load_the_catalog_first(tmp_path: Path, load) -> None:
    """The records come first in the workbook and use a procedure only its catalog sheet has."""
    records = _records("A", 2, procedure_code="1.099999")
    catalog = [
        CATALOG_HEADER,
        [
            "1.099999",
            "Thủ tục mới",
            "Hộ tịch",
            "Cấp xã",
            "",
            "Toàn trình",
            "Có",
            "1",
            "Không",
            "Không",
        ],
    ]
    path = _workbook(tmp_path / "tong-hop.xlsx", {"Hồ sơ": records, "Danh mục": catalog})
    (result,) = load(path, with_catalog=False)
    assert result.error is None and result.kind is None  # two kinds in one file
    assert [(p.sheet, p.kind, p.rows_loaded) for p in result.parts] == [
        ("Danh mục", "catalog", 1),
        ("Hồ sơ", "applications", 2),
    ]
    assert query(load.db, "select distinct procedure_code from applications") == [("1.099999",)]


def test_a_broken_data_sheet_stops_the_whole_file_naming_the_sheet(
    tmp_path: Path, catalog_file: Path
) -> None:
    broken = [row[:5] for row in _records("B", 2)]  # no status, no channel
    path = _workbook(
        tmp_path / "ho-so.xlsx", {"Bìa": COVER, "Tháng 7": _records("JUL", 3), "Tháng 8": broken}
    )
    db = tmp_path / "w.duckdb"
    run = _cli(catalog_file, path, db=db)
    assert run.returncode == 2
    errors = [line for line in run.stderr.splitlines() if line.startswith("Lỗi")]
    assert errors == [
        f"Lỗi: {path}: trang tính 'Tháng 8': tệp giống hồ sơ nhưng thiếu cột bắt buộc: Trạng thái, Kênh nộp"
    ]
    assert query(db, "select count(*) from applications") == [(0,)]  # not even July's rows
    assert query(db, "select file_name, outcome from load_log where kind is null") == [
        ("ho-so.xlsx", "failed")
    ]


def test_a_workbook_without_any_data_sheet_is_refused(tmp_path: Path, load) -> None:
    (result,) = load(_workbook(tmp_path / "bia.xlsx", {"Bìa": COVER, "Ghi chú": NOTES}))
    assert (
        result.error == "không tìm thấy dòng tiêu đề với tên cột quen thuộc (Mã hồ sơ, Mã TTHC, …)"
    )
