"""Perencanaan: the Renstra matrix (one version or several) and the Renja matrix.

A Renstra may be reviewed during its period: `versi` lists its versions in order, and the
last one is in force. Its targets for the last year of the period are what tingkat
kemajuan is measured against; every version's targets for the report year are compared
with the Perjanjian Kinerja in force.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ..check.compare import PRINTED_TABLES, PrintedCell, table_cells
from ..core.compute import Figures
from ..core.model import DataFile, Report
from ..core.nextyear import BAWA, TINGGAL
from ..core.subject import Period, Subject, TableSpec
from ..diagnostics import Diagnostic, Loc, error, warning
from ..isian import is_placeholder
from ..numbers import rupiah
from ..schema import (
    Choice,
    Entry,
    Id,
    ListOf,
    MapOf,
    NumberOrWord,
    Quantity,
    QuantityType,
    Record,
    Ref,
    Rupiah,
    Text,
    Year,
    frozen_map,
    opt,
    req,
)
from ..views import values as v
from ..views.tables import Built, Column, Row, cells
from ..views.values import EMPTY, Value
from .anggaran import ANGGARAN_FIGURE
from .laporan import laporan
from .target import Kind, Measure, Nilai, NilaiType, TargetFact, measure_of, value_problems

TINGKAT = Choice("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")

@dataclass(frozen=True, kw_only=True)
class Sel(Entry):
    target: Nilai | None = opt(NilaiType(), "target")
    rp: int | None = opt(Rupiah(), "anggaran (Rp)")


@dataclass(frozen=True, kw_only=True)
class Periode(Entry):
    mulai: int = req(Year(), "tahun awal")
    akhir: int = req(Year(), "tahun akhir")


@dataclass(frozen=True, kw_only=True)
class Versi(Entry):
    id: str = req(Id(), "pengenal versi, mis. awal atau reviu")
    judul: str = req(Text(), "nama versi seperti dicetak di kepala matriks, mis. Renstra Baru")


@dataclass(frozen=True, kw_only=True)
class BarisRenstra(Entry):
    id: str = req(Text(), "pengenal baris")
    tingkat: str = req(TINGKAT, "tingkat baris")
    tujuan: str | None = opt(Text(), "tujuan")
    sasaran: str | None = opt(Text(), "sasaran")
    kode: str | None = opt(Text(), "kode")
    uraian: str | None = opt(Text(), "program/kegiatan")
    indikator_kinerja: str | None = opt(Ref("indikator"), "indikator laporan yang diwakili baris ini")
    indikator: str | None = opt(Text(), "indikator seperti dicetak")
    data_awal: Nilai | None = opt(NilaiType(), "data capaian awal")
    target: Mapping[str, Mapping[int, Sel]] = opt(MapOf(Id(), MapOf(Year(), Record(Sel))),
                                                  "target dan Rp per versi (pengenalnya) dan tahun", frozen_map())
    kondisi_akhir: Sel | None = opt(Record(Sel), "kondisi kinerja akhir periode")
    unit_kerja: str | None = opt(Text(), "unit penanggung jawab")
    lokasi: str | None = opt(Text(), "lokasi")


@dataclass(frozen=True, kw_only=True)
class TargetTambahan(Entry):
    indikator: str = req(Ref("indikator"), "indikator")
    versi: str = req(Id(), "versi Renstra")
    tahun: int = req(Year(), "tahun")
    nilai: Measure = req(NumberOrWord(), "target (angka, atau kategori untuk indikator berjenis kategori)")


@dataclass(frozen=True, kw_only=True)
class Renstra(Entry):
    periode: Periode = req(Record(Periode), "periode Renstra")
    versi: tuple[Versi, ...] = req(ListOf(Record(Versi), 1, "id"), "versi Renstra, urut waktu; yang terakhir berlaku")
    tahun: tuple[int, ...] = req(ListOf(Year(), 1), "tahun yang ditampilkan matriks")
    baris: tuple[BarisRenstra, ...] = opt(ListOf(Record(BarisRenstra), 0, "id"), "baris matriks", ())
    target_tambahan: tuple[TargetTambahan, ...] = opt(
        ListOf(Record(TargetTambahan)), "target Renstra indikator yang tidak punya baris di matriks (mis. yang "
        "hanya tercetak di tabel tingkat kemajuan)", ())


@dataclass(frozen=True, kw_only=True)
class Kebutuhan(Entry):
    program_kegiatan: str | None = opt(Text(), "program/kegiatan")
    lokasi: str | None = opt(Text(), "lokasi")
    indikator: str | None = opt(Text(), "indikator")
    target: Quantity | None = opt(QuantityType(), "target")
    target_keterangan: str | None = opt(Text(), "label target")
    keterangan: str | None = opt(Text(), "keterangan")


@dataclass(frozen=True, kw_only=True)
class BarisRenja(Entry):
    id: str = req(Text(), "pengenal baris")
    tingkat: str = req(TINGKAT, "tingkat")
    program: str = req(Ref("program"), "program induk")
    kode: str | None = opt(Text(), "kode rekening sub-kegiatan")
    uraian: str | None = opt(Text(), "program/kegiatan/sub-kegiatan; kosong pada baris indikator lanjutan")
    indikator_kinerja: str | None = opt(Ref("indikator"), "indikator laporan yang diwakili")
    lokasi: str | None = opt(Text(), "lokasi")
    indikator: str = req(Text(), "indikator kinerja")
    target: Nilai | None = opt(NilaiType(), "target")
    target_keterangan: str | None = opt(Text(), "label target")
    pagu: int = req(Rupiah(), "pagu indikatif (Rp)")
    kebutuhan: Kebutuhan | None = opt(Record(Kebutuhan), "hasil analisis kebutuhan")


@dataclass(frozen=True, kw_only=True)
class Renja(Entry):
    judul: str = req(Text(), "judul")
    judul_rancangan: str = opt(Text(), "judul kelompok kolom kiri seperti dicetak", "Rancangan Akhir RKPD")
    baris: tuple[BarisRenja, ...] = req(ListOf(Record(BarisRenja), 1, "id"), "baris matrik")
    tercetak: Mapping[str, Any] = opt(PRINTED_TABLES, "angka seperti tercetak, per tabel dan baris (pembanding)",
                                      frozen_map())


RENSTRA = DataFile("renstra", Renstra, "matriks Renstra: versi, target dan Rp per tahun")
RENJA = DataFile("renja", Renja, "matrik Renja (Rancangan Akhir dan Hasil Analisis Kebutuhan)", needs=("anggaran",))


def _validate(report: Report) -> Iterator[Diagnostic]:
    yield from _validate_renstra(report)
    yield from _validate_values(report)


def _validate_renstra(report: Report) -> Iterator[Diagnostic]:
    renstra = report.get(RENSTRA)
    if renstra is None:
        return
    year, period = laporan(report).tahun, renstra.periode
    if not period.mulai <= year <= period.akhir:
        # tingkat kemajuan and `_akhir_renstra` would count from a plan no longer in force
        yield error(renstra.loc.at("periode"), f"periode Renstra {period.mulai}-{period.akhir} tidak memuat tahun "
                    f"laporan {year}", f"tulis Renstra yang berlaku pada tahun {year} di {RENSTRA.path}, atau "
                    "periksa 'tahun' di data/laporan.yaml", "renstra-period")
    known = [x.id for x in renstra.versi]
    for i, row in enumerate(renstra.baris):
        for versi in row.target:
            if versi not in known:
                yield error(row.loc.at(f"baris[{i}].target.{versi}"), f"versi Renstra '{versi}' tidak ada di 'versi'",
                            "versi yang ada: " + ", ".join(known), "unknown-ref")
    for i, extra in enumerate(renstra.target_tambahan):
        if extra.versi not in known:
            yield error(extra.loc.at(f"target_tambahan[{i}].versi"), f"versi Renstra '{extra.versi}' tidak ada di "
                        "'versi'", "versi yang ada: " + ", ".join(known), "unknown-ref")


def _validate_values(report: Report) -> Iterator[Diagnostic]:
    """Every target (and data awal) the Renstra and the Renja write for an indikator, by its jenis."""
    renstra, renja = report.get(RENSTRA), report.get(RENJA)
    if renstra is None and renja is None:
        return
    kinds = _kinds(report)
    for row in renstra.baris if renstra else ():
        written: list[tuple[Nilai | None, Loc]] = [(row.data_awal, row.at("data_awal"))]
        written += [(cell.target, cell.at("target")) for years in row.target.values() for cell in years.values()]
        if row.kondisi_akhir is not None:
            written.append((row.kondisi_akhir.target, row.kondisi_akhir.at("target")))
        for value, where in written:
            if value is not None and row.indikator_kinerja:
                yield from value_problems(kinds.get(row.indikator_kinerja), row.indikator_kinerja, value, where)
    for extra in renstra.target_tambahan if renstra else ():
        if not is_placeholder(extra.nilai):
            yield from value_problems(kinds.get(extra.indikator), extra.indikator, extra.nilai, extra.at("nilai"),
                                      "angka", "tulis angka (titik desimal), mis. '81.5'")
    for r in renja.baris if renja else ():
        if r.target is not None and r.indikator_kinerja:
            yield from value_problems(kinds.get(r.indikator_kinerja), r.indikator_kinerja, r.target, r.at("target"))


def _kinds(report: Report) -> Mapping[str, Kind]:
    # kinerja imports this module (RENSTRA for its end targets); the indikator are its data, read
    # here only once every module is loaded
    from .kinerja.model import INDIKATOR
    return {i.id: (i.jenis, i.kategori.urutan if i.kategori else None) for i in report.need(INDIKATOR).indikator}


def renstra_targets(report: Report) -> list[TargetFact]:
    """Every Renstra target of an indikator, each version's own; only the last version is in force."""
    renstra = report.get(RENSTRA)
    if renstra is None:
        return []
    labels = {x.id: x.judul for x in renstra.versi}
    in_force = renstra.versi[-1].id
    facts = []
    for row in renstra.baris:
        if not row.indikator_kinerja:
            continue
        for versi, years in row.target.items():
            for year, cell in years.items():
                if cell.target is not None:
                    facts.append(TargetFact(versi, labels[versi], "renstra", row.indikator_kinerja, year,
                                            measure_of(cell.target), cell.loc, berlaku=versi == in_force))
    for extra in renstra.target_tambahan:
        facts.append(TargetFact(extra.versi, labels[extra.versi], "renstra", extra.indikator, extra.tahun,
                                extra.nilai, extra.loc, berlaku=extra.versi == in_force))
    return facts


