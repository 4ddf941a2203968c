"""Validation rules and what a rejected row keeps.

Each kind of export lists its rules in order; a row that breaks one is rejected with the first
rule's reason code (`etl.reasons`) and a detail in Vietnamese that names the column by its
label and quotes the rejected value, cut to `SHOWN_CHARS`. `raw` keeps the row's other
recognised fields as JSON, also cut: the quoted value is stored once, in the detail. A row
whose cells do not line up with the header keeps nothing it might have taken from a personal
or unknown column: only the identifiers that validate.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import polars as pl

from etl.aliases import field_label
from etl.reader import CELLS, RAW_HASH, ROW
from etl.reasons import REASONS
from etl.units import UnitMatcher

# A rejected value is shown up to this many characters, then "…".
SHOWN_CHARS = 100
REJECT_COLUMNS = {
    "row_number": pl.Int64,
    "reason": pl.String,
    "detail": pl.String,
    "raw": pl.String,
}
_FIELDS = "_quoted_fields"
_NONE_QUOTED = pl.lit([], dtype=pl.List(pl.String))


@dataclass
class Context:
    """What validation checks against: the warehouse's units and catalog, and the day of the
    load (local), after which nothing can have happened yet."""

    units: UnitMatcher
    agencies: UnitMatcher
    procedure_codes: set[str]
    today: date
    plan_codes: set[str] = field(default_factory=set)


@dataclass
class Cleaned:
    good: pl.DataFrame  # columns of the target table that the file sets
    rejected: pl.DataFrame  # REJECT_COLUMNS


@dataclass(frozen=True)
class Rule:
    condition: pl.Expr
    reason: str
    detail: pl.Expr
    # The fields whose values the detail quotes (a list expression): left out of `raw`, so
    # each value is stored once.
    quoted: pl.Expr = _NONE_QUOTED

    def __post_init__(self) -> None:
        if self.reason not in REASONS:  # every code people may see has its labels
            raise ValueError(f"reason code without labels in etl/reasons.py: {self.reason}")


def fields(*names: str) -> pl.Expr:
    return pl.lit(list(names), dtype=pl.List(pl.String))


def shown(column: str) -> pl.Expr:
    """The value as a rejection shows it: cut to SHOWN_CHARS characters."""
    value = pl.col(column)
    return (
        pl.when(value.str.len_chars() > SHOWN_CHARS)
        .then(value.str.slice(0, SHOWN_CHARS) + pl.lit("…"))
        .otherwise(value)
    )


def quoted(kind: str, column: str) -> pl.Expr:
    """ "Kênh nộp '7'": the column's label and its value as written."""
    return pl.lit(f"{field_label(kind, column)} '") + shown(column) + pl.lit("'")


def bad_value(kind: str, column: str, reason: str, why: str, parsed: str) -> Rule:
    """A value that is written but cannot be read as its field."""
    return Rule(
        pl.col(column).is_not_null() & pl.col(parsed).is_null(),
        reason,
        quoted(kind, column) + pl.lit(f" {why}"),
        fields(column),
    )


def missing(kind: str, columns: tuple[str, ...]) -> Rule:
    """Required values left empty, listed by their labels."""
    parts = [pl.when(pl.col(c).is_null()).then(pl.lit(field_label(kind, c))) for c in columns]
    return Rule(
        pl.any_horizontal([pl.col(c).is_null() for c in columns]),
        "missing_required",
        pl.lit("Thiếu ") + pl.concat_str(parts, separator=", ", ignore_nulls=True),
    )


def misaligned(width: int) -> Rule:
    """Cells that do not line up with the header: nothing in them can be trusted."""
    return Rule(
        pl.col(CELLS).is_not_null() & (pl.col(CELLS) != width),
        "misaligned_row",
        pl.lit("Dòng có ")
        + pl.col(CELLS).cast(pl.String)
        + pl.lit(
            f" ô nhưng dòng tiêu đề có {width} ô (một ô chứa dấu phân cách mà không đặt trong "
            "ngoặc kép, hoặc dòng bị ngắt giữa chừng); chỉ giữ các mã nhận dạng hợp lệ"
        ),
    )


