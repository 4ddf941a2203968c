"""Turn the many ways exports write a code into the warehouse's one way.

Each function takes one raw text value and returns the code, or None when the text is not a
code of that kind; the cleaners (`etl.applications`, `etl.catalog`) apply them to the distinct
values of a column only.
"""

from __future__ import annotations

import re

from etl.aliases import (
    CHANNEL_EXTRA,
    CHANNEL_NAMES,
    LEVELS,
    NO,
    ONLINE_SERVICES,
    PLAN_STATUSES,
    STATUS_NAMES,
    YES,
)
from etl.text import nfc, strip_accents

_WORD_SEPARATORS = re.compile(r"[^0-9a-z]+")
_INTEGER = re.compile(r"^\d+(?:\.0+)?$")
# A national procedure code, optionally followed by the portal's suffix ("1.001193.000.00.00.H31").
# Fewer than six decimals happen when Excel stored the code as a number (1.0012 for 1.001200).
_PROCEDURE_CODE = re.compile(r"^(\d)\.(\d{1,6})(?:\.[0-9A-Za-z.]*)?$")


def value_key(text: str) -> str:
    """Lowercase ASCII words separated by single spaces: "Trực tuyến" -> "truc tuyen"."""
    return _WORD_SEPARATORS.sub(" ", strip_accents(nfc(text)).lower()).strip()


def _as_int(text: str) -> int | None:
    return int(float(text)) if _INTEGER.match(text.strip()) else None


_STATUS_BY_NAME = {value_key(name): code for code, name in STATUS_NAMES.items()}
_CHANNEL_BY_NAME = {value_key(name): code for code, name in CHANNEL_NAMES.items()} | CHANNEL_EXTRA
_YES = {value_key(v) for v in YES}
_NO = {value_key(v) for v in NO}


def status_code(text: str) -> int | None:
    number = _as_int(text)
    if number is not None:
        return number if number in STATUS_NAMES else None
    return _STATUS_BY_NAME.get(value_key(text))


def channel_code(text: str) -> int | None:
    number = _as_int(text)
    if number is not None:
        return number if number in CHANNEL_NAMES else None
    return _CHANNEL_BY_NAME.get(value_key(text))


def yes_no(text: str) -> bool | None:
    key = value_key(text)
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def paid_online(text: str) -> bool | None:
    """DuocThanhToanTrucTuyen: 1 paid online; 0 and 2 (not paid online) are no."""
    return False if value_key(text) == "2" else yes_no(text)


def procedure_code(text: str) -> str | None:
    match = _PROCEDURE_CODE.match(text.strip())
    if not match:
        return None
    return f"{match.group(1)}.{match.group(2).ljust(6, '0')}"


def level(text: str) -> str | None:
    return LEVELS.get(value_key(text))


def online_service(text: str) -> str | None:
    return ONLINE_SERVICES.get(value_key(text))


def plan_status(text: str) -> str | None:
    return PLAN_STATUSES.get(value_key(text))
