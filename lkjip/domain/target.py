"""A target as one document set it: the fact every target comparison is made of.

Targets for one indikator and year appear in several documents (Perjanjian Kinerja, RKT,
IKU, Renstra, Renja). Each keeps its own; which one counts is decided in one place
(`kinerja.dokumen`), and the others are compared with it.

Whatever document writes a target writes it by the rule of a realisasi: a word of the
indikator's scale where the indikator is of jenis kategori, a number everywhere else. A
matrix cell (Renstra, Renja) is a quantity with its unit ('22 orang', '100%') or such a word.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..diagnostics import Diagnostic, Loc, error
from ..numbers import as_written
from ..schema import Quantity, QuantityType
from ..schema.core import Context
from ..source.slips import NUMBER_LIKE, number_hint
from ..source.yamlfile import PathKey

Measure = Decimal | str
"""A target or realisasi: a number, or a category on an ordered scale (a SAKIP grade 'BB')."""


@dataclass(frozen=True)
class TargetFact:
    dokumen: str          # the setting document's id (a PK id, 'rkt', 'iku', a Renstra version, 'renja')
    label: str            # the document's title, for messages
    peran: str            # pk, dokumen, renstra, renja, riwayat
    indikator: str
    tahun: int
    nilai: Measure
    loc: Loc
    keterangan: str | None = None
    berlaku: bool = True  # False for a superseded PK or a Renstra version no longer in force


WORD_PATTERN = r"^\s*[A-Za-z]"
"""A category word starts with a letter (AA, BB, Baik); a quantity with a digit. ASCII, as the
editors' regular expressions are."""
_WORD = re.compile(WORD_PATTERN)
NUMBER_HINT = "tulis angka (titik desimal) lalu satuannya, mis. '81.5' atau '12 paket'"
"""QuantityType's own hint for a text that is no quantity, kept for a word where no word belongs."""

Nilai = Quantity | str
"""A target as a matrix cell prints it: a quantity, or a category word of the row's indikator."""


class NilaiType(QuantityType):
    """A quantity, or a category word (a SAKIP grade 'BB').

    Whether a word belongs depends on the row, which one field cannot see: the subject allows it
    only where the row's indikator is of jenis kategori, and only a word of its scale
    (`value_problems`); a row that represents no indikator prints it as written."""

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, str) and _WORD.match(value) and not number_hint(value):
            return value.strip()
        return super().convert(value, path, ctx)

    def describe(self) -> str:
        return f"{self.expected}, atau kategori (mis. BB) untuk indikator berjenis kategori"

    def json(self) -> dict[str, Any]:
        word = {"type": "string", "pattern": WORD_PATTERN, "not": {"pattern": NUMBER_LIKE}}
        return {"anyOf": [super().json(), word]}


def measure_of(value: Nilai) -> Measure:
    """What a cell says as a target fact: the number of a quantity, or the category word."""
    return value if isinstance(value, str) else value.value


Kind = tuple[str, tuple[str, ...] | None]
"""An indikator's jenis, and its category scale (None where it has none)."""


def value_problems(kind: Kind | None, indikator: str, value: Nilai | Measure, where: Loc,
                   expected: str = QuantityType.expected, hint: str = NUMBER_HINT) -> Iterator[Diagnostic]:
    """The rule of a realisasi for a written target: a category indikator's are words of its scale,
    any other's numbers. `expected` and `hint` say what the field takes where no word belongs."""
    if kind is None:
        return  # an unknown indikator is reported as a reference
    jenis, scale = kind
    if jenis == "kategori":
        if scale is None:
            return  # the missing scale is reported with the indikator
        if not isinstance(value, str):
            yield error(where, f"indikator {indikator} berjenis kategori: diharapkan salah satu kategori "
                        f"{', '.join(scale)}, ditemukan angka {_written(value)}",
                        "tulis kategorinya, seperti pada Perjanjian Kinerja", "type")
        elif value not in scale:
            yield error(where, f"kategori '{value}' tidak ada pada skala indikator {indikator} ({', '.join(scale)})",
                        "tulis salah satu kategori skala itu, persis seperti di data/indikator.yaml", "type")
    elif isinstance(value, str):
        yield error(where, f"diharapkan {expected}, ditemukan teks '{value}'",
                    f"{hint}; kata hanya untuk indikator berjenis kategori, sedangkan {indikator} berjenis {jenis}",
                    "type")


def _written(value: Quantity | Decimal) -> str:
    if isinstance(value, Quantity):
        return f"{as_written(value.value)}{'' if value.unit in ('', '%') else ' '}{value.unit}"
    return as_written(value)
