"""Warehouse tables (DATA_SPEC §3). Names, columns and codes here are a contract."""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

# Status codes of the national sync list (GLOSSARY.md).
FINISHED_STATUSES = (9, 10)
CLOSED_STATUSES = (3, 7, 8)
# The kinds of closed without a result: not accepted, withdrawn by the applicant, stopped.
REFUSED_STATUS, WITHDRAWN_STATUS, STOPPED_STATUS = CLOSED_STATUSES
# Open and waiting for the applicant: documents to supplement (5), a fee to pay (6).
WAITING_STATUSES = (5, 6)
# An ended application has left the queue: finished, or closed without a result.
ENDED_STATUSES = FINISHED_STATUSES + CLOSED_STATUSES
CHANNELS = (1, 2, 3)
# The timestamps a filing record writes as things happen; the latest of them is the record's
# "as of" time (DATA_SPEC §1.1). The due date is a promise, not an event, so it is not one.
EVENT_TIMESTAMPS = (
    "received_at",
    "finished_at",
    "returned_at",
    "supplement_requested_at",
    "supplement_done_at",
)

TABLES_DDL = """
create table if not exists units (
    unit_code      varchar primary key,   -- 5-digit official code, or an agency code
    name           varchar not null,
    kind           varchar not null,      -- phuong | xa | dac_khu | so_nganh
    province_code  integer not null
);

create table if not exists procedures (
    procedure_code   varchar primary key,  -- national code d.dddddd
    name             varchar not null,
    field            varchar not null,     -- lĩnh vực
    level            varchar not null,     -- tinh | xa
    agency_code      varchar,              -- sở/ngành for provincial procedures, null for cấp xã
    online_service   varchar not null,     -- toan_trinh | mot_phan | khong
    non_boundary     boolean not null,
    legal_days       double,
    has_fee          boolean not null,
    business_related boolean not null,
    result_document  boolean not null default true  -- the result is a document (QĐ 766)
);

create table if not exists simplifications (
    procedure_code varchar primary key,
    plan           varchar,
    agency_code    varchar,
    days_before    double not null,
    days_after     double not null,
    status         varchar not null,       -- de_xuat | da_phe_duyet | da_thuc_hien
    decided_on     date
);

create table if not exists applications (
    application_id   varchar primary key,
    procedure_code   varchar not null,
    unit_code        varchar not null,
    received_at      timestamp not null,   -- local time, Asia/Ho_Chi_Minh, as exported
    due_at           timestamp not null,
    finished_at      timestamp,
    returned_at      timestamp,
    status           tinyint not null,     -- national code 1-10
    channel          tinyint not null,     -- 1 trực tiếp, 2 trực tuyến, 3 BCCI
    paid_online      boolean,
    digitized        boolean,
    e_result         boolean,
    supplement_count integer,
    supplement_requested_at timestamp,     -- local time, like every timestamp here
    supplement_done_at      timestamp,
    reused_data      boolean,              -- data taken from the national digitised store
    -- Derived at load: the latest event timestamp written in the row (EVENT_TIMESTAMPS). A
    -- later export of the record replaces it only with a later as_of, or on a tie with an
    -- ended state, then by content (`etl.versions`), so load order never matters.
    as_of            timestamp not null,
    -- Derived at load: the day the application left the queue (finished 9/10, or closed 3/7/8;
    -- a closed one without a date closes on the day it was received). Null while open.
    ended_on         date,
    source_file      varchar not null
);

create table if not exists load_log (
    load_id        bigint primary key,
    file_name      varchar not null,
    sha256         varchar not null,
    kind           varchar,
    rows_read      bigint not null,
    rows_loaded    bigint not null,
    rows_rejected  bigint not null,
    started_at     timestamp not null,
    finished_at    timestamp not null,
    outcome        varchar not null,       -- loaded | failed
    message        varchar,
    sheet          varchar,                -- the workbook sheet (one row per sheet), or null
    footer_lines   bigint not null default 0  -- lines of the block under the data, dropped
);

create table if not exists rejected_rows (
    load_id     bigint not null,
    file_name   varchar not null,
    sha256      varchar not null,
    row_number  bigint not null,           -- 1-based line/row in the source file or sheet
    reason      varchar not null,          -- a code of etl/reasons.py
    detail      varchar not null,          -- human-readable, personal data removed; quotes
                                           -- the rejected value, cut short, once
    raw         varchar,                   -- JSON of the recognised, non-personal fields other
                                           -- than the quoted one; for a row whose cells do not
                                           -- line up, only the identifiers that validate
    sheet       varchar                    -- the workbook sheet, or null
);

-- Which optional fields of filing records (etl.aliases.APPLICATION_OPTIONAL) each loaded file
-- had, for each month its loaded rows were received in: a month whose rows come from files
-- without `e_result` lacks that field ("thiếu dữ liệu"), it is not a month of zeros.
create table if not exists file_columns (
    load_id    bigint not null,
    file_name  varchar not null,
    sha256     varchar not null,
    sheet      varchar,
    field      varchar not null,           -- canonical field name
    present    boolean not null,           -- the file has a column for it
    month      date not null,              -- first day of a month of received_at
    rows       bigint not null             -- loaded rows of the file received that month
);

-- Summary: events per day at the grain the filters need. Received measures count on the
-- day of receipt; ended/resolved measures on the day the application ended.
create table if not exists daily_activity (
    day                 date not null,
    province_code       integer not null,
    unit_code           varchar not null,
    procedure_code      varchar not null,
    channel             tinyint not null,
    received            bigint not null,
    received_online_766 bigint not null,    -- online with an e-result where one is due (766)
    received_fee        bigint not null,    -- received, procedure has a fee
    paid_online         bigint not null,    -- of received_fee, paid online
    digitized           bigint not null,
    received_result_doc bigint not null,    -- received, the procedure's result is a document
    e_result_doc        bigint not null,    -- of received_result_doc, with an e-result (766 4.1)
    digitized_e_result  bigint not null,    -- digitised at intake and with an e-result (766 4.2)
    reused_data         bigint not null,    -- reusing digitised data (766 4.3)
    ended               bigint not null,    -- finished (9/10) or closed (3/7/8) that day
    closed              bigint not null,    -- of ended, closed without result (3/7/8)
    closed_refused      bigint not null,    -- of closed: không được tiếp nhận (3)
    closed_withdrawn    bigint not null,    -- of closed: công dân rút hồ sơ (7)
    closed_stopped      bigint not null,    -- of closed: dừng xử lý (8)
    resolved            bigint not null,    -- finished (9/10) that day
    resolved_early      bigint not null,
    resolved_on_time    bigint not null,
    resolved_late       bigint not null,
    resolved_late_766   bigint not null,    -- of resolved, late by QĐ 766 (supplement time
                                            -- not counted, two or more requests: late)
    processing_days_sum double not null,    -- sum of finished_at - received_at, in days
    processing_workdays_sum double not null -- the same in working days (etl.workdays)
);

-- Summary: applications that are open, or ended after their due date: the only ones that can
-- be "in progress, overdue" at some day d (due_day < d and (end_day is null or end_day > d)).
create table if not exists overdue_ledger (
    due_day        date not null,
    due_766_day    date not null,          -- the due date moved by the supplement time (QĐ 766)
    end_day        date,
    waiting        boolean not null,       -- open and waiting for the applicant (status 5, 6)
    received_day   date not null,
    province_code  integer not null,
    unit_code      varchar not null,
    procedure_code varchar not null,
    channel        tinyint not null,
    n              bigint not null
);

-- Summary: daily_activity rolled up without unit and procedure (city- and province-wide views).
create table if not exists province_activity (
    day                 date not null,
    province_code       integer not null,
    channel             tinyint not null,
    level               varchar,
    field               varchar,
    agency_code         varchar,
{rollup_measures}
);

-- Summary: daily_activity rolled up without the procedure (unit rankings).
create table if not exists unit_activity (
    day                 date not null,
    province_code       integer not null,
    unit_code           varchar not null,
    channel             tinyint not null,
{rollup_measures}
);

-- Summary: daily_activity rolled up without the unit (procedures, Biểu II.06a, fields; issue 17).
create table if not exists procedure_activity (
    day                 date not null,
    province_code       integer not null,
    procedure_code      varchar not null,
    channel             tinyint not null,
{rollup_measures}
);

-- Staffing (DATA_SPEC §1.4): one row per unit × office/field × as-of date, counts only; a
-- later file with the same key replaces the row, other dates stay (history).
create table if not exists staffing (
    unit_code          varchar not null,
    office             varchar,            -- phòng chuyên môn (etl/reference/offices.csv)
    field              varchar,            -- lĩnh vực; null for a row of the whole office
    officials          integer not null,   -- công chức hiện có
    positions          integer,            -- biên chế được giao
    transfer_requests  integer not null,   -- đề nghị điều động, biệt phái đến
    candidates         integer not null,   -- người có nguyện vọng, đã xác định nơi đến
    as_of              date not null,
    source_file        varchar not null
);

-- Chốt số liệu (locked periods): an administrator locks a period once its report is sent.
-- The lock keeps the figures as they were (`lock_counts`: the base counts of metrics.measures;
-- `lock_bieu`: Biểu II.06a's rows), for the whole warehouse (unit_code '') and every unit, so
-- later loads never change them; `lock_changes` records, in the load's own transaction, each
-- application a later load changed that the locked period's figures count.
create table if not exists locks (
    lock_id       bigint primary key,
    period_start  date not null,
    period_end    date not null,
    locked_by     varchar not null,
    locked_at     timestamp not null,      -- local time, Asia/Ho_Chi_Minh (etl.dates.local_now)
    note          varchar,
    last_load_id  bigint                   -- the last load_log row the figures include
);

create table if not exists lock_counts (
    lock_id    bigint not null,
    unit_code  varchar not null,           -- '' for the whole warehouse (the city)
    name       varchar not null,           -- a base count of metrics.measures
    value      double not null
);

create table if not exists lock_bieu (
    lock_id          bigint not null,
    unit_code        varchar not null,     -- '' for the whole warehouse (the city)
    position         integer not null,     -- the row's place in the form
    row_kind         varchar not null,     -- field | level | total (metrics.bieu_06a)
    level            varchar,
    field            varchar,
{bieu_columns}
);

create table if not exists lock_changes (
    lock_id         bigint not null,
    load_id         bigint not null,       -- the load_log row of the load (file, time)
    application_id  varchar not null,
    status_before   tinyint,               -- null: the load brought a new application
    status_after    tinyint not null
);

create table if not exists warehouse_info (
    key   varchar primary key,
    value varchar
);
"""