def renja_targets(report: Report) -> list[TargetFact]:
    renja = report.get(RENJA)
    if renja is None:
        return []
    year = laporan(report).tahun
    label = renja.judul if "renja" in renja.judul.lower() else f"Renja {renja.judul}"
    return [TargetFact("renja", label, "renja", r.indikator_kinerja, year, measure_of(r.target), r.loc)
            for r in renja.baris if r.indikator_kinerja and r.target is not None]


def _cell(cell: Sel | None) -> tuple[Value, Value]:
    if cell is None:
        return EMPTY, EMPTY
    return _quantity(cell.target), v.rupiah(cell.rp)


def _quantity(q: Nilai | None) -> Value:
    """A cell as written: a quantity in its unit, a category word as it is."""
    if q is None:
        return EMPTY
    if isinstance(q, str):
        return v.text(q)
    return v.percent(q.value) if q.unit == "%" else v.source(q.value, q.unit)


def _renstra_table(report: Report, figures: Figures) -> Built:
    data = report.need(RENSTRA)
    columns = [Column("tujuan", "Tujuan"), Column("sasaran", "Sasaran"), Column("kode", "Kode"),
               Column("uraian", "Program dan Kegiatan"), Column("indikator", "Indikator Kinerja"),
               Column("data_awal", "Data Capaian Awal")]
    for versi in data.versi:
        for y in data.tahun:
            group = (f"Target Kinerja {versi.judul}", f"Tahun {y}")
            columns += [Column(f"target_{versi.id}_{y}", "Target", "angka", group),
                        Column(f"rp_{versi.id}_{y}", "Rp", "rupiah", group)]
    end = ("Kondisi Kinerja Akhir Periode",)
    columns += [Column("kondisi_akhir_target", "Target", "angka", end), Column("kondisi_akhir_rp", "Rp", "rupiah", end),
                Column("unit_kerja", "Unit Kerja"), Column("lokasi", "Lokasi")]
    rows = []
    for r in data.baris:
        plan: list[Value] = []
        for versi in data.versi:
            for y in data.tahun:
                plan += _cell(r.target.get(versi.id, {}).get(y))
        rows.append(Row(r.id, cells(r.tujuan, r.sasaran, r.kode, r.uraian, r.indikator, _quantity(r.data_awal),
                                    *plan, *_cell(r.kondisi_akhir), r.unit_kerja, r.lokasi)))
    return Built(tuple(columns), tuple(rows), wide=True)


