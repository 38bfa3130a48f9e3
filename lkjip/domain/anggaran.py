"""Anggaran: the budget at its three levels, program -> kegiatan -> sub-kegiatan, and its sums.

The realisasi of a sub-kegiatan is s/d bulan lalu + bulan ini (or one typed realisasi). A
kegiatan's pagu and realisasi are the sums of its sub-kegiatan, a program's the sums of its
kegiatan (or of its sub-kegiatan, in a program not divided into kegiatan); where an office
reports no lower level, it types pagu and realisasi on the kegiatan or the program instead.
Which row belongs where is decided in `anggaran_data`. Serapan = realisasi / pagu x 100,
sisa = pagu - realisasi, at every level.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from .. import numbers
from ..check.compare import PrintedCell, table_cells
from ..core.compute import Figure, Figures, Source
from ..core.model import Report
from ..core.nextyear import TINGGAL
from ..core.subject import ChartSpec, IdKind, Subject, TableSpec
from ..diagnostics import Diagnostic, Loc, warning
from ..views import values as v
from ..views.blocks import Card
from ..views.charts import Bar, Chart, Group
from ..views.tables import Built, Column, Row, cells
from ..views.values import Value
from .anggaran_data import (
    ANGGARAN,
    AnggaranFile,
    Kegiatan,
    Nesting,
    Program,
    SubKegiatan,
    Urusan,
    nesting,
    program_of,
    validate,
)
from .laporan import places

__all__ = ["ANGGARAN", "ANGGARAN_FIGURE", "Anggaran", "AnggaranFile", "Budget", "Kegiatan", "Nesting", "Program",
           "SUBJECT", "SubKegiatan", "Urusan", "nesting", "program_of"]


def _validate(report: Report) -> Iterator[Diagnostic]:
    data = report.get(ANGGARAN)
    if data is not None:
        yield from validate(data)


@dataclass(frozen=True)
class Budget:
    """Pagu and realisasi of one sub-kegiatan, one kegiatan, one program, or the whole DPA."""

    id: str
    kode: str
    uraian: str
    pagu: int
    realisasi: int
    kontrak: int | None = None
    sd_bulan_lalu: int | None = None
    bulan_ini: int | None = None
    program: str = ""
    kegiatan: str = ""
    """The id of the kegiatan of a sub-kegiatan (or of a kegiatan itself); "" where there is none."""

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
    kegiatan: Mapping[str, Budget] = field(default_factory=lambda: MappingProxyType({}))


def _optional_sum(values: Iterable[int | None]) -> int | None:
    items = list(values)
    return None if not items or any(x is None for x in items) else sum(x for x in items if x is not None)


def _sum(id: str, kode: str, uraian: str, items: list[Budget], program: str = "", kegiatan: str = "") -> Budget:
    return Budget(id, kode, uraian, sum(b.pagu for b in items), sum(b.realisasi for b in items),
                  _optional_sum(b.kontrak for b in items), _optional_sum(b.sd_bulan_lalu for b in items),
                  _optional_sum(b.bulan_ini for b in items), program, kegiatan)


def _sub_budget(s: SubKegiatan, place: Nesting) -> Budget:
    program, kegiatan = place.sub_kegiatan[s.kode]
    realisasi = s.realisasi if s.realisasi is not None else (s.sd_bulan_lalu or 0) + (s.bulan_ini or 0)
    return Budget(s.kode, s.kode, s.uraian, s.anggaran, realisasi, s.kontrak, s.sd_bulan_lalu, s.bulan_ini, program,
                  kegiatan or "")


def _level(id: str, kode: str, nama: str, own: list[Budget], typed: Program | Kegiatan, program: str,
           kegiatan: str = "") -> Budget:
    """A program's or kegiatan's budget: the sum of the rows below it, or its own typed figures."""
    if own:
        return _sum(id, kode, nama, own, program, kegiatan)
    return Budget(id, kode, nama, typed.pagu or 0, typed.realisasi or 0, program=program, kegiatan=kegiatan)


def _anggaran(report: Report, figures: Figures) -> Anggaran:
    data = report.need(ANGGARAN)
    place, _ = nesting(data)   # validated: every row is placed
    subs = tuple(_sub_budget(s, place) for s in data.sub_kegiatan)
    kegiatan = {}
    for k in data.kegiatan:
        own = [s for s in subs if s.kegiatan == k.id]
        kegiatan[k.id] = _level(k.id, k.kode or "", k.nama, own, k, place.kegiatan[k.id], k.id)
    programs = {}
    for p in data.program:
        own = [b for b in kegiatan.values() if b.program == p.id] or [s for s in subs if s.program == p.id]
        programs[p.id] = _level(p.id, p.kode, p.nama, own, p, p.id)
    total = _sum("jumlah", "", "Jumlah", list(programs.values()))
    return Anggaran(subs, MappingProxyType(programs), total, MappingProxyType(kegiatan))


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

    def subs(program: str, kegiatan: str) -> list[Row]:
        return [Row(s.kode, _budget_cells(s, s.kode, s.uraian, p)) for s in budget.sub_kegiatan
                if s.program == program and s.kegiatan == kegiatan]
    for prog in data.program:
        rows.append(Row(prog.kode, _budget_cells(budget.program[prog.id], prog.kode, prog.nama, p), "jumlah"))
        for keg in (k for k in data.kegiatan if budget.kegiatan[k.id].program == prog.id):
            # a kegiatan is a subtotal of its sub-kegiatan, styled like the program above it
            rows.append(Row(keg.kode or keg.id, _budget_cells(budget.kegiatan[keg.id], keg.kode or "", keg.nama, p),
                            "jumlah"))
            rows += subs(prog.id, keg.id)
        rows += subs(prog.id, "")
    rows.append(Row("jumlah", _budget_cells(budget.total, "", "Jumlah", p), "jumlah"))
    real = ("Realisasi",)
    columns = (Column("kode", "Kode Rekening"), Column("uraian", "Uraian Program/Kegiatan/Sub Kegiatan"),
               Column("anggaran", "Anggaran", "rupiah"), Column("kontrak", "Kontrak", "rupiah"),
               Column("sd_bulan_lalu", "s/d Bulan Lalu", "rupiah", real),
               Column("bulan_ini", "Bulan Ini", "rupiah", real), Column("realisasi", "s/d Bulan Ini", "rupiah", real),
               Column("sisa", "Sisa Anggaran", "rupiah"), Column("serapan", "Serapan", "persen"))
    when = f"Keadaan {numbers.month(data.periode)}. " if data.periode else ""
    sums = ("Baris program adalah jumlah kegiatannya (atau sub-kegiatannya, bila program itu tidak dirinci per "
            "kegiatan), baris kegiatan jumlah sub-kegiatannya") if data.kegiatan else \
        "Baris program adalah jumlah sub-kegiatan yang kode rekeningnya diawali kode program"
    notes = (f"{when}{sums}; realisasi s/d bulan ini = s/d bulan lalu + bulan ini; sisa = anggaran − realisasi.",)
    return Built(columns, tuple(rows), notes, wide=True)


def _levels(budget: Anggaran) -> list[tuple[str, Budget]]:
    return [("anggaran", budget.total)] + [(f"program.{i}", b) for i, b in budget.program.items()] + \
        [(f"kegiatan.{i}", b) for i, b in budget.kegiatan.items()]


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    budget = figures.get(ANGGARAN_FIGURE)
    if budget is None:
        return
    p = places(report)
    for key, b in _levels(budget):
        yield f"{key}.pagu", v.rupiah(b.pagu)
        yield f"{key}.realisasi", v.rupiah(b.realisasi)
        yield f"{key}.serapan", v.percent(b.serapan, p)
        yield f"{key}.sisa", v.rupiah(b.sisa)
    yield "anggaran.jumlah_program", v.count(len(budget.program))
    data = report.need(ANGGARAN)
    if data.kegiatan:
        yield "anggaran.jumlah_kegiatan", v.count(len(budget.kegiatan))
    for row, kind in [(prog, "program") for prog in data.program] + [(keg, "kegiatan") for keg in data.kegiatan]:
        yield f"{kind}.{row.id}.nama", v.text(row.nama)
        yield f"{kind}.{row.id}.pengampu", v.text(row.pengampu)


def _source_names(report: Report) -> Iterator[str]:
    data = report.need(ANGGARAN)
    yield "anggaran.serapan"
    for prog in data.program:
        yield f"program.{prog.id}.serapan"
    for keg in data.kegiatan:
        yield f"kegiatan.{keg.id}.serapan"


def _source_values(report: Report, figures: Figures) -> Iterator[tuple[str, Decimal | None]]:
    budget = figures.get(ANGGARAN_FIGURE)
    if budget is not None:
        for key, b in _levels(budget):
            yield f"{key}.serapan", b.serapan


def _chart(report: Report, figures: Figures) -> Chart:
    """Pagu against realisasi per program; each program on its own scale, so a small program's
    bars are as readable as the largest one's (the values are written on the bars)."""
    budget = figures.need(ANGGARAN_FIGURE)
    p = places(report)
    groups = []
    for prog in report.need(ANGGARAN).program:
        b = budget.program[prog.id]
        groups.append(Group(prog.nama, (Bar(0, Decimal(b.pagu), v.rupiah(b.pagu).text(), "pagu"),
                                        Bar(1, Decimal(b.realisasi), v.rupiah(b.realisasi).text(), "realisasi")),
                            f"{v.percent(b.serapan, p).text()} terserap", prog.id, "persen"))
    return Chart("anggaran_program", "", ("Pagu", "Realisasi"), tuple(groups), shared_scale=False,
                 catatan="Setiap program digambar pada skalanya sendiri: panjang batang pagu = 100%.")


