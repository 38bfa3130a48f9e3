"""The four sample reports of different shapes: golden output, and figures computed by hand.

Every test here builds the sample; none reads the committed golden files as a substitute
for building (the golden comparison is the only place they are read).
After an intended change to the output, run `python tests/update_golden.py` and review the diff.
"""
import difflib
import html
import re
from decimal import Decimal as D

import pytest

from lkjip.domain.anggaran import ANGGARAN_FIGURE
from lkjip.domain.kinerja.averages import AVERAGES
from lkjip.domain.kinerja.figures import KINERJA

from conftest import shown
from update_golden import GOLDEN, NAMES, build_sample


def files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    return {name: build_sample(name, tmp_path_factory.mktemp(name) / name) for name in NAMES}


@pytest.mark.parametrize("name", NAMES)
def test_sample_report_matches_golden_output(samples, name):
    built, golden = files(samples[name][0]), files(GOLDEN / name)
    assert sorted(built) == sorted(golden)
    for path in golden:
        if built[path] != golden[path]:
            diff = "".join(difflib.unified_diff(golden[path].decode().splitlines(True),
                                                built[path].decode().splitlines(True), "golden", "built", n=2))
            raise AssertionError(f"{name}/{path} differs; if intended, run python tests/update_golden.py\n"
                                 f"{diff[:3000]}")


def page(samples, name, slug):
    return (samples[name][0] / f"{slug}.html").read_text("utf-8")


# --- kecamatan: desa, every optional file, a PK and its Perubahan ---------------------------

def test_kecamatan_lower_is_better_and_provisional(samples):
    result = samples["kecamatan"][1]
    assert shown(result, "indikator.pelanggaran.capaian") == "80% (sementara)"   # (2 x 10 - 12) / 10
    assert "&lt;b&gt;Sumber&lt;/b&gt; Rejo" in page(samples, "kecamatan", "bab-1")


def test_kecamatan_figures(samples):
    result = samples["kecamatan"][1]
    assert shown(result, "ikm.nilai") == "88,75"                     # (3,5 + 3,6) / 2 x 25
    assert shown(result, "anggaran.serapan") == "86,94%"            # 1.043.333 / 1.200.000
    assert shown(result, "indikator.serapan.capaian") == "90,57%"   # 86,9444 / 96 (the PK Perubahan)
    # sisa_anggaran: mean(100 - 86,9444 (total); 100 - 91 (penunjang: (760.000 + 150.000) / 1.000.000))
    assert shown(result, "efisiensi.rata_rata") == "11,03%"


# --- kota: kelurahan, one PK, a ratio, a SAKIP grade, an office table, no reviu ---------------

def test_kota_percentage_from_numerator_and_denominator(samples):
    result = samples["kota"][1]
    k = result.figures.need(KINERJA)["usulan_musrenbang"]
    assert k.kini.realisasi.nilai == D(397) / D(754) * 100                 # the office table's total row
    assert k.tahun(2024).realisasi.nilai == D(350) / D(700) * 100          # pembilang / penyebut
    assert shown(result, "indikator.usulan_musrenbang.realisasi") == "52,65%"
    assert shown(result, "indikator.usulan_musrenbang.capaian") == "105,31%"    # 52,6525 / 50
    assert shown(result, "indikator.usulan_musrenbang.capaian_2024") == "111,11%"  # 50 / 45
    assert shown(result, "indikator.usulan_musrenbang.tren") == "naik"


def test_kota_the_wrong_printed_percentage_is_caught(samples):
    result = samples["kota"][1]
    messages = [d.message for d in result.diagnostics]
    assert ("Tabel 3.1 Pencapaian Kinerja, baris 'usulan_musrenbang', kolom 'Realisasi': tercetak 52,8, "
            "dihitung 52,65") in messages
    assert ("Tabel 3.6 Usulan Musrenbang yang Terakomodasi per Kelurahan Tahun 2025, baris 'jumlah', kolom "
            "'Persentase': tercetak 52,8, dihitung 52,65") in messages


