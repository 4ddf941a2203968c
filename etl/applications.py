"""Type and validate filing records; every row ends up loaded or rejected with a reason.

Rules (DATA_SPEC §2), checked in this order so each rejected row gets its first problem:
misaligned_row, duplicate_in_file, missing_required, bad_date (not a date, or before 2000),
future_date (an event after the day of the load), bad_status, bad_channel, bad_value (a flag or
count that cannot be read), unknown_unit, unknown_procedure, missing_required (finished without
a date), due_before_received, finished_before_received, supplement_before_received,
supplement_done_before_requested. Among the rows that pass, versions of one application in one
file are reduced to the later state (`etl.versions`); the others are superseded_in_file.

"Before" compares to the minute when both times carry a time of day, and by date when either
is a bare date (a date-only finish on the day of receipt is no contradiction). A due date may
lie in the future; every other date is of something that has already happened.
"""

from __future__ import annotations

from datetime import time

import polars as pl

from etl import codes
from etl.aliases import APPLICATION_FIELDS, APPLICATION_REQUIRED, field_label
from etl.dates import EARLIEST, parse_datetimes
from etl.reader import ROW, RawTable
from etl.rules import (
    Cleaned,
    Context,
    Rule,
    bad_value,
    ensure,
    exact_repeat,
    fields,
    map_distinct,
    misaligned,
    missing,
    quoted,
    rejected_frame,
    repeated_keys,
    shown,
    split,
    superseded,
)
from etl.schema import CLOSED_STATUSES, FINISHED_STATUSES
from etl.versions import KEY, as_of, latest_mask

KIND = "applications"
TEXT_COLUMNS = list(APPLICATION_FIELDS)
DATE_FIELDS = (
    "received_at",
    "due_at",
    "finished_at",
    "returned_at",
    "supplement_requested_at",
    "supplement_done_at",
)
# Dates of things that have happened: none can lie after the day of the load.
EVENT_FIELDS = tuple(field for field in DATE_FIELDS if field != "due_at")
FLAGS = {
    "paid_online": codes.paid_online,
    "digitized": codes.yes_no,
    "e_result": codes.yes_no,
    "reused_data": codes.yes_no,
}
# An application id that a misaligned row may keep: letters, digits and separators, with at
# least one of each (as `H31.11311-250701-0001`), never a name, a phone or an ID-card number.
_ID_SHAPE = r"^[0-9A-Za-z]+(?:[._/-][0-9A-Za-z]+)+$"
MAX_ID_CHARS = 64


def _label(field: str) -> str:
    return field_label(KIND, field)


def _typed(frame: pl.DataFrame, ctx: Context) -> pl.DataFrame:
    """Each text column beside its typed value `_<field>` (null where it cannot be read)."""
    # One match per distinct name gives both the code and, when there is none, why.
    matches = map_distinct(
        frame,
        "unit",
        lambda v: dict(zip(("code", "why"), ctx.units.match(v), strict=True)),
        pl.Struct({"code": pl.String, "why": pl.String}),
    )
    frame = frame.with_columns(
        map_distinct(frame, "procedure_code", codes.procedure_code, pl.String).alias("_proc"),
        matches.struct.field("code").alias("_unit"),
        matches.struct.field("why").alias("_unit_why"),
        map_distinct(frame, "status", codes.status_code, pl.Int8).alias("_status"),
        map_distinct(frame, "channel", codes.channel_code, pl.Int8).alias("_channel"),
        *[map_distinct(frame, f, parse, pl.Boolean).alias(f"_{f}") for f, parse in FLAGS.items()],
        pl.col("supplement_count")
        .str.replace(",", ".")
        .cast(pl.Float64, strict=False)
        .alias("_supp_number"),
        *[parse_datetimes(frame.get_column(c)).alias(f"_{c}") for c in DATE_FIELDS],
    )
    whole = pl.col("_supp_number")
    return frame.with_columns(
        pl.when((whole >= 0) & (whole == whole.floor()))
        .then(whole.cast(pl.Int32, strict=False))
        .alias("_supplement_count"),
        # A finished record without its finish date is dated by its return.
        pl.when(pl.col("_status").is_in(FINISHED_STATUSES))
        .then(pl.coalesce("_finished_at", "_returned_at"))
        .otherwise(pl.col("_finished_at"))
        .alias("_finished_at"),
    )


def _before(later: str, earlier: str) -> pl.Expr:
    """`later` lies before `earlier`: to the minute when both have a time of day, else by date."""
    a, b = pl.col(later), pl.col(earlier)
    timed = (a.dt.time() != time(0)) & (b.dt.time() != time(0))
    return (
        pl.when(timed)
        .then(a.dt.truncate("1m") < b.dt.truncate("1m"))
        .otherwise(a.dt.date() < b.dt.date())
    )


def _per_field(conditions: dict[str, pl.Expr], reason: str, why: dict[str, pl.Expr]) -> Rule:
    """One rule over several fields: the first field that breaks it is quoted."""
    return Rule(
        pl.any_horizontal(list(conditions.values())),
        reason,
        pl.coalesce(
            [pl.when(cond).then(quoted(KIND, f) + why[f]) for f, cond in conditions.items()]
        ),
        pl.coalesce([pl.when(cond).then(fields(f)) for f, cond in conditions.items()]),
    )


def _order_rule(later: str, earlier: str, reason: str) -> Rule:
    """`later` written before `earlier`: both values quoted."""
    return Rule(
        _before(f"_{later}", f"_{earlier}"),
        reason,
        quoted(KIND, later) + pl.lit(" trước ") + quoted(KIND, earlier),
        fields(later, earlier),
    )


