"""The official record: a draft says so; a signed report is published as signed; a change after
signing is a revised edition, approved by a named official, with a Lembar Ralat that lists every
difference (complete by construction); a change without one does not build.

All on the smallest sample (data/laporan.yaml of a Dinas Perpustakaan, 2025): 92% of a 90%
target (capaian 102,22%) and 10 of 12 kegiatan (83,33%).
"""
from __future__ import annotations

import io
import json
import re
import subprocess

import pytest
from pypdf import PdfReader

from lkjip.cli import main
from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import edit

PDF = "lkjip-dinas-perpustakaan-dan-kearsipan-2025.pdf"


def laporan(root, text):
    path = root / "data/laporan.yaml"
    path.write_text(path.read_text("utf-8") + text, "utf-8")


def errors_of(root):
    with pytest.raises(BuildFailed) as failed:
        run(Project(root), Options(pdf=False, write=False))
    return [d for d in failed.value.diagnostics if d.is_error]


def page(root, name):
    return (root / "site" / name).read_text("utf-8")


# --- the status and its records -------------------------------------------------------------

@pytest.mark.parametrize(("text", "line", "message"), [
    ("status: ditandatangani\n", 10, "status ditandatangani tanpa 'ditandatangani'"),
    ("ditandatangani: {tanggal: 2026-01-30}\n", 10, "'ditandatangani' diisi, tetapi status masih draf"),
    ("status: diterbitkan\n", 10, "diharapkan salah satu dari draf, ditandatangani, ditemukan teks 'diterbitkan'"),
    ("status: ditandatangani\nditandatangani: {tanggal: 2026-01-30}\n"
     "edisi: {nomor: 2, tanggal: 2026-03-10, disetujui: kepala, dasar: Nota Dinas}\n", 12,
     "edisi revisi memerlukan revisi Git edisi yang ditandatangani"),
    ("status: ditandatangani\nditandatangani: {tanggal: 2026-01-30, revisi: ttd}\n"
     "edisi: {nomor: 2, tanggal: 2026-01-10, disetujui: kepala, dasar: Nota Dinas}\n", 12,
     "edisi revisi bertanggal 10 Januari 2026, sebelum laporan ditandatangani (30 Januari 2026)"),
    ("status: ditandatangani\nditandatangani: {tanggal: 2026-01-30, revisi: ttd}\n"
     "edisi: {nomor: 2, tanggal: 2026-03-10, disetujui: sekda, dasar: Nota Dinas}\n", 12,
     "pejabat 'sekda' tidak didefinisikan di data/pejabat.yaml"),
])
def test_a_status_and_its_records_must_agree(minimal, text, line, message):
    laporan(minimal, text)
    found = errors_of(minimal)
    assert any(e.loc.file == "data/laporan.yaml" and e.loc.line == line and message in e.message for e in found), \
        [(e.loc.line, e.message) for e in found]


def test_a_draft_says_so_on_the_site_on_every_page_of_the_pdf_and_leaves_the_signature_date_open(minimal):
    edit(minimal / "content/04-bab-4-penutup.md", "{{ ttd: kepala }}",
         "Teladan, {{ laporan.tanggal_tanda_tangan }}\n\n{{ ttd: kepala }}")
    run(Project(minimal), Options(pdf=True))
    assert '<p class="pita pita-draf" role="note"><strong>DRAF</strong>: laporan ini belum ditandatangani' \
        in page(minimal, "index.html")
    assert 'Teladan, <span class="nilai">……………… (belum ditandatangani)</span>' in page(minimal, "bab-4-penutup.html")
    reader = PdfReader(io.BytesIO((minimal / "site" / PDF).read_bytes()))
    texts = [p.extract_text() for p in reader.pages]
    assert all("DRAF" in t for t in texts)
    assert "DRAF · belum ditandatangani" in texts[0]