def test_kota_letter_grade_by_rank(samples):
    """AA A BB B CC C D ranks 7..1: target BB (5), realisasi A (6) gives 120%; in 2024 BB over B is 125%."""
    result = samples["kota"][1]
    assert shown(result, "indikator.sakip.target") == "BB"
    assert shown(result, "indikator.sakip.realisasi") == "A"
    assert shown(result, "indikator.sakip.capaian") == "120%"
    assert shown(result, "indikator.sakip.capaian_2024") == "125%"
    assert shown(result, "indikator.sakip.tren") == "naik"
    assert shown(result, "indikator.sakip.kemajuan") == "100%"      # A against the Renstra's A


def test_kota_office_table(samples):
    result = samples["kota"][1]
    assert shown(result, "tabel.musrenbang.jumlah.usulan") == "754"
    assert shown(result, "tabel.musrenbang.jumlah.terakomodasi") == "397"
    assert shown(result, "tabel.musrenbang.sukamulya.persen") == "56,19%"    # 118 / 210
    assert shown(result, "tabel.musrenbang.sukasari.persen") == "50%"
    assert "Tabel 3.6 Usulan Musrenbang yang Terakomodasi per Kelurahan Tahun 2025" in \
        page(samples, "kota", "bab-3-akuntabilitas-kinerja")


def test_kota_averages_by_sasaran_and_their_change(samples):
    """2025: layanan 101,1905 (85/84); partisipasi 105,3050; tata kelola (120 + 97,3684) / 2 = 108,6842.
    2024: 100,6098 (82,5/82); 111,1111; (125 + 99,0526) / 2 = 112,0263."""
    result = samples["kota"][1]
    avg = result.figures.need(AVERAGES)
    assert avg.cara == "sasaran"
    expected = (D(85) / 84 + D(397) / 754 / D("0.50") + (D(120) / 100 + D("92.5") / 95) / 2) * 100 / 3
    assert abs(avg.keseluruhan[2025] - expected) < D("1e-20")
    assert shown(result, "kinerja.rata_rata_capaian") == "105,06%"
    assert shown(result, "kinerja.rata_rata_capaian_2024") == "107,92%"
    assert shown(result, "kinerja.perubahan_rata_rata_capaian") == "-2,86%"
    assert shown(result, "kinerja.tren_rata_rata_capaian") == "turun"
    assert shown(result, "sasaran.tata_kelola.rata_rata_capaian") == "108,68%"


def test_kota_words_and_columns_come_from_data(samples):
    bab1 = page(samples, "kota", "bab-1-pendahuluan")
    assert "<th scope=\"col\" class=\"tetap\"><span class=\"isi-tetap\">Kelurahan</span></th>" in bab1 and ">Desa<" not in bab1
    assert "Jumlah Penduduk per Kelurahan" in bab1 and "29.678" in bab1      # 14.787 + 14.891
    bab2 = page(samples, "kota", "bab-2-perencanaan-kinerja")
    assert "Target Kinerja Renstra 2021-2026" in bab2 and "Lama" not in bab2 and "Baru" not in bab2
    assert ">Kode<" not in bab2 and ">Rp<" not in bab2                      # columns no row fills
    closing = page(samples, "kota", "bab-4-penutup")
    assert "CAMAT SUKAMULYA" in closing


def test_kota_has_no_structure_warnings(samples):
    assert not [d for d in samples["kota"][1].diagnostics if d.code == "structure"]


# --- minimal: only the four required data files ---------------------------------------------

def test_minimal_report_builds_from_the_required_files_only(samples):
    result = samples["minimal"][1]
    assert sorted(result.report.files) == ["indikator", "laporan", "pejabat", "perjanjian_kinerja"]
    assert result.diagnostics == []
    assert shown(result, "indikator.layanan_tepat_waktu.capaian") == "102,22%"   # 92 / 90
    assert shown(result, "indikator.pembinaan.capaian") == "83,33%"              # 10 / 12
    assert shown(result, "kinerja.rata_rata_capaian") == "92,78%"                # (102,2222 + 83,3333) / 2
    bab3 = page(samples, "minimal", "bab-3-akuntabilitas-kinerja")
    assert ">Predikat<" not in bab3      # no scale in the data: no predikat column, never an invented scale


