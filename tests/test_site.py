"""The published site as its readers meet it: a real browser, a phone's width, a keyboard, a
screen reader's checks, the W3C markup checker, and nothing of the build in sight.

Headless Chromium (driven over the DevTools protocol, tests/cdp.py) opens every page served
from a sub-folder on 127.0.0.1 and from file://. axe-core and vnu-jar come from npm into
node_modules/ (.ci/run installs them). A missing program is skipped locally with one line saying
what to install, and fails in CI (`require_tool` and `require_file` in conftest.py).
"""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest

from lkjip.domain import SUBJECTS
from lkjip.domain.efisiensi import FORMULAS

from cdp import Browser
from conftest import REPO, campaign, require_file, require_tool

CHROMIUM = require_tool("chromium", "apt-get install chromium", "chromium-browser")

AXE = REPO / "node_modules/axe-core/axe.min.js"
VNU = REPO / "node_modules/vnu-jar/build/dist/vnu.jar"
NPM_HINT = "npm ci --ignore-scripts (in the repository, as .ci/run does)"


@pytest.fixture(scope="module")
def site(built) -> Path:
    return built[0] / "site"


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    return sorted(p.name for p in site.glob("*.html"))


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """The site as http://127.0.0.1:PORT/laporan/, with the status of every request."""
    docroot = tmp_path_factory.mktemp("www")
    shutil.copytree(site, docroot / "laporan")
    log: list[tuple[str, int]] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_request(self, code="-", size="-"):
            log.append((self.path, int(getattr(code, "value", code))))

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(docroot)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/laporan/", log
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(tmp_path_factory.mktemp("chromium"))
    yield b
    b.close()


def test_every_page_loads_cleanly_from_a_sub_folder(served, pages, browser):
    base, log = served
    browser.width(1280)
    for name in pages:
        assert browser.open(base + name) == [], name
    assert log and all(status in (200, 304) for _, status in log), [x for x in log if x[1] not in (200, 304)]
    assert ("/laporan/assets/indeks-cari.js", 200) in log and ("/laporan/assets/favicon.svg", 200) in log


def test_every_page_loads_cleanly_from_disk(site, pages, browser):
    browser.width(1280)
    for name in pages:
        assert browser.open((site / name).as_uri()) == [], name


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key):
                self.links.append(a[key])


def test_no_broken_links_or_anchors(site, pages):
    parsed = {}
    for name in pages:
        p = _Links()
        p.feed((site / name).read_text("utf-8"))
        parsed[name] = p
    broken = []
    for name, p in parsed.items():
        for link in p.links:
            if re.match(r"^(https?|mailto):", link):
                continue
            path, fragment = urldefrag(link)
            target = unquote(path) or name
            exists = (site / target).is_file()
            anchored = not fragment or not target.endswith(".html") or fragment in parsed[target].ids
            if not (exists and anchored):
                broken.append((name, link))
    assert broken == []


def test_phone_width_no_sideways_page_scroll_and_every_table_readable(site, pages, browser):
    """At 390 px: the page never scrolls sideways; a table either fits or sits in a scroll box
    that fits, can take keyboard focus and is named; its caption wraps within the screen."""
    browser.width(390, 844)
    check = """(() => {
      const w = innerWidth, out = [];
      if (document.documentElement.scrollWidth > w) out.push('page ' + document.documentElement.scrollWidth);
      for (const t of document.querySelectorAll('table')) {
        const r = t.getBoundingClientRect();
        if (r.right <= w + 1) continue;
        const box = t.closest('.gulir');
        if (!box) { out.push('cut: ' + t.textContent.slice(0, 40)); continue; }
        const b = box.getBoundingClientRect();
        if (b.right > w + 1 || box.tabIndex !== 0 || !box.getAttribute('aria-labelledby'))
          out.push('box: ' + t.textContent.slice(0, 40));
      }
      for (const c of document.querySelectorAll('figcaption, caption'))
        if (c.getBoundingClientRect().right > w + 1) out.push('caption: ' + c.textContent.slice(0, 40));
      return out;
    })()"""
    for name in pages:
        browser.open((site / name).as_uri(), settle=False)
        assert browser.eval(check) == [], name


