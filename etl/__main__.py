"""Command line: `python -m etl sample | load | build` (see README)."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from babel.numbers import format_decimal
from tqdm import tqdm

from etl.reader import KIND_LABELS
from etl.settings import warehouse_path

EXIT_UNREADABLE = 2
EXIT_FAILURE = 1


def _number(value: int) -> str:
    return format_decimal(value, locale="vi_VN")


@contextmanager
def _progress_bar(label: str) -> Iterator:
    """A tqdm bar driven by the (message, fraction) callbacks of etl functions."""
    bar = tqdm(
        total=1000, desc=label, unit="‰", bar_format="{desc}: {percentage:3.0f}%|{bar}| {postfix}"
    )

    def report(message: str, fraction: float) -> None:
        bar.set_postfix_str(message, refresh=False)
        bar.update(max(0, round(fraction * 1000) - bar.n))

    try:
        yield report
    finally:
        bar.close()


def _parse_date(text: str) -> date:
    return date.fromisoformat(text)


def _provinces(text: str) -> list[int]:
    from etl.settings import parse_provinces

    try:
        return parse_provinces(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _cmd_sample(args: argparse.Namespace) -> int:
    from etl.sample import generate_sample
    from etl.sample.national import generate_national_sample

    with _progress_bar("Tạo dữ liệu mẫu") as report:
        if args.provinces:
            files = generate_national_sample(
                args.out, args.provinces, args.start, args.end, args.records, args.seed, report
            )
        else:
            files = generate_sample(
                args.out, args.start, args.end, args.scale, args.seed, on_progress=report
            )
    for path in files:
        print(path)
    return 0


def _cmd_load(args: argparse.Namespace) -> int:
    from etl.load import load_files

    with _progress_bar("Nạp dữ liệu") as report:
        results = load_files(args.files, args.db, on_progress=report)
    status = 0
    for result in results:
        if result.error:
            print(f"Lỗi: {result.path}: {result.error}", file=sys.stderr)
            status = EXIT_UNREADABLE
            continue
        reasons = ", ".join(
            f"{reason} {_number(n)}" for reason, n in sorted(result.reasons.items())
        )
        print(
            f"{result.path.name} [{KIND_LABELS.get(result.kind or '', '?')}]: "
            f"đọc {_number(result.rows_read)} · nạp {_number(result.rows_loaded)} · "
            f"loại {_number(result.rows_rejected)}" + (f" ({reasons})" if reasons else "")
        )
    print(f"Kho dữ liệu: {args.db or warehouse_path()}")
    return status


def _cmd_build(args: argparse.Namespace) -> int:
    from etl.build import build_warehouse

    with _progress_bar("Dựng kho dữ liệu mẫu") as report:
        target = build_warehouse(
            args.db, on_progress=report, province_codes=args.provinces, records=args.records
        )
    print(f"Kho dữ liệu: {target}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m etl", description="Nạp dữ liệu hồ sơ TTHC vào kho DuckDB."
    )
    commands = parser.add_subparsers(dest="command", required=True)

    sample = commands.add_parser("sample", help="ghi tệp xuất mẫu (CSV/XLSX) vào một thư mục")
    sample.add_argument("--out", type=Path, required=True)
    sample.add_argument("--start", type=_parse_date, default=date(2025, 7, 1), help="YYYY-MM-DD")
    sample.add_argument("--end", type=_parse_date, default=date(2026, 6, 30), help="YYYY-MM-DD")
    sample.add_argument("--scale", type=float, default=1.0, help="hệ số khối lượng hồ sơ")
    sample.add_argument("--seed", type=int, default=2025)
    _national_options(sample)
    sample.set_defaults(run=_cmd_sample)

    load = commands.add_parser("load", help="nạp tệp xuất vào kho dữ liệu")
    load.add_argument("files", type=Path, nargs="+")
    load.add_argument("--db", type=Path, default=None)
    load.set_defaults(run=_cmd_load)

    build = commands.add_parser("build", help="tạo dữ liệu mẫu và nạp vào một kho mới")
    build.add_argument("--db", type=Path, default=None)
    _national_options(build)
    build.set_defaults(run=_cmd_build)
    return parser


def _national_options(command: argparse.ArgumentParser) -> None:
    """`--provinces` switches to the national sample (national sync CSV, every unit as a code);
    `--records` fixes its total."""
    command.add_argument(
        "--provinces", type=_provinces, default=None, help='mã tỉnh "31,01,79" hoặc "all"'
    )
    command.add_argument(
        "--records", type=int, default=None, help="tổng số hồ sơ (chỉ với --provinces)"
    )


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("ETL_LOG", "WARNING").upper(), format="etl: %(message)s"
    )
    args = _parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Đã dừng; kho dữ liệu giữ nguyên như trước.", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as error:  # every failure ends in one plain line, never a traceback
        if os.environ.get("ETL_DEBUG"):
            raise
        print(f"Lỗi: {plain_error(error)}", file=sys.stderr)
        return EXIT_FAILURE


def plain_error(error: Exception) -> str:
    """One sentence a person can act on; the warehouse is never changed by a failed load."""
    unchanged = "kho dữ liệu giữ nguyên như trước"
    if _is_disk_full(error):
        return f"hết dung lượng đĩa khi ghi kho dữ liệu; {unchanged}. Giải phóng chỗ rồi nạp lại."
    if isinstance(error, OSError):
        return f"{error.filename or ''}: {error.strerror or error}; {unchanged}"
    return f"lỗi không mong đợi ({type(error).__name__}: {error}); {unchanged}"


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return "No space left on device" in str(error)


if __name__ == "__main__":
    sys.exit(main())
