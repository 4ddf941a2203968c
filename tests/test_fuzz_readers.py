"""Property-based tests: whatever bytes or text arrive, the readers and normalisers either
refuse the file with a plain reason or account for every row; they never raise anything else."""

from __future__ import annotations

import csv
import io
import tempfile
from datetime import date
from pathlib import Path

import polars as pl
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl import codes
from etl.aliases import APPLICATION_FIELDS, CATALOG_FIELDS, PLAN_FIELDS
from etl.applications import clean_applications
from etl.catalog import clean_catalog, clean_plans
from etl.dates import parse_datetimes
from etl.errors import UnreadableFile
from etl.reader import read_export
from etl.rules import Context
from etl.text import header_key, name_key
from etl.units import UnitMatcher, agency_units, reference_units

UNITS = reference_units([31])
CONTEXT = Context(
    UnitMatcher(UNITS), UnitMatcher(agency_units(31)), {"1.001193", "2.000815"}, date(2026, 1, 1)
)
CLEANERS = {
    "applications": lambda raw: clean_applications(raw, CONTEXT, "fuzz.csv"),
    "catalog": lambda raw: clean_catalog(raw, CONTEXT),
    "plans": lambda raw: clean_plans(raw, CONTEXT),
}
KNOWN_LABELS = sorted(
    {
        label
        for fields in (APPLICATION_FIELDS, CATALOG_FIELDS, PLAN_FIELDS)
        for labels in fields.values()
        for label in labels
    }
)
NASTY_TEXT = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60
) | st.sampled_from(
    ["", " ", "=SUM(A1)", "+1", "@x", "-1", "\x00", "Tổng cộng", "10", "2", "01/07/2025 08:00",
     "Phường Hồng Bàng", "1.001193", "x" * 5000, "Có", "Không", "\u202e", "2025-07-01T08:00:00Z"]
)  # fmt: skip
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _account(path: Path) -> None:
    try:
        tables = read_export(path)
    except UnreadableFile as refusal:
        assert str(refusal)  # a plain reason, never empty
        return
    for raw in tables:
        cleaned = CLEANERS[raw.kind](raw)
        assert raw.frame.height == cleaned.good.height + cleaned.rejected.height
        assert cleaned.rejected.get_column("reason").null_count() == 0


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from([".csv", ".xlsx", ".parquet", ".tsv"]))
def test_arbitrary_bytes_are_refused_or_accounted(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        _account(path)


def _valid_header(fields: dict[str, tuple[str, ...]]) -> st.SearchStrategy[list[str]]:
    """Every field of a kind under one of its labels, plus random extra columns, shuffled."""
    labels = st.tuples(*[st.sampled_from(aliases) for aliases in fields.values()])
    extras = st.lists(NASTY_TEXT, max_size=4)
    return st.tuples(labels, extras).flatmap(lambda pair: st.permutations([*pair[0], *pair[1]]))


HEADERS = (
    _valid_header(APPLICATION_FIELDS)
    | _valid_header(CATALOG_FIELDS)
    | _valid_header(PLAN_FIELDS)
    | st.lists(st.sampled_from(KNOWN_LABELS) | NASTY_TEXT, min_size=1, max_size=14)
)


@FUZZ
@given(
    header=HEADERS,
    rows=st.lists(st.lists(NASTY_TEXT, max_size=16), max_size=25),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    title=st.lists(NASTY_TEXT, max_size=3),
)
def test_random_csv_is_refused_or_accounted(
    header: list[str], rows: list[list[str]], delimiter: str, encoding: str, title: list[str]
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for line in title:
        writer.writerow([line])
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(buffer.getvalue().encode(encoding, errors="surrogatepass"))
        _account(path)


@FUZZ
@given(values=st.lists(NASTY_TEXT | st.none(), max_size=40))
def test_date_parsing_never_raises(values: list[str | None]) -> None:
    parsed = parse_datetimes(pl.Series("d", values, dtype=pl.String))
    assert parsed.len() == len(values)


@FUZZ
@given(text=NASTY_TEXT)
def test_normalisers_never_raise(text: str) -> None:
    header_key(text)
    name_key(text)
    codes.value_key(text)
    for parse in (codes.status_code, codes.channel_code, codes.yes_no, codes.paid_online,
                  codes.procedure_code, codes.level, codes.online_service, codes.plan_status):  # fmt: skip
        parse(text)
    UnitMatcher(UNITS).match(text)
