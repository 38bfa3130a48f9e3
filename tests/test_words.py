"""The judging words (lkjip.check.words) as a specification: each family maps every common Indonesian
form to its word, the framing offices add around a word is read through, a negation never is,
and a word the office wrote that agrees in meaning is never a correction."""
import pytest

from lkjip.check import words
from lkjip.check.compare import compare_text
from lkjip.diagnostics import Loc
from lkjip.schema import Printed

FORMS = [(group, word, form) for group, families in words.GROUPS.items()
         for word, forms in families.items() for form in forms]


@pytest.mark.parametrize("group, word, form", FORMS, ids=[f"{g}:{f}" for g, _, f in FORMS])
def test_every_form_of_a_family_means_its_word(group, word, form):
    assert words.meaning(group, form) == word
    assert words.meaning(group, f" {form.capitalize()}. ") == word
    assert words.agrees(group, form, word)


@pytest.mark.parametrize("group", list(words.GROUPS))
def test_a_form_belongs_to_one_word_of_its_group(group):
    forms = [form for family in words.GROUPS[group].values() for form in family]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize("group", list(words.GROUPS))
def test_the_word_shown_is_the_first_form_of_its_family(group):
    assert all(forms[0] == word for word, forms in words.GROUPS[group].items())


@pytest.mark.parametrize("group, printed, word", [
    ("tren", "kenaikan", "naik"),
    ("tren", "mengalami kenaikan", "naik"),
    ("tren", "Mengalami kenaikan yang signifikan", "naik"),
    ("tren", "telah mengalami kenaikan yang signifikan dibanding tahun lalu.", "naik"),
    ("tren", "mengalami peningkatan", "naik"),
    ("tren", "selalu mengalami peningkatan", "naik"),
    ("tren", "menunjukkan peningkatan", "naik"),
    ("tren", "menunjukan peningkatan", "naik"),
    ("tren", "terjadi peningkatan", "naik"),
    ("tren", "adanya peningkatan", "naik"),
    ("tren", "semakin meningkat", "naik"),
    ("tren", "terus-menerus meningkat", "naik"),
    ("tren", "cenderung meningkat", "naik"),
    ("tren", "meningkat secara signifikan", "naik"),
    ("tren", "naik sedikit", "naik"),
    ("tren", "kembali naik", "naik"),
    ("tren", "naik kembali", "naik"),
    ("tren", "lebih tinggi dari tahun sebelumnya", "naik"),
    ("tren", "mengalami penurunan", "turun"),
    ("tren", "sedikit menurun", "turun"),
    ("tren", "penurunan yang cukup signifikan", "turun"),
    ("tren", "menurun dibandingkan tahun lalu", "turun"),
    ("tren", "lebih sedikit", "turun"),
    ("tren", "relatif stabil", "tetap"),
    ("tren", "tidak mengalami perubahan", "tetap"),
    ("tren", "tidak ada perubahan", "tetap"),
    ("tren", "sama dengan tahun sebelumnya", "tetap"),
    ("tren", "masih tetap", "tetap"),
    ("status", "sudah tercapai", "tercapai"),
    ("status", "telah mencapai target", "tercapai"),
    ("status", "berhasil dicapai", "tercapai"),
    ("status", "tercapai sepenuhnya", "tercapai"),
    ("status", "telah melampaui target", "terlampaui"),
    ("status", "di atas target", "terlampaui"),
    ("status", "belum tercapai", "tidak tercapai"),
    ("status", "belum mencapai target", "tidak tercapai"),
    ("status", "di bawah target", "tidak tercapai"),
    ("banding", "lebih rendah dari pada", "lebih rendah"),
    ("banding", "lebih tinggi daripada", "lebih tinggi"),
    ("banding", "sedikit lebih tinggi", "lebih tinggi"),
    ("banding", "lebih sedikit", "lebih rendah"),
    ("cakupan", "ada beberapa", "sebagian"),
    ("cakupan", "hampir seluruh", "sebagian"),
])
def test_framing_around_a_word_is_read_through(group, printed, word):
    assert words.meaning(group, printed) == word
    assert words.agrees(group, printed, word)


def test_the_framing_is_removed_one_word_at_a_time():
    assert list(words.readings("Telah mengalami kenaikan yang signifikan dibanding tahun lalu.")) == [
        "telah mengalami kenaikan yang signifikan dibanding tahun lalu",
        "mengalami kenaikan yang signifikan dibanding tahun lalu",
        "kenaikan yang signifikan dibanding tahun lalu",
        "kenaikan yang signifikan",
        "kenaikan",
    ]
    # a form that ends like a qualifier is found before it is shortened
    assert list(words.readings("lebih sedikit")) == ["lebih sedikit", "lebih"]
    assert words.meaning("banding", "lebih sedikit") == "lebih rendah"


