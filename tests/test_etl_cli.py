"""What `python -m etl` says: reason codes by their Vietnamese labels, and every error as one
line "Lỗi: …" with exit status 2, never a traceback or argparse's English."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from etl.reasons import REASONS, reason_label
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_catalog, write_csv
from tests.test_etl_atomic import _big_export

PROJECT = Path(__file__).resolve().parent.parent


def _etl(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "etl", *args],
        cwd=PROJECT, capture_output=True, text=True, timeout=300, env=env,
    )  # fmt: skip


def _one_error_line(run: subprocess.CompletedProcess) -> str:
    assert run.returncode == 2, (run.returncode, run.stderr)
    errors = [line for line in run.stderr.splitlines() if line.startswith("Lỗi: ")]
    assert len(errors) == 1, run.stderr
    for english in ("Traceback", "usage:", "error:", "argument", "invalid", "required"):
        assert english not in run.stderr, run.stderr
    return errors[0]


def test_every_reason_code_has_a_vietnamese_and_an_english_label() -> None:
    for code, (vi, en) in REASONS.items():
        assert vi and en and vi != code and en != code
        assert reason_label(code) == vi and reason_label(code, "en") == en


def test_the_load_summary_names_reasons_by_their_labels(tmp_path: Path) -> None:
    rows = [
        application("A-1"),
        application("A-2", channel="7"),
        application("A-3", unit="Phường Không Có"),
        application("A-4", unit="Phường Không Có Nữa"),
    ]
    path = write_csv(tmp_path / "ho-so.csv", table(rows, VI_LABELS))
    run = _etl("load", str(write_catalog(tmp_path)), str(path), "--db", str(tmp_path / "w.duckdb"))
    assert run.returncode == 0, run.stderr
    assert (
        "ho-so.csv [hồ sơ]: đọc 4 · nạp 1 · loại 3 (Không rõ đơn vị 2, Kênh nộp không hợp lệ 1)"
        in run.stdout.splitlines()
    )
    assert not any(code in run.stdout for code in REASONS)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ([], "thiếu tham số bắt buộc: LỆNH"),
        (["nap"], "LỆNH: không có lựa chọn 'nap'"),
        (["load"], "thiếu tham số bắt buộc: TỆP"),
        (["sample"], "thiếu tham số bắt buộc: --out"),
        (["sample", "--out", "x", "--start", "01/07/2025"], "ngày '01/07/2025' phải có dạng YYYY-MM-DD"),
        (["sample", "--out", "x", "--start", "2026-01-01", "--end", "2025-12-31"], "ngày bắt đầu 01/01/2026 sau ngày kết thúc 31/12/2025"),
        (["sample", "--out", "x", "--scale", "0"], "'0' phải là một số dương"),
        (["sample", "--out", "x", "--scale", "nhiều"], "'nhiều' phải là một số dương"),
        (["build", "--provinces", "31,99"], "không có tỉnh mã 99"),
        (["build", "--provinces", "Hải Phòng"], "không phải danh sách mã tỉnh"),
        (["build", "--records", "-5"], "'-5' phải là một số dương"),
        (["load", "x.csv", "--xoa"], "tham số không hiểu: --xoa"),
        (["load", "x.csv", "--db"], "tham số --db cần một giá trị"),
    ],
)  # fmt: skip
def test_argument_errors_are_one_vietnamese_line(args: list[str], says: str) -> None:
    assert says in _one_error_line(_etl(*args))


def test_a_missing_file_is_one_line_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "khong-co.csv"
    line = _one_error_line(_etl("load", str(missing), "--db", str(tmp_path / "w.duckdb")))
    assert line == f"Lỗi: {missing}: không tìm thấy tệp"


def test_a_warehouse_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("x", encoding="utf-8")
    path = write_csv(tmp_path / "ho-so.csv", table([application("A-1")], VI_LABELS))
    line = _one_error_line(_etl("load", str(path), "--db", str(blocker / "w.duckdb")))
    assert f"{blocker}: đã có một tệp trùng tên ở chỗ cần tạo thư mục" in line
    assert "kho dữ liệu giữ nguyên như trước" in line


def test_an_interrupted_load_is_one_line_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    first = write_csv(tmp_path / "first.csv", table([application("A-1")], VI_LABELS))
    assert _etl("load", str(write_catalog(tmp_path)), str(first), "--db", str(db)).returncode == 0
    big = _big_export(tmp_path / "big.csv", "K-", 400_000)
    process = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(big), "--db", str(db)],
        cwd=PROJECT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "ETL_LOG": "INFO"},
    )  # fmt: skip
    assert process.stderr is not None
    for line in process.stderr:
        if "etl: phase read big.csv" in line:
            break
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    assert process.wait(timeout=120) == 2
    assert "Lỗi: đã dừng theo yêu cầu; kho dữ liệu giữ nguyên như trước." in rest
    assert "Traceback" not in rest
    assert query(db, "select count(*) from applications") == [(1,)]
