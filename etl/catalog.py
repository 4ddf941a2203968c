"""Type and validate the procedure catalog and the simplification plans.

A catalog or plans file updates the columns it has, and only those: a column the file lacks
keeps the stored value, so a partial list (codes, names and levels only) never erases an
agency or a flag. A procedure or plan that is not stored yet must come with every column that
cannot be empty in the warehouse (for a plan: its status); one that lacks any is rejected with
the columns named, rather than given a guessed value. An empty cell keeps its usual meaning:
no agency, no fee ("x" or blank), "không" online service, and for the two columns that cannot
be blank (the field and "kết quả là giấy tờ") the stored value, or yes for the latter on a new
procedure.

Rows with the same code in one file: the later row is the newer edit of the list.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from etl import codes
from etl.aliases import CATALOG_FIELDS, CATALOG_REQUIRED, PLAN_FIELDS, PLAN_REQUIRED, field_label
from etl.dates import EARLIEST, parse_datetimes
from etl.reader import RawTable
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
    split,
    superseded,
)

CATALOG_FLAGS = ("non_boundary", "has_fee", "business_related", "result_document")
NEW = "_new"


@dataclass(frozen=True)
class Column:
    """A stored column: the file field it comes from, whether a new row can do without it,
    and whether an empty cell keeps the stored value (else it sets what the cell says)."""

    name: str
    source: str
    needed_when_new: bool
    empty_keeps: bool = False


PROCEDURE_COLUMNS = (
    Column("name", "name", True),
    Column("field", "field", True, empty_keeps=True),
    Column("level", "level", True),
    Column("agency_code", "agency", False),
    Column("online_service", "online_service", True),
    Column("non_boundary", "non_boundary", True),
    Column("legal_days", "legal_days", False),
    Column("has_fee", "has_fee", True),
    Column("business_related", "business_related", True),
    Column("result_document", "result_document", False, empty_keeps=True),
)
PLAN_COLUMNS = (
    Column("plan", "plan", False),
    Column("agency_code", "agency", False),
    Column("days_before", "days_before", True),
    Column("days_after", "days_after", True),
    Column("status", "status", True),
    Column("decided_on", "decided_on", False),
)


@dataclass
class Update(Cleaned):
    """Cleaned rows of a partial update: `good` has every stored column (defaults where the
    file is silent, for new rows) and `_new`; `columns` are those the file sets."""

    columns: list[Column] | None = None
    key: str = "procedure_code"


def _number(column: str) -> pl.Expr:
    return pl.col(column).str.replace(",", ".").cast(pl.Float64, strict=False)


def _new_rows_complete(kind: str, raw: RawTable, columns: tuple[Column, ...]) -> Rule:
    """A code not stored yet needs every column that cannot be empty."""
    absent = [c for c in columns if c.needed_when_new and c.source not in raw.fields]
    labels = ", ".join(field_label(kind, c.source) for c in absent)
    return Rule(
        pl.col(NEW) & pl.lit(bool(absent)),
        "missing_required",
        pl.lit(f"Mã mới, chưa có trong kho, nhưng tệp không có cột: {labels}"),
    )


def _unknown_agency(kind: str) -> Rule:
    return bad_value(
        kind, "agency", "unknown_agency", "không có trong danh sách sở, ngành", "_agency"
    )


def _finish(
    kind: str,
    raw: RawTable,
    frame: pl.DataFrame,
    rules: list[Rule],
    values: dict[str, pl.Expr],
    columns: tuple[Column, ...],
) -> Update:
    """Apply the rules; keep the last row of each code, in the stored layout with `_new`."""
    good, rejected = split(frame, rules, _text(kind), {"procedure_code": pl.col("_proc")})
    last = good.get_column("_proc").is_last_distinct()
    older = superseded(good.filter(~last), kind, "procedure_code", _text(kind))
    frame = good.filter(last).select(
        pl.col("_proc").alias("procedure_code"),
        pl.col(NEW),
        *[values[c.name].alias(c.name) for c in columns],
    )
    present = [c for c in columns if c.source in raw.fields]
    return Update(frame, rejected_frame([rejected, older]), present)


def _text(kind: str) -> list[str]:
    return list(CATALOG_FIELDS if kind == "catalog" else PLAN_FIELDS)


def _with_code(frame: pl.DataFrame, ctx: Context, stored: set[str]) -> pl.DataFrame:
    """The normalised code, whether it is `_new` (not in `stored`), and the agency's code."""
    proc = map_distinct(frame, "procedure_code", codes.procedure_code, pl.String)
    return frame.with_columns(
        proc.alias("_proc"),
        (~proc.is_in(sorted(stored))).fill_null(False).alias(NEW),
        map_distinct(frame, "agency", lambda v: ctx.agencies.match(v)[0], pl.String).alias(
            "_agency"
        ),
    )


