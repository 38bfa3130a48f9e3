"""The whole bundled report built: every chapter, table and number in the site and the PDF."""
import html as htmllib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import REPO, copy_report, copy_sample

PDF = "lkjip-kecamatan-pungging-2024.pdf"
PAGES = ["kata-pengantar", "bab-1-pendahuluan", "bab-2-perencanaan-kinerja", "bab-3-akuntabilitas-kinerja",
         "bab-4-penutup", "lampiran-struktur-organisasi", "lampiran-jumlah-penduduk", "lampiran-matrik-renja",
         "lampiran-realisasi-anggaran", "lampiran-perjanjian-kinerja", "lampiran-perjanjian-kinerja-perubahan",
         "lampiran-iku", "lampiran-inovasi", "lampiran-ratl-sakip", "lampiran-sop-pengumpulan-data"]


def site_files(root):
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def page(built, name):
    return (built[0] / "site" / f"{name}.html").read_text("utf-8")


def text_of(markup):
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", markup)))


def test_site_has_a_page_per_chapter_and_lampiran(built):
    files = site_files(built[0])
    assert {f"{p}.html" for p in PAGES} <= set(files)
    assert {"index.html", "catatan-pemeriksaan.html", "data.html", "cari.html", "assets/style.css", "assets/cari.js",
            "assets/indeks-cari.js", "data/lkjip-kecamatan-pungging-2024.json", PDF} <= set(files)
    assert "pemeriksaan.html" not in files  # the author's consistency list is not published


def test_navigation_links_every_page_relatively(built):
    for name in PAGES:
        markup = page(built, name)
        for other in PAGES:
            assert f'href="{other}.html"' in markup
        assert 'href="/' not in markup and "http" not in re.findall(r'href="([^"]+)"', markup)[0]


def test_lampiran_are_numbered_as_in_the_pdf_in_the_sidebar_the_menu_and_on_the_home_page(built):
    """The PDF's Daftar Isi numbers the lampiran 1, 2, 3 ... (tests/test_pdf.py); so does every list of them
    on the site, while the chapters carry their numbers in their titles."""
    lampiran = [p for p in PAGES if p.startswith("lampiran-")]
    numbered = [f'<li value="{n}"><a href="{name}.html"' for n, name in enumerate(lampiran, 1)]
    for name in ("index", "bab-1-pendahuluan", "lampiran-iku"):
        markup = re.sub(r' aria-current="page"', "", page(built, name))
        for item in numbered:
            assert markup.count(item) == (3 if name == "index" else 2), (name, item)   # sidebar, menu, home
    assert '<ul class="daftar-navigasi">' in page(built, "bab-1-pendahuluan")


