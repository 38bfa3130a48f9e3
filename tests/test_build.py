"""The whole bundled report built: every chapter, table and number in the site and the PDF."""
import html as htmllib
import io
import json
import os
import re
import subprocess
import sys

import pytest
from pypdf import PdfReader

from conftest import REPO, copy_report

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
    assert {"index.html", "pemeriksaan.html", "assets/style.css", "data/tabel.json", PDF} <= set(files)


def test_navigation_links_every_page_relatively(built):
    for name in PAGES:
        markup = page(built, name)
        for other in PAGES:
            assert f'href="{other}.html"' in markup
        assert 'href="/' not in markup and "http" not in re.findall(r'href="([^"]+)"', markup)[0]


@pytest.mark.parametrize("name, caption", [
    ("bab-1-pendahuluan", "Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024)"),
    ("bab-2-perencanaan-kinerja", "Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.1 Pencapaian Kinerja"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.2 Perbandingan Realisasi Kinerja"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.5 Tabel Interval Nilai SKM"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.7 Efisiensi Penggunaan Sumber Daya"),
    ("bab-3-akuntabilitas-kinerja", "Tabel 3.8 Perbandingan Jumlah Anggaran dan Penyerapan Anggaran Tahun 2024"),
    ("bab-4-penutup", "Tabel 3.1 Pencapaian Kinerja"),
    ("lampiran-jumlah-penduduk", "Tabel 1.1 Jumlah Penduduk"),
    ("lampiran-matrik-renja", "Matrik Renja Perubahan RKPD Tahun 2024 Kabupaten Mojokerto"),
    ("lampiran-realisasi-anggaran", "Realisasi Anggaran Kecamatan Pungging Kabupaten Mojokerto Bulan Desember 2024"),
])
def test_tables_are_numbered_as_in_the_original(built, name, caption):
    assert caption in text_of(page(built, name))


def row(markup, table, row_id):
    table_html = markup.split(f'data-tabel="{table}"')[1].split("</table>")[0]
    cells = table_html.split(f'data-id="{row_id}"')[1].split("</tr>")[0]
    return [text_of(c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", cells)]


def test_penduduk_shown_twice_from_one_source(built):
    assert row(page(built, "bab-1-pendahuluan"), "penduduk", "jumlah") == ["", "Jumlah", "40.968", "40.606", "81.574"]
    assert row(page(built, "lampiran-jumlah-penduduk"), "penduduk", "kedungmungal") == [
        "16", "Kedungmungal", "1.482", "1.530", "3.012"]


def test_tabel_3_8_and_the_december_realisasi(built):
    t38 = page(built, "bab-3-akuntabilitas-kinerja")
    assert row(t38, "anggaran_program", "jumlah") == ["", "", "Jumlah", "Rp2.615.163.480", "Rp2.505.613.366",
                                                      "95,81%"]
    lra = page(built, "lampiran-realisasi-anggaran")
    assert row(lra, "realisasi_anggaran", "7.01.06")[2:] == [
        "Rp177.280.000", "Rp35.947.000", "Rp166.573.950", "Rp5.847.000", "Rp172.420.950", "Rp4.859.050", "97,26%"]


def test_tabel_3_1_marks_the_provisional_ip_asn(built):
    cells = row(page(built, "bab-3-akuntabilitas-kinerja"), "capaian", "ip_asn")
    assert cells[-4:] == ["87,5", "87,5 (sementara)", "100% (sementara)", "Sangat Berhasil"]


def test_narrative_numbers_come_from_data(built):
    bab1 = text_of(page(built, "bab-1-pendahuluan"))
    assert "jumlah penduduk sebesar 81.574 jiwa" in bab1
    bab4 = text_of(page(built, "bab-4-penutup"))
    assert "Rp2.615.163.480" in bab4 and "Rp2.505.613.366" in bab4 and "95,81%" in bab4


def test_consistency_page_lists_the_warnings(built):
    markup = text_of(page(built, "pemeriksaan"))
    assert "Jumlah temuan: 51." in markup
    assert "tercetak 80.750, dihitung 81.574" in markup


def test_open_data_json(built):
    data = json.loads((built[0] / "site/data/tabel.json").read_text("utf-8"))
    jumlah = [r for r in data["penduduk"]["baris"] if r["id"] == "jumlah"][0]
    assert jumlah["sel"]["jumlah"] == {"nilai": 81574, "teks": "81.574", "jenis": "angka"}
    assert [c["kunci"] for c in data["penduduk"]["kolom"]] == ["no", "nama", "l", "p", "jumlah"]
    assert data["capaian"]["nomor"] == "3.1" and data["capaian_bab_iv"]["nomor"] == "3.1"


@pytest.fixture(scope="module")
def pdf_text(built):
    reader = PdfReader(io.BytesIO((built[0] / "site" / PDF).read_bytes()))
    return reader, "\n".join(p.extract_text() for p in reader.pages)


def test_pdf_holds_the_whole_report(pdf_text):
    reader, text = pdf_text
    assert len(reader.pages) > 40
    for needle in ["DAFTAR ISI", "KATA PENGANTAR", "BAB I PENDAHULUAN", "BAB III AKUNTABILITAS KINERJA",
                   "Tabel 3.8", "81.574", "Rp2.615.163.480", "Rp2.505.613.366", "95,81%", "101,23%",
                   "SOP PENGUMPULAN DATA", "19780610 199809 1 001"]:
        assert needle in text, needle


def test_pdf_has_bookmarks_and_landscape_pages(pdf_text):
    reader, _ = pdf_text
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "BAB III AKUNTABILITAS KINERJA" in titles
    widths = {round(float(p.mediabox.width)) for p in reader.pages}
    assert widths == {595, 842}


def test_same_inputs_same_bytes_whatever_the_clock_locale_and_folder(built, tmp_path):
    other = copy_report(tmp_path / "salinan")
    env = dict(os.environ, TZ="America/New_York", LC_ALL="C", LANG="C", PYTHONHASHSEED="123")
    subprocess.run([sys.executable, str(REPO / "build.py"), "--dir", str(other), "-q"], check=True,
                   cwd=tmp_path, env=env, capture_output=True)
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