def _renja_table(report: Report, figures: Figures) -> Built:
    data = report.need(RENJA)
    rows = []
    for r in data.baris:
        k = r.kebutuhan
        target = _quantity(r.target)
        if r.target_keterangan:
            target = v.text(f"{target.text()} ({r.target_keterangan})")
        need = cells(k.program_kegiatan, k.lokasi, k.indikator, _quantity(k.target), k.keterangan) if k else \
            cells(None, None, None, None, None)
        rows.append(Row(r.id, cells(r.uraian, r.lokasi, r.indikator, target, v.rupiah(r.pagu)) + need))
    total = sum(r.pagu for r in data.baris if r.tingkat == "program")
    rows.append(Row("jumlah", cells("Jumlah", None, None, None, v.rupiah(total), None, None, None, None, None),
                    "jumlah"))
    left, right = (data.judul_rancangan,), ("Hasil Analisis Kebutuhan",)
    columns = (Column("uraian", "Program/Kegiatan", group=left), Column("lokasi", "Lokasi", group=left),
               Column("indikator", "Indikator Kinerja", group=left),
               Column("target", "Target Capaian", group=left), Column("pagu", "Pagu Indikatif (Rp)", "rupiah", left),
               Column("kebutuhan_uraian", "Program/Kegiatan", group=right),
               Column("kebutuhan_lokasi", "Lokasi", group=right),
               Column("kebutuhan_indikator", "Indikator Kinerja", group=right),
               Column("kebutuhan_target", "Target Capaian", "angka", right),
               Column("kebutuhan_keterangan", "Keterangan", group=right))
    return Built(columns, tuple(rows), ("Jumlah = jumlah pagu baris program.",), wide=True)


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    renja = report.get(RENJA)
    for row in renja.baris if renja else ():
        if row.target is not None:
            yield f"renja.{row.id}.target", _quantity(row.target)
        yield f"renja.{row.id}.pagu", v.rupiah(row.pagu)
    renstra = report.get(RENSTRA)
    if renstra is not None:
        yield "renstra.periode", v.text(f"{renstra.periode.mulai}-{renstra.periode.akhir}")
        yield "renstra.tahun_akhir", v.text(str(renstra.periode.akhir))


