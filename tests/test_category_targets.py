"""Category targets (a SAKIP grade 'BB') in the Renstra matrix and the Renja, by the rule of a realisasi:
a word of the scale where the row's indikator is of jenis kategori, a number everywhere else."""
from decimal import Decimal as D

import pytest

from lkjip.diagnostics import BuildFailed
from lkjip.domain.kinerja.figures import KINERJA, TARGETS
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import copy_sample, edit, line_of, shown, write

SAKIP_ROW = """  - id: sakip
    tingkat: sasaran
    sasaran: Meningkatnya akuntabilitas kinerja
    indikator_kinerja: sakip
    indikator: Predikat SAKIP Kecamatan
    data_awal: B
    target: {renstra: {2025: {target: BB}, 2026: {target: A}}}
    kondisi_akhir: {target: A}
"""


@pytest.fixture
def kota(tmp_path):
    """The kota sample, whose SAKIP indikator (AA..D, capaian by peringkat) has a Renstra row."""
    root = copy_sample("kota", tmp_path / "kota")
    renstra = root / "data/renstra.yaml"
    edit(renstra, "  - {indikator: sakip, versi: renstra, tahun: 2026, nilai: A}\n", "")
    edit(renstra, "target_tambahan:", SAKIP_ROW + "target_tambahan:")
    return root


def errors(root):
    with pytest.raises(BuildFailed) as info:
        check(Project(root))
    return [e for e in info.value.diagnostics if e.is_error]


def at(root, text, line_text=None):
    """(file, line, column) of `text` in data/renstra.yaml, on the line holding `line_text` (or `text`)."""
    path = root / "data/renstra.yaml"
    line = line_of(path, line_text or text)
    return "data/renstra.yaml", line, path.read_text("utf-8").split("\n")[line - 1].index(text) + 1


def where(e):
    return e.loc.file, e.loc.line, e.loc.column


def test_a_category_renstra_target_is_shown_compared_and_measured(kota):
    result = check(Project(kota))
    assert not [d for d in result.diagnostics if d.code in ("target-lineage", "no-end-target")]
    table = result.catalog.table("renstra")
    assert table.cell("sakip", "target_renstra_2025").value.text() == "BB"
    assert table.cell("sakip", "target_renstra_2026").value.text() == "A"
    assert table.cell("sakip", "kondisi_akhir_target").value.text() == "A"
    assert table.cell("sakip", "data_awal").value.text() == "B"
    facts = {(f.tahun, f.nilai) for f in result.figures.need(TARGETS).facts
             if f.peran == "renstra" and f.indikator == "sakip"}
    assert facts == {(2025, "BB"), (2026, "A")}
    assert shown(result, "indikator.sakip.target_akhir") == "A"
    # realisasi 2025 A against the end target A: rank 6 / rank 6 (D = 1)
    assert result.figures.need(KINERJA)["sakip"].kemajuan == D(100)
    assert shown(result, "indikator.sakip.kemajuan") == "100%"


def test_tingkat_kemajuan_of_a_category_by_its_rank(kota):
    edit(kota / "data/renstra.yaml", "2026: {target: A}", "2026: {target: BB}")
    result = check(Project(kota))
    # realisasi A (rank 6) against the end target BB (rank 5): 6 / 5 x 100
    assert result.figures.need(KINERJA)["sakip"].kemajuan == D(120)
    assert shown(result, "indikator.sakip.kemajuan") == "120%"
    kemajuan = result.catalog.table("kemajuan_renstra")
    assert kemajuan.cell("sakip", "target_akhir").value.text() == "BB"


def test_a_category_renstra_target_unlike_the_pk_is_warned(kota):
    edit(kota / "data/renstra.yaml", "2025: {target: BB}", "2025: {target: A}")
    result = check(Project(kota))
    (w,) = [d for d in result.diagnostics if d.code == "target-lineage"]
    pk_line = line_of(kota / "data/perjanjian_kinerja.yaml", "{indikator: sakip, nilai: BB}")
    assert w.message == ("target sakip 2025 di Renstra 2021-2026 (A) berbeda dengan Perjanjian Kinerja Tahun 2025 "
                         f"(BB, data/perjanjian_kinerja.yaml:{pk_line})")
    assert (w.loc.file, w.loc.line) == ("data/renstra.yaml", line_of(kota / "data/renstra.yaml", "2025: {target: A}"))