# The measures of daily_activity, in order; its rollups carry the same ones.
MEASURES = (
    "received", "received_online_766", "received_fee", "paid_online", "digitized",
    "received_result_doc", "e_result_doc", "digitized_e_result", "reused_data", "ended",
    "closed", "closed_refused", "closed_withdrawn", "closed_stopped", "resolved",
    "resolved_early", "resolved_on_time", "resolved_late", "resolved_late_766",
    "processing_days_sum", "processing_workdays_sum",
)  # fmt: skip
# Sums of days are doubles; every other measure counts applications.
DAY_MEASURES = ("processing_days_sum", "processing_workdays_sum")
_ROLLUP_MEASURES_DDL = ",\n".join(
    f"    {m} {'double' if m in DAY_MEASURES else 'bigint'} not null" for m in MEASURES
)
# Biểu II.06a's value columns (metrics.bieu_06a.VALUE_COLUMNS) and the closed count beside them.
BIEU_COLUMNS = (
    "total", "received_online", "received_offline", "carried_in", "resolved", "resolved_early",
    "resolved_on_time", "resolved_late", "in_progress", "within_deadline", "overdue", "closed",
)  # fmt: skip
_BIEU_COLUMNS_DDL = ",\n".join(f"    {column} bigint not null" for column in BIEU_COLUMNS)


