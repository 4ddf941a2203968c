"""Type and validate staffing files (DATA_SPEC §1.4): officials, requests and candidates.

A staffing row says, for one unit and one office or field as of one day, how many officials
it has, how many positions it was given, how many officials it asked to have transferred or
seconded to it, and how many candidates with a known origin were found for it. Only counts are
kept: a column of names or person-level data is not a staffing field and never leaves the
reader. Which office covers a field is reference data (`etl/reference/offices.csv`), so a row
with the field alone is placed in its office, and a city can remap fields without code.

Rules, in order: misaligned_row, duplicate_in_file, missing_required (unit, as-of date, and a
field or office), bad_date, future_date, bad_value (a count that is not a whole number),
negative_count, unknown_unit, unknown_field (a field neither in the offices file nor in the
catalog, an office not in the offices file, or a field given with another office than its
own), candidates_without_request (more candidates than requests: a candidate goes where a unit
asked for one). Rows with the same unit, office, field and date in one file: the later row is
the newer edit; the earlier ones are superseded_in_file. The warehouse keeps one row per key,
and every as-of date, so the history of requests shows.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import duckdb
import polars as pl

from etl.aliases import STAFFING_FIELDS, STAFFING_REQUIRED, field_label
from etl.dates import EARLIEST, parse_datetimes
from etl.reader import RawTable
from etl.rules import (
    Cleaned,
    Context,
    Rule,
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
from etl.text import header_key

KIND = "staffing"
OFFICES_FILE = Path(__file__).parent / "reference" / "offices.csv"
COUNTS = ("officials", "positions", "transfer_requests", "candidates")
REQUIRED_COUNTS = ("officials", "transfer_requests", "candidates")
KEY_COLUMNS = ("unit_code", "office", "field", "as_of")
# The stored row an incoming row replaces: same key, a null office or field matching a null.
_SAME_KEY = " and ".join(f"s.{c} is not distinct from i.{c}" for c in KEY_COLUMNS)
_KEY = "_key"


@cache
def office_of_field() -> dict[str, str]:
    """Field -> the commune office that handles it, as the reference file says."""
    with OFFICES_FILE.open(encoding="utf-8") as handle:
        return {row["field"].strip(): row["office"].strip() for row in csv.DictReader(handle)}


def _by_key(names: list[str]) -> dict[str, str]:
    return {header_key(name): name for name in names}


def _count(column: str) -> pl.Expr:
    """A count as written ("12", "12.0", "1.234" is not one): a whole number, else null."""
    value = pl.col(column).str.replace(",", ".").cast(pl.Float64, strict=False)
    return pl.when(value == value.round(0)).then(value.cast(pl.Int64)).otherwise(None)


def clean_staffing(raw: RawTable, ctx: Context, catalog_fields: set[str]) -> Cleaned:
    """Typed staffing rows in the warehouse layout, and the rejected ones with reasons."""
    text = list(STAFFING_FIELDS)
    frame = ensure(raw.frame, text)
    offices = office_of_field()
    known_fields = _by_key(sorted(set(offices) | catalog_fields))
    known_offices = _by_key(sorted(set(offices.values())))
    unit = map_distinct(frame, "unit", lambda v: ctx.units.match(v)[0], pl.String)
    field = map_distinct(frame, "field", lambda v: known_fields.get(header_key(v)), pl.String)
    office = map_distinct(frame, "office", lambda v: known_offices.get(header_key(v)), pl.String)
    frame = frame.with_columns(
        unit.alias("_unit"),
        field.alias("_field"),
        office.alias("_office"),
        parse_datetimes(frame.get_column("as_of")).dt.date().alias("_as_of"),
        *[_count(c).alias(f"_{c}") for c in COUNTS],
    )
    own_office = pl.col("_field").replace_strict(offices, default=None, return_dtype=pl.String)
    frame = frame.with_columns(own_office.alias("_own_office"))
    bad_count = pl.any_horizontal(
        [pl.col(c).is_not_null() & pl.col(f"_{c}").is_null() for c in COUNTS]
    )
    negative = pl.any_horizontal([pl.col(f"_{c}") < 0 for c in COUNTS]).fill_null(False)
    rules = [
        misaligned(raw.width),
        exact_repeat(),
        missing(KIND, STAFFING_REQUIRED),
        Rule(
            pl.col("field").is_null() & pl.col("office").is_null(),
            "missing_required",
            pl.lit(f"Thiếu {field_label(KIND, 'field')} hoặc {field_label(KIND, 'office')}"),
        ),
        Rule(
            pl.col("_as_of").is_null() | (pl.col("_as_of") < EARLIEST),
            "bad_date",
            quoted(KIND, "as_of") + pl.lit(" không phải ngày hợp lệ"),
            fields("as_of"),
        ),
        Rule(
            pl.col("_as_of") > ctx.today,
            "future_date",
            quoted(KIND, "as_of") + pl.lit(" sau ngày nạp dữ liệu"),
            fields("as_of"),
        ),
        Rule(bad_count, "bad_value", pl.lit("Số lượng không phải số nguyên")),
        Rule(negative, "negative_count", pl.lit("Số lượng không được âm")),
        Rule(
            pl.col("_unit").is_null(),
            "unknown_unit",
            quoted(KIND, "unit") + pl.lit(" không có trong danh sách đơn vị"),
            fields("unit"),
        ),
        Rule(
            pl.col("field").is_not_null() & pl.col("_field").is_null(),
            "unknown_field",
            quoted(KIND, "field") + pl.lit(" không có trong danh mục lĩnh vực"),
            fields("field"),
        ),
        Rule(
            pl.col("office").is_not_null() & pl.col("_office").is_null(),
            "unknown_field",
            quoted(KIND, "office") + pl.lit(" không có trong danh sách phòng chuyên môn"),
            fields("office"),
        ),
        Rule(
            pl.col("_office").is_not_null()
            & pl.col("_own_office").is_not_null()
            & (pl.col("_office") != pl.col("_own_office")),
            "unknown_field",
            quoted(KIND, "field") + pl.lit(" không thuộc phòng chuyên môn đã ghi"),
            fields("field"),
        ),
        Rule(
            pl.col("_candidates") > pl.col("_transfer_requests"),
            "candidates_without_request",
            pl.lit("Số người có nguyện vọng (")
            + pl.col("_candidates").cast(pl.String)
            + pl.lit(") lớn hơn số đề nghị điều động, biệt phái (")
            + pl.col("_transfer_requests").cast(pl.String)
            + pl.lit(")"),
        ),
    ]
    good, rejected = split(frame, rules, text, {"unit": pl.col("_unit")})
    good = good.with_columns(pl.coalesce("_office", "_own_office").alias("_office"))
    parts = ("_unit", "_office", "_field", "_as_of")
    key = [pl.col(c).cast(pl.String).fill_null("") for c in parts]
    good = good.with_columns(pl.concat_str(key, separator="\x1f").alias(_KEY))
    last = good.get_column(_KEY).is_last_distinct()
    older = superseded(good.filter(~last), KIND, "unit", text)
    stored = good.filter(last).select(
        pl.col("_unit").alias("unit_code"),
        pl.col("_office").alias("office"),
        pl.col("_field").alias("field"),
        *[pl.col(f"_{c}").cast(pl.Int32).alias(c) for c in COUNTS],
        pl.col("_as_of").alias("as_of"),
    )
    return Cleaned(stored, rejected_frame([rejected, older]))


def upsert_staffing(con: duckdb.DuckDBPyConnection, good: pl.DataFrame, file_name: str) -> None:
    """Replace the stored rows with the same unit, office, field and date; keep other dates."""
    frame = good.with_columns(pl.lit(file_name).alias("source_file"))
    con.register("incoming_staffing", frame.to_arrow())
    try:
        con.execute(
            f"delete from staffing as s using incoming_staffing as i where {_SAME_KEY}"  # noqa: S608
        )
        con.execute("insert into staffing by name select * from incoming_staffing")
    finally:
        con.unregister("incoming_staffing")