def _cards(report: Report, figures: Figures) -> Iterator[Card]:
    if figures.get(ANGGARAN_FIGURE) is not None:
        yield Card("Serapan anggaran", "anggaran_program", ("jumlah", "persen"), "{0} dari pagu {1}",
                   (("jumlah", "realisasi"), ("jumlah", "pagu")), 30)


def _printed(report: Report) -> Iterable[PrintedCell]:
    data = report.get(ANGGARAN)
    return table_cells(data.tercetak) if data else ()


def _checks(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    """A line that spent more than its pagu (serapan over 100%) is almost certainly a typing mistake, or a
    realisasi counted twice: said once, at the most detailed line where it happens."""
    data, budget = report.get(ANGGARAN), figures.get(ANGGARAN_FIGURE)
    if data is None or budget is None:
        return
    where: dict[str, Loc] = {s.kode: s.loc for s in data.sub_kegiatan}
    for k in data.kegiatan:
        where.update({k.id: k.loc, **({k.kode: k.loc} if k.kode else {})})
    for p in data.program:
        where.update({p.id: p.loc, p.kode: p.loc})
    over = [b for b in (*budget.sub_kegiatan, *budget.kegiatan.values(), *budget.program.values())
            if b.serapan is not None and b.serapan > 100]
    flagged: list[Budget] = []
    for b in over:
        if any(f.kode and b.kode and f.kode.startswith(b.kode) for f in flagged):
            continue   # its sub kegiatan was named already
        flagged.append(b)
        loc = where.get(b.kode) or where.get(b.id) or data.loc
        yield warning(loc, f"realisasi {b.uraian} ({numbers.rupiah(b.realisasi)}) melebihi pagunya "
                      f"({numbers.rupiah(b.pagu)}): "
                      f"serapan {v.percent(b.serapan, places(report)).text()}",
                      "periksa angkanya: realisasi yang terhitung dua kali, atau pagu perubahan yang belum ditulis",
                      "implausible")


SUBJECT = Subject(
    name="anggaran",
    files=(ANGGARAN,),
    id_kinds=(IdKind("program", ANGGARAN, lambda r: [p.id for p in r.need(ANGGARAN).program]),
              IdKind("kegiatan", ANGGARAN, lambda r: [k.id for k in r.need(ANGGARAN).kegiatan]),
              IdKind("nilai", ANGGARAN, _source_names)),
    validate=_validate,
    figures=(ANGGARAN_FIGURE,),
    sources=(Source(("anggaran",), _source_values),),
    tables=(TableSpec("anggaran_program", "Perbandingan Anggaran dan Realisasi per Program", _program_table,
                      (ANGGARAN,), "pagu, realisasi dan persentase per program, dengan baris jumlah"),
            TableSpec("realisasi_anggaran", "Realisasi Anggaran", _realisasi_table, (ANGGARAN,),
                      "realisasi per sub-kegiatan, dijumlahkan per kegiatan (bila ada), per program "
                      "dan seluruhnya")),
    keys=_keys,
    key_files=(("anggaran", ANGGARAN), ("program", ANGGARAN), ("kegiatan", ANGGARAN)),
    printed=_printed,
    checks=_checks,
    charts=(ChartSpec("anggaran_program", "anggaran_program", _chart, (ANGGARAN,), "pagu dan realisasi per program"),),
    cards=_cards,
    next_year={"anggaran": TINGGAL},
)
