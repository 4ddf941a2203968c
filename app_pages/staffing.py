"""Staff and workload (issue 16): which communes carry the most applications per official, the
transfer requests against the candidates found, a unit × field heatmap, one unit's offices,
and two what-ifs (moving officials, the suggested assignment of the candidates)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from metrics import workload
from present import format as fmt
from present import workload as present
from present.strings import t
from present.tables import Column, kinds, labelled
from present.view import scope_text
from ui.charts import show_chart
from ui.downloads import download_buttons
from ui.kpi_cards import card_row
from ui.loaders import (
    load_requests_by_field,
    load_requests_by_unit,
    load_staffing_date,
    load_unit_field_workload,
    load_unit_history,
    load_unit_trend,
    load_unit_workload,
)
from ui.shell import current_view, page_header
from ui.tables import TABLE_HEIGHT, show_table


def _table(frame: pl.DataFrame, columns: tuple[Column, ...], subject: str, title: str) -> None:
    shown = labelled(present.with_texts(frame, lang), columns, lang)
    show_table(shown, kinds(columns, lang), lang, height=TABLE_HEIGHT)
    download_buttons(view, shown, kinds(columns, lang), subject, title)


def _value(value: float | None) -> str:
    return fmt.decimal(value, lang)


view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "workload.title")
scope = scope_text(view)
as_of = load_staffing_date(version, filters)
if as_of is None:
    st.info(t("workload.none", lang))
    st.stop()
st.caption(t("workload.intro", lang, as_of=fmt.day(as_of)))

units = load_unit_workload(version, filters)
unit_fields = load_unit_field_workload(version, filters)
by_field = load_requests_by_field(version, filters)
requests = int(by_field.get_column("transfer_requests").sum())
candidates = int(by_field.get_column("candidates").sum())
with card_row("workload"):
    for label, value in (
        (t("workload.requests_total", lang), fmt.number(requests, lang)),
        (t("workload.candidates_total", lang), fmt.number(candidates, lang)),
        (t("workload.uncovered_total", lang), fmt.number(requests - candidates, lang)),
        (t("workload.median_value", lang), _value(units.get_column("median").first())),
    ):
        with st.container(border=True, width=230):
            st.metric(label, value)

st.subheader(t("workload.ranking_title", lang))
st.caption(t("workload.far_above_note", lang, factor=fmt.decimal(workload.FAR_ABOVE, lang)))
show_chart(present.ranking_chart(units, lang, scope), "ho-so-tren-cong-chuc")
_table(
    present.with_total(units, lang),
    present.UNITS,
    "ho-so-tren-cong-chuc",
    t("workload.ranking_title", lang),
)

st.subheader(t("workload.requests_title", lang))
show_chart(present.requests_chart(by_field, lang, scope), "de-nghi-dieu-dong")
_table(by_field, present.FIELDS, "de-nghi-theo-linh-vuc", t("workload.requests_title", lang))
_table(
    load_requests_by_unit(version, filters),
    present.REQUESTS,
    "de-nghi-theo-don-vi",
    t("workload.requests_title", lang),
)

st.subheader(t("workload.heatmap_title", lang))
show_chart(present.heatmap(unit_fields, lang, scope), "don-vi-linh-vuc")

st.subheader(t("workload.unit_title", lang))
names = dict(units.select("unit_code", "name").iter_rows())
picked = st.selectbox(
    t("workload.unit_pick", lang), list(names), format_func=names.get, key="workload_unit"
)
_table(
    unit_fields.filter(pl.col("unit_code") == picked),
    present.UNIT_FIELDS,
    "can-bo-mot-don-vi",
    t("workload.unit_title", lang),
)
trend = load_unit_trend(version, filters, picked)
st.caption(t("workload.trend_title", lang))
show_chart(present.trend_chart(trend, names[picked], lang, scope), "can-bo-theo-thang")
st.caption(t("workload.trend_note", lang))
_table(trend, present.TREND, "can-bo-theo-thang", t("workload.trend_title", lang))
st.caption(t("workload.history_title", lang))
_table(
    load_unit_history(version, filters, picked),
    present.HISTORY,
    "can-bo-qua-thoi-gian",
    t("workload.history_title", lang),
)

st.subheader(t("workload.whatif_title", lang))
fields = sorted(set(unit_fields.get_column("field")))
with st.container(horizontal=True, gap="small"):
    field = st.selectbox(t("workload.whatif_field", lang), fields, key="whatif_field")
    source = st.selectbox(
        t("workload.whatif_from", lang), list(names), format_func=names.get, key="whatif_from"
    )
    target = st.selectbox(
        t("workload.whatif_to", lang),
        list(names),
        index=min(1, len(names) - 1),
        format_func=names.get,
        key="whatif_to",
    )
    count = st.number_input(
        t("workload.whatif_count", lang), min_value=0, max_value=100, value=1, key="whatif_count"
    )
before = workload.unit_totals(unit_fields)
after = workload.unit_totals(
    workload.move_officials(unit_fields, field, source, target, int(count))
)
per_before = dict(before.select("unit_code", "to_handle_per_official").iter_rows())
per_after = dict(after.select("unit_code", "to_handle_per_official").iter_rows())
st.write(
    t(
        "workload.whatif_result",
        lang,
        source=names[source],
        target=names[target],
        before_a=_value(per_before.get(source)),
        after_a=_value(per_after.get(source)),
        before_b=_value(per_before.get(target)),
        after_b=_value(per_after.get(target)),
        high_before=_value(workload.spread(before).highest),
        high_after=_value(workload.spread(after).highest),
    )
)

st.subheader(t("workload.suggest_title", lang))
suggestion = workload.suggest_assignment(unit_fields)
assigned = workload.unit_totals(workload.apply_assignment(unit_fields, suggestion))
st.caption(
    t(
        "workload.suggest_rule",
        lang,
        before=_value(workload.spread(before).highest),
        after=_value(workload.spread(assigned).highest),
    )
)
_table(suggestion, present.SUGGESTION, "goi-y-phan-bo", t("workload.suggest_title", lang))
