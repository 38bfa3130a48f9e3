"""Typed display values: what a figure is, and how it is written the Indonesian way.

A `Value` knows its kind (an amount, rupiah, a percentage, a date, text, or "cannot be
computed") and its precision, but not how a page lays it out. A source value is shown as
it was written (87,5; 2,5996); a computed figure at the report's rounding rule, which the
caller passes in (`places`): the precision travels with the value, not in global state.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .. import numbers
from ..check.words import PROVISIONAL
from ..isian import UnfilledDate

TIDAK_DAPAT_DIHITUNG = "tidak dapat dihitung"
BELUM_DAPAT_DIUKUR = "belum dapat diukur"
"""An indikator without a realisasi for the year: no capaian, no predikat, not in any average."""
NUMERIC = ("angka", "rupiah", "persen")
ValueKind = Literal["angka", "rupiah", "persen", "teks", "tanggal", "kosong"]
"""What a value is; a page aligns and a data file exports it by this."""


@dataclass(frozen=True)
class Value:
    kind: ValueKind
    raw: Decimal | int | str | dt.date | None = None
    unit: str = ""
    places: int | None = None                     # None: as written; else a computed figure's precision
    sementara: bool = False
    note: str = ""
    kata: str = ""                                # a judging word's group (lkjip.check.words), compared by meaning
    tulisan: str = ""                             # a signed number exactly as its document wrote it

    def text(self) -> str:
        if self.tulisan:
            return self.tulisan
        if self.kind == "kosong":
            return self.note or "–"
        if self.kind == "teks":
            return str(self.raw) + (PROVISIONAL if self.sementara else "")
        if isinstance(self.raw, dt.date):
            return numbers.date(self.raw)
        assert isinstance(self.raw, (Decimal, int))
        if self.kind == "rupiah":
            out = numbers.rupiah(self.raw)
        else:
            out = numbers.as_written(self.raw) if self.places is None else numbers.computed(self.raw, self.places)
            if self.kind == "persen":
                out += "%"
            elif self.unit:
                out += " " + self.unit  # "48,16 km²": a space before every unit symbol
        return out + (PROVISIONAL if self.sementara else "")

    @property
    def is_number(self) -> bool:
        return self.kind in NUMERIC

    @property
    def is_empty(self) -> bool:
        return self.kind == "kosong" and not self.note

    @property
    def number(self) -> Decimal | None:
        return Decimal(self.raw) if self.is_number and isinstance(self.raw, (Decimal, int)) else None


EMPTY = Value("kosong")


def text(raw: str | None, sementara: bool = False) -> Value:
    return Value("teks", raw, sementara=sementara) if raw not in (None, "") else EMPTY


def word(raw: str | None, group: str, sementara: bool = False) -> Value:
    """A word that compares or judges (naik, tercapai, lebih tinggi), from `lkjip.check.words`; drawn from a
    provisional realisasi, it is provisional too ("tercapai (sementara)")."""
    return Value("teks", raw, sementara=sementara, kata=group) if raw else Value("kosong", note=TIDAK_DAPAT_DIHITUNG)


def source(raw: Decimal | int | None, unit: str = "", sementara: bool = False) -> Value:
    """A number as the data gives it, shown with the precision it was written with."""
    return EMPTY if raw is None else Value("angka", Decimal(raw), unit, None, sementara)


def computed(raw: Decimal | int | None, places: int, unit: str = "", sementara: bool = False,
             reason: str = TIDAK_DAPAT_DIHITUNG) -> Value:
    """A derived number, shown at the report's rounding rule; None means it cannot be computed."""
    return Value("kosong", note=reason) if raw is None else Value("angka", Decimal(raw), unit, places, sementara)


def rupiah(raw: int | None) -> Value:
    return EMPTY if raw is None else Value("rupiah", int(raw))


def percent(raw: Decimal | int | None, places: int | None = None, sementara: bool = False,
            reason: str = TIDAK_DAPAT_DIHITUNG) -> Value:
    """A percentage: `places=None` for a source value, the rule's precision for a computed one."""
    if raw is None:
        return Value("kosong", note=reason)
    return Value("persen", Decimal(raw), places=places, sementara=sementara)


def date(raw: dt.date | None) -> Value:
    if isinstance(raw, UnfilledDate):
        return Value("teks", raw.text)  # a placeholder shows what is to be filled in
    return EMPTY if raw is None else Value("tanggal", raw)


def count(raw: int) -> Value:
    return Value("angka", int(raw))
