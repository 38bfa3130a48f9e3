"""The event stream an open page listens to (Server-Sent Events): the server speaks when the page
has a newer version, so a save reaches the reader as soon as it is built, without asking.

One long GET per open page (`text/event-stream`, read by the browser's `EventSource`). The page
names itself and its version; the stream sends `muat-ulang` with the changed paths once that
page's version (`Snapshot.page_version`) is newer, and nothing for edits elsewhere. A comment
line every few seconds keeps the connection alive through proxies and lets the server notice
a closed tab; the socket is also looked at between waits, so a closed tab ends its thread
within about a second. The preview's stop ends every stream at once.
"""
from __future__ import annotations

import json
import select
import socket
import threading
import time
from collections.abc import Callable

from .pages import RELOAD
from .state import Preview

KEEPALIVE = 10.0
"""Seconds between comment lines when nothing happens."""
LOOK = 0.5
"""Seconds between looks at whether the reader is still there."""
RETRY_MS = 1000
"""How soon the browser reconnects after the stream ends (the server restarted, say)."""
MAX_STREAMS = 64
"""Open pages at once; a browser opens at most six connections per server anyway, so more means
something is wrong, and each stream holds a thread."""


class Streams:
    """Counts open streams, so their number stays bounded."""

    def __init__(self, limit: int = MAX_STREAMS):
        self.limit, self.open = limit, 0
        self._lock = threading.Lock()

    def enter(self) -> bool:
        with self._lock:
            if self.open >= self.limit:
                return False
            self.open += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self.open -= 1


def event(name: str, data: object) -> bytes:
    """One event; JSON data is one line, so no field can be split or injected."""
    return f"event: {name}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n".encode()


def gone(connection: socket.socket) -> bool:
    """Whether the reader closed the connection: a browser sends nothing on an event stream after its
    request, so the socket becomes readable only when it is closed (or reset)."""
    try:
        readable, _, _ = select.select([connection], [], [], 0)
        return bool(readable) and connection.recv(1, socket.MSG_PEEK) == b""
    except (OSError, ValueError):
        return True


def follow(preview: Preview, path: str, known: int, send: Callable[[bytes], object],
           closed: Callable[[], bool], keepalive: float = KEEPALIVE, look: float = LOOK) -> None:
    """Send `muat-ulang` each time the page at `path` is newer than the version the reader has,
    until the reader leaves or the preview stops. Returns quietly when the connection breaks."""
    try:
        send(f"retry: {RETRY_MS}\n\n".encode())
        quiet_since = time.monotonic()
        while not preview.stopped:
            now = preview.current
            version = now.page_version(path)
            if version > known:
                send(event(RELOAD, {"versi": version, "halaman": path, "berubah": now.changed_since(known)}))
                known, quiet_since = version, time.monotonic()
            elif time.monotonic() - quiet_since >= keepalive:
                send(b": tetap tersambung\n\n")
                quiet_since = time.monotonic()
            if closed():
                return
            preview.wait_newer(now.version, look)
    except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, TimeoutError):
        return
