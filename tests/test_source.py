"""Safe YAML with positions: syntax errors, duplicate keys, aliases, encodings."""
import pytest

from lkjip.source.text import MAX_BYTES, SourceError
from lkjip.source.yamlfile import load_yaml


def load(tmp_path, content: bytes | str):
    path = tmp_path / "x.yaml"
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return load_yaml(path, "data/x.yaml")


def failure(tmp_path, content):
    with pytest.raises(SourceError) as info:
        load(tmp_path, content)
    return info.value.diagnostic


def test_positions_of_values_and_keys(tmp_path):
    doc = load(tmp_path, "a:\n  - b: 1\n    c: [2, 3]\n")
    assert doc.data == {"a": [{"b": 1, "c": [2, 3]}]}
    assert doc.loc(("a", 0, "c", 1)).line == 3
    assert doc.loc(("a", 0, "c", 1)).column == 12
    assert doc.loc(("a", 0, "c", 1)).path == "a[0].c[1]"


def test_duplicate_key_is_an_error_naming_both_lines(tmp_path):
    d = failure(tmp_path, "target: 81\nnama: x\ntarget: 82\n")
    assert (d.loc.line, d.loc.column) == (3, 1)
    assert d.message == "kunci 'target' ditulis dua kali (pertama di baris 1)"


def test_tab_indentation(tmp_path):
    d = failure(tmp_path, "a:\n\tb: 1\n")
    assert d.loc.line == 2
    assert "tab" in d.message


def test_unclosed_quote(tmp_path):
    d = failure(tmp_path, 'a: "tidak ditutup\nb: 2\n')
    assert d.message.startswith("sintaks YAML tidak valid")
    assert d.loc.file == "data/x.yaml" and d.loc.line is not None


def test_aliases_are_refused_so_alias_bombs_cannot_expand(tmp_path):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    d = failure(tmp_path, bomb)
    assert "alias" in d.message and d.loc.line == 1  # the anchored node that is reused


def test_python_tags_are_refused(tmp_path):
    d = failure(tmp_path, "a: !!python/object/apply:os.system ['echo x']\n")
    assert "tag" in d.message


def test_bom_and_crlf_simply_work(tmp_path):
    doc = load(tmp_path, b"\xef\xbb\xbfa: 1\r\nb: dua\r\n")
    assert doc.data == {"a": 1, "b": "dua"}
    assert doc.loc(("b",)).line == 2


def test_not_utf8(tmp_path):
    d = failure(tmp_path, b"a: caf\xe9\n")
    assert d.message.startswith("file bukan teks UTF-8") and d.loc.line == 1


def test_too_large_is_refused_before_parsing(tmp_path):
    d = failure(tmp_path, "a: " + "x" * (MAX_BYTES + 1))
    assert "terlalu besar" in d.message


def test_floats_are_exact_decimals(tmp_path):
    from decimal import Decimal
    assert load(tmp_path, "a: 90.25\n").data["a"] == Decimal("90.25")


def test_bad_indentation(tmp_path):
    d = failure(tmp_path, "indikator:\n  - id: ikm\n     nama: IKM\n")
    assert d.loc.line == 3 and d.message.startswith("sintaks YAML tidak valid")
    assert d.hint


@pytest.mark.parametrize("text, message", [
    ("a: [1, 2\nb: 3\n", "sintaks YAML tidak valid: daftar '[...]' yang dibuka di sini tidak ditutup dengan ']'"),
    ("a: @x\n", "sintaks YAML tidak valid: karakter '@' tidak boleh mengawali nilai"),
    ("a: b: c\n", "sintaks YAML tidak valid: tanda ':' tidak diharapkan di sini"),
])
def test_syntax_errors_in_indonesian(tmp_path, text, message):
    assert failure(tmp_path, text).message == message


SYNTAX = "sintaks YAML tidak valid: "
IN_MAPPING = "di dalam '{...}' koma memisahkan pasangan kunci: nilai"
QUOTE_COMMA = "tulis teks yang memuat koma di dalam tanda kutip, mis. "


