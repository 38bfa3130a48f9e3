"""Every kind of office: rates with a multiplier, capaian below 0%, a target of 0, counts by predikat.

A small health-and-library dinas of its own (the minimal sample with three more indikator):
Angka Kematian Ibu per 100.000 kelahiran hidup computed from its counts, cases of dengue that
missed a lower-is-better target by far (capaian -120%), cases of gizi buruk against a target of
0. Every figure below is computed by hand:

    layanan tepat waktu   92 / 90          = 102,2222…%   Sangat Baik
    pembinaan             10 / 12          =  83,3333…%   Cukup
    AKI                   3 / 5.210 × 100.000 = 57,5816 per 100.000; (2×60 − 57,5816) / 60 = 104,0307…%
    kasus DBD             (2×50 − 160) / 50 = −120%       Kurang (the last band, unbounded below)
    gizi buruk            target 0, realisasi 0: 100% by the declared binary rule
"""
from __future__ import annotations

import shutil

import pytest

from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import REPO, edit, line_of

MORE = """
  - id: aki
    sasaran: literasi
    nama: Angka Kematian Ibu
    satuan: per 100.000 kelahiran hidup
    pengali: 100000
    arah: turun
    realisasi: {2025: {pembilang: 3, penyebut: 5210}}
  - id: dbd
    sasaran: literasi
    nama: Jumlah kasus demam berdarah
    satuan: kasus
    arah: turun
    realisasi: {2025: 160}
  - id: gizi_buruk
    sasaran: literasi
    nama: Jumlah balita gizi buruk
    satuan: balita
    arah: turun
    realisasi: {2025: 0}
"""
TARGETS = """
      - {indikator: aki, nilai: 60}
      - {indikator: dbd, nilai: 50}
      - {indikator: gizi_buruk, nilai: 0}
"""
RULE = 'aturan_capaian: {dasar: "Peraturan Bupati Teladan Nomor 3 Tahun 2025, Pasal 7", di_bawah_nol: %s, ' \
       'target_nol: biner}\n'
SKALA = """predikat:
  nama: Skala predikat Kabupaten Teladan
  dasar: Peraturan Bupati Teladan Nomor 3 Tahun 2025, Pasal 8
  tingkat:
    - {min: 100, predikat: Sangat Baik}
    - {min: 85, predikat: Baik}
    - {min: 70, predikat: Cukup}
    - {predikat: Kurang}
"""


@pytest.fixture
def dinas(tmp_path):
    root = tmp_path / "dinas"
    shutil.copytree(REPO / "tests/samples/minimal", root)
    (root / "data/indikator.yaml").write_text((root / "data/indikator.yaml").read_text("utf-8") + MORE, "utf-8")
    (root / "data/perjanjian_kinerja.yaml").write_text(
        (root / "data/perjanjian_kinerja.yaml").read_text("utf-8").rstrip("\n") + TARGETS, "utf-8")
    (root / "data/skala.yaml").write_text(SKALA, "utf-8")
    return root


def with_rule(root, below_zero="apa_adanya"):
    path = root / "data/indikator.yaml"
    path.write_text(RULE % below_zero + path.read_text("utf-8"), "utf-8")
    return root


def checked(root):
    return run(Project(root), Options(pdf=False, write=False))


def shown(result, key):
    return result.catalog.value(key).text()


def warnings(result, code):
    return [(d.loc.file, d.message) for d in result.diagnostics if d.code == code]


def test_a_rate_is_computed_from_its_counts_with_its_multiplier_and_shown_in_the_offices_unit(dinas):
    result = checked(with_rule(dinas))
    assert shown(result, "indikator.aki.realisasi") == "57,58 per 100.000 kelahiran hidup"
    assert shown(result, "indikator.aki.capaian") == "104,03%"
    assert shown(result, "indikator.aki.predikat") == "Sangat Baik"


