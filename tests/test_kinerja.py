"""Kinerja on small reports of its own: which Perjanjian Kinerja counts, indikator of every kind,
histories of any length, averages, and what is said when a document is missing."""
from decimal import Decimal as D

import pytest

from lkjip.diagnostics import BuildFailed, format_diagnostic
from lkjip.domain.kinerja.averages import AVERAGES
from lkjip.domain.kinerja.figures import KINERJA, as_number, trend
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit, line_of, shown, write

PK = """dokumen:
{docs}"""
DOC = """  - id: {id}
    judul: {judul}
    tahun: {tahun}
    tanggal: {tanggal}
    pihak_pertama: kepala
    pihak_kedua: bupati
    target:
      - {{indikator: layanan_tepat_waktu, nilai: {a}}}
      - {{indikator: pembinaan, nilai: {b}}}
"""


def perjanjian(*docs):
    """(id, judul, tahun, tanggal, target layanan_tepat_waktu, target pembinaan) per document."""
    keys = ("id", "judul", "tahun", "tanggal", "a", "b")
    return PK.format(docs="".join(DOC.format(**dict(zip(keys, d, strict=True))) for d in docs))


def place_table(root, old, new):
    for name in ("02-bab-2-perencanaan-kinerja.md", "10-lampiran-perjanjian-kinerja.md"):
        edit(root / "content" / name, f"{{{{ tabel: {old} }}}}", f"{{{{ tabel: {new} }}}}")


def errors(root):
    with pytest.raises(BuildFailed) as info:
        check(Project(root))
    return [d for d in info.value.diagnostics if d.is_error]


def test_the_latest_perjanjian_of_the_year_counts_whatever_its_id(minimal):
    write(minimal, {"data/perjanjian_kinerja.yaml": perjanjian(
        ("pk_awal", "PK 2025", 2025, "2025-01-20", 90, 12),
        ("perubahan_kedua", "PK Perubahan II 2025", 2025, "2025-10-01", 95, 8),
        ("perubahan_satu", "PK Perubahan I 2025", 2025, "2025-06-01", 92, 10))})
    place_table(minimal, "pk", "perubahan_kedua")
    result = check(Project(minimal))
    t = result.figures.need(KINERJA)["pembinaan"].kini.target
    assert (t.dokumen, t.nilai) == ("perubahan_kedua", 8)
    assert shown(result, "indikator.pembinaan.capaian") == "125%"               # 10 / 8
    assert shown(result, "dokumen.pk_berlaku.judul") == "PK Perubahan II 2025"


def test_an_earlier_years_perjanjian_sets_that_years_target(minimal):
    write(minimal, {"data/perjanjian_kinerja.yaml": perjanjian(
        ("pk_2024", "PK 2024", 2024, "2024-01-15", 80, 10),
        ("pk", "PK 2025", 2025, "2025-01-20", 90, 12))})
    edit(minimal / "data/indikator.yaml", "realisasi: {2025: 92}", "realisasi: {2023: 70, 2024: 88, 2025: 92}")
    result = check(Project(minimal))
    assert shown(result, "indikator.layanan_tepat_waktu.target_2024") == "80%"
    assert shown(result, "indikator.layanan_tepat_waktu.capaian_2024") == "110%"        # 88 / 80
    assert shown(result, "indikator.layanan_tepat_waktu.capaian_2023") == "tidak dapat dihitung"
    assert shown(result, "indikator.layanan_tepat_waktu.tren_2024") == "naik"
    assert shown(result, "indikator.layanan_tepat_waktu.perubahan") == "4%"             # 92 - 88


def test_a_history_target_that_disagrees_with_that_years_perjanjian_is_warned(minimal):
    write(minimal, {"data/perjanjian_kinerja.yaml": perjanjian(
        ("pk_2024", "PK 2024", 2024, "2024-01-15", 80, 10),
        ("pk", "PK 2025", 2025, "2025-01-20", 90, 12))})
    edit(minimal / "data/indikator.yaml", "    jenis: persen\n", "    jenis: persen\n    target: {2024: 85}\n")
    result = check(Project(minimal))
    (w,) = [d for d in result.diagnostics if d.code == "target-lineage"]
    assert w.message.startswith("target layanan_tepat_waktu 2024 di target 2024 pada data indikator (85) berbeda "
                                "dengan PK 2024 (80,")


