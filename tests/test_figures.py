"""Derived figures of the LKjIP 2024 of Kecamatan Pungging, computed from source facts only."""
from decimal import Decimal as D

import pytest

from lkjip.domain.anggaran import ANGGARAN_FIGURE
from lkjip.domain.efisiensi import EFISIENSI_FIGURE
from lkjip.domain.ikm import IKM_FIGURE
from lkjip.domain.kinerja.averages import AVERAGES
from lkjip.domain.kinerja.figures import KINERJA, PK_CHANGES, capaian, predikat
from lkjip.domain.kinerja.model import SKALA
from lkjip.domain.wilayah import PENDUDUK_FIGURE
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import copy_report, edit, shown

SCALE = """predikat:
  nama: Skala predikat uji
  dasar: Skala uji (dokumen laporan ini tidak menyebutkan skala)
  tingkat:
    - {min: 100, predikat: Sangat Berhasil}
    - {min: 85, predikat: Berhasil}
    - {min: 70, predikat: Cukup Berhasil}
    - {min: 55, predikat: Kurang Berhasil}
    - {min: 0, predikat: Tidak Berhasil}
"""


def with_scale(root):
    """The signed report names no predikat scale, so it judges nothing; given one, with the rule it
    stands on, every capaian gets its predikat."""
    (root / "data/skala.yaml").write_text(SCALE, "utf-8")
    return root


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    return check(Project(with_scale(copy_report(tmp_path_factory.mktemp("skala") / "laporan"))))


def test_penduduk_totals(checked):
    pend = checked.figures.need(PENDUDUK_FIGURE)
    assert (pend.l, pend.p, pend.jumlah, len(pend.rows)) == (40968, 40606, 81574, 19)
    assert next(r for r in pend.rows if r.id == "tunggalpager").jumlah == 11439
    assert shown(checked, "penduduk.jumlah") == "81.574"
    assert shown(checked, "penduduk.jumlah_wilayah") == "19"


def test_anggaran_rolls_up_sub_kegiatan_to_programs_by_kode(checked):
    budget = checked.figures.need(ANGGARAN_FIGURE)
    assert budget.total.pagu == 2615163480
    assert budget.total.realisasi == 2505613366
    assert {k: b.realisasi for k, b in budget.program.items()} == {
        "penunjang": 2310700416, "pelayanan_publik": 22492000, "pembinaan_desa": 172420950}
    assert {k: b.pagu for k, b in budget.program.items()} == {
        "penunjang": 2415383480, "pelayanan_publik": 22500000, "pembinaan_desa": 177280000}
    assert budget.total.sisa == 109550114
    assert shown(checked, "anggaran.serapan") == "95,81%"
    assert shown(checked, "anggaran.pagu") == "Rp2.615.163.480"
    assert shown(checked, "program.pelayanan_publik.serapan") == "99,96%"
    assert shown(checked, "program.pembinaan_desa.serapan") == "97,26%"
    assert shown(checked, "program.penunjang.serapan") == "95,67%"


def test_realisasi_of_a_sub_kegiatan_is_last_month_plus_this_month(checked):
    gaji = next(s for s in checked.figures.need(ANGGARAN_FIGURE).sub_kegiatan if s.kode == "7.01.01.2.02.01")
    assert gaji.realisasi == 1833010642 + 213735907


def test_ikm_from_the_nine_nrr(checked):
    ikm = checked.figures.need(IKM_FIGURE)
    assert ikm.nrr_rata_rata == D("32.88") / 9
    assert shown(checked, "ikm.nilai") == "91,33"
    assert (ikm.mutu, ikm.kinerja) == ("A", "Sangat Baik")


def test_the_ikm_table_shows_a_mean_nrr_the_reader_can_multiply_back(checked):
    """32,88 ÷ 9 shown as 3,65 would give 3,65 × 25 = 91,25, not the 91,33 below it."""
    table = checked.catalog.table("ikm_unsur")
    assert table.cell("nrr_rata_rata", "nrr").value.text() == "3,6533"
    assert table.cell("ikm", "nrr").value.text() == "91,33"