def test_on_a_phone_the_place_and_date_stay_above_the_party_they_belong_to(site, browser):
    """The Perjanjian Kinerja prints "Mojokerto, 29 Januari 2024" above Pihak Pertama, on the right;
    stacked at 390 px it comes after Pihak Kedua, right above Pihak Pertama, as at 1280 px."""
    boxes = """(() => { const g = document.querySelector('.ttd-kelompok.berdampingan');
        const box = e => { const r = e.getBoundingClientRect(); return [e.textContent.trim(), r.top, r.left]; };
        return [...g.querySelectorAll('.ttd-label'), g.querySelector('.ttd-tempat')].map(box); })()"""
    for width in (390, 1280):
        browser.width(width, 844)
        browser.open((site / "lampiran-perjanjian-kinerja.html").as_uri())
        second, first, place = browser.eval(boxes)
        assert (second[0], first[0], place[0]) == ("Pihak Kedua", "Pihak Pertama", "Mojokerto, 29 Januari 2024")
        assert place[1] < first[1] and place[2] >= first[2] - 1, width    # above Pihak Pertama, over its column
        if width == 390:
            assert second[1] < place[1], "stacked: Pihak Kedua first, then the date with Pihak Pertama"


def test_wide_tables_tell_the_reader_they_scroll(site, browser):
    browser.width(390, 844)
    browser.open((site / "bab-3-akuntabilitas-kinerja.html").as_uri())
    hint = browser.eval("""(() => { const f = document.getElementById('tabel-3-1');
        return [getComputedStyle(f.querySelector('.petunjuk-geser')).display,
                f.querySelector('.gulir').scrollWidth > f.querySelector('.gulir').clientWidth]; })()""")
    assert hint == ["block", True]
    browser.width(1280)
    browser.open((site / "bab-3-akuntabilitas-kinerja.html").as_uri())
    assert browser.eval("getComputedStyle(document.querySelector('#tabel-3-1 .petunjuk-geser')).display") == "none"


HINT_MATCHES_OVERFLOW = """[...document.querySelectorAll('.tabel-bingkai')].filter(f => {
    const box = f.querySelector('.gulir'), shown = getComputedStyle(f.querySelector('.petunjuk-geser')).display !== 'none';
    return shown !== (box.scrollWidth > box.clientWidth + 1); }).map(f => f.id)"""


@pytest.mark.parametrize("width", [1280, 390])
def test_the_scroll_hint_shows_exactly_where_a_table_overflows(site, pages, browser, width):
    browser.width(width, 900)
    wrong = {}
    for name in pages:
        browser.open((site / name).as_uri(), settle=False)
        if found := browser.eval(HINT_MATCHES_OVERFLOW):
            wrong[name] = found
    assert wrong == {}
    # Tabel 3.2 at 1280 px and the NRR table on a phone fit, unhinted (the signed document's capitals
    # make the penduduk table, KEMBANGRINGGIT and all, scroll a little on a phone: hinted)
    page, table = (("bab-3-akuntabilitas-kinerja.html", "tabel-3-2") if width == 1280 else
                   ("bab-3-akuntabilitas-kinerja.html", "tabel-nilai-rata-rata-nrr-per-unsur-survei-kepuasan"))
    browser.open((site / page).as_uri())
    assert browser.eval(f"""(() => {{ const f = document.getElementById('{table}'), box = f.querySelector('.gulir');
        return [box.scrollWidth <= box.clientWidth, getComputedStyle(f.querySelector('.petunjuk-geser')).display]; }})()""") \
        == [True, "none"]