def exact_repeat() -> Rule:
    return Rule(
        ~pl.col(RAW_HASH).is_first_distinct(),
        "duplicate_in_file",
        pl.lit("Dòng lặp lại y hệt một dòng phía trên trong cùng tệp"),
    )


def ensure(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """Absent text columns as nulls, so every rule can name them."""
    absent = [pl.lit(None, dtype=pl.String).alias(c) for c in columns if c not in frame.columns]
    return frame.with_columns(absent) if absent else frame


def map_distinct(
    frame: pl.DataFrame, column: str, func: Callable[[str], Any], dtype: pl.DataType
) -> pl.Series:
    """Apply a Python function to each distinct value only (codes repeat a lot)."""
    distinct = frame.get_column(column).drop_nulls().unique().to_list()
    mapping = {value: func(value) for value in distinct}
    return frame.get_column(column).replace_strict(mapping, default=None, return_dtype=dtype)


def _raw(columns: list[str]) -> pl.Expr:
    """`raw` as JSON: the recognised fields but the quoted ones, each cut short."""
    return pl.struct(
        [
            pl.when(pl.col(_FIELDS).list.contains(c)).then(None).otherwise(shown(c)).alias(c)
            for c in columns
        ]
    ).struct.json_encode()


def _identifiers_raw(identifiers: Mapping[str, pl.Expr]) -> pl.Expr:
    """`raw` of a misaligned row: the identifiers that validate (null where one does not)."""
    return pl.struct([expr.alias(name) for name, expr in identifiers.items()]).struct.json_encode()


def split(
    frame: pl.DataFrame,
    rules: list[Rule],
    raw_columns: list[str],
    identifiers: Mapping[str, pl.Expr],
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(rows that break no rule, rejected rows with REJECT_COLUMNS)."""
    reason: Any = pl
    detail: Any = pl
    quoted_fields: Any = pl
    for rule in rules:
        reason = reason.when(rule.condition).then(pl.lit(rule.reason))
        detail = detail.when(rule.condition).then(rule.detail)
        quoted_fields = quoted_fields.when(rule.condition).then(rule.quoted)
    frame = frame.with_columns(
        reason.otherwise(None).alias("_reason"),
        detail.otherwise(None).alias("_detail"),
        quoted_fields.otherwise(_NONE_QUOTED).alias(_FIELDS),
    )
    rejected = frame.filter(pl.col("_reason").is_not_null()).select(
        pl.col(ROW).alias("row_number"),
        pl.col("_reason").alias("reason"),
        pl.col("_detail").fill_null("").alias("detail"),
        pl.when(pl.col("_reason") == "misaligned_row")
        .then(_identifiers_raw(identifiers))
        .otherwise(_raw(raw_columns))
        .alias("raw"),
    )
    good = frame.filter(pl.col("_reason").is_null()).drop("_reason", "_detail", _FIELDS)
    return good, rejected


def superseded(older: pl.DataFrame, kind: str, key: str, raw_columns: list[str]) -> pl.DataFrame:
    """Rejections for versions of a key that a newer row of the same file replaces."""
    detail = quoted(kind, key) + pl.lit(" có bản mới hơn ở một dòng khác của tệp; bản đó được dùng")
    return older.with_columns(fields(key).alias(_FIELDS)).select(
        pl.col(ROW).alias("row_number"),
        pl.lit("superseded_in_file").alias("reason"),
        detail.alias("detail"),
        _raw(raw_columns).alias("raw"),
    )


def repeated_keys(frame: pl.DataFrame, key: str) -> pl.Series:
    """Rows whose key appears more than once (hash first: cheap; the real key where it repeats)."""
    keys = frame.get_column(key)
    repeated = keys.hash().is_duplicated()
    if repeated.any():
        candidates = repeated.arg_true()
        repeated = repeated.scatter(candidates, keys.gather(candidates).is_duplicated())
    return repeated


def rejected_frame(parts: list[pl.DataFrame]) -> pl.DataFrame:
    return pl.concat([part.cast(REJECT_COLUMNS) for part in parts])