@pytest.mark.parametrize("name, caption", [
    ("bab-1-pendahuluan", "Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024)"),
    ("bab-2-perencanaan-kinerja", "Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.1 Pencapaian Kinerja"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.2 Perbandingan Realisasi Kinerja"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.5 : TABEL INTERVAL NILAI SKM"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024"),
    ("bab-4-penutup", "Tabel 3.1 Pencapaian Kinerja"),
    ("lampiran-jumlah-penduduk", "Tabel 1.1 Jumlah Penduduk"),
    ("lampiran-matrik-renja", "Perubahan RKPD Tahun 2024 Kabupaten Mojokerto"),
    ("lampiran-realisasi-anggaran", "REALISASI ANGGARAN KECAMATAN PUNGGING KABUPATEN MOJOKERTO BULAN : DESEMBER 2024"),
])
def test_tables_are_numbered_and_titled_as_in_the_signed_document(built, name, caption):
    assert caption in text_of(page(built, name))


def row(markup, caption, label):
    """The cells of the first row of the table captioned `caption` that has a cell `label`
    (correction markers left out)."""
    table_html = markup.split(f">{htmllib.escape(caption, quote=False)}</figcaption>")[1].split("</table>")[0]
    for tr in re.findall(r"<tr[^>]*>(.*?)</tr>", table_html, re.S):
        cells = [text_of(re.sub(r"<sup.*?</sup>", "", c)).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", tr)]
        if label in cells:
            return cells
    raise AssertionError(f"no row {label!r} in {caption!r}")


def test_penduduk_shown_twice_from_one_source(built):
    caption = "Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024)"
    # the document labels the total TOTAL; the tool's "Jumlah" is a note (P3), the figures agree
    assert row(page(built, "bab-1-pendahuluan"), caption, "TOTAL") == ["", "TOTAL", "40.968", "40.606", "81.574"]
    assert row(page(built, "lampiran-jumlah-penduduk"), caption, "KEDUNGMUNGAL") == [
        "16", "KEDUNGMUNGAL", "1.482", "1.530", "3.012"]


def test_tabel_3_8_and_the_december_realisasi_as_signed(built):
    t38 = page(built, "bab-3-akuntabilitas-kinerja")
    caption = "Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024"
    # printed under "Pagu (Rp.)" and "% Capaian", serapan cut to two decimals (95,666% as 95,66)
    assert row(t38, caption, "Program Penunjang Urusan Pemerintahan Daerah") == [
        "", "", "Program Penunjang Urusan Pemerintahan Daerah", "2.415.383.480", "2.310.700.416", "95,66"]
    assert row(t38, caption, "2.615.163.480") == ["", "", "", "2.615.163.480", "2.505.613.366", "95,81"]
    lra = page(built, "lampiran-realisasi-anggaran")
    caption = "REALISASI ANGGARAN KECAMATAN PUNGGING KABUPATEN MOJOKERTO BULAN : DESEMBER 2024"
    assert row(lra, caption, "Jumlah (8)") == [
        "", "Jumlah (8)", "Rp2.615.163.480", "Rp35.947.000", "Rp2.256.753.214", "Rp248.860.152", "Rp2.505.613.366",
        "Rp109.550.114", "95,81%"]
    # the program rows are the author's additions, marked where they stand
    assert row(lra, caption, "7.01.06 †")[2:] == [
        "Rp177.280.000", "Rp35.947.000", "Rp166.573.950", "Rp5.847.000", "Rp172.420.950", "Rp4.859.050", "97,26%"]


def test_tabel_3_1_shows_ip_asn_as_signed_and_the_draft_marks_it_provisional(built, drafted):
    label = "3.3 Indeks Profesionalitas ASN"
    cells = row(page(built, "bab-3-akuntabilitas-kinerja"), "Tabel 3.1 Pencapaian Kinerja", label)
    assert cells[-3:] == ["87,5", "87,5", "100%"]
    cells = row(page(drafted, "bab-3-akuntabilitas-kinerja"), "Tabel 3.1 Pencapaian Kinerja", label)
    assert cells[-3:] == ["87,5", "87,5 (sementara)", "100% (sementara)"]


def test_narrative_numbers_come_from_data_in_a_draft(drafted):
    bab1 = text_of(page(drafted, "bab-1-pendahuluan"))
    assert "jumlah penduduk sebesar 81.574 jiwa" in bab1
    bab4 = text_of(page(drafted, "bab-4-penutup"))
    assert "Rp2.615.163.480" in bab4 and "Rp2.505.613.366" in bab4 and "95,81%" in bab4


def test_the_signed_text_shows_its_own_figure_with_a_note_mark(built):
    bab1 = page(built, "bab-1-pendahuluan")
    assert ('<span class="nilai dikoreksi">80.750</span><sup class="tanda-koreksi"><a id="tanda-pemeriksaan-2" '
            'href="catatan-pemeriksaan.html#pemeriksaan-2" aria-label="Catatan pemeriksaan P2">P2</a></sup>') in bab1


def test_the_catatan_pemeriksaan_explains_every_mark(built):
    markup = page(built, "catatan-pemeriksaan")
    text = text_of(markup)
    assert "Laporan ini menampilkan angka dan kata persis seperti pada dokumen yang ditandatangani pada Januari 2025" \
        in text
    assert re.search(r"Di \d+ tempat, hitungan ulang memberi angka atau kata lain", text)
    p2 = markup.split('id="pemeriksaan-2"')[1].split("</li>")[0]
    assert "Jumlah penduduk dihitung dari tabel penduduk per desa" in text_of(p2)
    assert "80.750 81.574" in text_of(p2)
    assert 'href="bab-1-pendahuluan.html#tanda-pemeriksaan-2"' in p2
    assert "Tambahan penyusun" in text and "(seluruh tabel)" in text


def test_a_table_cell_that_recomputes_otherwise_carries_its_mark(built):
    bab3 = page(built, "bab-3-akuntabilitas-kinerja")
    table = bab3.split(">Tabel 3.1 Pencapaian Kinerja</figcaption>")[1].split("</table>")[0]
    assert ('90,25<sup class="tanda-koreksi"><a id="tanda-pemeriksaan-4" href="catatan-pemeriksaan.html'
            '#pemeriksaan-4" aria-label="Catatan pemeriksaan P4">P4</a></sup>') in table
    # a difference of writing only (the document's "TOTAL" for the tool's "Jumlah") is listed, not marked
    bab1 = page(built, "bab-1-pendahuluan")
    assert ">TOTAL</span></td>" in bab1 or ">TOTAL</td>" in bab1


def test_judging_words_come_from_the_figures_in_a_draft(drafted):
    bab3 = text_of(page(drafted, "bab-3-akuntabilitas-kinerja"))
    assert "Nilai IKM Kecamatan Pungging lebih tinggi dari pada realisasi IKM" in bab3
    assert "faktor yang menyebabkan terlampaui target nilai SAKIP" in bab3
    assert "tahun 2024 terealisasi sebesar 87,5 (sementara)" in bab3


def test_the_signed_report_keeps_its_own_words(built):
    bab3 = text_of(page(built, "bab-3-akuntabilitas-kinerja"))
    assert "Nilai IKM Kecamatan Pungging lebih rendah dari pada realisasi IKM" in bab3
    assert "dapat dinyatakan sangat berhasil." in text_of(page(built, "bab-4-penutup"))


def test_open_data_json(built):
    data = json.loads((built[0] / "site/data/lkjip-kecamatan-pungging-2024.json").read_text("utf-8"))
    tables = data["tabel"]
    jumlah = [r for r in tables["penduduk"]["baris"] if r["id"] == "jumlah"][0]
    assert jumlah["sel"]["jumlah"] == {"nilai": 81574, "teks": "81.574", "jenis": "angka"}
    assert [c["kunci"] for c in tables["penduduk"]["kolom"]] == ["no", "nama", "l", "p", "jumlah"]
    assert tables["capaian"]["nomor"] == "3.1" and tables["capaian_bab_iv"]["nomor"] == "3.1"
    assert data["nilai"]["ikm.nilai"] == {"nilai": 91.333333, "teks": "91,33", "jenis": "angka"}
    assert data["sumber"]["ikm"]["unsur"][0] == {"id": "persyaratan", "nama": "Persyaratan", "nrr": 3.51}
    assert data["sumber"]["indikator"]["indikator"][0]["tercetak"]["capaian"]["realisasi"] == {
        "nilai": 90.25, "alasan": "ikm_dihitung_ulang"}
    assert data["pemeriksaan"][1]["tercetak"] == "80.750" and data["pemeriksaan"][1]["dihitung"] == "81.574"
    # a program's pagu and realisasi are summed from its sub-kegiatan: computed values, not empty source facts
    penunjang = data["sumber"]["anggaran"]["program"][0]
    assert penunjang["id"] == "penunjang" and "pagu" not in penunjang and "realisasi" not in penunjang
    assert data["nilai"]["program.penunjang.pagu"]["nilai"] == 2415383480
    assert set(data) == {"sumber", "nilai", "tabel", "pemeriksaan"}     # no empty folder of office tables
    assert "status_capaian" not in tables   # a table no page shows was never signed


def test_data_page_lists_tables_in_reading_order_and_names_the_copy(built):
    captions = re.findall(r'<span class="judul-data">([^<]+)</span>', page(built, "data"))
    assert captions[0] == "Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024)"
    assert captions.count("Tabel 3.1 Pencapaian Kinerja (di BAB III AKUNTABILITAS KINERJA)") == 1
    assert captions.count("Tabel 3.1 Pencapaian Kinerja (dimuat lagi di BAB IV PENUTUP)") == 1
    assert captions.index("Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)") \
        < captions.index("Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024") \
        < captions.index("Tabel 3.1 Pencapaian Kinerja (dimuat lagi di BAB IV PENUTUP)") \
        < captions.index("REALISASI ANGGARAN KECAMATAN PUNGGING KABUPATEN MOJOKERTO BULAN : DESEMBER 2024")
    assert "Status Capaian Kinerja" not in captions   # computed, shown on no page: not part of the record


def test_every_table_as_csv_next_to_it(built):
    site = built[0] / "site"
    csv = (site / "data/tabel-1-1-jumlah-penduduk-kecamatan-pungging-per-desember.csv").read_bytes().decode("utf-8")
    lines = csv.split("\r\n")
    assert lines[0] == "\ufeffNO.,DESA,L,P,JUMLAH"    # the headers and labels as signed
    assert "16,KEDUNGMUNGAL,1482,1530,3012" in lines and ",TOTAL,40968,40606,81574" in lines
    t38 = (site / "data/tabel-3-8-perbandingan-jumlah-anggaran-dan-penyerapan.csv").read_bytes().decode("utf-8-sig")
    assert ",,,2615163480,2505613366,95.81" in t38.split("\r\n")   # the signed figures, not recomputed
    bab1 = page(built, "bab-1-pendahuluan")
    assert '<a href="data/tabel-1-1-jumlah-penduduk-kecamatan-pungging-per-desember.csv" download>' in bab1
    listed = page(built, "data")
    for name in [p.name for p in (site / "data").glob("*.csv")]:
        assert f'href="data/{name}"' in listed


def build_elsewhere(root: Path, cwd: Path) -> None:
    """A build of `root` in another process, clock, locale, hash seed and working folder."""
    env = dict(os.environ, TZ="America/New_York", LC_ALL="C", LANG="C", PYTHONHASHSEED="123")
    subprocess.run([sys.executable, str(REPO / "build.py"), "--dir", str(root), "-q"], check=True,
                   cwd=cwd, env=env, capture_output=True)


@pytest.mark.parametrize("sample", ["minimal", pytest.param("kota", marks=pytest.mark.kampanye)])
def test_same_inputs_same_bytes_whatever_the_clock_locale_and_folder(sample, tmp_path):
    """The samples with their PDFs (charts, landscape pages, signatures): the same bytes, here and elsewhere."""
    here = copy_sample(sample, tmp_path / "sini")
    run(Project(here), Options(pdf=True))
    there = copy_sample(sample, tmp_path / "sana" / "laporan")
    build_elsewhere(there, tmp_path)
    assert site_files(there) == site_files(here) and any(name.endswith(".pdf") for name in site_files(here))


@pytest.mark.kampanye
def test_the_bundled_report_gives_the_same_bytes_whatever_the_clock_locale_and_folder(built, tmp_path):
    other = copy_report(tmp_path / "salinan")
    build_elsewhere(other, tmp_path)
    assert site_files(other) == site_files(built[0])


def test_nothing_about_pungging_is_hard_coded(tmp_path):
    root = copy_report(tmp_path / "lain")
    for path in list(root.rglob("*.yaml")) + list(root.rglob("*.md")):
        text = path.read_text("utf-8")
        text = re.sub("pungging", "sukamaju", re.sub("Pungging", "Sukamaju", re.sub("PUNGGING", "SUKAMAJU", text)))
        path.write_text(text.replace("Mojokerto", "Sukamakmur").replace("MOJOKERTO", "SUKAMAKMUR"), "utf-8")
    subprocess.run([sys.executable, str(REPO / "build.py"), "--dir", str(root), "--no-pdf", "-q"], check=True,
                   capture_output=True)
    for name, data in site_files(root).items():
        assert b"Pungging" not in data and b"PUNGGING" not in data and b"Mojokerto" not in data, name
    assert "Kecamatan Sukamaju" in (root / "site/index.html").read_text("utf-8")


def test_the_sites_figures_carry_the_numbers_of_the_pdfs_daftar_gambar(built):
    """The signed document has no charts: each one is the author's addition, and says so."""
    bab3 = text_of(page(built, "bab-3-akuntabilitas-kinerja"))
    assert "Gambar 1. Grafik Nilai Rata-rata (NRR) per Unsur Survei Kepuasan Masyarakat Tahun 2024 " \
           "(tambahan penyusun)." in bab3
    assert "Gambar 2. Grafik Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024 " \
           "(tambahan penyusun)." in bab3
    # the chart writes Tabel 3.8's signed 95,66% and 97,25% (the paper cut the digits), not 95,67% and 97,26%
    assert "(95,66% terserap)" in bab3 and "(97,25% terserap)" in bab3
    assert "95,67% terserap" not in bab3 and "97,26% terserap" not in bab3
    penduduk = text_of(page(built, "lampiran-jumlah-penduduk"))
    assert "Gambar 3. Grafik Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024) (tambahan penyusun)." \
        in penduduk