def test_a_percentage_from_numerator_and_denominator_is_checked(minimal):
    edit(minimal / "data/indikator.yaml", "realisasi: {2025: 92}", "realisasi: {2025: {pembilang: 46, penyebut: 50}}")
    assert shown(check(Project(minimal)), "indikator.layanan_tepat_waktu.realisasi") == "92%"
    edit(minimal / "data/indikator.yaml", "{pembilang: 46, penyebut: 50}", "{pembilang: 46, penyebut: 0}")
    assert [e.message for e in errors(minimal)] == ["penyebut tidak boleh 0"]
    edit(minimal / "data/indikator.yaml", "{pembilang: 46, penyebut: 0}", "{pembilang: 46, nilai: 92}")
    assert [e.message for e in errors(minimal)] == [
        "'pembilang' dan 'penyebut' harus ditulis keduanya",
        "realisasi 2025 harus berupa salah satu: 'nilai', 'pembilang' dan 'penyebut', atau 'dihitung'"]


def test_a_category_indikator_validated_against_its_scale(minimal):
    text = (minimal / "data/indikator.yaml").read_text("utf-8") + """  - id: sakip
    sasaran: literasi
    nama: Predikat SAKIP
    jenis: kategori
    arah: naik
    kategori: {urutan: [AA, A, BB, B, CC, C, D], capaian: nilai, nilai: {AA: 95, A: 85, BB: 75, B: 65, CC: 55, C: 40, D: 20}}
    realisasi: {2024: B, 2025: BB}
"""
    write(minimal, {"data/indikator.yaml": text})
    edit(minimal / "data/perjanjian_kinerja.yaml", "      - {indikator: pembinaan, nilai: 12}",
         "      - {indikator: pembinaan, nilai: 12}\n      - {indikator: sakip, nilai: A}")
    result = check(Project(minimal))
    assert shown(result, "indikator.sakip.capaian") == "88,24%"                # 75 / 85 by the declared values
    assert shown(result, "indikator.sakip.tren") == "naik"                     # B to BB
    assert shown(result, "indikator.sakip.perubahan") == "tidak dapat dihitung"
    edit(minimal / "data/perjanjian_kinerja.yaml", "{indikator: sakip, nilai: A}", "{indikator: sakip, nilai: 81}")
    edit(minimal / "data/indikator.yaml", "{2024: B, 2025: BB}", "{2024: B, 2025: AAA}")
    assert sorted(e.message for e in errors(minimal)) == [
        "realisasi 2025 sakip: diharapkan salah satu kategori AA, A, BB, B, CC, C, D, ditemukan 'AAA'",
        "target pk sakip: diharapkan salah satu kategori AA, A, BB, B, CC, C, D, ditemukan '81'"]


def test_category_rank_and_trend_helpers():
    from lkjip.domain.kinerja.model import Indikator, Kategori
    ind = Indikator(id="s", sasaran="x", nama="s", jenis="kategori", arah="naik",
                    kategori=Kategori(urutan=("AA", "A", "BB", "B"), capaian="peringkat"))
    assert [as_number(g, ind) for g in ("AA", "A", "BB", "B", "X")] == [D(4), D(3), D(2), D(1), None]
    assert trend(D("91.333"), D("91.329"), 2) == "tetap"          # equal as shown, so tetap
    assert trend(D("91.336"), D("91.333"), 2) == "naik"
    assert trend(None, D(1), 2) is None


def test_averages_by_indikator_or_by_sasaran(minimal):
    text = (minimal / "data/indikator.yaml").read_text("utf-8")
    text = text.replace("sasaran:\n  - {id: literasi, nomor: 1, nama: Meningkatnya budaya baca masyarakat}\n",
                        "sasaran:\n  - {id: literasi, nomor: 1, nama: Meningkatnya budaya baca masyarakat}\n"
                        "  - {id: arsip, nomor: 2, nama: Tertibnya arsip}\n")
    text += """  - id: arsip_tertata
    sasaran: arsip
    nama: Persentase arsip tertata
    jenis: persen
    arah: naik
    realisasi: {2025: 60}
"""
    write(minimal, {"data/indikator.yaml": text})
    edit(minimal / "data/perjanjian_kinerja.yaml", "      - {indikator: pembinaan, nilai: 12}",
         "      - {indikator: pembinaan, nilai: 12}\n      - {indikator: arsip_tertata, nilai: 80}")
    by_indikator = check(Project(minimal))
    # (102,2222 + 83,3333 + 75) / 3
    assert shown(by_indikator, "kinerja.rata_rata_capaian") == "86,85%"
    write(minimal, {"data/indikator.yaml": "rata_rata_capaian: sasaran\n" + text})
    by_sasaran = check(Project(minimal))
    # ((102,2222 + 83,3333) / 2 + 75) / 2
    assert shown(by_sasaran, "kinerja.rata_rata_capaian") == "83,89%"
    assert by_sasaran.figures.need(AVERAGES).per_sasaran["arsip"][2025] == D(75)
    assert shown(by_sasaran, "kinerja.tren_rata_rata_capaian") == "tidak dapat dihitung"   # no earlier year