# --- dinas: rates, a lower-is-better indikator missed by far, a target of 0, three budget levels ---
#
# Dinas Kesehatan Kabupaten Teladan 2025 (tests/samples/dinas). Capaian where lower is better is
# (2 x target - realisasi) / target x 100; the office's rule: a capaian below 0% counts as 0% in the
# averages, a target of 0 gives 100% at realisasi 0 and 0% above it. Scale: Sangat Baik >= 100,
# Baik >= 90, Cukup >= 75, Kurang below (no min, so -120% is Kurang).
#
#                      2025                                          2024
#   aki          4 / 5.150 x 100.000 = 77,6699  -> 122,3301%  | 6 / 5.120 x 100.000 = 117,1875 -> 93,4659%
#   akb          41 / 5.150 x 1.000 = 7,961165 -> 93,8511%    | 45 / 5.120 x 1.000 = 8,789063 -> 90,1367%
#   persalinan   5.012 / 5.190 = 96,5703% / 96 -> 100,5941%   | 4.870 / 5.180 = 94,0154% / 95 -> 98,9636%
#   gizi buruk   target 0, realisasi 0 -> 100%                | target 0, realisasi 2 -> 0%
#   insidens TB  1.250 / 635.200 x 100.000 = 196,7884 -> 96,4272% | 1.180 / 628.400 x 100.000 = 187,7785 -> 106,1108%
#   kasus DBD    (2 x 50 - 160) / 50 = -120% (0% in averages) | (2 x 60 - 48) / 60 = 120%

def test_dinas_rates_are_computed_from_their_counts_with_their_multiplier(samples):
    result = samples["dinas"][1]
    aki = result.figures.need(KINERJA)["aki"]
    assert aki.kini.realisasi.nilai == D(4) / D(5150) * 100000
    assert aki.kini.capaian == (2 * D(100) - D(4) / D(5150) * 100000) / D(100) * 100
    assert shown(result, "indikator.aki.realisasi") == "77,67 per 100.000 kelahiran hidup"   # 77,6699
    assert shown(result, "indikator.aki.capaian") == "122,33%"          # (200 - 77,6699) / 100
    assert shown(result, "indikator.aki.predikat") == "Sangat Baik"
    assert shown(result, "indikator.aki.realisasi_2024") == "117,19 per 100.000 kelahiran hidup"  # 117,1875
    assert shown(result, "indikator.aki.capaian_2024") == "93,47%"  # (220 - 117,1875) / 110 = 93,4659
    assert shown(result, "indikator.akb.realisasi") == "7,96 per 1.000 kelahiran hidup"      # 41 / 5.150 x 1.000
    assert shown(result, "indikator.akb.capaian") == "93,85%"           # (15 - 7,961165) / 7,5 = 93,8511
    assert shown(result, "indikator.akb.predikat") == "Baik"
    assert shown(result, "indikator.akb.capaian_2024") == "90,14%"  # (16 - 8,789063) / 8 = 90,1367
    assert shown(result, "indikator.insidens_tb.realisasi") == "196,79 per 100.000 penduduk"  # 1.250 / 635.200
    assert shown(result, "indikator.insidens_tb.capaian") == "96,43%"   # (380 - 196,7884) / 190 = 96,4272
    assert shown(result, "indikator.persalinan_faskes.realisasi") == "96,57%"  # 5.012 / 5.190
    assert shown(result, "indikator.persalinan_faskes.capaian") == "100,59%"   # 96,5703 / 96


