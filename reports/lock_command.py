"""`python -m reports lock` and `python -m reports locks`: chốt số liệu from the command line.

    python -m reports lock --from 2025-07-01 --to 2025-08-20 --by "Nguyễn Văn A" [--note …]
    python -m reports locks

They live here rather than under `python -m etl` because a lock keeps the period's KPIs, whose
definitions are in `metrics/` (the ETL layer never imports it). The command line is run on the
server by whoever may run `python -m etl load` there, as the load is; in the browser, only an
administrator sees the lock form (the upload page).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from etl.settings import warehouse_path
from metrics.connection import snapshot
from metrics.locks import all_locks, changed_counts, lock_period
from present import format as fmt
from present.locks import lock_line
from present.strings import t

COMMANDS = ("lock", "locks")


def add_commands(commands: argparse._SubParsersAction, day: Callable[[str], object]) -> None:
    """The two subcommands on `python -m reports`' parser (`day` parses its dates)."""
    lock = commands.add_parser("lock")
    for option, dest in (("--from", "start"), ("--to", "end")):
        lock.add_argument(option, dest=dest, type=day, required=True)
    lock.add_argument("--by", required=True, help="người chốt")
    lock.add_argument("--note", default=None)
    listing = commands.add_parser("locks")
    for command in (lock, listing):
        command.add_argument("--warehouse", type=Path, default=None, help="mặc định WAREHOUSE_PATH")


def run(args: argparse.Namespace, lang: str) -> list[str]:
    """The lines the command prints; raises FileNotFoundError (no warehouse) or ValueError (its
    message in words) for a person to fix."""
    path = args.warehouse or warehouse_path()
    if not path.is_file():
        raise FileNotFoundError(path)
    if args.command == "lock":
        if args.start > args.end:
            raise ValueError(t("cli.bad_period", lang, start=args.start, end=args.end))
        if not args.by.strip():
            raise ValueError(t("lock.need_name", lang))
        written = lock_period(args.start, args.end, args.by, args.note, path)
        period = fmt.day_range(args.start, args.end)
        at = fmt.timestamp(written.locked_at)
        return [t("cli.locked", lang, period=period, lock_id=written.lock_id, at=at, by=args.by)]
    with snapshot(path) as con:
        locks, changes = all_locks(con), changed_counts(con)
    if not locks:
        return [t("cli.no_locks", lang)]
    return [lock_line(lock, changes.get(lock.lock_id, 0), lang) for lock in locks]
