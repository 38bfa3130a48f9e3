"""Derived figures: small pure functions, each declaring what it needs, run in dependency order.

Nothing here formats or rounds: results keep full Decimal precision, and the one rounding
rule lives in `formatting`. A figure that cannot be computed (a target of 0) is `None`
with a reason, never 0% or 100%.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from graphlib import TopologicalSorter
from types import MappingProxyType
from typing import Any, Callable

from . import formatting
from .validate import Model

FIGURES: dict[str, tuple[tuple[str, ...], Callable]] = {}


def figure(name: str, needs: tuple[str, ...] = ()):
    def register(fn):
        FIGURES[name] = (needs, fn)
        return fn
    return register


def compute_all(model: Model) -> MappingProxyType:
    order = TopologicalSorter({name: set(needs) for name, (needs, _) in FIGURES.items()}).static_order()
    results: dict[str, Any] = {}
    for name in order:
        results[name] = FIGURES[name][1](model, MappingProxyType(results))
    return MappingProxyType(results)


# --- formulas -------------------------------------------------------------------------

def capaian(target: Decimal | None, realisasi: Decimal | None, arah: str) -> Decimal | None:
    """PermenPANRB 6/2022: realisasi/target x 100 when higher is better, (2T - R)/T x 100 when
    lower is better. Undefined (None) without a target, a realisasi, or with a target of 0."""
    if target is None or realisasi is None or target == 0:
        return None
    if arah == "naik":
        return realisasi / target * 100
    return (2 * target - realisasi) / target * 100


def share(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) / Decimal(whole) * 100


def predikat(value: Decimal | None, scale, places: int) -> str | None:
    if value is None:
        return None
    rounded = formatting.round_half_up(value, places)
    for band in sorted(scale.tingkat, key=lambda b: b.min, reverse=True):
        if rounded >= band.min:
            return band.predikat
    return None


# --- penduduk -------------------------------------------------------------------------

@dataclass(frozen=True)
class PendudukRow:
    id: str
    nama: str
    l: int
    p: int

    @property
    def jumlah(self) -> int:
        return self.l + self.p


@dataclass(frozen=True)
class Penduduk:
    rows: tuple[PendudukRow, ...]
    l: int
    p: int
    jumlah: int
    jumlah_desa: int


def slug(text: str) -> str:
    """A desa's row id from its name: 'Kedung Mungal' -> 'kedung_mungal'."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


@figure("penduduk")
def penduduk(model: Model, results) -> Penduduk:
    rows = tuple(PendudukRow(slug(d.nama), d.nama, d.l, d.p) for d in model.penduduk.desa)
    l, p = sum(r.l for r in rows), sum(r.p for r in rows)
    return Penduduk(rows, l, p, l + p, len(rows))


# --- anggaran ------------------------------------------------------------------------

@dataclass(frozen=True)
class Budget:
    """Pagu and realisasi of one sub-kegiatan, one program, or the whole DPA."""

    id: str
    kode: str
    uraian: str
    pagu: int
    kontrak: int
    sd_bulan_lalu: int
    bulan_ini: int
    program: str = ""

    @property
    def realisasi(self) -> int:
        return self.sd_bulan_lalu + self.bulan_ini

    @property
    def serapan(self) -> Decimal | None:
        return share(self.realisasi, self.pagu)

    @property
    def sisa(self) -> int:
        return self.pagu - self.realisasi


@dataclass(frozen=True)
class Anggaran:
    sub_kegiatan: tuple[Budget, ...]
    program: MappingProxyType  # id -> Budget
    total: Budget


def _sum(id: str, kode: str, uraian: str, items: list[Budget], program: str = "") -> Budget:
    return Budget(id, kode, uraian, sum(b.pagu for b in items), sum(b.kontrak for b in items),
                  sum(b.sd_bulan_lalu for b in items), sum(b.bulan_ini for b in items), program)


@figure("anggaran")
def anggaran(model: Model, results) -> Anggaran:
    data = model.anggaran
    owner = {}
    for sub in data.sub_kegiatan:
        owner[sub.kode] = next(p.id for p in data.program if sub.kode.startswith(p.kode + "."))
    subs = tuple(Budget(s.kode, s.kode, s.uraian, s.anggaran, s.kontrak, s.sd_bulan_lalu, s.bulan_ini,
                        owner[s.kode]) for s in data.sub_kegiatan)
    programs = {p.id: _sum(p.id, p.kode, p.nama, [s for s in subs if s.program == p.id], p.id)
                for p in data.program}
    total = _sum("jumlah", "", "Jumlah", list(subs))
    return Anggaran(subs, MappingProxyType(programs), total)


# --- IKM -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Ikm:
    nrr_rata_rata: Decimal
    nilai: Decimal
    mutu: str | None
    kinerja: str | None


@figure("ikm")
def ikm(model: Model, results) -> Ikm:
    data = model.ikm
    mean = sum(u.nrr for u in data.unsur) / len(data.unsur)
    value = mean * data.konversi
    shown = formatting.round_half_up(value, model.laporan.pembulatan.desimal)
    band = next((b for b in data.interval if b.nik_min <= shown <= b.nik_max), None)
    return Ikm(mean, value, band.mutu if band else None, band.kinerja if band else None)


@dataclass(frozen=True)
class Derived:
    """Realisasi that other figures supply (see `datasets.CALCULATED_SOURCES`)."""

    values: MappingProxyType


@figure("sumber_turunan", needs=("ikm", "anggaran"))
def sumber_turunan(model: Model, results) -> Derived:
    return Derived(MappingProxyType({
        "ikm": results["ikm"].nilai,
        "serapan_anggaran": results["anggaran"].total.serapan,
    }))
