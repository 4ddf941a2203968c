"""Read an export file into strings under canonical column names, whatever its layout.

Recognises the file type, the CSV encoding and delimiter, title rows above the header and
total rows below the data, and which kind of export it is (filing records, procedure catalog
or simplification plans) from the header alone. Values stay text here; `etl.clean` types them.
Columns that are not known fields, personal data included, are dropped here and never go on.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import fastexcel
import polars as pl

from etl.aliases import (
    APPLICATION_FIELDS,
    APPLICATION_REQUIRED,
    CATALOG_FIELDS,
    CATALOG_REQUIRED,
    PERSONAL_KEYS,
    PLAN_FIELDS,
    PLAN_REQUIRED,
    alias_index,
)
from etl.errors import UnreadableFile
from etl.text import header_key, nfc

KINDS: dict[str, tuple[dict[str, str], tuple[str, ...]]] = {
    "applications": (alias_index(APPLICATION_FIELDS), APPLICATION_REQUIRED),
    "catalog": (alias_index(CATALOG_FIELDS), CATALOG_REQUIRED),
    "plans": (alias_index(PLAN_FIELDS), PLAN_REQUIRED),
}
KIND_LABELS = {
    "applications": "hồ sơ",
    "catalog": "danh mục TTHC",
    "plans": "phương án đơn giản hóa",
}
# Loading order inside one command: applications are checked against the catalog.
KIND_ORDER = ("catalog", "plans", "applications")

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
PARQUET_SUFFIXES = {".parquet"}
DELIMITERS = (",", ";", "\t")
# Title blocks in real exports are a few lines; a header further down is not a header.
HEADER_SEARCH_ROWS = 30
HEADER_LINE_CHARS = 10_000
# Enough of a CSV to find its header and tell UTF-8 from Windows-1258.
SNIFF_BYTES = 1 << 20
# A row whose first cells say this is a total line, not an application.
# Totals sit at the end of a report; only its last rows are looked at.
TOTAL_SEARCH_ROWS = 5
TOTAL_LABELS = ["tổng cộng", "tong cong", "tổng", "cộng", "tổng số", "total", "grand total"]
# An XLSX that unpacks to more than this is refused unread: a real monthly export is a few
# hundred megabytes unpacked at most, and the reader holds a whole sheet in memory.
MAX_XLSX_UNPACKED_BYTES = 1_500_000_000
# Excel itself stops at 1,048,576 rows; a sheet declaring more was not written by Excel.
MAX_XLSX_ROWS = 1_048_576
SHEET_HEAD_BYTES = 4096
_DIMENSION = re.compile(r'<dimension ref="[A-Z]+\d+(?::[A-Z]+(\d+))?"')
# Combining diacritics (U+0300–U+036F): present only in text that is not NFC.
COMBINING_MARK = "[\u0300-\u036f]"
ROW = "_row"
RAW_HASH = "_raw_hash"


@dataclass
class Header:
    kind: str
    row_index: int  # 0-based row of the header in the file/sheet
    columns: list[str]  # labels as written
    mapping: dict[str, str]  # label -> canonical field, only known fields


@dataclass
class RawTable:
    """One export's rows as text: canonical columns, `_row` (1-based row in the file) and
    `_raw_hash` (a hash of every cell as written, personal columns included, to tell exact
    repeats apart)."""

    kind: str
    frame: pl.DataFrame
    dropped_personal: list[str] = field(default_factory=list)
    dropped_other: list[str] = field(default_factory=list)


def detect_header(rows: list[list[str | None]]) -> Header | None:
    """The best header among the first rows: the kind whose required fields all appear,
    with the most known columns."""
    best: tuple[int, Header] | None = None
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = ["" if cell is None else str(cell) for cell in row]
        keys = [header_key(label) for label in labels]
        for kind, (aliases, required) in KINDS.items():
            mapping = {
                lab: aliases[key] for lab, key in zip(labels, keys, strict=True) if key in aliases
            }
            found = set(mapping.values())
            if not set(required) <= found:
                continue
            score = len(found)
            if best is None or score > best[0]:
                best = (score, Header(kind, index, labels, mapping))
    return best[1] if best else None


def _missing_required_message(rows: list[list[str | None]]) -> str:
    """Say which required columns are missing for the kind the header looks most like."""
    best_kind, best_found, best_missing = None, -1, ()
    for row in rows[:HEADER_SEARCH_ROWS]:
        keys = {header_key("" if c is None else str(c)) for c in row}
        for kind, (aliases, required) in KINDS.items():
            found = {aliases[k] for k in keys if k in aliases}
            if len(found) > best_found:
                missing = tuple(f for f in required if f not in found)
                best_kind, best_found, best_missing = kind, len(found), missing
    if best_kind is None or best_found < 2:
        return "không tìm thấy dòng tiêu đề với tên cột quen thuộc (Mã hồ sơ, Mã TTHC, …)"
    return f"tệp giống {KIND_LABELS[best_kind]} nhưng thiếu cột bắt buộc: " + ", ".join(
        best_missing
    )


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
    # A header is short; cutting long lines keeps the csv module within its field limit.
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


def _csv_head(path: Path) -> tuple[str, str, str, Header | None, list[list[str]]]:
    """(first text, encoding, delimiter, header, first rows) from the start of a CSV."""
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
    return text_head, encoding, delimiter, detect_header(rows), rows


def _read_csv(path: Path) -> tuple[pl.DataFrame, Header]:
    text_head, encoding, delimiter, header, rows = _csv_head(path)
    if header is None:
        raise UnreadableFile(_missing_required_message(rows))
    source: Path | io.BytesIO = path
    if encoding != "utf-8":
        # Polars reads UTF-8 only; other encodings are converted once, in memory. Unicode
        # normalisation is left to `_to_canonical`, column by column.
        try:
            text, _ = _decode(path.read_bytes())
        except UnicodeDecodeError as error:
            raise UnreadableFile(f"không đọc được bảng mã {encoding} của tệp") from error
        source = io.BytesIO(text.encode("utf-8"))
    schema = {f"c{i}": pl.String for i in range(len(header.columns))}
    try:
        frame = _parse_csv(source, delimiter, header.row_index + 1, schema, quote='"')
    except pl.exceptions.ComputeError:
        # An unclosed quote would swallow the rest of the file into one cell. Read the file
        # again with quotes as plain characters: every line stays a row, and the damaged ones
        # are rejected with reasons instead of vanishing.
        if isinstance(source, io.BytesIO):
            source.seek(0)
        try:
            frame = _parse_csv(source, delimiter, header.row_index + 1, schema, quote=None)
        except pl.exceptions.ComputeError as error:
            raise UnreadableFile(f"tệp CSV hỏng ({type(error).__name__})") from error
    except UnicodeDecodeError as error:
        raise UnreadableFile("tệp CSV sai bảng mã giữa chừng") from error
    frame = _pad_columns(frame, len(header.columns))
    return frame, header


def _parse_csv(
    source: Path | io.BytesIO, delimiter: str, skip: int, schema: dict, quote: str | None
) -> pl.DataFrame:
    """The data lines under the header as text; short rows padded with nulls, and a file with
    a header but no rows is an empty table, not an error."""
    try:
        return pl.read_csv(
            source,
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


def _pad_columns(frame: pl.DataFrame, width: int) -> pl.DataFrame:
    names = [f"c{i}" for i in range(width)]
    frame = frame.select(frame.columns[:width])
    for name in names[frame.width :]:
        frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias(name))
    return frame.rename(dict(zip(frame.columns, names, strict=True)))


def check_xlsx_size(path: Path) -> None:
    """Refuse an XLSX whose unpacked size or declared rows are absurd, before opening it.

    An XLSX is a zip: a few megabytes can unpack to gigabytes (a "zip bomb") and the Excel
    reader holds a whole sheet in memory. The zip's directory states each part's size, and a
    sheet states its extent ("A1:Z1048576") in its first bytes; both are read without unpacking.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
            unpacked = sum(part.file_size for part in parts)
            if unpacked > MAX_XLSX_UNPACKED_BYTES:
                raise UnreadableFile(
                    f"tệp Excel giải nén ra {unpacked / 1e9:.1f} GB, quá giới hạn "
                    f"{MAX_XLSX_UNPACKED_BYTES / 1e9:.1f} GB; hãy xuất ra CSV"
                )
            for part in parts:
                if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
                    with archive.open(part) as sheet_xml:
                        head = sheet_xml.read(SHEET_HEAD_BYTES).decode("utf-8", "replace")
                    rows = _declared_rows(head)
                    if rows > MAX_XLSX_ROWS:
                        limit = f"{MAX_XLSX_ROWS:,}"
                        raise UnreadableFile(
                            f"trang tính khai báo {rows:,} dòng, quá giới hạn {limit} dòng"
                        )
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise UnreadableFile(f"không mở được tệp Excel ({type(error).__name__})") from error


