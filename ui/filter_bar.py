"""The filter bar every page shares, kept in the URL.

Each widget is bound to a query parameter (`bind="query-params"`): its key is the parameter
name, a value equal to the default is left out, and the widgets live in `app.py`, so they
survive a page switch and a copied link reproduces the view. Option values are codes; the
URL carries the label a person sees (Streamlit's binding stores formatted options), so the
language is in the URL too and a language switch re-labels the bound values (`relabel`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from etl.schema import CHANNELS
from metrics.codes import COMMUNE_KINDS, LEVELS
from metrics.filters import Filters
from metrics.freshness import Freshness
from metrics.options import FilterOptions
from metrics.text import vi_sort_key
from present import format as fmt
from present.format import LANGS, Lang
from present.periods import DEFAULT_PRESET, PRESETS, Preset, preset_range
from present.places import listed_units, short_name, unit_labels
from present.strings import t

# Every URL parameter of the app (widget keys), in one place so that no two pages collide.
LANG, PERIOD, DATES = "lang", "period", "dates"
LEVEL, KIND, UNIT, FIELD, AGENCY, CHANNEL = "level", "kind", "unit", "field", "agency", "channel"
GRAIN, RANK = "grain", "rank"  # the overview's trend granularity and ranking measure
PROVINCE = "province"  # shown only when the warehouse holds several provinces
# Bound widgets whose labels depend on the language (see `relabel`).
TRANSLATED_KEYS = (PERIOD, LEVEL, KIND, CHANNEL, GRAIN, RANK)
_LAST_RANGE = "_last_range"

LANG_NAMES: dict[Lang, str] = {"vi": "Tiếng Việt", "en": "English"}


def language_switch() -> Lang:
    """The vi / en switch at the top of the sidebar; Vietnamese unless the URL says otherwise."""
    lang = st.sidebar.segmented_control(
        t("lang.label", "vi"),
        LANGS,
        format_func=LANG_NAMES.__getitem__,
        default="vi",
        required=True,
        key=LANG,
        bind="query-params",
        on_change=relabel,
        label_visibility="collapsed",
    )
    return lang or "vi"


def relabel() -> None:
    """After a language switch, re-set every bound value so it is stored with its new label
    (the values are codes; only their labels, and so the URL, change)."""
    for key in TRANSLATED_KEYS:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def reset_filters() -> None:
    st.session_state[PERIOD] = DEFAULT_PRESET
    st.session_state.pop(DATES, None)
    for key in (PROVINCE, LEVEL, KIND, UNIT, FIELD, AGENCY, CHANNEL):
        st.session_state[key] = []


def _remember_range_for_custom() -> None:
    """Switching to a custom range starts from the range shown until now."""
    if st.session_state.get(PERIOD) == "custom" and _LAST_RANGE in st.session_state:
        st.session_state[DATES] = st.session_state[_LAST_RANGE]


def filter_bar(options: FilterOptions, freshness: Freshness, lang: Lang) -> Filters:
    """Draw the filters in the sidebar and return what they select."""
    data_end = freshness.data_end or date.today()
    data_start = freshness.data_start or data_end
    with st.sidebar:
        st.header(t("filters.header", lang))
        start, end = _period(lang, data_start, data_end)
        levels = _pills(t("filters.level", lang), LEVELS, lambda v: t(f"level.{v}", lang), LEVEL)
        kinds = _pills(t("filters.kind", lang), COMMUNE_KINDS, lambda v: t(f"kind.{v}", lang), KIND)
        provinces = _provinces(options, lang)
        units = sorted(listed_units(options, provinces), key=lambda unit: vi_sort_key(unit.name))
        unit_names = unit_labels(options, units)
        _keep_listed(UNIT, unit_names)
        unit_codes = _multiselect(
            t("filters.units", lang), list(unit_names), unit_names, UNIT, lang
        )
        fields = sorted(options.fields, key=vi_sort_key)
        chosen_fields = _multiselect(
            t("filters.fields", lang), fields, {f: f for f in fields}, FIELD, lang
        )
        agencies = dict(sorted(options.agencies, key=lambda item: vi_sort_key(item[1])))
        agency_codes = _multiselect(
            t("filters.agencies", lang), list(agencies), agencies, AGENCY, lang
        )
        channels = _pills(
            t("filters.channel", lang), CHANNELS, lambda v: t(f"channel.{v}", lang), CHANNEL
        )
        st.button(t("filters.reset", lang), on_click=reset_filters, icon=":material/restart_alt:")
    return Filters(
        start=start,
        end=end,
        levels=tuple(levels),
        unit_kinds=tuple(kinds),
        unit_codes=tuple(unit_codes),
        fields=tuple(chosen_fields),
        agency_codes=tuple(agency_codes),
        channels=tuple(channels),
        province_codes=tuple(provinces),
    )


def _provinces(options: FilterOptions, lang: Lang) -> list[int]:
    """The province picker, drawn only when the warehouse holds more than one province."""
    if len(options.provinces) < 2:
        return []
    names = dict(sorted(options.provinces, key=lambda item: vi_sort_key(short_name(item[1]))))
    chosen = st.multiselect(
        t("filters.provinces", lang),
        list(names),
        format_func=names.__getitem__,
        placeholder=t("filters.all", lang),
        key=PROVINCE,
        bind="query-params",
    )
    return list(chosen)


def _keep_listed(key: str, listed: dict[str, str]) -> None:
    """Drop picked values the picker no longer lists (units of a province just unpicked), so
    the picker and the filters agree."""
    picked = st.session_state.get(key)
    if picked and any(value not in listed for value in picked):
        st.session_state[key] = [value for value in picked if value in listed]


def _period(lang: Lang, data_start: date, data_end: date) -> tuple[date, date]:
    preset: Preset = st.selectbox(
        t("filters.period", lang),
        PRESETS,
        index=PRESETS.index(DEFAULT_PRESET),
        format_func=lambda p: t(f"preset.{p}", lang),
        key=PERIOD,
        bind="query-params",
        on_change=_remember_range_for_custom,
        help=t("filters.period_help", lang, data_end=fmt.day(data_end)),
    )
    if preset == "custom":
        default = preset_range(DEFAULT_PRESET, data_end)
        chosen = st.date_input(
            t("filters.dates", lang),
            value=default,
            min_value=data_start,
            max_value=data_end,
            format="DD/MM/YYYY",
            key=DATES,
            bind="query-params",
        )
        # While a person has clicked only the first day of a range, show that one day.
        days = tuple(chosen) if isinstance(chosen, tuple | list) else (chosen,)
        # A pasted URL may give the range backwards (`?dates=2025-07-20&dates=2025-07-01`).
        picked = [day for day in days if day]
        start, end = (min(picked), max(picked)) if picked else default
    else:
        start, end = preset_range(preset, data_end)
        st.caption(fmt.day_range(start, end))
    st.session_state[_LAST_RANGE] = (start, end)
    return start, end


def _pills(label: str, options: Sequence, format_func, key: str) -> list:
    chosen = st.pills(
        label,
        options,
        selection_mode="multi",
        format_func=format_func,
        key=key,
        bind="query-params",
    )
    return list(chosen or [])


def _multiselect(
    label: str, options: list[str], names: dict[str, str], key: str, lang: Lang
) -> list[str]:
    return st.multiselect(
        label,
        options,
        format_func=names.__getitem__,
        placeholder=t("filters.all", lang),
        key=key,
        bind="query-params",
    )