@pytest.mark.parametrize("indikator, target, realisasi, capaian_text, predikat_text", [
    ("ikm", "90,25", "91,33", "101,20%", "Sangat Berhasil"),
    ("pelayanan_standar", "100%", "100%", "100%", "Sangat Berhasil"),
    ("koordinasi", "100%", "100%", "100%", "Sangat Berhasil"),
    ("sakip", "81", "82", "101,23%", "Sangat Berhasil"),
    ("realisasi_anggaran", "93,15%", "95,81%", "102,86%", "Sangat Berhasil"),
    ("ip_asn", "87,5", "87,5 (sementara)", "100% (sementara)", "Sangat Berhasil (sementara)"),
    ("inovasi", "2 Inovasi", "2 Inovasi", "100%", "Sangat Berhasil"),
])
def test_capaian_of_every_indikator(scaled, indikator, target, realisasi, capaian_text, predikat_text):
    base = f"indikator.{indikator}"
    assert shown(scaled, f"{base}.target") == target
    assert shown(scaled, f"{base}.realisasi") == realisasi
    assert shown(scaled, f"{base}.capaian") == capaian_text
    assert shown(scaled, f"{base}.predikat") == predikat_text


def test_without_a_scale_nothing_is_judged(checked):
    """The signed document states no scale: no predikat is computed, and none can be quoted."""
    assert "indikator.ikm.capaian" in checked.catalog.keys
    assert not any(key.endswith("predikat") or "predikat_" in key for key in checked.catalog.keys)


def test_target_that_counts_is_the_latest_perjanjian_of_the_year(checked):
    inovasi = checked.figures.need(KINERJA)["inovasi"].kini
    assert (inovasi.target.dokumen, inovasi.target.nilai) == ("pk_perubahan", 2)


@pytest.mark.parametrize("indikator, kemajuan", [
    ("ikm", "100,64%"), ("sakip", "101,05%"), ("realisasi_anggaran", "102,75%"),
    ("ip_asn", "99,43% (sementara)"), ("inovasi", "200%")])
def test_tingkat_kemajuan_against_the_end_of_the_renstra_in_force(checked, indikator, kemajuan):
    assert shown(checked, f"indikator.{indikator}.kemajuan") == kemajuan


def test_history_capaian_and_trend_per_year(checked):
    """Tabel 3.2 gives targets and realisasi 2022-2024: each year has its own capaian and trend."""
    sakip = checked.figures.need(KINERJA)["sakip"]
    assert [t.tahun for t in sakip.riwayat] == [2022, 2023, 2024]
    assert shown(checked, "indikator.sakip.capaian_2022") == "98,59%"   # 76,9 / 78
    assert shown(checked, "indikator.sakip.capaian_2023") == "99,60%"   # 79,68 / 80
    assert shown(checked, "indikator.sakip.tren") == "naik"             # 82 after 79,68
    assert shown(checked, "indikator.sakip.perubahan") == "2,32"
    assert shown(checked, "indikator.inovasi.tren") == "turun"          # 2 after 3
    assert shown(checked, "indikator.koordinasi.tren") == "tetap"
    assert shown(checked, "indikator.realisasi_anggaran.tren_2023") == "turun"   # 93,18 after 94,50


def test_average_capaian_per_year_and_its_change(checked):
    """2024: (101,20 + 100 + 100 + 101,23 + 102,86 + 100 + 100) / 7, provisional as IP ASN's 100% is;
    2023 from Tabel 3.2."""
    avg = checked.figures.need(AVERAGES)
    assert shown(checked, "kinerja.rata_rata_capaian") == "100,76% (sementara)"
    # 2023: 90,12/87 = 103,586; 100; 100; 79,68/80 = 99,6; 93,18/95 = 98,084; 87,5/88 = 99,432; 3/3 = 100
    expected_2023 = (D("90.12") / 87 + 1 + 1 + D("79.68") / 80 + D("93.18") / 95 + D("87.5") / 88 + 1) * 100 / 7
    assert avg.keseluruhan[2023] == expected_2023
    assert shown(checked, "kinerja.rata_rata_capaian_2023") == "100,10%"
    assert shown(checked, "kinerja.perubahan_rata_rata_capaian") == "0,66% (sementara)"
    assert shown(checked, "kinerja.tren_rata_rata_capaian") == "naik (sementara)"
    # (101,23 + 102,86 + 100) / 3, with IP ASN's provisional 100%; the sasaran without IP ASN is final
    assert shown(checked, "sasaran.tata_kelola.rata_rata_capaian") == "101,36% (sementara)"
    assert shown(checked, "sasaran.pelayanan_publik_optimal.rata_rata_capaian") == "101,20%"