def test_a_signed_report_dates_its_signature_and_has_no_draft_mark(minimal):
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01-30}\n")
    edit(minimal / "content/04-bab-4-penutup.md", "{{ ttd: kepala }}",
         "Teladan, {{ laporan.tanggal_tanda_tangan }}\n\n{{ ttd: kepala }}")
    run(Project(minimal), Options(pdf=False))
    assert 'Teladan, <span class="nilai">30 Januari 2026</span>' in page(minimal, "bab-4-penutup.html")
    assert "pita-draf" not in page(minimal, "index.html")
    assert "Ditandatangani 30 Januari 2026." in page(minimal, "index.html")


def test_a_paper_document_may_be_dated_by_its_month(minimal):
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01}\n")
    edit(minimal / "content/04-bab-4-penutup.md", "{{ ttd: kepala }}",
         "Teladan, {{ laporan.tanggal_tanda_tangan }}\n\n{{ ttd: kepala }}")
    run(Project(minimal), Options(pdf=False))
    assert 'Teladan, <span class="nilai">Januari 2026</span>' in page(minimal, "bab-4-penutup.html")


# --- signed: what was signed, the recomputation only beside it --------------------------------

QUOTED = "Layanan tepat waktu tercapai {{ indikator.layanan_tepat_waktu.capaian }}"


def test_a_signed_report_shows_the_printed_figures_and_the_recomputation_only_as_marks(minimal):
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01}\ncatatan_pemeriksaan: true\n")
    edit(minimal / "content/04-bab-4-penutup.md", QUOTED,
         "Layanan tepat waktu tercapai {{ indikator.layanan_tepat_waktu.capaian | tercetak: 102,23% | alasan: "
         "Dokumen membulatkan ke atas. }}")
    edit(minimal / "data/indikator.yaml", "    realisasi: {2025: 92}",
         "    realisasi: {2025: 92}\n    tercetak: {capaian: {capaian: {nilai: 103, alasan: salah_hitung}}}")
    (minimal / "data/koreksi.yaml").write_text("alasan:\n  salah_hitung: 'Capaian dihitung ulang dari target dan "
                                               "realisasi: 92 dari 90 adalah 102,22%.'\n", "utf-8")
    run(Project(minimal), Options(pdf=False))
    bab3, bab4 = page(minimal, "bab-3-akuntabilitas-kinerja.html"), page(minimal, "bab-4-penutup.html")
    assert "103%" in bab3 and "102,22%" not in bab3        # the signed cell, not the computed one
    assert 'tercapai <span class="nilai">102,23%</span>;' in bab4    # only rounding: no mark, one summary line
    notes = re.sub(r' data-label="[^"]*"', "", page(minimal, "catatan-pemeriksaan.html"))   # labels for phones
    assert "P1</span> Capaian dihitung ulang dari target dan realisasi: 92 dari 90 adalah 102,22%." in notes
    assert "<td class=\"asli\">103%</td><td class=\"ditampilkan\">102,22%</td>" in notes
    assert "Perbedaan pembulatan" in notes
    assert '<td class="asli">102,23%</td><td class="ditampilkan">102,22%</td>' in notes.split("Perbedaan pembulatan")[1]
    assert ('103%<sup class="tanda-koreksi"><a id="tanda-pemeriksaan-1" href="catatan-pemeriksaan.html#pemeriksaan-1"'
            ' aria-label="Catatan pemeriksaan P1">P1</a></sup>') in bab3


