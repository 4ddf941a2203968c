"""Command line: `python -m etl sample | load | upgrade | build` (see README)."""

from __future__ import annotations

import argparse
import errno
import logging
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from babel.numbers import format_decimal
from tqdm import tqdm

from etl.aliases import KIND_LABELS, field_label
from etl.reasons import reason_label
from etl.settings import warehouse_path

if TYPE_CHECKING:
    from etl.load import FileResult, PartResult

# Every failure, of a file or of the command, ends with this status and one line "Lỗi: …".
EXIT_ERROR = 2
# argparse's own messages, in Vietnamese (pattern, replacement).
_ARGPARSE_MESSAGES = (
    (r"^the following arguments are required: (.+)$", r"thiếu tham số bắt buộc: \1"),
    (r"^unrecognized arguments: (.+)$", r"tham số không hiểu: \1"),
    (r"^argument (\S+): invalid choice: '([^']*)'.*$", r"\1: không có lựa chọn '\2'"),
    (r"^argument (\S+): expected one argument$", r"tham số \1 cần một giá trị"),
    (r"^argument (\S+): expected at least one argument$", r"tham số \1 cần ít nhất một giá trị"),
    (r"^argument (\S+): invalid \S+ value: '(.*)'$", r"tham số \1: giá trị '\2' không hợp lệ"),
    (r"^argument (\S+): (.+)$", r"tham số \1: \2"),
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one Vietnamese line and exit status 2."""

    def error(self, message: str) -> NoReturn:
        for pattern, replacement in _ARGPARSE_MESSAGES:
            if re.match(pattern, message):
                message = re.sub(pattern, replacement, message)
                break
        print(f"Lỗi: {message}", file=sys.stderr)
        sys.exit(EXIT_ERROR)


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
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày '{text}' phải có dạng YYYY-MM-DD") from None


def _positive(kind: type[int] | type[float]):
    def parse(text: str) -> int | float:
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if value <= 0:
            raise argparse.ArgumentTypeError(f"'{text}' phải là một số dương")
        return value

    return parse


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


def _counts(part: PartResult | FileResult) -> str:
    """ "đọc 200 · nạp 195 · loại 5 (Kênh nộp không hợp lệ 2, …)" and what else happened."""
    reasons = ", ".join(
        f"{reason_label(code)} {_number(n)}"
        for code, n in sorted(part.reasons.items(), key=lambda item: (-item[1], item[0]))
    )
    text = (
        f"đọc {_number(part.rows_read)} · nạp {_number(part.rows_loaded)} · "
        f"loại {_number(part.rows_rejected)}" + (f" ({reasons})" if reasons else "")
    )
    if part.footer_lines:
        text += f" · bỏ {_number(part.footer_lines)} dòng chân trang (tổng, chữ ký)"
    return text


def _part_lines(part: PartResult, indent: str) -> list[str]:
    lines = []
    if part.rows_outdated:
        lines.append(
            f"{indent}{_number(part.rows_outdated)} hồ sơ đã có trong kho ở trạng thái mới bằng "
            "hoặc mới hơn; giữ nguyên bản trong kho"
        )
    if part.missing_fields:
        labels = ", ".join(field_label(part.kind, f) for f in part.missing_fields)
        lines.append(f"{indent}thiếu cột không bắt buộc: {labels}")
    return lines


def describe(result: FileResult) -> list[str]:
    """What a person reads about one loaded file: a line, and one per sheet of a workbook."""
    kind = KIND_LABELS.get(result.kind or "", "nhiều loại")
    if len(result.parts) == 1 and not result.passed_over:
        (part,) = result.parts
        return [f"{result.name} [{kind}]: {_counts(part)}", *_part_lines(part, "  ")]
    lines = [f"{result.name} [{kind}]: {_counts(result)}"]
    for part in result.parts:
        lines.append(f"  trang tính '{part.sheet}' [{KIND_LABELS[part.kind]}]: {_counts(part)}")
        lines.extend(_part_lines(part, "    "))
    lines.extend(
        f"  trang tính '{sheet}': bỏ qua, không có bảng dữ liệu" for sheet in result.passed_over
    )
    return lines


def _cmd_load(args: argparse.Namespace) -> int:
    from etl.load import load_files

    with _progress_bar("Nạp dữ liệu") as report:
        results = load_files(args.files, args.db, on_progress=report)
    status = 0
    for result in results:
        if result.error:
            print(f"Lỗi: {result.path}: {result.error}", file=sys.stderr)
            status = EXIT_ERROR
            continue
        print("\n".join(describe(result)))
    print(f"Kho dữ liệu: {args.db or warehouse_path()}")
    return status


def _cmd_upgrade(args: argparse.Namespace) -> int:
    from etl.load import upgrade_warehouse

    missing = upgrade_warehouse(args.db)
    added = ", ".join(missing) if missing else "không thiếu bảng, cột nào"
    print(f"Đã cập nhật kho dữ liệu lên phiên bản này ({added}); đã tính lại bảng tổng hợp.")
    print(f"Kho dữ liệu: {args.db or warehouse_path()}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from etl.build import build_warehouse

    with _progress_bar("Dựng kho dữ liệu mẫu") as report:
        target = build_warehouse(
            args.db, on_progress=report, province_codes=args.provinces, records=args.records
        )
    print(f"Kho dữ liệu: {target}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m etl", description="Nạp dữ liệu hồ sơ TTHC vào kho DuckDB.")
    commands = parser.add_subparsers(
        dest="command", metavar="LỆNH", required=True, parser_class=_Parser
    )

    sample = commands.add_parser("sample", help="ghi tệp xuất mẫu (CSV/XLSX) vào một thư mục")
    sample.add_argument("--out", type=Path, required=True)
    sample.add_argument("--start", type=_parse_date, default=date(2025, 7, 1), help="YYYY-MM-DD")
    sample.add_argument("--end", type=_parse_date, default=date(2026, 6, 30), help="YYYY-MM-DD")
    sample.add_argument(
        "--scale", type=_positive(float), default=1.0, help="hệ số khối lượng hồ sơ"
    )
    sample.add_argument("--seed", type=int, default=2025)
    _national_options(sample)
    sample.set_defaults(run=_cmd_sample)

    load = commands.add_parser("load", help="nạp tệp xuất vào kho dữ liệu")
    load.add_argument("files", metavar="TỆP", type=Path, nargs="+")
    load.add_argument("--db", type=Path, default=None)
    load.set_defaults(run=_cmd_load)

    upgrade = commands.add_parser(
        "upgrade", help="cập nhật kho do phiên bản cũ tạo ra (bảng, cột mới; tính lại tổng hợp)"
    )
    upgrade.add_argument("--db", type=Path, default=None)
    upgrade.set_defaults(run=_cmd_upgrade)

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
        "--records", type=_positive(int), default=None, help="tổng số hồ sơ (chỉ với --provinces)"
    )


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(
        level=os.environ.get("ETL_LOG", "WARNING").upper(), format="etl: %(message)s"
    )
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "sample" and args.start > args.end:
        parser.error(f"ngày bắt đầu {args.start:%d/%m/%Y} sau ngày kết thúc {args.end:%d/%m/%Y}")
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("Lỗi: đã dừng theo yêu cầu; kho dữ liệu giữ nguyên như trước.", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # every failure ends in one plain line, never a traceback
        if os.environ.get("ETL_DEBUG"):
            raise
        print(f"Lỗi: {plain_error(error)}", file=sys.stderr)
        return EXIT_ERROR


def plain_error(error: Exception) -> str:
    """One sentence a person can act on; the warehouse is never changed by a failed load."""
    unchanged = "kho dữ liệu giữ nguyên như trước"
    if _is_disk_full(error):
        return f"hết dung lượng đĩa khi ghi kho dữ liệu; {unchanged}. Giải phóng chỗ rồi nạp lại."
    if isinstance(error, OSError):
        why = _OS_ERRORS.get(error.errno or 0, error.strerror or str(error))
        return f"{error.filename or ''}: {why}; {unchanged}"
    return f"lỗi không mong đợi ({type(error).__name__}: {error}); {unchanged}"


# What the operating system says, in Vietnamese, for the failures a load can meet.
_OS_ERRORS = {
    errno.ENOENT: "không tìm thấy tệp hoặc thư mục",
    errno.EACCES: "không có quyền ghi hoặc đọc",
    errno.EPERM: "không được phép",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EISDIR: "đường dẫn là một thư mục",
    errno.EEXIST: "đã có một tệp trùng tên ở chỗ cần tạo thư mục",
    errno.EROFS: "hệ thống tệp chỉ cho đọc",
}


def _is_disk_full(error: BaseException) -> bool:
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return True
    return "No space left on device" in str(error)


if __name__ == "__main__":
    sys.exit(main())
