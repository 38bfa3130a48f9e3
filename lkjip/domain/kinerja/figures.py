"""Kinerja figures: the target that counts, capaian, predikat, history, tingkat kemajuan (averages: `averages`).

The target that counts for a year is decided here and only here: the Perjanjian Kinerja
of that year with the latest `tanggal` (the Perubahan, when there is one); for an earlier
year that no PK in the data covers, the target the indikator records for it.
Capaian (PermenPANRB 6/2022): realisasi / target x 100 where higher is better,
(2 x target - realisasi) / target x 100 where lower is better; a category is first turned
into a number by its declared rule. Without a target, a realisasi, or with a target of 0,
capaian cannot be computed (None), never 0% or 100%.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from ...check import words
from ...core.compute import SOURCES, Figure, Figures
from ...core.model import Report
from ...diagnostics import Loc
from ...numbers import round_half_up
from ...schema import Quantity
from ..laporan import laporan, places
from ..perencanaan import RENSTRA, renja_targets, renstra_targets
from ..target import Measure, TargetFact
from .model import (
    IKU,
    INDIKATOR,
    PERJANJIAN,
    RKT,
    SKALA,
    AturanCapaian,
    Dokumen,
    Indikator,
    Perjanjian,
    RealisasiRinci,
    Skala,
)


def pk_in_force(report: Report, year: int) -> Perjanjian | None:
    """The Perjanjian Kinerja whose targets count for `year`: the latest signed for that year."""
    docs = [d for d in report.need(PERJANJIAN).dokumen if d.tahun == year]
    return max(docs, key=lambda d: d.tanggal) if docs else None


def _document_facts(doc: Dokumen, peran: str, berlaku: bool = True) -> list[TargetFact]:
    return [TargetFact(doc.id, doc.judul, peran, t.indikator, doc.tahun, t.nilai, t.loc, t.keterangan, berlaku)
            for t in doc.target]


@dataclass(frozen=True)
class Targets:
    facts: tuple[TargetFact, ...]
    counting: Mapping[tuple[str, int], TargetFact]

    def berlaku(self, indikator: str, tahun: int) -> TargetFact | None:
        """The target capaian is measured against."""
        return self.counting.get((indikator, tahun))


def _targets(report: Report, figures: Figures) -> Targets:
    facts: list[TargetFact] = []
    counting: dict[tuple[str, int], TargetFact] = {}
    for ind in report.need(INDIKATOR).indikator:
        for year, value in ind.target.items():
            fact = TargetFact("riwayat", f"target {year} pada data indikator", "riwayat", ind.id, year, value,
                              ind.loc.at(f"{ind.loc.path}.target.{year}"))
            facts.append(fact)
            counting[(ind.id, year)] = fact
    docs = report.need(PERJANJIAN).dokumen
    for doc in docs:
        latest = pk_in_force(report, doc.tahun)
        doc_facts = _document_facts(doc, "pk", doc is latest)
        facts += doc_facts
        if doc is latest:
            counting.update({(f.indikator, f.tahun): f for f in doc_facts})
    for other in (report.get(RKT), report.get(IKU)):
        if other is not None:
            facts += _document_facts(other, "dokumen")
    facts += renstra_targets(report) + renja_targets(report)
    return Targets(tuple(facts), MappingProxyType(counting))


TARGETS = Figure("target", _targets)


def capaian(target: Decimal | None, realisasi: Decimal | None, arah: str, target_nol: str = "tidak_dihitung") \
        -> Decimal | None:
    """Of any sign: a lower-is-better indikator that misses by far has a capaian below 0. A target of 0 gives
    none, unless the office declared the binary rule for lower-is-better ("nol kasus": 100% at 0, else 0%)."""
    if target is None or realisasi is None:
        return None
    if target == 0:
        if arah == "turun" and target_nol == "biner":
            return Decimal(100) if realisasi <= 0 else Decimal(0)
        return None
    if arah == "naik":
        return realisasi / target * 100
    return (2 * target - realisasi) / target * 100


def as_counted(value: Decimal | None, below_zero: str) -> Decimal | None:
    """A capaian as it counts in an average, by the office's rule for one below 0%: as is, as 0, or not
    at all (None, like a capaian that cannot be computed)."""
    if value is None or value >= 0 or below_zero == "apa_adanya":
        return value
    return Decimal(0) if below_zero == "nol" else None


def capaian_rule(report: Report) -> AturanCapaian | None:
    return report.need(INDIKATOR).aturan_capaian


def as_number(value: Measure | None, ind: Indikator) -> Decimal | None:
    """A target or realisasi as the number capaian is computed from (a category by its rule)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return value
    scale = ind.kategori
    if scale is None or value not in scale.urutan:
        return None
    if scale.capaian == "nilai":
        return scale.nilai.get(value)
    return Decimal(len(scale.urutan) - scale.urutan.index(value))


