"""The original report disagrees with itself; the build must surface every such place.

This file is the specification of the inconsistencies found in the LKjIP 2024 of
Kecamatan Pungging. Every printed figure or judging word that differs from what the data
give is a correction readers see, numbered in reading order (CORRECTIONS: number, where the
printed value is written, the table or chapter it appears in, printed, shown). The author
has written a reason for each, so none is a warning any more; a correction without a
reason would be a warning at the line of the printed value. What remains a warning
(WARNINGS): documents that set different targets, and what PermenPANRB 53/2014 asks and
the report lacks.
"""
from collections import Counter
from decimal import Decimal as D

from lkjip.check.compare import compare_number
from lkjip.diagnostics import Loc
from lkjip.domain.koreksi import writing_only
from lkjip.pipeline import Options, run
from lkjip.project import Project
from lkjip.schema import Printed, Quantity

from conftest import REPO, edit, line_of, shown

WARNINGS = [
    ('content/', 'Ikhtisar Eksekutif yang diwajibkan PermenPANRB 53/2014 tidak ada'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', "Bab Akuntabilitas Kinerja tidak memuat bagian 'Realisasi Anggaran' yang diwajibkan PermenPANRB 53/2014"),
    ('data/iku.yaml', 'target inovasi 2024 di Indikator Kinerja Utama (IKU) Kecamatan Pungging Kab Mojokerto Tahun 2024 (1) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (2, data/perjanjian_kinerja.yaml:92)'),
    ('data/laporan.yaml', "Daftar Isi dokumen asli mencantumkan lampiran 'RKT Kecamatan Pungging Tahun 2024', tetapi laporan ini tidak memuatnya"),
    ('data/laporan.yaml', "Daftar Isi dokumen asli mencantumkan lampiran 'Rencana Aksi Tahun 2024', tetapi laporan ini tidak memuatnya"),
    ('data/laporan.yaml', "Daftar Isi dokumen asli mencantumkan lampiran 'Pengukuran Kinerja Tahun 2024', tetapi laporan ini tidak memuatnya"),
    ('data/renja.yaml', 'target inovasi 2024 di Renja Perubahan RKPD Tahun 2024 Kabupaten Mojokerto (1) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (2, data/perjanjian_kinerja.yaml:92)'),
    ('data/renja.yaml', 'target realisasi_anggaran 2024 di Renja Perubahan RKPD Tahun 2024 Kabupaten Mojokerto (100) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (93,15, data/perjanjian_kinerja.yaml:87)'),
    ('data/renstra.yaml', 'kondisi kinerja akhir periode IKM Kecamatan di matriks Renstra (91) berbeda dengan target tahun 2026 Renstra Baru (90,75, data/renstra.yaml:40)'),
    ('data/renstra.yaml', 'kondisi kinerja akhir periode Nilai SAKIP Kecamatan di matriks Renstra (81,20) berbeda dengan target tahun 2026 Renstra Baru (81,15, data/renstra.yaml:57)'),
    ('data/renstra.yaml', 'target inovasi 2024 di Renstra Baru (1) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (2, data/perjanjian_kinerja.yaml:92)'),
]

CORRECTIONS = [
    ('K1', 'content/01-bab-1-pendahuluan.md', 'BAB I PENDAHULUAN', '48.160 km²', '48,16 km²'),
    ('K2', 'content/01-bab-1-pendahuluan.md', 'BAB I PENDAHULUAN', '80.750', '81.574'),
    ('K4', 'content/02-bab-2-perencanaan-kinerja.md', 'BAB II RENCANA KINERJA', 'Mewujudkan Kabupaten Mojokerto Yang Maju Adil dan Makmur melalui penguatan infrastruktur peningkatan kualitas sumber Daya manusia', 'Terwujudnya Kabupaten Mojokerto Yang Maju, Adil Dan Makmur Melalui Penguatan Infrastruktur Dan Peningkatan Kualitas Sumber Daya Manusia'),
    ('K5', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '90,25', '91,33'),
    ('K6', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '100%', '101,20%'),
    ('K7', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '101,24%', '101,23%'),
    ('K8', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '102,85%', '102,86%'),
    ('K9', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '90,25', '91,33'),
    ('K10', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '100%', '101,20%'),
    ('K11', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '90,25', '91,33'),
    ('K12', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '82%', '82'),
    ('K13', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', 'tidak tercapainya', 'terlampaui'),
    ('K14', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', 'tidak tercapainya', 'tercapai (sementara)'),
    ('K15', 'data/indikator.yaml', 'Tabel 3.2 Perbandingan Realisasi Kinerja', '90,25', '91,33'),
    ('K16', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '90,25', '91,33'),
    ('K17', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', 'baik', 'Sangat Baik'),
    ('K18', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '100%', '101,23%'),
    ('K19', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '4 Inovasi', '2 Inovasi'),
    ('K20', 'data/indikator.yaml', 'Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA', '90,25', '91,33'),
    ('K21', 'data/indikator.yaml', 'Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA', '99,44%', '100,64%'),
    ('K22', 'data/indikator.yaml', 'Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA', '101,04%', '101,05%'),
    ('K23', 'data/indikator.yaml', 'Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA', '102,74%', '102,75%'),
    ('K25', 'data/pembanding.yaml', 'Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten', '90,25', '91,33'),
    ('K27', 'data/pembanding.yaml', 'Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten', 'Nilai IKM Kecamatan Pungging lebih rendah dari pada realisasi IKM dari Kabupaten Mojokerto Sendiri, karena IKM Kabupaten Mojokerto diperoleh dari kumpulan IKM OPD dibawahnya yang tidak semua OPD memiliki target yang tinggi akan nilai IKM yang dimilikinya.', 'Nilai IKM Kecamatan Pungging lebih tinggi dari pada realisasi IKM dari Kabupaten Mojokerto Sendiri, karena IKM Kabupaten Mojokerto diperoleh dari kumpulan IKM OPD dibawahnya yang tidak semua OPD memiliki target yang tinggi akan nilai IKM yang dimilikinya.'),
    ('K31', 'data/pembanding.yaml', 'Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten', '80,00', '82'),
    ('K33', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '90,25', '91,33'),
    ('K34', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '4 Inovasi', '2 Inovasi'),
    ('K35', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '4 Inovasi', '2 Inovasi'),
    ('K37', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '100%', '101,20%'),
    ('K38', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '4,19%', '5,39%'),
    ('K41', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '', '99,96%'),
    ('K42', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '-', '0,04%'),
    ('K45', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '100%', '97,26%'),
    ('K46', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '-', '2,74%'),
    ('K50', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '100%', '101,23%'),
    ('K51', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '95,81%', '95,67%'),
    ('K52', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '4,19%', '5,57%'),
    ('K55', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '99%', '102,86%'),
    ('K56', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '', '95,67%'),
    ('K57', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '1,00%', '7,19%'),
    ('K60', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '', '95,67%'),
    ('K61', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '4,19%', '4,33% (sementara)'),
    ('K63', 'data/efisiensi.yaml', 'Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA', '', '95,81%'),
    ('K64', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '2,53%', '4,21% (sementara)'),
    ('K65', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '99,85%', '100,76% (sementara)'),
    ('K69', 'data/anggaran.yaml', 'Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024', '97,25%', '97,26%'),
    ('K73', 'data/anggaran.yaml', 'Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024', '95,66%', '95,67%'),
    ('K75', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '97,25%', '97,26%'),
    ('K76', 'content/03-bab-3-akuntabilitas-kinerja.md', 'BAB III AKUNTABILITAS KINERJA', '95,66%', '95,67%'),
    ('K77', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '90,25', '91,33'),
    ('K78', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '100%', '101,20%'),
    ('K79', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '101,24%', '101,23%'),
    ('K80', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '102,85%', '102,86%'),
    ('K81', 'data/indikator.yaml', 'Tabel 3.1 Pencapaian Kinerja', '2 Inovasi', '100%'),
]

WRITING = {"nol_strip": 23, "tata_letak": 17, "nama_indikator": 14, "label_jumlah": 4, "tanpa_angka": 2,
           "nama_sasaran": 2, "nama_camat": 2, "nama_program": 1, "salah_ketik": 1}
"""Places that differ only in how the document writes a thing (a zero as "-", a row number, an
indikator's name, the label of a total), by the reason data/koreksi.yaml names for them: numbered
for the author as the others are, listed for readers without a mark."""


def test_what_remains_a_warning(checked):
    found = [(d.loc.file, d.message) for d in checked.diagnostics if d.code != "pdf"]
    assert found == WARNINGS


def test_every_difference_from_the_signed_document_is_a_numbered_correction(checked):
    writing = writing_only(checked.report)
    found = [(k.label, k.loc.file, k.tempat.tabel or k.tempat.judul_halaman, k.tercetak, k.ditampilkan)
             for k in checked.corrections.items if k.alasan_id not in writing]
    assert found == CORRECTIONS
    assert Counter(k.alasan_id for k in checked.corrections.items if k.alasan_id in writing) == WRITING
    assert len(checked.corrections.items) == len(CORRECTIONS) + sum(WRITING.values()) == 120
    assert all(k.alasan for k in checked.corrections.items)


def test_a_correction_says_where_a_reader_finds_it(checked):
    k = checked.corrections.items[4]
    assert (k.tempat.halaman, k.tempat.tabel, k.tempat.baris, k.tempat.kolom) == (
        "bab-3-akuntabilitas-kinerja", "Tabel 3.1 Pencapaian Kinerja", "IKM Kecamatan", "REALISASI")
    assert k.alasan.startswith("Nilai IKM dihitung ulang dari nilai rata-rata (NRR) sembilan unsur")
    quote = checked.corrections.items[1]
    assert (quote.tempat.bagian, quote.tempat.kutipan) == (
        "A. Gambaran Umum Organisasi", "…Kecamatan Pungging terdiri dari 19 Desa serta jumlah penduduk sebesar")
    # the words before a quote are those readers see: the signed document's 90,25 (a draft's 91,33)
    assert checked.corrections.items[9].tempat.kutipan == \
        "…tahun 2024 terealisasi sebesar 90,25 dan tingkat capaian sebesar"


def test_without_its_reason_a_correction_is_a_warning_again(report):
    edit(report / "data/indikator.yaml", "realisasi: {nilai: 90.25, alasan: ikm_dihitung_ulang}\n        capaian:",
         "realisasi: 90.25\n        capaian:")
    result = run(Project(report), Options(pdf=False, write=False))
    (d,) = [d for d in result.diagnostics if d.code == "printed-mismatch"]
    assert (d.loc.file, d.loc.line) == ("data/indikator.yaml", line_of(report / "data/indikator.yaml",
                                                                       "realisasi: 90.25"))
    assert d.message == "Tabel 3.1 Pencapaian Kinerja, baris 'ikm', kolom 'REALISASI': tercetak 90,25, dihitung 91,33"
    assert result.corrections.items[4].alasan is None


def test_corrections_point_at_the_printed_value(checked):
    population = checked.corrections.items[1]
    assert population.loc.line == line_of(REPO / "content/01-bab-1-pendahuluan.md", "tercetak: 80.750")
    t38 = [k for k in checked.corrections.items if k.loc.file == "data/anggaran.yaml" and k.cell and
           k.cell[1:] == ("penunjang", "persen")][0]
    assert (t38.loc.line, t38.loc.path) == (line_of(REPO / "data/anggaran.yaml", 'penunjang: {pagu: "2.415.383.480"'),
                                            "tercetak.anggaran_program.penunjang.persen.nilai")


def test_truncation_in_the_original_is_named(report):
    edit(report / "data/anggaran.yaml", 'persen: {nilai: "95,66", alasan: pembulatan}', 'persen: "95,66"')
    result = run(Project(report), Options(pdf=False, write=False))
    hints = {d.message: d.hint for d in result.diagnostics}
    assert hints["Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024, baris 'penunjang', "
                 "kolom '% Capaian': tercetak 95,66, dihitung 95,67"] == (
        "dokumen asli memotong angka, tidak membulatkan; laporan ini membulatkan setengah ke atas")


def test_lineage_names_both_documents(checked):
    renja = [d for d in checked.diagnostics if d.code == "target-lineage" and d.loc.file == "data/renja.yaml"]
    assert len(renja) == 2
    assert all("Perjanjian Kinerja Perubahan Tahun 2024" in d.message for d in renja)


def test_printed_precision_decides_the_comparison():
    loc = Loc("data/x.yaml", 1, 1)

    def printed(text):
        return Printed(Quantity(D(text)), loc)
    assert compare_number(printed("95.81"), D("95.8109"), "x") is None
    assert compare_number(printed("100"), D("100.004"), "x") is None
    assert compare_number(printed("99.44"), D("99.449"), "x").message == "x: tercetak 99,44, dihitung 99,45"
    assert compare_number(printed("5"), None, "x").message.endswith("tidak dapat dihitung dari data")


def test_the_end_condition_of_a_level_indikator_is_compared_with_the_end_target(report):
    """IKM is a level: the matrix's kondisi akhir 91 should be the 2026 target 90,75 of the Renstra in force.
    Inovasi is a count, whose end condition may be a total, so it is never compared."""
    edit(report / "data/renstra.yaml", 'kondisi_akhir: {target: "91", rp: 19779986156}',
         'kondisi_akhir: {target: "90.75", rp: 19779986156}')
    edit(report / "data/renstra.yaml", 'kondisi_akhir: {target: "1"}', 'kondisi_akhir: {target: "6"}')
    result = run(Project(report), Options(pdf=False, write=False))
    found = [d.message for d in result.diagnostics if d.code == "end-condition"]
    assert found == ["kondisi kinerja akhir periode Nilai SAKIP Kecamatan di matriks Renstra (81,20) berbeda dengan "
                     "target tahun 2026 Renstra Baru (81,15, data/renstra.yaml:57)"]
    kemajuan = result.catalog.table("kemajuan_renstra")
    assert "Kolom kondisi kinerja akhir periode pada matriks Renstra mencantumkan angka lain: Nilai SAKIP " \
           "Kecamatan 81,20 (dipakai 81,15)." in " ".join(kemajuan.notes)


def test_the_sentence_that_all_indikator_reached_target_follows_the_figures(report):
    """All 7 reach their target in the signed document's data; with SAKIP 78 against 81 only some do,
    and both places that say "Semua" get a marker instead of contradicting Tabel 3.1."""
    assert shown(run(Project(report), Options(pdf=False, write=False)), "kinerja.cakupan_tercapai") == "semua"
    edit(report / "data/indikator.yaml", "realisasi: {2022: 76.9, 2023: 79.68, 2024: 82}",
         "realisasi: {2022: 76.9, 2023: 79.68, 2024: 78}")
    result = run(Project(report), Options(pdf=False, write=False))
    assert shown(result, "kinerja.cakupan_tercapai") == "sebagian"
    said = [d.loc.file for d in result.diagnostics if "kinerja.cakupan_tercapai" in d.message]
    assert said == ["content/03-bab-3-akuntabilitas-kinerja.md", "content/04-bab-4-penutup.md"]
