"""Warehouse tables (DATA_SPEC §3). Names, columns and codes here are a contract."""

from __future__ import annotations

import duckdb

# Status codes of the national sync list (GLOSSARY.md).
FINISHED_STATUSES = (9, 10)
CLOSED_STATUSES = (3, 7, 8)
CHANNELS = (1, 2, 3)

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
    business_related boolean not null
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
    message        varchar
);

create table if not exists rejected_rows (
    load_id     bigint not null,
    file_name   varchar not null,
    sha256      varchar not null,
    row_number  bigint not null,           -- 1-based line/row in the source file
    reason      varchar not null,
    detail      varchar not null,           -- human-readable, personal data removed
    raw         varchar                     -- JSON of the recognised, non-personal fields
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
    received_fee        bigint not null,    -- received, procedure has a fee
    paid_online         bigint not null,    -- of received_fee, paid online
    digitized           bigint not null,
    ended               bigint not null,    -- finished (9/10) or closed (3/7/8) that day
    closed              bigint not null,    -- of ended, closed without result (3/7/8)
    resolved            bigint not null,    -- finished (9/10) that day
    resolved_early      bigint not null,
    resolved_on_time    bigint not null,
    resolved_late       bigint not null,
    processing_days_sum double not null     -- sum of finished_at - received_at, in days
);

-- Summary: applications that are open, or ended after their due date: the only ones that can
-- be "in progress, overdue" at some day d (due_day < d and (end_day is null or end_day > d)).
create table if not exists overdue_ledger (
    due_day        date not null,
    end_day        date,
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

create table if not exists warehouse_info (
    key   varchar primary key,
    value varchar
);
"""


# The measures of daily_activity, in order; its rollups carry the same ones.
MEASURES = (
    "received", "received_fee", "paid_online", "digitized", "ended", "closed", "resolved",
    "resolved_early", "resolved_on_time", "resolved_late", "processing_days_sum",
)  # fmt: skip
_ROLLUP_MEASURES_DDL = ",\n".join(
    f"    {m} {'double' if m == 'processing_days_sum' else 'bigint'} not null" for m in MEASURES
)


def create_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Create every warehouse table that does not exist yet."""
    con.execute(TABLES_DDL.replace("{rollup_measures}", _ROLLUP_MEASURES_DDL))


def scalar(con: duckdb.DuckDBPyConnection, query: str, params: list | None = None) -> object:
    """The single value a query returns (DuckDB 2 relations have no fetchone)."""
    return con.sql(query, params=params).fetchall()[0][0]
