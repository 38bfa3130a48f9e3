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
    ("a: [1, 2\nb: 3\n", "sintaks YAML tidak valid: daftar '[...]' atau pemetaan '{...}' tidak ditutup"),
    ("a: @x\n", "sintaks YAML tidak valid: karakter '@' tidak boleh mengawali nilai"),
    ("a: b: c\n", "sintaks YAML tidak valid: tanda ':' tidak diharapkan di sini"),
])
def test_syntax_errors_in_indonesian(tmp_path, text, message):
    assert failure(tmp_path, text).message == message