def _declared_rows(sheet_head: str) -> int:
    """The last row of the sheet's <dimension ref="A1:Z100"/>, or 0 if it states none."""
    match = _DIMENSION.search(sheet_head)
    return int(match.group(1)) if match and match.group(1) else 0


def _excel_sheet(path: Path, sheet: str | int | None, n_rows: int | None) -> pl.DataFrame:
    check_xlsx_size(path)
    try:
        reader = fastexcel.read_excel(str(path))
        target = sheet if sheet is not None else 0
        loaded = reader.load_sheet(target, header_row=None, dtypes="string", n_rows=n_rows)
        return loaded.to_polars()
    except Exception as error:  # fastexcel raises its own exception types per failure
        raise UnreadableFile(f"không mở được tệp Excel ({type(error).__name__})") from error


def _read_excel(path: Path, sheet: str | int | None) -> tuple[pl.DataFrame, Header]:
    full = _excel_sheet(path, sheet, None)
    head_rows = [list(r) for r in full.head(HEADER_SEARCH_ROWS).iter_rows()]
    header = detect_header([[None if c is None else nfc(str(c)) for c in r] for r in head_rows])
    if header is None:
        raise UnreadableFile(_missing_required_message(head_rows))
    frame = full.slice(header.row_index + 1)
    frame = frame.rename(
        dict(zip(frame.columns, [f"c{i}" for i in range(frame.width)], strict=True))
    )
    return _pad_columns(frame, len(header.columns)), header


