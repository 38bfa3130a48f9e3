"""The budget at its three levels (program -> kegiatan -> sub-kegiatan, Permendagri 90/2019) on a
small report of its own, with every figure computed by hand, and the mistakes an author can make
in placing a row, each one message at its file, line and column."""
import pytest

from lkjip.diagnostics import BuildFailed
from lkjip.domain.anggaran import ANGGARAN_FIGURE
from lkjip.domain.efisiensi import EFISIENSI_FIGURE
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit, line_of, shown, write

# One program with two kegiatan of two sub-kegiatan each, and one program in the older two-level
# form (sub-kegiatan straight under the program), which keeps working beside it.
#   administrasi: pagu 10.000.000 + 5.000.000 = 15.000.000; realisasi (6.000.000 + 1.500.000) +
#     (4.000.000 + 1.000.000) = 12.500.000; sisa 2.500.000; serapan 83,33%
#   pengaduan: pagu 8.000.000 + 2.000.000 = 10.000.000; realisasi 7.800.000 + 1.000.000 = 8.800.000;
#     sisa 1.200.000; serapan 88%
#   pelayanan: pagu 25.000.000; realisasi 21.300.000; sisa 3.700.000; serapan 85,20%
#   penunjang: pagu 5.000.000; realisasi 5.000.000; sisa 0; serapan 100%
#   jumlah: pagu 30.000.000; realisasi 26.300.000; sisa 3.700.000; serapan 87,67% (87,666..)
ANGGARAN = """periode: 2025-12-31
program:
  - {id: penunjang, kode: "7.01.01", nama: Program Penunjang}
  - {id: pelayanan, kode: "7.01.02", nama: Program Pelayanan, sasaran: Meningkatnya budaya baca masyarakat}
kegiatan:
  - {id: administrasi, kode: "7.01.02.2.01", nama: Administrasi Layanan, pengampu: Kasi Layanan}
  - {id: pengaduan, kode: "7.01.02.2.02", nama: Pengelolaan Pengaduan}
sub_kegiatan:
  - {kode: "7.01.01.2.01.01", uraian: Gaji, anggaran: 5000000, kontrak: 0, sd_bulan_lalu: 4500000, bulan_ini: 500000}
  - {kode: "7.01.02.2.01.01", uraian: Perizinan, anggaran: 10000000, kontrak: 1000000, sd_bulan_lalu: 6000000, bulan_ini: 1500000}
  - {kode: "7.01.02.2.01.02", uraian: Nonperizinan, anggaran: 5000000, kontrak: 0, sd_bulan_lalu: 4000000, bulan_ini: 1000000}
  - {kode: "7.01.02.2.02.01", uraian: Layanan Pengaduan, anggaran: 8000000, kontrak: 0, sd_bulan_lalu: 7000000, bulan_ini: 800000}
  - {kode: "7.01.02.2.02.02", uraian: Survei Kepuasan, anggaran: 2000000, kontrak: 0, sd_bulan_lalu: 1000000, bulan_ini: 0}
"""

# capaian: layanan_tepat_waktu 92 / 90 = 102,222..%; pembinaan 10 / 12 = 83,333..%
#   layanan_tepat_waktu: administrasi + penunjang: 17.500.000 / 20.000.000 = 87,5%; 102,22 - 87,5 = 14,72
#   pembinaan: pengaduan 88%; 83,33 - 88 = -4,67
EFISIENSI = """rumus: capaian_dikurangi_serapan
baris:
  - {indikator: layanan_tepat_waktu, anggaran: [administrasi, penunjang]}
  - {indikator: pembinaan, anggaran: pengaduan}
"""

KEYS = ("Serapan kegiatan administrasi {{ kegiatan.administrasi.serapan }} dari pagu "
        "{{ kegiatan.administrasi.pagu }}, sisa {{ kegiatan.administrasi.sisa }}.")