def test_predikat_without_a_scale_names_the_missing_file(minimal):
    edit(minimal / "content/04-bab-4-penutup.md", "tercapai {{ indikator.layanan_tepat_waktu.capaian }}",
         "tercapai {{ indikator.layanan_tepat_waktu.predikat }}")
    (e,) = errors(minimal)
    assert e.message == "nilai 'indikator.layanan_tepat_waktu.predikat' memerlukan data/skala.yaml, yang tidak ada"
    assert e.loc.file == "content/04-bab-4-penutup.md"


def test_a_table_whose_file_is_absent_names_it(minimal):
    edit(minimal / "content/03-bab-3-akuntabilitas-kinerja.md", "{{ tabel: capaian }}",
         "{{ tabel: capaian }}\n\n{{ tabel: kemajuan_renstra }}")
    (e,) = errors(minimal)
    assert e.message == "tabel 'kemajuan_renstra' memerlukan data/renstra.yaml, yang tidak ada"
    assert (e.loc.file, e.loc.line) == ("content/03-bab-3-akuntabilitas-kinerja.md", 7)


def test_a_renstra_in_force_is_the_last_version(minimal):
    write(minimal, {"data/renstra.yaml": """periode: {mulai: 2021, akhir: 2026}
versi: [{id: awal, judul: Renstra Awal}, {id: reviu, judul: Renstra Reviu}]
tahun: [2025, 2026]
target_tambahan:
  - {indikator: layanan_tepat_waktu, versi: awal, tahun: 2026, nilai: 100}
  - {indikator: layanan_tepat_waktu, versi: reviu, tahun: 2026, nilai: 95}
  - {indikator: layanan_tepat_waktu, versi: awal, tahun: 2025, nilai: 99}
"""})
    result = check(Project(minimal))
    assert shown(result, "indikator.layanan_tepat_waktu.target_akhir") == "95%"
    assert shown(result, "indikator.layanan_tepat_waktu.kemajuan") == "96,84%"      # 92 / 95
    warned = {d.message for d in result.diagnostics}
    assert ("indikator 'pembinaan' tidak memiliki target tahun 2026 dalam Renstra Reviu (data/renstra.yaml); "
            "tingkat kemajuannya tidak dapat dihitung") in warned
    assert not [d for d in result.diagnostics if d.code == "target-lineage"]   # the superseded version's 99


THREE_YEARS = """sasaran:
  - {id: literasi, nomor: 1, nama: Meningkatnya budaya baca masyarakat}
indikator:
  - id: layanan_tepat_waktu
    sasaran: literasi
    nama: Persentase layanan tepat waktu
    jenis: persen
    arah: naik
    target: {2023: 100, 2024: 100}
    realisasi: {2023: 98, 2024: 98, 2025: 99}
  - id: pembinaan
    sasaran: literasi
    nama: Persentase desa terbina
    jenis: persen
    arah: naik
    target: {2023: 100, 2024: 100}
    realisasi:
      2023: 99
      2024: {nilai: 99.008, sementara: true, sumber: laporan triwulan}
      2025: 99.2
"""


def test_a_sasaran_trend_is_judged_as_its_average_is_shown_every_year(minimal):
    write(minimal, {"data/indikator.yaml": THREE_YEARS})
    edit(minimal / "data/perjanjian_kinerja.yaml", "nilai: 90}", "nilai: 100}")
    edit(minimal / "data/perjanjian_kinerja.yaml", "nilai: 12}", "nilai: 100}")
    result = check(Project(minimal))
    # capaian = realisasi (targets of 100): averages 98,5; 98,504 (shown 98,50); 99,1
    assert shown(result, "sasaran.literasi.rata_rata_capaian_2024") == "98,50% (sementara)"
    assert shown(result, "sasaran.literasi.tren_2023") == "tidak dapat dihitung"      # no year before
    assert shown(result, "sasaran.literasi.tren_2024") == "tetap (sementara)"         # 98,50 and 98,50 as shown
    assert shown(result, "sasaran.literasi.perubahan_2024") == "0% (sementara)"
    # 2025 is final, but it is compared with the provisional 2024
    assert shown(result, "sasaran.literasi.rata_rata_capaian") == "99,10%"
    assert shown(result, "sasaran.literasi.tren") == "naik (sementara)"
    assert shown(result, "sasaran.literasi.tren_2025") == "naik (sementara)"
    assert shown(result, "sasaran.literasi.perubahan") == "0,60% (sementara)"         # 99,10 - 98,50
    table = result.catalog.table("status_tahunan")
    assert [c.key for c in table.columns] == ["no", "sasaran", "indikator", "capaian_2023", "capaian_2024",
                                              "status_2024", "capaian_2025", "status_2025"]
    row = table.row("rata_rata_literasi")
    assert [c.value.text() for c in row.cells[2:]] == [
        "Rata-rata capaian sasaran", "98,50%", "98,50% (sementara)", "tetap (sementara)", "99,10%",
        "naik (sementara)"]
    assert table.rows[0].cells[1].rowspan == 3                # the sasaran spans its indikator and its average
    assert table.cell("pembinaan", "status_2024").value.text() == "naik (sementara)"    # 99 to 99,008


