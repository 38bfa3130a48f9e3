"""The preview's web server: on 127.0.0.1 only, and only files of the built site.

Requests are looked up in the current build's map of files (`state.Snapshot`), never on
disk: a path with `..`, an encoded `%2e%2e`, an absolute or a Windows path, or a link that
leads out of the project simply names no built file. Pages get the preview bar and the
reload script on the way out (`pages.inject`); site/ is never touched. An open page listens on
`/__lkjip/peristiwa` (`events.follow`) and reloads when told its page changed.

A request must name this server as its Host (127.0.0.1 or localhost, with its port): a web
page elsewhere cannot point a name of its own at 127.0.0.1 and read the preview (DNS
rebinding); the event stream included. No header value carries a line break, whatever the
report's data say.
"""
from __future__ import annotations

import json
import sys
import time
from functools import partial
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TextIO
from urllib.parse import parse_qs, unquote, urlsplit

from ..project import Project
from . import events, pages
from .incremental import Work
from .state import Preview, Snapshot
from .watch import Watcher

HOST = "127.0.0.1"
TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml",
         ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".pdf": "application/pdf",
         ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
         ".webp": "image/webp", ".ttf": "font/ttf", ".otf": "font/otf", ".woff": "font/woff",
         ".woff2": "font/woff2", ".txt": "text/plain; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


def site_path(raw: str) -> str | None:
    """The built file a request names ('/' is index.html), or None when it can name none."""
    try:
        path = unquote(urlsplit(raw).path, errors="strict")
    except UnicodeDecodeError:
        return None
    parts = path.split("/")
    if not path.startswith("/") or path.startswith("//") or "\\" in path or "\x00" in path or \
            any(p in (".", "..") for p in parts):
        return None
    rel = path[1:]
    return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def allowed_host(host: str | None, port: int) -> bool:
    """The Host header of a request to this server: 127.0.0.1 or localhost, with this port or none."""
    if host is None:
        return False
    name, _, given = host.strip().lower().rpartition(":") if ":" in host else (host.strip().lower(), "", "")
    return name in (HOST, "localhost") and given in ("", str(port))


def _type(rel: str) -> str:
    dot = rel.rfind(".")
    return TYPES.get(rel[dot:].lower(), "application/octet-stream") if dot >= 0 else "application/octet-stream"


