"""What the official definitions of issue 12 add to a page, in words: the months an indicator
lacks data for ("thiếu dữ liệu"), and the months of the data-quality table that lack an optional
column. Columns are named by their Vietnamese export label (the first alias in `etl.aliases`),
the name a person finds in the file."""

from __future__ import annotations

from datetime import date

import polars as pl

from etl.aliases import APPLICATION_FIELDS
from metrics.text import texts
from present.format import Lang
from present.strings import t


def field_label(field: str) -> str:
    """The column's label in a Vietnamese export ("Kết quả điện tử")."""
    return APPLICATION_FIELDS.get(field, (field,))[0]


def month_label(month: date) -> str:
    return f"{month:%m/%Y}"


def missing_lines(
    missing: dict[str, list[date]], needs: dict[str, tuple[str, ...]], lang: Lang
) -> list[str]:
    """One line per indicator that lacks data in some months of the period."""
    return [
        t(
            "missing.indicator",
            lang,
            indicator=t(f"kpi.{indicator}", lang),
            months=", ".join(month_label(month) for month in months),
            fields=", ".join(f"“{field_label(field)}”" for field in needs[indicator]),
        )
        for indicator, months in missing.items()
    ]


def lacking_table(lacking: pl.DataFrame) -> pl.DataFrame:
    """The months that lack optional columns (`metrics.quality.lacking_months`) as text:
    month, then the missing columns by their export labels."""
    return pl.DataFrame(
        [
            texts(lacking["month"], month_label),
            texts(lacking["field"], lambda fields: ", ".join(map(field_label, fields))).alias(
                "missing_fields"
            ),
        ]
    )