def test_a_printed_rate_that_disagrees_with_its_counts_is_caught(dinas):
    edit(dinas / "data/indikator.yaml", "    realisasi: {2025: {pembilang: 3, penyebut: 5210}}",
         "    realisasi: {2025: {pembilang: 3, penyebut: 5210}}\n    tercetak: {capaian: {realisasi: 58.1}}")
    result = checked(with_rule(dinas))
    assert [m for f, m in warnings(result, "printed-mismatch")] == [
        "tabel 'Pencapaian Kinerja', baris 'aki', kolom 'Realisasi': tercetak 58,1, dihitung 57,58"]


def test_counts_without_a_multiplier_are_one_clear_error(dinas):
    edit(dinas / "data/indikator.yaml", "    pengali: 100000\n", "")
    with pytest.raises(BuildFailed) as failed:
        checked(dinas)
    (e,) = failed.value.diagnostics
    assert e.message == "'pembilang' dan 'penyebut' memerlukan indikator berjenis persen, atau 'pengali' pada " \
                        "indikator aki"
    assert e.hint.startswith("untuk rasio per 1.000 atau per 100.000 tulis pada indikatornya, mis. 'pengali: 100000'")
    assert (e.loc.file, e.loc.line) == ("data/indikator.yaml", line_of(dinas / "data/indikator.yaml", "pembilang: 3"))


def test_a_multiplier_on_a_percentage_is_refused(dinas):
    edit(dinas / "data/indikator.yaml", "    jenis: persen\n", "    jenis: persen\n    pengali: 1000\n")
    with pytest.raises(BuildFailed) as failed:
        checked(dinas)
    (e,) = failed.value.diagnostics
    assert (e.message, e.hint) == ("'pengali' hanya untuk indikator berjenis angka (rasio), bukan persen",
                                   "persentase selalu memakai 100: hapus 'pengali'")


def test_a_capaian_below_zero_is_computed_and_its_band_is_the_last_one_unbounded_below(dinas):
    result = checked(with_rule(dinas))
    assert shown(result, "indikator.dbd.capaian") == "-120%"
    assert shown(result, "indikator.dbd.predikat") == "Kurang"
    assert [r.cells[0].value.text() for r in result.catalog.table("predikat_skala").rows] == [
        "≥ 100%", "85% s.d. < 100%", "70% s.d. < 85%", "< 70%"]


def test_without_a_declared_rule_a_capaian_below_zero_and_a_target_of_zero_are_warnings(dinas):
    result = checked(dinas)
    assert warnings(result, "capaian-rule") == [
        ("data/indikator.yaml", "capaian dbd 2025 -120%, di bawah 0%, dihitung apa adanya dalam rata-rata tanpa "
                                "aturan yang dinyatakan"),
        ("data/perjanjian_kinerja.yaml", "target gizi_buruk 2025 adalah 0: capaiannya tidak dapat dihitung")]
    assert shown(result, "indikator.gizi_buruk.capaian") == "tidak dapat dihitung"


@pytest.mark.parametrize("rule,average,note", [
    # (102,2222 + 83,3333 + 104,0307 − 120 + 100) / 5 = 53,9173
    ("apa_adanya", "53,92%", "Capaian di bawah 0% dihitung apa adanya: Jumlah kasus demam berdarah (-120%, 2025)."),
    # (… + 0 + 100) / 5 = 77,9173
    ("nol", "77,92%", "Capaian di bawah 0% dihitung sebagai 0%: Jumlah kasus demam berdarah (-120%, 2025)."),
    # (102,2222 + 83,3333 + 104,0307 + 100) / 4 = 97,3966
    ("dikecualikan", "97,40%", "Capaian di bawah 0% tidak ikut dirata-rata: Jumlah kasus demam berdarah (-120%, "
                               "2025)."),
])
def test_the_office_chooses_how_a_capaian_below_zero_counts_and_the_report_says_which(dinas, rule, average, note):
    result = checked(with_rule(dinas, rule))
    assert shown(result, "kinerja.rata_rata_capaian") == average
    notes = result.catalog.table("rata_rata_capaian").notes
    assert note in notes and "Aturan capaian menurut Peraturan Bupati Teladan Nomor 3 Tahun 2025, Pasal 7." in notes
    assert "Target 0 (Jumlah balita gizi buruk): capaian 100% bila realisasi 0, dan 0% bila lebih." in notes
    assert warnings(result, "capaian-rule") == []
    assert shown(result, "indikator.gizi_buruk.capaian") == "100%"


