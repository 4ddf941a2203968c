"""Optional sign-in, and what each signed-in person may see.

Configured in `.streamlit/secrets.toml` (see SECURITY.md); without a `[users]` table and
without an `[auth]` section the app runs open, as before, and says so on the data-quality page.

    [auth]                      # optional: OIDC sign-in with st.login (needs streamlit[auth])
    ...                         # redirect_uri, cookie_secret, client_id, ... (Streamlit docs)

    [users.alice]               # password sign-in: hash from `python -m ui.passwords hash`
    password_hash = "scrypt$16384$8$1$…"
    role = "commune"            # admin | city | agency | commune
    unit = "11311"              # commune: its unit code (or a list)

    [users.dao]                 # identity-provider sign-in, matched by e-mail
    email = "dao@haiphong.gov.vn"
    role = "agency"
    agency = "31.STP"           # agency: procedures.agency_code (or a list)

The account is looked up in the secrets on every run, so removing a user or changing a role
takes effect at that person's next click. What a role may see is an `Access` (metrics.access)
put into the view's `Filters`; `metrics.scope` enforces it in every query.

Which pages an account has is decided here too (`navigate`), and every link to a page that not
every account has goes through `page_link`: Streamlit resolves a link against the pages the
session's last `st.navigation` registered, which before this run's navigation are another
run's (none in a new session, another account's after a sign-out), so a link drawn then, or
to a page this account lacks, raises "Could not find page".
"""

from __future__ import annotations

import importlib.util
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import streamlit as st
from streamlit.errors import StreamlitSecretNotFoundError

from metrics.access import CITY, Access
from metrics.filters import Filters
from present.format import Lang
from present.strings import t
from ui.passwords import make_hash, verify

# Pages only some accounts may open, by url_path: the rows of rejected files and the load
# history are the city's; loading data is for administrators.
DATA_QUALITY = "chat-luong-du-lieu"
UPLOAD = "nap-du-lieu"
CITY_PAGES = (DATA_QUALITY,)
ADMIN_PAGES = (UPLOAD,)
_SIGNED_IN = "_signed_in_user"  # session key: the user name a password sign-in proved
_ACCOUNT = "_account"  # session key: the account this run uses (read by pages)
_LINKABLE = "_linkable_pages"  # session key: url_path -> st.Page, set by this run's navigate()
# Failed password attempts per user name, process-wide: five within the window lock the name.
MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
_FAILURES: dict[str, list[float]] = {}
_FAILURES_LOCK = threading.Lock()
# Verified against when the user name is unknown, so the answer takes as long either way.
_DUMMY_HASH = make_hash("not a password of anyone")


@dataclass(frozen=True)
class Account:
    """A person the app serves: a display name, what they may see, and whether they may load
    data. The open app (no sign-in configured) serves everybody as `OPEN`."""

    name: str
    access: Access
    admin: bool = False
    signed_in: bool = True


OPEN = Account("", CITY, admin=False, signed_in=False)


def _secrets_section(name: str) -> Mapping[str, Any]:
    try:
        section = st.secrets.get(name)
    except (StreamlitSecretNotFoundError, FileNotFoundError):
        return {}
    return section if isinstance(section, Mapping) else {}


def _users() -> Mapping[str, Any]:
    return _secrets_section("users")


def _oidc_configured() -> bool:
    return bool(_secrets_section("auth"))


def sign_in_configured() -> bool:
    return bool(_users()) or _oidc_configured()


def _codes(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,) if value.strip() else ()
    if isinstance(value, list | tuple):
        return tuple(str(code) for code in value if str(code).strip())
    return ()


def account_from(name: str, entry: Mapping[str, Any]) -> Account | None:
    """The account a `[users.<name>]` entry describes, or None when it is incomplete (an
    unknown role, a commune without its unit): such a person is refused, never let in wide."""
    role = entry.get("role")
    try:
        if role == "admin":
            return Account(name, CITY, admin=True)
        if role == "city":
            return Account(name, CITY)
        if role == "agency":
            return Account(name, Access("agency", agency_codes=_codes(entry.get("agency"))))
        if role == "commune":
            return Account(name, Access("commune", unit_codes=_codes(entry.get("unit"))))
    except ValueError:
        return None
    return None


