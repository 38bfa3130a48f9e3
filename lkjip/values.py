"""Typed display values and the namespace of named figures that Markdown can quote.

A `Value` knows what it is (an amount, rupiah, a percentage, a date, text, or "cannot be
computed") but not how a page lays it out; `text()` applies the report's formats. The
namespace maps dotted keys (`anggaran.serapan`, `indikator.sakip.capaian`) to values, so
prose draws its numbers from the same model as the tables.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import formatting

TIDAK_DAPAT_DIHITUNG = "tidak dapat dihitung"


@dataclass(frozen=True)
class Value:
    kind: str                 # angka, rupiah, persen, teks, tanggal, kosong
    raw: Any = None
    unit: str = ""
    places: int | None = None
    sementara: bool = False
    note: str = ""

    def text(self) -> str:
        if self.kind == "kosong":
            return self.note or "–"
        if self.kind == "teks":
            return str(self.raw)
        if self.kind == "tanggal":
            return formatting.date(self.raw)
        if self.kind == "rupiah":
            out = formatting.rupiah(self.raw)
        elif self.kind == "persen":
            out = formatting.percent(self.raw, self.places)
        else:
            out = formatting.number(self.raw, self.places)
            if self.unit:
                out += ("" if self.unit in ("%", "km²") else " ") + self.unit
        return out + (" (sementara)" if self.sementara else "")

    @property
    def is_number(self) -> bool:
        return self.kind in ("angka", "rupiah", "persen")


def text(raw: Any) -> Value:
    return Value("teks", raw) if raw not in (None, "") else Value("kosong")


def amount(raw, unit: str = "", places: int | None = None, sementara: bool = False) -> Value:
    if raw is None:
        return Value("kosong")
    return Value("angka", Decimal(raw), unit, places, sementara)


def rupiah(raw) -> Value:
    return Value("kosong") if raw is None else Value("rupiah", int(raw))


def percent(raw, places: int | None = None, sementara: bool = False, reason: str = TIDAK_DAPAT_DIHITUNG) -> Value:
    return Value("kosong", note=reason) if raw is None else Value("persen", Decimal(raw), places=places,
                                                                   sementara=sementara)


def date(raw: dt.date | None) -> Value:
    return Value("kosong") if raw is None else Value("tanggal", raw)


def measure(raw, satuan: str, sementara: bool = False) -> Value:
    """An indikator's own unit: '%' gives a percentage, a word gives '2 Inovasi'."""
    if raw is None:
        return Value("kosong")
    if satuan == "%":
        return Value("persen", Decimal(raw), sementara=sementara)
    return amount(raw, satuan, sementara=sementara)

