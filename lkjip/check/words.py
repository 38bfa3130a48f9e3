"""Words that compare or judge, produced from figures so that prose cannot contradict the tables.

A report says a figure went up (naik), was reached (tercapai) or is higher than another's
(lebih tinggi). The build gives these words from the numbers, never from the author, and a
word the signed document printed is compared with them by meaning, so that a word the office
wrote that means what the figures show is never published as a correction.

Groups and their words (the first is the one shown):
  tren    naik, turun, tetap                    a value against the year before
  status  terlampaui, tercapai, tidak tercapai  a capaian against 100%
  banding lebih tinggi, lebih rendah, sama      one value against another
  cakupan semua, sebagian, tidak satu pun       how many of a set (e.g. indikator reaching target)

Each word has a family of forms (TREN, STATUS, BANDING, CAKUPAN): the common Indonesian
phrasings whose meaning is certain ("kenaikan", "peningkatan", "meningkat" and "bertambah"
mean naik; "belum tercapai" and "di bawah target" mean tidak tercapai). A phrasing whose word
depends on the indikator is left out: "lebih baik", "membaik" or "memburuk" say naik for one
indikator and turun for another whose lower values are better. Status forms speak of
performance against the target, as LKjIP prose does ("di atas target" is terlampaui), since
the capaian they judge already takes the indikator's direction into account.

Before the families are consulted a printed phrasing is normalised (`readings`): words that
only frame the statement are removed one at a time, leading auxiliaries and aspect words
("mengalami", "menunjukkan", "terjadi", "telah", "sudah", "semakin", "cenderung", ...) and
trailing qualifiers of size, repetition or the year compared with ("yang signifikan",
"sedikit", "kembali", "dibanding tahun sebelumnya", ...), so "telah mengalami kenaikan yang
signifikan dibanding tahun lalu" means naik. A negation ("tidak", "belum", "tak", "bukan",
"tanpa", "gagal") is never removed: "tidak naik" names no word, and a negated form means
something only where its family lists it ("tidak mengalami perubahan" is tetap, "belum
tercapai" tidak tercapai). A printed phrasing that names no known meaning is compared as
plain text, so an unknown word is never taken to agree.

A word that opens a sentence is shown with a capital (lkjip.render.chapters).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

TREN: dict[str, tuple[str, ...]] = {
    "naik": ("naik", "naiknya", "kenaikan", "meningkat", "meningkatnya", "peningkatan", "bertambah",
             "penambahan", "bertumbuh", "tumbuh", "pertumbuhan", "melonjak", "lebih tinggi", "lebih besar",
             "lebih banyak"),
    "turun": ("turun", "turunnya", "menurun", "menurunnya", "penurunan", "berkurang", "pengurangan",
              "merosot", "menyusut", "lebih rendah", "lebih kecil", "lebih sedikit"),
    "tetap": ("tetap", "tetap sama", "sama", "stabil", "konsisten", "konstan", "stagnan", "tidak berubah",
              "tidak ada perubahan", "tidak mengalami perubahan", "tidak terjadi perubahan",
              "tidak terdapat perubahan", "tidak menunjukkan perubahan", "tidak menunjukan perubahan",
              "tanpa perubahan"),
}
STATUS: dict[str, tuple[str, ...]] = {
    "terlampaui": ("terlampaui", "terlampauinya", "dilampaui", "melampaui", "melampaui target", "melebihi",
                   "melebihi target", "di atas target", "target terlampaui", "berhasil melampaui target",
                   "berhasil melebihi target"),
    "tercapai": ("tercapai", "tercapainya", "terpenuhi", "berhasil dicapai", "berhasil tercapai", "dapat dicapai",
                 "dapat tercapai", "mencapai target", "memenuhi target", "berhasil mencapai target",
                 "berhasil memenuhi target", "dapat mencapai target", "dapat memenuhi target", "sesuai target",
                 "sesuai dengan target", "target tercapai", "target terpenuhi"),
    "tidak tercapai": ("tidak tercapai", "tidak tercapainya", "tak tercapai", "belum tercapai", "belum tercapainya",
                       "belum sepenuhnya tercapai", "tidak terpenuhi", "belum terpenuhi", "tidak berhasil dicapai",
                       "belum berhasil dicapai", "tidak dapat dicapai", "tidak dapat tercapai", "belum dapat dicapai",
                       "belum dapat tercapai", "tidak mencapai target", "belum mencapai target",
                       "tidak memenuhi target", "belum memenuhi target", "tidak berhasil mencapai target",
                       "belum berhasil mencapai target", "gagal mencapai target", "di bawah target",
                       "target tidak tercapai", "target belum tercapai"),
}
BANDING: dict[str, tuple[str, ...]] = {
    "lebih tinggi": ("lebih tinggi", "lebih besar", "lebih banyak", "lebih dari", "di atas", "melebihi"),
    "lebih rendah": ("lebih rendah", "lebih kecil", "lebih sedikit", "kurang dari", "di bawah"),
    "sama": ("sama", "sama dengan", "sama besar", "sama tinggi", "setara", "setara dengan"),
}
CAKUPAN: dict[str, tuple[str, ...]] = {
    "semua": ("semua", "semuanya", "seluruh", "seluruhnya", "keseluruhan"),
    "sebagian": ("sebagian", "sebagian besar", "sebagian kecil", "beberapa", "hampir semua", "hampir seluruh",
                 "hampir seluruhnya"),
    "tidak satu pun": ("tidak satu pun", "tidak satupun", "tak satu pun", "tidak ada", "tidak ada satu pun",
                       "belum ada", "belum satu pun"),
}
PROVISIONAL = " (sementara)"
"""What follows a figure or word drawn from a provisional realisasi ("tercapai (sementara)")."""

GROUPS = {"tren": TREN, "status": STATUS, "banding": BANDING, "cakupan": CAKUPAN}

# A printed word that is weaker than the computed one still agrees: "tercapai" is true of a
# target that was exceeded.
_ALSO = {("status", "tercapai"): ("terlampaui",)}

NEGATIONS = ("tidak", "tak", "belum", "bukan", "tanpa", "gagal")
"""Words that turn a meaning round; never part of an auxiliary or a qualifier, so never removed."""

AUXILIARIES = ("mengalami", "menunjukkan", "menunjukan", "memperlihatkan", "terjadi", "terdapat", "adanya", "ada",
               "telah", "sudah", "masih", "selalu", "semakin", "makin", "kian", "terus", "terus menerus",
               "terus-menerus", "cenderung", "relatif", "juga", "kembali", "sedikit")
"""Leading words that frame a statement without changing what it says ("mengalami kenaikan")."""

_YEAR_BEFORE = ("tahun sebelumnya", "tahun lalu", "tahun kemarin")
_AGAINST = ("dari", "daripada", "dari pada", "dibanding", "dibandingkan", "dibandingkan dengan", "terhadap",
            "dengan", "jika dibandingkan", "jika dibandingkan dengan", "bila dibandingkan dengan")
QUALIFIERS = (
    "signifikan", "yang signifikan", "secara signifikan", "cukup signifikan", "yang cukup signifikan",
    "sangat signifikan", "yang sangat signifikan", "tajam", "yang tajam", "drastis", "secara drastis", "pesat",
    "yang pesat", "tipis", "sedikit", "kembali", "lagi", "pula", "juga", "sepenuhnya", "dengan baik",
    "dari tahun ke tahun", "setiap tahun", "setiap tahunnya", "tiap tahun", "tiap tahunnya",
    *_AGAINST, *(f"{a} {y}" for a in _AGAINST for y in _YEAR_BEFORE))
"""Trailing words that say how much, how often or against what, not which way ("naik sedikit",
"kenaikan yang signifikan", "lebih tinggi daripada", "turun dibanding tahun lalu")."""


def _either(phrases: tuple[str, ...]) -> str:
    # longest first, so "terus menerus" is removed whole rather than leaving "menerus"
    return "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))


_LEADING = re.compile(rf"^(?:{_either(AUXILIARIES)}) (?=\S)")
_TRAILING = re.compile(rf"(?<=\S) (?:{_either(QUALIFIERS)})$")
_FORMS = {group: {form: word for word, forms in families.items() for form in forms}
          for group, families in GROUPS.items()}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip(" .,;:\"'“”")


def readings(text: str) -> Iterator[str]:
    """The phrasing as written (case and spacing aside), then each shorter phrasing left by
    removing one leading auxiliary or, when none leads, one trailing qualifier, until neither is left.

    Offices frame the same judgement in many ways ("naik", "mengalami kenaikan", "telah
    mengalami kenaikan yang signifikan dibanding tahun lalu"); listing every framing in the
    families would never end, and a family form missed turns a correct sentence into a published
    correction. Only the framing is removed: a negation is no auxiliary or qualifier, so "tidak
    naik" stays "tidak naik". Each step is read in turn, so a form that ends like a qualifier
    ("lebih sedikit") is found before it is shortened."""
    said = _norm(text)
    while True:
        yield said
        shorter = _LEADING.sub("", said, count=1)
        if shorter == said:
            shorter = _TRAILING.sub("", said, count=1)
        if shorter == said:
            return
        said = shorter


def meaning(group: str, text: str) -> str | None:
    """The word of `group` a phrasing means, or None when it names none."""
    forms = _FORMS[group]
    return next((forms[said] for said in readings(text) if said in forms), None)


def unqualified(text: str) -> str:
    """A word or figure without its provisional qualifier: "tercapai (sementara)" says "tercapai"."""
    return text.removesuffix(PROVISIONAL)


def agrees(group: str, printed: str, computed: str) -> bool:
    """Whether the printed phrasing says what the computed word says (a provisional word,
    "tercapai (sementara)", means what its word means)."""
    computed = unqualified(computed)
    said, word = meaning(group, printed), meaning(group, computed)
    if said is None or word is None:
        return _norm(printed) == _norm(computed)
    return said == word or word in _ALSO.get((group, said), ())


def compare(a: Decimal, b: Decimal) -> str:
    """`banding`: a against b, as the reader sees the two numbers."""
    return "lebih tinggi" if a > b else "lebih rendah" if a < b else "sama"


def status(capaian: Decimal | None) -> str | None:
    """`status`: a capaian already rounded as shown, against 100%."""
    if capaian is None:
        return None
    return "terlampaui" if capaian > 100 else "tercapai" if capaian == 100 else "tidak tercapai"


def cakupan(count: int, total: int) -> str | None:
    """`cakupan`: how many of `total` things `count` is; None for an empty set."""
    if total == 0:
        return None
    return "semua" if count == total else "tidak satu pun" if count == 0 else "sebagian"
