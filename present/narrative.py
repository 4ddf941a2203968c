"""The report's short automatic summary, in sentences a leader reads aloud:
"Trong kỳ, toàn thành phố tiếp nhận 246.937 hồ sơ, tăng 4,2% so với kỳ trước; 58,5% nộp
trực tuyến. …"

Every number comes from the same metrics results as the cards and charts beside it, and is
formatted by `present.format`, so the text and the figures can never disagree.
"""

from __future__ import annotations

import polars as pl

from metrics.kpis import KpiComparison
from metrics.measures import Ratio
from metrics.rankings import RankMeasure, best_and_worst
from present import format as fmt
from present.format import Lang
from present.places import is_national
from present.strings import t
from present.view import View, where

# A province whose official name starts like this is a centrally-run city ("toàn thành phố").
CITY_PREFIX = "Thành phố"


def _place(view: View) -> str:
    """ "toàn thành phố" for the whole province, "toàn quốc" for the whole country, else the
    scope in words."""
    if view.filters.is_restricted():
        return where(view)
    if is_national(view.options, ()):
        return t("summary.whole_country", view.lang)
    if len(view.options.provinces) > 1:
        return view.province
    city = view.province.startswith(CITY_PREFIX)
    return t("summary.whole_city" if city else "summary.whole_province", view.lang)


def _change(comparison: KpiComparison, lang: Lang) -> str:
    """ ", tăng 4,2% so với kỳ trước", or "" when there is no previous period to compare."""
    previous = comparison.previous
    if previous is None or not previous.count("received"):
        return ""
    change = comparison.current.count("received") / previous.count("received") - 1
    if round(change, 3) == 0:
        return t("summary.flat", lang)
    key = "summary.up" if change > 0 else "summary.down"
    return t(key, lang, change=fmt.percent(abs(change), lang))


def summary_sentences(
    view: View,
    comparison: KpiComparison,
    units: pl.DataFrame,
    fields: pl.DataFrame,
    measure: RankMeasure,
) -> list[str]:
    """Received and online share; resolved and on time; still open; best and worst unit;
    busiest field. A sentence whose data are missing (no ranked unit, no field) is left out."""
    lang, now = view.lang, comparison.current
    sentences = [
        t(
            "summary.received",
            lang,
            where=_place(view),
            received=fmt.number(now.count("received"), lang),
            change=_change(comparison, lang),
            online_share=fmt.percent(now.rate("online_share").value, lang),
        ),
        t(
            "summary.resolved",
            lang,
            resolved=fmt.number(now.count("resolved"), lang),
            resolution_rate=fmt.percent(now.rate("resolution_rate").value, lang),
            to_handle=fmt.number(now.count("to_handle"), lang),
            on_time_rate=fmt.percent(now.rate("on_time_rate").value, lang),
        ),
        t(
            "summary.open",
            lang,
            end=fmt.day(now.end),
            in_progress=fmt.number(now.count("in_progress"), lang),
            overdue=fmt.number(now.count("overdue"), lang),
        ),
    ]
    best, worst = best_and_worst(units, measure, count=1)
    if not best.is_empty() and not worst.is_empty():
        sentences.append(
            t(
                "summary.units",
                lang,
                measure=t(f"rank.{measure}", lang),
                best=best["name"][0],
                best_rate=fmt.percent(best[measure][0], lang),
                worst=worst["name"][0],
                worst_rate=fmt.percent(worst[measure][0], lang),
            )
        )
    if not fields.is_empty() and now.count("received"):
        top = fields.row(0, named=True)
        sentences.append(
            t(
                "summary.fields",
                lang,
                field=top["field"],
                received=fmt.number(top["received"], lang),
                share=fmt.percent(Ratio(top["received"], now.count("received")).value, lang),
            )
        )
    return sentences
