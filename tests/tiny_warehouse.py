"""A hand-made warehouse small enough to compute every KPI by hand.

Built with the real schema (`etl.schema.create_tables`) and the real summary refresh
(`etl.summaries.refresh`), so metric tests check the whole read path, not a copy of it.
The period the answers below are for is P = 10/07/2025 – 20/07/2025.

| id  | unit  | proc | received | due   | finished | status | ch | paid | digit. | in P as            |
|-----|-------|------|----------|-------|----------|--------|----|------|--------|--------------------|
| A1  | 00001 | P1   | 05/07    | 08/07 | 07/07    | 10     | 1  |      | yes    | ended before P     |
| A2  | 00001 | P1   | 08/07    | 12/07 | 12/07    | 9      | 2  |      | yes    | carried in, on time|
| A3  | 00001 | P2   | 09/07    | 11/07 | –        | 4      | 1  | no   | no     | carried in, overdue|
| A4  | 00002 | P1   | 10/07    | 15/07 | 13/07 20h| 10     | 2  |      | yes    | received, early    |
| A5  | 00002 | P2   | 12/07    | 14/07 | 18/07    | 9      | 2  | yes  | no     | received, late     |
| A6  | 00002 | P2   | 15/07    | 25/07 | –        | 5      | 1  | no   | yes    | received, in time  |
| A7  | 31.STP| P3   | 16/07    | 18/07 | –        | 6      | 3  | no   | no     | received, overdue  |
| A8  | 00001 | P3   | 18/07    | 30/07 | –        | 3      | 1  | no   | no     | received, closed   |
| A9  | 00001 | P1   | 19/07    | 20/07 | 20/07    | 10     | 2  |      | yes    | received, on time  |
| A10 | 00002 | P1   | 21/07    | 22/07 | –        | 4      | 2  |      | no     | after P            |
| A11 | 00001 | P2   | 20/07    | 21/07 | 22/07    | 9      | 2  | yes  | yes    | received, open at d1|
| A12 | 00002 | P1   | 01/07    | 03/07 | 11/07    | 10     | 1  |      | no     | carried in, late   |

Supplements (QĐ 766): A2 was asked twice (last on 09/07, brought 10/07): late by QĐ 766 though
on time by its due date; A5 was asked on 13/07 and brought the documents on 17/07, so its due date
moves to 18/07 and it is on time by QĐ 766; A6 was asked on 16/07 and waits (status 5); A7 waits
for its fee (status 6), overdue by its due date but not the office's delay by QĐ 766.

Electronic results (QĐ 766 online share): A4 and A5 have one, A9 and A11 not; P2's result is
not a document (result_document false), so of the 4 received online, A4, A5 and A11 count: 3 / 7.

All times 08:00 except A4's finish (20:00). P1 Hộ tịch (cấp xã, no fee), P2 Chứng thực (cấp xã,
fee), P3 Đất đai (cấp tỉnh, agency 31.STP, fee). Units: 00001 phường, 00002 xã, 31.STP sở.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from etl.schema import create_tables
from etl.summaries import refresh

PERIOD = (date(2025, 7, 10), date(2025, 7, 20))

UNITS = [
    ("00001", "Phường An Biên", "phuong", 31),
    ("00002", "Xã Bình Hà", "xa", 31),
    ("31.STP", "Sở Tư pháp", "so_nganh", 31),
]
PROCEDURES = [
    ("1.000001", "Đăng ký khai sinh", "Hộ tịch", "xa", None, "toan_trinh", True, 3, False, False),
    ("2.000002", "Chứng thực bản sao", "Chứng thực", "xa", None, "mot_phan", True, 2, True, False),
    ("2.000003", "Đăng ký đất đai", "Đất đai", "tinh", "31.STP", "khong", False, 10, True, True),
]
_P = {"P1": "1.000001", "P2": "2.000002", "P3": "2.000003"}
# id, unit, procedure, received day, due day, finished (day, hour) or None, status, channel,
# paid_online, digitized
APPLICATIONS = [
    ("A1", "00001", "P1", 5, 8, (7, 8), 10, 1, None, True),
    ("A2", "00001", "P1", 8, 12, (12, 8), 9, 2, None, True),
    ("A3", "00001", "P2", 9, 11, None, 4, 1, False, False),
    ("A4", "00002", "P1", 10, 15, (13, 20), 10, 2, None, True),
    ("A5", "00002", "P2", 12, 14, (18, 8), 9, 2, True, False),
    ("A6", "00002", "P2", 15, 25, None, 5, 1, False, True),
    ("A7", "31.STP", "P3", 16, 18, None, 6, 3, False, False),
    ("A8", "00001", "P3", 18, 30, None, 3, 1, False, False),
    ("A9", "00001", "P1", 19, 20, (20, 8), 10, 2, None, True),
    ("A10", "00002", "P1", 21, 22, None, 4, 2, None, False),
    ("A11", "00001", "P2", 20, 21, (22, 8), 9, 2, True, True),
    ("A12", "00002", "P1", 1, 3, (11, 8), 10, 1, None, False),
]

# id, supplement_count, requested day, done day (08:00) or None
SUPPLEMENTS = [("A2", 2, 9, 10), ("A5", 1, 13, 17), ("A6", 1, 16, None)]
E_RESULTS = [(True, "A4"), (True, "A5"), (False, "A9"), (False, "A11")]

# Staffing (issue 16): unit, office, field, officials, positions, requests, candidates, as_of.
# The 1/7 row is an older count that the 15/7 one replaces for any period ending after 15/7.
_VP = "Văn phòng HĐND và UBND"
STAFFING = [
    ("00001", _VP, "Hộ tịch", 4, 4, 0, 0, date(2025, 7, 1)),
    ("00001", _VP, "Hộ tịch", 1, 2, 3, 1, date(2025, 7, 15)),
    ("00001", _VP, "Chứng thực", 1, 1, 2, 0, date(2025, 7, 15)),
    ("00002", _VP, "Hộ tịch", 1, 1, 0, 0, date(2025, 7, 15)),
    ("00002", _VP, "Chứng thực", 2, 3, 4, 2, date(2025, 7, 15)),
    ("31.STP", None, "Đất đai", 5, 5, 0, 0, date(2025, 7, 15)),
]

_INSERT_APPLICATION = """
insert into applications (
    application_id, procedure_code, unit_code, received_at, due_at, finished_at, status,
    channel, paid_online, digitized, ended_on, source_file, as_of
) values (
    ?, ?, ?,
    make_timestamp(2025, 7, ?, 8, 0, 0), make_timestamp(2025, 7, ?, 8, 0, 0),
    case when ? then make_timestamp(2025, 7, ?, ?, 0, 0) end,
    ?, ?, ?, ?,
    case
        when ? in (9, 10) then make_date(2025, 7, ?)
        when ? in (3, 7, 8) then make_date(2025, 7, ?)
    end,
    'tiny.csv',
    greatest(make_timestamp(2025, 7, ?, 8, 0, 0), make_timestamp(2025, 7, ?, ?, 0, 0))
)
"""


def build_tiny_warehouse(path: Path) -> Path:
    """Write the tiny warehouse to `path` (replacing any file there) and return the path."""
    path.unlink(missing_ok=True)
    with duckdb.connect(str(path)) as con:
        create_tables(con)
        con.executemany("insert into units values (?, ?, ?, ?)", UNITS)
        con.executemany(
            "insert into procedures (procedure_code, name, field, level, agency_code, "
            "online_service, non_boundary, legal_days, has_fee, business_related) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            PROCEDURES,
        )
        for app_id, unit, proc, received, due, finished, status, channel, paid, dig in APPLICATIONS:
            finished_day, finished_hour = finished or (received, 0)
            con.execute(
                _INSERT_APPLICATION,
                [
                    app_id, _P[proc], unit, received, due,
                    finished is not None, finished_day, finished_hour,
                    status, channel, paid, dig,
                    status, finished_day, status, received,
                    received, finished_day, finished_hour,
                ],
            )  # fmt: skip
        con.executemany(
            "update applications set supplement_count = ?, "
            "supplement_requested_at = make_timestamp(2025, 7, ?, 8, 0, 0), "
            "supplement_done_at = make_timestamp(2025, 7, ?, 8, 0, 0) where application_id = ?",
            [[count, asked, done, app_id] for app_id, count, asked, done in SUPPLEMENTS],
        )
        con.executemany("update applications set e_result = ? where application_id = ?", E_RESULTS)
        con.execute(
            "update procedures set result_document = false where procedure_code = ?", [_P["P2"]]
        )
        con.execute("insert into warehouse_info values ('built_at', '2025-07-22 06:30:00')")
        con.execute(
            "insert into load_log (load_id, file_name, sha256, kind, rows_read, rows_loaded, "
            "rows_rejected, started_at, finished_at, outcome, message) "
            "values (1, 'tiny.csv', 'abc', 'applications', 14, 12, 2, "
            "'2025-07-22 06:00:00', '2025-07-22 06:01:00', 'loaded', null)"
        )
        con.executemany(
            "insert into rejected_rows (load_id, file_name, sha256, row_number, reason, detail, raw) "
            "values (1, 'tiny.csv', 'abc', ?, ?, ?, null)",
            [(5, "bad_date", "Ngày tiếp nhận '32/07/2025'"), (9, "unknown_unit", "Xã Không Có")],
        )
        con.executemany(
            "insert into staffing values (?, ?, ?, ?, ?, ?, ?, ?, 'tiny-staffing.csv')", STAFFING
        )
        refresh(con)
    return path