def with_budget(root, anggaran=ANGGARAN, efisiensi=None, keys=KEYS):
    files = {"data/anggaran.yaml": anggaran}
    if efisiensi:
        files["data/efisiensi.yaml"] = efisiensi
    write(root, files)
    edit(root / "content/03-bab-3-akuntabilitas-kinerja.md", "Realisasi anggaran disajikan dalam Laporan Keuangan dinas.",
         "{{ tabel: realisasi_anggaran }}\n\n" + keys)
    return root


def errors(root):
    with pytest.raises(BuildFailed) as info:
        check(Project(root))
    return [(e.loc.file, e.loc.line, e.loc.column, e.message, e.hint) for e in info.value.diagnostics if e.is_error]


def only_error(root):
    found = errors(root)
    assert len(found) == 1, found
    return found[0]


def test_totals_per_kegiatan_program_and_dpa(minimal):
    result = check(Project(with_budget(minimal)))
    budget = result.figures.need(ANGGARAN_FIGURE)
    assert {k: (b.pagu, b.realisasi, b.sisa, b.program) for k, b in budget.kegiatan.items()} == {
        "administrasi": (15000000, 12500000, 2500000, "pelayanan"),
        "pengaduan": (10000000, 8800000, 1200000, "pelayanan")}
    assert (budget.program["pelayanan"].pagu, budget.program["pelayanan"].realisasi) == (25000000, 21300000)
    assert (budget.program["penunjang"].pagu, budget.program["penunjang"].realisasi) == (5000000, 5000000)
    assert (budget.total.pagu, budget.total.realisasi, budget.total.sisa) == (30000000, 26300000, 3700000)
    assert [s.kegiatan for s in budget.sub_kegiatan] == ["", "administrasi", "administrasi", "pengaduan", "pengaduan"]
    assert shown(result, "kegiatan.administrasi.pagu") == "Rp15.000.000"
    assert shown(result, "kegiatan.administrasi.realisasi") == "Rp12.500.000"
    assert shown(result, "kegiatan.administrasi.sisa") == "Rp2.500.000"
    assert shown(result, "kegiatan.administrasi.serapan") == "83,33%"
    assert shown(result, "kegiatan.pengaduan.serapan") == "88%"
    assert shown(result, "kegiatan.administrasi.nama") == "Administrasi Layanan"
    assert shown(result, "kegiatan.administrasi.pengampu") == "Kasi Layanan"
    assert shown(result, "anggaran.jumlah_kegiatan") == "2"
    assert shown(result, "program.pelayanan.serapan") == "85,20%"
    assert shown(result, "program.pelayanan.sisa") == "Rp3.700.000"
    assert shown(result, "anggaran.serapan") == "87,67%"
    assert not [d for d in result.diagnostics if d.loc.file == "data/anggaran.yaml"]


def test_the_realisasi_table_shows_the_three_levels(minimal):
    table = check(Project(with_budget(minimal))).catalog.table("realisasi_anggaran")
    assert [(r.id, r.kind) for r in table.rows] == [
        ("7.01.01", "jumlah"), ("7.01.01.2.01.01", "data"),
        ("7.01.02", "jumlah"),
        ("7.01.02.2.01", "jumlah"), ("7.01.02.2.01.01", "data"), ("7.01.02.2.01.02", "data"),
        ("7.01.02.2.02", "jumlah"), ("7.01.02.2.02.01", "data"), ("7.01.02.2.02.02", "data"),
        ("jumlah", "jumlah")]

    def row(id):
        return [table.cell(id, k).value.text() for k in ("kode", "uraian", "anggaran", "kontrak", "sd_bulan_lalu",
                                                         "bulan_ini", "realisasi", "sisa", "serapan")]
    assert row("7.01.02.2.01") == ["7.01.02.2.01", "Administrasi Layanan", "Rp15.000.000", "Rp1.000.000",
                                   "Rp10.000.000", "Rp2.500.000", "Rp12.500.000", "Rp2.500.000", "83,33%"]
    assert row("7.01.02.2.02") == ["7.01.02.2.02", "Pengelolaan Pengaduan", "Rp10.000.000", "Rp0", "Rp8.000.000",
                                   "Rp800.000", "Rp8.800.000", "Rp1.200.000", "88%"]
    assert row("7.01.02")[2:] == ["Rp25.000.000", "Rp1.000.000", "Rp18.000.000", "Rp3.300.000", "Rp21.300.000",
                                  "Rp3.700.000", "85,20%"]
    assert row("jumlah")[2:] == ["Rp30.000.000", "Rp1.000.000", "Rp22.500.000", "Rp3.800.000", "Rp26.300.000",
                                 "Rp3.700.000", "87,67%"]
    assert "baris kegiatan jumlah sub-kegiatannya" in table.notes[0]


