"""The upload page (AppTest, signed in as an administrator): files go through the real ETL,
each file's outcome is shown in words with Babel numbers, the person's file name is only shown
and logged (never a path on disk), and wrong types, oversized and unreadable files get one
plain line each."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit import config
from streamlit.testing.v1 import AppTest

from etl.load import load_files
from etl.settings import PROJECT_ROOT
from present.strings import t
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_catalog, write_csv
from ui import uploads as upload
from ui.passwords import make_hash

APP = str(PROJECT_ROOT / "app.py")
UPLOAD = str(PROJECT_ROOT / "app_pages" / "upload.py")
PASSWORD = "mat-khau-quan-tri"
HOSTILE_NAME = "..\\..\\Báo cáo tháng 7\x07.csv"
SHOWN_NAME = "Báo cáo tháng 7.csv"


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    db = tmp_path / "kho" / "warehouse.duckdb"
    load_files([write_catalog(tmp_path)], db)
    monkeypatch.setenv("WAREHOUSE_PATH", str(db))
    st.cache_data.clear()
    yield db
    st.cache_data.clear()


def export_bytes(tmp_path: Path) -> bytes:
    rows = [
        application("U1"),
        application("U2", received_at="02/07/2025 09:00", finished_at="02/07/2025 10:00"),
        application("U3", received_at="32/07/2025"),
    ]
    return write_csv(tmp_path / "source.csv", table(rows, VI_LABELS)).read_bytes()


def upload_page() -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.secrets["users"] = {"quantri": {"password_hash": make_hash(PASSWORD), "role": "admin"}}
    app.run()
    app.text_input(key="sign_in_name").input("quantri")
    app.text_input(key="sign_in_pw").input(PASSWORD)
    next(b for b in app.button if b.label == t("auth.submit", "vi")).click()
    app.run()
    app.switch_page(UPLOAD).run()
    assert app.title[0].value == t("upload.title", "vi")
    return app


def load(app: AppTest, *files: tuple[str, bytes]) -> AppTest:
    app.file_uploader[0].set_value([(name, data, "text/csv") for name, data in files]).run()
    next(b for b in app.button if b.label == t("upload.start", "vi")).click()
    return app.run()


def test_an_upload_goes_through_the_etl_under_a_generated_name(
    warehouse: Path, tmp_path: Path
) -> None:
    app = load(upload_page(), (HOSTILE_NAME, export_bytes(tmp_path)))
    assert not app.exception
    assert "đọc 3 · nạp 2 · loại 1" in app.warning[0].value
    assert SHOWN_NAME.replace(".", "\\.") in app.warning[0].value  # Markdown-escaped
    assert any("Ngày không hợp lệ 1" in caption.value for caption in app.caption)
    assert any(link.label == t("upload.see_rejected", "vi") for link in app.page_link)
    logged = query(warehouse, "select file_name, rows_read from load_log order by load_id")
    assert logged[-1] == (SHOWN_NAME, 3)
    assert query(warehouse, "select distinct file_name from rejected_rows") == [(SHOWN_NAME,)]
    # The person's name was never a path: nothing named after it beside the warehouse or here.
    assert not list(warehouse.parent.parent.rglob("*Báo cáo*"))
    assert not list(Path.cwd().rglob("*Báo cáo tháng 7*"))


def test_unreadable_files_get_one_line_each_and_the_rest_loads(
    warehouse: Path, tmp_path: Path
) -> None:
    app = load(
        upload_page(),
        ("rong.csv", b"khong co tieu de\n1,2,3\n"),
        ("ho-so.csv", export_bytes(tmp_path)),
    )
    assert not app.exception
    assert any("rong" in e.value and "không đọc được tệp" in e.value for e in app.error)
    assert any("đọc 3 · nạp 2 · loại 1" in w.value for w in app.warning)
    outcomes = query(warehouse, "select file_name, outcome from load_log order by load_id")
    assert ("rong.csv", "failed") in outcomes and ("ho-so.csv", "loaded") in outcomes


def test_only_the_reader_s_file_types_are_offered_and_a_bypass_loads_nothing(
    warehouse: Path,
) -> None:
    app = upload_page()
    offered = app.file_uploader[0].allowed_type
    assert all(suffix in offered for suffix in upload.ACCEPTED), offered
    # A client that skips the browser's own check is refused by Streamlit's server-side check
    # (or, failing that, by the page's): nothing reaches the ETL.
    app.file_uploader[0].set_value(("chuong-trinh.exe", b"MZ\x90\x00", "application/x-msdownload"))
    app.run()
    for button in [b for b in app.button if b.label == t("upload.start", "vi")]:
        button.click()
        app.run()
    assert query(warehouse, "select count(*) from load_log") == [(1,)]  # the catalog only


def test_names_are_cut_to_their_last_part_and_types_checked_by_suffix() -> None:
    assert upload.display_name("../../etc/passwd", 0) == "passwd"
    assert upload.display_name("C:\\Users\\a\\ho-so.xlsx", 0) == "ho-so.xlsx"
    assert upload.display_name("\x00\x1b", 4) == "tep-5"
    assert len(upload.display_name("a" * 500 + ".csv", 0)) == upload.MAX_NAME_CHARS
    assert {".csv", ".xlsx", ".parquet"} <= set(upload.ACCEPTED)
    assert ".exe" not in upload.ACCEPTED and ".html" not in upload.ACCEPTED


def test_a_file_over_the_size_cap_is_refused_before_loading(
    warehouse: Path, tmp_path: Path
) -> None:
    before = config.get_option("server.maxUploadSize")
    config.set_option("server.maxUploadSize", 1)
    try:
        big = export_bytes(tmp_path) + b"\n" * (1024 * 1024)
        app = load(upload_page(), ("lon.csv", big))
    finally:
        config.set_option("server.maxUploadSize", before)
    assert not app.exception
    assert "vượt giới hạn 1 MB" in app.error[0].value
    assert query(warehouse, "select count(*) from load_log where file_name = 'lon.csv'") == [(0,)]


def test_the_size_cap_is_the_one_in_config_toml() -> None:
    text = (PROJECT_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    assert "maxUploadSize = 200" in text


def test_a_workbook_is_reported_sheet_by_sheet_with_labelled_reasons(
    warehouse: Path, tmp_path: Path
) -> None:
    """What `python -m etl load` says of a workbook, the page says too: one line per data
    sheet, the sheets passed over, and every reason by its label (etl.reasons), never a code."""
    from etl.reasons import reason_label
    from tests.test_etl_workbooks import COVER, _records, _workbook

    july = _records("JUL", 3)
    july.append(list(application("JUL-FUT", received_at="01/01/2099 08:00").values()))
    path = _workbook(
        tmp_path / "ho-so.xlsx", {"Bìa": COVER, "Tháng 7": july, "Tháng 8": _records("AUG", 2)}
    )
    app = upload_page()
    app.file_uploader[0].set_value(
        [("ho-so.xlsx", path.read_bytes(), "application/vnd.ms-excel")]
    ).run()
    next(b for b in app.button if b.label == t("upload.start", "vi")).click()
    app.run()
    assert not app.exception
    captions = [caption.value for caption in app.caption]
    sheet_line = t(
        "upload.sheet", "vi", sheet="Tháng 7", kind=t("filekind.applications", "vi"),
        read="4", loaded="3", rejected="1",
    )  # fmt: skip
    assert sheet_line in captions
    assert t("upload.passed_over", "vi", sheet="Bìa") in captions
    label = reason_label("future_date", "vi")
    assert any(f"{label} 1" in caption for caption in captions), captions
    assert not any("future_date" in caption for caption in captions)
