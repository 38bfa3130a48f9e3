"""Validation of the real data files: every kind of user mistake, with file, line and column."""
import re

import pytest

from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit, line_of


def errors_of(root):
    with pytest.raises(BuildFailed) as info:
        check(Project(root))
    return [d for d in info.value.diagnostics if d.is_error]


def only(errors):
    assert len(errors) == 1, errors
    return errors[0]


def test_the_bundled_report_is_valid(checked):
    assert not [d for d in checked.diagnostics if d.is_error]


def test_decimal_comma_is_explained(report):
    edit(report / "data/rkt.yaml", "nilai: 90.25", "nilai: 90,25")
    e = only(errors_of(report))
    assert (e.loc.file, e.loc.line, e.loc.column) == ("data/rkt.yaml", line_of(report / "data/rkt.yaml", "90,25"), 12)
    assert e.loc.path == "target[0].nilai"
    assert e.message == "diharapkan angka atau kategori (mis. BB), ditemukan teks '90,25'"
    assert e.hint == "YAML memakai titik sebagai pemisah desimal; tulis 90.25"


def test_percent_sign_is_explained(report):
    edit(report / "data/rkt.yaml", "nilai: 93.15", 'nilai: "93,15%"')
    assert only(errors_of(report)).hint == "tulis angka tanpa tanda %: 93.15"


def test_a_word_where_the_indikator_is_a_number(report):
    edit(report / "data/perjanjian_kinerja.yaml", "nilai: 87.5\n", "nilai: Tinggi\n")
    e = only(errors_of(report))
    assert e.message == "target pk ip_asn: diharapkan angka, ditemukan teks 'Tinggi'"
    assert e.loc.line == line_of(report / "data/perjanjian_kinerja.yaml", "nilai: Tinggi")


def test_unknown_key_suggests_the_right_one(report):
    edit(report / "data/penduduk.yaml", "    l: 1429", "    laki: 1429")
    errs = errors_of(report)
    unknown = [e for e in errs if e.code == "unknown-key"][0]
    assert unknown.loc.file == "data/penduduk.yaml"
    assert (unknown.loc.line, unknown.loc.column) == (line_of(report / "data/penduduk.yaml", "laki:"), 5)
    assert unknown.message == "kunci 'laki' tidak dikenal"
    missing = [e for e in errs if e.code == "missing"][0]
    assert missing.message.startswith("kunci wajib 'l' tidak ada")


def test_duplicate_key_in_a_data_file(report):
    edit(report / "data/ikm.yaml", "konversi: 25\n", "konversi: 25\nkonversi: 26\n")
    e = only(errors_of(report))
    assert e.loc.file == "data/ikm.yaml" and e.code == "duplicate-key"


def test_list_where_a_mapping_is_expected(report):
    edit(report / "data/wilayah.yaml", "ketinggian_m: {min: 25, max: 30}", "ketinggian_m: [25, 30]")
    assert only(errors_of(report)).message == "diharapkan pemetaan, ditemukan daftar"


def test_reference_to_an_undefined_indikator(report):
    edit(report / "data/perjanjian_kinerja.yaml", "- indikator: sakip", "- indikator: sakipp")
    e = only(errors_of(report))
    assert e.loc.file == "data/perjanjian_kinerja.yaml"
    assert e.loc.line == line_of(report / "data/perjanjian_kinerja.yaml", "sakipp")
    assert e.message == "indikator 'sakipp' tidak didefinisikan di data/indikator.yaml"
    assert e.hint == "maksud Anda 'sakip'?"


def test_sub_kegiatan_whose_kode_belongs_to_no_program(report):
    edit(report / "data/anggaran.yaml", 'kode: "7.01.06.2.01.16"', 'kode: "7.09.06.2.01.16"')
    e = only(errors_of(report))
    assert e.code == "orphan-kode" and e.loc.file == "data/anggaran.yaml"
    assert "'7.09.06.2.01.16' tidak termasuk program mana pun" in e.message


def test_negative_amount(report):
    edit(report / "data/anggaran.yaml", "anggaran: 5000000", "anggaran: -5000000")
    assert only(errors_of(report)).message.startswith("angka -5000000 terlalu kecil")


def test_duplicate_row_identity(report):
    edit(report / "data/penduduk.yaml", "nama: Mojorejo", "nama: Purworejo")
    e = only(errors_of(report))
    assert e.code == "duplicate-id" and "Purworejo" in e.message


