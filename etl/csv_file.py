"""CSV exports: encoding, delimiter and header from the start of the file, then every row as
text cells, with how many cells each line really had.

Cell counts matter because an unquoted comma (an address "12 Phố X, Hồng Bàng") shifts every
later cell one column to the right, and a line broken inside a cell leaves two short rows:
such a row's cells no longer say what their header says, so the loader keeps nothing of it
but the identifiers that validate (`etl.applications`). Polars pads short rows and drops
extra cells without saying so; the counts come from a second, cheap read of the raw lines.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from etl.errors import UnreadableFile
from etl.header import HEADER_SEARCH_ROWS, Header, detect_header, missing_header_message
from etl.text import nfc

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
DELIMITERS = (",", ";", "\t")
# A header is short; cutting long lines keeps the csv module within its field limit.
HEADER_LINE_CHARS = 10_000
# Enough of a CSV to find its header and tell UTF-8 from Windows-1258.
SNIFF_BYTES = 1 << 20
# A byte no export writes: reading with it as the separator gives one cell per line.
LINE_SEPARATOR = "\x1f"
CELLS = "_cells"
_QUOTED = r'"(?:[^"]|"")*"'


@dataclass(frozen=True)
class Dialect:
    encoding: str
    delimiter: str


def _decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: BOMs first, then UTF-8, else Windows-1258."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1258"), "cp1258"


def _sniff_rows(text: str) -> tuple[list[list[str]], str]:
    """Split the first lines with each delimiter; keep the split that finds a header."""
    lines = [line[:HEADER_LINE_CHARS] for line in text.splitlines()[:HEADER_SEARCH_ROWS]]
    best: tuple[int, list[list[str]], str] | None = None
    for delimiter in DELIMITERS:
        rows = list(csv.reader(lines, delimiter=delimiter))
        header = detect_header(rows)
        score = len(header.mapping) if header else 0
        if best is None or score > best[0]:
            best = (score, rows, delimiter)
    assert best is not None
    return best[1], best[2]


def inspect_csv(path: Path) -> tuple[Header, Dialect]:
    """The header and dialect, from the first megabyte of the file."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    # Cut after the last newline so a multi-byte character is never split; a UTF-16
    # newline is two bytes.
    newline = {b"\xff\xfe": b"\n\x00", b"\xfe\xff": b"\x00\n"}.get(head[:2], b"\n")
    cut = head.rfind(newline)
    whole = cut < 0 or len(head) < SNIFF_BYTES
    sample = head if whole else head[: cut + len(newline)]
    try:
        text_head, encoding = _decode(sample)
    except UnicodeDecodeError as error:
        raise UnreadableFile("không đọc được bảng mã của tệp CSV") from error
    rows, delimiter = _sniff_rows(nfc(text_head))
    header = detect_header(rows)
    if header is None:
        raise UnreadableFile(missing_header_message(rows))
    return header, Dialect(encoding, delimiter)


def read_csv_cells(
    path: Path, header: Header, dialect: Dialect
) -> tuple[pl.DataFrame, pl.Series | None]:
    """The data lines under the header as text cells c0…cN, and each line's cell count
    (None where the lines and the parsed rows cannot be paired)."""
    source: Path | io.BytesIO = path
    if dialect.encoding != "utf-8":
        # Polars reads UTF-8 only; other encodings are converted once, in memory. Unicode
        # normalisation is left to the reader, column by column.
        try:
            text, _ = _decode(path.read_bytes())
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"không đọc được bảng mã {dialect.encoding} của tệp") from error
        source = io.BytesIO(text.encode("utf-8"))
    width = len(header.columns)
    schema = {f"c{i}": pl.String for i in range(width)}
    skip = header.row_index + 1
    quote: str | None = '"'
    try:
        frame = _parse(source, dialect.delimiter, skip, schema, quote)
    except pl.exceptions.ComputeError:
        # An unclosed quote would swallow the rest of the file into one cell. Read the file
        # again with quotes as plain characters: every line stays a row, and the damaged ones
        # are rejected with reasons instead of vanishing.
        quote = None
        try:
            frame = _parse(source, dialect.delimiter, skip, schema, quote)
        except pl.exceptions.ComputeError as error:
            raise UnreadableFile("tệp CSV hỏng, không tách được các cột") from error
    except UnicodeDecodeError as error:
        raise UnreadableFile("tệp CSV sai bảng mã giữa chừng") from error
    counts = _cell_counts(source, _Lines(dialect.delimiter, skip, quote, frame.height, width))
    return frame, counts