def _rules(raw: RawTable, ctx: Context) -> list[Rule]:
    unreadable = {
        c: pl.col(c).is_not_null()
        & (pl.col(f"_{c}").is_null() | (pl.col(f"_{c}").dt.date() < EARLIEST))
        for c in DATE_FIELDS
    }
    not_a_date = {
        c: pl.when(pl.col(f"_{c}").is_null())
        .then(pl.lit(" không phải ngày hợp lệ"))
        .otherwise(pl.lit(f" trước năm {EARLIEST.year}"))
        for c in DATE_FIELDS
    }
    future = {c: pl.col(f"_{c}").dt.date() > ctx.today for c in EVENT_FIELDS}
    after_load = {c: pl.lit(f" sau ngày nạp dữ liệu {ctx.today:%d/%m/%Y}") for c in EVENT_FIELDS}
    finished = pl.col("_status").is_in(FINISHED_STATUSES)
    finished_text = pl.coalesce(shown("finished_at"), shown("returned_at"))
    return [
        misaligned(raw.width),
        exact_repeat(),
        missing(KIND, APPLICATION_REQUIRED),
        _per_field(unreadable, "bad_date", not_a_date),
        _per_field(future, "future_date", after_load),
        bad_value(KIND, "status", "bad_status", "không phải mã trạng thái 1–10", "_status"),
        bad_value(KIND, "channel", "bad_channel", "không phải kênh 1, 2 hoặc 3", "_channel"),
        *[bad_value(KIND, f, "bad_value", "không phải Có/Không", f"_{f}") for f in FLAGS],
        bad_value(
            KIND, "supplement_count", "bad_value", "không phải số nguyên", "_supplement_count"
        ),
        Rule(
            pl.col("_unit").is_null(),
            "unknown_unit",
            quoted(KIND, "unit") + pl.lit(": ") + pl.col("_unit_why"),
            fields("unit"),
        ),
        Rule(
            pl.col("_proc").is_null() | ~pl.col("_proc").is_in(sorted(ctx.procedure_codes)),
            "unknown_procedure",
            quoted(KIND, "procedure_code") + pl.lit(" không có trong danh mục TTHC"),
            fields("procedure_code"),
        ),
        Rule(
            finished & pl.col("_finished_at").is_null(),
            "missing_required",
            pl.lit(f"Hồ sơ đã giải quyết (trạng thái 9/10) nhưng thiếu {_label('finished_at')}"),
        ),
        Rule(
            pl.col("_due_at").dt.date() < pl.col("_received_at").dt.date(),
            "due_before_received",
            quoted(KIND, "due_at") + pl.lit(" trước ") + quoted(KIND, "received_at"),
            fields("due_at", "received_at"),
        ),
        Rule(
            _before("_finished_at", "_received_at"),
            "finished_before_received",
            pl.lit(f"{_label('finished_at')} '")
            + finished_text
            + pl.lit("' trước ")
            + quoted(KIND, "received_at"),
            fields("finished_at", "returned_at", "received_at"),
        ),
        _order_rule("supplement_requested_at", "received_at", "supplement_before_received"),
        _order_rule(
            "supplement_done_at", "supplement_requested_at", "supplement_done_before_requested"
        ),
    ]


def _identifiers() -> dict[str, pl.Expr]:
    """What a misaligned row keeps: each identifier only if it validates as one."""
    text_id = pl.col("application_id")
    looks_like_id = (
        text_id.str.contains(_ID_SHAPE)
        & text_id.str.contains("[A-Za-z]")
        & text_id.str.contains("[0-9]")
        & (text_id.str.len_chars() <= MAX_ID_CHARS)
    )
    return {
        "application_id": pl.when(looks_like_id).then(text_id),
        "procedure_code": pl.col("_proc"),
        "unit_code": pl.col("_unit"),
    }


def _stored(good: pl.DataFrame, source_file: str) -> pl.DataFrame:
    """The rows in the layout of the `applications` table (and `_row`)."""
    status = pl.col("_status")
    ended_on = (
        pl.when(status.is_in(FINISHED_STATUSES))
        .then(pl.col("_finished_at").dt.date())
        .when(status.is_in(CLOSED_STATUSES))
        .then(pl.coalesce("_finished_at", "_received_at").dt.date())
    )
    frame = good.select(
        pl.col(ROW),
        pl.col("application_id"),
        pl.col("_proc").alias("procedure_code"),
        pl.col("_unit").alias("unit_code"),
        *[pl.col(f"_{c}").alias(c) for c in DATE_FIELDS],
        status.alias("status"),
        pl.col("_channel").alias("channel"),
        *[pl.col(f"_{f}").alias(f) for f in FLAGS],
        pl.col("_supplement_count").alias("supplement_count"),
        ended_on.alias("ended_on"),
        pl.lit(source_file).alias("source_file"),
    )
    return frame.with_columns(as_of())


def clean_applications(raw: RawTable, ctx: Context, source_file: str) -> Cleaned:
    frame = _typed(ensure(raw.frame, TEXT_COLUMNS), ctx)
    good, rejected = split(frame, _rules(raw, ctx), TEXT_COLUMNS, _identifiers())
    stored = _stored(good, source_file)
    rejections = [rejected]
    repeated = repeated_keys(stored, KEY)
    if repeated.any():
        versions = stored.filter(repeated)
        older = versions.filter(~latest_mask(versions)).get_column(ROW)
        stale = pl.col(ROW).is_in(older.implode())
        rejections.append(superseded(good.filter(stale), KIND, KEY, TEXT_COLUMNS))
        stored = stored.filter(~stale)
    return Cleaned(stored.drop(ROW), rejected_frame(rejections))
