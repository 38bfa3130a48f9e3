"""Efisiensi penggunaan sumber daya: capaian kinerja set against the serapan anggaran.

No regulation fixes the formula, and reports mix several. The office names the one it
uses in its data, and the report prints it under the table. Each row's serapan is that of
the budget that supports its indikator, as the office declares it: the programs or kegiatan
of its sasaran (`anggaran: [program, kegiatan, ...]`, their pagu and realisasi summed), one
of them, or the whole DPA (`total`); so the efisiensi table uses the same budget lines as
the budget table beside it, not the office-wide figure for every row. A kegiatan named
beside its own program, or a line named twice, would count its money twice: an error.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..check.compare import PRINTED_ROW, PrintedCell, row_cells
from ..core.compute import Figure, Figures
from ..core.model import DataFile, Report
from ..core.nextyear import TINGGAL
from ..core.subject import Subject, TableSpec
from ..diagnostics import Diagnostic, error
from ..schema import Choice, Entry, Id, ListOf, OneOrMany, Record, Ref, frozen_map, opt, req
from ..views import values as v
from ..views.tables import Built, Column, Row, cells
from ..views.values import EMPTY, Value
from .anggaran import ANGGARAN, ANGGARAN_FIGURE, Anggaran, nesting
from .kinerja.averages import mean
from .kinerja.figures import KINERJA
from .kinerja.tables import LEAD, indicator_rows
from .laporan import places

Formula = Callable[[Decimal | None, Decimal | None], Decimal | None]
FORMULAS: dict[str, tuple[Formula, str]] = {
    "capaian_dikurangi_serapan": (
        lambda c, s: None if c is None or s is None else c - s,
        "Tingkat efisiensi = capaian kinerja (%) − penyerapan anggaran (%). Nilai positif berarti capaian kinerja "
        "lebih tinggi daripada bagian anggaran yang terpakai."),
    "sisa_anggaran": (
        lambda c, s: None if s is None else 100 - s,
        "Tingkat efisiensi = 100% − penyerapan anggaran (%), yaitu bagian anggaran yang tidak terpakai."),
}


@dataclass(frozen=True, kw_only=True)
class BarisEfisiensi(Entry):
    indikator: str = req(Ref("indikator"), "indikator")
    anggaran: str | tuple[str, ...] = req(OneOrMany(Id(), ListOf(Id(), min_items=1)),
                                          "anggaran yang mendukung indikator ini: daftar pengenal program atau "
                                          "kegiatan sasarannya (pagu dan realisasinya dijumlah), satu program "
                                          "atau kegiatan, atau 'total'")
    tercetak: Mapping[str, Any] = opt(PRINTED_ROW, "angka baris ini seperti tercetak, per tabel (pembanding)",
                                      frozen_map())


@dataclass(frozen=True, kw_only=True)
class EfisiensiFile(Entry):
    rumus: str = req(Choice(*FORMULAS), "rumus tingkat efisiensi yang dipakai")
    baris: tuple[BarisEfisiensi, ...] = req(ListOf(Record(BarisEfisiensi), 1, "indikator"), "baris tabel efisiensi")


EFISIENSI = DataFile("efisiensi", EfisiensiFile, "rumus efisiensi yang dipilih dan baris tabelnya",
                     needs=("anggaran",))


def _validate(report: Report) -> Iterator[Diagnostic]:
    data, budget = report.get(EFISIENSI), report.get(ANGGARAN)
    if data is None or budget is None:
        return
    of_kegiatan = nesting(budget)[0].kegiatan
    known = [p.id for p in budget.program] + [k.id for k in budget.kegiatan]
    doc = report.documents.get(EFISIENSI.path)
    for i, row in enumerate(data.baris):
        named = (row.anggaran,) if isinstance(row.anggaran, str) else row.anggaran
        for j, id in enumerate(named):
            # the line and column of the item, the path of the field (as every efisiensi message names it)
            at = row.at("anggaran") if doc is None or isinstance(row.anggaran, str) else \
                doc.loc(("baris", i, "anggaran", j)).at(f"baris[{i}].anggaran")
            if id not in known and not (id == "total" and isinstance(row.anggaran, str)):
                yield error(at, f"anggaran '{id}' tidak dikenal", "tulis 'total' atau pengenal program atau kegiatan "
                            "dari data/anggaran.yaml: " + ", ".join(known), "unknown-ref")
            elif id in named[:j]:
                yield error(at, f"anggaran '{id}' disebut dua kali", "sebut setiap program atau kegiatan sekali saja",
                            "duplicate-id")
            elif of_kegiatan.get(id) in named:
                yield error(at, f"kegiatan '{id}' termasuk program '{of_kegiatan[id]}', yang juga disebut: anggarannya "
                            "akan terhitung dua kali", "sebut programnya saja, atau kegiatannya saja", "double-count")


@dataclass(frozen=True)
class EfisiensiRow:
    indikator: str
    capaian: Decimal | None
    serapan: Decimal | None
    efisiensi: Decimal | None
    sementara: bool = False
    """The capaian rests on a provisional realisasi, and so does the efisiensi drawn from it."""


@dataclass(frozen=True)
class Efisiensi:
    rumus: str
    rows: tuple[EfisiensiRow, ...]
    rata_rata: Decimal | None
    rata_rata_capaian: Decimal | None
    serapan: Decimal | None

    @property
    def sementara(self) -> bool:
        """The averages count a provisional capaian, and are provisional too."""
        return any(r.sementara and r.capaian is not None for r in self.rows)


def _efisiensi(report: Report, figures: Figures) -> Efisiensi:
    data, budget, kinerja = report.need(EFISIENSI), figures.need(ANGGARAN_FIGURE), figures.need(KINERJA)
    fn, _ = FORMULAS[data.rumus]
    rows = []
    for row in data.baris:
        serapan = _serapan(budget, row.anggaran)
        kini = kinerja[row.indikator].kini
        rows.append(EfisiensiRow(row.indikator, kini.capaian, serapan, fn(kini.capaian, serapan),
                                 kini.realisasi.sementara))
    return Efisiensi(data.rumus, tuple(rows), mean([r.efisiensi for r in rows if r.efisiensi is not None]),
                     mean([r.capaian for r in rows if r.capaian is not None]), budget.total.serapan)


def _serapan(budget: Anggaran, named: str | tuple[str, ...]) -> Decimal | None:
    """The serapan of the budget a row names: the whole DPA, one program or kegiatan, or several summed."""
    if named == "total":
        return budget.total.serapan
    lines = [budget.program.get(id) or budget.kegiatan[id] for id in ((named,) if isinstance(named, str) else named)]
    pagu, realisasi = sum(b.pagu for b in lines), sum(b.realisasi for b in lines)
    return None if pagu == 0 else Decimal(realisasi) / Decimal(pagu) * 100


EFISIENSI_FIGURE = Figure("efisiensi", _efisiensi, files=(EFISIENSI,), needs=("kinerja", "anggaran"))


def _table(report: Report, figures: Figures) -> Built:
    eff, p = figures.need(EFISIENSI_FIGURE), places(report)
    by_id = {r.indikator: r for r in eff.rows}

    def build(ind: Any) -> tuple[Value, ...]:
        r = by_id.get(ind.id)
        if r is None:
            return (EMPTY,) * 3
        return v.percent(r.capaian, p, r.sementara), v.percent(r.serapan, p), v.percent(r.efisiensi, p, r.sementara)
    columns = LEAD[:2] + (Column("indikator", "Indikator Sasaran"), Column("capaian", "Capaian Kinerja", "persen"),
                          Column("serapan", "Penyerapan Anggaran", "persen"),
                          Column("efisiensi", "Tingkat Efisiensi", "persen"))
    rows = indicator_rows(report, len(columns), build, only=by_id)
    rows += (Row("rata_rata", cells("", "", "Rata-rata", v.percent(eff.rata_rata_capaian, p, eff.sementara),
                                    v.percent(eff.serapan, p), v.percent(eff.rata_rata, p, eff.sementara)), "jumlah"),)
    return Built(columns, rows, (FORMULAS[eff.rumus][1],))


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    eff = figures.get(EFISIENSI_FIGURE)
    if eff is None:
        return
    p = places(report)
    yield "efisiensi.rata_rata", v.percent(eff.rata_rata, p, eff.sementara)
    yield "efisiensi.rata_rata_capaian", v.percent(eff.rata_rata_capaian, p, eff.sementara)
    yield "efisiensi.serapan", v.percent(eff.serapan, p)


def _printed(report: Report) -> Iterable[PrintedCell]:
    data = report.get(EFISIENSI)
    for row in data.baris if data else ():
        yield from row_cells(row.tercetak, row.indikator)


SUBJECT = Subject(
    name="efisiensi",
    files=(EFISIENSI,),
    validate=_validate,
    figures=(EFISIENSI_FIGURE,),
    tables=(TableSpec("efisiensi", "Efisiensi Penggunaan Sumber Daya", _table, (EFISIENSI,),
                      "capaian, penyerapan anggaran dan tingkat efisiensi per indikator, dengan rata-rata"),),
    keys=_keys,
    key_files=(("efisiensi", EFISIENSI),),
    printed=_printed,
    next_year={"efisiensi": TINGGAL},
)
