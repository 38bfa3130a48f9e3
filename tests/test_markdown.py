"""Markdown plugins and safety, specified by fixture files (input, expected HTML)."""
from decimal import Decimal as D
from pathlib import Path

import pytest

from lkjip.diagnostics import Collector
from lkjip.render.chapters import render_chapter
from lkjip.source.markdown import make_parser, url_problem
from lkjip.values import Value

FIXTURES = Path(__file__).parent / "fixtures" / "markdown.txt"
NAMESPACE = {
    "penduduk.jumlah": Value("angka", D(81574)),
    "anggaran.serapan": Value("persen", D("95.81091"), places=2),
    "laporan.instansi": Value("teks", "Kecamatan <b>X</b>"),
}


def read_fixtures():
    lines = [l for l in FIXTURES.read_text("utf-8").split("\n") if not l.startswith("%% ")]
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        name = lines[i]
        assert lines[i + 1] == "."
        j = lines.index(".", i + 2)
        k = lines.index(".", j + 1)
        cases.append(pytest.param("\n".join(lines[i + 2:j]) + "\n", "\n".join(lines[j + 1:k]) + "\n", id=name))
        i = k + 1
    return cases


class Catalog:
    """The part of the catalogue a chapter uses: values only, no tables, lists or signatures."""

    keys, tables, lists, signatures = NAMESPACE, {}, {}, {}

    def value(self, key):
        return self.keys[key]

    def known(self, kind):
        return []

    def source_of(self, key):
        from lkjip.domain.wilayah import PENDUDUK
        return PENDUDUK if key.startswith("penduduk.") else None


def render(text, root=Path("/nonexistent")):
    collector = Collector()
    chapter = render_chapter(make_parser(), text, "content/x.md", Catalog(), None, root, root, collector)
    return chapter.body, collector.items


@pytest.mark.parametrize("source, expected", read_fixtures())
def test_fixture(source, expected):
    html, _ = render(source)
    assert html == expected


def test_unknown_value_key_is_an_error_with_line_and_column():
    _, problems = render("Baris satu.\n\nPenduduk {{ penduduk.jumlh }} jiwa.\n")
    (p,) = problems
    assert (p.loc.file, p.loc.line, p.loc.column) == ("content/x.md", 3, 10)
    assert p.message == "nilai 'penduduk.jumlh' tidak dikenal"
    assert p.hint == "maksud Anda 'penduduk.jumlah'? (nilai ini berasal dari data/penduduk.yaml; lihat 'python build.py kunci')"


def test_printed_mismatch_is_a_warning_at_its_line():
    _, problems = render("A\nB {{ penduduk.jumlah | tercetak: 80.750 }}\n")
    (p,) = problems
    assert not p.is_error and (p.loc.line, p.loc.column) == (2, 3)
    assert p.message == "penduduk.jumlah di narasi: tercetak 80.750, dihitung 81.574"


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html;base64,PHNjcmlwdD4=",
                                  "vbscript:msgbox", "file:///etc/passwd"])
def test_dangerous_links_are_refused(link):
    html, problems = render(f"[klik]({link})\n")
    assert problems and problems[0].is_error and problems[0].code == "unsafe-link"
    assert 'href="#"' in html and "alert" not in html.split("href=")[1].split(">")[0]


def test_dangerous_image_sources_are_refused():
    _, problems = render("![x](data:image/svg+xml;base64,PHN2Zz4=)\n")
    assert problems[0].code == "unsafe-link"


def test_image_path_leaving_the_project(tmp_path):
    (tmp_path / "content").mkdir()
    _, problems = render("![x](../../etc/passwd)\n", tmp_path)
    assert problems[0].code == "image-outside"


def test_missing_image(tmp_path):
    _, problems = render("![peta](gambar/peta.png)\n", tmp_path)
    assert problems[0].code == "image-missing" and "gambar/peta.png" in problems[0].message


def test_url_problem():
    assert url_problem("https://x.id") is None
    assert url_problem("bab-1.html#a") is None
    assert url_problem("java\tscript:alert(1)") == "skema tautan 'javascript:' tidak diizinkan"
