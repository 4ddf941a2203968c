"""What an empty result says, on every page: nothing matches, and which of the reader's own
choices to relax (the filters they set, else the period), so no page shows a blank table or
a chart with an invented axis instead."""

from __future__ import annotations

from present.strings import t
from present.view import View


def relax_hint(view: View) -> str:
    """ "Thử bỏ bớt: Lĩnh vực, Kênh nộp; hoặc chọn kỳ dài hơn." — the filters set, by name."""
    filters, lang = view.filters, view.lang
    named = [
        t(key, lang)
        for key, values in (
            ("filters.provinces", filters.province_codes),
            ("filters.level", filters.levels),
            ("filters.kind", filters.unit_kinds),
            ("filters.units", filters.unit_codes),
            ("filters.fields", filters.fields),
            ("filters.agencies", filters.agency_codes),
            ("filters.channel", filters.channels),
        )
        if values
    ]
    if not named:
        return t("empty.relax_period", lang)
    return t("empty.relax", lang, filters=", ".join(named))
