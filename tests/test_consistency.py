"""The original report disagrees with itself; the build must surface every such place.

This list is the specification of the inconsistencies found in the LKjIP 2024 of
Kecamatan Pungging: each is a warning at the line of the printed value (never an input),
with the printed and the computed figure side by side, the table named by its own number
and title. The structure check adds what PermenPANRB 53/2014 asks and the report lacks.
"""
from decimal import Decimal as D

from lkjip.compare import compare_number
from lkjip.diagnostics import Loc
from lkjip.schema import Printed, Quantity

from conftest import REPO, line_of

EXPECTED = [
    ('content/', 'Ikhtisar Eksekutif yang diwajibkan PermenPANRB 53/2014 tidak ada'),
    ('content/01-bab-1-pendahuluan.md', 'wilayah.luas di narasi: tercetak 48.160, dihitung 48,16'),
    ('content/01-bab-1-pendahuluan.md', 'penduduk.jumlah di narasi: tercetak 80.750, dihitung 81.574'),
    ('content/02-bab-2-perencanaan-kinerja.md', "iku.visi di narasi: tercetak 'Mewujudkan Kabupaten Mojokerto Yang Maju Adil dan Makmur melalui penguatan infrastruktur peningkatan kualitas sumber Daya manusia', menurut data 'Terwujudnya Kabupaten Mojokerto Yang Maju, Adil Dan Makmur Melalui Penguatan Infrastruktur Dan Peningkatan Kualitas Sumber Daya Manusia'"),
    ('content/03-bab-3-akuntabilitas-kinerja.md', "Bab Akuntabilitas Kinerja tidak memuat bagian 'Realisasi Anggaran' yang diwajibkan PermenPANRB 53/2014"),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.ikm.realisasi di narasi: tercetak 90,25, dihitung 91,33'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.ikm.capaian di narasi: tercetak 100, dihitung 101,20'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'ikm.nilai di narasi: tercetak 90,25, dihitung 91,33'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', "indikator.sakip.realisasi di narasi: tercetak '82%' sebagai persentase, padahal satuannya bukan persen (82)"),
    ('content/03-bab-3-akuntabilitas-kinerja.md', "indikator.sakip.predikat di narasi: tercetak 'berhasil', menurut data 'Sangat Berhasil'"),
    ('content/03-bab-3-akuntabilitas-kinerja.md', "indikator.ip_asn.predikat di narasi: tercetak 'berhasil', menurut data 'Sangat Berhasil'"),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.ikm.realisasi di narasi: tercetak 90,25, dihitung 91,33'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.sakip.capaian di narasi: tercetak 100, dihitung 101,23'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.inovasi.realisasi di narasi: tercetak 4, dihitung 2'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.ikm.realisasi di narasi: tercetak 90,25, dihitung 91,33'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.inovasi.target di narasi: tercetak 4, dihitung 2'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'indikator.inovasi.realisasi di narasi: tercetak 4, dihitung 2'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'efisiensi.rata_rata di narasi: tercetak 2,53, dihitung 4,94'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'efisiensi.rata_rata_capaian di narasi: tercetak 99,85, dihitung 100,76'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'program.pembinaan_desa.serapan di narasi: tercetak 97,25, dihitung 97,26'),
    ('content/03-bab-3-akuntabilitas-kinerja.md', 'program.penunjang.serapan di narasi: tercetak 95,66, dihitung 95,67'),
    ('content/14-lampiran-perjanjian-kinerja.md', "pejabat.camat.nama di narasi: tercetak 'AMSAR AZHARI SIREGAR, S.H.M.M', menurut data 'AMSAR AZHARI SIREGAR, SH., MM.'"),
    ('content/15-lampiran-perjanjian-kinerja-perubahan.md', "pejabat.camat.nama di narasi: tercetak 'AMSAR AZHARI SIREGAR, S.H.M.M', menurut data 'AMSAR AZHARI SIREGAR, SH., MM.'"),
    ('data/anggaran.yaml', "Tabel 3.8 Perbandingan Jumlah Anggaran dan Penyerapan Anggaran Tahun 2024, baris 'penunjang', kolom '% Capaian': tercetak 95,66, dihitung 95,67"),
    ('data/anggaran.yaml', "Tabel 3.8 Perbandingan Jumlah Anggaran dan Penyerapan Anggaran Tahun 2024, baris 'pembinaan_desa', kolom '% Capaian': tercetak 97,25, dihitung 97,26"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'ikm', kolom 'Capaian Kinerja': tercetak 100, dihitung 101,20"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'ikm', kolom 'Tingkat Efisiensi': tercetak 4,19, dihitung 5,39"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'koordinasi', kolom 'Penyerapan Anggaran': tercetak 100, dihitung 95,81"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'sakip', kolom 'Capaian Kinerja': tercetak 100, dihitung 101,23"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'sakip', kolom 'Tingkat Efisiensi': tercetak 4,19, dihitung 5,42"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'realisasi_anggaran', kolom 'Capaian Kinerja': tercetak 99, dihitung 102,86"),
    ('data/efisiensi.yaml', "Tabel 3.7 Efisiensi Penggunaan Sumber Daya, baris 'realisasi_anggaran', kolom 'Tingkat Efisiensi': tercetak 1,00, dihitung 7,05"),
    ('data/iku.yaml', 'target inovasi 2024 di Indikator Kinerja Utama (IKU) Kecamatan Pungging Kab Mojokerto Tahun 2024 (1) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (2, data/perjanjian_kinerja.yaml:87)'),
    ('data/indikator.yaml', "Tabel 3.1 Pencapaian Kinerja, baris 'ikm', kolom 'Realisasi': tercetak 90,25, dihitung 91,33"),
    ('data/indikator.yaml', "Tabel 3.1 Pencapaian Kinerja, baris 'ikm', kolom 'Capaian Kinerja': tercetak 100, dihitung 101,20"),
    ('data/indikator.yaml', "Tabel 3.2 Perbandingan Realisasi Kinerja, baris 'ikm', kolom 'Realisasi Th. 2024': tercetak 90,25, dihitung 91,33"),
    ('data/indikator.yaml', "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA, baris 'ikm', kolom 'Realisasi (2024)': tercetak 90,25, dihitung 91,33"),
    ('data/indikator.yaml', "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA, baris 'ikm', kolom 'Tingkat Kemajuan': tercetak 99,44, dihitung 100,64"),
    ('data/indikator.yaml', "Tabel 3.1 Pencapaian Kinerja, baris 'sakip', kolom 'Capaian Kinerja': tercetak 101,24, dihitung 101,23"),
    ('data/indikator.yaml', "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA, baris 'sakip', kolom 'Tingkat Kemajuan': tercetak 101,04, dihitung 101,05"),
    ('data/indikator.yaml', "Tabel 3.1 Pencapaian Kinerja, baris 'realisasi_anggaran', kolom 'Capaian Kinerja': tercetak 102,85, dihitung 102,86"),
    ('data/indikator.yaml', "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA, baris 'realisasi_anggaran', kolom 'Tingkat Kemajuan': tercetak 102,74, dihitung 102,75"),
    ('data/indikator.yaml', "Tabel 3.1 Pencapaian Kinerja (salinan 'capaian_bab_iv'), baris 'inovasi', kolom 'Capaian Kinerja': tercetak 2, dihitung 100"),
    ('data/laporan.yaml', "Daftar Isi dokumen asli mencantumkan lampiran 'RKT Kecamatan Pungging Tahun 2024', tetapi laporan ini tidak memuatnya"),
    ('data/laporan.yaml', "Daftar Isi dokumen asli mencantumkan lampiran 'Rencana Aksi Tahun 2024', tetapi laporan ini tidak memuatnya"),
    ('data/laporan.yaml', "Daftar Isi dokumen asli mencantumkan lampiran 'Pengukuran Kinerja Tahun 2024', tetapi laporan ini tidak memuatnya"),
    ('data/pembanding.yaml', "Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten, baris 'ikm', kolom 'Realisasi 2024 Kecamatan Pungging': tercetak 90,25, dihitung 91,33"),
    ('data/pembanding.yaml', "Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten, baris 'sakip', kolom 'Realisasi 2024 Kecamatan Pungging': tercetak 80,00, dihitung 82"),
    ('data/renja.yaml', 'target inovasi 2024 di Renja Perubahan RKPD Tahun 2024 Kabupaten Mojokerto (1) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (2, data/perjanjian_kinerja.yaml:87)'),
    ('data/renja.yaml', 'target realisasi_anggaran 2024 di Renja Perubahan RKPD Tahun 2024 Kabupaten Mojokerto (100) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (93,15, data/perjanjian_kinerja.yaml:82)'),
    ('data/renstra.yaml', 'target inovasi 2024 di Renstra Baru (1) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (2, data/perjanjian_kinerja.yaml:87)'),
]


def test_every_inconsistency_of_the_original_is_reported(checked):
    found = [(d.loc.file, d.message) for d in checked.diagnostics if d.code != "pdf"]
    assert found == EXPECTED


def test_warnings_point_at_the_printed_value(checked):
    population = [d for d in checked.diagnostics if d.loc.file == "content/01-bab-1-pendahuluan.md"
                  and "penduduk.jumlah" in d.message][0]
    assert population.loc.line == line_of(REPO / "content/01-bab-1-pendahuluan.md", "tercetak: 80.750")
    t38 = [d for d in checked.diagnostics if d.loc.file == "data/anggaran.yaml"][0]
    assert (t38.loc.line, t38.loc.path) == (line_of(REPO / "data/anggaran.yaml", "penunjang: {pagu: 2415383480"),
                                            "tercetak.anggaran_program.penunjang.persen")


def test_truncation_in_the_original_is_named(checked):
    hints = {d.message: d.hint for d in checked.diagnostics}
    assert hints["Tabel 3.8 Perbandingan Jumlah Anggaran dan Penyerapan Anggaran Tahun 2024, baris 'penunjang', "
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
