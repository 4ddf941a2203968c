"""A browser-less Streamlit session: what a browser tab asks of the server, without the tab.

A browser opening a page connects to `/_stcore/stream` and sends one `rerun_script` message
carrying the page's URL path and query string; the server runs `app.py` for that new session
and streams its elements until `script_finished`. Doing exactly that over a plain websocket
costs the client almost nothing, so a crowd of sessions measures the server, not twenty
Chromium renderers sharing its two cores.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.sync.client import connect

# A page of this app finishes in well under a minute even on a cold, crowded server.
RECEIVE_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class PageOpen:
    """One fresh session's first script run: how long it took and what it drew."""

    page: str
    query: str
    seconds: float
    elements: int
    exceptions: tuple[str, ...]
    finished: bool  # script_finished arrived with status FINISHED_SUCCESSFULLY


def open_page(base: str, page: str, query: str = "") -> PageOpen:
    """Open `page` (its url_path; "" for the default page) in a new session at `base`
    (`http://host:port`) and wait for the script run to finish."""
    ws_url = base.replace("http", "ws", 1) + "/_stcore/stream"
    started = time.perf_counter()
    elements, exceptions = 0, []
    with connect(ws_url, subprotocols=["streamlit"], origin=base, max_size=None) as socket:
        request = BackMsg()
        request.rerun_script.query_string = query
        request.rerun_script.page_name = page
        socket.send(request.SerializeToString())
        while True:
            message = ForwardMsg()
            message.ParseFromString(socket.recv(timeout=RECEIVE_TIMEOUT_S))
            kind = message.WhichOneof("type")
            if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                elements += 1
                element = message.delta.new_element
                if element.WhichOneof("type") == "exception":
                    exceptions.append(f"{element.exception.type}: {element.exception.message}")
            elif kind == "script_finished":
                ok = message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
                seconds = time.perf_counter() - started
                return PageOpen(page, query, seconds, elements, tuple(exceptions), ok)