def _rewound(source: Path | io.BytesIO) -> Path | io.BytesIO:
    if isinstance(source, io.BytesIO):
        source.seek(0)
    return source


def _parse(
    source: Path | io.BytesIO, delimiter: str, skip: int, schema: dict, quote: str | None
) -> pl.DataFrame:
    """The data lines under the header as text; short rows padded with nulls, and a file with
    a header but no rows is an empty table, not an error."""
    try:
        return pl.read_csv(
            _rewound(source),
            separator=delimiter,
            has_header=False,
            skip_lines=skip,
            schema=schema,
            missing_columns="insert",
            extra_columns="ignore",
            truncate_ragged_lines=True,
            quote_char=quote,
            encoding="utf8",
        )
    except pl.exceptions.NoDataError:
        return pl.DataFrame(schema=schema)


@dataclass(frozen=True)
class _Lines:
    """How the data lines were parsed: what their cells are counted against."""

    delimiter: str
    skip: int
    quote: str | None
    rows: int  # rows the parse gave
    width: int  # cells in the header


def _cell_counts(source: Path | io.BytesIO, lines: _Lines) -> pl.Series | None:
    """Cells per data row. Delimiters inside quotes do not count; extra cells that are all
    empty (a trailing delimiter on every line) do not make a row misaligned."""
    try:
        text = pl.read_csv(
            _rewound(source),
            separator=LINE_SEPARATOR,
            has_header=False,
            skip_lines=lines.skip,
            schema={"line": pl.String},
            truncate_ragged_lines=True,
            quote_char=None,
            encoding="utf8",
        ).get_column("line")
    except pl.exceptions.NoDataError:
        text = pl.Series("line", [], dtype=pl.String)
    except pl.exceptions.SchemaError:  # a cell holds the line separator itself
        return _cell_counts_by_record(source, lines)
    if text.len() != lines.rows:
        # A quoted cell spans lines: count records the slow way, quote-aware.
        return _cell_counts_by_record(source, lines)
    text = text.fill_null("")
    if lines.quote is not None:
        text = pl.select(
            pl.when(text.str.contains('"', literal=True))
            .then(text.str.replace_all(_QUOTED, ""))
            .otherwise(text)
            .alias("line")
        ).to_series()
    counts = text.str.count_matches(lines.delimiter, literal=True).cast(pl.Int32) + 1
    trimmed = text.str.strip_chars_end(lines.delimiter + " \r")
    trimmed_counts = trimmed.str.count_matches(lines.delimiter, literal=True).cast(pl.Int32) + 1
    padded = (counts > lines.width) & (trimmed_counts <= lines.width)
    return pl.select(pl.when(padded).then(lines.width).otherwise(counts)).to_series().alias(CELLS)


def _cell_counts_by_record(source: Path | io.BytesIO, lines: _Lines) -> pl.Series | None:
    raw = _rewound(source)
    data = raw.read() if isinstance(raw, io.BytesIO) else raw.read_bytes()
    text = io.StringIO(data.decode("utf-8", "replace"), newline="")
    for _ in range(lines.skip):
        text.readline()
    options = {"quotechar": lines.quote} if lines.quote else {"quoting": csv.QUOTE_NONE}
    counts = []
    try:
        for record in csv.reader(text, delimiter=lines.delimiter, **options):
            while len(record) > lines.width and not record[-1].strip():
                record.pop()
            counts.append(len(record) or 1)
    except csv.Error:  # a cell beyond the csv module's limit: the rows cannot be paired
        return None
    if len(counts) != lines.rows:
        return None
    return pl.Series(CELLS, counts, dtype=pl.Int32)
