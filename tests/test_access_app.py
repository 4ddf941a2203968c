"""Sign-in and roles in the running app (AppTest with `at.secrets` and `at.user`): nobody sees
data before signing in, a commune account sees its commune whatever the URL says, only
administrators have the upload page, and an open app says that it is open."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import ui.auth
from etl.settings import PROJECT_ROOT
from present.strings import t
from ui.passwords import make_hash

APP = str(PROJECT_ROOT / "app.py")
PASSWORD = "mat-khau-thu-nghiem"
SIGN_IN = t("auth.submit", "vi")


@pytest.fixture(scope="module")
def users() -> dict[str, dict[str, str]]:
    digest = make_hash(PASSWORD)
    return {
        "quantri": {"password_hash": digest, "role": "admin"},
        "an": {"password_hash": digest, "role": "commune", "unit": "00001"},
        "thanhpho": {"password_hash": digest, "role": "city"},
        "hong": {"password_hash": digest, "role": "commune"},  # no unit: refused
        "dao": {"email": "dao@haiphong.example", "role": "agency", "agency": "31.STP"},
    }


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch, tiny: Path) -> Iterator[None]:
    monkeypatch.setenv("WAREHOUSE_PATH", str(tiny))
    monkeypatch.setattr(ui.auth, "_FAILURES", {})
    st.cache_data.clear()
    yield
    st.cache_data.clear()


def app_with(secrets: dict, **query: str | list[str]) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in secrets.items():
        app.secrets[key] = value
    for key, value in query.items():
        app.query_params[key] = value
    return app


def sign_in(app: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    app.text_input(key="sign_in_name").input(name)
    app.text_input(key="sign_in_pw").input(password)
    next(button for button in app.button if button.label == SIGN_IN).click()
    return app.run()


def test_nothing_is_shown_before_signing_in(users: dict) -> None:
    app = app_with({"users": users}).run()
    assert not app.exception
    assert [title.value for title in app.title] == [t("auth.title", "vi")]
    assert not app.metric and not app.get("plotly_chart") and not app.multiselect


def test_a_wrong_password_is_refused_and_five_failures_lock_the_name(users: dict) -> None:
    app = app_with({"users": users}).run()
    for _ in range(ui.auth.MAX_FAILURES):
        sign_in(app, "an", "sai-mat-khau")
        assert app.error[0].value == t("auth.failed", "vi")
    sign_in(app, "an")  # the right password, too late
    assert "thử lại sau" in app.error[0].value
    assert not app.metric
    assert sign_in(app_with({"users": users}).run(), "khong-co", PASSWORD).error[0].value == t(
        "auth.failed", "vi"
    )


def test_a_commune_account_sees_its_commune_whatever_the_url_says(users: dict) -> None:
    app = sign_in(app_with({"users": users}, unit="Xã Bình Hà").run(), "an")
    assert not app.exception
    assert app.multiselect(key="unit").options == ["Phường An Biên"]
    captions = [caption.value for caption in app.caption]
    assert any(c.startswith("Phường An Biên, ") for c in captions)
    assert not any("Bình Hà" in c for c in captions)
    # Warehouse-wide counts and the data-quality page are the city's.
    assert not any("hồ sơ" in c and "Dữ liệu đến" in c for c in captions)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(str(PROJECT_ROOT / "app_pages" / "data_quality.py"))
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(str(PROJECT_ROOT / "app_pages" / "upload.py"))
    app.switch_page(str(PROJECT_ROOT / "app_pages" / "unit.py"))
    app.query_params["ma"] = "00002"
    app.run()
    assert not app.exception
    assert "00002" in app.warning[0].value  # "no such unit in view": not the other commune
    assert not app.metric


def test_only_an_administrator_has_the_upload_page(users: dict) -> None:
    city = sign_in(app_with({"users": users}).run(), "thanhpho")
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        city.switch_page(str(PROJECT_ROOT / "app_pages" / "upload.py"))
    admin = sign_in(app_with({"users": users}).run(), "quantri")
    admin.switch_page(str(PROJECT_ROOT / "app_pages" / "upload.py")).run()
    assert not admin.exception
    assert admin.title[0].value == t("upload.title", "vi")
    assert admin.file_uploader


def test_a_broken_account_is_refused_not_let_in_wide(users: dict) -> None:
    app = sign_in(app_with({"users": users}).run(), "hong")
    assert not app.exception
    assert app.error[0].value == t("auth.no_role", "vi", name="hong")
    assert not app.metric


def test_sign_out_returns_to_the_form(users: dict) -> None:
    app = sign_in(app_with({"users": users}).run(), "thanhpho")
    assert app.metric
    next(b for b in app.button if b.label == t("auth.sign_out", "vi")).click().run()
    assert [title.value for title in app.title] == [t("auth.title", "vi")]
    assert not app.metric


def test_an_identity_provider_user_is_mapped_by_email(users: dict) -> None:
    oidc = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x"}
    app = app_with({"users": users, "auth": oidc})
    app.user = {"is_logged_in": True, "email": "Dao@HaiPhong.example"}
    app.run()
    assert not app.exception
    assert app.metric
    assert app.multiselect(key="agency").options == ["Sở Tư pháp"]
    stranger = app_with({"users": users, "auth": oidc})
    stranger.user = {"is_logged_in": True, "email": "someone@else.example"}
    stranger.run()
    assert stranger.error[0].value == t("auth.no_role", "vi", name="someone@else.example")
    assert not stranger.metric
    signed_out = app_with({"users": users, "auth": oidc})
    signed_out.user = {"is_logged_in": False}
    signed_out.run()
    assert [title.value for title in signed_out.title] == [t("auth.title", "vi")]
    assert not signed_out.metric


def test_an_open_app_says_so_on_the_data_quality_page() -> None:
    app = app_with({}).run()
    assert app.metric  # open, as before
    app.switch_page(str(PROJECT_ROOT / "app_pages" / "data_quality.py")).run()
    assert not app.exception
    assert t("auth.open_notice", "vi") in [info.value for info in app.info]
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        app.switch_page(str(PROJECT_ROOT / "app_pages" / "upload.py"))
