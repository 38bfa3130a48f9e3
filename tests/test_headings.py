"""Headings that quote a value keep it wherever they are shown (issue 15, item 4): the site's
navigation and contents lists, the search index, the structure checks, the PDF's Daftar Isi,
bookmarks and running headers; in a signed report as it was signed. A value the chapter cannot
resolve is an error elsewhere; here it is only left out."""
import io
import json
import re
from decimal import Decimal as D
from pathlib import Path

import pdftext
import pytest
from pypdf import PdfReader

from lkjip.check.corrections import collect
from lkjip.core.subject import Subject
from lkjip.diagnostics import Collector
from lkjip.domain import SUBJECTS
from lkjip.pipeline import Options, run
from lkjip.project import Project
from lkjip.render.chapters import read_chapter
from lkjip.source.markdown import make_parser, parse
from lkjip.views.values import Value, word

from conftest import copy_sample, write

YEAR = "2025"   # tahun of tests/samples/minimal
BAB_2 = """# BAB II PERENCANAAN KINERJA

## A. Rencana Strategis

Rencana strategis dinas.

## B. Indikator Kinerja Utama

Indikator kinerja utama dinas.

## C. Perjanjian Kinerja Tahun {{ laporan.tahun }}

Perjanjian Kinerja tahun {{ laporan.tahun }} menetapkan target kinerja berikut.

{{ tabel: pk }}
"""
LAMPIRAN = "# LAMPIRAN RENCANA AKSI TAHUN {{ laporan.tahun }}\n\nRencana aksi tahun {{ laporan.tahun }}.\n"
SECTION = f"C. Perjanjian Kinerja Tahun {YEAR}"
TITLE = f"LAMPIRAN RENCANA AKSI TAHUN {YEAR}"


