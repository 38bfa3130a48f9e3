"""The preview's push: an open page listens on an event stream and is told when its page changed.

In-process servers on a free port, real HTTP over sockets; rebuilds are called directly (not
through the file watcher) so no test depends on timing; a deadline only bounds a failure.
"""
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

from lkjip.preview.server import open_server
from lkjip.preview.state import Preview
from lkjip.project import Project

from conftest import REPO, copy_sample, edit

BAB_1, BAB_2 = "bab-1-pendahuluan.html", "bab-2-perencanaan-kinerja.html"


class Stream:
    """One event stream read from a raw socket, as a browser's EventSource reads it."""

    def __init__(self, port, path, host=None):
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\n"
                          "Accept: text/event-stream\r\n\r\n".encode())
        self.buffer = b""

    def read_until(self, marker: bytes, timeout=10.0) -> bytes:
        deadline = time.monotonic() + timeout
        while marker not in self.buffer:
            self.sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                chunk = self.sock.recv(65536)
            except TimeoutError:
                raise AssertionError(f"{marker!r} not received; got {self.buffer!r}") from None
            if not chunk:
                raise AssertionError(f"stream closed before {marker!r}; got {self.buffer!r}")
            self.buffer += chunk
        return self.buffer

    def close(self):
        self.sock.close()


def events_path(preview, page, version):
    return f"/__lkjip/peristiwa?halaman={page}&versi={version}&sesi={preview.session}"


@pytest.fixture
def served(tmp_path):
    root = copy_sample("minimal", tmp_path / "laporan")
    preview = Preview(Project(root))
    preview.rebuild()
    httpd = open_server(preview, 0)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    yield root, preview, httpd
    preview.stop()
    httpd.shutdown()
    httpd.server_close()


