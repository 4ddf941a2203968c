"""How the read side compares and orders names, over the folds of `etl.text`.

- `search_key`: what the search boxes compare: no case, no tone marks, đ as d, so "dang ky
  khai sinh" finds "Đăng ký khai sinh";
- `vi_sort_key`: Vietnamese alphabetical order, for pickers and the rows of Biểu II.06a: by
  base letters with đ right after d, then by the marks (Cà before Cả before Cá).
"""

from __future__ import annotations

from etl.text import nfc, strip_accents


def search_key(text: str) -> str:
    """Lowercase, NFC, without tone marks and with đ as d: the form both sides are compared in."""
    return strip_accents(nfc(text)).casefold()


def vi_sort_key(text: str) -> tuple[str, str]:
    """Order names as a Vietnamese reader does: by base letters, đ right after d, then marks."""
    folded = text.casefold().replace("đ", "d\uffff")
    return strip_accents(folded), folded
