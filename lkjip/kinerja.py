"""Performance figures: target lineage, capaian, predikat, tingkat kemajuan, efisiensi, PK changes.

Targets for one indikator and year appear in several documents. Each document's targets
are kept as its own facts; the target that counts (`berlaku`) is the latest Perjanjian
Kinerja: the Perubahan, when there is one, else the original.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from .diagnostics import Loc
from .figures import capaian, figure, predikat
from .validate import Model

DOCUMENT_LABELS = {
    "pk": "Perjanjian Kinerja", "pk_perubahan": "Perjanjian Kinerja Perubahan", "rkt": "RKT",
    "iku": "IKU", "renstra_baru": "Renstra (reviu)", "renstra_lama": "Renstra lama", "renja": "Renja",
}


@dataclass(frozen=True)
class TargetFact:
    dokumen: str
    indikator: str
    tahun: int
    nilai: Decimal
    loc: Loc
    keterangan: str | None = None

    @property
    def label(self) -> str:
        return DOCUMENT_LABELS.get(self.dokumen, self.dokumen)


@dataclass(frozen=True)
class Targets:
    facts: tuple[TargetFact, ...]

    def find(self, indikator: str, tahun: int, dokumen: str) -> TargetFact | None:
        return next((f for f in self.facts if (f.indikator, f.tahun, f.dokumen) == (indikator, tahun, dokumen)),
                    None)

    def berlaku(self, indikator: str, tahun: int) -> TargetFact | None:
        """The target that capaian is measured against: PK Perubahan, else PK."""
        return self.find(indikator, tahun, "pk_perubahan") or self.find(indikator, tahun, "pk")


def _document_facts(doc, dokumen: str) -> list[TargetFact]:
    return [TargetFact(dokumen, t.indikator, doc.tahun, t.nilai, t.loc, t.keterangan) for t in doc.target]


@figure("target")
def targets(model: Model, results) -> Targets:
    facts: list[TargetFact] = []
    for doc in model.perjanjian_kinerja.dokumen:
        facts += _document_facts(doc, doc.id)
    facts += _document_facts(model.rkt, "rkt")
    facts += _document_facts(model.iku, "iku")
    for ind in model.indikator.indikator:
        for dokumen, years in (ind.target or {}).items():
            for year, value in years.items():
                facts.append(TargetFact(dokumen, ind.id, year, value, ind.loc.at(f"{ind.loc.path}.target")))
    for row in model.renstra.baris:
        if not row.indikator_kinerja:
            continue
        for dokumen in ("renstra_lama", "renstra_baru"):
            for year, cell in (getattr(row, dokumen) or {}).items():
                if cell.target is not None:
                    facts.append(TargetFact(dokumen, row.indikator_kinerja, year, cell.target.value, row.loc))
    for row in model.renja.baris:
        if row.indikator_kinerja and row.target is not None:
            facts.append(TargetFact("renja", row.indikator_kinerja, model.laporan.tahun, row.target.value, row.loc))
    return Targets(tuple(facts))


@dataclass(frozen=True)
class Realisasi:
    nilai: Decimal | None
    sementara: bool = False
    catatan: str | None = None
    dihitung: str | None = None


@dataclass(frozen=True)
class Kinerja:
    """One indikator's computed performance for the report year, plus its history."""

    id: str
    target: TargetFact | None
    realisasi: Realisasi
    capaian: Decimal | None
    predikat: str | None
    target_akhir: TargetFact | None
    kemajuan: Decimal | None
    riwayat: MappingProxyType  # year -> (target Decimal|None, Realisasi)


def _realisasi(entry, derived) -> Realisasi:
    if entry is None:
        return Realisasi(None)
    if isinstance(entry, Decimal):
        return Realisasi(entry)
    if entry.dihitung:
        return Realisasi(derived[entry.dihitung], bool(entry.sementara), entry.catatan, entry.dihitung)
    return Realisasi(entry.nilai, bool(entry.sementara), entry.catatan)