def test_a_prose_edit_is_pushed_to_its_page_only(served):
    root, preview, httpd = served
    port = httpd.server_address[1]
    mine, other = Stream(port, events_path(preview, BAB_1, 1)), Stream(port, events_path(preview, BAB_2, 1))
    head = mine.read_until(b"retry: 1000\n\n")
    assert head.startswith(b"HTTP/1.0 200 ") and b"Content-Type: text/event-stream; charset=utf-8\r\n" in head
    other.read_until(b"retry: 1000\n\n")
    edit(root / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", "menyusun laporan kinerja baru")
    preview.rebuild()
    got = mine.read_until(b"]}\n\n").split(b"retry: 1000\n\n", 1)[1]
    assert got.startswith(b"event: muat-ulang\ndata: {")
    assert f'"versi": 2, "halaman": "{BAB_1}"'.encode() in got and f'"{BAB_1}"]'.encode() in got
    assert BAB_2.encode() not in got
    other.sock.settimeout(0.3)
    with pytest.raises(TimeoutError):  # the other page was not touched: its stream stays silent
        other.sock.recv(100)
    mine.close()
    other.close()


def test_a_page_that_missed_an_event_is_told_at_once(served):
    """A stream opened with an old version (a reconnect, a page loaded just before a build) is told
    immediately, without waiting for the next build."""
    root, preview, httpd = served
    edit(root / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", "menyusun laporan kinerja baru")
    preview.rebuild()
    stream = Stream(httpd.server_address[1], events_path(preview, BAB_1, 1))
    assert b"event: muat-ulang\n" in stream.read_until(b'"versi": 2')
    stream.close()


def test_a_page_from_an_earlier_run_of_the_preview_is_told_at_once(served):
    """Versions count from 1 in every run: a page left open across a restart (another session) reloads."""
    _, preview, httpd = served
    stream = Stream(httpd.server_address[1], f"/__lkjip/peristiwa?halaman={BAB_1}&versi=1&sesi=ffffffff")
    assert b"event: muat-ulang\n" in stream.read_until(b'"versi": 1, "halaman"')
    stream.close()


def test_an_error_reaches_every_page_and_so_does_the_fix(served):
    root, preview, httpd = served
    port = httpd.server_address[1]
    stream = Stream(port, events_path(preview, BAB_2, 1))
    edit(root / "data/laporan.yaml", "tahun: 2025", "tahun: dua ribu")
    assert preview.rebuild().failure is not None
    stream.read_until(b'"versi": 2, "halaman": "bab-2-perencanaan-kinerja.html"')
    edit(root / "data/laporan.yaml", "tahun: dua ribu", "tahun: 2025")
    assert preview.rebuild().failure is None
    stream.read_until(b'"versi": 3, "halaman": "bab-2-perencanaan-kinerja.html"')
    stream.close()


def test_a_stylesheet_change_reaches_the_pages_that_load_it(served):
    root, preview, httpd = served
    (root / "layouts").mkdir()
    (root / "layouts/style.css").write_text("body { color: black }\n", "utf-8")
    snapshot = preview.rebuild()
    assert snapshot.changed_since(1) == ["assets/style.css"]
    assert snapshot.page_version(BAB_2) == snapshot.page_version("index.html") == 2
    assert snapshot.page_version("assets/indeks-cari.js") == 1


@pytest.mark.parametrize("host", ["evil.example:0", "127.0.0.1.evil.example"])
def test_the_event_stream_refuses_a_foreign_host(served, host):
    """DNS rebinding: a page on another site that points its own name at 127.0.0.1 cannot listen."""
    _, preview, httpd = served
    port = httpd.server_address[1]
    stream = Stream(port, events_path(preview, BAB_1, 1), host=host.replace(":0", f":{port}"))
    answer = stream.read_until(b"\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 421 ") and b"text/event-stream" not in answer
    stream.close()


def test_a_closed_tab_leaves_no_thread(served):
    _, preview, httpd = served
    streams = httpd.RequestHandlerClass.keywords["streams"]
    before = threading.active_count()
    opened = [Stream(httpd.server_address[1], events_path(preview, BAB_1, 1)) for _ in range(3)]
    for stream in opened:
        stream.read_until(b"retry: ")
    assert streams.open == 3
    for stream in opened:
        stream.close()
    deadline = time.monotonic() + 5
    while (streams.open or threading.active_count() > before) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert streams.open == 0 and threading.active_count() <= before


def test_stopping_the_preview_ends_open_streams(served):
    _, preview, httpd = served
    stream = Stream(httpd.server_address[1], events_path(preview, BAB_1, 1))
    stream.read_until(b"retry: ")
    preview.stop()
    stream.sock.settimeout(5)
    assert stream.sock.recv(100) == b""  # the server closed it
    stream.close()


def test_a_bad_stream_request_is_refused(served):
    _, _, httpd = served
    stream = Stream(httpd.server_address[1], "/__lkjip/peristiwa?halaman=../x&versi=1")
    assert stream.read_until(b"\r\n\r\n").startswith(b"HTTP/1.0 400 ")
    stream.close()


def test_the_server_stops_cleanly_on_sigterm_with_a_page_open(tmp_path):
    """A service manager's `kill` with a page open: the stream ends and the process exits 0
    (Ctrl-C, the same path, is in test_serve.py)."""
    root = copy_sample("minimal", tmp_path / "laporan")
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--dir", str(root), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        for line in process.stdout:
            if line.startswith("Pratinjau: "):
                break
        port = int(line.split()[1].rsplit(":", 1)[1].strip("/"))
        stream = Stream(port, f"/__lkjip/peristiwa?halaman={BAB_1}&versi=1&sesi=x")
        stream.read_until(b"retry: ")
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=60)
        assert process.returncode == 0 and out.endswith("Pratinjau dihentikan.\n") and err == ""
        stream.close()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_a_quiet_stream_sends_comments_to_stay_alive(served):
    from lkjip.preview.events import follow
    _, preview, _ = served
    sent = []
    thread = threading.Thread(target=follow, args=(preview, BAB_1, 1, sent.append, lambda: False),
                              kwargs={"keepalive": 0.05, "look": 0.02})
    thread.start()
    deadline = time.monotonic() + 10
    while sent.count(b": tetap tersambung\n\n") < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    preview.stop()
    thread.join(5)
    assert not thread.is_alive() and sent[0] == b"retry: 1000\n\n"
    assert set(sent[1:]) == {b": tetap tersambung\n\n"}  # comments only: nothing changed
