"""The three sample reports of different shapes: golden output, and figures computed by hand.

Every test here builds the sample; none reads the committed golden files as a substitute
for building (the golden comparison is the only place they are read).
After an intended change to the output, run `python tests/update_golden.py` and review the diff.
"""
import difflib
from decimal import Decimal as D

import pytest

from lkjip.domain.kinerja.figures import AVERAGES, KINERJA

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
