"""Read an export file into strings under canonical column names, whatever its layout.

A file is looked at once (`inspect`): its type, the CSV encoding and delimiter, title rows above
the header, which kind of export each table is (filing records, procedure catalog or
simplification plans) from its header alone, and, in a workbook, which sheets hold data. Each
table of the file (the file itself, or one sheet) is then read once (`read_part`): the block
under the data (totals, signatures, names) is cut off and counted, and every cell of a column
that is not a known field, personal data included, is dropped here and never goes on. Values
stay text; `etl.applications` and `etl.catalog` type them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polars as pl

from etl.aliases import PERSONAL_KEYS
from etl.csv_file import CELLS, CSV_SUFFIXES, Dialect, inspect_csv, read_csv_cells
from etl.dates import local_timestamps
from etl.errors import UnreadableFile
from etl.excel_file import EXCEL_SUFFIXES, inspect_workbook, pad_cells, read_sheet
from etl.footer import footer_rows
from etl.header import Header, detect_header, missing_header_message
from etl.text import header_key

PARQUET_SUFFIXES = {".parquet"}
# Loading order inside one command: applications are checked against the catalog.
KIND_ORDER = ("catalog", "plans", "applications", "staffing")
# Combining diacritics (U+0300–U+036F): present only in text that is not NFC.
COMBINING_MARK = "[\u0300-\u036f]"
ROW = "_row"
RAW_HASH = "_raw_hash"


@dataclass
class Part:
    """One table of a file: the whole CSV or Parquet file, or one sheet of a workbook."""

    header: Header
    sheet: str | None = None

    @property
    def kind(self) -> str:
        return self.header.kind


@dataclass
class Source:
    """What `inspect` learnt about a file: enough to read each of its tables once."""

    path: Path
    parts: list[Part]
    passed_over: list[str] = field(default_factory=list)  # sheets without data
    dialect: Dialect | None = None  # CSV only

    @property
    def kinds(self) -> list[str]:
        return [part.kind for part in self.parts]


@dataclass
class RawTable:
    """One table's rows as text: canonical columns, `_row` (1-based row in the file or sheet),
    `_raw_hash` (a hash of every cell as written, personal columns included, to tell exact
    repeats apart) and `_cells` (cells as written in a CSV, where a row can have too few or too
    many; null in a workbook or Parquet file, whose cells cannot shift)."""

    kind: str
    frame: pl.DataFrame
    fields: set[str]  # the canonical fields the header has
    width: int  # cells in the header
    sheet: str | None = None
    footer_lines: int = 0
    dropped_personal: list[str] = field(default_factory=list)
    dropped_other: list[str] = field(default_factory=list)


def inspect(path: Path) -> Source:
    """Type, dialect and the header of every table; raise UnreadableFile when there is none."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnreadableFile("không tìm thấy tệp")
    if suffix in CSV_SUFFIXES:
        header, dialect = inspect_csv(path)
        return Source(path, [Part(header)], dialect=dialect)
    if suffix in EXCEL_SUFFIXES:
        sheets, passed_over = inspect_workbook(path)
        return Source(path, [Part(header, sheet) for sheet, header in sheets], passed_over)
    if suffix in PARQUET_SUFFIXES:
        return Source(path, [Part(_parquet_header(path))])
    raise UnreadableFile(
        f"kiểu tệp '{suffix or 'không đuôi'}' không được hỗ trợ (CSV, XLSX, Parquet)"
    )


def _parquet_header(path: Path) -> Header:
    try:
        columns = list(pl.read_parquet_schema(path))
    except Exception as error:  # Polars raises several types for a broken Parquet file
        raise UnreadableFile("không mở được tệp Parquet: tệp hỏng") from error
    header = detect_header([columns])
    if header is None:
        raise UnreadableFile(missing_header_message([columns]))
    header.row_index = -1  # no header row: data start on the first row
    return header


def _parquet_cells(path: Path) -> pl.DataFrame:
    """Every column as text; timestamps with a zone in local wall-clock time."""
    try:
        full = pl.read_parquet(path)
        return pl.DataFrame(
            [
                local_timestamps(full.get_column(c)).alias(f"c{i}")
                for i, c in enumerate(full.columns)
            ]
        )
    except Exception as error:  # Polars raises several types for a broken Parquet file
        raise UnreadableFile(
            "không mở được tệp Parquet: tệp hỏng hoặc có cột không đọc được"
        ) from error


def read_part(source: Source, part: Part) -> RawTable:
    """One table of an inspected file, as text under canonical names."""
    header = part.header
    counts: pl.Series | None = None
    if source.dialect is not None:
        frame, counts = read_csv_cells(source.path, header, source.dialect)
    elif part.sheet is not None:
        frame = read_sheet(source.path, part.sheet, header)
    else:
        frame = pad_cells(_parquet_cells(source.path), len(header.columns))
    if counts is not None:
        frame = frame.with_columns(counts.alias(CELLS))
    else:
        frame = frame.with_columns(pl.lit(None, dtype=pl.Int32).alias(CELLS))
    return _to_canonical(frame, header, part.sheet)


def read_export(path: Path) -> list[RawTable]:
    """Every table of a file (inspection and reading in one step)."""
    source = inspect(path)
    return [read_part(source, part) for part in source.parts]


def _to_canonical(frame: pl.DataFrame, header: Header, sheet: str | None) -> RawTable:
    cells = [f"c{i}" for i in range(len(header.columns))]
    frame = frame.with_row_index(ROW, offset=header.row_index + 2)
    # Blank lines are layout, not applications: not rows read.
    frame = frame.filter(pl.any_horizontal([pl.col(c).is_not_null() for c in cells]))
    code_cells = [
        cell
        for cell, label in zip(cells, header.columns, strict=True)
        if header.mapping.get(label) == "procedure_code"
    ]
    footer = footer_rows(frame, cells, code_cells, ROW)
    if footer:
        frame = frame.filter(~pl.col(ROW).is_in(pl.Series(footer, dtype=pl.UInt32).implode()))
    # Hash of every cell as written (personal ones too): equal hashes mark exact repeats.
    frame = frame.with_columns(pl.struct(cells).hash().alias(RAW_HASH))
    by_field: dict[str, list[str]] = {}
    personal, other = [], []
    for cell, label in zip(cells, header.columns, strict=True):
        canonical = header.mapping.get(label)
        if canonical:
            by_field.setdefault(canonical, []).append(cell)
        elif header_key(label) in PERSONAL_KEYS:
            personal.append(label)
        elif label.strip():
            other.append(label)
    selected = [pl.col(ROW).cast(pl.Int64), pl.col(RAW_HASH), pl.col(CELLS)] + [
        pl.coalesce([_trimmed(c) for c in columns]).alias(name)
        for name, columns in by_field.items()
    ]
    return RawTable(
        header.kind,
        _composed(frame.select(selected)),
        set(by_field),
        len(cells),
        sheet,
        len(footer),
        personal,
        other,
    )


def _trimmed(cell: str) -> pl.Expr:
    """The cell without surrounding spaces; an empty cell is missing."""
    return pl.col(cell).str.strip_chars().replace("", None)


def _composed(frame: pl.DataFrame) -> pl.DataFrame:
    """NFC text in every column that holds a combining mark (NFD or Windows-1258 exports);
    the check is cheap, the normalisation only runs where it is needed."""
    decomposed = [
        name
        for name, dtype in frame.schema.items()
        if dtype == pl.String and frame.get_column(name).str.contains(COMBINING_MARK).any()
    ]
    return frame.with_columns(pl.col(decomposed).str.normalize("NFC")) if decomposed else frame
