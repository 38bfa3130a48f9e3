"""Words that compare or judge, produced from figures so that prose cannot contradict the tables.

A report says a figure went up (naik), was reached (tercapai) or is higher than another's
(lebih tinggi). The build gives these words from the numbers, never from the author, and a
word the signed document printed is compared with them by meaning: each word has a few
common phrasings ("meningkat" and "mengalami peningkatan" mean naik). A printed phrasing
that names no known meaning is compared as plain text.

Groups and their words (the first is the one shown):
  tren    naik, turun, tetap                 a value against the year before
  status  terlampaui, tercapai, tidak tercapai  a capaian against 100%
  banding lebih tinggi, lebih rendah, sama   one value against another
  cakupan semua, sebagian, tidak satu pun    how many of a set (e.g. indikator reaching target)

A word that opens a sentence is shown with a capital (lkjip.render.chapters).
"""
from __future__ import annotations

import re
from decimal import Decimal

TREN: dict[str, tuple[str, ...]] = {
    "naik": ("naik", "meningkat", "mengalami peningkatan", "peningkatan", "bertambah", "selalu meningkat",
             "selalu mengalami peningkatan"),
    "turun": ("turun", "menurun", "mengalami penurunan", "penurunan", "berkurang"),
    "tetap": ("tetap", "sama", "stabil", "konsisten", "tidak berubah"),
}
STATUS: dict[str, tuple[str, ...]] = {
    "terlampaui": ("terlampaui", "melampaui", "melampaui target", "melebihi target", "melebihi"),
    "tercapai": ("tercapai", "mencapai target", "memenuhi target", "sesuai target", "sesuai dengan target",
                 "tercapainya", "telah tercapai", "berhasil memenuhi target"),
    "tidak tercapai": ("tidak tercapai", "tidak tercapainya", "belum tercapai", "tidak mencapai target",
                       "tidak memenuhi target", "belum memenuhi target"),
}
BANDING: dict[str, tuple[str, ...]] = {
    "lebih tinggi": ("lebih tinggi", "lebih besar", "di atas", "melebihi"),
    "lebih rendah": ("lebih rendah", "lebih kecil", "di bawah"),
    "sama": ("sama", "sama dengan", "setara"),
}
CAKUPAN: dict[str, tuple[str, ...]] = {
    "semua": ("semua", "seluruh", "seluruhnya"),
    "sebagian": ("sebagian", "sebagian besar", "beberapa"),
    "tidak satu pun": ("tidak satu pun", "tidak ada", "belum ada"),
}
PROVISIONAL = " (sementara)"
"""What follows a figure or word drawn from a provisional realisasi ("tercapai (sementara)")."""

GROUPS = {"tren": TREN, "status": STATUS, "banding": BANDING, "cakupan": CAKUPAN}

# A printed word that is weaker than the computed one still agrees: "tercapai" is true of a
# target that was exceeded.
_ALSO = {("status", "tercapai"): ("terlampaui",)}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip(" .,;:\"'“”")


def meaning(group: str, text: str) -> str | None:
    """The word of `group` a phrasing means, or None when it names none."""
    said = _norm(text)
    return next((word for word, forms in GROUPS[group].items() if said in forms), None)


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