def test_without_javascript_a_wide_table_still_scrolls_with_its_hint(site, browser):
    browser.width(390, 844)
    browser.page("Emulation.setScriptExecutionDisabled", value=True)
    try:
        browser.open((site / "lampiran-realisasi-anggaran.html").as_uri())
        state = browser.eval  # evaluating still works with the page's own scripts disabled
        assert state("""(() => { const f = document.querySelector('.tabel-bingkai'), box = f.querySelector('.gulir');
            return [document.documentElement.classList.contains('tabel-diukur'), box.scrollWidth > box.clientWidth,
                    getComputedStyle(f.querySelector('.petunjuk-geser')).display,
                    document.documentElement.scrollWidth <= innerWidth]; })()""") == [False, True, "block", True]
    finally:
        browser.page("Emulation.setScriptExecutionDisabled", value=False)


@pytest.mark.parametrize("page", ["lampiran-realisasi-anggaran.html", "lampiran-matrik-renja.html"])
def test_a_table_of_ten_columns_fits_a_1280_px_screen_beside_the_navigation(site, browser, page):
    browser.width(1280, 900)
    browser.open((site / page).as_uri())
    fits = browser.eval("""(() => { const f = document.querySelector('.tabel-bingkai'), box = f.querySelector('.gulir');
        const cols = f.querySelector('tbody tr:last-child').cells.length;
        return [cols, box.scrollWidth <= box.clientWidth, box.getBoundingClientRect().right <= innerWidth,
                getComputedStyle(f.querySelector('.petunjuk-geser')).display]; })()""")
    assert fits[0] >= 9 and fits[1:] == [True, True, "none"]


@pytest.mark.parametrize("width", [1280, 390])
def test_a_group_header_keeps_its_label_in_view_while_the_table_scrolls(site, browser, width):
    """Tabel 2.1 (21 columns) scrolls at any width: its row names (headed as the signed document heads them)
    stay put, and each group header with room beside them shows its whole label there ("Target Kinerja
    RENSTRA Lama", as the signed document prints it)."""
    browser.width(width, 900)
    browser.open((site / "bab-2-perencanaan-kinerja.html").as_uri())
    frozen, checked, hidden = browser.eval("""(() => {
      const box = document.querySelector('#tabel-2-1 .gulir'), seen = [], out = [];
      for (const x of [0, 0.25, 0.5, 0.75, 1]) {
        box.scrollLeft = x * (box.scrollWidth - box.clientWidth);
        const b = box.getBoundingClientRect(), edge = box.querySelector('th.tetap').getBoundingClientRect().right;
        for (const th of box.querySelectorAll('th.kelompok')) {
          const r = th.getBoundingClientRect(), l = th.querySelector('.label-kelompok').getBoundingClientRect();
          if (Math.min(r.right, b.right) - Math.max(r.left, edge) < l.width + 16) continue;
          seen.push(th.textContent);
          if (l.left < edge - 0.5 || l.right > Math.min(r.right, b.right) + 0.5) out.push([x, th.textContent]);
        }
      }
      return [box.querySelector('th.tetap').textContent, seen, out]; })()""")
    assert frozen == "Indikator Kinerja Tujuan, Sasaran Pgram (outcome) dan Kegiatan (output)"
    assert "Target Kinerja RENSTRA Lama" in checked and "Target Kinerja RENSTRA Baru" in checked and hidden == []


def test_on_a_phone_the_row_names_leave_room_for_the_figures(site, browser):
    """At 390 px the Realisasi Anggaran table shows its codes, its row names (at most 45% of the screen,
    wrapping) and at least one whole column of amounts; scrolled, the row names stay and amounts follow."""
    browser.width(390, 844)
    browser.open((site / "lampiran-realisasi-anggaran.html").as_uri())
    state = browser.eval("""(() => {
      const box = document.querySelector('.gulir'), b = box.getBoundingClientRect(), out = [];
      const whole = () => [...box.querySelectorAll('tbody td.angka')].filter(c => {
        const r = c.getBoundingClientRect(), edge = box.querySelector('th.tetap').getBoundingClientRect().right;
        return c.textContent.startsWith('Rp') && r.left >= Math.max(b.left, edge) - .5 && r.right <= b.right + .5; }).length;
      out.push(box.querySelector('th.tetap').getBoundingClientRect().width / innerWidth, whole());
      box.scrollLeft = box.scrollWidth / 2;
      out.push(box.querySelector('th.tetap').getBoundingClientRect().left - b.left, whole());
      return out; })()""")
    share, amounts, frozen_left, amounts_scrolled = state
    assert share <= 0.45 and amounts > 0 and abs(frozen_left) < 1 and amounts_scrolled > 0


