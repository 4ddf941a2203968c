"""Which of several versions of one application is the later real-world state.

The same application appears in many exports (July lists it in progress, August returned),
sometimes twice in one file, and files arrive in any order. DATA_SPEC §1.1: the version with
the later `as_of` (the latest event timestamp written in it) wins; on a tie an ended state
(3, 7, 8, 9, 10) beats an open one; then, so that the order is total and the outcome can never
depend on the order of files or rows, every stored column in turn, greater first, nulls last
(a higher status code, a later finished or returned date, the supplement dates, the other
columns, and last the file name). Two versions equal in every column are the same stored row.

One order serves both places it is needed: rows of one file (`etl.applications`) and a file
against what the warehouse holds (`etl.load`).
"""

from __future__ import annotations

import polars as pl

from etl.schema import ENDED_STATUSES, EVENT_TIMESTAMPS

KEY = "application_id"
# After as_of and "ended": the columns that say how far the record got, then every other
# stored column in table order, and the file name last.
_PROGRESS = (
    "status",
    "finished_at",
    "returned_at",
    "supplement_done_at",
    "supplement_requested_at",
)
_LAST = "source_file"
# A stored row wins a full tie against an incoming one: loading a file twice changes nothing.
_STORED = "_stored"


def as_of() -> pl.Expr:
    return pl.max_horizontal(*EVENT_TIMESTAMPS).alias("as_of")


def _order(columns: list[str]) -> list[pl.Expr]:
    """Sort keys, all descending: as_of, ended, progress, every other stored column."""
    skip = {KEY, "as_of", _LAST, *_PROGRESS}
    rest = [c for c in columns if c not in skip and not c.startswith("_")]
    return [
        pl.col("as_of"),
        pl.col("status").is_in(ENDED_STATUSES),
        *map(pl.col, (*_PROGRESS, *rest, _LAST)),
    ]


def latest_mask(frame: pl.DataFrame) -> pl.Series:
    """True for the winning version of each application in `frame` (stored columns)."""
    keys = _order(frame.columns)
    if _STORED in frame.columns:
        keys.append(pl.col(_STORED))
    ranked = frame.with_row_index("_position").sort(
        keys, descending=True, nulls_last=True, maintain_order=True
    )
    winners = ranked.filter(pl.col(KEY).is_first_distinct()).get_column("_position")
    return pl.Series(KEY, [False] * frame.height, dtype=pl.Boolean).scatter(winners, True)


def newer_than_stored(incoming: pl.DataFrame, stored: pl.DataFrame) -> pl.Series:
    """For each incoming row, whether it beats the stored version of its application (if any)."""
    stored = stored.select(incoming.columns).cast(dict(incoming.schema))
    both = pl.concat(
        [
            incoming.with_columns(pl.lit(False).alias(_STORED)),
            stored.with_columns(pl.lit(True).alias(_STORED)),
        ]
    )
    return latest_mask(both).head(incoming.height)
