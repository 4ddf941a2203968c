"""The optional fields of DATA_SPEC §1.1 (supplement dates, reused data) are typed and stored,
and a file that lacks an optional column is recorded as lacking it for the months it covers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.conftest import query
from tests.exports import SYNC_LABELS, VI_LABELS, application, table, write_csv

SUPPLEMENTS = {
    **VI_LABELS,
    "supplement_requested_at": "Ngày yêu cầu bổ sung",
    "supplement_done_at": "Ngày công dân bổ sung",
    "reused_data": "Tái sử dụng dữ liệu số hóa",
    "e_result": "Kết quả điện tử",
}


def test_supplement_dates_and_reused_data_are_stored_typed(tmp_path: Path, load) -> None:
    rows = [
        application(
            "A-1",
            supplement_requested_at="01/07/2025 10:00",
            supplement_done_at="2025-07-01T05:30:00Z",  # 12:30 local
            reused_data="Có",
            e_result="1",
        ),
        application(
            "A-2", supplement_requested_at="", supplement_done_at="", reused_data="0", e_result=""
        ),
    ]
    (result,) = load(write_csv(tmp_path / "ho-so.csv", table(rows, SUPPLEMENTS)))
    assert (result.rows_loaded, result.reasons) == (2, {})
    assert query(
        load.db,
        "select application_id, supplement_requested_at, supplement_done_at, reused_data, e_result, "
        "as_of from applications order by 1",
    ) == [
        ("A-1", datetime(2025, 7, 1, 10), datetime(2025, 7, 1, 12, 30), True, True, datetime(2025, 7, 1, 15)),
        ("A-2", None, None, False, None, datetime(2025, 7, 1, 15)),
    ]  # fmt: skip


def _file_columns(load) -> list[tuple]:
    return query(
        load.db,
        "select file_name, field, present, month, rows from file_columns "
        "where field in ('e_result', 'reused_data', 'paid_online') order by all",
    )


def test_missing_optional_columns_are_recorded_with_the_months_the_file_covers(
    tmp_path: Path, load
) -> None:
    july_august = [
        application("A-1"),
        application("A-2", received_at="01/08/2025 08:00", due_at="02/08/2025 17:00", finished_at="01/08/2025 15:00"),
        application("A-3", received_at="02/08/2025 08:00", due_at="03/08/2025 17:00", finished_at="02/08/2025 15:00"),
    ]  # fmt: skip
    (result,) = load(write_csv(tmp_path / "thieu.csv", table(july_august, VI_LABELS)))
    assert "e_result" in result.parts[0].missing_fields
    with_e_result = [application("B-1", e_result="1", reused_data="1")]
    load(write_csv(tmp_path / "du.csv", table(with_e_result, SUPPLEMENTS)), with_catalog=False)
    july, august = date(2025, 7, 1), date(2025, 8, 1)
    assert _file_columns(load) == [
        ("du.csv", "e_result", True, july, 1),
        ("du.csv", "paid_online", True, july, 1),
        ("du.csv", "reused_data", True, july, 1),
        ("thieu.csv", "e_result", False, july, 1),
        ("thieu.csv", "e_result", False, august, 2),
        ("thieu.csv", "paid_online", True, july, 1),
        ("thieu.csv", "paid_online", True, august, 2),
        ("thieu.csv", "reused_data", False, july, 1),
        ("thieu.csv", "reused_data", False, august, 2),
    ]
    # Loading a file again replaces its record instead of doubling it.
    load(tmp_path / "thieu.csv", with_catalog=False)
    assert len(_file_columns(load)) == 9


def test_a_later_export_without_an_optional_column_leaves_it_unknown(tmp_path: Path, load) -> None:
    """The later export is the record's state: a field it does not carry is unknown (null),
    not taken from an older export whose value described an earlier state."""
    rows = [application("A-1", status="4", finished_at="", e_result="0")]
    load(write_csv(tmp_path / "thang-7.csv", table(rows, SUPPLEMENTS)))
    later = [application("A-1", status="10", finished_at="03/07/2025 10:00")]
    load(write_csv(tmp_path / "thang-8.csv", table(later, SYNC_LABELS)), with_catalog=False)
    assert query(load.db, "select status, e_result from applications") == [(10, None)]
