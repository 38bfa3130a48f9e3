"""The site in a real browser: headless Chromium, served from a sub-folder on 127.0.0.1.

Without Chromium these tests are skipped with one line saying what to install; in CI
(LKJIP_WAJIB_ALAT=1, set by .ci/run) they fail instead (see `require_tool` in conftest.py).
"""
import functools
import http.server
import shutil
import subprocess
import threading
import time

import pytest

from conftest import require_tool

CHROMIUM = require_tool("chromium", "apt-get install chromium", "chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(built, tmp_path_factory):
    """Serve the built site as http://127.0.0.1:PORT/laporan/ and record what the browser asks for."""
    docroot = tmp_path_factory.mktemp("www")
    shutil.copytree(built[0] / "site", docroot / "laporan")
    requested = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_request(self, code="-", size="-"):
            requested.append((self.path, str(getattr(code, "value", code))))

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(docroot)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/laporan/", requested
    httpd.shutdown()


def chromium(*args, profile):
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True,
                          text=True, timeout=120)


def test_pages_render_in_chromium_from_a_sub_folder(server, tmp_path):
    base, requested = server
    done = chromium("--dump-dom", base + "bab-3-akuntabilitas-kinerja.html", profile=tmp_path / "p1")
    dom = done.stdout
    assert "Tabel 3.1 Pencapaian Kinerja" in dom
    assert "3.3 Indeks Profesionalitas ASN" in dom and "Catatan pemeriksaan P4" in dom
    assert ("/laporan/assets/style.css", "200") in requested  # the relative stylesheet link resolved


def test_script_in_data_is_shown_as_text(report, tmp_path):
    from lkjip.pipeline import Options, run
    from lkjip.project import Project

    from conftest import edit
    edit(report / "data/penduduk.yaml", "nama: Purworejo", 'nama: "<script>document.title=\'DIRETAS\'</script>"')
    run(Project(report), Options(pdf=False))
    page = report / "site/lampiran-jumlah-penduduk.html"
    dom = chromium("--dump-dom", page.as_uri(), profile=tmp_path / "p2").stdout
    assert "&lt;script&gt;document.title='DIRETAS'&lt;/script&gt;" in dom
    assert "<title>DIRETAS" not in dom


def test_a_title_written_to_end_a_script_comment_stays_text_on_the_search_page(tmp_path):
    """The attack of issue 20: `judul` closed the search index's comment and ran as script on cari.html."""
    from lkjip.pipeline import Options, run
    from lkjip.project import Project

    from conftest import copy_sample, edit
    root = copy_sample("minimal", tmp_path / "laporan")
    edit(root / "data/laporan.yaml", "judul: Laporan Kinerja Instansi Pemerintah",
         'judul: "X */ document.documentElement.setAttribute(\\"data-xss\\",\\"1\\"); /*"')
    edit(root / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja",
         "menyusun </script><img src=x onerror=document.documentElement.setAttribute('data-xss','2')> laporan kinerja")
    run(Project(root), Options(pdf=False))
    dom = chromium("--dump-dom", (root / "site/cari.html").as_uri() + "?q=menyusun", profile=tmp_path / "p").stdout
    assert "data-xss" not in dom.split("<body", 1)[0]
    assert "1 bagian memuat “menyusun”." in dom  # the index loaded and was searched


def test_screenshot_of_the_cover(server, tmp_path):
    base, _ = server
    shot = tmp_path / "sampul.png"
    chromium("--window-size=1024,800", f"--screenshot={shot}", base + "index.html", profile=tmp_path / "p3")
    assert shot.stat().st_size > 10_000


def test_the_preview_pushes_an_edit_to_the_open_page_and_keeps_its_scroll(tmp_path):
    """`serve`'s page in a real browser: its EventSource hears of the edit, the page reloads by
    itself at the same scroll position, and nothing goes wrong in the console."""
    from lkjip.preview.server import open_server
    from lkjip.preview.state import Preview
    from lkjip.project import Project

    from cdp import Browser
    from conftest import copy_sample, edit
    root = copy_sample("minimal", tmp_path / "laporan")
    chapter = root / "content/01-bab-1-pendahuluan.md"
    chapter.write_text(chapter.read_text("utf-8") + "".join(f"\nParagraf isian nomor {i}.\n" for i in range(80)),
                       "utf-8")
    preview = Preview(Project(root))
    preview.rebuild()
    httpd = open_server(preview, 0)
    threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True).start()
    browser = Browser(tmp_path / "profil")
    try:
        browser.width(1024, 600)
        assert browser.open(f"http://127.0.0.1:{httpd.server_address[1]}/bab-1-pendahuluan.html") == []
        browser.eval("window.scrollTo(0, 1500)")
        edit(chapter, "Paragraf isian nomor 70.", "Paragraf yang disunting.")
        preview.rebuild()
        assert preview.work.pages == ("bab-1-pendahuluan.html",)
        deadline = time.monotonic() + 20
        while "Paragraf yang disunting." not in (browser.eval("document.body ? document.body.innerText : ''") or ""):
            assert time.monotonic() < deadline, "the open page never showed the edit"
            time.sleep(0.05)
        time.sleep(0.2)  # the browser restores the scroll position just after the load
        assert abs(browser.eval("window.scrollY") - 1500) < 5
        # the old page's event stream is cut by its own reload: the one failure allowed
        assert [p for e in browser.events() if e.get("params", {}).get("type") != "EventSource"
                for p in _problems(e)] == []
    finally:
        browser.close()
        preview.stop()
        httpd.shutdown()
        httpd.server_close()


def _problems(event):
    from cdp import _problem
    return _problem(event)


def test_the_portal_filter_shows_only_the_kind_asked_for_in_chromium(tmp_path):
    """The portal's home page filtered by kind (`?jenis=kecamatan`): the other offices' rows hidden, the
    count said; without JavaScript every row shows (the filter form stays hidden)."""
    from lkjip.cli import main

    from conftest import copy_sample
    for name in ("kecamatan", "minimal"):
        copy_sample(name, tmp_path / "sumber" / name)
    assert main(["portal", str(tmp_path / "sumber"), "--output", str(tmp_path / "portal"), "--tanpa-pdf", "-q"]) == 0
    page = (tmp_path / "portal/index.html").as_uri()
    dom = chromium("--dump-dom", page + "?jenis=kecamatan", profile=tmp_path / "p").stdout
    assert "1 dari 2 laporan ditampilkan." in dom
    rows = sorted(line.strip() for line in dom.splitlines() if "data-jenis=" in line and "<tr" in line)
    assert rows == ['<tr class="baris-data" data-jenis="dinas" data-tahun="2025" hidden="">',
                    '<tr class="baris-data" data-jenis="kecamatan" data-tahun="2025">']
    static = (tmp_path / "portal/index.html").read_text("utf-8")
    assert 'id="saring" action="index.html" method="get" aria-label="Saring laporan" hidden>' in static
    assert not [line for line in static.splitlines() if "data-jenis=" in line and "hidden" in line]