def test_without_catatan_pemeriksaan_readers_see_only_what_was_signed(minimal):
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01}\n")
    edit(minimal / "content/04-bab-4-penutup.md", QUOTED,
         "Layanan tepat waktu tercapai {{ indikator.layanan_tepat_waktu.capaian | tercetak: 100% }}")
    result = run(Project(minimal), Options(pdf=False))
    assert "tercapai <span class=\"nilai\">100%</span>;" in page(minimal, "bab-4-penutup.html")
    assert not (minimal / "site/catatan-pemeriksaan.html").exists()
    assert [d.message for d in result.diagnostics] == [
        "indikator.layanan_tepat_waktu.capaian di narasi: tercetak 100, dihitung 102,22"]  # the author still knows
    # the open data hold the tables as signed, only those the document holds, and no recomputed figure
    data = json.loads((minimal / "site/data" / PDF.replace(".pdf", ".json")).read_text("utf-8"))
    placed = {t for p in result.pages for t in p.tables}
    assert set(data) == {"sumber", "tabel"} and set(data["tabel"]) == placed
    assert "rata_rata_capaian" not in placed


def test_a_draft_shows_the_computed_figures_and_tells_readers_nothing_of_the_print(minimal):
    edit(minimal / "content/04-bab-4-penutup.md", QUOTED,
         "Layanan tepat waktu tercapai {{ indikator.layanan_tepat_waktu.capaian | tercetak: 100% }}")
    run(Project(minimal), Options(pdf=False))
    assert "tercapai <span class=\"nilai\">102,22%</span>;" in page(minimal, "bab-4-penutup.html")
    assert not (minimal / "site/catatan-pemeriksaan.html").exists()


def test_additions_are_marked_where_they_stand_and_listed_once(minimal):
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01}\ntabel:\n"
            "  capaian: {tambahan: {kolom: [capaian]}}\n  pk: {tambahan: {baris: [pembinaan]}}\n")
    run(Project(minimal), Options(pdf=False))
    bab3, bab2 = page(minimal, "bab-3-akuntabilitas-kinerja.html"), page(minimal, "bab-2-perencanaan-kinerja.html")
    assert "Capaian Kinerja †" in bab3 and "† Tambahan penyusun: tidak ada pada dokumen yang ditandatangani." in bab3
    assert "Jumlah kegiatan pembinaan perpustakaan desa †" in bab2
    listed = page(minimal, "catatan-pemeriksaan.html")
    assert "<li>Pencapaian Kinerja: kolom Capaian Kinerja</li>" in listed
    assert "<li>Perjanjian Kinerja Tahun 2025: baris Jumlah kegiatan pembinaan perpustakaan desa</li>" in listed


def test_an_addition_that_names_no_column_is_an_error_at_its_line(minimal):
    laporan(minimal, "tabel:\n  capaian: {tambahan: {kolom: [predikat]}}\n")
    [problem] = errors_of(minimal)
    assert (problem.loc.file, problem.loc.line, problem.code) == ("data/laporan.yaml", 11, "addition-unknown")
    assert problem.message == "tabel 'Pencapaian Kinerja' tidak memiliki kolom 'predikat' (tambahan.kolom)"


# --- editions: the whole cycle on one repository ----------------------------------------------

def git(root, *args):
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def signed(minimal):
    """The sample as a draft, then signed at the tag ttd-2025."""
    git(minimal, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Penyusun"), ("user.email", "p@example.org"), ("commit.gpgsign", "false"),
                       ("tag.gpgsign", "false")):
        git(minimal, "config", key, value)
    git(minimal, "add", "-A")
    git(minimal, "commit", "-q", "-m", "draf")
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01-30, revisi: ttd-2025}\n")
    git(minimal, "commit", "-q", "-am", "ditandatangani")
    git(minimal, "tag", "ttd-2025")
    return minimal


def test_the_signed_revision_builds_as_it_is(signed, capsys):
    assert main(["build", "--no-pdf", "--dir", str(signed), "-q"]) == 0


