"""Text normalisation shared by header matching and unit-name matching.

Two different strengths, on purpose:
- `header_key` folds accents away: column labels are a closed, known vocabulary, and exports
  write "Ma ho so", "Mã hồ sơ" and "MaHoSo" for the same thing.
- `name_key` keeps every tone mark: unit names such as "Cẩm Giang" and "Cẩm Giàng" are two
  different communes, so only case, Unicode form, spacing and the old/new tone placement
  ("Thuỷ"/"Thủy", "Hoà"/"Hòa") are folded.
"""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")

# Old-style tone placement puts the mark on the second vowel of an open "oa/oe/uy" syllable
# ("hoà", "khoẻ", "thuỷ"); the new style puts it on the first ("hòa", "khỏe", "thủy"). Both
# are in official use (vietnam-provinces itself writes "Phường Hoà Bình" and "Xã Vĩnh Hòa"),
# so names are compared in the new style. Only syllable-final clusters move: "hoàng" and
# "quý" are spelt the same in both styles.
_TONED_SECOND = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
}
_FIRST_WITH_TONE = {
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}
_PAIRS = {("o", "a"), ("o", "e"), ("u", "y")}


def _new_tone_placement(word: str) -> str:
    lower = word.lower()
    if len(lower) < 2:
        return word
    first, second = lower[-2], lower[-1]
    if len(lower) >= 3 and first == "u" and lower[-3] == "q":
        return word  # "quý": the u belongs to the consonant "qu"
    for base, toned in _TONED_SECOND.items():
        if second in toned and (first, base) in _PAIRS:
            tone = toned.index(second)
            new_first = _FIRST_WITH_TONE[first][tone]
            if word[-2].isupper():
                new_first = new_first.upper()
            new_second = base.upper() if word[-1].isupper() else base
            return word[:-2] + new_first + new_second
    return word


def nfc(value: str) -> str:
    return unicodedata.normalize("NFC", value)


def strip_accents(value: str) -> str:
    decomposed = unicodedata.normalize("NFD", value)
    without = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return without.replace("đ", "d").replace("Đ", "D")


def header_key(label: str) -> str:
    """A column label reduced to lowercase ASCII letters and digits."""
    return _NON_ALNUM.sub("", strip_accents(nfc(label)).lower())


def name_key(name: str) -> str:
    """A name compared with tone marks kept: NFC, lowercase, single spaces, new tone placement."""
    text = _SPACES.sub(" ", nfc(name).replace("\u00a0", " ")).strip().lower()
    text = text.replace(".", ". ").replace(" .", ".")
    words = [_new_tone_placement(word) for word in _SPACES.sub(" ", text).strip().split(" ")]
    return " ".join(word for word in words if word)