def test_a_capaian_below_the_lowest_bounded_band_has_no_predikat_and_says_why(dinas):
    edit(dinas / "data/skala.yaml", "    - {predikat: Kurang}", "    - {min: 0, predikat: Kurang}")
    result = checked(with_rule(dinas))
    assert shown(result, "indikator.dbd.predikat") == "tidak dapat dihitung"
    assert warnings(result, "capaian-rule") == [
        ("data/indikator.yaml", "capaian dbd 2025 -120% di bawah tingkat terendah skala predikat (0%): predikatnya "
                                "tidak dapat ditentukan")]


def test_only_the_last_band_may_be_unbounded(dinas):
    edit(dinas / "data/skala.yaml", "    - {min: 85, predikat: Baik}", "    - {predikat: Baik}")
    with pytest.raises(BuildFailed) as failed:
        checked(dinas)
    assert [(e.message, e.hint) for e in failed.value.diagnostics] == [
        ("tingkat 'Baik' tanpa 'min'", "hanya tingkat terakhir (terendah) yang boleh tanpa batas bawah")]


def test_counts_and_shares_by_predikat_and_status_are_keys_and_a_table(dinas):
    """ "3 (tiga) indikator atau 60% dikategorikan Sangat Baik": layanan, AKI and gizi buruk."""
    result = checked(with_rule(dinas))
    assert [shown(result, f"kinerja.predikat.sangat_baik.{k}") for k in ("jumlah", "terbilang", "persen")] == \
        ["3", "tiga", "60%"]
    assert shown(result, "kinerja.predikat.cukup.jumlah") == "1" and shown(result, "kinerja.predikat.baik.jumlah") == "0"
    assert [shown(result, f"kinerja.status.{s}.jumlah") for s in ("terlampaui", "tercapai", "tidak_tercapai")] == \
        ["2", "1", "2"]
    table = result.catalog.table("sebaran_predikat")
    assert [[c.value.text() if c else "" for c in r.cells][:3] for r in table.rows] == [
        ["Sangat Baik", "3", "60%"], ["Baik", "0", "0%"], ["Cukup", "1", "20%"], ["Kurang", "1", "20%"],
        ["Jumlah", "5", "100%"]]


def test_a_realisasi_a_hundred_times_its_target_is_a_warning_naming_it(dinas):
    edit(dinas / "data/indikator.yaml", "realisasi: {2025: 10}", "realisasi: {2025: 1200}")
    result = checked(with_rule(dinas))
    assert warnings(result, "implausible") == [
        ("data/indikator.yaml", "realisasi pembinaan 2025 (1.200) seratus kali atau lebih targetnya (12)")]


def test_a_desa_without_inhabitants_and_a_line_that_spent_more_than_its_pagu_are_warnings(report):
    """On the bundled report: Purworejo written as 0 and 0, and Penyusunan Dokumen Perencanaan spending
    Rp5.999.500 of its Rp5.000.000 (the sub kegiatan is named, not again its program and the whole DPA)."""
    edit(report / "data/penduduk.yaml", "    l: 1429\n    p: 1428", "    l: 0\n    p: 0")
    edit(report / "data/anggaran.yaml", "    sd_bulan_lalu: 4999500", "    sd_bulan_lalu: 5999500")
    found = [(d.loc.file, d.loc.line, d.message) for d in checked(report).diagnostics if d.code == "implausible"]
    assert found == [
        ("data/anggaran.yaml", line_of(report / "data/anggaran.yaml", '- kode: "7.01.01.2.01.01"'),
         "realisasi Penyusunan Dokumen Perencanaan Perangkat Daerah (Rp5.999.500) melebihi pagunya (Rp5.000.000): "
         "serapan 119,99%"),
        ("data/penduduk.yaml", line_of(report / "data/penduduk.yaml", "    l: 0"),
         "Desa Purworejo berpenduduk 0 (L 0, P 0)")]
