"""The corpus of nasty files in tests/corpus/: each is refused with a plain reason, or read
with every row accounted for (read = loaded + rejected). Nothing raises."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import query

CORPUS = Path(__file__).with_name("corpus")
# File -> the words its refusal must contain; files not listed must be readable.
REFUSED = {
    "empty.csv": "không tìm thấy dòng tiêu đề",
    "random-bytes.csv": "bảng mã",
    "utf16-without-bom.csv": "không tìm thấy dòng tiêu đề",
    "not-really.xlsx": "không mở được tệp Excel",
    "truncated.xlsx": "không mở được tệp Excel",
    "zip-bomb.xlsx": "quá giới hạn",
    "huge-dimension.xlsx": "quá giới hạn",
}
# Readable files and how many of their rows must load (the rest are rejected with reasons).
LOADED = {
    "header-only.csv": 0,
    "nul-bytes.csv": 2,
    "formulas.csv": 1,  # a formula-like id is only text; the second row's channel is -1
    "long-fields.csv": 1,
    "odd-unicode.csv": 0,
    # The short row and the long one (extra cells: something shifted) do not line up with the
    # header: both are rejected as misaligned, keeping only their identifiers.
    "ragged.csv": 1,
    "unbalanced-quotes.csv": 1,  # read again with quotes as text: the damaged line is rejected
    "duplicate-headers.csv": 1,
    "numbers-as-dates.parquet": 0,  # 20250701 is no date; the Excel serial row lacks its due date
    "script-injection.csv": 1,
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert {p.name for p in CORPUS.iterdir()} == set(REFUSED) | set(LOADED)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_a_plain_reason(name: str, load) -> None:
    (result,) = load(CORPUS / name)
    assert result.error is not None and REFUSED[name] in result.error, result.error
    assert query(load.db, "select count(*) from applications") == [(0,)]


@pytest.mark.parametrize("name", sorted(LOADED))
def test_read_with_every_row_accounted_for(name: str, load) -> None:
    (result,) = load(CORPUS / name)
    assert result.error is None, result.error
    assert result.rows_read == result.rows_loaded + result.rows_rejected
    stored = query(load.db, "select count(*) from applications")[0][0]
    rejected = query(load.db, "select count(*) from rejected_rows")[0][0]
    assert (stored, rejected) == (result.rows_loaded, result.rows_rejected)
    if LOADED[name] is not None:
        assert result.rows_loaded == LOADED[name], result.reasons


def test_injection_text_is_stored_as_plain_text(load) -> None:
    load(CORPUS / "script-injection.csv")
    assert query(load.db, "select application_id from applications") == [
        ("<script>alert(1)</script>",)
    ]
    assert query(load.db, "select reason from rejected_rows") == []
