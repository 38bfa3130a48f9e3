"""Words and names from the office's data: what its figures are called (`gambar.sebutan` in
data/laporan.yaml) and the headers it gives the built-in tables (`tabel.ID.kolom`), the same on
the site, in the PDF, in its lists and in the open data."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
from pypdf import PdfReader

from lkjip.cli import main
from lkjip.domain.laporan import LAPORAN
from lkjip.pipeline import Options, run
from lkjip.print.document import print_document
from lkjip.project import Project
from lkjip.render.identity import site_info
from lkjip.render.templates import Templates
from lkjip.views.charts import default_title
from lkjip.views.tables import Column, Table

from conftest import copy_sample, edit

BAB_3 = "content/03-bab-3-akuntabilitas-kinerja.md"
PDF = "lkjip-kecamatan-sukamulya-2025.pdf"


def with_charts(root):
    """The kota sample with two charts placed after their tables (Tabel 3.1 and Tabel 3.7)."""
    edit(root / BAB_3, "{{ tabel: capaian }}\n", "{{ tabel: capaian }}\n\n{{ grafik: capaian }}\n")
    edit(root / BAB_3, "{{ tabel: anggaran_program }}\n", "{{ tabel: anggaran_program }}\n\n"
                                                          "{{ grafik: anggaran_program }}\n")
    return root


def add_setting(root, text: str) -> None:
    path = root / "data/laporan.yaml"
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def captions(html: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<figcaption>(.*?)(?:<span|</figcaption>)", html, re.S)]


def print_html(root) -> str:
    project = Project(root)
    result = run(project, Options(pdf=False, write=False))
    lap = result.report.need(LAPORAN)
    return print_document(project, result.pages, [], Templates(project), lap, site_info(lap)).html


def test_a_chart_titled_from_its_table_does_not_say_the_word_of_its_caption_twice():
    table = Table("skm", "3.5 :", "TABEL INTERVAL NILAI SKM", (Column("a", "A"),), ())
    assert default_title(table, "skm") == "Grafik Tabel 3.5 : TABEL INTERVAL NILAI SKM"   # "Gambar 1. Grafik ..."
    assert default_title(table, "skm", "Grafik") == "TABEL INTERVAL NILAI SKM (Tabel 3.5)"  # "Grafik 1. TABEL ..."
    unnumbered = Table("ikm", None, "Nilai per Unsur", (Column("a", "A"),), ())
    assert default_title(unnumbered, "ikm", "Grafik") == "Nilai per Unsur"
    assert default_title(unnumbered, "ikm") == "Grafik Nilai per Unsur"
    assert default_title(None, "ikm", "Grafik") == "ikm"


@pytest.fixture
def grafik(tmp_path):
    """The kota sample with charts, whose office calls its figures Grafik, built with its PDF."""
    root = with_charts(copy_sample("kota", tmp_path / "kota"))
    add_setting(root, "gambar: {sebutan: Grafik}\n")
    assert main(["build", "--dir", str(root), "-q"]) == 0
    return root


def test_figures_called_grafik_are_grafik_on_the_site_in_search_and_in_the_pdf_and_its_list(grafik):
    site = grafik / "site"
    bab3 = (site / "bab-3-akuntabilitas-kinerja.html").read_text("utf-8")
    assert captions(bab3) == ["Grafik 1. Pencapaian Kinerja (Tabel 3.1).",
                              "Grafik 2. Anggaran dan Realisasi per Program (Tabel 3.7)."]
    assert "Gambar" not in " ".join(captions(bab3))
    index = (site / "assets/indeks-cari.js").read_text("utf-8")
    assert "Grafik 1. Pencapaian Kinerja (Tabel 3.1)." in index and "Gambar 1." not in index

    reader = PdfReader(site / PDF)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "DAFTAR GRAFIK" in text and "DAFTAR GAMBAR" not in text
    listed = re.findall(r"^(Grafik \d+\. .*?) \.{4,}", text, re.M)
    assert listed == ["Grafik 1. Pencapaian Kinerja (Tabel 3.1)", "Grafik 2. Anggaran dan Realisasi per Program "
                                                                  "(Tabel 3.7)"]
    assert re.search(r"^Grafik 1\. Pencapaian Kinerja \(Tabel 3\.1\)\. Setiap indikator", text, re.M)
    assert re.search(r"^Grafik 2\. Anggaran dan Realisasi per Program \(Tabel 3\.7\)\. ", text, re.M)
    assert "Grafik Tabel" not in text and "Gambar 1" not in text
    assert "DAFTAR GRAFIK" in [item.title for item in reader.outline if not isinstance(item, list)]


def test_figures_are_called_gambar_by_default_with_their_chart_titles_as_before(tmp_path):
    root = with_charts(copy_sample("kota", tmp_path / "kota"))
    assert main(["html", "--dir", str(root), "-q"]) == 0
    bab3 = (root / "site/bab-3-akuntabilitas-kinerja.html").read_text("utf-8")
    assert captions(bab3) == ["Gambar 1. Grafik Tabel 3.1 Pencapaian Kinerja.",
                              "Gambar 2. Grafik Tabel 3.7 Anggaran dan Realisasi per Program."]
    html = print_html(root)
    assert "<h1>DAFTAR GAMBAR</h1>" in html and 'href="#daftar-gambar">DAFTAR GAMBAR</a>' in html
    assert ">Gambar 2. Grafik Tabel 3.7 Anggaran dan Realisasi per Program</a></li>" in html
    assert '<figcaption><b class="nomor-gambar">Gambar 1.</b> Grafik Tabel 3.1 Pencapaian Kinerja.' in html


def test_the_print_document_numbers_its_figures_in_their_captions_as_its_list_does(tmp_path):
    root = with_charts(copy_sample("kota", tmp_path / "kota"))
    add_setting(root, "gambar: {sebutan: Grafik}\n")
    html = print_html(root)
    assert "<h1>DAFTAR GRAFIK</h1>" in html and 'href="#daftar-gambar">DAFTAR GRAFIK</a>' in html
    listed = re.findall(r'<a href="#(grafik-[^"]+)">(Grafik \d+)\. ', html)
    numbered = re.findall(r'<figure class="gambar[^"]*" id="([^"]+)".*?<b class="nomor-gambar">(Grafik \d+)\.</b>',
                          html, re.S)
    assert listed == numbered == [("grafik-capaian", "Grafik 1"), ("grafik-anggaran_program", "Grafik 2")]


def test_a_wrong_word_for_figures_is_an_error_saying_which_words_there_are(capsys, tmp_path):
    root = copy_sample("minimal", tmp_path / "minimal")
    add_setting(root, "gambar: {sebutan: grafik}\n")
    assert main(["check", "--dir", str(root), "-q"]) == 1
    err = capsys.readouterr().err
    assert "data/laporan.yaml:10:19: galat: gambar.sebutan: diharapkan salah satu dari Gambar, Grafik, " \
           "ditemukan teks 'grafik'" in err
    assert "petunjuk: maksud Anda 'Grafik'?" in err
    edit(root / "data/laporan.yaml", "gambar: {sebutan: grafik}", "gambar: Grafik")
    assert main(["check", "--dir", str(root), "-q"]) == 1
    err = capsys.readouterr().err
    assert "data/laporan.yaml:10:9: galat: gambar: diharapkan pemetaan, ditemukan teks 'Grafik'" in err
    assert "petunjuk: tulis gambar: {sebutan: Grafik}" in err


def test_the_headers_an_office_gives_a_built_in_table_reach_the_site_the_pdf_and_the_open_data(tmp_path):
    root = copy_sample("kota", tmp_path / "kota")
    edit(root / "data/laporan.yaml", '  capaian: {nomor: "3.1"}',
         '  capaian: {nomor: "3.1", kolom: {target: TARGET KINERJA, realisasi: REALISASI FISIK}, '
         'judul: PENCAPAIAN KINERJA SASARAN}')
    assert main(["html", "--dir", str(root), "-q"]) == 0
    site = root / "site"
    bab3 = (site / "bab-3-akuntabilitas-kinerja.html").read_text("utf-8")
    assert ">TARGET KINERJA</" in bab3 and ">REALISASI FISIK</" in bab3
    assert ">Target</th>" not in bab3.split("Tabel 3.1 PENCAPAIAN KINERJA SASARAN", 1)[1].split("</table>", 1)[0]
    name = "data/tabel-3-1-pencapaian-kinerja-sasaran.csv"
    assert name in (site / "data.html").read_text("utf-8")
    header = next(csv.reader(io.StringIO((site / name).read_text("utf-8-sig"))))
    assert "TARGET KINERJA" in header and "REALISASI FISIK" in header and "Target" not in header
    data = json.loads((site / "data/lkjip-kecamatan-sukamulya-2025.json").read_text("utf-8"))
    labels = [c["judul"] for c in data["tabel"]["capaian"]["kolom"]]
    assert "TARGET KINERJA" in labels and "Target" not in labels
    html = print_html(root)
    printed = html.split('data-judul="Tabel 3.1 PENCAPAIAN KINERJA SASARAN"', 1)[1].split("</table>", 1)[0]
    assert ">TARGET KINERJA</th>" in printed and ">REALISASI FISIK</th>" in printed
    assert ">Tabel 3.1 PENCAPAIAN KINERJA SASARAN</a></li>" in html     # the Daftar Tabel