def test_dinas_a_lower_is_better_indikator_missed_by_far_is_below_zero_and_kurang(samples):
    result = samples["dinas"][1]
    assert result.figures.need(KINERJA)["kasus_dbd"].kini.capaian == D(-120)   # (2 x 50 - 160) / 50 x 100
    assert shown(result, "indikator.kasus_dbd.capaian") == "-120%"
    assert shown(result, "indikator.kasus_dbd.predikat") == "Kurang"      # the last band, unbounded below
    assert shown(result, "indikator.kasus_dbd.status") == "tidak tercapai"
    assert shown(result, "indikator.kasus_dbd.capaian_2024") == "120%"   # (120 - 48) / 60
    assert shown(result, "indikator.kasus_dbd.tren") == "turun"          # on capaian (tren: capaian)


def test_dinas_a_target_of_zero_reached_is_100_percent_by_the_declared_rule(samples):
    result = samples["dinas"][1]
    assert shown(result, "indikator.gizi_buruk.target") == "0 kasus"
    assert shown(result, "indikator.gizi_buruk.capaian") == "100%"       # realisasi 0: biner
    assert shown(result, "indikator.gizi_buruk.status") == "tercapai"
    assert shown(result, "indikator.gizi_buruk.capaian_2024") == "0%"   # realisasi 2 against 0
    assert shown(result, "indikator.gizi_buruk.tren") == "naik"


def test_dinas_averages_count_a_capaian_below_zero_as_zero(samples):
    """2025: (122,3301 + 93,8511 + 100,5941 + 100 + 96,4272 + 0) / 6 = 85,5337;
    2024: (93,4659 + 90,1367 + 98,9636 + 0 + 106,1108 + 120) / 6 = 84,7795.
    Per sasaran 2025: kia (122,3301 + 93,8511 + 100,5941 + 100) / 4 = 104,1938; penyakit (96,4272 + 0) / 2 = 48,2136;
    2024: kia 282,5662 / 4 = 70,6416; penyakit (106,1108 + 120) / 2 = 113,0554."""
    result = samples["dinas"][1]
    avg = result.figures.need(AVERAGES)
    turun = [(2 * D(100) - D(4) / D(5150) * 100000) / 100, (15 - D(41) / D(5150) * 1000) / D("7.5"),
             (380 - D(1250) / D(635200) * 100000) / 190]
    expected = (sum(turun) + D(5012) / D(5190) / D(96) * 100 + 1 + 0) * 100 / 6
    assert abs(avg.keseluruhan[2025] - expected) < D("1e-20")
    assert shown(result, "kinerja.rata_rata_capaian") == "85,53%"
    assert shown(result, "kinerja.rata_rata_capaian_2024") == "84,78%"
    assert result.catalog.value("kinerja.rata_rata_capaian_tahun_lalu").text() == "84,78%"   # the year before 2025
    assert shown(result, "kinerja.perubahan_rata_rata_capaian") == "0,75%"    # 85,53 - 84,78, as shown
    assert shown(result, "kinerja.tren_rata_rata_capaian") == "naik"
    assert shown(result, "kinerja.predikat_rata_rata_capaian") == "Cukup"
    assert shown(result, "sasaran.kia.rata_rata_capaian") == "104,19%"
    assert shown(result, "sasaran.penyakit.rata_rata_capaian") == "48,21%"
    assert shown(result, "sasaran.kia.rata_rata_capaian_2024") == "70,64%"
    assert shown(result, "sasaran.penyakit.rata_rata_capaian_2024") == "113,06%"
    notes = result.catalog.table("rata_rata_capaian").notes
    assert "Capaian di bawah 0% dihitung sebagai 0%: Jumlah kasus demam berdarah dengue (DBD) (-120%, 2025)." in notes
    assert "Target 0 (Jumlah kasus balita gizi buruk): capaian 100% bila realisasi 0, dan 0% bila lebih." in notes