def predikat(value: Decimal | None, scale: Skala | None, places: int) -> str | None:
    if value is None or scale is None:
        return None
    rounded = round_half_up(value, places)
    for band in sorted(scale.tingkat, key=lambda b: b.batas, reverse=True):
        if rounded >= band.batas:
            return band.predikat
    return None


def trend(now: Decimal | None, before: Decimal | None, places: int | None) -> str | None:
    """naik, turun or tetap, comparing two figures shown at the same precision (see `trend_shown`)."""
    return trend_shown(now, places, before, places)


def trend_shown(now: Decimal | None, now_places: int | None, before: Decimal | None,
                before_places: int | None) -> str | None:
    """naik, turun or tetap, comparing the two values exactly as the report shows them: a computed
    figure at its rounding (places), a value the data give as written (None: 0,035 is below 0,04,
    though both round to 0,04). The rule is the reader's: the word agrees with the two figures shown."""
    if now is None or before is None:
        return None
    a = now if now_places is None else round_half_up(now, now_places)
    b = before if before_places is None else round_half_up(before, before_places)
    return "naik" if a > b else "turun" if a < b else "tetap"


def shown_difference(now: Decimal | None, now_places: int | None, before: Decimal | None,
                     before_places: int | None) -> Decimal | None:
    """The change between two figures as the report shows them (see `trend_shown`), so the change a
    sentence quotes always agrees with its word: 0,035% after 0,04% is -0,005, not a rounded -0,01
    or 0; exact, with the decimals of the more precise of the two."""
    if now is None or before is None:
        return None
    a = now if now_places is None else round_half_up(now, now_places)
    b = before if before_places is None else round_half_up(before, before_places)
    return a - b


def shown_places(real: Realisasi, places: int) -> int | None:
    """How precisely a realisasi is shown: a computed one at the report's rule, a typed one as written."""
    return places if real.computed else None


@dataclass(frozen=True)
class Realisasi:
    nilai: Measure | None
    sementara: bool = False
    catatan: str | None = None
    sumber: str | None = None
    dihitung: str | None = None
    pembilang: Decimal | None = None
    penyebut: Decimal | None = None

    @property
    def computed(self) -> bool:
        """Derived by the build (shown at the rounding rule), not typed as a source value."""
        return self.dihitung is not None or self.penyebut is not None


def realisasi_of(entry: Measure | RealisasiRinci | None, sources: Mapping[str, Decimal | None],
                 multiplier: int | None = 100) -> Realisasi:
    if entry is None:
        return Realisasi(None)
    if not isinstance(entry, RealisasiRinci):
        return Realisasi(entry)
    if entry.dihitung:
        return Realisasi(sources.get(entry.dihitung), entry.sementara, entry.catatan, entry.sumber, entry.dihitung)
    if entry.pembilang is not None and entry.penyebut and multiplier is not None:
        return Realisasi(entry.pembilang / entry.penyebut * multiplier, entry.sementara, entry.catatan, entry.sumber,
                         pembilang=entry.pembilang, penyebut=entry.penyebut)
    return Realisasi(entry.nilai, entry.sementara, entry.catatan, entry.sumber)


@dataclass(frozen=True)
class Tahunan:
    """One indikator in one year."""

    tahun: int
    target: TargetFact | None
    realisasi: Realisasi
    capaian: Decimal | None
    predikat: str | None
    tren: str | None                   # realisasi naik/turun/tetap against the year before
    perubahan: Decimal | None          # realisasi minus the year before's (numbers only)
    tren_capaian: str | None
    perubahan_capaian: Decimal | None  # in percentage points
    dasar_tren: str = "realisasi"      # what the office judges this indikator's tren on (DASAR_TREN)

    @property
    def tren_dinyatakan(self) -> str | None:
        """naik, turun or tetap on what the office declared: realisasi (the default) or capaian."""
        return self.tren_capaian if self.dasar_tren == "capaian" else self.tren

    def status(self, places: int) -> str | None:
        """terlampaui, tercapai or tidak tercapai: the capaian as the report shows it, against 100%."""
        return words.status(None if self.capaian is None else round_half_up(self.capaian, places))


@dataclass(frozen=True)
class Kinerja:
    indikator: Indikator
    kini: Tahunan
    riwayat: tuple[Tahunan, ...]       # every year with a target or realisasi, up to the report year
    target_akhir: TargetFact | None
    kemajuan: Decimal | None

    def tahun(self, year: int) -> Tahunan | None:
        return next((t for t in self.riwayat if t.tahun == year), None)