def test_a_printed_kegiatan_total_that_its_sub_kegiatan_do_not_make_is_a_warning_naming_the_row(minimal):
    text = ANGGARAN + 'tercetak:\n  realisasi_anggaran:\n    "7.01.02.2.02": {anggaran: 10500000, realisasi: 8800000}\n'
    result = check(Project(with_budget(minimal, text)))
    found = [d for d in result.diagnostics if d.loc.file == "data/anggaran.yaml"]
    assert [(d.severity, d.loc.line, d.message) for d in found] == [
        ("peringatan", line_of(minimal / "data/anggaran.yaml", "10500000"),
         "tabel 'Realisasi Anggaran', baris '7.01.02.2.02', kolom 'Anggaran': tercetak 10.500.000, dihitung 10.000.000")]


def test_kegiatan_named_by_id_without_codes_and_a_kegiatan_reported_without_sub_kegiatan(minimal):
    """An office that writes no kegiatan code names the parents instead; a kegiatan reported only as
    a whole types its own pagu and realisasi."""
    text = """program:
  - {id: pelayanan, kode: "7.01.02", nama: Program Pelayanan}
kegiatan:
  - {id: administrasi, program: pelayanan, nama: Administrasi Layanan}
  - {id: pengaduan, program: pelayanan, nama: Pengelolaan Pengaduan, pagu: 4000000, realisasi: 3000000}
sub_kegiatan:
  - {kode: "7.01.02.2.01.01", kegiatan: administrasi, uraian: Perizinan, anggaran: 6000000, realisasi: 6000000}
"""
    result = check(Project(with_budget(minimal, text, keys="{{ kegiatan.pengaduan.serapan }}")))
    budget = result.figures.need(ANGGARAN_FIGURE)
    assert shown(result, "kegiatan.pengaduan.serapan") == "75%"
    assert (budget.kegiatan["pengaduan"].pagu, budget.kegiatan["pengaduan"].realisasi) == (4000000, 3000000)
    assert (budget.program["pelayanan"].pagu, budget.program["pelayanan"].realisasi) == (10000000, 9000000)
    table = result.catalog.table("realisasi_anggaran")
    assert [r.id for r in table.rows] == ["7.01.02", "administrasi", "7.01.02.2.01.01", "pengaduan", "jumlah"]
    assert table.cell("administrasi", "kode").value.is_empty


def test_efisiensi_may_name_kegiatan(minimal):
    result = check(Project(with_budget(minimal, efisiensi=EFISIENSI)))
    rows = {r.indikator: r for r in result.figures.need(EFISIENSI_FIGURE).rows}
    assert rows["layanan_tepat_waktu"].serapan == 87.5
    assert rows["pembinaan"].serapan == 88
    table = result.catalog.table("efisiensi")
    assert table.cell("layanan_tepat_waktu", "efisiensi").value.text() == "14,72%"
    assert table.cell("pembinaan", "efisiensi").value.text() == "-4,67%"


def test_a_file_without_kegiatan_keeps_its_two_levels_and_its_note(minimal):
    text = "\n".join(line for line in ANGGARAN.split("\n") if not line.startswith(("kegiatan:", "  - {id: a",
                                                                                   "  - {id: pengaduan")))
    table = check(Project(with_budget(minimal, text, keys=""))).catalog.table("realisasi_anggaran")
    assert [r.id for r in table.rows][:4] == ["7.01.01", "7.01.01.2.01.01", "7.01.02", "7.01.02.2.01.01"]
    assert "Baris program adalah jumlah sub-kegiatan yang kode rekeningnya diawali kode program" in table.notes[0]


