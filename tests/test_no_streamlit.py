"""The layers below the widgets import no Streamlit: `python -m reports` runs from cron on a
machine without a browser session, and `present/` is what a screen and a file share.

Each check runs in a fresh interpreter, so modules the test session already imported (the
AppTest tests load Streamlit) cannot hide an import."""

from __future__ import annotations

import subprocess
import sys

import pytest

from etl.settings import PROJECT_ROOT

_LOADED = (
    "import importlib, sys\n"
    "for name in sys.argv[1:]:\n"
    "    importlib.import_module(name)\n"
    "print(sorted(m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')))\n"
)


def _modules(package: str) -> list[str]:
    return sorted(
        f"{package}.{path.stem}" if path.stem != "__init__" else package
        for path in (PROJECT_ROOT / package).glob("*.py")
    )


def _streamlit_modules_after_importing(names: list[str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _LOADED, *names],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_the_report_command_loads_no_streamlit() -> None:
    assert _streamlit_modules_after_importing(["reports.__main__"]) == "[]"


@pytest.mark.parametrize("package", ["etl", "metrics", "present", "reports"])
def test_no_module_of_the_package_loads_streamlit(package: str) -> None:
    modules = _modules(package)
    assert len(modules) > 3  # the glob found the package's files
    assert _streamlit_modules_after_importing(modules) == "[]"
