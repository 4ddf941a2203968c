"""What the upload page checks before a file reaches the ETL, kept out of the page script so
it can be tested: accepted types, the size cap, the name a person gave the file, and where
the bytes go on disk (never a path made from that name)."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import BinaryIO

import streamlit as st

from etl.reader import CSV_SUFFIXES, EXCEL_SUFFIXES, PARQUET_SUFFIXES
from present import format as fmt
from present.strings import t

# The types the reader knows (DATA_SPEC §1), from the reader itself.
ACCEPTED = sorted(CSV_SUFFIXES | EXCEL_SUFFIXES | PARQUET_SUFFIXES)
# A file name is for reading; longer ones are cut (load_log keeps what is shown).
MAX_NAME_CHARS = 120
MB = 1024 * 1024


def max_upload_mb() -> int:
    """The one size cap: Streamlit's `server.maxUploadSize` (`.streamlit/config.toml`), so the
    server and the page refuse the same files."""
    return int(st.get_option("server.maxUploadSize"))


def display_name(raw: str, index: int) -> str:
    """The person's file name made safe to show and log: its last path part only (a browser
    or a crafted request may send a folder), no control characters, bounded length."""
    last = PureWindowsPath(PurePosixPath(raw).name).name
    printable = "".join(ch for ch in last if not unicodedata.category(ch).startswith("C"))
    return printable.strip()[:MAX_NAME_CHARS] or f"tep-{index + 1}"


def refusal(name: str, size: int, lang: fmt.Lang) -> str | None:
    """Why a file is not loaded at all, or None when it may go to the ETL."""
    if Path(name).suffix.lower() not in ACCEPTED:
        return t("upload.bad_type", lang, name=name, types=", ".join(ACCEPTED))
    if size > max_upload_mb() * MB:
        shown = fmt.decimal(size / MB, lang)
        return t("upload.too_big", lang, name=name, size=shown, max_mb=max_upload_mb())
    return None


def save(data: BinaryIO, folder: Path, index: int, name: str) -> Path:
    """Write an upload as `<folder>/<index><suffix>`: a generated name and the checked suffix
    (the reader picks its parser by suffix); nothing of the person's name reaches the disk."""
    target = folder / f"{index:03d}{Path(name).suffix.lower()}"
    data.seek(0)
    with target.open("wb") as out:
        shutil.copyfileobj(data, out, length=MB)
    return target
