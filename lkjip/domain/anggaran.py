"""Anggaran: programs, the realisasi of each sub-kegiatan, and what rolls up from them.

A program's pagu and realisasi are the sums of its sub-kegiatan, matched by kode rekening
prefix; an office that reports only per program writes pagu and realisasi on the program
instead. Serapan = realisasi / pagu x 100, sisa = pagu - realisasi.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from .. import numbers
from .. import values as v
from ..blocks import Card
from ..charts import Bar, Chart, Group
from ..compare import PRINTED_TABLES, PrintedCell, table_cells
from ..compute import Figure, Figures, Source
from ..diagnostics import Diagnostic, error
from ..model import DataFile, Report
from ..schema import Date, Entry, Id, ListOf, Record, Rupiah, Text, frozen_map, opt, req
from ..subject import ChartSpec, IdKind, Subject, TableSpec
from ..tables import Built, Column, Row, cells
from ..values import Value
from .laporan import places


@dataclass(frozen=True, kw_only=True)
class Urusan(Entry):
    kode: str = req(Text(), "kode")
    uraian: str = req(Text(), "uraian")


@dataclass(frozen=True, kw_only=True)
class Program(Entry):
    id: str = req(Id(), "pengenal program")
    kode: str = req(Text(), "kode rekening program, mis. 7.01.01")
    nama: str = req(Text(), "nama program")
    pengampu: str | None = opt(Text(), "pejabat yang mengampu")
    sasaran: str | None = opt(Text(), "sasaran yang didukung")
    pagu: int | None = opt(Rupiah(), "pagu (Rp), hanya bila program ini tidak dirinci per sub-kegiatan")
    realisasi: int | None = opt(Rupiah(), "realisasi (Rp), hanya bila program ini tidak dirinci per sub-kegiatan")


@dataclass(frozen=True, kw_only=True)
class SubKegiatan(Entry):
    kode: str = req(Text(), "kode rekening sub-kegiatan (pengenal baris); awalannya kode program")
    uraian: str = req(Text(), "nama sub-kegiatan")
    anggaran: int = req(Rupiah(), "pagu (Rp)")
    kontrak: int | None = opt(Rupiah(), "nilai kontrak (Rp)")
    sd_bulan_lalu: int | None = opt(Rupiah(), "realisasi s/d bulan lalu (Rp)")
    bulan_ini: int | None = opt(Rupiah(), "realisasi bulan ini (Rp)")
    realisasi: int | None = opt(Rupiah(), "realisasi (Rp), bila tidak dirinci s/d bulan lalu dan bulan ini")


@dataclass(frozen=True, kw_only=True)
class AnggaranFile(Entry):
    judul: str | None = opt(Text(), "judul lampiran realisasi anggaran")
    periode: dt.date | None = opt(Date(), "akhir periode realisasi")
    sumber: str | None = opt(Text(), "sumber data")
    urusan: tuple[Urusan, ...] = opt(ListOf(Record(Urusan)), "baris judul urusan/perangkat daerah", ())
    program: tuple[Program, ...] = req(ListOf(Record(Program), 1, "id"), "program")
    sub_kegiatan: tuple[SubKegiatan, ...] = opt(ListOf(Record(SubKegiatan), 0, "kode"),
                                                "realisasi per sub-kegiatan", ())
    tercetak: Mapping[str, Any] = opt(PRINTED_TABLES, "angka seperti tercetak, per tabel dan baris (pembanding)",
                                      frozen_map())


ANGGARAN = DataFile("anggaran", AnggaranFile, "program dan realisasi anggaran (per sub-kegiatan atau per program)")


def program_of(data: AnggaranFile, kode: str) -> Program | None:
    return next((p for p in data.program if kode.startswith(p.kode + ".")), None)


def _validate(report: Report) -> Iterator[Diagnostic]:
    data = report.get(ANGGARAN)
    if data is None:
        return
    for i, sub in enumerate(data.sub_kegiatan):
        if program_of(data, sub.kode) is None:
            yield error(sub.loc.at(f"sub_kegiatan[{i}].kode"), f"kode sub-kegiatan '{sub.kode}' tidak termasuk "
                        "program mana pun", "kode harus diawali kode program: " +
                        ", ".join(p.kode for p in data.program), "orphan-kode")
        split = (sub.sd_bulan_lalu, sub.bulan_ini)
        if sub.realisasi is None and None in split or sub.realisasi is not None and split != (None, None):
            yield error(sub.loc.at(f"sub_kegiatan[{i}]"), f"realisasi sub-kegiatan '{sub.kode}' harus ditulis "
                        "sebagai 'sd_bulan_lalu' dan 'bulan_ini', atau sebagai 'realisasi' saja",
                        "", "realisasi-shape")
    for i, prog in enumerate(data.program):
        has_subs = any(program_of(data, s.kode) is prog for s in data.sub_kegiatan)
        typed = prog.pagu is not None or prog.realisasi is not None
        if has_subs and typed:
            yield error(prog.loc.at(f"program[{i}]"), f"pagu dan realisasi program '{prog.id}' dihitung dari "
                        "sub-kegiatannya", "hapus 'pagu' dan 'realisasi' dari program ini", "derived-typed")
        elif not has_subs and (prog.pagu is None or prog.realisasi is None):
            yield error(prog.loc.at(f"program[{i}]"), f"program '{prog.id}' tidak memiliki sub-kegiatan, maka "
                        "'pagu' dan 'realisasi'-nya wajib diisi", "", "missing")


@dataclass(frozen=True)
class Budget:
    """Pagu and realisasi of one sub-kegiatan, one program, or the whole DPA."""

    id: str
    kode: str
    uraian: str
    pagu: int
    realisasi: int
    kontrak: int | None = None
    sd_bulan_lalu: int | None = None
    bulan_ini: int | None = None
    program: str = ""

    @property
    def serapan(self) -> Decimal | None:
        return None if self.pagu == 0 else Decimal(self.realisasi) / Decimal(self.pagu) * 100

    @property
    def sisa(self) -> int:
        return self.pagu - self.realisasi


@dataclass(frozen=True)
class Anggaran:
    sub_kegiatan: tuple[Budget, ...]
    program: Mapping[str, Budget]
    total: Budget


def _optional_sum(values: Iterable[int | None]) -> int | None:
    items = list(values)
    return None if not items or any(x is None for x in items) else sum(x for x in items if x is not None)


def _sum(id: str, kode: str, uraian: str, items: list[Budget], program: str = "") -> Budget:
    return Budget(id, kode, uraian, sum(b.pagu for b in items), sum(b.realisasi for b in items),
                  _optional_sum(b.kontrak for b in items), _optional_sum(b.sd_bulan_lalu for b in items),
                  _optional_sum(b.bulan_ini for b in items), program)


def _sub_budget(s: SubKegiatan, program: str) -> Budget:
    realisasi = s.realisasi if s.realisasi is not None else (s.sd_bulan_lalu or 0) + (s.bulan_ini or 0)
    return Budget(s.kode, s.kode, s.uraian, s.anggaran, realisasi, s.kontrak, s.sd_bulan_lalu, s.bulan_ini, program)


def _anggaran(report: Report, figures: Figures) -> Anggaran:
    data = report.need(ANGGARAN)
    subs = tuple(_sub_budget(s, program_of(data, s.kode).id) for s in data.sub_kegiatan)  # type: ignore[union-attr]
    programs = {}
    for p in data.program:
        own = [s for s in subs if s.program == p.id]
        programs[p.id] = _sum(p.id, p.kode, p.nama, own, p.id) if own else \
            Budget(p.id, p.kode, p.nama, p.pagu or 0, p.realisasi or 0, program=p.id)
    total = _sum("jumlah", "", "Jumlah", list(programs.values()))
    return Anggaran(subs, MappingProxyType(programs), total)


ANGGARAN_FIGURE = Figure("anggaran", _anggaran, files=(ANGGARAN,))


def _program_table(report: Report, figures: Figures) -> Built:
    budget, p = figures.need(ANGGARAN_FIGURE), places(report)
    rows = []
    for n, prog in enumerate(report.need(ANGGARAN).program, 1):
        b = budget.program[prog.id]
        rows.append(Row(prog.id, cells(v.text(str(n)), prog.sasaran, prog.nama, v.rupiah(b.pagu),
                                       v.rupiah(b.realisasi), v.percent(b.serapan, p))))
    t = budget.total
    rows.append(Row("jumlah", cells("", "", "Jumlah", v.rupiah(t.pagu), v.rupiah(t.realisasi),
                                    v.percent(t.serapan, p)), "jumlah"))
    columns = (Column("no", "No"), Column("sasaran", "Sasaran Strategis"), Column("program", "Program"),
               Column("pagu", "Pagu (Rp)", "rupiah"), Column("realisasi", "Realisasi (Rp)", "rupiah"),
               Column("persen", "% Capaian", "persen"))
    return Built(columns, tuple(rows), ("Persentase = realisasi ÷ pagu × 100%.",))


def _budget_cells(b: Budget, kode: str, uraian: str, p: int) -> tuple:
    return cells(kode, uraian, v.rupiah(b.pagu), v.rupiah(b.kontrak), v.rupiah(b.sd_bulan_lalu),
                 v.rupiah(b.bulan_ini), v.rupiah(b.realisasi), v.rupiah(b.sisa), v.percent(b.serapan, p))


def _realisasi_table(report: Report, figures: Figures) -> Built:
    budget, data, p = figures.need(ANGGARAN_FIGURE), report.need(ANGGARAN), places(report)
    rows = [Row(f"urusan-{u.kode}", cells(u.kode, u.uraian, *([None] * 7)), "judul") for u in data.urusan]
    for prog in data.program:
        rows.append(Row(prog.kode, _budget_cells(budget.program[prog.id], prog.kode, prog.nama, p), "jumlah"))
        rows += [Row(s.kode, _budget_cells(s, s.kode, s.uraian, p)) for s in budget.sub_kegiatan
                 if s.program == prog.id]
    rows.append(Row("jumlah", _budget_cells(budget.total, "", "Jumlah", p), "jumlah"))
    real = ("Realisasi",)
    columns = (Column("kode", "Kode Rekening"), Column("uraian", "Uraian Program/Kegiatan/Sub Kegiatan"),
               Column("anggaran", "Anggaran", "rupiah"), Column("kontrak", "Kontrak", "rupiah"),
               Column("sd_bulan_lalu", "s/d Bulan Lalu", "rupiah", real),
               Column("bulan_ini", "Bulan Ini", "rupiah", real), Column("realisasi", "s/d Bulan Ini", "rupiah", real),
               Column("sisa", "Sisa Anggaran", "rupiah"), Column("serapan", "Serapan", "persen"))
    when = f"Keadaan {numbers.month(data.periode)}. " if data.periode else ""
    notes = (f"{when}Baris program adalah jumlah sub-kegiatan yang kode rekeningnya diawali kode program; "
             "realisasi s/d bulan ini = s/d bulan lalu + bulan ini; sisa = anggaran − realisasi.",)
    return Built(columns, tuple(rows), notes, wide=True)


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    budget = figures.get(ANGGARAN_FIGURE)
    if budget is None:
        return
    p = places(report)
    for key, b in [("anggaran", budget.total)] + [(f"program.{i}", b) for i, b in budget.program.items()]:
        yield f"{key}.pagu", v.rupiah(b.pagu)
        yield f"{key}.realisasi", v.rupiah(b.realisasi)
        yield f"{key}.serapan", v.percent(b.serapan, p)
        yield f"{key}.sisa", v.rupiah(b.sisa)
    yield "anggaran.jumlah_program", v.count(len(budget.program))
    for prog in report.need(ANGGARAN).program:
        yield f"program.{prog.id}.nama", v.text(prog.nama)
        yield f"program.{prog.id}.pengampu", v.text(prog.pengampu)


def _source_names(report: Report) -> Iterator[str]:
    yield "anggaran.serapan"
    for prog in report.need(ANGGARAN).program:
        yield f"program.{prog.id}.serapan"


def _source_values(report: Report, figures: Figures) -> Iterator[tuple[str, Decimal | None]]:
    budget = figures.get(ANGGARAN_FIGURE)
    if budget is not None:
        yield "anggaran.serapan", budget.total.serapan
        for id, b in budget.program.items():
            yield f"program.{id}.serapan", b.serapan


def _chart(report: Report, figures: Figures) -> Chart:
    """Pagu against realisasi per program; each program on its own scale, so a small program's
    bars are as readable as the largest one's (the values are written on the bars)."""
    budget = figures.need(ANGGARAN_FIGURE)
    p = places(report)
    groups = []
    for prog in report.need(ANGGARAN).program:
        b = budget.program[prog.id]
        groups.append(Group(prog.nama, (Bar(0, Decimal(b.pagu), v.rupiah(b.pagu).text()),
                                        Bar(1, Decimal(b.realisasi), v.rupiah(b.realisasi).text())),
                            f"{v.percent(b.serapan, p).text()} terserap"))
    return Chart("anggaran_program", "", ("Pagu", "Realisasi"), tuple(groups), shared_scale=False,
                 catatan="Setiap program digambar pada skalanya sendiri: panjang batang pagu = 100%.")


