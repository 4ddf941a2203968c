"""A cold server's first runs find nothing left to import. Several sessions' first runs happen
in parallel threads; a module one of them imports lazily can be seen half-initialised by
another ("partially initialized module 'pandas' has no attribute 'Series'"). app.py imports
`ui.warmup` before anything else, and after that import using the whole app imports no
module at all: no third-party package, no standard-library module, no project module.

Checked in a fresh interpreter (tests/lazy_imports.py), with a control that records before the
warm-up to show the same use of the app does import hundreds of modules, pandas among them."""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT
from present.strings import t
from tests.conftest import query
from tests.exports import VI_LABELS, application, table, write_csv, write_xlsx
from tests.small_warehouse import build_small_warehouse

PAGES = sorted((PROJECT_ROOT / "app_pages").glob("*.py"))


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("warm") / "warehouse.duckdb")


def use_the_app(small: Path, folder: Path, *flags: str) -> dict:
    """Run tests/lazy_imports.py on a copy of `small`; its JSON answer and the copy."""
    warehouse = folder / "warehouse.duckdb"
    shutil.copyfile(small, warehouse)
    rows = table([application("W1"), application("W2", received_at="32/07/2025")], VI_LABELS)
    exports = [write_csv(folder / "ho-so.csv", rows), write_xlsx(folder / "ho-so.xlsx", rows)]
    done = subprocess.run(
        [sys.executable, "-m", "tests.lazy_imports", str(warehouse), *map(str, exports), *flags],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer["errors"] == []
    assert len(answer["titles"]) == len(PAGES) and t("upload.title", "vi") in answer["titles"]
    loaded = query(warehouse, "select file_name, rows_read from load_log where rows_read = 2")
    assert sorted(loaded) == [("ho-so.csv", 2), ("ho-so.xlsx", 2)]  # the upload page loaded
    return answer


def test_app_py_imports_the_warm_up_before_anything_else() -> None:
    tree = ast.parse((PROJECT_ROOT / "app.py").read_text(encoding="utf-8"))
    imports = [
        node
        for node in tree.body
        if isinstance(node, ast.Import | ast.ImportFrom)
        and getattr(node, "module", None) != "__future__"
    ]
    assert isinstance(imports[0], ast.Import)
    assert [alias.name for alias in imports[0].names] == ["ui.warmup"]


def test_using_every_page_after_the_warm_up_imports_nothing(small: Path, tmp_path: Path) -> None:
    assert use_the_app(small, tmp_path)["imported"] == []


def test_without_the_warm_up_first_the_same_use_imports_pandas(small: Path, tmp_path: Path) -> None:
    imported = set(use_the_app(small, tmp_path, "--no-warm-up")["imported"])
    assert {"pandas", "numpy", "pyarrow", "jinja2", "plotly.graph_objs.layout._title"} <= imported