# Columns added after the first warehouses were built: an older warehouse gains them (nullable
# there) the next time it is loaded into, instead of failing the load.
ADDED_COLUMNS = (
    ("procedures", "result_document", "boolean default true"),
    ("applications", "supplement_requested_at", "timestamp"),
    ("applications", "supplement_done_at", "timestamp"),
    ("applications", "reused_data", "boolean"),
    ("applications", "as_of", "timestamp"),
    ("load_log", "sheet", "varchar"),
    ("load_log", "footer_lines", "bigint default 0"),
    ("rejected_rows", "sheet", "varchar"),
)


def sql_list(values: Iterable[int]) -> str:
    """Constant codes as an SQL list, "(9, 10)": the statuses are typed once, above."""
    return "(" + ", ".join(str(int(value)) for value in values) + ")"


def as_of_sql() -> str:
    return "greatest(" + ", ".join(EVENT_TIMESTAMPS) + ")"


# The summary tables and the columns they need: they are build products, so an older one that
# lacks a column is dropped and built again in full (`etl.load` rebuilds empty summaries).
SUMMARY_COLUMNS = {
    "daily_activity": MEASURES,
    "province_activity": MEASURES,
    "unit_activity": MEASURES,
    "procedure_activity": MEASURES,
    "overdue_ledger": ("due_766_day", "waiting"),
}


def _columns(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    """(table, column) of the connection's own database: a reader's connection has other
    warehouses attached beside it."""
    query = """
        select table_name, column_name from duckdb_columns()
        where database_name = current_database() and schema_name = current_schema()
    """
    return set(con.sql(query).fetchall())


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every warehouse table that does not exist yet; bring older ones up to date."""
    present = _columns(con)
    tables = {table for table, _ in present}
    for table, columns in SUMMARY_COLUMNS.items():
        if table in tables and any((table, column) not in present for column in columns):
            con.execute(f"drop table {table}")
    con.execute(
        TABLES_DDL.replace("{rollup_measures}", _ROLLUP_MEASURES_DDL).replace(
            "{bieu_columns}", _BIEU_COLUMNS_DDL
        )
    )
    present = _columns(con)
    for table, column, definition in ADDED_COLUMNS:
        if (table, column) in present:
            continue
        con.execute(f"alter table {table} add column {column} {definition}")
        if column == "as_of":
            con.execute(f"update applications set as_of = {as_of_sql()}")  # noqa: S608 (constant)


def missing_parts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables and columns this version's schema has and the warehouse lacks ("table" or
    "table.column"): a warehouse made by an older version needs `python -m etl upgrade`."""
    wanted = duckdb.connect()
    try:
        create_tables(wanted)
        needed = _columns(wanted)
    finally:
        wanted.close()
    present = _columns(con)
    tables = {table for table, _ in present}
    missing = sorted({table for table, _ in needed if table not in tables})
    missing += sorted(
        f"{table}.{column}"
        for table, column in needed
        if table in tables and (table, column) not in present
    )
    return missing


def scalar(con: duckdb.DuckDBPyConnection, query: str, params: list | None = None) -> object:
    """The single value a query returns (DuckDB 2 relations have no fetchone)."""
    return con.sql(query, params=params).fetchall()[0][0]