def test_capaian_formulas():
    assert capaian(D(80), D(100), "naik") == D(125)
    assert capaian(D(80), D(100), "turun") == D(75)  # (2*80-100)/80
    assert capaian(D(0), D(5), "naik") is None
    assert capaian(None, D(5), "naik") is None


def test_predikat_scale_from_data(scaled):
    assert shown(scaled, "kinerja.predikat_rata_rata_capaian") == "Sangat Berhasil (sementara)"
    scale = scaled.report.need(SKALA).predikat
    assert predikat(D("100"), scale, 2) == "Sangat Berhasil"
    assert predikat(D("99.996"), scale, 2) == "Sangat Berhasil"  # rounds to 100,00 first
    assert predikat(D("99.99"), scale, 2) == "Berhasil"
    assert predikat(D("54"), scale, 2) == "Tidak Berhasil"
    assert predikat(None, scale, 2) is None


def test_efisiensi_uses_the_formula_named_in_data(checked):
    eff = checked.figures.need(EFISIENSI_FIGURE)
    assert eff.rumus == "capaian_dikurangi_serapan"
    ikm = next(r for r in eff.rows if r.indikator == "ikm")
    assert ikm.efisiensi == ikm.capaian - checked.figures.need(ANGGARAN_FIGURE).total.serapan
    # each row less the serapan of the programs its sasaran names: IKM 101,1967 - 95,8110 (all three),
    # PATEN 100 - 99,9644, koordinasi 100 - 97,2591, SAKIP 101,2346 - 95,6656, realisasi anggaran
    # 102,8568 - 95,6656, IP ASN 100 - 95,6656 (sementara), inovasi 100 - 95,8110 (the whole DPA):
    # 29,4449 / 7; IP ASN's provisional row counts
    assert shown(checked, "efisiensi.rata_rata") == "4,21% (sementara)"
    assert shown(checked, "efisiensi.rata_rata_capaian") == "100,76% (sementara)"


def test_efisiensi_from_a_provisional_realisasi_says_so(checked):
    """IP ASN 2024 is the 2023 value carried as sementara: its capaian and efisiensi are too."""
    table = checked.catalog.table("efisiensi")
    assert table.cell("ip_asn", "capaian").value.text() == "100% (sementara)"
    assert table.cell("ip_asn", "efisiensi").value.text() == "4,33% (sementara)"   # 100 - 95,67 (penunjang)
    assert table.cell("ikm", "capaian").value.text() == "101,20%"


def test_changes_between_pk_and_pk_perubahan(checked):
    found = checked.figures.need(PK_CHANGES)
    assert (found.sebelum.id, found.sesudah.id) == ("pk", "pk_perubahan")
    assert {(c.jenis, c.id): (c.sebelum, c.sesudah) for c in found.changes} == {
        ("target", "inovasi"): (D(1), D(2)), ("anggaran", "penunjang"): (2360146480, 2415383480)}


def test_target_of_zero_makes_capaian_undefined(report):
    with_scale(report)
    edit(report / "data/perjanjian_kinerja.yaml", "nilai: 2                   # \"2 Inovasi\" (both copies)",
         "nilai: 0")
    result = check(Project(report))
    assert result.figures.need(KINERJA)["inovasi"].kini.capaian is None
    assert shown(result, "indikator.inovasi.capaian") == "tidak dapat dihitung"
    assert shown(result, "indikator.inovasi.predikat") == "tidak dapat dihitung"


def test_judging_words_from_a_provisional_realisasi_say_so(scaled):
    """IP ASN 2024 is not published yet; the 2023 value stands in, and so the words it yields are provisional."""
    assert shown(scaled, "indikator.ip_asn.status") == "tercapai (sementara)"
    assert shown(scaled, "indikator.ip_asn.predikat") == "Sangat Berhasil (sementara)"
    assert shown(scaled, "indikator.ip_asn.status_2023") == "tidak tercapai"
    assert shown(scaled, "indikator.sakip.status") == "terlampaui"
    assert scaled.catalog.table("capaian").cell("ip_asn", "predikat").value.text() == "Sangat Berhasil (sementara)"
