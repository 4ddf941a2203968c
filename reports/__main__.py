"""Command line for scheduled reports, no browser needed (see README):

    python -m reports bieu-06a --from 2025-07-01 --to 2025-08-20 [--unit CODE ...] --out FILE.xlsx
    python -m reports league-table --from 2025-07-01 --to 2025-08-20 --out FILE.csv  (or .xlsx)
    python -m reports pdf --from 2025-07-01 --to 2025-08-20 [--unit CODE|NAME ...] --out FILE.pdf
    python -m reports workload --from 2025-07-01 --to 2025-08-20 --out FILE.xlsx  (or .csv)
    python -m reports index-766 --from 2025-07-01 --to 2025-08-20 [--unit …] --out FILE.xlsx (.csv)
    python -m reports monthly --from 2025-07-01 --to 2025-12-31 [--unit …] --out FILE.xlsx (.csv)
    python -m reports lock --from 2025-07-01 --to 2025-08-20 --by NAME [--note TEXT]
    python -m reports locks

Every command takes the same scope: dates as YYYY-MM-DD or DD/MM/YYYY, `--unit` as 5-digit codes
or names, `--province CODE ...` (e.g. `--province 31 79`) to report on some provinces of a
warehouse that holds several (without it, on all of them), and `--warehouse PATH` (default the
one the app reads: `WAREHOUSE_PATH`, else data/warehouse.duckdb).

Every error, whichever command and whatever its cause (a bad argument, a missing warehouse, an
unwritable file, no Chromium for the PDF), is one Vietnamese line `Lỗi: …` on stderr and exit
status 2; no traceback, no usage dump.
"""

from __future__ import annotations

import argparse
import errno
import re
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import NoReturn

import duckdb
import polars as pl

from etl.dates import local_now
from etl.settings import warehouse_path
from metrics.bieu_06a import form_rows
from metrics.connection import WarehouseMissing, snapshot
from metrics.data_span import data_until
from metrics.filters import Filters
from metrics.index_766 import index_766, unit_totals
from metrics.monthly import monthly_rows
from metrics.options import filter_options
from metrics.units_league import AGENCY_KINDS, league_table
from metrics.workload import staffing_date, unit_field_workload
from present import index_766 as index_766_tables
from present import league
from present import workload as workload_tables
from present.format import LANGS, Lang
from present.monthly import monthly_table
from present.places import place_name
from present.report import build_report
from present.strings import t, t_or
from present.tables import Kind, kinds, labelled
from present.view import data_until_text
from reports import lock_command, pdf_command
from reports.bieu_06a import bieu_06a_file
from reports.document_html import report_pdf
from reports.header import HeaderBlock, header_block
from reports.render import ChromiumMissing, PrintFailed, stop_figure_server
from reports.writers import csv_bytes, side_note, side_note_path, xlsx_bytes

LANG: Lang = "vi"  # the command line speaks Vietnamese; `pdf --lang` is the report's language
EXIT_ERROR = 2
SUFFIXES = {
    "bieu-06a": (".xlsx",),
    "league-table": (".csv", ".xlsx"),
    "pdf": (".pdf",),
    "workload": (".xlsx", ".csv"),
    "index-766": (".xlsx", ".csv"),
    "monthly": (".xlsx", ".csv"),
}
# argparse's own messages are English; these are the ones a person can cause, in Vietnamese.
ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (?P<names>.+)"), "cli.missing"),
    (re.compile(r"unrecognized arguments: (?P<names>.+)"), "cli.unrecognized"),
    (
        re.compile(
            r"argument (?P<name>\S+): invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)"
        ),
        "cli.bad_choice",
    ),
    (re.compile(r"argument (?P<name>\S+): expected .*argument"), "cli.needs_value"),
)


