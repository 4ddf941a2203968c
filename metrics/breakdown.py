"""The period counts of DATA_SPEC §4 split by unit, by procedure or by the catalog's fields.

`metrics.kpis` answers "how many, in total"; this module answers the same question per unit
(the league table, the rankings), per procedure (busiest procedures) and per field and level
(the overview's fields, Biểu II.06a). Every row holds the same counts as `PeriodKpis`, from the
same query (`metrics.counts`), so each breakdown sums to the overview's totals. A field or a
level is the sum of its procedures, by the catalog.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb
import polars as pl

from metrics.counts import Key, period_counts
from metrics.filters import Filters
from metrics.measures import with_counts, with_rates


def counts_by(
    con: duckdb.DuckDBPyConnection, filters: Filters, by: Key | Sequence[Key]
) -> pl.DataFrame:
    """One row per unit, procedure, channel, field or level (or pair of them, `by`) that had
    something to handle in the period, with every base and derived count.

    A key with nothing received and nothing carried in has nothing resolved, closed or in
    progress either, so leaving it out loses no count."""
    keys = (by,) if isinstance(by, str) else tuple(by)
    counts = period_counts(con, filters, [(filters.start, filters.end)], by=keys)
    return with_counts(counts.drop("idx", "d0", "d1")).filter(pl.col("to_handle") > 0)


def field_activity(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Per field with something to handle in the period, busiest first: every count and rate;
    `late` = resolved late + in progress overdue at the end, what lowers the on-time rate."""
    fields = with_rates(counts_by(con, filters, "field"))
    return fields.sort(["received", "field"], descending=[True, False])