def _cards(report: Report, figures: Figures) -> Iterator[Card]:
    if figures.get(ANGGARAN_FIGURE) is not None:
        yield Card("Serapan anggaran", "anggaran_program", ("jumlah", "persen"), "{0} dari pagu {1}",
                   (("jumlah", "realisasi"), ("jumlah", "pagu")), 30)


def _printed(report: Report) -> Iterable[PrintedCell]:
    data = report.get(ANGGARAN)
    return table_cells(data.tercetak) if data else ()


SUBJECT = Subject(
    name="anggaran",
    files=(ANGGARAN,),
    id_kinds=(IdKind("program", ANGGARAN, lambda r: [p.id for p in r.need(ANGGARAN).program]),
              IdKind("nilai", ANGGARAN, _source_names)),
    validate=_validate,
    figures=(ANGGARAN_FIGURE,),
    sources=(Source(("anggaran",), _source_values),),
    tables=(TableSpec("anggaran_program", "Perbandingan Anggaran dan Realisasi per Program", _program_table,
                      (ANGGARAN,), "pagu, realisasi dan persentase per program, dengan baris jumlah"),
            TableSpec("realisasi_anggaran", "Realisasi Anggaran", _realisasi_table, (ANGGARAN,),
                      "realisasi per sub-kegiatan, dijumlahkan per program dan seluruhnya")),
    keys=_keys,
    key_files=(("anggaran", ANGGARAN), ("program", ANGGARAN)),
    printed=_printed,
    charts=(ChartSpec("anggaran_program", "anggaran_program", _chart, (ANGGARAN,), "pagu dan realisasi per program"),),
    cards=_cards,
)
