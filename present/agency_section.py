"""The city report's table of sở, ngành (issue 12): the agencies that receive applications
themselves, ranked by the report's measure like the communes, as one `ReportSection` of the A4
report (page and PDF draw it with the report's one renderer). A report of one unit, or of a
view with fewer than two agencies that can be ranked, has no such table."""

from __future__ import annotations

from typing import TYPE_CHECKING

import polars as pl

from metrics.measures import RATE_BY_NAME
from metrics.rankings import MIN_DENOMINATOR, RankMeasure, ranked
from present import format as fmt
from present.format import Lang
from present.strings import t

if TYPE_CHECKING:
    from present.report import ReportSection


def agency_section(
    agencies: pl.DataFrame | None, measure: RankMeasure, lang: Lang
) -> ReportSection | None:
    """Rank, agency, received, resolved, the rate and its numerator / denominator, one row an
    agency that can be ranked; None when fewer than two can."""
    # present.report imports this module to build its sections, so the class comes late.
    from present.report import ReportSection, rank_text

    order = ranked(agencies, measure) if agencies is not None else None
    if order is None or order.height < 2:
        return None
    num, den = RATE_BY_NAME[measure].numerator, RATE_BY_NAME[measure].denominator
    rows = tuple(
        (
            rank_text(row["rank"], row["tied"], lang),
            row["name"],
            fmt.number(row["received"], lang),
            fmt.number(row["resolved"], lang),
            fmt.percent(row[measure], lang),
            f"{fmt.number(row[num], lang)} / {fmt.number(row[den], lang)}",
        )
        for row in order.iter_rows(named=True)
    )
    measure_name = t(f"rank.{measure}", lang)
    return ReportSection(
        title=t("report.agencies_title", lang),
        columns=(
            t("report.col.rank", lang),
            t("report.col.unit", lang),
            t("col.received", lang),
            t("col.resolved", lang),
            measure_name.capitalize(),
            t(f"report.ratio.{measure}", lang),
        ),
        numeric=(True, False, True, True, True, True),
        rows=rows,
        note=t(
            "report.agencies_note",
            lang,
            measure=measure_name,
            min=MIN_DENOMINATOR,
            count=order.height,
            total=agencies.height,
        ),
    )