def test_a_change_after_signing_without_an_edition_does_not_build(signed, capsys):
    edit(signed / "data/indikator.yaml", "realisasi: {2025: 92}", "realisasi: {2025: 93}")
    assert main(["build", "--no-pdf", "--dir", str(signed)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("data/laporan.yaml:10:9: galat: status: laporan ini ditandatangani (revisi ttd-2025), "
                          "tetapi isinya berbeda dengan revisi itu: Pencapaian Kinerja, baris “Persentase layanan "
                          "perpustakaan yang selesai tepat waktu”, kolom “Realisasi”: 92% → 93%;")
    assert "tambahkan di data/laporan.yaml edisi: {nomor: 2" in err
    assert not (signed / "site").exists()


def test_a_revised_edition_carries_a_complete_lembar_ralat_signed_by_its_approver(signed):
    edit(signed / "data/indikator.yaml", "realisasi: {2025: 92}", "realisasi: {2025: 93}")
    edit(signed / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja", "menyusun laporan kinerja resmi")
    laporan(signed, "edisi: {nomor: 2, tanggal: 2026-03-10, disetujui: kepala, dasar: Nota Dinas Nomor 800/12}\n")
    run(Project(signed), Options(pdf=True))
    ralat = page(signed, "lembar-ralat.html")
    assert "Edisi Revisi 2, 10 Maret 2026; menggantikan edisi yang ditandatangani 30 Januari 2026." in ralat
    assert "Dasar: Nota Dinas Nomor 800/12." in ralat
    # every place readers see differently: two cells of the capaian table and three sentences (the edited one,
    # and the two that quote the capaian and its average), nothing else
    assert ralat.count("<tr><td>") == 5
    assert ("<td>Pencapaian Kinerja, baris “Persentase layanan perpustakaan yang selesai tepat waktu”, kolom "
            "“Capaian Kinerja”</td><td>102,22%</td><td>103,33%</td>") in ralat
    assert "<del>92,78%.</del> <ins>93,33%.</ins>" in ralat                 # the Ikhtisar's average
    assert "laporan kinerja <ins>resmi</ins> tahun" in ralat
    assert "KEPALA DINAS PERPUSTAKAAN DAN KEARSIPAN" in ralat and "Rina Wulandari, S.Sos., M.AP." in ralat
    assert "Edisi Revisi 2, 10 Maret 2026; menggantikan edisi 30 Januari 2026" in page(signed, "index.html")
    reader = PdfReader(io.BytesIO((signed / "site" / PDF).read_bytes()))
    texts = [p.extract_text() for p in reader.pages]
    assert "Edisi Revisi 2, 10 Maret 2026; menggantikan edisi 30 Januari 2026" in texts[0]     # the cover
    assert texts[1].lstrip().startswith("LEMBAR RALAT")                                       # first after it
    assert all("Edisi Revisi 2" in t for t in texts[1:])                                      # every footer


def test_an_edition_that_changes_nothing_is_a_warning(signed):
    laporan(signed, "edisi: {nomor: 2, tanggal: 2026-03-10, disetujui: kepala, dasar: Nota Dinas}\n")
    result = run(Project(signed), Options(pdf=False, write=False))
    assert [d.message for d in result.diagnostics if d.code == "edition-empty"] == [
        "edisi revisi 2 tidak mengubah apa pun dari edisi yang ditandatangani (revisi ttd-2025)"]


def test_a_signed_revision_git_cannot_find_is_an_error_at_its_line(signed):
    edit(signed / "data/laporan.yaml", "revisi: ttd-2025", "revisi: ttd-2052")
    [problem] = errors_of(signed)
    assert (problem.loc.file, problem.loc.line, problem.code) == ("data/laporan.yaml", 11, "edition-revision")
    assert problem.message.startswith("revisi yang ditandatangani 'ttd-2052' tidak dapat dibaca: revisi 'ttd-2052' "
                                      "tidak dikenal di repositori")


def test_a_signed_revision_outside_git_is_an_error(minimal):
    laporan(minimal, "status: ditandatangani\nditandatangani: {tanggal: 2026-01-30, revisi: ttd-2025}\n")
    [problem] = errors_of(minimal)
    assert "bukan bagian dari repositori Git" in problem.message and problem.loc.line == 11
