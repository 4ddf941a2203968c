"""Everything a page run would import lazily, imported and exercised once, before any page runs.

Why: a freshly started server runs several sessions' first script runs in parallel threads.
A module imported lazily inside a run can be seen half-initialised by another thread: Plotly's
optional-import helper returns `sys.modules["pandas"]` while another thread is still importing
it ("partially initialized module 'pandas' has no attribute 'Series'"), and Python hands out a
partial module when two threads import one circular package at once. `app.py` imports this
module before anything else; Python's import lock makes every other first run wait at that
line until the whole of it has run, so no page code starts while an import is under way.

What: the modules the app's scripts import (read from `app.py` and `app_pages/*.py`, so a new page
is covered without editing this file), the libraries those load only on first use (pandas,
NumPy and PyArrow under Polars and Plotly, Jinja2 under the pandas Styler, orjson under
Plotly's JSON, kaleido for the PDF), and data that pulls in modules when
first read (Babel's locale data, Plotly's validators, the codec of zip member names).
`tests/test_warmup.py` uses every page after this import and fails if any module is imported
later: that test, not this list, is the authority.
"""

from __future__ import annotations

import ast
import codecs
import gc
import importlib
import importlib.util
import logging
import pkgutil
from datetime import date, datetime
from pathlib import Path

import babel.dates
import babel.numbers
import plotly.graph_objects as go
import plotly.io
import polars as pl

from present.format import LOCALES

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = (ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")))
_LOG = logging.getLogger(__name__)
# Plotly imports a module per trace type and per property object on first construction
# (`plotly.graph_objs.layout.title._subtitle`, ...). Every trace type ui/ draws, and the whole
# layout tree (about 400 small modules, 0.2 s): the test fails when a chart adds a trace type.
PLOTLY_TREES = ("layout", "bar", "scatter", "pie", "histogram", "heatmap")
# Imported if present, never required: the dashboard must start without the PDF stack (the
# report's download imports these from a server thread, before reports.render takes its lock),
# and Streamlit's icon and emoji catalogues (loaded when a page first validates an icon) are
# internal module names that a Streamlit upgrade may move.
IF_PRESENT = ("kaleido", "plotly.io._kaleido", "streamlit.emojis", "streamlit.material_icon_names")


def script_modules(scripts: tuple[Path, ...] = SCRIPTS) -> list[str]:
    """Every module the app's scripts import, as dotted names (`from ui import format` names
    the submodule `ui.format`)."""
    names: set[str] = set()
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(
                    f"{node.module}.{alias.name}"
                    for alias in node.names
                    if _is_submodule(node.module, alias.name)
                )
    return sorted(names - {"__future__", __name__})


def _is_submodule(package: str, name: str) -> bool:
    try:
        return importlib.util.find_spec(f"{package}.{name}") is not None
    except ModuleNotFoundError:  # `package` is a module, so `name` is one of its attributes
        return False


def plotly_modules() -> list[str]:
    names = []
    for tree in PLOTLY_TREES:
        package = importlib.import_module(f"plotly.graph_objs.{tree}")
        prefix = f"{package.__name__}."
        names += [
            package.__name__,
            *(m.name for m in pkgutil.walk_packages(package.__path__, prefix)),
        ]
    return names


def _exercise_libraries() -> None:
    """Call once what pages call, so that what those calls import is imported now."""
    frame = pl.DataFrame({"n": [1, 2], "day": [date(2025, 7, 1), date(2025, 7, 2)]})
    # The Styler behind ui.tables: Polars -> PyArrow -> pandas, and Jinja2 for the styles.
    frame.to_pandas().style.format({"n": "{:,}"}).to_html()
    # Plotly's validators (they ask for pandas and NumPy) and its JSON encoder (orjson).
    figure = go.Figure(go.Bar(x=frame["day"].to_list(), y=frame["n"].to_numpy()))
    figure.update_layout(separators=",.", xaxis={"tickformat": "%d/%m"})
    plotly.io.to_json(figure)
    for locale in LOCALES.values():  # Babel reads a locale's data (and imports) on first use
        babel.numbers.format_decimal(1234.5, "#,##0.0", locale=locale)
        babel.numbers.format_percent(0.585, "#,##0.0%", locale=locale)
        babel.dates.format_date(date(2025, 7, 1), locale=locale)
    datetime.strptime("01/07/2025", "%d/%m/%Y")  # the stdlib imports _strptime on first use
    codecs.lookup("cp437")  # zipfile decodes the member names of an uploaded XLSX with it


def warm_up() -> None:
    for name in [*script_modules(), *plotly_modules(), *IF_PRESENT]:
        try:
            importlib.import_module(name)
        except ImportError as error:  # only a page that needs it fails, as it would unwarmed
            level = logging.DEBUG if name in IF_PRESENT else logging.WARNING
            _LOG.log(level, "warm-up could not import %s: %s", name, error)
    _exercise_libraries()
    _freeze_heap()


def _freeze_heap() -> None:
    """Move everything alive now (the imported modules, Plotly's validators, Babel's data: about
    1.8 million objects that live as long as the process) out of the cyclic collector's reach.

    Why: every page run allocates enough to trigger collections, and each older-generation
    collection walked that whole heap again; frozen, a fresh page open costs a third less server
    CPU (0.27 → 0.17 s p50 in `benchmarks/bench_crowd.py`). Garbage made after this point is
    collected as before; the frozen objects were never going to be freed."""
    gc.collect()
    gc.freeze()


warm_up()
