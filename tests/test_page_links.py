"""Links between pages cannot break a run. Streamlit resolves `st.page_link` and `st.switch_page`
against the pages that the session's last `st.navigation` registered: before this run's
navigation those are another run's (none after a sign-in form, another account's after a
switch), and a page this account lacks is never there, so such a link raises "Could not find
page" (the admin sign-in crash). The rule, checked on the source of every call:

- a link to a page that not every account has goes through `ui.auth.page_link` (drawn only
  when this run's navigation holds it), the one place that calls `st.page_link` directly;
- any other direct call is in a page script (which runs after the navigation) and names a
  page every account's navigation holds.
"""

from __future__ import annotations

import ast
from pathlib import Path

from etl.settings import PROJECT_ROOT
from ui.auth import ADMIN_PAGES, CITY_PAGES

LINK_CALLS = {"page_link", "switch_page"}
SOURCES = [PROJECT_ROOT / "app.py", *sorted((PROJECT_ROOT / "ui").glob("*.py"))]
PAGES = sorted((PROJECT_ROOT / "app_pages").glob("*.py"))


def link_calls(path: Path) -> list[tuple[str, ast.Call]]:
    """(enclosing function, call) for every `st.page_link(...)` / `st.switch_page(...)`."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for function in [tree, *[n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]]:
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in LINK_CALLS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "st"
            ):
                found.append((getattr(function, "name", "<module>"), node))
    # ast.walk goes outside in, so the last function that holds a call is the innermost one.
    innermost = {id(call): (name, call) for name, call in found}
    return list(innermost.values())


def constants(path: Path) -> dict[str, str]:
    """Module-level `NAME = "text"` assignments of a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name) and isinstance(node.value.value, str)
    }


def url_paths_by_script() -> dict[str, str]:
    """app.py's navigation: page script -> its url_path (the default page has none: "/")."""
    tree = ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))
    return {
        ast.literal_eval(node.args[0]): ast.literal_eval(
            next((k.value for k in node.keywords if k.arg == "url_path"), ast.Constant(""))
        )
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page"
    }


def test_only_ui_auth_page_link_draws_links_outside_the_pages() -> None:
    outside = [
        (path.relative_to(PROJECT_ROOT).as_posix(), function, call.lineno)
        for path in SOURCES
        for function, call in link_calls(path)
    ]
    assert [(path, function) for path, function, _ in outside] == [("ui/auth.py", "page_link")]


def test_links_in_pages_name_pages_every_account_has() -> None:
    urls = url_paths_by_script()
    restricted = set(ADMIN_PAGES) | set(CITY_PAGES)
    seen = 0
    for path in PAGES:
        names = constants(path)
        for _, call in link_calls(path):
            target = call.args[0]
            script = target.value if isinstance(target, ast.Constant) else names.get(target.id)
            assert script in urls, (path.name, call.lineno, script)
            assert urls[script] not in restricted, (path.name, call.lineno, script)
            seen += 1
    assert seen >= 2  # app_pages/unit.py and app_pages/units.py link to each other
