"""Every reject reason of DATA_SPEC §2, what a rejected row keeps, and files that cannot be
read at all."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from etl.reasons import REASONS
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_csv, write_xlsx

PROJECT = Path(__file__).resolve().parent.parent
# The optional columns too, so that any field can be made bad.
LABELS = {
    **VI_LABELS,
    "returned_at": "Ngày trả kết quả",
    "e_result": "Kết quả điện tử",
    "supplement_count": "Số lần bổ sung",
    "supplement_requested_at": "Ngày yêu cầu bổ sung",
    "supplement_done_at": "Ngày công dân bổ sung",
    "reused_data": "Tái sử dụng dữ liệu số hóa",
    "field": "Lĩnh vực",
}


def _rows(tmp_path: Path, load, *rows: dict[str, str]):
    """Load rows that may set any field: every row gets every column."""
    keys = dict.fromkeys(key for row in rows for key in row)
    full = [{key: row.get(key, "") for key in keys} for row in rows]
    (result,) = load(write_csv(tmp_path / "ho-so.csv", table(full, LABELS)))
    return result


def _one_bad(tmp_path: Path, load, **bad: str):
    return _rows(
        tmp_path, load, application("GOOD-1"), application("BAD-1", **bad), application("GOOD-2")
    )


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"procedure_code": ""}, "missing_required"),
        ({"application_id": ""}, "missing_required"),
        ({"status": "10", "finished_at": ""}, "missing_required"),
        ({"received_at": "31/02/2025"}, "bad_date"),
        ({"due_at": "hôm qua"}, "bad_date"),
        ({"finished_at": "2025-13-01"}, "bad_date"),
        ({"unit": "Phường Không Tồn Tại"}, "unknown_unit"),
        ({"unit": "Cam Giang"}, "unknown_unit"),  # accents stripped: no such commune
        ({"unit": "99999"}, "unknown_unit"),
        ({"procedure_code": "9.999999"}, "unknown_procedure"),
        ({"finished_at": "30/06/2025 10:00"}, "finished_before_received"),
        # Both times written: judged to the minute, not by date.
        (
            {"received_at": "01/07/2025 09:00", "finished_at": "01/07/2025 07:00"},
            "finished_before_received",
        ),
        (
            {"received_at": "2025-07-01T09:00:00", "finished_at": "2025-07-01T08:59:00"},
            "finished_before_received",
        ),
        ({"finished_at": "", "returned_at": "30/06/2025 10:00"}, "finished_before_received"),
        ({"status": "7", "finished_at": "01/07/2025 07:59"}, "finished_before_received"),
        ({"due_at": "30/06/2025 17:00"}, "due_before_received"),
        ({"supplement_requested_at": "30/06/2025 10:00"}, "supplement_before_received"),
        ({"supplement_requested_at": "01/07/2025 07:30"}, "supplement_before_received"),
        (
            {
                "supplement_requested_at": "01/07/2025 10:00",
                "supplement_done_at": "01/07/2025 09:00",
            },
            "supplement_done_before_requested",
        ),
        ({"supplement_requested_at": "sáng nay"}, "bad_date"),
        ({"supplement_done_at": "01/07/2031 10:00"}, "future_date"),
        ({"digitized": "có lẽ"}, "bad_value"),
        ({"e_result": "chưa"}, "bad_value"),
        ({"reused_data": "chưa rõ"}, "bad_value"),
        ({"paid_online": "5"}, "bad_value"),
        ({"supplement_count": "hai"}, "bad_value"),
        ({"supplement_count": "-1"}, "bad_value"),
        ({"supplement_count": "1.5"}, "bad_value"),
        ({"status": "42"}, "bad_status"),
        ({"status": "Đang chờ"}, "bad_status"),
        ({"channel": "7"}, "bad_channel"),
        ({"channel": "Fax"}, "bad_channel"),
    ],
)
def test_reject_reason(tmp_path: Path, load, bad: dict[str, str], reason: str) -> None:
    result = _one_bad(tmp_path, load, **bad)
    assert (result.rows_read, result.rows_loaded, result.rows_rejected) == (3, 2, 1)
    row_number, stored_reason, detail, raw = query(
        load.db, "select row_number, reason, detail, raw from rejected_rows"
    )[0]
    assert (row_number, stored_reason) == (3, reason)  # header is row 1, BAD-1 is row 3
    assert reason in REASONS and detail
    # The value the detail quotes is stored there only, not again in `raw`.
    for value in bad.values():
        if value and f"'{value}'" in detail:
            assert value not in json.loads(raw).values()
    assert query(load.db, "select application_id from applications order by 1") == [
        ("GOOD-1",), ("GOOD-2",),
    ]  # fmt: skip


@pytest.mark.parametrize(
    "times",
    [
        {"received_at": "01/07/2025 09:00", "finished_at": "01/07/2025"},  # a bare date that day
        {"received_at": "01/07/2025", "finished_at": "01/07/2025 07:00"},
        {"received_at": "01/07/2025 09:00:50", "finished_at": "01/07/2025 09:00:10"},  # same minute
        {"received_at": "01/07/2025 09:00", "supplement_requested_at": "01/07/2025 09:00", "supplement_done_at": "01/07/2025 09:00"},
        {"received_at": "01/07/2025 09:00", "supplement_requested_at": "01/07/2025", "supplement_done_at": "01/07/2025 08:00"},
    ],
    ids=["finished-date-only", "received-date-only", "same-minute", "same-moment", "supplement-date-only"],
)  # fmt: skip
def test_times_are_compared_to_the_minute_only_when_both_are_written(
    tmp_path: Path, load, times: dict[str, str]
) -> None:
    result = _rows(tmp_path, load, application("A-1", **times))
    assert (result.rows_loaded, result.reasons) == (1, {})
    # Processing time is never negative, even for a bare finish date on the day of receipt.
    sums = query(load.db, "select min(processing_days_sum) from daily_activity where resolved > 0")
    assert sums[0][0] >= 0


@pytest.mark.parametrize(
    ("field", "reason"),
    [
        ("unit", "unknown_unit"),
        ("status", "bad_status"),
        ("channel", "bad_channel"),
        ("received_at", "bad_date"),
        ("procedure_code", "missing_required"),  # longer than any code: not a code
        ("application_id", "superseded_in_file"),
    ],
)
def test_a_huge_rejected_value_is_stored_once_and_cut(
    tmp_path: Path, load, field: str, reason: str
) -> None:
    huge = "Ư" + "x" * (10_000_000 if field == "unit" else 200_000)
    rows = [application("A-1"), application("A-2", **{field: huge})]
    if field == "application_id":
        rows = [application(huge, status="4", finished_at=""), application(huge)]
    if field == "procedure_code":
        rows[1]["procedure_code"] = ""
        rows[1]["field"] = (
            huge  # a long text in another column of a row rejected for something else
        )
        rows[0]["field"] = ""
    result = _rows(tmp_path, load, *rows)
    assert reason in result.reasons
    (detail, raw), *_ = query(
        load.db, "select detail, raw from rejected_rows where reason = ?", [reason]
    )
    assert len(detail) + len(raw) < 2_000
    shown = huge[:100] + "…"
    stored = (detail + raw).count(shown[:50])
    assert stored == 1, (detail, raw)


def test_exact_repeat_loads_once_and_rejects_the_copy(tmp_path: Path, load) -> None:
    rows = [application("A-1"), application("A-2"), application("A-1")]
    (result,) = load(write_csv(tmp_path / "h.csv", table(rows, VI_LABELS)))
    assert (result.rows_loaded, result.rows_rejected) == (2, 1)
    assert query(load.db, "select row_number, reason from rejected_rows") == [
        (4, "duplicate_in_file")
    ]


def test_every_file_accounts_for_every_row(tmp_path: Path, load) -> None:
    rows = [application(f"A-{i}") for i in range(20)]
    rows[3]["status"] = "99"
    rows[7]["unit"] = "Nowhere"
    rows[11]["received_at"] = "x"
    rows.append(dict(rows[0]))
    (result,) = load(write_csv(tmp_path / "h.csv", table(rows, VI_LABELS)))
    stored_loaded = query(load.db, "select count(*) from applications")[0][0]
    stored_rejected = query(load.db, "select count(*) from rejected_rows")[0][0]
    log = query(
        load.db,
        "select rows_read, rows_loaded, rows_rejected from load_log where kind = 'applications'",
    )
    assert result.rows_read == 21 == stored_loaded + stored_rejected
    assert log == [(21, stored_loaded, stored_rejected)]


def _warehouse_state(db: Path) -> list:
    return [
        query(db, f"select * from {t} order by all")  # noqa: S608 (constant table names)
        for t in ("applications", "procedures", "daily_activity", "rejected_rows")
    ]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", "chỉ là ghi chú\nkhông phải bảng\n", "không tìm thấy dòng tiêu đề"),
        (
            "ho-so.csv",
            "Mã hồ sơ,Mã TTHC,Ngày tiếp nhận\nA,1.001193,01/07/2025\n",
            "thiếu cột bắt buộc",
        ),
        ("ho-so.pdf", "%PDF-1.4", "không được hỗ trợ"),
        ("ho-so.xlsx", "this is not a zip file", "không mở được tệp Excel"),
    ],
)
def test_unreadable_file_one_line_nonzero_exit_data_unchanged(
    tmp_path: Path, load, name: str, content: str, message: str
) -> None:
    load(write_csv(tmp_path / "good.csv", table([application("A-1")], VI_LABELS)))
    before = _warehouse_state(load.db)
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(bad), "--db", str(load.db)],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode != 0
    errors = [line for line in run.stderr.splitlines() if line.startswith("Lỗi")]
    assert len(errors) == 1 and str(bad) in errors[0] and message in errors[0], run.stderr
    assert "Traceback" not in run.stderr + run.stdout
    assert _warehouse_state(load.db) == before
    assert query(load.db, "select outcome from load_log where file_name = ?", [name]) == [
        ("failed",)
    ]


def test_rows_with_problems_in_xlsx_keep_their_sheet_row_numbers(tmp_path: Path, load) -> None:
    rows = table([application("A-1"), application("A-2", channel="9")], VI_LABELS)
    path = write_xlsx(tmp_path / "h.xlsx", rows, title_rows=["BÁO CÁO", "Từ ngày … đến ngày …"])
    load(path)
    # Two title rows, a blank row, the header on row 4: A-2 is on sheet row 6.
    assert query(load.db, "select row_number, reason from rejected_rows") == [(6, "bad_channel")]
