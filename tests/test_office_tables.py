"""Tables an office defines in YAML: typed columns, computed columns and rows, validation, printed
figures, Markdown placement, and a table cell as an indikator's realisasi."""
import pytest

from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit, shown, write

TABLE = """nomor: "3.9"
judul: Capaian Layanan per Bidang
kolom:
  - {id: bidang, judul: Bidang, jenis: teks}
  - {id: target, judul: Target, jenis: angka, kelompok: Layanan}
  - {id: realisasi, judul: Realisasi, jenis: angka, kelompok: Layanan}
  - {id: selisih, judul: Selisih, jenis: angka, rumus: selisih, dari: [realisasi, target]}
  - {id: capaian, judul: Capaian, jenis: persen, rumus: capaian, dari: [realisasi, target]}
  - {id: keluhan, judul: Keluhan, jenis: angka}
  - {id: keluhan_capaian, judul: Capaian Keluhan, jenis: persen, rumus: capaian, dari: [keluhan, target], arah: turun}
  - {id: biaya, judul: Biaya, jenis: rupiah}
baris:
  - {id: layanan, bidang: Layanan, target: 200, realisasi: 230, keluhan: 20, biaya: 1500000}
  - {id: arsip, bidang: Arsip, target: 100, realisasi: 80, keluhan: 5, biaya: 500000, tercetak: {capaian: 80.5}}
baris_hitung:
  - {id: jumlah, label: Jumlah, cara: jumlah}
  - {id: rata_rata, label: Rata-rata, cara: rata_rata}
"""


def with_table(root, text=TABLE, place=True):
    write(root, {"data/tabel/layanan_bidang.yaml": text})
    if place:
        edit(root / "content/03-bab-3-akuntabilitas-kinerja.md", "## B. Realisasi Anggaran",
             "{{ tabel: layanan_bidang }}\n\nJumlah realisasi {{ tabel.layanan_bidang.jumlah.realisasi }}.\n\n"
             "## B. Realisasi Anggaran")
    return root


def errors(root):
    with pytest.raises(BuildFailed) as info:
        check(Project(root))
    return [(e.loc.line, e.message) for e in info.value.diagnostics if e.is_error]


def test_computed_columns_and_rows(minimal):
    result = check(Project(with_table(minimal)))
    table = result.catalog.table("layanan_bidang")
    assert table.caption == "Tabel 3.9 Capaian Layanan per Bidang"
    assert [c.key for c in table.columns][:3] == ["bidang", "target", "realisasi"]
    assert table.cell("layanan", "selisih").value.text() == "30"
    assert table.cell("layanan", "capaian").value.text() == "115%"                    # 230 / 200
    assert table.cell("arsip", "keluhan_capaian").value.text() == "195%"              # (2 x 100 - 5) / 100
    assert table.cell("jumlah", "bidang").value.text() == "Jumlah"
    assert table.cell("jumlah", "realisasi").value.text() == "310"
    assert table.cell("jumlah", "capaian").value.text() == "103,33%"                  # 310 / 300, not a sum
    assert table.cell("jumlah", "biaya").value.text() == "Rp2.000.000"
    assert table.cell("rata_rata", "target").value.text() == "150"
    assert table.cell("rata_rata", "capaian").value.text() == "97,50%"                # mean of 115 and 80
    assert shown(result, "tabel.layanan_bidang.jumlah.realisasi") == "310"


def test_header_groups_and_printed_figures(minimal):
    result = check(Project(with_table(minimal)))
    assert [h.label for h in result.catalog.table("layanan_bidang").head()[0]][:3] == ["Bidang", "Layanan", "Selisih"]
    (w,) = [d for d in result.diagnostics if d.code == "printed-mismatch"]
    assert w.message == ("Tabel 3.9 Capaian Layanan per Bidang, baris 'arsip', kolom 'Capaian': tercetak 80,5, "
                         "dihitung 80")
    assert w.loc.file == "data/tabel/layanan_bidang.yaml" and w.loc.line == 14


def test_a_table_cell_as_the_realisasi_of_an_indikator(minimal):
    with_table(minimal, place=False)
    edit(minimal / "data/indikator.yaml", "realisasi: {2025: 10}",
         "realisasi: {2025: {dihitung: tabel.layanan_bidang.jumlah.selisih}}")
    assert shown(check(Project(minimal)), "indikator.pembinaan.realisasi") == "10 kegiatan"   # 310 - 300


@pytest.mark.parametrize("old, new, expected", [
    ("realisasi: 230,", "realisasi: 230, jumlahh: 3,", (13, "kolom 'jumlahh' tidak ada di tabel ini")),
    ("realisasi: 230,", "realisasi: 230, selisih: 30,", (13, "kolom 'selisih' dihitung dengan rumus selisih; jangan diisi")),
    ("realisasi: 230,", "realisasi: tinggi,", (13, "diharapkan angka, ditemukan teks 'tinggi'")),
    ("dari: [realisasi, target]}\n  - {id: capaian", "dari: [realisasi, sasaran]}\n  - {id: capaian",
     (7, "kolom 'sasaran' tidak ada sebelum kolom 'selisih' atau bukan kolom angka")),
    ("rumus: selisih, dari: [realisasi, target]", "rumus: selisih, dari: [realisasi]",
     (7, "rumus 'selisih' memerlukan dua kolom di 'dari'")),
    ("  - {id: arsip,", "  - {id: layanan,", (14, "id 'layanan' sudah dipakai")),
    ("  - {id: arsip,", "  - {", (14, "baris tanpa 'id'")),
])
def test_mistakes_in_an_office_table(minimal, old, new, expected):
    with_table(minimal, TABLE.replace(old, new, 1))
    assert expected in errors(minimal)


def test_an_office_table_may_not_take_a_built_in_id(minimal):
    write(minimal, {"data/tabel/capaian.yaml": TABLE})
    with pytest.raises(BuildFailed) as info:
        check(Project(minimal))
    (e,) = info.value.diagnostics
    assert (e.loc.file, e.code) == ("data/tabel/capaian.yaml", "table-id-taken")
    assert e.message == "pengenal tabel 'capaian' sudah dipakai tabel lain (Pencapaian Kinerja)"