def test_dinas_counts_by_predikat_and_status(samples):
    """Sangat Baik: AKI, persalinan, gizi buruk (3 of 6, 50%); Baik: AKB, insidens TB (2, 33,33%);
    Cukup: none; Kurang: kasus DBD (1, 16,67%). Terlampaui: AKI, persalinan; tercapai: gizi buruk (100%);
    tidak tercapai: AKB, insidens TB, kasus DBD."""
    result = samples["dinas"][1]
    assert [shown(result, f"kinerja.predikat.sangat_baik.{k}") for k in ("jumlah", "terbilang", "persen")] == \
        ["3", "tiga", "50%"]
    assert [shown(result, f"kinerja.predikat.{band}.jumlah") for band in ("baik", "cukup", "kurang")] == ["2", "0", "1"]
    assert [shown(result, f"kinerja.status.{s}.jumlah") for s in ("terlampaui", "tercapai", "tidak_tercapai")] == \
        ["2", "1", "3"]
    table = result.catalog.table("sebaran_predikat")
    assert [[c.value.text() if c else "" for c in r.cells][:3] for r in table.rows] == [
        ["Sangat Baik", "3", "50%"], ["Baik", "2", "33,33%"], ["Cukup", "0", "0%"], ["Kurang", "1", "16,67%"],
        ["Jumlah", "6", "100%"]]


def test_dinas_budget_at_three_levels(samples):
    """layanan (1.02.02.2.02): pagu 850 + 420 + 380 + 300 = 1.950 juta; realisasi (700 + 95) + (350 + 40) +
    (300 + 62) + (210 + 30) = 1.787 juta; sisa 163 juta; serapan 91,6410%.
    fasilitas (1.02.02.2.01): 1.420 / 1.500 juta = 94,6667%. upaya_kesehatan = layanan + fasilitas: 3.207 / 3.450
    juta = 92,9565%. penunjang = keuangan: (3.850 + 310) + (120 + 18,5) = 4.298,5 / 4.350 juta = 98,8161%.
    DPA: 7.505,5 / 7.800 juta = 96,2244%."""
    result = samples["dinas"][1]
    budget = result.figures.need(ANGGARAN_FIGURE)
    assert {k: (b.pagu, b.realisasi, b.sisa, b.program) for k, b in budget.kegiatan.items()} == {
        "keuangan": (4350000000, 4298500000, 51500000, "penunjang"),
        "fasilitas": (1500000000, 1420000000, 80000000, "upaya_kesehatan"),
        "layanan": (1950000000, 1787000000, 163000000, "upaya_kesehatan")}
    assert shown(result, "kegiatan.layanan.serapan") == "91,64%"
    assert shown(result, "kegiatan.layanan.sisa") == "Rp163.000.000"
    assert shown(result, "kegiatan.fasilitas.serapan") == "94,67%"
    assert shown(result, "program.upaya_kesehatan.realisasi") == "Rp3.207.000.000"
    assert shown(result, "program.upaya_kesehatan.serapan") == "92,96%"
    assert shown(result, "program.penunjang.serapan") == "98,82%"
    assert shown(result, "anggaran.serapan") == "96,22%"
    assert shown(result, "anggaran.sisa") == "Rp294.500.000"       # 7.800.000.000 - 7.505.500.000


def test_dinas_ikhtisar_sentence_and_charts_called_grafik(samples):
    assert samples["dinas"][1].diagnostics == []
    text = html.unescape(re.sub(r"<[^>]+>", "", page(samples, "dinas", "ikhtisar-eksekutif")))
    assert "Dari 6 indikator kinerja tersebut, 3 (tiga) indikator atau 50% dikategorikan sangat baik, 2 (dua) " \
           "indikator atau 33,33% dikategorikan baik, dan 1 (satu) indikator atau 16,67% dikategorikan kurang." in text
    assert "Rata-rata capaian kinerja tahun 2025 sebesar 85,53% (Cukup), naik dari 84,78% pada tahun 2024." in text
    bab3 = page(samples, "dinas", "bab-3-akuntabilitas-kinerja")
    assert re.findall(r'<b class="nomor-gambar">([^<]+)</b>', bab3) == ["Grafik 1.", "Grafik 2.", "Grafik 3."]
