"""The period counts of DATA_SPEC §4 split by unit, by procedure or by the catalog's fields.

`metrics.kpis` answers "how many, in total"; this module answers the same question per unit
(the league table, the rankings), per procedure (busiest procedures) and per field and level
(the overview's fields, Biểu II.06a). Every row holds the same counts as `PeriodKpis`, from the
same query (`metrics.counts`), so each breakdown sums to the overview's totals. Fields and
levels are sums of the procedure rows joined to the catalog.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from metrics.counts import Key, period_counts
from metrics.filters import Filters
from metrics.measures import summed, with_counts

_CATALOG = "select procedure_code, field, level from procedures"


def counts_by(con: duckdb.DuckDBPyConnection, filters: Filters, key: Key) -> pl.DataFrame:
    """One row per unit, procedure or channel that had something to handle in the period,
    with every base and derived count.

    A key with nothing received and nothing carried in has nothing resolved, closed or in
    progress either, so leaving it out loses no count."""
    counts = period_counts(con, filters, [(filters.start, filters.end)], key=key)
    return with_counts(counts.drop("idx", "d0", "d1")).filter(pl.col("to_handle") > 0)


def counts_by_catalog(
    con: duckdb.DuckDBPyConnection, filters: Filters, columns: Sequence[str]
) -> pl.DataFrame:
    """The procedure rows summed per catalog `columns` (field; level and field), with the
    derived counts and rates of each sum."""
    procedures = counts_by(con, filters, "procedure_code")
    catalog = con.sql(_CATALOG).pl()
    return summed(procedures.join(catalog, on="procedure_code"), columns)


def field_activity(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per field with something to handle in the period, busiest first: every count and rate;
    `late` = resolved late + in progress overdue at the end, what lowers the on-time rate."""
    fields = counts_by_catalog(con, filters, ["field"])
    return fields.sort(["received", "field"], descending=[True, False])
