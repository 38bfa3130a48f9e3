"""Every message points the right way: the slips authors make inside '{...}' and '[...]', told at
the place they were made, with what to write instead.

Each case edits a copy of the bundled report as an author would, then runs `check`: the command
fails with one error, no traceback, naming the file, line and column of the slip.
"""
import pytest

from lkjip.cli import main
from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit, line_of


def the_error(capsys, root):
    """The one error `check` finds, after asserting that the command fails cleanly and prints it."""
    code = main(["check", "--dir", str(root), "-q"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    with pytest.raises(BuildFailed) as info:
        check(Project(root))
    errors = [d for d in info.value.diagnostics if d.is_error]
    assert len(errors) == 1, errors
    e = errors[0]
    assert err.startswith(f"{e.loc.file}:{e.loc.line}:{e.loc.column}: galat: ")
    assert f"  petunjuk: {e.hint}\n" in err
    return e


def where(e):
    return e.loc.file, e.loc.line, e.loc.column


DECIMAL = "YAML memakai titik sebagai pemisah desimal; tulis "


# A decimal comma, wherever a number is expected.

def test_a_decimal_comma_closing_a_flow_mapping(capsys, report):
    path = report / "data/indikator.yaml"
    edit(path, "realisasi: {2022: 100, 2023: 100, 2024: 100}", "realisasi: {2022: 100, 2023: 100, 2024: 85,6}")
    e = the_error(capsys, report)
    assert where(e) == ("data/indikator.yaml", line_of(path, "2024: 85,6"), 45)
    assert e.loc.path == "indikator[1].realisasi[2024]"
    assert e.message == "angka '85,6' memakai koma desimal; di dalam '{...}' koma memisahkan pasangan kunci: nilai"
    assert e.hint == DECIMAL + "85.6"
    assert e.code == "decimal-comma"


def test_a_decimal_comma_before_the_next_pair(capsys, report):
    path = report / "data/indikator.yaml"
    edit(path, "target: {2022: 82, 2023: 87}", "target: {2022: 82,5, 2023: 87}")
    e = the_error(capsys, report)
    assert where(e) == ("data/indikator.yaml", line_of(path, "2022: 82,5"), 20)
    assert e.message == "angka '82,5' memakai koma desimal; di dalam '{...}' koma memisahkan pasangan kunci: nilai"
    assert e.hint == DECIMAL + "82.5"


def test_a_decimal_comma_in_a_row_written_as_a_flow_mapping(capsys, report):
    path = report / "data/ikm.yaml"
    edit(path, "nama: Persyaratan, nrr: 3.51}", "nama: Persyaratan, nrr: 3,51}")
    e = the_error(capsys, report)
    assert where(e) == ("data/ikm.yaml", line_of(path, "nrr: 3,51"), 47)
    assert e.loc.path == "unsur[0].nrr"
    assert e.hint == DECIMAL + "3.51"


def test_thousands_dots_and_a_decimal_comma_in_a_flow_mapping(capsys, report):
    path = report / "data/wilayah.yaml"
    edit(path, "ketinggian_m: {min: 25, max: 30}", "ketinggian_m: {min: 25, max: 1.030,50}")
    e = the_error(capsys, report)
    assert where(e) == ("data/wilayah.yaml", line_of(path, "1.030,50"), 30)
    assert e.message == ("angka '1.030,50' memakai koma desimal; di dalam '{...}' koma memisahkan pasangan "
                         "kunci: nilai")
    assert e.hint == "jangan memakai titik pemisah ribuan; tulis 1030.50"


def test_a_decimal_comma_in_a_flow_sequence_is_not_read_as_two_numbers(capsys, report):
    path = report / "data/renstra.yaml"
    edit(path, "tahun: [2024, 2025, 2026]", "tahun: [2024, 2025,5, 2026]")
    e = the_error(capsys, report)
    assert where(e) == ("data/renstra.yaml", line_of(path, "2025,5"), 15)
    assert e.loc.path == "tahun[1]"
    assert e.message == "angka '2025,5' memakai koma desimal; di dalam '[...]' koma memisahkan butir daftar"
    assert e.hint == DECIMAL + "2025.5 (bila maksudnya dua angka, beri spasi setelah koma: 2025, 5)"


def test_years_listed_without_spaces_are_still_years(report):
    edit(report / "data/renstra.yaml", "tahun: [2024, 2025, 2026]", "tahun: [2024,2025,2026]")
    check(Project(report))


def test_a_decimal_comma_in_block_style_stays_a_text_the_schema_explains(capsys, report):
    path = report / "data/indikator.yaml"
    edit(path, "      2023: 90.12\n", "      2023: 90,12\n")
    e = the_error(capsys, report)
    assert where(e) == ("data/indikator.yaml", line_of(path, "2023: 90,12"), 13)
    assert e.message == "diharapkan angka atau kategori (mis. BB), ditemukan teks '90,12'"
    assert e.hint == DECIMAL + "90.12"


# A comma inside a text, where a comma separates the pairs.

def test_an_unquoted_comma_in_a_text_of_a_flow_mapping(capsys, report):
    path = report / "data/ikm.yaml"
    edit(path, "nama: Sistem Mekanisme dan Prosedur,", "nama: Sistem, Mekanisme dan Prosedur,")
    e = the_error(capsys, report)
    assert where(e) == ("data/ikm.yaml", line_of(path, "Sistem, Mekanisme"), 26)
    assert e.loc.path == "unsur[1].nama"
    assert e.message == ("teks 'Sistem, Mekanisme dan Prosedur' memuat koma; di dalam '{...}' koma memisahkan "
                         "pasangan kunci: nilai")
    assert e.hint == 'tulis teks yang memuat koma di dalam tanda kutip, mis. nama: "Sistem, Mekanisme dan Prosedur"'
    assert e.code == "comma-in-text"


def test_a_text_with_two_commas_is_told_whole(capsys, report):
    path = report / "data/anggaran.yaml"
    old = "penunjang: {program: Program Penunjang Urusan Pemerintahan Daerah Kabupaten / Kota, anggaran"
    edit(path, old, "penunjang: {program: Program Penunjang, Urusan Pemerintahan, Daerah, anggaran")
    e = the_error(capsys, report)  # data/renja.yaml and efisiensi.yaml, which need this file, say nothing
    assert where(e) == ("data/anggaran.yaml", line_of(path, "Program Penunjang, Urusan"), 26)
    assert e.message == ("teks 'Program Penunjang, Urusan Pemerintahan, Daerah' memuat koma; di dalam '{...}' "
                         "koma memisahkan pasangan kunci: nilai")
    assert e.hint == ('tulis teks yang memuat koma di dalam tanda kutip, '
                      'mis. program: "Program Penunjang, Urusan Pemerintahan, Daerah"')


def test_a_colon_without_a_space_in_a_flow_mapping(capsys, report):
    path = report / "data/indikator.yaml"
    edit(path, "target: {2022: 82, 2023: 87}", "target: {2022:82, 2023: 87}")
    e = the_error(capsys, report)
    assert where(e) == ("data/indikator.yaml", line_of(path, "{2022:82"), 14)
    assert e.loc.path == "indikator[0].target"
    assert e.message == ("tanda ':' pada '2022:82' tidak diikuti spasi, sehingga YAML membacanya sebagai satu "
                         "teks, bukan kunci dan nilai")
    assert e.hint == "beri spasi setelah ':', tulis 2022: 82"


# A broken structure, told by its cause.

def test_a_flow_mapping_left_open_is_pointed_at_where_it_opens(capsys, report):
    path = report / "data/indikator.yaml"
    edit(path, "target: {2022: 82, 2023: 87}", "target: {2022: 82, 2023: 87")
    e = the_error(capsys, report)
    assert where(e) == ("data/indikator.yaml", line_of(path, "target: {2022: 82, 2023: 87 "), 13)
    assert e.message == "sintaks YAML tidak valid: pemetaan '{...}' yang dibuka di sini tidak ditutup dengan '}'"
    assert e.hint == "tambahkan '}' setelah pasangan terakhirnya, mis. {2022: 82, 2023: 87}"


def test_a_quote_left_open_in_a_flow_mapping(capsys, report):
    path = report / "data/ikm.yaml"
    edit(path, "nama: Persyaratan, nrr", 'nama: "Persyaratan, nrr')
    e = the_error(capsys, report)
    assert where(e) == ("data/ikm.yaml", line_of(path, '"Persyaratan'), 29)
    assert e.message == "sintaks YAML tidak valid: tanda kutip \" yang dibuka di sini tidak ditutup pada baris yang sama"
    assert e.hint == 'tambahkan " di akhir teksnya'


def test_a_colon_inside_a_text_of_a_flow_mapping(capsys, report):
    path = report / "data/ikm.yaml"
    edit(path, "nama: Biaya/Tarif,", "nama: Biaya: Tarif,")
    e = the_error(capsys, report)
    assert where(e) == ("data/ikm.yaml", line_of(path, "Biaya: Tarif"), 28)
    assert e.message == ("sintaks YAML tidak valid: tanda ':' tidak diharapkan di dalam pemetaan '{...}': koma "
                         "pemisah pasangan hilang, atau teksnya memuat ':'")
    assert e.hint == ("pisahkan setiap pasangan dengan koma, mis. {2022: 82, 2023: 87}; teks yang memuat ':' "
                      'ditulis di dalam tanda kutip, mis. judul: "Bab I: Pendahuluan"')


def test_a_flow_mapping_closed_with_the_wrong_bracket(capsys, report):
    path = report / "data/wilayah.yaml"
    edit(path, "ketinggian_m: {min: 25, max: 30}", "ketinggian_m: {min: 25, max: 30]")
    e = the_error(capsys, report)
    assert where(e) == ("data/wilayah.yaml", line_of(path, "max: 30]"), 32)
    assert e.message == ("sintaks YAML tidak valid: pemetaan '{...}' yang dibuka di baris "
                         f"{line_of(path, 'max: 30]')} kolom 15 ditutup dengan ']'")
    assert e.hint == "tutup pemetaan '{...}' dengan '}'; '{' berpasangan dengan '}'"


def test_one_closing_bracket_too_many(capsys, report):
    path = report / "data/wilayah.yaml"
    edit(path, "ketinggian_m: {min: 25, max: 30}", "ketinggian_m: {min: 25, max: 30}}")
    e = the_error(capsys, report)
    assert where(e) == ("data/wilayah.yaml", line_of(path, "max: 30}}"), 33)
    assert e.message == "sintaks YAML tidak valid: kurung tutup '}' berlebih: tidak ada kurung buka yang ditutupnya"
    assert e.hint == "hapus '}' ini; setiap kurung buka ditutup satu kali"