def test_framing_alone_is_never_removed_to_nothing():
    assert list(words.readings("mengalami")) == ["mengalami"]
    assert list(words.readings("ada")) == ["ada"]
    assert words.meaning("tren", "kembali") is None
    assert words.meaning("cakupan", "ada") is None


def test_a_negation_is_never_part_of_the_framing():
    framing = " ".join((*words.AUXILIARIES, *words.QUALIFIERS)).replace("-", " ").split()
    assert not set(framing) & set(words.NEGATIONS)


@pytest.mark.parametrize("printed", ["tidak naik", "tidak meningkat", "tidak mengalami kenaikan",
                                     "belum mengalami peningkatan", "tidak mengalami kenaikan yang signifikan",
                                     "tak turun", "bukan penurunan", "telah tidak naik"])
def test_a_negated_change_names_no_word(printed):
    assert words.meaning("tren", printed) is None
    assert [words.agrees("tren", printed, w) for w in ("naik", "turun", "tetap")] == [False, False, False]


def test_the_reported_sentence_is_no_correction():
    """Issue 15: "mengalami kenaikan" was compared as text with "naik" and published as a correction."""
    loc = Loc("content/03-bab-3.md", 7, 12)
    assert compare_text(Printed("mengalami kenaikan", loc), "naik", "x", "tren") is None
    assert compare_text(Printed("mengalami kenaikan yang signifikan", loc), "naik (sementara)", "x", "tren") is None
    wrong = compare_text(Printed("mengalami kenaikan", loc), "turun", "x", "tren")
    assert (wrong.loc.line, wrong.message) == (7, "x: tercetak 'mengalami kenaikan', menurut data 'turun'")
    negated = compare_text(Printed("tidak naik", loc), "naik", "x", "tren")
    assert negated.message == "x: tercetak 'tidak naik', menurut data 'naik'"


def test_no_change_agrees_with_tetap_only():
    assert words.agrees("tren", "tidak mengalami perubahan", "tetap")
    assert not words.agrees("tren", "tidak mengalami perubahan", "naik")
    assert not words.agrees("tren", "tidak mengalami perubahan", "turun")


def test_not_yet_reached_is_not_reached():
    assert words.meaning("status", "belum tercapai") == "tidak tercapai"
    assert words.agrees("status", "belum tercapai", "tidak tercapai")
    assert not words.agrees("status", "belum tercapai", "tercapai")
    assert not words.agrees("status", "belum tercapai", "terlampaui")
    assert not words.agrees("status", "belum tercapai", "tercapai (sementara)")


def test_reached_is_true_of_a_target_exceeded_but_not_the_reverse():
    assert words.agrees("status", "tercapai", "terlampaui")
    assert words.agrees("status", "sudah tercapai", "terlampaui")
    assert words.agrees("status", "telah mencapai target", "terlampaui")
    assert not words.agrees("status", "terlampaui", "tercapai")
    assert not words.agrees("status", "melampaui target", "tercapai")


def test_a_provisional_computed_word_means_its_word():
    assert words.agrees("status", "tercapai", "tercapai (sementara)")
    assert words.agrees("status", "sudah tercapai", "tercapai (sementara)")
    assert words.agrees("status", "tercapai", "terlampaui (sementara)")
    assert words.agrees("tren", "mengalami kenaikan", "naik (sementara)")
    assert not words.agrees("status", "tidak tercapai", "tercapai (sementara)")


@pytest.mark.parametrize("group, printed", [("tren", "lebih baik"), ("tren", "membaik"), ("tren", "memburuk"),
                                            ("banding", "lebih baik"), ("banding", "lebih unggul")])
def test_a_word_whose_meaning_depends_on_the_indikator_names_none(group, printed):
    """Higher is better for one indikator and worse for another: such a word is compared as text."""
    assert words.meaning(group, printed) is None


def test_an_unknown_phrasing_compares_as_plain_text():
    assert words.meaning("tren", "membaik") is None
    assert not words.agrees("tren", "membaik", "naik")
    assert words.agrees("tren", " Membaik.", "membaik")
    assert not words.agrees("status", "sangat memuaskan", "tercapai")