def _by_email(email: str) -> Account | None:
    wanted = email.strip().casefold()
    for entry in _users().values():
        if isinstance(entry, Mapping) and str(entry.get("email", "")).casefold() == wanted:
            return account_from(email, entry)
    return None


def _locked_for(name: str) -> float:
    """Seconds until `name` may try again (0 when it may now)."""
    now = time.monotonic()
    with _FAILURES_LOCK:
        recent = [moment for moment in _FAILURES.get(name, []) if now - moment < LOCK_SECONDS]
        _FAILURES[name] = recent
        if len(recent) < MAX_FAILURES:
            return 0.0
        return LOCK_SECONDS - (now - recent[0])


def _record_failure(name: str) -> None:
    with _FAILURES_LOCK:
        _FAILURES.setdefault(name, []).append(time.monotonic())


def check_password(name: str, password: str) -> bool:
    """True when `name` is a password user and `password` is theirs."""
    entry = _users().get(name)
    stored = entry.get("password_hash") if isinstance(entry, Mapping) else None
    matched = verify(password, stored if isinstance(stored, str) else _DUMMY_HASH)
    return matched and isinstance(stored, str)


def _sign_in_form(lang: Lang) -> None:
    st.title(t("auth.title", lang))
    st.caption(t("auth.intro", lang))
    if _oidc_configured():
        if importlib.util.find_spec("authlib") is None:
            st.warning(t("auth.oidc_missing", lang))
        else:
            st.button(t("auth.oidc", lang), on_click=st.login, icon=":material/login:")
    if not _users():
        return
    with st.form("sign_in", enter_to_submit=True):
        name = st.text_input(t("auth.username", lang), key="sign_in_name").strip()
        password = st.text_input(t("auth.password", lang), type="password", key="sign_in_pw")
        submitted = st.form_submit_button(t("auth.submit", lang), type="primary")
    if not submitted:
        return
    wait = _locked_for(name)
    if wait:
        st.error(t("auth.locked", lang, minutes=max(1, round(wait / 60))))
    elif check_password(name, password):
        st.session_state[_SIGNED_IN] = name
        st.rerun()
    else:
        _record_failure(name)
        st.error(t("auth.failed", lang))


def _sign_out() -> None:
    st.session_state.pop(_SIGNED_IN, None)
    st.session_state.pop(_ACCOUNT, None)
    if _oidc_configured() and st.user.is_logged_in:
        st.logout()


def _refuse(name: str, lang: Lang) -> None:
    st.error(t("auth.no_role", lang, name=name))
    st.button(t("auth.sign_out", lang), on_click=_sign_out)
    st.stop()


def _signed_in_account(lang: Lang) -> Account | None:
    """The account proved in this session (password or identity provider), if any."""
    name = st.session_state.get(_SIGNED_IN)
    if name is not None:
        entry = _users().get(name)
        account = account_from(name, entry) if isinstance(entry, Mapping) else None
        if account is None:  # removed or broken since sign-in
            st.session_state.pop(_SIGNED_IN, None)
            _refuse(name, lang)
        return account
    if _oidc_configured() and st.user.is_logged_in:
        email = str(st.user.get("email") or "")
        account = _by_email(email) if email else None
        if account is None:
            _refuse(email or "?", lang)
        return account
    return None


