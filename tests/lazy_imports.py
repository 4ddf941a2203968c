"""Run by tests/test_warmup.py in a fresh interpreter:
`python -m tests.lazy_imports WAREHOUSE EXPORT… [--no-warm-up]`.

Imports `ui.warmup` first, as app.py does (with `--no-warm-up`, only later through app.py: the
control), then only what it needs itself (the AppTest harness, the project's root, the password
hash, the strings), runs the harness on an empty script (what a server does once before any
page: its runtime and script runner), and records `sys.modules`. Then it uses the app as an
administrator: every page script, the unit view of one unit, and the upload page loading the
EXPORT files through the real ETL. It prints, as JSON, every module imported after the record,
the title each page showed and any exception a page raised.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path

PASSWORD = "mat-khau-thu-nghiem"
UNIT = "11311"  # Phường Hồng Bàng, in every Hải Phòng sample
MIME = {".csv": "text/csv", ".xlsx": "application/vnd.ms-excel"}


def use_the_app(exports: list[Path]) -> tuple[list[str], list[str], list[str]]:
    from streamlit.testing.v1 import AppTest

    from etl.settings import PROJECT_ROOT
    from present.strings import t
    from ui.passwords import make_hash

    files = [(path.name, path.read_bytes(), MIME[path.suffix]) for path in exports]
    secrets = {"quantri": {"password_hash": make_hash(PASSWORD), "role": "admin"}}
    AppTest.from_string("pass").run()
    before = set(sys.modules)

    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120)
    app.secrets["users"] = secrets
    app.run()
    app.text_input(key="sign_in_name").input("quantri")
    app.text_input(key="sign_in_pw").input(PASSWORD)
    next(button for button in app.button if button.label == t("auth.submit", "vi")).click()
    app.run()
    titles, errors = [], []
    for script in sorted((PROJECT_ROOT / "app_pages").glob("*.py")):
        if script.stem == "unit":
            app.query_params["ma"] = UNIT
        app.switch_page(f"app_pages/{script.name}").run()
        if script.stem == "upload":
            app.file_uploader[0].set_value(files).run()
            next(b for b in app.button if b.label == t("upload.start", "vi")).click()
            app.run()
        titles += [title.value for title in app.title[:1]]
        errors += [str(exception.value) for exception in app.exception]
    return sorted(set(sys.modules) - before), titles, errors


def main(warehouse: Path, exports: list[Path], warm_up: bool) -> None:
    if warm_up:
        importlib.import_module("ui.warmup")
    os.environ["WAREHOUSE_PATH"] = str(warehouse)
    imported, titles, errors = use_the_app(exports)
    print(json.dumps({"imported": imported, "titles": titles, "errors": errors}))


if __name__ == "__main__":
    arguments = sys.argv[1:]
    paths = [Path(argument) for argument in arguments if argument != "--no-warm-up"]
    main(paths[0], paths[1:], warm_up="--no-warm-up" not in arguments)