def test_missing_required_and_unknown_data_files(report):
    (report / "data/pejabat.yaml").unlink()
    (report / "data/skala_lama.yaml").write_text("x: 1\n")
    errs = errors_of(report)
    assert {(e.code, e.loc.file) for e in errs} == {("missing-file", "data/pejabat.yaml"),
                                                    ("unknown-file", "data/skala_lama.yaml")}
    assert [e.hint for e in errs if e.code == "unknown-file"] == ["maksud Anda 'skala.yaml'?"]


def test_empty_data_file(report):
    (report / "data/prestasi.yaml").write_text("# kosong\n")
    assert only(errors_of(report)).message == "file data kosong"


def test_several_mistakes_are_reported_together(report):
    edit(report / "data/rkt.yaml", "nilai: 90.25", "nilai: 90,25")
    edit(report / "data/ikm.yaml", "nrr: 3.51", "nrr: tinggi")
    assert {e.loc.file for e in errors_of(report)} == {"data/rkt.yaml", "data/ikm.yaml"}


def test_indikator_not_in_the_perjanjian_kinerja_in_force(report):
    text = (report / "data/perjanjian_kinerja.yaml").read_text("utf-8")
    text = re.sub(r"      - indikator: inovasi\n        nilai: \d+[^\n]*\n", "", text)
    (report / "data/perjanjian_kinerja.yaml").write_text(text, "utf-8")
    e = only(errors_of(report))
    assert e.loc.file == "data/indikator.yaml" and e.code == "unmeasured"
    assert e.message == ("indikator 'inovasi' tidak ditetapkan dalam Perjanjian Kinerja Perubahan Tahun 2024 "
                         "(data/perjanjian_kinerja.yaml), Perjanjian Kinerja yang berlaku")


def test_no_perjanjian_kinerja_for_the_report_year(report):
    edit(report / "data/laporan.yaml", "tahun: 2024", "tahun: 2025")
    errs = [e for e in errors_of(report) if e.code == "no-pk"]
    assert errs[0].message == "tidak ada Perjanjian Kinerja tahun 2025, tahun laporan ini"
    assert errs[0].hint == "tambahkan dokumen dengan 'tahun: 2025' (yang ada: tahun 2024)"


def test_two_perjanjian_signed_the_same_day_are_ambiguous(report):
    edit(report / "data/perjanjian_kinerja.yaml", "tanggal: 2024-09-23", "tanggal: 2024-01-29")
    errs = errors_of(report)
    assert {e.code for e in errs} == {"pk-ambiguous"} and len(errs) == 2


def test_this_years_target_belongs_to_the_perjanjian(report):
    edit(report / "data/indikator.yaml", "target: {2022: 78, 2023: 80}", "target: {2022: 78, 2023: 80, 2024: 81}")
    e = only(errors_of(report))
    assert e.code == "target-year" and e.message == "target tahun 2024 ditetapkan oleh Perjanjian Kinerja"


def test_percentage_above_100_is_impossible(report):
    edit(report / "data/indikator.yaml", "realisasi: {2022: 100, 2023: 100, 2024: 100}",
         "realisasi: {2022: 100, 2023: 100, 2024: 120}")
    assert only(errors_of(report)).message == "realisasi 2024 pelayanan_standar 120% melebihi 100%"


def test_a_realisasi_taken_from_an_unknown_value(report):
    edit(report / "data/indikator.yaml", "{dihitung: anggaran.serapan}", "{dihitung: anggaran.serapn}")
    e = only(errors_of(report))
    assert e.message == "nilai 'anggaran.serapn' tidak didefinisikan"
    assert e.hint == "maksud Anda 'anggaran.serapan'?"


def test_a_realisasi_taken_from_a_file_that_is_absent(report):
    (report / "data/ikm.yaml").unlink()
    errs = errors_of(report)
    source = [e for e in errs if e.loc.file == "data/indikator.yaml"][0]
    assert source.message == "nilai 'ikm.nilai' tidak tersedia: data/ikm.yaml tidak ada"


def test_a_file_that_needs_another(report):
    for name in ("anggaran", "renja"):
        (report / f"data/{name}.yaml").unlink()
    errs = errors_of(report)
    assert "data/efisiensi.yaml memerlukan data/anggaran.yaml, yang tidak ada" in {e.message for e in errs}


def test_a_program_budget_without_the_anggaran_file(report):
    for name in ("anggaran", "renja", "efisiensi"):
        (report / f"data/{name}.yaml").unlink()
    edit(report / "data/indikator.yaml", "{dihitung: anggaran.serapan}", "95.81")
    errs = errors_of(report)
    assert "program 'penunjang' tidak dapat dirujuk: data/anggaran.yaml tidak ada" in {e.message for e in errs}


