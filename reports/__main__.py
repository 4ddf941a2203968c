"""Command line for scheduled reports, no browser needed (see README):

    python -m reports bieu-06a --from 2025-07-01 --to 2025-08-20 [--unit CODE ...] --out FILE.xlsx
    python -m reports league-table --from 2025-07-01 --to 2025-08-20 --out FILE.csv  (or .xlsx)
    python -m reports pdf --from 2025-07-01 --to 2025-08-20 [--unit CODE|NAME ...] --out FILE.pdf

Every command takes `--province CODE ...` (e.g. `--province 31 79`) to report on some
provinces of a warehouse that holds several; without it, on all of them.

The warehouse is the one the app reads (`WAREHOUSE_PATH`, default data/warehouse.duckdb).
A bad argument gets one plain line on stderr and exit status 2; no traceback.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import NoReturn

from etl.settings import warehouse_path
from metrics.bieu_06a import form_rows
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.options import filter_options
from metrics.units_league import league_table
from present import league
from present.format import Lang
from present.places import place_name
from present.strings import t
from present.tables import kinds, labelled
from reports import pdf_command
from reports.bieu_06a import bieu_06a_file
from reports.header import header_block
from reports.writers import csv_bytes, xlsx_bytes

LANG: Lang = "vi"
EXIT_BAD_ARGUMENTS = 2
SUFFIXES = {"bieu-06a": (".xlsx",), "league-table": (".csv", ".xlsx")}


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad argument in one Vietnamese line (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        _fail(message)


def _fail(message: str) -> NoReturn:
    print(t("cli.error", LANG, message=message), file=sys.stderr)
    sys.exit(EXIT_BAD_ARGUMENTS)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        _fail(t("cli.bad_date", LANG, value=text))


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m reports", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in SUFFIXES:
        command = commands.add_parser(name)
        command.add_argument("--from", dest="start", type=_day, required=True, help="YYYY-MM-DD")
        command.add_argument("--to", dest="end", type=_day, required=True, help="YYYY-MM-DD")
        command.add_argument("--unit", nargs="+", default=[], help="mã đơn vị (5 chữ số)")
        command.add_argument("--province", nargs="+", type=int, default=[], help="mã tỉnh")
        command.add_argument("--out", type=Path, required=True)
    pdf_command.add_command(commands)  # the A4 report; its own options and checks
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "pdf":
        return pdf_command.run(args)
    if args.start > args.end:
        _fail(t("cli.bad_period", LANG, start=args.start, end=args.end))
    if args.out.suffix.lower() not in SUFFIXES[args.command]:
        _fail(t("cli.bad_suffix", LANG, suffixes=", ".join(SUFFIXES[args.command]), path=args.out))
    if not warehouse_path().exists():
        _fail(t("cli.no_warehouse", LANG, path=warehouse_path()))
    filters = Filters(
        args.start, args.end, unit_codes=tuple(args.unit), province_codes=tuple(args.province)
    )
    with snapshot() as con:
        options = filter_options(con)
        held = {code for code, _ in options.provinces}
        for code in filters.province_codes:
            if code not in held:
                _fail(t("cli.bad_province", LANG, code=code))
        province = place_name(options, filters.province_codes, LANG)
        known = {unit.code for unit in options.units}
        for code in filters.unit_codes:
            if code not in known:
                _fail(t("cli.bad_unit", LANG, code=code))
        if args.command == "bieu-06a":
            content = bieu_06a_file(form_rows(con, filters), filters, options, province, LANG)
        else:
            frame = labelled(
                league.league_rows(league_table(con, filters), LANG), league.COLUMNS, LANG
            )
            header = header_block(t("units.title", LANG), filters, options, province, LANG)
            if args.out.suffix.lower() == ".csv":
                content = csv_bytes(frame, header)
            else:
                content = xlsx_bytes(frame, header, kinds(league.COLUMNS, LANG), league.SUBJECT)
    try:
        args.out.write_bytes(content)
    except OSError as error:
        _fail(t("cli.cannot_write", LANG, path=args.out, reason=error.strerror or error))
    print(t("cli.written", LANG, path=args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