@pytest.mark.parametrize("text, line, column, message, hint", [
    # a comma YAML takes for a separator inside '{...}' or '[...]'
    ("a: {2024: 85,6}\n", 1, 11, f"angka '85,6' memakai koma desimal; {IN_MAPPING}",
     "YAML memakai titik sebagai pemisah desimal; tulis 85.6"),
    ("a: {2024: 85,6, 2025: 90}\n", 1, 11, f"angka '85,6' memakai koma desimal; {IN_MAPPING}",
     "YAML memakai titik sebagai pemisah desimal; tulis 85.6"),
    ("a:\n  - {id: x, nilai: 12,5,\n     b: 1}\n", 2, 20, f"angka '12,5' memakai koma desimal; {IN_MAPPING}",
     "YAML memakai titik sebagai pemisah desimal; tulis 12.5"),
    ("a: {x: 93,15%}\n", 1, 8, f"angka '93,15%' memakai koma desimal; {IN_MAPPING}", "tulis angka tanpa tanda %: 93.15"),
    ("a: {x: -1,5}\n", 1, 8, f"angka '-1,5' memakai koma desimal; {IN_MAPPING}",
     "YAML memakai titik sebagai pemisah desimal; tulis -1.5"),
    ("a: [1, 85,6, 3]\n", 1, 8, "angka '85,6' memakai koma desimal; di dalam '[...]' koma memisahkan butir daftar",
     "YAML memakai titik sebagai pemisah desimal; tulis 85.6 (bila maksudnya dua angka, beri spasi setelah koma: 85, 6)"),
    ("a: {program: Program A, B dan C, anggaran: 100}\n", 1, 14, f"teks 'Program A, B dan C' memuat koma; {IN_MAPPING}",
     QUOTE_COMMA + 'program: "Program A, B dan C"'),
    ("a: {nama: Kec. Pungging, Kab. Mojokerto}\n", 1, 11,
     f"teks 'Kec. Pungging, Kab. Mojokerto' memuat koma; {IN_MAPPING}",
     QUOTE_COMMA + 'nama: "Kec. Pungging, Kab. Mojokerto"'),
    ('a: {ket: Jl. "X", Y}\n', 1, 10, f"teks 'Jl. \"X\", Y' memuat koma; {IN_MAPPING}", QUOTE_COMMA + "ket: 'Jl. \"X\", Y'"),
    ('a: {nama: "A", B}\n', 1, 16, "'B' di dalam '{...}' tidak diikuti ':' dan nilai",
     "tulis pasangan 'kunci: nilai'; teks yang memuat koma ditulis di dalam tanda kutip"),
    ("a: {x:1, y: 2}\n", 1, 5, "tanda ':' pada 'x:1' tidak diikuti spasi, sehingga YAML membacanya sebagai satu teks, "
     "bukan kunci dan nilai", "beri spasi setelah ':', tulis x: 1"),
    # a structure the parser gives up on, told by its cause
    ("a: {x: 1, y: 2\nb: 3\n", 1, 4, SYNTAX + "pemetaan '{...}' yang dibuka di sini tidak ditutup dengan '}'",
     "tambahkan '}' setelah pasangan terakhirnya, mis. {2022: 82, 2023: 87}"),
    ("a:\n  x: {y: 1,\n  z: 2\nb: 1\n", 2, 6, SYNTAX + "pemetaan '{...}' yang dibuka di sini tidak ditutup dengan '}'",
     "tambahkan '}' setelah pasangan terakhirnya, mis. {2022: 82, 2023: 87}"),
    ('a: {x: "abc, y: 2}\nb: 3\n', 1, 8, SYNTAX + 'tanda kutip " yang dibuka di sini tidak ditutup',
     'tambahkan " di akhir teksnya'),
    ('a: {x: "abc, y: 2}\nb: "def"\n', 1, 8, SYNTAX + 'tanda kutip " yang dibuka di sini tidak ditutup pada baris '
     'yang sama', 'tambahkan " di akhir teksnya'),
    ("a: 'tidak ditutup\nb: 2\n", 1, 4, SYNTAX + "tanda kutip ' yang dibuka di sini tidak ditutup",
     "tambahkan ' di akhir teksnya"),
    ("a: {x: 1 y: 2}\n", 1, 11, SYNTAX + "tanda ':' tidak diharapkan di dalam pemetaan '{...}': koma pemisah pasangan "
     "hilang, atau teksnya memuat ':'", "pisahkan setiap pasangan dengan koma, mis. {2022: 82, 2023: 87}; teks yang "
     'memuat \':\' ditulis di dalam tanda kutip, mis. judul: "Bab I: Pendahuluan"'),
    ("a: {x: [1, 2}\n", 1, 13, SYNTAX + "daftar '[...]' yang dibuka di baris 1 kolom 8 ditutup dengan '}'",
     "tutup daftar '[...]' dengan ']'; '[' berpasangan dengan ']'"),
    ("a: {x: 1}}\n", 1, 10, SYNTAX + "kurung tutup '}' berlebih: tidak ada kurung buka yang ditutupnya",
     "hapus '}' ini; setiap kurung buka ditutup satu kali"),
    ("a:\n  - [1, 2]]\n", 2, 11, SYNTAX + "kurung tutup ']' berlebih: tidak ada kurung buka yang ditutupnya",
     "hapus ']' ini; setiap kurung buka ditutup satu kali"),
    ("a: {x: 1}, b: 2\n", 1, 10, SYNTAX + "',' setelah kurung tutup '}' tidak diharapkan",
     "tulis isinya di dalam kurung, atau pada baris baru sebagai kunci tersendiri"),
    ("a: {x: 1,, y: 2}\n", 1, 10, SYNTAX + "tanda ',' tidak diharapkan di sini: tidak ada nilai sebelumnya",
     "hapus tanda yang berlebih, atau tulis nilainya"),
    ('a: {x: "a" b}\n', 1, 12, SYNTAX + 'teks setelah tanda kutip penutup " di dalam pemetaan \'{...}\'',
     "tulis seluruh teksnya di dalam tanda kutip, atau pisahkan setiap pasangan dengan koma"),
    ("a: {x:}\n", 1, 6, SYNTAX + "tanda ':' di dalam '{...}' atau '[...]' harus diikuti spasi",
     "tulis 'kunci: nilai' dengan spasi setelah ':', atau beri tanda kutip pada teks yang memuat ':'"),
])
def test_slips_inside_brackets_are_told_by_their_cause(tmp_path, text, line, column, message, hint):
    d = failure(tmp_path, text)
    assert (d.loc.file, d.loc.line, d.loc.column, d.message, d.hint) == ("data/x.yaml", line, column, message, hint)


@pytest.mark.parametrize("text, data", [
    ("a: [2024,2025,2026]\n", {"a": [2024, 2025, 2026]}),      # years, as a list of them is written
    ("a: [85, 6]\n", {"a": [85, 6]}),                          # two numbers: a space after the comma
    ("a: {x: 1,y: 2}\n", {"a": {"x": 1, "y": 2}}),             # a key with its ':' after the comma
    ("a: {x: }\n", {"a": {"x": None}}),                        # a value left empty on purpose
    ("a: {waktu: 08:00, b: \"1, 2\"}\n", {"a": {"waktu": "08:00", "b": "1, 2"}}),
])
def test_what_is_written_right_inside_brackets_still_reads(tmp_path, text, data):
    assert load(tmp_path, text).data == data