@figure("kinerja", needs=("target", "sumber_turunan"))
def kinerja(model: Model, results) -> MappingProxyType:
    tahun = model.laporan.tahun
    akhir = model.renstra.periode.akhir
    index: Targets = results["target"]
    derived = results["sumber_turunan"].values
    places = model.laporan.pembulatan.desimal
    out = {}
    for ind in model.indikator.indikator:
        target = index.berlaku(ind.id, tahun)
        real = _realisasi(ind.realisasi.get(tahun), derived)
        value = capaian(target.nilai if target else None, real.nilai, ind.arah)
        target_akhir = index.find(ind.id, akhir, "renstra_baru")
        kemajuan = capaian(target_akhir.nilai if target_akhir else None, real.nilai, ind.arah)
        history = {}
        for year in sorted(set(ind.realisasi) | {f.tahun for f in index.facts if f.indikator == ind.id}):
            if year > tahun:
                continue
            t = index.berlaku(ind.id, year)
            history[year] = (t.nilai if t else None, _realisasi(ind.realisasi.get(year), derived))
        out[ind.id] = Kinerja(ind.id, target, real, value, predikat(value, model.skala.predikat, places),
                              target_akhir, kemajuan, MappingProxyType(history))
    return MappingProxyType(out)


@dataclass(frozen=True)
class EfisiensiRow:
    indikator: str
    capaian: Decimal | None
    serapan: Decimal | None
    efisiensi: Decimal | None


@dataclass(frozen=True)
class Efisiensi:
    rumus: str
    rows: tuple[EfisiensiRow, ...]
    rata_rata: Decimal | None
    rata_rata_capaian: Decimal | None
    serapan: Decimal | None


FORMULAS = {
    "capaian_dikurangi_serapan": (
        lambda c, s: None if c is None or s is None else c - s,
        "Tingkat efisiensi = capaian kinerja (%) − penyerapan anggaran (%). Nilai positif berarti "
        "capaian kinerja lebih tinggi daripada bagian anggaran yang terpakai."),
    "sisa_anggaran": (
        lambda c, s: None if s is None else 100 - s,
        "Tingkat efisiensi = 100% − penyerapan anggaran (%), yaitu bagian anggaran yang tidak terpakai."),
}


def _mean(values) -> Decimal | None:
    values = [v for v in values if v is not None]
    return sum(values) / len(values) if values else None


@figure("efisiensi", needs=("kinerja", "anggaran"))
def efisiensi(model: Model, results) -> Efisiensi:
    fn, _ = FORMULAS[model.efisiensi.rumus]
    budget = results["anggaran"]
    rows = []
    for row in model.efisiensi.baris:
        source = budget.total if row.anggaran == "total" else budget.program.get(row.anggaran)
        serapan = source.serapan if source else None
        c = results["kinerja"][row.indikator].capaian
        rows.append(EfisiensiRow(row.indikator, c, serapan, fn(c, serapan)))
    return Efisiensi(model.efisiensi.rumus, tuple(rows), _mean(r.efisiensi for r in rows),
                     _mean(r.capaian for r in rows), budget.total.serapan)


@dataclass(frozen=True)
class Change:
    jenis: str  # "target" or "anggaran"
    id: str     # indikator or program id
    sebelum: Decimal | int | None
    sesudah: Decimal | int | None


@figure("pk_selisih")
def pk_selisih(model: Model, results) -> tuple[Change, ...]:
    """Every target and budget that the PK Perubahan changed (or added/removed) from the PK."""
    docs = {d.id: d for d in model.perjanjian_kinerja.dokumen}
    before, after = docs.get("pk"), docs.get("pk_perubahan")
    if not before or not after:
        return ()
    changes = []
    for jenis, attr, key, val in (("target", "target", "indikator", "nilai"),
                                  ("anggaran", "anggaran", "program", "pagu")):
        old = {getattr(x, key): getattr(x, val) for x in getattr(before, attr) or ()}
        new = {getattr(x, key): getattr(x, val) for x in getattr(after, attr) or ()}
        for ident in list(old) + [k for k in new if k not in old]:
            if old.get(ident) != new.get(ident):
                changes.append(Change(jenis, ident, old.get(ident), new.get(ident)))
    return tuple(changes)