def test_a_table_whose_document_is_gone(report):
    """Found by fuzzing: a truncated perjanjian_kinerja.yaml without the Perubahan crashed the build.
    Now the PK of January counts, and the chapters that place the Perubahan are told what is missing."""
    text = (report / "data/perjanjian_kinerja.yaml").read_text("utf-8")
    (report / "data/perjanjian_kinerja.yaml").write_text(text.split("  - id: pk_perubahan")[0], "utf-8")
    errs = errors_of(report)
    assert {(e.code, e.loc.file) for e in errs} == {("unknown-table", "data/laporan.yaml")}
    # each title entry, and each Bab II copy whose original is gone
    assert [e.message for e in errs] == ["tabel 'pk_perubahan' tidak dikenal",
                                         "tabel 'pk_perubahan_anggaran' tidak dikenal"] * 2
    assert [e.loc.column for e in errs] == [3, 3, 34, 43]
    for entry in ("pk_perubahan", "pk_perubahan_anggaran", "pk_perubahan_bab_ii", "pk_perubahan_anggaran_bab_ii"):
        edit(report / "data/laporan.yaml", f"  {entry}:", f"  # {entry}:")
    errs = errors_of(report)   # what the signed Perubahan printed has no table to stand in now
    assert {(e.code, e.loc.file) for e in errs} == {("printed-unknown", "data/anggaran.yaml"),
                                                    ("printed-unknown", "data/indikator.yaml")}
    assert sorted(e.message.rsplit(" untuk ", 1)[1] for e in errs) == [
        "tabel 'pk_perubahan', yang tidak ada", "tabel 'pk_perubahan_anggaran', yang tidak ada",
        "tabel 'pk_perubahan_anggaran_bab_ii', yang tidak ada"]
    anggaran = report / "data/anggaran.yaml"
    anggaran.write_text(re.sub(r"  pk_perubahan_anggaran(_bab_ii)?:.*\n(    .*\n)+", "", anggaran.read_text("utf-8")), "utf-8")
    edit(report / "data/indikator.yaml", "      pk_perubahan: {", "      # pk_perubahan: {")
    errs = errors_of(report)
    assert {e.code for e in errs} == {"block-unavailable", "unknown-value", "unknown-block"}
    unavailable = [e for e in errs if e.code == "block-unavailable"][0]
    assert unavailable.message == ("tabel 'pk_selisih' memerlukan dua Perjanjian Kinerja tahun 2024 "
                                   "(perjanjian dan perubahannya) di data/perjanjian_kinerja.yaml")


def test_efisiensi_row_must_name_total_or_a_program(report):
    edit(report / "data/efisiensi.yaml", "anggaran: total", "anggaran: semua")
    e = only(errors_of(report))
    assert e.message == "anggaran 'semua' tidak dikenal" and "pembinaan_desa" in e.hint


def test_a_misspelt_table_title_entry(report):
    edit(report / "data/laporan.yaml", "  efisiensi: {nomor:", "  efisiensii: {nomor:")
    title = [e for e in errors_of(report) if e.code == "unknown-table"][0]
    assert (title.loc.file, title.loc.line) == ("data/laporan.yaml", line_of(report / "data/laporan.yaml", "efisiensii"))
    assert title.hint.startswith("maksud Anda 'efisiensi'? (selain tabel bawaan, pengenal tabel berasal dari ")
    assert "nama file di data/tabel/" in title.hint


def test_required_key_left_empty(report):
    edit(report / "data/ikm.yaml", "konversi: 25", "konversi:")
    e = only(errors_of(report))
    assert e.loc.line == line_of(report / "data/ikm.yaml", "konversi:")
    assert e.message == "kunci wajib 'konversi' kosong; diharapkan angka (faktor konversi NRR ke IKM (25))"


def test_a_printed_figure_for_a_column_the_table_does_not_have(report):
    edit(report / "data/pembanding.yaml", "        realisasi: {nilai: 90.25", "        realisasii: {nilai: 90.25")
    e = only(errors_of(report))
    assert e.code == "printed-unknown" and e.hint == "maksud Anda 'realisasi'?"
    assert e.message == ("Tabel 3.4 Perbandingan Realisasi Kinerja dengan Realisasi Kabupaten tidak memiliki "
                         "kolom 'realisasii'")


def test_a_printed_figure_for_a_row_the_table_does_not_have(report):
    edit(report / "data/anggaran.yaml", "    penunjang: {pagu:", "    penunjng: {pagu:")
    e = only(errors_of(report))
    assert e.message.endswith("tidak memiliki baris 'penunjng'") and e.hint == "maksud Anda 'penunjang'?"