def _history(ind: Indikator, targets: Targets, sources: Mapping[str, Decimal | None], report: Report,
             year: int, basis: str) -> list[Tahunan]:
    skala = report.get(SKALA)
    scale = skala.predikat if skala else None
    p, rule = places(report), capaian_rule(report)
    years = sorted(set(ind.realisasi) | {y for (i, y) in targets.counting if i == ind.id} | {year})
    out: list[Tahunan] = []
    for y in (y for y in years if y <= year):
        target = targets.berlaku(ind.id, y)
        real = realisasi_of(ind.realisasi.get(y), sources, ind.multiplier)
        value = capaian(as_number(target.nilai if target else None, ind), as_number(real.nilai, ind), ind.arah,
                        rule.target_nol if rule else "tidak_dihitung")
        prev = out[-1] if out and out[-1].tahun == y - 1 else None
        now_n = as_number(real.nilai, ind)
        before_n = as_number(prev.realisasi.nilai, ind) if prev else None
        before_p = shown_places(prev.realisasi, p) if prev else None
        real_trend = trend_shown(now_n, shown_places(real, p), before_n, before_p)
        before_c = prev.capaian if prev else None
        out.append(Tahunan(y, target, real, value, predikat(value, scale, p), real_trend,
                           None if ind.jenis == "kategori" else
                           shown_difference(now_n, shown_places(real, p), before_n, before_p),
                           trend(value, before_c, p), shown_difference(value, p, before_c, p), basis))
    return out


def end_target(report: Report, targets: Targets, indikator: str) -> TargetFact | None:
    """The in-force Renstra's target for the last year of its period (tingkat kemajuan's basis)."""
    renstra = report.get(RENSTRA)
    if renstra is None:
        return None
    return next((f for f in targets.facts if f.peran == "renstra" and f.berlaku and f.indikator == indikator
                 and f.tahun == renstra.periode.akhir), None)


def _kinerja(report: Report, figures: Figures) -> Mapping[str, Kinerja]:
    year = laporan(report).tahun
    targets = figures.need(TARGETS)
    sources = figures.get(SOURCES) or {}
    out = {}
    data = report.need(INDIKATOR)
    for ind in data.indikator:
        history = _history(ind, targets, sources, report, year, ind.tren or data.tren)
        akhir = end_target(report, targets, ind.id)
        kini = history[-1]
        kemajuan = capaian(as_number(akhir.nilai if akhir else None, ind), as_number(kini.realisasi.nilai, ind),
                           ind.arah)
        out[ind.id] = Kinerja(ind, kini, tuple(history), akhir, kemajuan)
    return MappingProxyType(out)


KINERJA = Figure("kinerja", _kinerja, needs=(TARGETS.name, SOURCES.name))


@dataclass(frozen=True)
class EndCondition:
    kinerja: Kinerja
    kondisi: Decimal
    """The "kondisi kinerja akhir periode" the Renstra matrix prints for the indikator."""
    akhir: TargetFact
    """The last year's target of the version in force, which tingkat kemajuan uses."""
    loc: Loc


def end_condition_differences(report: Report, figures: Figures) -> list[EndCondition]:
    """Where the Renstra matrix's kondisi akhir disagrees with the target tingkat kemajuan uses.

    Only indikator that measure a level (persen, indeks) are compared: a count (jenis angka) may
    be a total over the period, whose end condition is rightly larger than any one year."""
    renstra = report.get(RENSTRA)
    if renstra is None:
        return []
    kinerja, out = figures.need(KINERJA), []
    for row in renstra.baris:
        k = kinerja.get(row.indikator_kinerja) if row.indikator_kinerja else None
        end = row.kondisi_akhir.target if row.kondisi_akhir else None
        if k is None or not isinstance(end, Quantity) or k.target_akhir is None or \
                k.indikator.jenis not in ("persen", "indeks"):
            continue
        if isinstance(k.target_akhir.nilai, Decimal) and k.target_akhir.nilai != end.value:
            assert row.kondisi_akhir is not None
            out.append(EndCondition(k, end.value, k.target_akhir, row.kondisi_akhir.loc))
    return out


@dataclass(frozen=True)
class Change:
    jenis: str                             # target or anggaran
    id: str                                # indikator or program id
    sebelum: Measure | int | None
    sesudah: Measure | int | None


@dataclass(frozen=True)
class PkChanges:
    sebelum: Perjanjian
    sesudah: Perjanjian
    changes: tuple[Change, ...]


def _pk_changes(report: Report, figures: Figures) -> PkChanges | None:
    """What the PK in force changed (added, removed) from the PK it replaced, in the report year."""
    year = laporan(report).tahun
    docs = sorted((d for d in report.need(PERJANJIAN).dokumen if d.tahun == year), key=lambda d: d.tanggal)
    if len(docs) < 2:
        return None
    before, after = docs[-2], docs[-1]
    changes = []
    old_t = {t.indikator: t.nilai for t in before.target}
    new_t = {t.indikator: t.nilai for t in after.target}
    old_b = {b.program: b.pagu for b in before.anggaran}
    new_b = {b.program: b.pagu for b in after.anggaran}
    for jenis, old, new in (("target", old_t, new_t), ("anggaran", old_b, new_b)):
        for key in list(old) + [k for k in new if k not in old]:
            if old.get(key) != new.get(key):
                changes.append(Change(jenis, key, old.get(key), new.get(key)))
    return PkChanges(before, after, tuple(changes))


PK_CHANGES = Figure("pk_selisih", _pk_changes)
