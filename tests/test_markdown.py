"""Markdown plugins and safety, specified by fixture files (input, expected HTML)."""
from decimal import Decimal as D
from pathlib import Path

import pytest

from lkjip.check.corrections import collect
from lkjip.check.findings import NO_MARKS, Shown, group
from lkjip.diagnostics import Collector
from lkjip.render.chapters import SITE, read_chapter, render_body
from lkjip.render.site import marker_link
from lkjip.source.markdown import make_parser, parse_value, url_problem
from lkjip.views.values import Value, word

FIXTURES = Path(__file__).parent / "fixtures" / "markdown.txt"
NAMESPACE = {
    "penduduk.jumlah": Value("angka", D(81574)),
    "anggaran.serapan": Value("persen", D("95.81091"), places=2),
    "laporan.instansi": Value("teks", "Kecamatan <b>X</b>"),
    "indikator.ikm.realisasi": Value("angka", D("91.33333"), places=2),
    "pembanding.ikm.realisasi_pemda": Value("angka", D("91.28")),
    "indikator.ikm.tren": word("naik", "tren"),
    "indikator.ikm.status": word("terlampaui", "status"),
    "kinerja.cakupan_tercapai": word("sebagian", "cakupan"),
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
    signed = True

    def value(self, key):
        return self.keys[key]

    def known(self, kind):
        return []

    def source_of(self, key):
        from lkjip.domain.wilayah import PENDUDUK
        return PENDUDUK if key.startswith("penduduk.") else None


def render(text, root=Path("/nonexistent"), reasons=None, signed=True):
    """One chapter read, its differences grouped, rendered for the site: (html, diagnostics). Signed (the
    default): as a signed report with catatan_pemeriksaan shows it; else as a draft."""
    collector = Collector()
    md = make_parser()
    catalog = Catalog()
    catalog.signed = signed
    chapter = read_chapter(md, text, "content/x.md", catalog, root, root, collector)
    corrections, problems = collect([chapter.order()], [], {}, reasons or {}, "data/koreksi.yaml")
    if signed:
        chapter.as_signed({})
    html = render_body(md, chapter, None, Shown(group(corrections) if signed else NO_MARKS), marker_link, SITE)
    return html, collector.items + problems


def test_a_draft_shows_the_computed_value_and_no_mark_the_difference_is_the_authors_warning():
    html, problems = render("Penduduk {{ penduduk.jumlah | tercetak: 80.750 }} jiwa.\n", signed=False)
    assert html == '<p>Penduduk <span class="nilai">81.574</span> jiwa.</p>\n'
    assert [d.message for d in problems] == ["penduduk.jumlah di narasi: tercetak 80.750, dihitung 81.574"]


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


def test_the_same_quote_twice_on_a_line_has_two_columns():
    line = "Jumlah {{ penduduk.jumlah | tercetak: 80.750 }} jiwa; sekali lagi {{ penduduk.jumlah | tercetak: 80.750 }}."
    problems = render("Judul\n\n> " + line + "\n")[1]
    assert [(p.loc.line, p.loc.column) for p in problems] == [(3, 10), (3, 69)]


def test_a_reason_turns_the_warning_into_a_listed_correction():
    _, problems = render("B {{ penduduk.jumlah | tercetak: 80.750 | alasan: Dihitung dari tabel per desa. }}\n")
    assert problems == []


def test_a_reason_may_name_one_written_once_in_data():
    _, problems = render("{{ penduduk.jumlah | tercetak: 80.750 | alasan: tabel_desa }}\n",
                         reasons={"tabel_desa": "Dihitung dari tabel per desa."})
    assert problems == []
    _, problems = render("{{ penduduk.jumlah | tercetak: 80.750 | alasan: tabel_dsa }}\n",
                         reasons={"tabel_desa": "Dihitung dari tabel per desa."})
    (p,) = problems
    assert p.is_error and p.message == "alasan 'tabel_dsa' tidak dikenal"
    assert p.hint.startswith("maksud Anda 'tabel_desa'?")


def test_a_disagreeing_word_is_a_warning_like_a_number():
    _, problems = render("IKM {{ indikator.ikm.realisasi | banding: pembanding.ikm.realisasi_pemda | tercetak: lebih rendah }}\n")
    (p,) = problems
    assert p.message == ("indikator.ikm.realisasi | banding di narasi: tercetak 'lebih rendah', "
                         "menurut data 'lebih tinggi'")


def test_comparing_a_word_with_a_number_is_an_error():
    _, problems = render("{{ indikator.ikm.tren | banding: indikator.ikm.realisasi }}\n")
    (p,) = problems
    assert p.is_error and p.message == "'banding' memerlukan dua angka, ditemukan 'naik' dan '91,33'"


@pytest.mark.parametrize("inner, problem", [
    ("a.b | tercetak: 1 | tercetak: 2", "'tercetak' ditulis dua kali"),
    ("a.b | alasan: x", "'alasan' hanya berlaku bersama 'tercetak'"),
    ("a.b | bandingkan: c", "bagian 'bandingkan: c' tidak dikenal; yang boleh: | banding: ..., | tercetak: ..., "
                            "| alasan: ..."),
    ("a.b | banding: 90,25", "'banding' memerlukan kunci nilai, ditemukan '90,25'"),
])
def test_malformed_value_placeholders_say_what_is_wrong(inner, problem):
    assert parse_value(inner)["problem"] == problem


def test_value_placeholder_parts():
    assert parse_value(" a.b | banding: c.d | tercetak: lebih rendah | alasan: x y ") == {
        "key": "a.b", "banding": "c.d", "tercetak": "lebih rendah", "alasan": "x y", "problem": None}


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


@pytest.mark.parametrize("source, shown", [
    ("{{ kinerja.cakupan_tercapai }} indikator tercapai.", "<p><span class=\"nilai\">Sebagian</span> indikator"),
    ("- **{{ kinerja.cakupan_tercapai }} indikator**", "<li><strong><span class=\"nilai\">Sebagian</span>"),
    ("Hasilnya baik. {{ kinerja.cakupan_tercapai }} indikator.", "baik. <span class=\"nilai\">Sebagian</span>"),
    ("Target {{ kinerja.cakupan_tercapai }} indikator.", "Target <span class=\"nilai\">sebagian</span>"),
])
def test_a_judging_word_that_opens_a_sentence_is_capitalised(source, shown):
    html, problems = render(source)
    assert problems == [] and shown in html


def test_a_printed_word_of_the_opening_agrees_whatever_its_case():
    _, problems = render("{{ kinerja.cakupan_tercapai | tercetak: Semua }} indikator tercapai.")
    (p,) = problems
    assert p.message == "kinerja.cakupan_tercapai di narasi: tercetak 'Semua', menurut data 'sebagian'"


def test_every_kind_of_placed_block_is_registered_once_with_its_templates():
    """`{{ tabel | grafik | daftar | ttd: id }}`: each kind is one entry of the registry, naming how the
    catalog finds it and the site's and the print document's template, which exist in the theme."""
    from lkjip.core.catalog import Catalog
    from lkjip.source.markdown import BLOCK, BlockKind
    from lkjip.views.blocks import BLOCK_KINDS

    from conftest import REPO
    assert set(BLOCK_KINDS) == set(BlockKind) and all(BLOCK.match(f"{{{{ {k}: x }}}}") for k in BlockKind)
    for spec in BLOCK_KINDS.values():
        assert callable(getattr(Catalog, spec.lookup)) and spec.known in Catalog.__dataclass_fields__
        assert (REPO / "layouts" / spec.site_template).is_file() and (REPO / "layouts" / spec.print_template).is_file()
