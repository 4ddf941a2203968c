"""Staffing files (DATA_SPEC §1.4) loaded by `python -m etl load`: recognised by their headers,
every row loaded or rejected with a reason, no names stored, upsert by key with history."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import pytest

from etl.aliases import STAFFING_FIELDS, STAFFING_REQUIRED
from etl.reasons import reason_label
from tests.conftest import query
from tests.exports import write_catalog, write_xlsx

PROJECT = Path(__file__).resolve().parent.parent
HEADER = [
    "Đơn vị",
    "Phòng chuyên môn",
    "Lĩnh vực",
    "Công chức hiện có",
    "Biên chế được giao",
    "Số đề nghị điều động, biệt phái",
    "Số người có nguyện vọng",
    "Ngày số liệu",
    "Họ và tên",
]
KTHT = "Phòng Kinh tế - Hạ tầng - Đô thị"


def _write(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _load(db: Path, *paths: Path) -> subprocess.CompletedProcess:
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", *map(str, paths), "--db", str(db)],
        cwd=PROJECT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    return run


def _good(unit: str = "Phường Hồng Bàng", field: str = "Xây dựng", **counts: str) -> list[str]:
    values = {"officials": "4", "positions": "5", "requests": "3", "candidates": "1"} | counts
    return [
        unit, "", field, values["officials"], values["positions"], values["requests"],
        values["candidates"], counts.get("as_of", "20/08/2025"), "Nguyễn Văn A",
    ]  # fmt: skip


def test_a_staffing_file_is_recognised_loaded_and_keeps_no_names(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    path = _write(tmp_path / "bien-che.csv", [_good(), _good(field="Y tế", requests="2")])
    run = _load(db, write_catalog(tmp_path), path)
    assert "bien-che.csv [biên chế, nhân sự]" in run.stdout
    rows = query(db, "select * exclude (unit_code, source_file) from staffing order by office")
    assert [(*r[:6], str(r[6])) for r in rows] == [
        (KTHT, "Xây dựng", 4, 5, 3, 1, "2025-08-20"),
        ("Phòng Văn hóa - Xã hội", "Y tế", 4, 5, 2, 1, "2025-08-20"),
    ]
    everything = query(db, "select * from staffing")
    assert "Nguyễn Văn A" not in repr(everything)
    kinds = query(db, "select kind, rows_read, rows_loaded from load_log where kind = 'staffing'")
    assert kinds == [("staffing", 2, 2)]


def test_english_aliases_and_a_workbook_are_recognised(tmp_path: Path) -> None:
    rows: list[list[object]] = [
        ["Unit", "Field", "Officials", "Transfer requests", "Candidates", "As of"],
        ["Phường Hồng Bàng", "Giao thông", 2, 6, 3, "2025-08-20"],
    ]
    write_xlsx(tmp_path / "staffing.xlsx", rows, title_rows=["Staffing as of 20/8/2025"])
    db = tmp_path / "w.duckdb"
    _load(db, write_catalog(tmp_path), tmp_path / "staffing.xlsx")
    assert query(
        db, "select office, field, officials, transfer_requests, candidates from staffing"
    ) == [(KTHT, "Giao thông", 2, 6, 3)]


def test_every_bad_row_is_rejected_with_its_reason(tmp_path: Path) -> None:
    rows = [
        _good(),
        _good(officials="-1", field="Y tế"),
        _good(unit="Phường Không Tồn Tại"),
        _good(field="Chiêm tinh"),
        _good(field="Giao thông", requests="1", candidates="2"),
        _good(),  # an exact repeat of the first row
        _good(field="Quy hoạch", officials="ba"),
        _good(field="Đất đai", as_of="32/8/2025"),
    ]
    db = tmp_path / "w.duckdb"
    run = _load(db, write_catalog(tmp_path), _write(tmp_path / "bien-che.csv", rows))
    rejected = query(db, "select row_number, reason from rejected_rows order by row_number")
    assert rejected == [
        (3, "negative_count"),
        (4, "unknown_unit"),
        (5, "unknown_field"),
        (6, "candidates_without_request"),
        (7, "duplicate_in_file"),
        (8, "bad_value"),
        (9, "bad_date"),
    ]
    assert query(db, "select count(*) from staffing") == [(1,)]
    # The same Vietnamese message as for any other input, one per reason (etl/reasons.py).
    for _, reason in rejected:
        assert reason_label(reason, "vi") in run.stdout, reason
    details = " ".join(
        r[0] for r in query(db, "select detail || coalesce(raw, '') from rejected_rows")
    )
    assert "Nguyễn Văn A" not in details


def test_a_later_file_replaces_its_key_and_keeps_other_dates(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = _write(tmp_path / "thang-7.csv", [_good(as_of="31/07/2025"), _good(requests="3")])
    _load(db, write_catalog(tmp_path), first)
    second = _write(tmp_path / "thang-8.csv", [_good(requests="7", candidates="2")])
    _load(db, second)
    assert query(
        db, "select as_of::varchar, transfer_requests, candidates from staffing order by as_of"
    ) == [("2025-07-31", 3, 1), ("2025-08-20", 7, 2)]
    _load(db, second)  # loading the same file again changes nothing
    assert query(db, "select count(*) from staffing") == [(2,)]


def test_a_field_given_with_another_office_is_rejected(tmp_path: Path) -> None:
    row = _good(field="Y tế")
    row[1] = KTHT
    db = tmp_path / "w.duckdb"
    _load(db, write_catalog(tmp_path), _write(tmp_path / "bien-che.csv", [row, _good()]))
    assert query(db, "select reason from rejected_rows") == [("unknown_field",)]


def test_an_uploaded_staffing_file_is_reported_by_its_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The upload page names the kind of each file: a staffing file too, in Vietnamese."""
    from tests.test_upload_page import load as upload
    from tests.test_upload_page import upload_page, warehouse

    db = next(warehouse.__wrapped__(tmp_path, monkeypatch))
    data = _write(tmp_path / "bien-che.csv", [_good(), _good(officials="-1")]).read_bytes()
    app = upload(upload_page(), ("bien-che.csv", data))
    assert not app.exception
    shown = " ".join(w.value for w in app.warning) + " ".join(c.value for c in app.caption)
    assert "Số lượng âm 1" in shown
    assert query(db, "select count(*) from staffing") == [(1,)]


