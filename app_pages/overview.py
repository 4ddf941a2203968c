"""Overview: the KPIs a city leader reads in ten seconds, then the trend, the channel and
status mix, the best and worst wards and communes, and the fields."""

from __future__ import annotations

from functools import partial

import streamlit as st

from metrics.activity import GRAINS, default_grain
from metrics.quality import NEEDS
from metrics.rankings import MIN_DENOMINATOR, RANK_MEASURES, best_and_worst, ranked
from metrics.units_league import AGENCY_KINDS
from present import overview_charts as charts
from present.cards import adds_up_line
from present.definitions import missing_lines
from present.strings import t
from present.theme import COLORS
from present.view import cut_day, data_until_text, scope_text
from ui import loaders
from ui.charts import show_chart
from ui.empty import nothing_found
from ui.filter_bar import GRAIN, RANK, page_url_notice
from ui.kpi_cards import kpi_cards
from ui.locks import show_locked
from ui.shell import current_view, page_header

UNIT_PAGE = "app_pages/unit.py"
UNIT_PARAM = "ma"  # /don-vi?ma=<unit code>
_OPEN_UNIT = "_overview_open_unit"


def _on_unit_click(chart_key: str, unit_codes: list[str]) -> None:
    """A click on a unit's bar opens that unit's page (a callback cannot switch pages, so
    the section's next run does)."""
    points = st.session_state[chart_key]["selection"]["points"]
    if points:
        st.session_state[_OPEN_UNIT] = unit_codes[points[0]["point_index"]]


view = current_view()
lang, filters, version = view.lang, view.filters, view.version
page_header(view, "overview.title")
scope = scope_text(view)

comparison = loaders.load_kpis(version, filters, view.freshness.data_start)
if comparison.current.count("to_handle") == 0:
    nothing_found(view)
until = data_until_text(cut_day(view), lang)
if until is not None:
    st.warning(until, icon=":material/event_busy:")
kpi_cards(comparison, lang)
show_locked(view)  # a locked period: the locked figures beside today's, and why they differ
missing = loaders.load_missing_data(version, filters.start, filters.end)
for line in missing_lines(missing, NEEDS, lang):
    st.warning(line, icon=":material/database_off:")


@st.fragment
def trend_section() -> None:
    """The trend with its grain picker: a new grain redraws this section only (a fragment),
    not the cards and the other charts, which it does not change."""
    st.subheader(t("section.trend", lang))
    grains = ("auto", *GRAINS)

    def grain_label(grain: str) -> str:
        return t(f"grain.{grain}", lang)

    page_url_notice(GRAIN, t("grain.label", lang), grains, grain_label, lang)
    choice = st.segmented_control(
        t("grain.label", lang),
        grains,
        default="auto",
        required=True,
        format_func=grain_label,
        key=GRAIN,
        bind="query-params",
    )
    grain = default_grain(filters.days) if choice in (None, "auto") else choice
    trend = loaders.load_trend(version, filters, grain)
    show_chart(charts.trend_figure(trend, grain, lang, scope), "xu-huong")


trend_section()

st.subheader(t("section.mix", lang))
mix_column, status_column = st.columns(2)
with mix_column:
    show_chart(
        charts.channel_figure(loaders.load_channel_mix(version, filters), lang, scope), "kenh-nop"
    )
with status_column:
    show_chart(charts.status_figure(comparison.current, lang, scope), "tinh-hinh-giai-quyet")
    st.caption(adds_up_line(comparison.current, lang))


@st.fragment
def units_section() -> None:
    """The best and worst units with the measure picker: a new measure redraws this section
    only (a fragment). A click on a unit's bar reruns it too, and opens that unit's page."""
    if unit_code := st.session_state.pop(_OPEN_UNIT, None):
        st.switch_page(UNIT_PAGE, query_params={UNIT_PARAM: unit_code})
    st.subheader(t("section.units", lang))

    def measure_label(measure: str) -> str:
        return t(f"rank.{measure}", lang)

    page_url_notice(RANK, t("rank.label", lang), RANK_MEASURES, measure_label, lang)
    measure = (
        st.segmented_control(
            t("rank.label", lang),
            RANK_MEASURES,
            default="on_time_rate",
            required=True,
            format_func=measure_label,
            key=RANK,
            bind="query-params",
        )
        or "on_time_rate"
    )
    best, worst = best_and_worst(loaders.load_league(version, filters), measure)
    if best.is_empty():
        st.info(t("rank.empty", lang))
    else:
        measure_name = t(f"rank.{measure}", lang)
        for column, frame, which, color in zip(
            st.columns(2),
            (best, worst),
            ("best", "worst"),
            (COLORS["good"], COLORS["bad"]),
            strict=True,
        ):
            if frame.is_empty():
                continue
            chart_key = f"units_{which}"
            title = t(f"chart.units_{which}", lang, measure=measure_name)
            with column:
                show_chart(
                    charts.ranking_figure(frame, measure, lang, title, scope, color),
                    f"don-vi-{which}-{measure}",
                    key=chart_key,
                    on_select=partial(_on_unit_click, chart_key, frame["unit_code"].to_list()),
                    selection_mode="points",
                )

    # The sở, ngành in a ranking of their own beside the communes' (issue 12): all of them.
    agency_league = loaders.load_league(version, filters, AGENCY_KINDS)
    agencies_ranked = ranked(agency_league, measure)
    if not agencies_ranked.is_empty():
        agency_title = t(
            "chart.agencies_ranked",
            lang,
            measure=t(f"rank.{measure}", lang),
            count=agencies_ranked.height,
            total=agency_league.height,
        )
        show_chart(
            charts.ranking_figure(
                agencies_ranked, measure, lang, agency_title, scope, COLORS["good"]
            ),
            f"so-nganh-{measure}",
            key="units_agencies",
            on_select=partial(
                _on_unit_click, "units_agencies", agencies_ranked["unit_code"].to_list()
            ),
            selection_mode="points",
        )
    st.caption(t("rank.hint", lang, min=MIN_DENOMINATOR))


units_section()

st.subheader(t("section.fields", lang))
fields = loaders.load_field_activity(version, filters)
show_chart(charts.fields_figure(fields, lang, scope), "linh-vuc")
st.caption(t("fields.note", lang, shown=min(charts.TOP_FIELDS, fields.height), total=fields.height))