def test_a_word_outside_the_scale_is_one_error_at_its_cell(kota):
    edit(kota / "data/renstra.yaml", "2025: {target: BB}", "2025: {target: BBB}")
    (e,) = errors(kota)
    assert e.message == "kategori 'BBB' tidak ada pada skala indikator sakip (AA, A, BB, B, CC, C, D)"
    assert e.hint == "tulis salah satu kategori skala itu, persis seperti di data/indikator.yaml"
    assert where(e) == at(kota, "BBB")


def test_the_end_condition_and_the_data_awal_follow_the_same_rule(kota):
    edit(kota / "data/renstra.yaml", "kondisi_akhir: {target: A}", "kondisi_akhir: {target: a}")
    edit(kota / "data/renstra.yaml", "data_awal: B", "data_awal: 3")
    found = sorted(errors(kota), key=lambda e: e.loc.line)
    assert [(e.message, where(e)) for e in found] == [
        ("indikator sakip berjenis kategori: diharapkan salah satu kategori AA, A, BB, B, CC, C, D, ditemukan angka 3",
         at(kota, "3", "data_awal: 3")),
        ("kategori 'a' tidak ada pada skala indikator sakip (AA, A, BB, B, CC, C, D)",
         at(kota, "a}", "kondisi_akhir: {target: a}"))]


def test_a_word_in_the_row_of_a_number_keeps_the_number_hint(kota):
    edit(kota / "data/renstra.yaml", '2025: {target: "84"}', "2025: {target: BB}")
    (e,) = errors(kota)
    assert e.message == ("diharapkan besaran (angka dengan satuan opsional, mis. '22 orang' atau '100%'), "
                         "ditemukan teks 'BB'")
    assert e.hint == ("tulis angka (titik desimal) lalu satuannya, mis. '81.5' atau '12 paket'; kata hanya untuk "
                      "indikator berjenis kategori, sedangkan ikm berjenis indeks")
    assert where(e) == at(kota, "BB}", "2025: {target: BB}, 2026: {target: \"86\"}")


def test_a_number_written_with_a_comma_is_still_refused_with_its_hint(kota):
    edit(kota / "data/renstra.yaml", '2025: {target: "84"}', '2025: {target: "84,5"}')
    (e,) = errors(kota)
    assert e.message == ("diharapkan besaran (angka dengan satuan opsional, mis. '22 orang' atau '100%'), "
                         "ditemukan teks '84,5'")
    assert e.hint == "YAML memakai titik sebagai pemisah desimal; tulis 84.5"


def test_a_row_without_an_indikator_prints_a_word_as_written(kota):
    edit(kota / "data/renstra.yaml", "target_tambahan:", """  - id: opini
    tingkat: tujuan
    indikator: Opini BPK
    target: {renstra: {2025: {target: WTP}}}
target_tambahan:""")
    result = check(Project(kota))
    assert result.catalog.table("renstra").cell("opini", "target_renstra_2025").value.text() == "WTP"


def test_an_extra_renstra_target_follows_the_same_rule(kota):
    edit(kota / "data/renstra.yaml", "{indikator: serapan, versi: renstra, tahun: 2026, nilai: 97}",
         "{indikator: serapan, versi: renstra, tahun: 2026, nilai: BB}")
    (e,) = errors(kota)
    assert e.message == "diharapkan angka, ditemukan teks 'BB'"
    assert e.hint == ("tulis angka (titik desimal), mis. '81.5'; kata hanya untuk indikator berjenis kategori, "
                      "sedangkan serapan berjenis persen")
    assert where(e) == at(kota, "BB}", "nilai: BB}")


RENJA = """judul: Renja Kecamatan Sukamulya 2025
baris:
  - id: penunjang-sakip
    tingkat: program
    program: penunjang
    indikator_kinerja: sakip
    uraian: Program Penunjang Urusan Pemerintahan Daerah Kota
    indikator: Predikat SAKIP Kecamatan
    target: BB
    pagu: 1500000000
"""


def test_a_category_renja_target(kota):
    write(kota, {"data/renja.yaml": RENJA})
    result = check(Project(kota))
    assert shown(result, "renja.penunjang-sakip.target") == "BB"
    assert result.catalog.table("renja").cell("penunjang-sakip", "target").value.text() == "BB"
    (fact,) = [f for f in result.figures.need(TARGETS).facts if f.peran == "renja"]
    assert (fact.indikator, fact.tahun, fact.nilai) == ("sakip", 2025, "BB")
    assert not [d for d in result.diagnostics if d.code == "target-lineage"]
    edit(kota / "data/renja.yaml", "target: BB", "target: AAA")
    (e,) = errors(kota)
    assert e.message == "kategori 'AAA' tidak ada pada skala indikator sakip (AA, A, BB, B, CC, C, D)"
    assert where(e) == ("data/renja.yaml", 9, 13)
