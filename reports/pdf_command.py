"""`python -m reports pdf --from 2025-07-01 --to 2025-08-20 [--unit …] --out FILE.pdf`: the
dashboard's A4 report made without a browser session, for scheduled sending.

It reads the same warehouse (`WAREHOUSE_PATH`) through the same metrics as the report page,
so a PDF made by cron and one downloaded from the page for the same view are identical
except for the time they were made.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from etl.settings import warehouse_path
from metrics.connection import WarehouseMissing, current_version, snapshot
from metrics.filters import Filters
from metrics.freshness import freshness
from metrics.options import FilterOptions, filter_options
from present.format import LANGS, Lang
from present.places import place_name
from present.report import ReportMetrics, build_report, gather
from present.strings import t
from present.view import View
from reports.document_html import report_pdf
from reports.render import ChromiumMissing, PrintFailed

EXIT_FAILURE = 1
EXIT_USAGE = 2


def _day(text: str) -> date:
    """A date as YYYY-MM-DD or as Vietnamese write it, DD/MM/YYYY."""
    try:
        if "/" in text:
            return datetime.strptime(text, "%d/%m/%Y").date()
        return date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text}: YYYY-MM-DD / DD/MM/YYYY") from error


def add_command(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("pdf", help="báo cáo A4 (PDF) cho một kỳ / the A4 report as a PDF")
    parser.add_argument("--from", dest="start", type=_day, required=True, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=_day, required=True, help="YYYY-MM-DD")
    parser.add_argument(
        "--unit",
        nargs="+",
        action="extend",
        default=[],
        help="mã (5 chữ số) hoặc tên phường, xã / unit codes or names",
    )
    parser.add_argument(
        "--province", nargs="+", type=int, default=[], help="mã tỉnh / province codes"
    )
    parser.add_argument("--lang", choices=LANGS, default="vi")
    parser.add_argument("--warehouse", type=Path, default=None, help="mặc định WAREHOUSE_PATH")
    parser.add_argument("--out", type=Path, required=True, help="FILE.pdf")


class UnknownUnit(ValueError):
    """A --unit that names no commune-level unit of the warehouse."""


class UnknownProvince(ValueError):
    """A --province that the warehouse holds no units of."""


def resolve_units(wanted: list[str], options: FilterOptions) -> tuple[str, ...]:
    """Unit codes for codes or names as a person types them (any case)."""
    by_key = {unit.code: unit.code for unit in options.units}
    by_key |= {unit.name.casefold(): unit.code for unit in options.units}
    codes = []
    for text in wanted:
        code = by_key.get(text.strip()) or by_key.get(text.strip().casefold())
        if code is None:
            raise UnknownUnit(text)
        codes.append(code)
    return tuple(codes)


def load_report_view(
    path: Path,
    start: date,
    end: date,
    units: list[str],
    lang: Lang,
    provinces: Sequence[int] = (),
) -> tuple[View, ReportMetrics]:
    """The view (as the app would build it) and its report metrics, from one snapshot."""
    version = current_version(path)
    with snapshot(path) as con:
        fresh, options = freshness(con), filter_options(con)
        held = {code for code, _ in options.provinces}
        for code in provinces:
            if code not in held:
                raise UnknownProvince(code)
        filters = Filters(
            start, end, unit_codes=resolve_units(units, options), province_codes=tuple(provinces)
        )
        metrics = gather(con, filters, fresh.data_start)
    view = View(lang, filters, version, fresh, options, place_name(options, provinces, lang))
    return view, metrics


def run(args: argparse.Namespace) -> int:
    lang: Lang = args.lang
    if args.start > args.end:
        print(t("pdf_cli.bad_period", lang, start=args.start, end=args.end), file=sys.stderr)
        return EXIT_USAGE
    path = args.warehouse or warehouse_path()
    try:
        view, metrics = load_report_view(path, args.start, args.end, args.unit, lang, args.province)
        pdf = report_pdf(build_report(view, metrics, datetime.now()))
    except UnknownUnit as unknown:
        print(t("pdf_cli.unknown_unit", lang, unit=unknown), file=sys.stderr)
        return EXIT_USAGE
    except UnknownProvince as unknown:
        print(t("pdf_cli.unknown_province", lang, code=unknown), file=sys.stderr)
        return EXIT_USAGE
    except WarehouseMissing:
        print(t("boot.missing", lang, path=path), file=sys.stderr)
        return EXIT_FAILURE
    except ChromiumMissing:
        print(t("pdf_cli.no_chromium", lang), file=sys.stderr)
        return EXIT_FAILURE
    except PrintFailed as error:
        print(t("pdf_cli.print_failed", lang, detail=error), file=sys.stderr)
        return EXIT_FAILURE
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(pdf)
    print(t("pdf_cli.written", lang, path=args.out))
    return 0
