"""Derived figures of the LKjIP 2024 of Kecamatan Pungging, computed from source facts only."""
from decimal import Decimal as D

import pytest

from lkjip.figures import capaian, predikat
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit


@pytest.fixture(scope="module")
def figures(checked):
    return checked.results


def shown(checked, key):
    from lkjip.namespace import build_namespace
    from lkjip import formatting
    with formatting.rounding(2):
        return build_namespace(checked.model, checked.results)[key].text()


def test_penduduk_totals(figures):
    pend = figures["penduduk"]
    assert (pend.l, pend.p, pend.jumlah, pend.jumlah_desa) == (40968, 40606, 81574, 19)
    tunggalpager = next(r for r in pend.rows if r.id == "tunggalpager")
    assert tunggalpager.jumlah == 11439


def test_anggaran_rolls_up_sub_kegiatan_to_programs_by_kode(figures, checked):
    budget = figures["anggaran"]
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


def test_realisasi_of_a_sub_kegiatan_is_last_month_plus_this_month(figures):
    gaji = next(s for s in figures["anggaran"].sub_kegiatan if s.kode == "7.01.01.2.02.01")
    assert gaji.realisasi == 1833010642 + 213735907


def test_ikm_from_the_nine_nrr(figures, checked):
    ikm = figures["ikm"]
    assert ikm.nrr_rata_rata == D("32.88") / 9
    assert shown(checked, "ikm.nilai") == "91,33"
    assert (ikm.mutu, ikm.kinerja) == ("A", "Sangat Baik")


@pytest.mark.parametrize("indikator, target, realisasi, capaian_text, predikat_text", [
    ("ikm", "90,25", "91,33", "101,20%", "Sangat Berhasil"),
    ("pelayanan_standar", "100%", "100%", "100%", "Sangat Berhasil"),
    ("koordinasi", "100%", "100%", "100%", "Sangat Berhasil"),
    ("sakip", "81", "82", "101,23%", "Sangat Berhasil"),
    ("realisasi_anggaran", "93,15%", "95,81%", "102,86%", "Sangat Berhasil"),
    ("ip_asn", "87,5", "87,5 (sementara)", "100% (sementara)", "Sangat Berhasil"),
    ("inovasi", "2 Inovasi", "2 Inovasi", "100%", "Sangat Berhasil"),
])
def test_capaian_of_every_indikator(checked, indikator, target, realisasi, capaian_text, predikat_text):
    base = f"indikator.{indikator}"
    assert shown(checked, f"{base}.target") == target
    assert shown(checked, f"{base}.realisasi") == realisasi
    assert shown(checked, f"{base}.capaian") == capaian_text
    assert shown(checked, f"{base}.predikat") == predikat_text


def test_target_that_counts_is_the_pk_perubahan(figures):
    inovasi = figures["kinerja"]["inovasi"]
    assert inovasi.target.dokumen == "pk_perubahan" and inovasi.target.nilai == 2


@pytest.mark.parametrize("indikator, kemajuan", [
    ("ikm", "100,64%"), ("sakip", "101,05%"), ("realisasi_anggaran", "102,75%"),
    ("ip_asn", "99,43% (sementara)"), ("inovasi", "200%")])
def test_tingkat_kemajuan_against_the_end_of_renstra(checked, indikator, kemajuan):
    assert shown(checked, f"indikator.{indikator}.kemajuan") == kemajuan


def test_capaian_formulas():
    assert capaian(D(80), D(100), "naik") == D(125)
    assert capaian(D(80), D(100), "turun") == D(75)  # (2*80-100)/80
    assert capaian(D(0), D(5), "naik") is None
    assert capaian(None, D(5), "naik") is None


def test_predikat_scale_from_data(checked):
    scale = checked.model.skala.predikat
    assert predikat(D("100"), scale, 2) == "Sangat Berhasil"
    assert predikat(D("99.996"), scale, 2) == "Sangat Berhasil"  # rounds to 100,00 first
    assert predikat(D("99.99"), scale, 2) == "Berhasil"
    assert predikat(D("54"), scale, 2) == "Tidak Berhasil"
    assert predikat(None, scale, 2) is None


def test_efisiensi_uses_the_formula_named_in_data(figures, checked):
    eff = figures["efisiensi"]
    assert eff.rumus == "capaian_dikurangi_serapan"
    ikm = next(r for r in eff.rows if r.indikator == "ikm")
    assert ikm.efisiensi == ikm.capaian - figures["anggaran"].total.serapan
    assert shown(checked, "efisiensi.rata_rata") == "4,94%"
    assert shown(checked, "efisiensi.rata_rata_capaian") == "100,76%"


def test_changes_between_pk_and_pk_perubahan(figures):
    changes = {(c.jenis, c.id): (c.sebelum, c.sesudah) for c in figures["pk_selisih"]}
    assert changes == {("target", "inovasi"): (D(1), D(2)),
                       ("anggaran", "penunjang"): (2360146480, 2415383480)}


def test_target_of_zero_makes_capaian_undefined(report):
    edit(report / "data/perjanjian_kinerja.yaml", "nilai: 2                   # \"2 Inovasi\" (both copies)",
         "nilai: 0")
    result = check(Project(report))
    assert result.results["kinerja"]["inovasi"].capaian is None
    from lkjip.namespace import build_namespace
    ns = build_namespace(result.model, result.results)
    assert ns["indikator.inovasi.capaian"].text() == "tidak dapat dihitung"
    assert ns["indikator.inovasi.predikat"].text() == "tidak dapat dihitung"