def test_on_a_phone_each_place_of_the_catatan_pemeriksaan_is_a_card(site, browser):
    """At 390 px three columns would leave one syllable per line ("Dokume / n yang"): each place takes
    the whole width, the signed and the recomputed value side by side under their own labels."""
    browser.width(390, 844)
    browser.open((site / "catatan-pemeriksaan.html").as_uri())
    state = browser.eval("""(() => {
      const table = document.querySelector('.tempat-pemeriksaan'), w = table.getBoundingClientRect().width;
      const [place, signed, shown] = table.querySelectorAll('tbody tr')[0].querySelectorAll('td');
      const width = c => c.getBoundingClientRect().width / w;
      return [getComputedStyle(table.querySelector('thead')).display, width(place), width(signed), width(shown),
              getComputedStyle(signed, '::before').content,
              document.documentElement.scrollWidth <= innerWidth]; })()""")
    head, place, signed, shown, label, no_sideways = state
    assert head == "none" and place > 0.95 and signed > 0.45 and shown > 0.45 and no_sideways
    assert label == '"Dokumen yang ditandatangani"'


def test_phone_menu_is_one_control_and_the_title_comes_first(site, browser):
    browser.width(390, 844)
    browser.open((site / "bab-3-akuntabilitas-kinerja.html").as_uri())
    state = browser.eval("""[getComputedStyle(document.querySelector('.navigasi')).display,
        document.querySelector('.menu-ponsel').open, document.querySelector('h1').getBoundingClientRect().top < 300,
        document.querySelectorAll('.isi-bab a').length, document.querySelectorAll('.ke-atas a[href=\"#isi\"]').length]""")
    assert state[:3] == ["none", False, True]
    assert state[3] == 9 and state[4] >= 2


@pytest.mark.parametrize("where", ["http", "file"])
def test_search_finds_paten_and_links_to_its_page(site, served, browser, where):
    base = served[0] if where == "http" else site.as_uri() + "/"
    browser.width(1280)
    assert browser.open(base + "cari.html?q=PATEN") == []
    hrefs = browser.eval("[...document.querySelectorAll('#hasil-cari a')].map(a => a.getAttribute('href'))")
    assert hrefs and hrefs[0].startswith("bab-3-akuntabilitas-kinerja.html#")
    assert browser.eval("document.getElementById('hasil-ringkas').textContent").endswith("memuat “PATEN”.")
    browser.open(base + hrefs[0])
    assert "PATEN" in browser.eval("document.body.innerText")


def test_charts_are_present_with_a_title_and_words(site, browser):
    browser.width(1280)
    found = {}
    for name in ("bab-3-akuntabilitas-kinerja.html", "lampiran-jumlah-penduduk.html"):
        browser.open((site / name).as_uri(), settle=False)
        found[name] = browser.eval("""[...document.querySelectorAll('figure.grafik svg[role=img]')].map(s =>
            [s.querySelector('title').textContent, s.querySelector('desc').textContent.length > 40,
             s.getBoundingClientRect().height > 100])""")
    # the signed document has no charts: each one the site draws says it is the author's addition
    assert [c[0] for c in found["bab-3-akuntabilitas-kinerja.html"]] == [
        "Grafik Nilai Rata-rata (NRR) per Unsur Survei Kepuasan Masyarakat Tahun 2024 (tambahan penyusun)",
        "Grafik Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024 (tambahan penyusun)"]
    assert found["lampiran-jumlah-penduduk.html"][0][0] == "Grafik Tabel 1.1 Jumlah Penduduk Kecamatan Pungging " \
                                                           "(Per Desember 2024) (tambahan penyusun)"
    assert all(c[1] and c[2] for chart in found.values() for c in chart)