def at(root, text):
    """(file, line, column) of the value `text` in data/anggaran.yaml."""
    line = line_of(root / "data/anggaran.yaml", text)
    return "data/anggaran.yaml", line, (root / "data/anggaran.yaml").read_text("utf-8").split("\n")[line - 1].index(
        text) + 1


def test_a_kegiatan_under_an_unknown_program_by_its_code(minimal):
    with_budget(minimal, ANGGARAN.replace('kode: "7.01.02.2.02", nama', 'kode: "7.09.02.2.02", nama'))
    found = errors(minimal)
    # its sub-kegiatan then belong to no kegiatan of their program: said once each
    assert found[0] == (*at(minimal, '"7.09.02.2.02"'), "kode kegiatan '7.09.02.2.02' tidak termasuk program mana pun",
                        "kode harus diawali kode program: 7.01.01, 7.01.02")
    assert [m for *_, m, _ in found[1:]] == [
        "program 'pelayanan' dirinci per kegiatan, tetapi sub-kegiatan '7.01.02.2.02.01' tidak termasuk kegiatan mana pun",
        "program 'pelayanan' dirinci per kegiatan, tetapi sub-kegiatan '7.01.02.2.02.02' tidak termasuk kegiatan mana pun"]


def test_a_kegiatan_under_an_unknown_program_by_its_id(minimal):
    with_budget(minimal, ANGGARAN.replace("{id: pengaduan, kode: \"7.01.02.2.02\",", "{id: pengaduan, program: pelayan,"))
    assert only_error(minimal) == (*at(minimal, "pelayan,"), "program 'pelayan' tidak didefinisikan di data/anggaran.yaml",
                                   "maksud Anda 'pelayanan'?")


def test_a_kegiatan_whose_program_and_code_disagree(minimal):
    with_budget(minimal, ANGGARAN.replace('kode: "7.01.02.2.02", nama', 'kode: "7.01.02.2.02", program: penunjang, nama'))
    assert only_error(minimal) == (*at(minimal, "penunjang, nama"),
                                   "kegiatan 'pengaduan' disebut termasuk program 'penunjang', tetapi kodenya "
                                   "'7.01.02.2.02' termasuk program 'pelayanan' (7.01.02)",
                                   "samakan 'program' dengan kodenya, atau hapus 'program'")


def test_a_sub_kegiatan_whose_code_does_not_start_with_its_kegiatan_code(minimal):
    with_budget(minimal, ANGGARAN.replace('{kode: "7.01.02.2.02.02", uraian', '{kode: "7.01.02.2.03.02", kegiatan: pengaduan, uraian'))
    assert only_error(minimal) == (*at(minimal, '"7.01.02.2.03.02"'),
                                   "kode sub-kegiatan '7.01.02.2.03.02' tidak diawali kode kegiatannya '7.01.02.2.02' "
                                   "(kegiatan 'pengaduan')", "perbaiki kodenya, atau sebut kegiatan lain pada 'kegiatan'")


def test_a_sub_kegiatan_of_a_program_divided_into_kegiatan_outside_all_of_them(minimal):
    with_budget(minimal, ANGGARAN.replace('{kode: "7.01.02.2.02.02"', '{kode: "7.01.02.2.03.02"'))
    assert only_error(minimal) == (*at(minimal, '"7.01.02.2.03.02"'),
                                   "program 'pelayanan' dirinci per kegiatan, tetapi sub-kegiatan '7.01.02.2.03.02' "
                                   "tidak termasuk kegiatan mana pun",
                                   "tulis 'kegiatan: <pengenal>' atau kode yang diawali kode kegiatannya; kegiatan "
                                   "program ini: administrasi (7.01.02.2.01), pengaduan (7.01.02.2.02)")


def test_a_kegiatan_within_a_kegiatan_is_not_supported(minimal):
    with_budget(minimal, ANGGARAN.replace('kode: "7.01.02.2.02", nama', 'kode: "7.01.02.2.01.09", nama'))
    file, line, column, message, hint = errors(minimal)[0]
    assert (file, line) == ("data/anggaran.yaml", line_of(minimal / "data/anggaran.yaml", "7.01.02.2.01.09"))
    assert message == ("kode kegiatan '7.01.02.2.01.09' diawali kode kegiatan lain '7.01.02.2.01' (administrasi): "
                       "kegiatan di dalam kegiatan tidak didukung")


