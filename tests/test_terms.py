"""One term per concept (GLOSSARY.md "One term per concept"): the words people read, vi-VN
percentages written one way ("58,5%", as present/format.py writes it) in cards, charts,
tables, PDF and XLSX, sheet names with their marks, the source system's name, and Vietnamese
alphabetical order by ICU's collation (o < ô < ơ), never by stripping marks."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import fastexcel
import pytest

from metrics.bieu_06a import FIELD, form_rows
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.measures import RATE_BY_NAME
from metrics.options import filter_options
from metrics.text import vi_sorted
from present import format as fmt
from present.cards import CARDS, format_delta, format_value
from present.report import rank_text
from present.strings import STRINGS, t
from present.theme import rate_axis
from reports.__main__ import main
from tests.tiny_warehouse import PERIOD

# What GLOSSARY.md says not to write, in the Vietnamese texts.
AVOIDED = ("trễ hạn", " TB", "TB ", "điểm %", "một cửa điện tử", "hồ sơ tồn", "kênh tiếp nhận")


@pytest.mark.parametrize("avoided", AVOIDED)
def test_no_vietnamese_text_uses_an_avoided_term(avoided: str) -> None:
    offending = [key for key, (vi, _) in STRINGS.items() if avoided.casefold() in vi.casefold()]
    assert offending == []


def test_the_source_is_named_as_the_glossary_says() -> None:
    assert t("provenance.source", "vi", data_end="20/08/2025").startswith(
        "Nguồn: Hệ thống thông tin giải quyết TTHC"
    )


def test_the_on_time_numerator_is_khong_qua_han() -> None:
    assert t("col.on_time", "vi") == "Không quá hạn"
    assert t("report.ratio.on_time_rate", "vi").startswith("Không quá hạn")


def test_percentages_read_the_same_on_cards_charts_and_deltas() -> None:
    assert fmt.percent(0.585, "vi") == "58,5%"
    assert format_value("rate", 0.585, "vi") == "58,5%"
    assert rate_axis("vi")["ticksuffix"] == "%"
    assert format_delta("rate", 0.597, 0.585, "vi") == "+1,2 điểm phần trăm"
    assert rank_text(3, True, "vi") == "3 (đồng hạng)"


def test_xlsx_rates_carry_the_same_percent_and_sheets_have_marks(
    tiny: Path, tmp_path: Path
) -> None:
    out = tmp_path / "xep-hang.xlsx"
    assert main(["league-table", "--from", "2025-07-10", "--to", "2025-07-20",
                 "--warehouse", str(tiny), "--out", str(out)]) == 0  # fmt: skip
    styles = zipfile.ZipFile(out).read("xl/styles.xml").decode()
    assert 'formatCode="0.0&quot;%&quot;"' in styles  # 58,5%, as the glossary writes it
    assert fastexcel.read_excel(out.read_bytes()).sheet_names == ["Hồ sơ theo đơn vị"]
    bieu = tmp_path / "bieu.xlsx"
    assert main(["bieu-06a", "--from", "2025-07-10", "--to", "2025-07-20",
                 "--warehouse", str(tiny), "--out", str(bieu)]) == 0  # fmt: skip
    assert fastexcel.read_excel(bieu.read_bytes()).sheet_names == ["Biểu II.06a", "Phạm vi"]


def test_vietnamese_alphabetical_order_by_icu() -> None:
    shuffled = ["Ơn", "Xã Ô Môn", "On", "Đa", "Cá", "Da", "Ôn", "Cà", "Ca", "Xã Ong", "Cả"]
    assert vi_sorted(shuffled) == [
        "Ca", "Cà", "Cả", "Cá", "Da", "Đa", "On", "Ôn", "Ơn", "Xã Ong", "Xã Ô Môn",
    ]  # fmt: skip
    # Stripping marks would put "Ô Môn" (o mon) before "Ong"; the alphabet puts ô after o.
    assert vi_sorted(["b", "a"], key=str.upper) == ["a", "b"]


def test_fields_are_in_vietnamese_order_in_the_picker_and_biểu(sample_warehouse: Path) -> None:
    with snapshot(sample_warehouse) as con:
        fields = filter_options(con).fields
        rows = form_rows(con, Filters(*PERIOD))
    assert list(fields) == vi_sorted(fields)
    for level in ("tinh", "xa"):
        listed = rows.filter((rows["row_kind"] == FIELD) & (rows["level"] == level))["field"]
        assert listed.to_list() == vi_sorted(listed.to_list())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_rate_card_names_its_numerator_and_denominator_in_words(lang: str) -> None:
    for card in CARDS:
        if card.kind == "rate":
            rate = RATE_BY_NAME[card.kpi]
            assert t(f"parts.{rate.numerator}", lang) and t(f"parts.{rate.denominator}", lang)


def test_no_text_writes_a_space_before_the_percent_sign() -> None:
    """GLOSSARY: 58,5% (decimal comma, no space); "58.5 %" is the avoided form."""
    spaced = [key for key, texts in STRINGS.items() for text in texts if re.search(r"\d %", text)]
    assert spaced == []