@pytest.mark.parametrize("width", [1280, 390])
def test_chart_labels_wrap_inside_the_drawing_and_are_never_cut(site, browser, width):
    browser.width(width)
    for name in ("bab-3-akuntabilitas-kinerja.html", "lampiran-jumlah-penduduk.html"):
        browser.open((site / name).as_uri(), settle=False)
        outside = browser.eval("""[...document.querySelectorAll('figure.grafik svg')].flatMap(s => {
            const box = s.getBoundingClientRect();
            return [...s.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();
                return r.left < box.left - 1 || r.right > box.right + 1; }).map(t => t.textContent); })""")
        assert outside == [], (name, width)
        smallest = browser.eval("Math.min(...[...document.querySelectorAll('figure.grafik svg text')].map(t =>"
                                " t.getBoundingClientRect().height))")
        assert smallest >= 10, (name, width)      # the drawing is not shrunk below legible text


AXE_PAGES = ("index.html", "bab-2-perencanaan-kinerja.html", "bab-3-akuntabilitas-kinerja.html",
             "lampiran-realisasi-anggaran.html", "lampiran-perjanjian-kinerja.html", "catatan-koreksi.html",
             "data.html", "cari.html")
"""axe in the default run: every template, and the pages with the most kinds of content (grouped
and frozen table headers, charts, correction marks, signatures side by side, the widest table).
The campaign (LKJIP_KAMPANYE=1, .ci/run) runs it on every page."""


@pytest.mark.parametrize("width", [1280, 390])
def test_axe_finds_no_serious_or_critical_violation(site, pages, browser, width):
    require_file(AXE, NPM_HINT)
    script = AXE.read_text("utf-8")
    browser.width(width, 900)
    found = {}
    for name in pages if campaign() else AXE_PAGES:
        browser.open((site / name).as_uri(), settle=False)
        browser.eval(script)
        result = browser.eval("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations"
                              ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                              ".map(v => v.id + ': ' + v.nodes.length))")
        if result:
            found[name] = result
    assert found == {}


def test_nu_html_checker_finds_no_error(site, pages):
    require_file(VNU, NPM_HINT)
    require_tool("java", "apt-get install default-jre-headless")
    done = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json",
                           *[str(site / p) for p in pages]], capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr or done.stdout or '{"messages": []}')["messages"]
    assert [(Path(unquote(m.get("url", ""))).name, m.get("lastLine"), m["message"]) for m in messages] == []


def build_words(result) -> set[str]:
    """What must never reach a reader: data file names, Markdown keys, table and list ids that
    are not plain words, formula ids, and the words of the build's own notes."""
    files = {f.path for s in SUBJECTS for f in s.files} | {f"{f.name}.yaml" for s in SUBJECTS for f in s.files}
    keys = set(result.catalog.keys)
    ids = {i for i in list(result.catalog.tables) + list(result.catalog.lists) if "_" in i}
    return files | keys | ids | set(FORMULAS) | {"tercetak:", "transkripsi", "data/", ".yaml", "pemeriksaan.html"}


def test_no_published_page_shows_the_build(built, site, pages):
    words = build_words(built[1])
    assert "indikator.ikm.realisasi" in words and "data/skala.yaml" in words and "capaian_dikurangi_serapan" in words
    leaks = {}
    for name in pages:
        text = (site / name).read_text("utf-8").replace('href="data/', "").replace('href="data.html', "")
        text = text.replace("catatan-pemeriksaan.html", "")   # the readers' page, not the author's report
        hits = sorted(w for w in words if w in text)
        if hits:
            leaks[name] = hits
    assert leaks == {}
