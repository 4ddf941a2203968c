"""Working days in Việt Nam: Monday to Friday except public holidays (the `holidays` package,
its Vietnamese calendar, bundled: nothing is downloaded at run time).

Legal deadlines (`legal_days`) are working days, so a processing time compared with them must
be too. The warehouse keeps a `workdays` table, one row per day of the years its applications
touch, with `idx`, the number of working days up to and including that day: the working days
from receipt to finish are idx(finished day) − idx(received day), two lookups per application.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import polars as pl

# The Vietnamese calendar's own module: `holidays.country_holidays` would import the registry of
# every country lazily, inside a page run (tests/test_warmup.py).
from holidays.countries.vietnam import Vietnam

from etl.schema import scalar

WORKDAYS_DDL = "create table if not exists workdays (day date primary key, idx integer not null)"
# Years kept beyond the data, so a due date or a finish in the next year still finds its day.
SPARE_YEARS = 1


def calendar_frame(first_year: int, last_year: int) -> pl.DataFrame:
    """Every day of the years with `workday` and the running count of working days `idx`."""
    days = pl.date_range(
        date(first_year, 1, 1), date(last_year, 12, 31), timedelta(days=1), eager=True
    )
    off = set(Vietnam(years=range(first_year, last_year + 1)))
    workday = [day.weekday() < 5 and day not in off for day in days]
    return pl.DataFrame({"day": days, "workday": workday}).with_columns(
        idx=pl.col("workday").cast(pl.Int32).cum_sum()
    )


def refresh_workdays(con: duckdb.DuckDBPyConnection) -> None:
    """Fill `workdays` for the years from the first receipt to a year after the last event."""
    con.execute(WORKDAYS_DDL)
    first = scalar(con, "select min(received_at) from applications")
    last = scalar(con, "select greatest(max(finished_at), max(due_at)) from applications")
    if first is None:
        con.execute("delete from workdays")
        return
    frame = calendar_frame(first.year, last.year + SPARE_YEARS).select("day", "idx")
    con.register("incoming_workdays", frame.to_arrow())
    try:
        con.execute("delete from workdays")
        con.execute("insert into workdays select * from incoming_workdays")
    finally:
        con.unregister("incoming_workdays")
