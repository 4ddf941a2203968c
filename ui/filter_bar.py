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
from typing import NoReturn

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
# What this run dropped from the URL, as (filter label, values), shown under the filters,
# and the same carried to the run that a corrected URL starts (`_correct_url`).
_IGNORED, _CARRIED = "_url_ignored", "_url_ignored_carried"

LANG_NAMES: dict[Lang, str] = {"vi": "Tiếng Việt", "en": "English"}


def language_switch() -> Lang:
    """The vi / en switch at the top of the sidebar; Vietnamese unless the URL says otherwise
    (`?lang=English`, or the code, `?lang=en`). Drawn first, so it also starts this run's
    check of the link's values (and a language given by its code is corrected before any
    other value of the link is read)."""
    st.session_state[_IGNORED] = st.session_state.pop(_CARRIED, [])
    _keep_valid_url_values(LANG, t("lang.label", "vi"), LANGS, LANG_NAMES.__getitem__)
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
        if ignored := st.session_state[_IGNORED]:
            _ignored_notice(ignored, "url.ignored", lang)
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
    """The province picker, drawn only when the warehouse holds more than one province. A
    link's province (by name or code) is checked either way: with one province, one that
    is not it is named as ignored (once: there is no picker to hold the parameter)."""
    names = dict(vi_sorted(options.provinces, key=lambda item: short_name(item[1])))
    label = t("filters.provinces", lang)
    _keep_valid_url_values(PROVINCE, label, list(names), names.__getitem__)
    if len(options.provinces) < 2:
        st.session_state.setdefault(PROVINCE, [])
        return []
    chosen = st.multiselect(
        label,
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
    labels only, so a code (or a mix) would lose the valid values too: then the URL is
    corrected to the kept values' labels first (`_correct_url`)."""
    if key not in st.query_params or key in st.session_state:
        return
    raw = st.query_params.get_all(key)
    by_label = {str(format_func(option)): option for option in options}
    by_code = {str(option): option for option in options}
    kept = [by_label.get(value, by_code.get(value)) for value in raw]
    ignored = [value for value, option in zip(raw, kept, strict=True) if option is None]
    note_ignored(label, ignored)
    if any(value not in by_label for value in raw if value in by_code):
        _correct_url(key, [str(format_func(option)) for option in kept if option is not None])


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
            ignored.append(value)
    note_ignored(label, ignored)
    if days and (ignored or days != sorted(days)):
        _correct_url(DATES, [day.isoformat() for day in sorted(days)[:2]])


def note_ignored(label: str, values: Sequence[str]) -> None:
    """Name these values of a link, for `label`'s widget, in the filters' notice of this run
    (a widget drawn before the notice whose values `_keep_valid_url_values` cannot check,
    such as the report view's switch)."""
    noted = (label, [value[:40] for value in values])
    # A run that a corrected URL started reads the link again: each note once.
    if values and noted not in st.session_state[_IGNORED]:
        st.session_state[_IGNORED].append(noted)


def page_url_notice(key: str, label: str, options: Sequence, format_func, lang: Lang) -> None:
    """For a page's own bound picker (the overview's trend grain and ranking measure), drawn
    after the filters' notice: before the picker first reads its URL parameter, name the
    values it does not list in a notice just above it. Streamlit then ignores them and the
    picker shows its default, which is what is in force."""
    if key not in st.query_params or key in st.session_state:
        return
    labels = {str(format_func(option)) for option in options}
    if ignored := [value[:40] for value in st.query_params.get_all(key) if value not in labels]:
        _ignored_notice([(label, ignored)], "url.ignored_here", lang)


def _ignored_notice(ignored: list[tuple[str, list[str]]], key: str, lang: Lang) -> None:
    # Values from the URL: plain text, cut short (present.safe_text.markdown_text).
    items = "; ".join(f"{label}: «{markdown_text(', '.join(values))}»" for label, values in ignored)
    st.warning(t(key, lang, items=items), icon=":material/link_off:")


def _correct_url(key: str, url_form: list[str]) -> NoReturn:
    """Write the kept values in the URL as the picker writes them (labels, days) and run
    again from that URL, before the picker reads it: the picker then shows what is in
    force and a copied link reproduces it. The notes of what was ignored go with it."""
    st.query_params[key] = url_form
    st.session_state[_CARRIED] = st.session_state[_IGNORED]
    st.rerun()


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