class CommandError(Exception):
    """A problem a person can fix, already put in words for them."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one Vietnamese line (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        _fail(_in_vietnamese(message))


def _in_vietnamese(message: str) -> str:
    for pattern, key in ARGPARSE_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return t(key, LANG, **found.groupdict())
    return t("cli.bad_arguments", LANG, detail=message)


def _fail(message: str) -> NoReturn:
    print(t("cli.error", LANG, message=" ".join(message.split())), file=sys.stderr)
    sys.exit(EXIT_ERROR)


def _day(text: str) -> date:
    """A date as YYYY-MM-DD or as Vietnamese write it, DD/MM/YYYY."""
    try:
        if "/" in text:
            return datetime.strptime(text, "%d/%m/%Y").date()
        return date.fromisoformat(text)
    except ValueError:
        _fail(t("cli.bad_date", LANG, value=text))


def _province(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        _fail(t("cli.bad_province_code", LANG, value=text))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m reports", description=__doc__.splitlines()[0])
    # The command's name in messages ("thiếu tham số bắt buộc: lệnh"), never "command".
    commands = parser.add_subparsers(
        dest="command", metavar="lệnh", required=True, parser_class=_Parser
    )
    for name in SUFFIXES:
        command = commands.add_parser(name)
        for option, dest in (("--from", "start"), ("--to", "end")):
            command.add_argument(
                option, dest=dest, type=_day, required=True, help="YYYY-MM-DD | DD/MM/YYYY"
            )
        command.add_argument(
            "--unit", nargs="+", action="extend", default=[], help="mã (11311, 31.STC) hoặc tên"
        )
        command.add_argument("--province", nargs="+", type=_province, default=[], help="mã tỉnh")
        command.add_argument("--warehouse", type=Path, default=None, help="mặc định WAREHOUSE_PATH")
        command.add_argument("--out", type=Path, required=True, help=" | ".join(SUFFIXES[name]))
    commands.choices["pdf"].add_argument("--lang", choices=LANGS, default="vi")
    lock_command.add_commands(commands, _day)
    return parser


def _check(args: argparse.Namespace) -> Path:
    """The warehouse to read, once the arguments make sense without it."""
    if args.start > args.end:
        raise CommandError(t("cli.bad_period", LANG, start=args.start, end=args.end))
    if args.out.suffix.lower() not in SUFFIXES[args.command]:
        suffixes = ", ".join(SUFFIXES[args.command])
        raise CommandError(t("cli.bad_suffix", LANG, suffixes=suffixes, path=args.out))
    path = args.warehouse or warehouse_path()
    if not path.is_file():
        raise CommandError(t("cli.no_warehouse", LANG, path=path))
    return path


def _table_file(path: Path, args: argparse.Namespace) -> dict[Path, bytes]:
    with snapshot(path) as con:
        options = filter_options(con)
        filters = pdf_command.scoped_filters(
            options, args.start, args.end, args.unit, args.province
        )
        province = place_name(options, filters.province_codes, LANG)
        if args.command == "bieu-06a":
            until = data_until(con, filters)
            if until is not None:
                print(data_until_text(until, LANG))
            form = bieu_06a_file(form_rows(con, filters), filters, options, province, LANG, until)
            return {args.out: form}
        if args.command == "monthly":
            frame, column_kinds = monthly_table(monthly_rows(con, filters), LANG)
            header = header_block(t("monthly.title", LANG), filters, options, province, LANG)
            return _frame_file(args.out, frame, header, column_kinds)
        if args.command == "workload":
            if staffing_date(con, filters) is None:
                raise CommandError(t("cli.no_staffing", LANG))
            rows = workload_tables.with_texts(unit_field_workload(con, filters), LANG)
            columns, title = workload_tables.UNIT_FIELDS, "workload.title"
        elif args.command == "index-766":
            rows = _index_766_rows(con, filters)
            columns, title = index_766_tables.RANKING_COLUMNS, "i766.file_title"
        else:
            rows = league.every_unit_rows(
                league_table(con, filters), league_table(con, filters, AGENCY_KINDS), LANG
            )
            columns, title = league.COLUMNS, "league.file_title"
    header = header_block(t(title, LANG), filters, options, province, LANG)
    return _frame_file(args.out, labelled(rows, columns, LANG), header, kinds(columns, LANG))


def _frame_file(
    out: Path, frame: pl.DataFrame, header: HeaderBlock, column_kinds: dict[str, Kind]
) -> dict[Path, bytes]:
    """A table as CSV (with its side note) or as XLSX under the header block, by `out`'s suffix."""
    if out.suffix.lower() == ".csv":
        return {out: csv_bytes(frame, column_kinds), side_note_path(out): side_note(header)}
    return {out: xlsx_bytes(frame, header, column_kinds)}


