"""Two app processes behind nginx, as docs/deploy.md sets them up, while loads replace the
warehouse: browsers reach both processes through the proxy, each browser stays on one process
(page, websocket and all), every page draws without an exception box, and every overview
shows the numbers of exactly one warehouse version.

The nginx configuration under test is the project's own `docs/deploy/tthc.nginx.conf`, with
its two `server` lines pointed at this test's processes and its `listen` at a free port.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT
from tests.test_browser_app import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    LOAD_TIMEOUT_MS,
    VIEWPORT,
    _free_port,
    assert_clean,
    start_streamlit,
    stop,
    sync_api,
    wait_until_drawn,
)
from tests.test_browser_load import _shown_pair, rehearsed_loads, run_loads

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
if not Path(NGINX).exists():
    pytest.skip("no nginx: apt-get install nginx (.ci/run installs it)", allow_module_level=True)

pytestmark = pytest.mark.slow

SITE = PROJECT_ROOT / "docs" / "deploy" / "tthc.nginx.conf"
PROCESSES = 2
# Browsers opened until each process holds at least this many (the route is random).
PER_PROCESS, MAX_BROWSERS = 2, 16
PATHS = ("", "phuong-xa", "thu-tuc", "bieu-ii-06a")
STARTUP_TIMEOUT_S = 30
ACCESS = re.compile(r"^(?P<route>\S*)\|(?P<upstream>\S*)\|(?P<uri>\S*)\|(?P<status>\d+)$")


def site_config(ports: list[int], listen: int) -> str:
    """The project's nginx snippet, aimed at this test's processes and port."""
    text = SITE.read_text(encoding="utf-8")
    servers = re.findall(r"^\s*server 127\.0\.0\.1:\d+[^\n]*\n", text, flags=re.MULTILINE)
    assert len(servers) == PROCESSES, "the snippet lists one server line per app process"
    for line, port in zip(servers, ports, strict=True):
        text = text.replace(line, re.sub(r":\d+", f":{port}", line, count=1), 1)
    return text.replace("listen 80;", f"listen 127.0.0.1:{listen};")


def start_nginx(folder: Path, ports: list[int]) -> tuple[subprocess.Popen, str, Path]:
    """nginx in the foreground with the project's snippet; (process, base URL, access log)."""
    listen = _free_port()
    access = folder / "access.log"
    (folder / "site.conf").write_text(site_config(ports, listen), encoding="utf-8")
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must reach this test's folder
    temp = "".join(
        f"    {kind}_temp_path {folder / kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"{user}worker_processes 1;\npid {folder / 'nginx.pid'};\n"
        f"error_log {folder / 'error.log'} notice;\nevents {{ worker_connections 256; }}\n"
        "http {\n"
        "    log_format routes '$cookie_tthc_route|$upstream_addr|$request_uri|$status';\n"
        f"    access_log {access} routes;\n{temp}    include {folder / 'site.conf'};\n}}\n",
        encoding="utf-8",
    )
    command = [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"]
    checked = subprocess.run([*command, "-t"], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    proxy = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{listen}"
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    while True:
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return proxy, base, access
        except OSError:
            if proxy.poll() is not None or time.monotonic() > deadline:
                proxy.kill()
                raise RuntimeError(f"nginx did not start: {proxy.stderr.read()}") from None
            time.sleep(0.2)


def routes(access: Path) -> dict[str, set[str]]:
    """For each route cookie, the app processes its requests reached."""
    reached: dict[str, set[str]] = defaultdict(set)
    for line in access.read_text(encoding="utf-8").splitlines():
        match = ACCESS.match(line)
        if match and match["route"] not in ("", "-") and match["upstream"] not in ("", "-"):
            reached[match["route"]].add(match["upstream"])
    return reached


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[Path], list]]:
    yield rehearsed_loads(tmp_path_factory.mktemp("proxy"))


def test_two_processes_behind_nginx_while_loads_run(
    setup: tuple, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    live, files, pairs = setup
    # One cookie secret for every process, as docs/deploy.md says: a session's signed cookies
    # stay valid whichever process signed them.
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", "test-shared-secret")
    servers = [start_streamlit(live, tmp_path / f"streamlit-{i}.log") for i in range(PROCESSES)]
    proxy, base, access = start_nginx(tmp_path, [int(url.rsplit(":", 1)[1]) for _, url in servers])
    load_failures: list[str] = []
    loader = threading.Thread(target=run_loads, args=(live, files, load_failures))
    seen: list[tuple[str, str]] = []
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tabs = _browsers_on_every_process(browser, base, access)
            loader.start()
            step = 0
            while loader.is_alive() or step < 2 * len(tabs):
                targets = [PATHS[(step + i) % len(PATHS)] for i in range(len(tabs))]
                for tab, path in zip(tabs, targets, strict=True):
                    tab.goto(f"{base}/{path}", wait_until="commit")
                for tab, path in zip(tabs, targets, strict=True):
                    tab.wait_for_selector('[data-testid="stApp"]')
                    wait_until_drawn(tab)
                    _assert_clean(tab)
                    if path == "":
                        seen.append(_shown_pair(tab))
                step += len(tabs)
            loader.join()
            tabs[0].goto(base)
            wait_until_drawn(tabs[0])
            final = _shown_pair(tabs[0])
            browser.close()
    finally:
        loader.join(timeout=120)
        proxy.terminate()
        proxy.wait(timeout=20)
        for server, _ in servers:
            stop(server)
    assert load_failures == []
    reached = routes(access)
    assert all(len(upstreams) == 1 for upstreams in reached.values()), reached
    assert len({next(iter(upstreams)) for upstreams in reached.values()}) == PROCESSES
    assert seen and all(pair in pairs for pair in seen), (seen, pairs)
    assert final == pairs[-1]


def _assert_clean(tab: sync_api.Page) -> None:
    """No exception box, and if there is one, say what it said."""
    boxes = tab.locator('[data-testid="stException"]').all_inner_texts()
    assert boxes == [], (tab.url, boxes)
    assert_clean(tab)


def _browsers_on_every_process(
    browser: sync_api.Browser, base: str, access: Path
) -> list[sync_api.Page]:
    """New browsers (each its own cookies) until every process holds PER_PROCESS of them."""
    tabs: list[sync_api.Page] = []
    per_process: dict[str, int] = defaultdict(int)
    while (
        min((per_process[u] for u in per_process), default=0) < PER_PROCESS
        or len(per_process) < PROCESSES
    ):
        assert len(tabs) < MAX_BROWSERS, f"nginx sent every browser to {dict(per_process)}"
        tab = browser.new_context(viewport=VIEWPORT).new_page()
        tab.set_default_timeout(LOAD_TIMEOUT_MS)
        tab.goto(base)
        wait_until_drawn(tab)
        _assert_clean(tab)
        route = next(c["value"] for c in tab.context.cookies() if c["name"] == "tthc_route")
        [upstream] = routes(access)[route]
        per_process[upstream] += 1
        tabs.append(tab)
    return tabs
