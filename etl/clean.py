"""Type and validate an export's rows; every row ends up loaded or rejected with a reason.

Rules (DATA_SPEC §2), checked in this order so each rejected row gets its first problem:
duplicate_in_file, missing_required, bad_date, bad_status, bad_channel, unknown_unit,
unknown_procedure, due_before_received, finished_before_received; then, among rows that pass,
superseded_in_file (the same application twice in one file with different content: the later
row is the newer one, the earlier is recorded as superseded). Catalog and plan rows may also be
rejected as bad_value (a level, service level or number that cannot be read) or
unknown_agency.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import polars as pl

from etl import codes
from etl.aliases import APPLICATION_REQUIRED, PLAN_REQUIRED
from etl.dates import parse_datetimes
from etl.reader import RAW_HASH, ROW, RawTable
from etl.schema import CLOSED_STATUSES, FINISHED_STATUSES
from etl.units import UnitMatcher

# What a person reads in a rejection's detail: the column as exports label it.
FIELD_LABELS = {
    "application_id": "Mã hồ sơ",
    "procedure_code": "Mã TTHC",
    "unit": "Đơn vị tiếp nhận",
    "received_at": "Ngày tiếp nhận",
    "due_at": "Ngày hẹn trả",
    "finished_at": "Ngày có kết quả",
    "returned_at": "Ngày trả kết quả",
    "status": "Trạng thái",
    "channel": "Kênh nộp",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "level": "Cấp thực hiện",
    "online_service": "Mức độ DVC",
    "agency": "Cơ quan thực hiện",
    "days_before": "Thời gian trước cắt giảm",
    "days_after": "Thời gian sau cắt giảm",
    "decided_on": "Ngày quyết định",
    "legal_days": "Thời hạn giải quyết",
}
DATE_FIELDS = ("received_at", "due_at", "finished_at", "returned_at")
REJECT_COLUMNS = {
    "row_number": pl.Int64,
    "reason": pl.String,
    "detail": pl.String,
    "raw": pl.String,
}


@dataclass
class Context:
    """What validation checks against: the warehouse's units and catalog."""

    units: UnitMatcher
    agencies: UnitMatcher
    procedure_codes: set[str]


@dataclass
class Cleaned:
    good: pl.DataFrame  # columns of the target table
    rejected: pl.DataFrame  # REJECT_COLUMNS


