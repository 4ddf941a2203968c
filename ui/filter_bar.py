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

from etl.dates import local_today
from etl.schema import CHANNELS
from metrics.codes import COMMUNE_KINDS, LEVELS
from metrics.filters import Filters
from metrics.freshness import Freshness
from metrics.options import FilterOptions
from metrics.text import vi_sorted
from present import format as fmt
from present.format import LANGS, Lang
from present.periods import DEFAULT_PRESET, PRESETS, Preset, preset_range
from present.places import listed_units, short_name, unit_labels
from present.safe_text import markdown_text
from present.strings import t

# Every URL parameter of the app (widget keys), in one place so that no two pages collide.
LANG, PERIOD, DATES = "lang", "period", "dates"
LEVEL, KIND, UNIT, FIELD, AGENCY, CHANNEL = "level", "kind", "unit", "field", "agency", "channel"
GRAIN, RANK = "grain", "rank"  # the overview's trend granularity and ranking measure
PROVINCE = "province"  # shown only when the warehouse holds several provinces
# Bound widgets whose labels depend on the language (see `relabel`).
TRANSLATED_KEYS = (PERIOD, LEVEL, KIND, CHANNEL, GRAIN, RANK)
_LAST_RANGE = "_last_range"
# What this run dropped from the URL, as (filter label, values), shown under the filters.
_IGNORED = "_url_ignored"
# Corrections to a link's values that need a second run, and the notes carried to it.
_FIXES, _CARRIED = "_url_fixes", "_url_ignored_carried"

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
    data_end = freshness.data_end or local_today()
    data_start = freshness.data_start or data_end
    st.session_state[_IGNORED] = []
    _apply_url_fixes()
    with st.sidebar:
        st.header(t("filters.header", lang))
        start, end = _period(lang, data_start, data_end)
        levels = _pills(t("filters.level", lang), LEVELS, lambda v: t(f"level.{v}", lang), LEVEL)
        kinds = _pills(t("filters.kind", lang), COMMUNE_KINDS, lambda v: t(f"kind.{v}", lang), KIND)
        provinces = _provinces(options, lang)
        units = listed_units(options, provinces)  # communes, then the sở, ngành
        unit_names = unit_labels(options, units, lang)
        _keep_listed(UNIT, unit_names)
        unit_codes = _multiselect(
            t("filters.units", lang), list(unit_names), unit_names, UNIT, lang
        )
        fields = vi_sorted(options.fields)
        chosen_fields = _multiselect(
            t("filters.fields", lang), fields, {f: f for f in fields}, FIELD, lang
        )
        agencies = dict(vi_sorted(options.agencies, key=lambda item: item[1]))
        agency_codes = _multiselect(
            t("filters.agencies", lang), list(agencies), agencies, AGENCY, lang
        )
        channels = _pills(
            t("filters.channel", lang), CHANNELS, lambda v: t(f"channel.{v}", lang), CHANNEL
        )
        st.button(t("filters.reset", lang), on_click=reset_filters, icon=":material/restart_alt:")
        if st.session_state.get(_FIXES):
            st.session_state[_CARRIED] = st.session_state[_IGNORED]
            st.rerun()
        if ignored := st.session_state[_IGNORED]:
            # Values from the URL: plain text, cut short (present.safe_text.markdown_text).
            items = "; ".join(
                f"{label}: «{markdown_text(', '.join(values))}»" for label, values in ignored
            )
            st.warning(t("url.ignored", lang, items=items), icon=":material/link_off:")
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
    names = dict(vi_sorted(options.provinces, key=lambda item: short_name(item[1])))
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


def _keep_valid_url_values(key: str, label: str, options: Sequence, format_func) -> None:
    """Before a bound picker first reads its URL parameter: keep the values it lists, by
    label or by code (`?unit=11407`), and note the others. Streamlit's own seeding reads
    labels only, so a code (or a mix) would lose the valid values too: then the kept
    values are set on a second run (`_apply_url_fixes`)."""
    if key not in st.query_params or key in st.session_state:
        return
    raw = st.query_params.get_all(key)
    by_label = {str(format_func(option)): option for option in options}
    by_code = {str(option): option for option in options}
    kept = [by_label.get(value, by_code.get(value)) for value in raw]
    ignored = [value[:40] for value, option in zip(raw, kept, strict=True) if option is None]
    if ignored:
        st.session_state[_IGNORED].append((label, ignored))
    if any(value not in by_label for value in raw if value in by_code):
        values = [option for option in kept if option is not None]
        _fixes()[key] = values[0] if key == PERIOD else values


def _clean_url_dates(label: str) -> None:
    """`?dates=`: drop what is not a yyyy-mm-dd day (and say so), and put a reversed range
    in order, so the date box shows the range in force, not the link's order."""
    if DATES not in st.query_params or DATES in st.session_state:
        return
    raw = st.query_params.get_all(DATES)
    days, ignored = [], []
    for value in raw:
        try:
            days.append(date.fromisoformat(value))
        except ValueError:
            ignored.append(value[:40])
    if ignored:
        st.session_state[_IGNORED].append((label, ignored))
    if days and (ignored or days != sorted(days)):
        _fixes()[DATES] = tuple(sorted(days)[:2])


def _fixes() -> dict[str, object]:
    return st.session_state.setdefault(_FIXES, {})


def _apply_url_fixes() -> None:
    """The second run of a link that needed corrections: set the corrected values before
    the widgets are drawn (a first run's URL seeding would override them) and keep the
    notice of what was ignored."""
    fixes = st.session_state.pop(_FIXES, None)
    if fixes is None:
        return
    for key, value in fixes.items():
        st.session_state[key] = value
    st.session_state[_IGNORED] = st.session_state.pop(_CARRIED, [])


def _period(lang: Lang, data_start: date, data_end: date) -> tuple[date, date]:
    _keep_valid_url_values(
        PERIOD, t("filters.period", lang), PRESETS, lambda p: t(f"preset.{p}", lang)
    )
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
        _clean_url_dates(t("filters.dates", lang))
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
    _keep_valid_url_values(key, label, options, format_func)
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
    _keep_valid_url_values(key, label, options, names.__getitem__)
    return st.multiselect(
        label,
        options,
        format_func=names.__getitem__,
        placeholder=t("filters.all", lang),
        key=key,
        bind="query-params",
    )