class Handler(BaseHTTPRequestHandler):
    server_version = "lkjip-pratinjau"

    def __init__(self, *args: Any, preview: Preview, streams: events.Streams, **kwargs: Any):
        self.preview, self.streams = preview, streams
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        self._answer(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        port = int(self.server.server_address[1])  # type: ignore[index]
        if not allowed_host(self.headers.get("Host"), port):
            self._send(421, "text/plain; charset=utf-8", "Host tidak dikenal: pratinjau hanya melayani "
                       f"http://{HOST}:{port}/\n".encode(), send_body)
            return
        route = urlsplit(self.path).path
        if route == pages.EVENTS_PATH:
            self._events(send_body)
        elif route == pages.VERSION_PATH:
            self._send(200, "application/json", json.dumps(self.preview.status()).encode(), send_body)
        elif route == pages.PDF_PATH:
            pdf, why = self.preview.pdf()
            if pdf is None:
                self._send(503, "text/plain; charset=utf-8", why.encode("utf-8"), send_body)
            else:
                self._send(200, "application/pdf", pdf, send_body, {"Content-Disposition": f'inline; filename="{why}"'})
        else:
            self._file(site_path(self.path), self.preview.current, send_body)

    def _file(self, rel: str | None, now: Snapshot, send_body: bool) -> None:
        page = rel is not None and rel.endswith(".html")
        if page and now.failure is not None:
            assert rel is not None
            self._send(500, TYPES[".html"], pages.with_reload(now.failure, rel, now.page_version(rel),
                                                                 self.preview.session), send_body)
            return
        data = now.files.get(rel) if rel is not None else None
        if data is None:
            self._send(404, "text/plain; charset=utf-8", b"tidak ditemukan\n", send_body)
            return
        assert rel is not None
        if page:
            data = pages.inject(data, rel, now.page_version(rel), self.preview.session, now.counts)
        self._send(200, _type(rel), data, send_body)

    def _events(self, send_body: bool) -> None:
        """The event stream of one open page (`?halaman=PATH&versi=N&sesi=S`), until the reader leaves.
        A page from an earlier run of the preview (another `sesi`) is out of date at once."""
        query = parse_qs(urlsplit(self.path).query)
        rel = site_path("/" + query.get("halaman", [""])[0])
        known = query.get("versi", [""])[0]
        if rel is None or not known.isdigit():
            self._send(400, "text/plain; charset=utf-8", b"halaman dan versi diperlukan\n", send_body)
            return
        if query.get("sesi", [""])[0] != self.preview.session:
            known = "0"
        if not send_body:
            self._head(200, "text/event-stream; charset=utf-8")
            return
        if not self.streams.enter():
            self._send(503, "text/plain; charset=utf-8", b"terlalu banyak halaman terbuka\n", send_body)
            return
        try:
            self._head(200, "text/event-stream; charset=utf-8")
            self.close_connection = True
            events.follow(self.preview, rel, int(known), self.wfile.write, lambda: events.gone(self.connection))
        finally:
            self.streams.leave()

    def _head(self, status: int, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    def _send(self, status: int, kind: str, body: bytes, send_body: bool, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for key, value in (extra or {}).items():
            if any(c in value for c in "\r\n\x00"):
                raise ValueError(f"header value with a line break: {value!r}")
            self.send_header(key, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the console tells of builds, not of every request."""


def open_server(preview: Preview, port: int) -> ThreadingHTTPServer:
    """Threads are daemons: an event stream left open never keeps the process alive at exit."""
    httpd = ThreadingHTTPServer((HOST, port), partial(Handler, preview=preview, streams=events.Streams()))
    httpd.daemon_threads = True
    return httpd


def describe(snapshot: Snapshot, seconds: float, work: Work | None = None) -> str:
    """One console line per build; after a prose edit it names the pages rendered again."""
    when = time.strftime("%H:%M:%S")
    if snapshot.failure is not None:
        return f"[{when}] susunan #{snapshot.builds}: galat; lihat di peramban ({seconds:.1f} dtk)"
    warnings, unfilled = snapshot.counts
    still = f", {unfilled} isian belum diisi" if unfilled else ""
    only = ""
    if work is not None and work.pages is not None:
        only = f"; disusun ulang: {', '.join(work.pages)}" if work.pages else "; tidak ada bab yang berubah"
        only += "; tata letak seluruh situs diperbarui" if work.whole_site else ""
    return f"[{when}] susunan #{snapshot.builds}: siap, {warnings} peringatan{still} ({seconds:.2f} dtk{only})"


def serve(project: Project, port: int, out: TextIO = sys.stdout) -> int:
    """Build, serve and rebuild until Ctrl-C; returns the exit status."""
    preview = Preview(project)
    try:
        httpd = open_server(preview, port)
    except OSError as exc:
        sys.stderr.write(f"galat: port {port} di {HOST} tidak dapat dipakai ({exc.strerror})\n"
                         "petunjuk: pilih port lain, atau --port 0 untuk port yang bebas\n")
        return 1

    def rebuild() -> None:
        started = time.monotonic()
        snapshot = preview.rebuild()
        out.write(describe(snapshot, time.monotonic() - started, preview.work) + "\n")
        out.flush()

    watcher = Watcher(project, rebuild)
    try:
        rebuild()
        out.write(f"Pratinjau: http://{HOST}:{httpd.server_address[1]}/ (Ctrl-C untuk berhenti)\n")
        out.flush()
        watcher.start()
        httpd.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
        preview.stop()
        httpd.server_close()
        if watcher.is_alive():
            watcher.join(timeout=10)
    out.write("Pratinjau dihentikan.\n")
    out.flush()
    return 0