def test_a_kegiatan_without_code_or_program(minimal):
    with_budget(minimal, ANGGARAN.replace('{id: pengaduan, kode: "7.01.02.2.02", nama', "{id: pengaduan, nama"))
    file, line, column, message, hint = errors(minimal)[0]
    assert (file, line, message) == ("data/anggaran.yaml", line_of(minimal / "data/anggaran.yaml", "id: pengaduan"),
                                     "kegiatan 'pengaduan' tidak menyebut programnya")


@pytest.mark.parametrize("old, new, message", [
    ("nama: Pengelolaan Pengaduan}", "nama: Pengelolaan Pengaduan, pagu: 10000000}",
     "pagu dan realisasi kegiatan 'pengaduan' dihitung dari sub-kegiatannya"),
    ("nama: Program Pelayanan,", "nama: Program Pelayanan, pagu: 25000000, realisasi: 21300000,",
     "pagu dan realisasi program 'pelayanan' dihitung dari kegiatannya"),
    ("{id: pengaduan,", "{id: penunjang,", "pengenal kegiatan 'penunjang' sudah dipakai oleh sebuah program"),
    ('kode: "7.01.02", nama', 'kode: "7.01.01", nama', "kode program '7.01.01' sudah dipakai oleh program 'penunjang'"),
    ('kode: "7.01.02", nama', 'kode: "7.01.01.2", nama', "kode program '7.01.01.2' diawali kode program lain '7.01.01' "
                                                         "(penunjang): program di dalam program tidak didukung"),
    ('kode: "7.01.02.2.02", nama', 'kode: "7.01.02.2.01", nama',
     "kode kegiatan '7.01.02.2.01' sudah dipakai oleh kegiatan 'administrasi'"),
])
def test_figures_typed_where_they_are_summed_and_codes_or_ids_shared(minimal, old, new, message):
    with_budget(minimal, ANGGARAN.replace(old, new))
    assert message in [m for *_, m, _ in errors(minimal)]


@pytest.mark.parametrize("anggaran, item, message", [
    ("[pelayanan, pengaduan]", "pengaduan]", "kegiatan 'pengaduan' termasuk program 'pelayanan', yang juga disebut: "
                                             "anggarannya akan terhitung dua kali"),
    ("[pengaduan, pengaduan]", "pengaduan]", "anggaran 'pengaduan' disebut dua kali"),
    ("[pengaduann]", "pengaduann", "anggaran 'pengaduann' tidak dikenal"),
])
def test_efisiensi_lines_that_would_count_money_twice_or_name_nothing(minimal, anggaran, item, message):
    """Each message points at the list item it is about."""
    with_budget(minimal, efisiensi=EFISIENSI.replace("anggaran: pengaduan}", f"anggaran: {anggaran}}}"))
    (file, line, column, found, hint), = errors(minimal)
    text = (minimal / "data/efisiensi.yaml").read_text("utf-8").split("\n")
    assert (file, line, found) == ("data/efisiensi.yaml", line_of(minimal / "data/efisiensi.yaml", anggaran), message)
    assert column == text[line - 1].index(item) + 1


def test_a_kegiatan_serapan_as_the_realisasi_of_an_indikator(minimal):
    with_budget(minimal)
    edit(minimal / "data/indikator.yaml", "realisasi: {2025: 92}", "realisasi: {2025: {dihitung: kegiatan.pengaduan.serapan}}")
    result = check(Project(minimal))
    assert shown(result, "indikator.layanan_tepat_waktu.realisasi") == "88%"
    edit(minimal / "data/indikator.yaml", "kegiatan.pengaduan.serapan", "kegiatan.pengaduann.serapan")
    assert "nilai 'kegiatan.pengaduann.serapan' tidak didefinisikan" in only_error(minimal)[3]