def clean_catalog(raw: RawTable, ctx: Context) -> Update:
    kind = "catalog"
    frame = _with_code(ensure(raw.frame, _text(kind)), ctx, ctx.procedure_codes)
    frame = frame.with_columns(
        map_distinct(frame, "level", codes.level, pl.String).alias("_level"),
        map_distinct(frame, "online_service", codes.online_service, pl.String).alias("_online"),
        *[map_distinct(frame, f, codes.yes_no, pl.Boolean).alias(f"_{f}") for f in CATALOG_FLAGS],
        _number("legal_days").alias("_legal_days"),
    )
    rules = [
        misaligned(raw.width),
        exact_repeat(),
        missing(kind, CATALOG_REQUIRED),
        bad_value(kind, "procedure_code", "bad_value", "không phải mã TTHC", "_proc"),
        bad_value(kind, "level", "bad_value", "không phải cấp tỉnh hoặc cấp xã", "_level"),
        bad_value(
            kind, "online_service", "bad_value", "không phải toàn trình, một phần hoặc không",
            "_online",
        ),
        _unknown_agency(kind),
        bad_value(kind, "legal_days", "bad_value", "không phải số ngày", "_legal_days"),
        *[bad_value(kind, f, "bad_value", "không phải Có/Không", f"_{f}") for f in CATALOG_FLAGS],
        _new_rows_complete(kind, raw, PROCEDURE_COLUMNS),
        Rule(
            pl.col(NEW) & pl.col("field").is_null(),
            "missing_required",
            pl.lit(f"Mã mới, chưa có trong kho, nhưng thiếu {field_label(kind, 'field')}"),
        ),
    ]  # fmt: skip
    values = {
        "name": pl.col("name"),
        "field": pl.col("field"),
        "level": pl.col("_level"),
        "agency_code": pl.col("_agency"),
        "online_service": pl.col("_online").fill_null("khong"),
        "non_boundary": pl.col("_non_boundary").fill_null(False),
        "legal_days": pl.col("_legal_days"),
        "has_fee": pl.col("_has_fee").fill_null(False),
        "business_related": pl.col("_business_related").fill_null(False),
        # Yes when absent for a new procedure (DATA_SPEC §1.2); kept for a stored one.
        "result_document": pl.when(pl.col(NEW))
        .then(pl.col("_result_document").fill_null(True))
        .otherwise(pl.col("_result_document")),
    }
    return _finish(kind, raw, frame, rules, values, PROCEDURE_COLUMNS)


def clean_plans(raw: RawTable, ctx: Context) -> Update:
    kind = "plans"
    frame = _with_code(ensure(raw.frame, _text(kind)), ctx, ctx.plan_codes)
    frame = frame.with_columns(
        map_distinct(frame, "status", codes.plan_status, pl.String).alias("_status"),
        _number("days_before").alias("_before"),
        _number("days_after").alias("_after"),
        parse_datetimes(frame.get_column("decided_on")).dt.date().alias("_decided"),
    )
    rules = [
        misaligned(raw.width),
        exact_repeat(),
        missing(kind, PLAN_REQUIRED),
        Rule(
            pl.col("_before").is_null() | pl.col("_after").is_null(),
            "bad_value",
            pl.lit("Số ngày trước/sau cắt giảm không phải số"),
        ),
        Rule(
            pl.col("decided_on").is_not_null()
            & (pl.col("_decided").is_null() | (pl.col("_decided") < EARLIEST)),
            "bad_date",
            quoted(kind, "decided_on") + pl.lit(" không phải ngày hợp lệ"),
            fields("decided_on"),
        ),
        bad_value(
            kind, "status", "bad_value", "không phải Đề xuất / Đã phê duyệt / Đã thực hiện",
            "_status",
        ),
        _unknown_agency(kind),
        Rule(
            pl.col("_proc").is_null() | ~pl.col("_proc").is_in(sorted(ctx.procedure_codes)),
            "unknown_procedure",
            quoted(kind, "procedure_code") + pl.lit(" không có trong danh mục TTHC"),
            fields("procedure_code"),
        ),
        _new_rows_complete(kind, raw, PLAN_COLUMNS),
    ]  # fmt: skip
    values = {
        "plan": pl.col("plan"),
        "agency_code": pl.col("_agency"),
        "days_before": pl.col("_before"),
        "days_after": pl.col("_after"),
        "status": pl.col("_status").fill_null("de_xuat"),
        "decided_on": pl.col("_decided"),
    }
    return _finish(kind, raw, frame, rules, values, PLAN_COLUMNS)
