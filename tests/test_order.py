"""Tables keep the order the data gives: rows are the author's, never re-sorted by the compiler."""
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit


def row_ids(result, table):
    return [r.id for r in result.catalog.table(table).rows]


def test_indikator_rows_follow_the_data_even_across_sasaran(minimal):
    edit(minimal / "data/indikator.yaml", "  - {id: literasi, nomor: 1, nama: Meningkatnya budaya baca masyarakat}",
         "  - {id: literasi, nomor: 1, nama: Meningkatnya budaya baca masyarakat}\n"
         "  - {id: arsip, nomor: 2, nama: Tertibnya arsip}")
    edit(minimal / "data/indikator.yaml", "  - id: pembinaan\n    sasaran: literasi", "  - id: pembinaan\n    sasaran: arsip")
    text = (minimal / "data/indikator.yaml").read_text("utf-8")
    first, second = text.split("  - id: pembinaan")
    reordered = first.replace("indikator:\n", "indikator:\n  - id: pembinaan" + second.rstrip("\n") + "\n", 1)
    (minimal / "data/indikator.yaml").write_text(reordered, "utf-8")
    result = check(Project(minimal))
    assert row_ids(result, "capaian") == ["pembinaan", "layanan_tepat_waktu"]
    assert row_ids(result, "pk") == ["pembinaan", "layanan_tepat_waktu"]
    sasaran_cells = [r.cells[1].value.text() for r in result.catalog.table("capaian").rows]
    assert sasaran_cells == ["Tertibnya arsip", "Meningkatnya budaya baca masyarakat"]


def test_a_scale_written_from_the_lowest_band_is_shown_as_written(minimal):
    (minimal / "data/skala.yaml").write_text("""predikat:
  nama: Skala dari bawah
  dasar: Peraturan Bupati Contoh Nomor 1 Tahun 2025
  tingkat:
    - {min: 0, predikat: Kurang}
    - {min: 90, predikat: Baik}
""", "utf-8")
    result = check(Project(minimal))
    table = result.catalog.table("predikat_skala")
    assert [r.cells[0].value.text() for r in table.rows] == ["0% s.d. < 90%", "≥ 90%"]
    assert result.catalog.keys["indikator.pembinaan.predikat"].text() == "Kurang"          # 10 / 12 = 83,33%
    assert result.catalog.keys["indikator.layanan_tepat_waktu.predikat"].text() == "Baik"  # 92 / 90 = 102,22%