def test_a_staffing_file_without_a_required_column_is_one_error_line(tmp_path: Path) -> None:
    """Like an applications export without its required columns: one "Lỗi: …" line naming
    the file, its kind and the missing column in Vietnamese, exit code 2, nothing loaded."""
    header = [h for h in HEADER if h != "Ngày số liệu"]
    path = _write(tmp_path / "bien-che.csv", [_good()[:7] + _good()[8:]], header)
    db = tmp_path / "w.duckdb"
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(path), "--db", str(db)],
        cwd=PROJECT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.splitlines()[-1] == (
        f"Lỗi: {path}: tệp giống biên chế, nhân sự nhưng thiếu cột bắt buộc: Ngày số liệu"
    )
    assert query(db, "select count(*) from staffing") == [(0,)]


def _paragraph(text: str, start: str) -> str:
    """The README paragraph that begins with `start` (up to the next blank line)."""
    return text[text.index(start) :].split("\n\n", 1)[0]


def test_the_readme_says_what_the_page_answers_and_how_to_load_a_staffing_file() -> None:
    """Both halves: what /can-bo answers, and a loading paragraph whose column names are the
    ones the loader recognises, naming every column the loader needs."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "### Cán bộ và khối lượng công việc (`/can-bo`)" in readme
    assert "### Staff and workload (`/can-bo`)" in readme
    assert "Trang trả lời: mỗi công chức" in readme
    assert "The page answers: how many applications each official" in readme
    known = {alias for aliases in STAFFING_FIELDS.values() for alias in aliases}
    for start in ("Nạp tệp biên chế thật:", "Loading a real staffing file:"):
        paragraph = _paragraph(readme, start)
        assert "python3 -m etl load bien-che.xlsx" in paragraph
        named = set(re.findall(r'"([^"]+)"', " ".join(paragraph.split())))
        assert named and named <= known, named - known
        for field in STAFFING_REQUIRED[1:]:  # the unit may also be given by its code
            assert STAFFING_FIELDS[field][0] in named, field
