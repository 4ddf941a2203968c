"""Parse the date and time texts exports write, quickly, and never as another date.

Real files mix `dd/mm/yyyy`, `dd/mm/yy`, `dd/mm/yyyy HH:MM[:SS]`, ISO 8601 (naive, `Z`,
`+hh:mm`, `+hhmm`, `T` or a space, fractional seconds) and Excel serial numbers. Trying every
format on every row would dominate the load time, so the column's format is guessed from the
first values and the others are tried only on the rows the first one could not read.

Two traps are closed here rather than downstream: a four-digit-year pattern happily reads
`01/09/25` as the year 25, so such a reading is refused and the text goes to the two-digit
pattern (20yy); and a timestamp with a zone is converted to local time (Asia/Ho_Chi_Minh)
before anything takes its date. A naive timestamp is local time already.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

import polars as pl

LOCAL_ZONE = "Asia/Ho_Chi_Minh"
# The earliest plausible date in an export: the systems that write them are younger.
EARLIEST = date(2000, 1, 1)
NAIVE_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d.%m.%Y",
    "%H:%M %d/%m/%Y",
    "%H:%M:%S %d/%m/%Y",
)
# Day-first formats: a two-digit year is widened to 20yy before these are tried.
DAY_FIRST_FORMATS = tuple(f for f in NAIVE_FORMATS if f.startswith("%d"))
# ISO 8601 after `_iso_normalised`: a space between date and time, a dot before fractions,
# and a `+hh:mm` offset if there is one.
ISO_ZONED_FORMATS = ("%Y-%m-%d %H:%M:%S%.f%z", "%Y-%m-%d %H:%M%z")
ISO_NAIVE_FORMATS = ("%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%d %H:%M")
# A four-digit pattern reads "25" as the year 25; no export means that.
MIN_PARSED_YEAR = 1000
_TWO_DIGIT_YEAR = r"^(\d{1,2}[/.\-]\d{1,2}[/.\-])(\d{2})(\s|$)"
# Excel counts days from 1899-12-30; serials in this range are the years 1954-2119.
EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_SERIAL_RANGE = (20_000.0, 80_000.0)
GUESS_SAMPLE = 200


def local_now() -> datetime:
    """Now on the wall clocks of Việt Nam (naive), whatever the server's own zone."""
    return datetime.now(ZoneInfo(LOCAL_ZONE)).replace(tzinfo=None)


def local_today() -> date:
    return local_now().date()


def _widen_two_digit_year(values: pl.Series) -> pl.Series:
    return values.str.replace(_TWO_DIGIT_YEAR, "${1}20${2}${3}")


def _iso_normalised(values: pl.Series) -> pl.Series:
    """ISO 8601 spellings brought to one: `T` → space, `,` → `.` before fractions, `Z` →
    `+00:00`, `+hh` → `+hh:00`, no space before the offset."""
    time = r"(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)"
    return (
        values.str.strip_chars()
        .str.replace(r"^(\d{4}-\d{1,2}-\d{1,2})[Tt ]+", "${1} ")
        .str.replace(r"(\d{1,2}:\d{2}:\d{2}),(\d+)", "${1}.${2}")
        .str.replace(r"\s*[Zz]$", "+00:00")
        .str.replace(time + r"\s*([+-]\d{2})$", "${1}${2}:00")
        .str.replace(time + r"\s+([+-]\d{2}:?\d{2})$", "${1}${2}")
    )


@dataclass(frozen=True)
class _Parser:
    """One way of reading a column: an optional rewrite of the text, then one pattern."""

    fmt: str
    rewrite: Callable[[pl.Series], pl.Series] | None = None
    zoned: bool = False

    def __call__(self, values: pl.Series) -> pl.Series:
        text = self.rewrite(values) if self.rewrite else values
        parsed = text.str.to_datetime(self.fmt, strict=False, time_unit="us")
        if self.zoned:
            parsed = parsed.dt.convert_time_zone(LOCAL_ZONE).dt.replace_time_zone(None)
        return parsed.set(parsed.dt.year() < MIN_PARSED_YEAR, None)


def _parse_serial(values: pl.Series) -> pl.Series:
    numbers = values.cast(pl.Float64, strict=False)
    low, high = EXCEL_SERIAL_RANGE
    micros = (numbers * 86_400_000_000).round(0).cast(pl.Int64, strict=False)
    frame = pl.DataFrame({"ok": numbers.is_between(low, high), "micros": micros})
    epoch = pl.lit(EXCEL_EPOCH, dtype=pl.Datetime("us"))
    parsed = frame.select(
        pl.when(pl.col("ok")).then(epoch + pl.duration(microseconds=pl.col("micros")))
    )
    return parsed.to_series().alias(values.name)


def _parsers() -> list[Callable[[pl.Series], pl.Series]]:
    """Plain patterns first: on a tie in the guess, the cheapest reading wins."""
    return [
        *[_Parser(f) for f in NAIVE_FORMATS],
        *[_Parser(f, _widen_two_digit_year) for f in DAY_FIRST_FORMATS],
        *[_Parser(f, _iso_normalised, zoned=True) for f in ISO_ZONED_FORMATS],
        *[_Parser(f, _iso_normalised) for f in ISO_NAIVE_FORMATS],
        _parse_serial,
    ]


def parse_datetimes(values: pl.Series) -> pl.Series:
    """Datetimes (local, naive) for a text column; null where a value is not a date."""
    present = values.drop_nulls()
    if present.is_empty():
        return pl.Series(values.name, [None] * len(values), dtype=pl.Datetime("us"))
    sample = present.head(GUESS_SAMPLE)
    # Most columns use one format: try first the parser that reads most of the sample.
    parsers = sorted(_parsers(), key=lambda parse: parse(sample).null_count())
    result = parsers[0](values)
    for parse in parsers[1:]:
        pending = (result.is_null() & values.is_not_null()).arg_true()
        if pending.is_empty():
            break
        result = result.scatter(pending, parse(values.gather(pending)))
    return result.alias(values.name)


def local_timestamps(column: pl.Series) -> pl.Series:
    """A typed Parquet column as the text `parse_datetimes` reads: an aware timestamp in
    local wall-clock time, a naive one as it is (local already), a date as a date."""
    dtype = column.dtype
    if isinstance(dtype, pl.Datetime):
        if dtype.time_zone is not None:
            column = column.dt.convert_time_zone(LOCAL_ZONE).dt.replace_time_zone(None)
        return column.dt.strftime("%Y-%m-%d %H:%M:%S%.f")
    if dtype == pl.Date:
        return column.dt.strftime("%Y-%m-%d")
    return column.cast(pl.String)