RISING_TARGET = "realisasi: {2024: 88, 2025: 92}\n    target: {2024: 80}"


def test_the_office_declares_what_an_indikators_trend_is_judged_on(minimal):
    # realisasi rises (88 to 92) while capaian falls (110% of 80, then 102,22% of 90)
    edit(minimal / "data/indikator.yaml", "realisasi: {2025: 92}", RISING_TARGET)
    by_default = check(Project(minimal))
    assert [shown(by_default, f"indikator.layanan_tepat_waktu.{k}") for k in ("tren", "tren_realisasi",
                                                                            "tren_capaian")] == [
        "naik", "naik", "turun"]
    assert shown(by_default, "indikator.layanan_tepat_waktu.perubahan_capaian") == "-7,78%"   # 102,2222 - 110
    assert by_default.catalog.table("status_tahunan").cell("layanan_tepat_waktu", "status_2025").value.text() == \
        "naik"
    text = (minimal / "data/indikator.yaml").read_text("utf-8")
    write(minimal, {"data/indikator.yaml": "tren: capaian\n" + text})
    on_capaian = check(Project(minimal))
    assert shown(on_capaian, "indikator.layanan_tepat_waktu.tren") == "turun"
    assert shown(on_capaian, "indikator.layanan_tepat_waktu.tren_2025") == "turun"
    assert shown(on_capaian, "indikator.layanan_tepat_waktu.tren_realisasi") == "naik"
    table = on_capaian.catalog.table("status_tahunan")
    assert table.cell("layanan_tepat_waktu", "status_2025").value.text() == "turun"
    assert table.notes[0] == "Status indikator membandingkan capaian dengan capaian tahun sebelumnya."
    edit(minimal / "data/indikator.yaml", "    jenis: persen\n", "    jenis: persen\n    tren: realisasi\n")
    overridden = check(Project(minimal))
    assert shown(overridden, "indikator.layanan_tepat_waktu.tren") == "naik"
    assert overridden.catalog.table("status_tahunan").notes[0] == (
        "Status indikator membandingkan capaian dengan capaian tahun sebelumnya, kecuali Persentase layanan "
        "perpustakaan yang selesai tepat waktu (realisasi).")


def test_a_wrong_word_for_the_trend_basis_is_one_clear_error(minimal):
    text = (minimal / "data/indikator.yaml").read_text("utf-8")
    write(minimal, {"data/indikator.yaml": "tren: capain\n" + text})
    (e,) = errors(minimal)
    assert e.message == "diharapkan salah satu dari realisasi, capaian, ditemukan teks 'capain'"
    assert e.hint == "maksud Anda 'capaian'?"
    assert format_diagnostic(e).split("\n")[0] == ("data/indikator.yaml:1:7: galat: tren: diharapkan salah satu "
                                                  "dari realisasi, capaian, ditemukan teks 'capain'")
    write(minimal, {"data/indikator.yaml": text.replace("    jenis: persen\n", "    jenis: persen\n    tren: naik\n")})
    (e,) = errors(minimal)
    assert e.message == "diharapkan salah satu dari realisasi, capaian, ditemukan teks 'naik'"
    assert (e.loc.file, e.loc.line) == ("data/indikator.yaml", line_of(minimal / "data/indikator.yaml", "tren: naik"))


def test_one_year_of_history_gives_capaian_and_no_status(minimal):
    result = check(Project(minimal))
    table = result.catalog.table("status_tahunan")
    assert [c.key for c in table.columns] == ["no", "sasaran", "indikator", "capaian_2025"]
    assert [r.id for r in table.rows] == ["layanan_tepat_waktu", "pembinaan", "rata_rata_literasi"]
    assert table.cell("rata_rata_literasi", "capaian_2025").value.text() == "92,78%"     # (102,22 + 83,33) / 2
    assert shown(result, "sasaran.literasi.tren") == "tidak dapat dihitung"
    assert shown(result, "sasaran.literasi.perubahan") == "tidak dapat dihitung"