def _ensure(frame: pl.DataFrame, columns: tuple[str, ...] | list[str]) -> pl.DataFrame:
    missing = [pl.lit(None, dtype=pl.String).alias(c) for c in columns if c not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def _map_distinct(
    frame: pl.DataFrame, column: str, func: Callable[[str], Any], dtype: pl.DataType
) -> pl.Series:
    """Apply a Python function to each distinct value only (codes repeat a lot)."""
    distinct = frame.get_column(column).drop_nulls().unique().to_list()
    mapping = {value: func(value) for value in distinct}
    return frame.get_column(column).replace_strict(mapping, default=None, return_dtype=dtype)


def _quoted(column: str) -> pl.Expr:
    return pl.lit(f"{FIELD_LABELS.get(column, column)} '") + pl.col(column) + pl.lit("'")


def _missing_detail(columns: tuple[str, ...]) -> pl.Expr:
    parts = [pl.when(pl.col(c).is_null()).then(pl.lit(FIELD_LABELS.get(c, c))) for c in columns]
    return pl.lit("Thiếu ") + pl.concat_str(parts, separator=", ", ignore_nulls=True)


def _first_problem(rules: list[tuple[pl.Expr, str, pl.Expr]]) -> tuple[pl.Expr, pl.Expr]:
    """(reason, detail) expressions: the first rule whose condition holds, else null."""
    reason: Any = pl
    detail: Any = pl
    for condition, code, text in rules:
        reason = reason.when(condition).then(pl.lit(code))
        detail = detail.when(condition).then(text)
    return reason.otherwise(None), detail.otherwise(None)


def _split(
    frame: pl.DataFrame,
    rules: list[tuple[pl.Expr, str, pl.Expr]],
    raw_columns: list[str],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    reason, detail = _first_problem(rules)
    frame = frame.with_columns(reason.alias("_reason"), detail.alias("_detail"))
    rejected = frame.filter(pl.col("_reason").is_not_null()).select(
        pl.col(ROW).alias("row_number"),
        pl.col("_reason").alias("reason"),
        pl.col("_detail").fill_null("").alias("detail"),
        pl.struct(raw_columns).struct.json_encode().alias("raw"),
    )
    return frame.filter(pl.col("_reason").is_null()), rejected


def _dedupe_rules() -> tuple[pl.Expr, str, pl.Expr]:
    return (
        ~pl.col(RAW_HASH).is_first_distinct(),
        "duplicate_in_file",
        pl.lit("Dòng lặp lại y hệt một dòng phía trên trong cùng tệp"),
    )


def _superseded(
    good: pl.DataFrame, key: str, raw_columns: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Keep the last row of each key; the earlier ones become rejected rows."""
    # Hash first (cheap on integers), compare the real keys only where hashes repeat.
    keys = good.get_column(key)
    repeated = keys.hash().is_duplicated()
    last = ~repeated
    if repeated.any():
        candidates = repeated.arg_true()
        last = last.scatter(candidates, keys.gather(candidates).is_last_distinct())
    older = good.filter(~last).select(
        pl.col(ROW).alias("row_number"),
        pl.lit("superseded_in_file").alias("reason"),
        (
            pl.lit(f"{FIELD_LABELS.get(key, key)} '")
            + pl.col(key)
            + pl.lit("' có lại ở dòng sau trong cùng tệp; dòng sau được dùng")
        ).alias("detail"),
        pl.struct(raw_columns).struct.json_encode().alias("raw"),
    )
    return good.filter(last), older


def clean_applications(raw: RawTable, ctx: Context, source_file: str) -> Cleaned:
    text_columns = [
        "application_id", "procedure_code", "unit", "received_at", "due_at", "finished_at",
        "returned_at", "status", "channel", "paid_online", "digitized", "e_result",
        "supplement_count", "procedure_name", "field",
    ]  # fmt: skip
    frame = _ensure(raw.frame, text_columns)
    # One match per distinct name gives both the code and, when there is none, why.
    matches = _map_distinct(
        frame,
        "unit",
        lambda v: dict(zip(("code", "why"), ctx.units.match(v), strict=True)),
        pl.Struct({"code": pl.String, "why": pl.String}),
    )
    frame = frame.with_columns(
        _map_distinct(frame, "procedure_code", codes.procedure_code, pl.String).alias("_proc"),
        matches.struct.field("code").alias("_unit"),
        matches.struct.field("why").alias("_unit_why"),
        _map_distinct(frame, "status", codes.status_code, pl.Int8).alias("_status"),
        _map_distinct(frame, "channel", codes.channel_code, pl.Int8).alias("_channel"),
        _map_distinct(frame, "paid_online", codes.paid_online, pl.Boolean).alias("_paid"),
        _map_distinct(frame, "digitized", codes.yes_no, pl.Boolean).alias("_digitized"),
        _map_distinct(frame, "e_result", codes.yes_no, pl.Boolean).alias("_e_result"),
        pl.col("supplement_count")
        .cast(pl.Float64, strict=False)
        .cast(pl.Int32, strict=False)
        .alias("_supp"),
        *[parse_datetimes(frame.get_column(c)).alias(f"_{c}") for c in DATE_FIELDS],
    )
    finished = pl.col("_status").is_in(FINISHED_STATUSES)
    frame = frame.with_columns(
        pl.when(finished)
        .then(pl.coalesce("_finished_at", "_returned_at"))
        .otherwise(pl.col("_finished_at"))
        .alias("_finished_at")
    )
    required = APPLICATION_REQUIRED
    bad_dates = [(pl.col(c).is_not_null() & pl.col(f"_{c}").is_null(), c) for c in DATE_FIELDS]
    received_day = pl.col("_received_at").dt.date()
    rules = [
        _dedupe_rules(),
        (
            pl.any_horizontal([pl.col(c).is_null() for c in required]),
            "missing_required",
            _missing_detail(required),
        ),
        (
            pl.any_horizontal([cond for cond, _ in bad_dates]),
            "bad_date",
            pl.coalesce(
                [
                    pl.when(cond).then(_quoted(c) + pl.lit(" không phải ngày hợp lệ"))
                    for cond, c in bad_dates
                ]
            ),
        ),
        (
            pl.col("_status").is_null(),
            "bad_status",
            _quoted("status") + pl.lit(" không phải mã trạng thái 1–10"),
        ),
        (
            pl.col("_channel").is_null(),
            "bad_channel",
            _quoted("channel") + pl.lit(" không phải kênh 1, 2 hoặc 3"),
        ),
        (
            pl.col("_unit").is_null(),
            "unknown_unit",
            pl.lit("Đơn vị tiếp nhận: ") + pl.col("_unit_why"),
        ),
        (
            pl.col("_proc").is_null() | ~pl.col("_proc").is_in(sorted(ctx.procedure_codes)),
            "unknown_procedure",
            _quoted("procedure_code") + pl.lit(" không có trong danh mục TTHC"),
        ),
        (
            finished & pl.col("_finished_at").is_null(),
            "missing_required",
            pl.lit("Hồ sơ đã giải quyết (trạng thái 9/10) nhưng thiếu Ngày có kết quả"),
        ),
        (
            pl.col("_due_at").dt.date() < received_day,
            "due_before_received",
            pl.lit("Ngày hẹn trả ")
            + pl.col("due_at")
            + pl.lit(" trước ngày tiếp nhận ")
            + pl.col("received_at"),
        ),
        (
            pl.col("_finished_at").dt.date() < received_day,
            "finished_before_received",
            pl.lit("Ngày có kết quả trước ngày tiếp nhận ") + pl.col("received_at"),
        ),
    ]
    good, rejected = _split(frame, rules, text_columns)
    good, superseded = _superseded(good, "application_id", text_columns)
    status = pl.col("_status")
    ended_on = (
        pl.when(status.is_in(FINISHED_STATUSES))
        .then(pl.col("_finished_at").dt.date())
        .when(status.is_in(CLOSED_STATUSES))
        .then(pl.coalesce("_finished_at", "_received_at").dt.date())
    )
    good = good.select(
        pl.col("application_id"),
        pl.col("_proc").alias("procedure_code"),
        pl.col("_unit").alias("unit_code"),
        pl.col("_received_at").alias("received_at"),
        pl.col("_due_at").alias("due_at"),
        pl.col("_finished_at").alias("finished_at"),
        pl.col("_returned_at").alias("returned_at"),
        status.alias("status"),
        pl.col("_channel").alias("channel"),
        pl.col("_paid").alias("paid_online"),
        pl.col("_digitized").alias("digitized"),
        pl.col("_e_result").alias("e_result"),
        pl.col("_supp").alias("supplement_count"),
        ended_on.alias("ended_on"),
        pl.lit(source_file).alias("source_file"),
    )
    return Cleaned(good, pl.concat([rejected, superseded]).cast(REJECT_COLUMNS))


def _number(column: str) -> pl.Expr:
    return pl.col(column).str.replace(",", ".").cast(pl.Float64, strict=False)


def clean_catalog(raw: RawTable, ctx: Context) -> Cleaned:
    text_columns = [
        "procedure_code", "name", "field", "level", "agency", "online_service", "non_boundary",
        "legal_days", "has_fee", "business_related",
    ]  # fmt: skip
    frame = _ensure(raw.frame, text_columns)
    flags = ("non_boundary", "has_fee", "business_related")
    frame = frame.with_columns(
        _map_distinct(frame, "procedure_code", codes.procedure_code, pl.String).alias("_proc"),
        _map_distinct(frame, "level", codes.level, pl.String).alias("_level"),
        _map_distinct(frame, "online_service", codes.online_service, pl.String).alias("_online"),
        _map_distinct(frame, "agency", lambda v: ctx.agencies.match(v)[0], pl.String).alias(
            "_agency"
        ),
        *[_map_distinct(frame, f, codes.yes_no, pl.Boolean).alias(f"_{f}") for f in flags],
        _number("legal_days").alias("_legal_days"),
    )
    required = ("procedure_code", "name", "field", "level")
    rules = [
        _dedupe_rules(),
        (
            pl.any_horizontal([pl.col(c).is_null() for c in required]),
            "missing_required",
            _missing_detail(required),
        ),
        (
            pl.col("_proc").is_null(),
            "bad_value",
            _quoted("procedure_code") + pl.lit(" không phải mã TTHC"),
        ),
        (
            pl.col("_level").is_null(),
            "bad_value",
            _quoted("level") + pl.lit(" không phải cấp tỉnh hoặc cấp xã"),
        ),
        (
            pl.col("online_service").is_not_null() & pl.col("_online").is_null(),
            "bad_value",
            _quoted("online_service") + pl.lit(" không phải toàn trình, một phần hoặc không"),
        ),
        (
            pl.col("agency").is_not_null() & pl.col("_agency").is_null(),
            "unknown_agency",
            _quoted("agency") + pl.lit(" không có trong danh sách sở, ngành"),
        ),
        (
            pl.col("legal_days").is_not_null() & pl.col("_legal_days").is_null(),
            "bad_value",
            _quoted("legal_days") + pl.lit(" không phải số ngày"),
        ),
        *[
            (
                pl.col(f).is_not_null() & pl.col(f"_{f}").is_null(),
                "bad_value",
                _quoted(f) + pl.lit(" không phải Có/Không"),
            )
            for f in flags
        ],
    ]
    good, rejected = _split(frame, rules, text_columns)
    good = good.with_columns(pl.col("_proc").alias("procedure_code"))
    good, superseded = _superseded(good, "procedure_code", text_columns)
    good = good.select(
        "procedure_code",
        pl.col("name"),
        pl.col("field"),
        pl.col("_level").alias("level"),
        pl.col("_agency").alias("agency_code"),
        pl.col("_online").fill_null("khong").alias("online_service"),
        *[pl.col(f"_{f}").fill_null(False).alias(f) for f in ("non_boundary",)],
        pl.col("_legal_days").alias("legal_days"),
        *[pl.col(f"_{f}").fill_null(False).alias(f) for f in ("has_fee", "business_related")],
    )
    return Cleaned(good, pl.concat([rejected, superseded]).cast(REJECT_COLUMNS))


def clean_plans(raw: RawTable, ctx: Context) -> Cleaned:
    text_columns = [
        "procedure_code",
        "plan",
        "agency",
        "days_before",
        "days_after",
        "status",
        "decided_on",
    ]
    frame = _ensure(raw.frame, text_columns)
    frame = frame.with_columns(
        _map_distinct(frame, "procedure_code", codes.procedure_code, pl.String).alias("_proc"),
        _map_distinct(frame, "agency", lambda v: ctx.agencies.match(v)[0], pl.String).alias(
            "_agency"
        ),
        _map_distinct(frame, "status", codes.plan_status, pl.String).alias("_status"),
        _number("days_before").alias("_before"),
        _number("days_after").alias("_after"),
        parse_datetimes(frame.get_column("decided_on")).dt.date().alias("_decided"),
    )
    required = PLAN_REQUIRED
    rules = [
        _dedupe_rules(),
        (
            pl.any_horizontal([pl.col(c).is_null() for c in required]),
            "missing_required",
            _missing_detail(required),
        ),
        (
            pl.col("_before").is_null() | pl.col("_after").is_null(),
            "bad_value",
            pl.lit("Số ngày trước/sau cắt giảm không phải số"),
        ),
        (
            pl.col("decided_on").is_not_null() & pl.col("_decided").is_null(),
            "bad_date",
            _quoted("decided_on") + pl.lit(" không phải ngày hợp lệ"),
        ),
        (
            pl.col("status").is_not_null() & pl.col("_status").is_null(),
            "bad_value",
            _quoted("status") + pl.lit(" không phải Đề xuất / Đã phê duyệt / Đã thực hiện"),
        ),
        (
            pl.col("agency").is_not_null() & pl.col("_agency").is_null(),
            "unknown_agency",
            _quoted("agency") + pl.lit(" không có trong danh sách sở, ngành"),
        ),
        (
            pl.col("_proc").is_null() | ~pl.col("_proc").is_in(sorted(ctx.procedure_codes)),
            "unknown_procedure",
            _quoted("procedure_code") + pl.lit(" không có trong danh mục TTHC"),
        ),
    ]
    good, rejected = _split(frame, rules, text_columns)
    good = good.with_columns(pl.col("_proc").alias("procedure_code"))
    good, superseded = _superseded(good, "procedure_code", text_columns)
    good = good.select(
        "procedure_code",
        pl.col("plan"),
        pl.col("_agency").alias("agency_code"),
        pl.col("_before").alias("days_before"),
        pl.col("_after").alias("days_after"),
        pl.col("_status").fill_null("de_xuat").alias("status"),
        pl.col("_decided").alias("decided_on"),
    )
    return Cleaned(good, pl.concat([rejected, superseded]).cast(REJECT_COLUMNS))