def headed(root: Path) -> Path:
    """The minimal sample with a section and a lampiran whose headings quote the report's year."""
    copy_sample("minimal", root)
    return write(root, {"content/02-bab-2-perencanaan-kinerja.md": BAB_2,
                        "content/11-lampiran-rencana-aksi.md": LAMPIRAN})


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The report built without its PDF; the pages each structure check was given, alongside."""
    seen = []

    def spy(report, pages):
        seen.extend(pages)
        return ()
    result = run(Project(headed(tmp_path_factory.mktemp("judul") / "laporan")), Options(pdf=False, write=False),
                 SUBJECTS + (Subject("pengintai", page_checks=spy),))
    assert not [d for d in result.diagnostics if d.severity == "error"]
    return result, seen


def text(result, path):
    return result.files[path].decode()


def test_the_pages_carry_headings_and_titles_with_their_values(site):
    result, _ = site
    bab2 = next(p for p in result.pages if p.slug == "bab-2-perencanaan-kinerja")
    assert (2, SECTION, "c-perjanjian-kinerja-tahun") in bab2.headings
    assert next(p for p in result.pages if p.slug == "lampiran-rencana-aksi").title == TITLE


def test_the_site_contents_list_and_navigation_show_the_value(site):
    result, _ = site
    page = text(result, "bab-2-perencanaan-kinerja.html")
    contents = page.split('<nav class="isi-bab"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="#c-perjanjian-kinerja-tahun">{SECTION}</a>' in contents
    assert f'<h2 id="c-perjanjian-kinerja-tahun">C. Perjanjian Kinerja Tahun <span class="nilai">{YEAR}</span></h2>' \
        in page
    navigation = text(result, "index.html").split('<nav class="navigasi"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="lampiran-rencana-aksi.html">{TITLE}</a>' in navigation
    assert f"<title>{TITLE} ·" in text(result, "lampiran-rencana-aksi.html")


def test_no_heading_id_keeps_the_braces_of_a_value(site):
    result, _ = site
    for page in result.pages:
        anchors = [h[2] for h in page.headings]
        assert len(anchors) == len(set(anchors))
        assert all(re.fullmatch(r"[a-z0-9-]+", a) for a in anchors), anchors
    assert "{{" not in text(result, "bab-2-perencanaan-kinerja.html")


def test_the_search_index_names_the_section_with_its_value(site):
    result, _ = site
    script = text(result, "assets/indeks-cari.js")
    entries = json.loads(script.split("window.INDEKS_CARI = ", 1)[1].rstrip().rstrip(";"))
    where = {e["u"]: e["j"] for e in entries}
    assert where["bab-2-perencanaan-kinerja.html#c-perjanjian-kinerja-tahun"] == \
        f"BAB II PERENCANAAN KINERJA — {SECTION}"
    assert where["lampiran-rencana-aksi.html"] == TITLE   # the page's own title, not "title — title"


def test_structure_checks_read_the_headings_with_their_values(site):
    _, seen = site
    bab2 = next(p for p in seen if p.slug == "bab-2-perencanaan-kinerja")
    assert SECTION in bab2.headings
    assert next(p for p in seen if p.slug == "lampiran-rencana-aksi").title == TITLE


def test_the_pdf_daftar_isi_bookmarks_and_running_headers_show_the_value(tmp_path):
    root = headed(tmp_path / "laporan")
    long = "".join(f"\nKegiatan ke-{n} rencana aksi tahun {{{{ laporan.tahun }}}}.\n" for n in range(1, 80))
    write(root, {"content/11-lampiran-rencana-aksi.md": LAMPIRAN + long})   # over two pages: a running header
    result = run(Project(root), Options(pdf=True, write=False))
    pdf = next(data for path, data in result.files.items() if path.endswith(".pdf"))
    reader = PdfReader(io.BytesIO(pdf))

    def tree(items):
        out = []
        for item in items:
            if isinstance(item, list):
                out[-1] = (out[-1][0], tree(item))
            else:
                out.append((item.title, []))
        return out
    outline = dict(tree(reader.outline))
    assert SECTION in dict(outline["BAB II PERENCANAAN KINERJA"])
    assert TITLE in [t for t, _ in outline["LAMPIRAN"]]
    pages = [" ".join(p.text().replace("\xa0", " ").split()) for p in pdftext.read(reader)]
    contents = next(p for p in pages if p.startswith("DAFTAR ISI"))
    assert SECTION in contents and TITLE in contents
    lampiran = [p for p in pages if "Kegiatan ke-" in p]
    assert len(lampiran) >= 2 and lampiran[0].startswith(f"{TITLE} Rencana aksi")
    assert all(p.startswith(f"{TITLE} Kegiatan ke-") for p in lampiran[1:])   # the running header


# --- one chapter read against a small catalogue: signed words, unknown values -----------------

class Catalog:
    """The part of the catalogue a chapter uses: values only."""

    keys = {"penduduk.jumlah": Value("angka", D(81574)), "laporan.tahun": Value("teks", YEAR),
            "indikator.ikm.tren": word("naik", "tren")}
    tables, lists, signatures = {}, {}, {}

    def __init__(self, signed):
        self.signed = signed

    def value(self, key):
        return self.keys[key]

    def known(self, kind):
        return []

    def source_of(self, key):
        return None


def chapter(source, signed=False):
    collector = Collector()
    read = read_chapter(make_parser(), source, "content/x.md", Catalog(signed), Path("/tidak-ada"),
                        Path("/tidak-ada"), collector)
    return read, collector.items


SIGNED = "# Bab {{ laporan.tahun }}\n\n## Penduduk {{ penduduk.jumlah | tercetak: 80.750 }} jiwa\n\n" \
         "Jumlahnya {{ penduduk.jumlah | tercetak: 80.750 }}.\n"


def test_a_draft_heading_shows_the_computed_value():
    read, _ = chapter(SIGNED)
    assert read.title == f"Bab {YEAR}"
    assert [h[1] for h in read.headings()] == [f"Bab {YEAR}", "Penduduk 81.574 jiwa"]


def test_a_signed_heading_shows_what_was_signed_before_and_after_the_chapter_is_turned():
    read, _ = chapter(SIGNED, signed=True)
    assert [h[1] for h in read.headings()] == [f"Bab {YEAR}", "Penduduk 80.750 jiwa"]
    corrections, _ = collect([read.order()], [], {}, {}, "data/koreksi.yaml")
    read.as_signed({})
    assert [h[1] for h in read.headings()] == [f"Bab {YEAR}", "Penduduk 80.750 jiwa"]
    # a correction names its section as readers see it, never with the placeholder's braces
    assert {k.tempat.bagian for k in corrections.items} == {"Penduduk 80.750 jiwa"}


def test_an_unknown_value_is_left_out_of_its_heading_without_failing():
    read, problems = chapter("# Bab\n\n## Tahun {{ laporan.tahun_tidak_ada }} dan {{ laporan.tahun }}\n")
    assert [d.code for d in problems] == ["unknown-value"]
    assert read.headings()[1] == (2, f"Tahun  dan {YEAR}", "tahun-dan")


def test_a_judging_word_that_opens_a_heading_is_capitalised_as_in_the_body():
    read, _ = chapter("# Bab\n\n## {{ indikator.ikm.tren }} dari tahun lalu\n")
    assert read.headings()[1][1] == "Naik dari tahun lalu"


def test_a_heading_made_only_of_a_value_gets_a_plain_unique_anchor():
    parsed = parse(make_parser(), "# Bab\n\n## {{ laporan.tahun }}\n\n## {{ laporan.tahun }}\n", "x.md")
    assert [h[2] for h in parsed.headings] == ["bab", "bagian", "bagian-1"]
    assert [h[1] for h in parsed.headings] == ["Bab", "", ""]   # at parse time, values are not known yet
