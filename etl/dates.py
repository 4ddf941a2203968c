"""Parse the date and time texts exports write, quickly.

Real files mix `dd/mm/yyyy`, `dd/mm/yyyy HH:MM[:SS]`, ISO 8601 (with or without a zone) and
Excel serial numbers. Trying every format on every row would dominate the load time, so the
column's format is guessed from the first values and the others are tried only on the rows the
first one could not read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

import polars as pl

LOCAL_ZONE = "Asia/Ho_Chi_Minh"
NAIVE_FORMATS = (
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d-%m-%Y",
)
ZONED_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S%.f%z", "%Y-%m-%d %H:%M:%S%z")
# ISO 8601 in UTC with a literal "Z", as web APIs write it.
UTC_FORMATS = ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%dT%H:%M:%S%.fZ")
# Excel counts days from 1899-12-30; serials in this range are the years 1954-2119.
EXCEL_EPOCH = datetime(1899, 12, 30)
EXCEL_SERIAL_RANGE = (20_000.0, 80_000.0)
GUESS_SAMPLE = 200


def _parse_naive(values: pl.Series, *, fmt: str) -> pl.Series:
    return values.str.to_datetime(fmt, strict=False, time_unit="us")


def _parse_zoned(values: pl.Series, *, fmt: str) -> pl.Series:
    zoned = values.str.to_datetime(fmt, strict=False, time_unit="us")
    return zoned.dt.convert_time_zone(LOCAL_ZONE).dt.replace_time_zone(None)


def _parse_utc(values: pl.Series, *, fmt: str) -> pl.Series:
    utc = values.str.to_datetime(fmt, strict=False, time_unit="us").dt.replace_time_zone("UTC")
    return utc.dt.convert_time_zone(LOCAL_ZONE).dt.replace_time_zone(None)


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
    naive = [partial(_parse_naive, fmt=f) for f in NAIVE_FORMATS]
    zoned = [partial(_parse_zoned, fmt=f) for f in ZONED_FORMATS]
    utc = [partial(_parse_utc, fmt=f) for f in UTC_FORMATS]
    return [*naive, *zoned, *utc, _parse_serial]


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
