"""Chốt số liệu as people read it: the list of locks, the banner of a locked period, and the
tables of locked against current figures and of the loads and applications behind the
difference. Numbers come from `metrics.locks`; the page, the upload page's admin section and
`python -m reports locks` show the same lines.
"""

from __future__ import annotations

import polars as pl

from etl.aliases import STATUS_NAMES
from metrics.bieu_06a import VALUE_COLUMNS
from metrics.locks import Lock, LockedView, cause_loads
from present import format as fmt
from present.bieu_06a import row_labels
from present.format import Lang
from present.safe_text import markdown_text
from present.strings import t
from present.tables import Kind

# Biểu II.06a's value columns by their number on the form, (3)–(13).
_FORM_NUMBER = {name: number for number, name in enumerate(VALUE_COLUMNS, start=3)}


def lock_line(lock: Lock, changes: int, lang: Lang) -> str:
    """ "1. 01/07–20/08/2025 · chốt lúc 02/12/2026 05:10 · Nguyễn A · 57 hồ sơ thay đổi…"."""
    return t(
        "cli.lock_line",
        lang,
        lock_id=lock.lock_id,
        period=fmt.day_range(lock.start, lock.end),
        at=fmt.timestamp(lock.locked_at),
        by=lock.locked_by,
        note=f" ({lock.note})" if lock.note else "",
        changes=fmt.number(changes, lang),
    )


def locks_table(locks: list[Lock], changes: dict[int, int], lang: Lang) -> pl.DataFrame:
    """Every lock, newest first: number, period, who, when (local time), note, changes."""
    return pl.DataFrame(
        {
            t("lock.col_id", lang): [lock.lock_id for lock in reversed(locks)],
            t("lock.col_period", lang): [
                fmt.day_range(lock.start, lock.end) for lock in reversed(locks)
            ],
            t("lock.col_by", lang): [lock.locked_by for lock in reversed(locks)],
            t("lock.col_at", lang): [fmt.timestamp(lock.locked_at) for lock in reversed(locks)],
            t("lock.col_note", lang): [lock.note for lock in reversed(locks)],
            t("lock.col_changes", lang): [changes.get(lock.lock_id, 0) for lock in reversed(locks)],
        },
        schema_overrides={t("lock.col_note", lang): pl.String},
    )


def banner(view: LockedView, lang: Lang) -> str:
    """Who locked the period and when, then whether today's figures still equal the locked
    (Markdown for the page: the name and note a person typed are escaped)."""
    lock = view.lock
    note = f" ({markdown_text(lock.note)})" if lock.note else ""
    by = markdown_text(lock.locked_by)
    head = t("lock.banner", lang, at=fmt.timestamp(lock.locked_at), by=by, note=note)
    if not view.differs:
        return head + " " + t("lock.same", lang)
    loads = cause_loads(view.changes).height
    count = view.changes["application_id"].n_unique()
    return (
        head
        + " "
        + t("lock.differs", lang, count=fmt.number(count, lang), loads=fmt.number(loads, lang))
    )


def _value(value: float | None, kind: str, lang: Lang, signed: bool = False) -> str:
    if value is None:
        return fmt.MISSING
    if kind == "rate":
        text = (
            t("unit.points", lang, value=fmt.decimal(abs(value) * 100, lang))
            if signed
            else fmt.percent(value, lang)
        )
    else:
        text = fmt.number(abs(value) if signed else value, lang)
    return fmt.signed(text, value) if signed else text


def kpi_table(view: LockedView, lang: Lang) -> pl.DataFrame:
    """Measure, locked, current, difference: counts as counts, rates as rates (the difference
    of a rate in percentage points), all as text so one column holds both."""
    rows = view.kpis.iter_rows(named=True)
    return pl.DataFrame(
        [
            (
                t(f"lock.kpi.{row['name']}", lang),
                _value(row["locked"], row["kind"], lang),
                _value(row["current"], row["kind"], lang),
                _value(row["difference"], row["kind"], lang, signed=True),
            )
            for row in rows
        ],
        schema=[
            t("lock.col_measure", lang),
            t("lock.col_locked", lang),
            t("lock.col_current", lang),
            t("lock.col_difference", lang),
        ],
        orient="row",
    )


def form_table(view: LockedView, lang: Lang) -> pl.DataFrame:
    """The Biểu II.06a cells that differ: row (as the form names it), column (its number and
    name), locked, current, difference."""
    cells = view.form
    labels = row_labels(cells, lang)
    return pl.DataFrame(
        {
            t("lock.col_row", lang): [" ".join(part for part in label if part) for label in labels],
            t("lock.col_column", lang): [
                f"({_FORM_NUMBER[name]}) {t(f'bieu.col_{_FORM_NUMBER[name]}', lang)}"
                for name in cells["column"]
            ],
            t("lock.col_locked", lang): cells["locked"],
            t("lock.col_current", lang): cells["current"],
            t("lock.col_difference", lang): cells["difference"],
        }
    )


def loads_table(view: LockedView, lang: Lang) -> pl.DataFrame:
    """The loads after the lock that changed its figures: file, loaded at, applications."""
    loads = cause_loads(view.changes)
    return pl.DataFrame(
        {
            t("lock.col_file", lang): loads["file_name"],
            t("lock.col_loaded_at", lang): [fmt.timestamp(at) for at in loads["loaded_at"]],
            t("lock.col_applications", lang): loads["applications"],
        }
    )


def _status(code: int | None, lang: Lang) -> str:
    return t("lock.new", lang) if code is None else f"{code} {STATUS_NAMES[int(code)]}"


def changes_table(view: LockedView, lang: Lang) -> pl.DataFrame:
    """Each changed application: id, unit code, status when locked and now, the load's file
    and time."""
    changes = view.changes
    return pl.DataFrame(
        {
            t("col.application_id", lang): changes["application_id"],
            t("col.unit_code", lang): changes["unit_code"],
            t("lock.col_before", lang): [_status(code, lang) for code in changes["status_before"]],
            t("lock.col_after", lang): [_status(code, lang) for code in changes["status_after"]],
            t("lock.col_file", lang): changes["file_name"],
            t("lock.col_loaded_at", lang): [fmt.timestamp(at) for at in changes["loaded_at"]],
        },
        schema_overrides={t("col.unit_code", lang): pl.String},
    )


def text_kinds(frame: pl.DataFrame) -> dict[str, Kind]:
    """Every column text except the counts (integers)."""
    return {
        name: ("count" if dtype.is_integer() else "text") for name, dtype in frame.schema.items()
    }
