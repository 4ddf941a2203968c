"""First start and a missing or broken warehouse: build the sample with visible progress, or
say in plain Vietnamese what to run. No stack trace reaches the screen.

`AUTO_BUILD_SAMPLE=0` turns the first-start build off (a deployment that loads real exports
wants a clear message, not a generated sample, when its warehouse is missing).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import duckdb
import streamlit as st

from etl.settings import warehouse_path
from metrics.connection import WarehouseMissing, WarehouseVersion, current_version
from metrics.freshness import Freshness
from present.format import Lang
from present.strings import t
from ui.loaders import load_freshness, load_missing_parts

BUILD_COMMAND = "python -m etl build"
# A warehouse an older version made keeps its data: the upgrade adds tables and columns.
UPGRADE_COMMAND = "python -m etl upgrade"
# One build per process: a second session arriving during the first start waits for it.
_BUILD_LOCK = threading.Lock()


def auto_build_enabled() -> bool:
    return os.environ.get("AUTO_BUILD_SAMPLE", "1").strip().lower() not in ("0", "false", "no")


def build_sample(target: Path, on_progress: Callable[[str, float], None]) -> Path:
    """The ETL's sample build (imported late: the app must start even if the ETL cannot)."""
    from etl.build import build_warehouse

    return build_warehouse(target, on_progress=on_progress)


def ensure_warehouse(lang: Lang) -> tuple[WarehouseVersion, Freshness]:
    """The live warehouse's version and freshness, building the sample on first start.

    Stops the script run (after a plain message) when there is no usable warehouse."""
    try:
        version = current_version()
    except WarehouseMissing:
        _first_start(lang)
        version = current_version()
    try:
        missing = load_missing_parts(version)
        if missing:
            outdated = t("boot.outdated", lang, path=warehouse_path(), missing=", ".join(missing))
            _stop_with(outdated, None, lang, UPGRADE_COMMAND)
        return version, load_freshness(version)
    except Exception as error:  # any failure to read means the same thing to the reader
        _stop_with(t("boot.broken", lang, path=warehouse_path()), error, lang)


def _first_start(lang: Lang) -> None:
    target = warehouse_path()
    if not auto_build_enabled():
        _stop_with(t("boot.missing", lang, path=target), None, lang)
    waited = not _BUILD_LOCK.acquire(blocking=False)
    if waited:
        with st.spinner(t("boot.waiting", lang)), _BUILD_LOCK:
            pass
        if not target.exists():
            _stop_with(t("boot.build_failed", lang), None, lang)
        return
    try:
        if target.exists():  # built by another session meanwhile
            return
        with st.status(t("boot.building", lang), expanded=True) as status:
            bar = st.progress(0.0)
            try:
                build_sample(target, lambda message, done: bar.progress(min(done, 1.0), message))
            except Exception as error:
                status.update(state="error")
                _stop_with(t("boot.build_failed", lang), error, lang)
            status.update(label=t("boot.built", lang), state="complete", expanded=False)
    finally:
        _BUILD_LOCK.release()
    st.rerun()


def _stop_with(
    message: str, error: BaseException | None, lang: Lang, command: str = BUILD_COMMAND
) -> NoReturn:
    st.error(message)
    st.markdown(t("boot.what_to_run", lang))
    st.code(command, language="bash")
    if error is not None:
        detail = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"
        st.caption(t("boot.detail", lang, detail=detail[:300]))
    st.stop()


def run_page(page: st.Page, lang: Lang) -> None:
    """Run the selected page; a warehouse that vanishes or breaks mid-session gets the same
    plain message as at start, not a stack trace."""
    try:
        page.run()
    except (WarehouseMissing, duckdb.Error, OSError) as error:
        _stop_with(t("boot.broken", lang, path=warehouse_path()), error, lang)