def _read_parquet(path: Path) -> tuple[pl.DataFrame, Header]:
    try:
        full = pl.read_parquet(path)
    except Exception as error:  # Polars raises several types for a broken Parquet file
        raise UnreadableFile(f"không mở được tệp Parquet ({type(error).__name__})") from error
    header = detect_header([list(full.columns)])
    if header is None:
        raise UnreadableFile(_missing_required_message([list(full.columns)]))
    frame = full.select(
        [
            (
                pl.col(c).dt.strftime("%Y-%m-%d %H:%M:%S")
                if full.schema[c].is_temporal()
                else pl.col(c)
            )
            .cast(pl.String)
            .alias(f"c{i}")
            for i, c in enumerate(full.columns)
        ]
    )
    header.row_index = -1  # no header row: data start on the first row
    return frame, header


def peek_kind(path: Path) -> str | None:
    """The kind of export a file holds, from its header only; None if it cannot tell."""
    suffix = path.suffix.lower()
    try:
        if suffix in CSV_SUFFIXES:
            header = _csv_head(path)[3]
        elif suffix in EXCEL_SUFFIXES:
            head = _excel_sheet(path, None, HEADER_SEARCH_ROWS)
            header = detect_header(
                [[None if c is None else str(c) for c in r] for r in head.iter_rows()]
            )
        elif suffix in PARQUET_SUFFIXES:
            header = detect_header([list(pl.read_parquet_schema(path))])
        else:
            return None
    except (UnreadableFile, OSError, pl.exceptions.PolarsError):
        return None
    return header.kind if header else None


def read_export(path: Path, sheet: str | int | None = None) -> RawTable:
    """Read one export file; raise UnreadableFile with a plain reason when it cannot be used."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnreadableFile("không tìm thấy tệp")
    if suffix in CSV_SUFFIXES:
        frame, header = _read_csv(path)
    elif suffix in EXCEL_SUFFIXES:
        frame, header = _read_excel(path, sheet)
    elif suffix in PARQUET_SUFFIXES:
        frame, header = _read_parquet(path)
    else:
        raise UnreadableFile(
            f"kiểu tệp '{suffix or 'không đuôi'}' không được hỗ trợ (CSV, XLSX, Parquet)"
        )
    return _to_canonical(frame, header)


def _trailing_totals(frame: pl.DataFrame, cells: list[str]) -> pl.Series:
    """Row labels of total lines at the end of the data ("Tổng cộng"), to be left out."""
    tail = frame.tail(TOTAL_SEARCH_ROWS)
    is_total = pl.any_horizontal(
        [
            pl.col(c)
            .str.strip_chars()
            .str.to_lowercase()
            .str.replace_all(r"[\s:.]+$", "")
            .is_in(TOTAL_LABELS)
            .fill_null(False)
            for c in cells[:3]
        ]
    )
    return tail.filter(is_total).get_column(ROW)


def _to_canonical(frame: pl.DataFrame, header: Header) -> RawTable:
    cells = [f"c{i}" for i in range(len(header.columns))]
    frame = frame.with_row_index(ROW, offset=header.row_index + 2)
    # Blank lines and trailing total lines are layout, not applications: not rows read.
    frame = frame.filter(pl.any_horizontal([pl.col(c).is_not_null() for c in cells]))
    frame = frame.filter(~pl.col(ROW).is_in(_trailing_totals(frame, cells).implode()))
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
    selected = [pl.col(ROW).cast(pl.Int64), pl.col(RAW_HASH)] + [
        pl.coalesce([_trimmed(c) for c in columns]).alias(name)
        for name, columns in by_field.items()
    ]
    return RawTable(header.kind, _composed(frame.select(selected)), personal, other)


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
