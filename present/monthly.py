"""Biểu II.06a month by month as people read it (the Biểu page, its downloads and
`python -m reports monthly`): the month, the form's columns named with their numbers as on the
form, the closed count the form folds into (7) and (9), then the rates. Numbers from
`metrics.monthly`."""

from __future__ import annotations

import polars as pl

from metrics.bieu_06a import CLOSED, VALUE_COLUMNS
from metrics.monthly import RATES
from present.format import Lang
from present.strings import t
from present.tables import Kind

SUBJECT = "bieu-ii-06a-theo-thang"
_DAYS = ("average_days", "average_workdays")


def monthly_table(rows: pl.DataFrame, lang: Lang) -> tuple[pl.DataFrame, dict[str, Kind]]:
    """The labelled table and each column's kind (counts, rates, days)."""
    numbered = {
        name: f"({number}) {t(f'bieu.col_{number}', lang)}"
        for number, name in enumerate(VALUE_COLUMNS, start=3)
    }
    labels = numbered | {CLOSED: t("kpi.closed", lang)} | {r: t(f"kpi.{r}", lang) for r in RATES}
    month = t("col.month", lang)
    table = rows.select(
        pl.col("month").dt.strftime("%m/%Y").alias(month),
        *(pl.col(name).alias(label) for name, label in labels.items()),
    )
    kinds: dict[str, Kind] = {month: "text"}
    for name, label in labels.items():
        kinds[label] = "days" if name in _DAYS else "rate" if name in RATES else "count"
    return table, kinds
