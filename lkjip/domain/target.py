"""A target as one document set it: the fact every target comparison is made of.

Targets for one indikator and year appear in several documents (Perjanjian Kinerja, RKT,
IKU, Renstra, Renja). Each keeps its own; which one counts is decided in one place
(`kinerja.dokumen`), and the others are compared with it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..diagnostics import Loc

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