def require_account(pages: list[st.Page], lang: Lang) -> Account:
    """The person this run serves. When sign-in is configured and nobody has signed in, draw
    the sign-in form and stop the run: no data are read before that.

    The form's run registers `pages` as a hidden navigation and runs none of them: Streamlit
    then knows which page the URL asked for and keeps it through the sign-in's rerun, so the
    person lands on that page (or on its notice, if the account may not open it)."""
    st.session_state.pop(_LINKABLE, None)  # the last run's pages; nothing links before navigate
    if not sign_in_configured():
        account = OPEN
    else:
        account = _signed_in_account(lang)
        if account is None:
            st.navigation(pages, position="hidden")
            _sign_in_form(lang)
            st.stop()
        _sidebar_badge(account, lang)
    st.session_state[_ACCOUNT] = account
    return account


def current_account() -> Account:
    """The account `require_account` settled on for this run (OPEN outside the app)."""
    return st.session_state.get(_ACCOUNT, OPEN)


def role_label(account: Account, lang: Lang) -> str:
    if account.admin:
        return t("role.admin", lang)
    access = account.access
    codes = ", ".join(access.unit_codes or access.agency_codes)
    return t(f"role.{access.role}", lang, codes=codes)


def _sidebar_badge(account: Account, lang: Lang) -> None:
    with st.sidebar:
        st.caption(t("auth.signed_in", lang, name=account.name, role=role_label(account, lang)))
        st.button(t("auth.sign_out", lang), on_click=_sign_out, icon=":material/logout:")


def account_links(account: Account, lang: Lang) -> None:
    """The sidebar links only some accounts have (the upload page, for administrators), under
    the sign-out button; drawn after `navigate`, as every link must be."""
    if account.admin:
        with st.sidebar:
            page_link(UPLOAD, t("nav.upload", lang), ":material/upload_file:")


def may_open(url_path: str, account: Account) -> bool:
    """Whether `account` may have the page at `url_path` in its navigation at all."""
    if url_path in ADMIN_PAGES:
        return account.admin
    if url_path in CITY_PAGES:
        return account.access.is_city
    return True


def navigate(pages: list[st.Page], account: Account, lang: Lang) -> st.Page:
    """Register this run's navigation for `account` and return the page to run.

    A page the account may not open is not in it, not even by URL: in its place, at the same
    URL, a notice says why (uploads are off in an open dashboard; administrators only; city
    accounts only), so a shared or bookmarked link never lands silently elsewhere."""
    allowed = {page.url_path: page for page in pages if may_open(page.url_path, account)}
    shown = [allowed.get(page.url_path) or _closed(page, account, lang) for page in pages]
    selected = st.navigation(shown, position="top")
    st.session_state[_LINKABLE] = allowed
    return selected


def page_link(url_path: str, label: str, icon: str) -> None:
    """A link to the page at `url_path` if this run's navigation holds it for this account;
    nothing otherwise (before `navigate` has run, or for a page the account may not open)."""
    page = st.session_state.get(_LINKABLE, {}).get(url_path)
    if page is not None:
        st.page_link(page, label=label, icon=icon)


def _closed(page: st.Page, account: Account, lang: Lang) -> st.Page:
    """A hidden stand-in at `page`'s URL that says why this account cannot open it."""
    if page.url_path in ADMIN_PAGES:
        reason = "upload.admin_only" if account.signed_in else "upload.open_dashboard"
    else:
        reason = "auth.city_only"

    def notice() -> None:
        st.title(page.title)
        st.info(t(reason, lang), icon=":material/lock:")

    return st.Page(
        notice, title=page.title, icon=page.icon, url_path=page.url_path, visibility="hidden"
    )


def restrict(filters: Filters, access: Access) -> Filters:
    """The filter bar's choice within what `access` allows: the access itself (enforced by
    metrics.scope), and the unit or agency narrowed to the account's own so that titles,
    headers and file names say whose numbers they are."""
    if access.role == "commune":
        units = tuple(c for c in filters.unit_codes if c in access.unit_codes)
        return replace(filters, unit_codes=units or access.unit_codes, access=access)
    if access.role == "agency":
        agencies = tuple(c for c in filters.agency_codes if c in access.agency_codes)
        return replace(filters, agency_codes=agencies or access.agency_codes, access=access)
    return replace(filters, access=access)
