"""The original report disagrees with itself; the build must surface every such place.

This list is the specification of the inconsistencies found in the LKjIP 2024 of
Kecamatan Pungging: each is a warning at the line of the printed value (never an input),
with the printed and the computed figure side by side.
"""
from lkjip.consistency import compare_number
from lkjip.diagnostics import Loc
from lkjip.schema import Printed

from conftest import REPO, line_of

EXPECTED = [
    ('data/wilayah.yaml', 'jumlah penduduk di narasi Bab I: tercetak 80.750, dihitung 81.574'),
    ('data/indikator.yaml', 'Tabel 3.1 realisasi ikm: tercetak 90,25, dihitung 91,33'),
    ('data/indikator.yaml', 'Tabel 3.1 capaian ikm: tercetak 100, dihitung 101,20'),
    ('data/indikator.yaml', 'Tabel 3.2 realisasi ikm 2024: tercetak 90,25, dihitung 91,33'),
    ('data/indikator.yaml', 'Tabel 3.3 realisasi ikm: tercetak 90,25, dihitung 91,33'),
    ('data/indikator.yaml', 'Tabel 3.3 tingkat kemajuan ikm: tercetak 99,44, dihitung 100,64'),
    ('data/indikator.yaml', 'Tabel 3.1 capaian sakip: tercetak 101,24, dihitung 101,23'),
    ('data/indikator.yaml', 'Tabel 3.3 tingkat kemajuan sakip: tercetak 101,04, dihitung 101,05'),
    ('data/indikator.yaml', 'Tabel 3.1 capaian realisasi_anggaran: tercetak 102,85, dihitung 102,86'),
    ('data/indikator.yaml', 'Tabel 3.3 tingkat kemajuan realisasi_anggaran: tercetak 102,74, dihitung 102,75'),
    ('data/indikator.yaml', 'Tabel 3.1 (Bab IV) capaian inovasi: tercetak 2, dihitung 100'),
    ('data/ikm.yaml', 'IKM dari sembilan NRR: tercetak 90,25, dihitung 91,33'),
    ('data/anggaran.yaml', 'Tabel 3.8 persentase pembinaan_desa: tercetak 97,25, dihitung 97,26'),
    ('data/anggaran.yaml', 'Tabel 3.8 persentase penunjang: tercetak 95,66, dihitung 95,67'),
    ('data/efisiensi.yaml', 'Tabel 3.7 capaian ikm: tercetak 100, dihitung 101,20'),
    ('data/efisiensi.yaml', 'Tabel 3.7 efisiensi ikm: tercetak 4,19, dihitung 5,39'),
    ('data/efisiensi.yaml', 'Tabel 3.7 penyerapan koordinasi: tercetak 100, dihitung 95,81'),
    ('data/efisiensi.yaml', 'Tabel 3.7 capaian sakip: tercetak 100, dihitung 101,23'),
    ('data/efisiensi.yaml', 'Tabel 3.7 efisiensi sakip: tercetak 4,19, dihitung 5,42'),
    ('data/efisiensi.yaml', 'Tabel 3.7 capaian realisasi_anggaran: tercetak 99, dihitung 102,86'),
    ('data/efisiensi.yaml', 'Tabel 3.7 efisiensi realisasi_anggaran: tercetak 1,00, dihitung 7,05'),
    ('data/efisiensi.yaml', 'rata-rata tingkat efisiensi: tercetak 2,53, dihitung 4,94'),
    ('data/efisiensi.yaml', 'rata-rata capaian kinerja: tercetak 99,85, dihitung 100,76'),
    ('data/pembanding.yaml', 'Tabel 3.4 realisasi kecamatan ikm: tercetak 90,25, dihitung 91,33'),
    ('data/pembanding.yaml', 'Tabel 3.4 realisasi kecamatan sakip: tercetak 80,00, dihitung 82'),
    ('data/iku.yaml', 'target inovasi 2024 di IKU (1) berbeda dengan Perjanjian Kinerja Perubahan (2, data/perjanjian_kinerja.yaml:86)'),
    ('data/renstra.yaml', 'target inovasi 2024 di Renstra (reviu) (1) berbeda dengan Perjanjian Kinerja Perubahan (2, data/perjanjian_kinerja.yaml:86)'),
    ('data/renja.yaml', 'target inovasi 2024 di Renja (1) berbeda dengan Perjanjian Kinerja Perubahan (2, data/perjanjian_kinerja.yaml:86)'),
    ('data/renja.yaml', 'target realisasi_anggaran 2024 di Renja (100) berbeda dengan Perjanjian Kinerja Perubahan (93,15, data/perjanjian_kinerja.yaml:81)'),
    ('content/01-bab-1-pendahuluan.md', 'wilayah.luas di narasi: tercetak 48.160, dihitung 48,16'),
    ('content/01-bab-1-pendahuluan.md', 'penduduk.jumlah di narasi: tercetak 80.750, dihitung 81.574'),
    ('content/02-bab-2-perencanaan-kinerja.md', "iku.visi di narasi: tercetak 'Mewujudkan Kabupaten Mojokerto Yang Maju Adil dan Makmur melalui penguatan infrastruktur peningkatan kualitas sumber Daya manusia', menurut data 'Terwujudnya Kabupaten Mojokerto Yang Maju, Adil Dan Makmur Melalui Penguatan Infrastruktur Dan Peningkatan Kualitas Sumber Daya Manusia'"),
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
]


def test_every_inconsistency_of_the_original_is_reported(checked):
    found = [(d.loc.file, d.message) for d in checked.diagnostics if d.code != "pdf"]
    assert found == EXPECTED


def test_warnings_point_at_the_printed_value(checked):
    population = [d for d in checked.diagnostics if d.loc.file == "content/01-bab-1-pendahuluan.md"
                  and "penduduk.jumlah" in d.message][0]
    assert population.loc.line == line_of(REPO / "content/01-bab-1-pendahuluan.md", "tercetak: 80.750")
    ikm = [d for d in checked.diagnostics if d.loc.file == "data/ikm.yaml"][0]
    assert (ikm.loc.line, ikm.loc.path) == (line_of(REPO / "data/ikm.yaml", "nilai: 90.25"), "tercetak.nilai")


def test_truncation_in_the_original_is_named(checked):
    hints = {d.message: d.hint for d in checked.diagnostics}
    assert hints["Tabel 3.8 persentase penunjang: tercetak 95,66, dihitung 95,67"] == (
        "dokumen asli memotong angka, tidak membulatkan; laporan ini membulatkan setengah ke atas")


def test_lineage_names_both_documents(checked):
    renja = [d for d in checked.diagnostics if d.code == "target-lineage" and d.loc.file == "data/renja.yaml"]
    assert len(renja) == 2
    assert all("Perjanjian Kinerja Perubahan" in d.message for d in renja)


def test_printed_precision_decides_the_comparison():
    from decimal import Decimal as D
    loc = Loc("data/x.yaml", 1, 1)
    assert compare_number(Printed(D("95.81"), loc), D("95.8109"), "x") is None
    assert compare_number(Printed(D("100"), loc), D("100.004"), "x") is None
    assert compare_number(Printed(D("99.44"), loc), D("99.449"), "x").message == "x: tercetak 99,44, dihitung 99,45"
    assert compare_number(Printed(D("5"), loc), None, "x").message.endswith("tidak dapat dihitung dari data")
