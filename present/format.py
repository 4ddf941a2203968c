"""Numbers and dates as a reader in Việt Nam expects them: 246.900; 58,5%; 20/08/2025.

Everything a page shows goes through here (Babel for numbers), so a screenshot pasted into
a report reads the same everywhere. English keeps the dd/mm/yyyy dates and uses en_GB digits.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from babel.numbers import format_decimal, format_percent

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
LOCALES: dict[Lang, str] = {"vi": "vi_VN", "en": "en_GB"}
# Babel's own vi_VN percent pattern rounds to whole percents ("58%"); reports write "58,5%"
# (GLOSSARY: decimal comma, no space).
PERCENT_PATTERN = "#,##0.0%"
# Plotly's `layout.separators`: decimal mark first, then the thousands separator.
PLOTLY_SEPARATORS: dict[Lang, str] = {"vi": ",.", "en": ".,"}
PERCENT_SUFFIX = "%"
MINUS = "\u2212"  # a real minus sign: a hyphen is easy to miss in a delta
MISSING = "–"


def number(value: float | None, lang: Lang) -> str:
    """A count: 246.900 (vi) / 246,900 (en)."""
    if value is None:
        return MISSING
    return format_decimal(round(value), "#,##0", locale=LOCALES[lang])


def decimal(value: float | None, lang: Lang, digits: int = 1) -> str:
    """A measured quantity such as days: 4,2 (vi) / 4.2 (en)."""
    if value is None:
        return MISSING
    return format_decimal(value, "#,##0." + "0" * digits, locale=LOCALES[lang])


def percent(value: float | None, lang: Lang) -> str:
    """A rate in [0, 1]: 58,5% (vi) / 58.5% (en)."""
    if value is None:
        return MISSING
    return format_percent(value, PERCENT_PATTERN, locale=LOCALES[lang])


def signed(text: str, value: float) -> str:
    """Prefix an already formatted magnitude with its sign (+ or a true minus)."""
    if value > 0:
        return "+" + text
    if value < 0:
        return MINUS + text
    return text


def day(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def day_range(start: date, end: date) -> str:
    """01/07–20/08/2025 within one year, else 01/12/2025–31/01/2026."""
    if start == end:
        return day(start)
    if start.year == end.year:
        return f"{start:%d/%m}–{end:%d/%m/%Y}"
    return f"{day(start)}–{day(end)}"


def timestamp(value: datetime) -> str:
    return value.strftime("%d/%m/%Y %H:%M")
