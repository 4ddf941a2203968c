"""Chốt số liệu in the app and on the command line, on the tiny warehouse: an administrator
locks a period on the upload page, a city account has no lock form, the Biểu II.06a page and
the overview of the locked period show the locked and the current figures with their cause,
and `python -m reports lock` / `locks` lock and list."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from etl.load import load_files
from etl.settings import PROJECT_ROOT
from metrics.access import CITY
from metrics.connection import snapshot
from metrics.locks import all_locks, lock_period
from present.strings import t
from reports.__main__ import main as reports_main
from tests.conftest import query
from tests.test_app_shell import start_app
from tests.test_locks_tiny import changed_export
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse
from ui.auth import UPLOAD as UPLOAD_PATH
from ui.auth import Account, may_open
from ui.passwords import make_hash

pytestmark = pytest.mark.usefixtures("fresh_caches")
PERIOD_VIEW = {"period": "Tùy chọn", "dates": ["2025-07-10", "2025-07-20"]}
UPLOAD = "app_pages/upload.py"
PASSWORD = "mat-khau-thu"


def signed_in(monkeypatch: pytest.MonkeyPatch, db: Path, role: str) -> AppTest:
    monkeypatch.setenv("WAREHOUSE_PATH", str(db))
    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=60)
    app.secrets["users"] = {"nguoi": {"password_hash": make_hash(PASSWORD), "role": role}}
    for key, value in PERIOD_VIEW.items():
        app.query_params[key] = value
    app.run()
    app.text_input(key="sign_in_name").input("nguoi")
    app.text_input(key="sign_in_pw").input(PASSWORD)
    next(b for b in app.button if b.label == t("auth.submit", "vi")).click()
    return app.run()


def test_an_administrator_locks_the_period_on_the_upload_page(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    db = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    app = signed_in(monkeypatch, db, "admin")
    app.switch_page(UPLOAD).run()
    assert not app.exception
    assert app.text_input(key="lock_by").value == "nguoi"
    app.text_input(key="lock_note").input("Đã gửi báo cáo")
    next(b for b in app.button if b.label == t("lock.submit", "vi")).click()
    app.run()
    assert not app.exception
    assert "Đã chốt số liệu kỳ 10/07–20/07/2025 (số 1)" in app.success[-1].value
    assert "người chốt: nguoi." in app.success[-1].value
    assert query(db, "select period_start, period_end, locked_by, note from locks") == [
        (*PERIOD, "nguoi", "Đã gửi báo cáo")
    ]
    assert app.dataframe[-1].value["Người chốt"].tolist() == ["nguoi"]


def current_account_of(app: AppTest) -> Account:
    return app.session_state["_account"]


def test_a_city_account_has_no_lock_form(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    db = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    app = signed_in(monkeypatch, db, "city")
    assert not app.exception
    # The lock form lives on the upload page, which navigation gives administrators only.
    assert not may_open(UPLOAD_PATH, current_account_of(app))
    assert may_open(UPLOAD_PATH, Account("quantri", CITY, admin=True))
    assert not [b for b in app.button if b.label == t("lock.submit", "vi")]
    assert query(db, "select count(*) from locks") == [(0,)]


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    db = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    lock_period(*PERIOD, by="Trần Văn Chốt", db_path=db)
    load_files([changed_export(tmp_path)], db)
    return db


def test_the_bieu_page_shows_locked_and_current_figures_and_the_cause(
    monkeypatch: pytest.MonkeyPatch, changed: Path
) -> None:
    app = start_app(monkeypatch, changed, **PERIOD_VIEW)
    app.switch_page("app_pages/bieu_06a.py").run()
    assert not app.exception
    warning = next(w.value for w in app.warning if "đã chốt số liệu" in w.value)
    assert "Trần Văn Chốt" in warning and "2 hồ sơ đã thay đổi do 1 lần nạp" in warning
    tables = [frame.value for frame in app.dataframe]
    kpis = next(frame for frame in tables if "Chỉ tiêu" in frame.columns)
    late = kpis[kpis["Chỉ tiêu"] == "Giải quyết quá hạn"].iloc[0]
    assert (late["Đã chốt"], late["Hiện nay"], late["Chênh lệch"]) == ("2", "1", "\u22121")
    cells = next(frame for frame in tables if "Cột" in frame.columns)
    assert "(10) Quá hạn" in cells["Cột"].tolist()
    loads = next(frame for frame in tables if "Số hồ sơ thay đổi" in frame.columns)
    assert loads["Tệp nạp"].tolist() == ["ho-so-bo-sung.csv"]
    changes = next(frame for frame in tables if "Trạng thái lúc chốt" in frame.columns)
    assert changes["Mã hồ sơ"].tolist() == ["A13", "A5"]


def test_the_overview_has_the_panel_for_the_locked_period_only(
    monkeypatch: pytest.MonkeyPatch, changed: Path
) -> None:
    app = start_app(monkeypatch, changed, **PERIOD_VIEW)
    assert any("đã chốt số liệu" in w.value for w in app.warning)
    app = start_app(monkeypatch, changed, period="Tùy chọn", dates=["2025-07-10", "2025-07-19"])
    assert not any("đã chốt số liệu" in w.value for w in [*app.warning, *app.info])


def test_the_command_line_locks_and_lists(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    db = build_tiny_warehouse(tmp_path / "warehouse.duckdb")
    args = ["--from", "10/07/2025", "--to", "2025-07-20", "--warehouse", str(db)]
    assert reports_main(["lock", *args, "--by", "Lê Thị Tổng Hợp", "--note", "Quý III"]) == 0
    assert "Đã chốt số liệu kỳ 10/07–20/07/2025 (số 1)" in capsys.readouterr().out
    load_files([changed_export(tmp_path)], db)
    assert reports_main(["locks", "--warehouse", str(db)]) == 0
    listed = capsys.readouterr().out
    assert "1. 10/07–20/07/2025" in listed and "Lê Thị Tổng Hợp (Quý III)" in listed
    assert "2 hồ sơ thay đổi sau khi chốt" in listed
    with pytest.raises(SystemExit) as exit_status:
        reports_main(["lock", *args, "--by", "  "])
    assert exit_status.value.code == 2
    assert "Lỗi: Cần ghi tên người chốt." in capsys.readouterr().err
    with snapshot(db) as con:
        assert len(all_locks(con)) == 1


def test_a_units_page_shows_its_own_locked_figures(
    monkeypatch: pytest.MonkeyPatch, changed: Path
) -> None:
    app = start_app(monkeypatch, changed, **PERIOD_VIEW)
    app.switch_page("app_pages/unit.py")
    app.query_params["ma"] = "00002"  # Xã Bình Hà: A5 changed, A13 is Phường An Biên's
    app.run()
    assert not app.exception
    warning = next(w.value for w in app.warning if "đã chốt số liệu" in w.value)
    assert "1 hồ sơ đã thay đổi do 1 lần nạp" in warning
    changes = next(f.value for f in app.dataframe if "Trạng thái lúc chốt" in f.value.columns)
    assert changes["Mã hồ sơ"].tolist() == ["A5"]
