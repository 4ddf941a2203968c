"""The two jobs the system Chromium does for the PDF: draw Plotly figures as SVG (through
kaleido) and print the report's HTML to an A4 PDF (headless Chromium's `--print-to-pdf`).

Nothing is downloaded: kaleido and the print both use Debian's `/usr/bin/chromium`
(`BROWSER_PATH` overrides). Kaleido's sync server is started once per process and kept, so
a report costs ~0.2 s per figure instead of a browser start (~2 s) per figure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import warnings
from collections.abc import Sequence
from pathlib import Path

import plotly.graph_objects as go

# Names Debian and other distributions give the browser, tried in this order.
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome")
# The flags STACK_NOTES.md measured for a headless Chromium on a shared, offline machine.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# A report prints in 2–5 s on two busy cores; a browser stuck longer than this has hung.
PRINT_TIMEOUT_S = 120
_KALEIDO_LOCK = threading.Lock()


class ChromiumMissing(RuntimeError):
    """No Chromium on this machine: the PDF cannot be made (the page says so in words)."""


class PrintFailed(RuntimeError):
    """Chromium ran but wrote no PDF."""


def chromium_path() -> Path:
    """The browser kaleido and the print use; raises ChromiumMissing when there is none."""
    configured = os.environ.get("BROWSER_PATH", "").strip()
    candidates = [configured] if configured else [shutil.which(n) or "" for n in BROWSER_NAMES]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return Path(candidate)
    raise ChromiumMissing("Chromium not found (apt-get install chromium, or set BROWSER_PATH)")


def chromium_available() -> bool:
    try:
        chromium_path()
    except ChromiumMissing:
        return False
    return True


def figures_to_svg(figures: Sequence[go.Figure], width: int) -> list[str]:
    """Each figure as an SVG document `width` px wide, at its own layout height."""
    import kaleido  # imported late: the dashboard must start on a machine without it

    os.environ.setdefault("BROWSER_PATH", str(chromium_path()))
    with _KALEIDO_LOCK:
        kaleido.start_sync_server(silence_warnings=True)  # a no-op once it runs
        with warnings.catch_warnings():
            # Plotly passes its default kaleido options, which a running server ignores.
            warnings.filterwarnings("ignore", message="The kopts argument is ignored")
            return [
                figure.to_image(format="svg", width=width, height=figure.layout.height).decode()
                for figure in figures
            ]


def stop_figure_server() -> None:
    """Close kaleido's Chromium before a one-shot command exits: left to the interpreter's
    exit, its temporary profile is removed while Chromium still writes to it, and a traceback
    ("KeyError: 'Default'") can follow the command's own last line on stderr."""
    kaleido = sys.modules.get("kaleido")
    if kaleido is not None:
        with _KALEIDO_LOCK:
            kaleido.stop_sync_server(silence_warnings=True)


def html_to_pdf(html: str) -> bytes:
    """Print an HTML document with headless Chromium; page size and margins come from the
    document's own `@page` rule, and Chromium's date/URL header and footer are left out."""
    browser = chromium_path()
    with tempfile.TemporaryDirectory(prefix="report-") as work:
        source, target = Path(work) / "report.html", Path(work) / "report.pdf"
        source.write_text(html, encoding="utf-8")
        command = [
            str(browser),
            *CHROMIUM_FLAGS,
            # A profile of its own: two prints at once never fight over one profile lock.
            f"--user-data-dir={Path(work) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ]
        result = subprocess.run(  # noqa: S603 — fixed argv, no shell, paths made here
            command, capture_output=True, timeout=PRINT_TIMEOUT_S, check=False
        )
        if not target.exists() or target.stat().st_size == 0:
            detail = result.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
            raise PrintFailed(f"Chromium exited with {result.returncode}: {detail[0]}")
        return target.read_bytes()