def _checks(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    """Renja pagu of a sub-kegiatan against the realisasi table's anggaran."""
    renja, budget = report.get(RENJA), figures.get(ANGGARAN_FIGURE)
    if renja is None or budget is None:
        return
    subs = {b.kode: b for b in budget.sub_kegiatan}
    for row in renja.baris:
        if row.kode and row.kode in subs and subs[row.kode].pagu != row.pagu:
            yield warning(row.loc, f"pagu Renja {row.kode} ({rupiah(row.pagu)}) berbeda dengan anggaran realisasi "
                          f"({rupiah(subs[row.kode].pagu)})", "", "budget-lineage")


def _span(report: Report) -> tuple[int, int] | None:
    renstra = report.get(RENSTRA)
    return (renstra.periode.mulai, renstra.periode.akhir) if renstra is not None else None


def _printed(report: Report) -> Iterable[PrintedCell]:
    renja = report.get(RENJA)
    return table_cells(renja.tercetak) if renja else ()


SUBJECT = Subject(
    name="perencanaan",
    files=(RENSTRA, RENJA),
    validate=_validate,
    tables=(TableSpec("renstra", "Matriks Renstra", _renstra_table, (RENSTRA,),
                      "tujuan, program, indikator, target dan Rp per versi Renstra dan tahun"),
            TableSpec("renja", "Matrik Renja", _renja_table, (RENJA,),
                      "rancangan akhir dan hasil analisis kebutuhan, dengan jumlah pagu program")),
    keys=_keys,
    key_files=(("renja", RENJA), ("renstra", RENSTRA)),
    printed=_printed,
    checks=_checks,
    next_year={"renstra": BAWA, "renja": TINGGAL},
    period=Period(RENSTRA, _span),
)
