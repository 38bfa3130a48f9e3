"""`python build.py serve`: the live preview, tested with real HTTP requests on a free port.

A file edited is served anew and the reload is signalled; an invalid edit shows its error in
the page while the server keeps running; only files of the built site are ever served; a
save storm gives one rebuild; requests are answered while a rebuild runs; the PDF is made
only when asked for; Ctrl-C stops the server cleanly.
"""
import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from lkjip.pipeline import run
from lkjip.preview.server import open_server, site_path
from lkjip.preview.state import Preview
from lkjip.preview.watch import Watcher
from lkjip.project import Project

from conftest import REPO, copy_sample, edit, line_of


def get(url):
    """(status, body, content type) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return answer.status, answer.read(), answer.headers["Content-Type"]
    except urllib.error.HTTPError as failed:
        return failed.code, failed.read(), failed.headers["Content-Type"]


def wait_for_version(base, version, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = json.loads(get(base + "__lkjip/versi")[1])
        if status["versi"] >= version:
            return status
        time.sleep(0.1)
    raise AssertionError(f"no version {version} within {timeout} s")


@pytest.fixture
def served(tmp_path):
    """`python build.py serve --port 0` on a copy of the smallest sample, as a user starts it."""
    root = copy_sample("minimal", tmp_path / "laporan")
    process = subprocess.Popen([sys.executable, str(REPO / "build.py"), "serve", "--dir", str(root), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("Pratinjau: "):
            break
    url = lines[-1].split()[1]
    yield root, url, process, lines
    if process.poll() is None:
        process.kill()
        process.wait()


def test_an_edit_is_served_and_the_open_page_told_to_reload(served):
    root, base, _, lines = served
    assert base.startswith("http://127.0.0.1:") and base.endswith("/")
    assert "] susunan #1: siap, 0 peringatan (" in lines[0]
    status, page, kind = get(base + "bab-1-pendahuluan.html")
    assert status == 200 and kind == "text/html; charset=utf-8"
    assert b'new EventSource("/__lkjip/peristiwa?halaman=bab-1-pendahuluan.html&versi=1&sesi=' in page  # preview only
    edit(root / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", "menyusun laporan kinerja yang baru")
    assert wait_for_version(base, 2) == {"versi": 2, "susun": 2, "galat": False, "peringatan": 0, "belum_diisi": 0}
    status, page, _ = get(base + "bab-1-pendahuluan.html")
    assert b"laporan kinerja yang baru" in page and b"halaman=bab-1-pendahuluan.html&versi=2" in page
    assert not (root / "site").exists()  # the preview never writes site/


def test_an_invalid_edit_shows_the_error_in_the_page_and_the_server_keeps_running(served):
    root, base, process, _ = served
    edit(root / "data/laporan.yaml", "tahun: 2025", "tahun: dua ribu")
    assert wait_for_version(base, 2)["galat"] is True
    status, page, kind = get(base + "bab-1-pendahuluan.html")
    line = line_of(root / "data/laporan.yaml", "tahun: dua ribu")
    assert status == 500 and kind == "text/html; charset=utf-8"
    assert (f"<code>data/laporan.yaml:{line}:8: galat: tahun: diharapkan tahun, ditemukan teks &#x27;dua ribu&#x27;"
            "</code></p><pre>    tahun: dua ribu\n           ^</pre>").encode() in page
    assert b"halaman=bab-1-pendahuluan.html&versi=2" in page  # it reloads itself once the file is fixed
    assert get(base + "assets/style.css")[0] == 200  # the last good build's files stay served
    edit(root / "data/laporan.yaml", "tahun: dua ribu", "tahun: 2025")
    assert wait_for_version(base, 3)["galat"] is False
    assert get(base + "bab-1-pendahuluan.html")[0] == 200
    assert process.poll() is None


PROBES = ["/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
          "//etc/passwd", "/%2Fetc%2Fpasswd", "/C:%5CWindows%5Cwin.ini", "/data/laporan.yaml", "/content/tautan/passwd",
          "/index.html%00.css", "/assets/../../data/laporan.yaml", "/%c0%ae%c0%ae/etc/passwd"]


def test_only_files_of_the_built_site_are_served(served):
    root, base, _, _ = served
    (root / "content/tautan").symlink_to("/etc")
    port = int(base.rsplit(":", 1)[1].strip("/"))
    for probe in PROBES:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", probe)  # sent as written: no client-side clean-up of '..'
        answer = connection.getresponse()
        body = answer.read()
        assert (probe, answer.status) == (probe, 404) and b"root:" not in body and b"tahun:" not in body
        connection.close()
    assert get(base + "index.html")[0] == get(base)[0] == 200


def test_ctrl_c_stops_the_server_cleanly(served):
    _, base, process, _ = served
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=180)  # generous: a busy shared machine, not a slow server
    assert process.returncode == 0 and out.endswith("Pratinjau dihentikan.\n") and err == ""
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base, timeout=5)


def test_a_busy_port_is_one_clear_message(tmp_path, capsys):
    from lkjip.cli import main
    root = copy_sample("minimal", tmp_path / "laporan")
    httpd = open_server(Preview(Project(root)), 0)
    try:
        assert main(["serve", "--dir", str(root), "--port", str(httpd.server_address[1])]) == 1
    finally:
        httpd.server_close()
    assert capsys.readouterr().err.endswith("petunjuk: pilih port lain, atau --port 0 untuk port yang bebas\n")


# --- in-process: timing under control --------------------------------------------------------

@pytest.fixture
def in_process(tmp_path):
    root = copy_sample("minimal", tmp_path / "laporan")
    calls = []
    gate = threading.Event()
    gate.set()

    def build(project, options):
        calls.append(options)
        gate.wait(60)
        return run(project, options)

    preview = Preview(Project(root), build)
    preview.rebuild()
    httpd = open_server(preview, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield root, preview, f"http://127.0.0.1:{httpd.server_address[1]}/", calls, gate
    gate.set()
    httpd.shutdown()
    httpd.server_close()


def test_requests_are_answered_from_the_last_build_while_a_rebuild_runs(in_process):
    root, preview, base, _, gate = in_process
    edit(root / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", "menyusun laporan kinerja terbaru")
    gate.clear()
    rebuilding = threading.Thread(target=preview.rebuild)
    rebuilding.start()
    started = time.monotonic()
    status, page, _ = get(base + "bab-1-pendahuluan.html")
    assert status == 200 and b"kinerja terbaru" not in page and b"&versi=1" in page
    assert time.monotonic() - started < 5 and rebuilding.is_alive()
    gate.set()
    rebuilding.join(30)
    assert b"kinerja terbaru" in get(base + "bab-1-pendahuluan.html")[1]


def test_the_pdf_is_made_only_on_request_once_per_version(in_process):
    _, _, base, calls, _ = in_process
    assert [options.pdf for options in calls] == [False]
    status, pdf, kind = get(base + "__lkjip/pdf")
    assert (status, kind, pdf[:5]) == (200, "application/pdf", b"%PDF-")
    assert get(base + "__lkjip/pdf")[1] == pdf
    assert [options.pdf for options in calls] == [False, True]


def test_a_save_storm_gives_one_rebuild(tmp_path):
    root = copy_sample("minimal", tmp_path / "laporan")
    rebuilds = []
    watcher = Watcher(Project(root), lambda: rebuilds.append(time.monotonic()), poll=0.05, quiet=0.3)
    watcher.start()
    try:
        files = sorted((root / "content").glob("*.md")) + sorted((root / "data").glob("*.yaml"))
        for i in range(10):  # ten files written within a second, as an editor's "save all"
            path = files[i % len(files)]
            path.write_text(path.read_text("utf-8") + f"\n# simpan {i}\n" * (path.suffix == ".yaml"), "utf-8")
            os.utime(path, ns=(time.time_ns(), time.time_ns()))
            time.sleep(0.08)
        time.sleep(1.5)
    finally:
        watcher.stop()
        watcher.join(5)
    assert len(rebuilds) == 1


@pytest.mark.parametrize("raw,rel", [("/", "index.html"), ("/bab-1.html?x=1#y", "bab-1.html"),
                                     ("/media/a%20b.png", "media/a b.png"), ("/data/", "data/index.html"),
                                     ("/../x", None), ("/a/%2e%2e/x", None), ("//x", None), ("/a\\b", None),
                                     ("x", None), ("/%ff", None)])
def test_request_paths(raw, rel):
    assert site_path(raw) == rel