def _index_766_rows(con: duckdb.DuckDBPyConnection, filters: Filters) -> pl.DataFrame:
    """Every unit's Bộ chỉ số 766 points, ranked among all the city's units (as on the page);
    with `--unit`, only those units' rows."""
    every = replace(filters, unit_codes=())
    rows = index_766_tables.every_unit_rows(unit_totals(index_766(con, every)), LANG)
    if filters.unit_codes:
        rows = rows.filter(pl.col("unit_code").is_in(filters.unit_codes))
    return rows


def _content(args: argparse.Namespace) -> dict[Path, bytes]:
    """The files the command makes (a CSV comes with its side note), or a CommandError that
    says why it cannot."""
    path = _check(args)
    try:
        if args.command == "pdf":
            view, metrics = pdf_command.load_report_view(
                path, args.start, args.end, args.unit, args.lang, args.province
            )
            return {args.out: report_pdf(build_report(view, metrics, local_now()))}
        return _table_file(path, args)
    except pdf_command.AmbiguousUnit as ambiguous:
        names = ", ".join(ambiguous.names)
        raise CommandError(
            t("cli.ambiguous_unit", LANG, unit=ambiguous.text, names=names)
        ) from ambiguous
    except pdf_command.UnknownUnit as unknown:
        raise CommandError(t("cli.bad_unit", LANG, unit=unknown)) from unknown
    except pdf_command.UnknownProvince as unknown:
        raise CommandError(t("cli.bad_province", LANG, code=unknown)) from unknown
    except WarehouseMissing as missing:  # removed between the check and the read
        raise CommandError(t("cli.no_warehouse", LANG, path=path)) from missing
    except duckdb.Error as error:
        raise CommandError(t("cli.broken_warehouse", LANG, path=path)) from error
    except ChromiumMissing as missing:
        raise CommandError(t("cli.no_chromium", LANG)) from missing
    except PrintFailed as error:
        raise CommandError(t("cli.print_failed", LANG, detail=error)) from error


def _write(out: Path, content: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    except OSError as error:
        code = errno.errorcode.get(error.errno or 0, "")
        reason = t_or(f"cli.os.{code}", error.strerror or type(error).__name__, LANG)
        raise CommandError(t("cli.cannot_write", LANG, path=out, reason=reason)) from error


def _locks(args: argparse.Namespace) -> int:
    """`lock` and `locks` (reports.lock_command): lines on stdout, or one error line."""
    try:
        lines = lock_command.run(args, LANG)
    except FileNotFoundError as missing:
        _fail(t("cli.no_warehouse", LANG, path=missing))
    except ValueError as wrong:
        _fail(str(wrong))
    except duckdb.Error:
        _fail(t("cli.broken_warehouse", LANG, path=args.warehouse or warehouse_path()))
    print("\n".join(lines))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in lock_command.COMMANDS:
        return _locks(args)
    try:
        files = _content(args)
        for out, content in files.items():
            _write(out, content)
    except CommandError as error:
        _fail(str(error))
    finally:
        stop_figure_server()
    for out in files:
        print(t("cli.written", LANG, path=out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
