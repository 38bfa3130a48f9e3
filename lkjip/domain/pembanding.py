"""Comparison with the regional government and the national figure for similar indikator.

The office's own realisasi is computed (from indikator.yaml); only the others' figures
are typed here. Columns without data (no national comparison, say) are not shown.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..check.compare import PRINTED_ROW, PrintedCell, row_cells
from ..check.words import compare
from ..core.compute import Figures
from ..core.model import DataFile, Report
from ..core.nextyear import TINGGAL
from ..core.subject import Subject, TableSpec
from ..numbers import round_half_up
from ..schema import Entry, ListOf, Number, Record, Ref, Text, frozen_map, opt, req
from ..views import values as v
from ..views.tables import Built, Column, Row, cells
from ..views.values import Value
from .kinerja.figures import KINERJA
from .kinerja.model import INDIKATOR
from .kinerja.tables import measure, realisasi_value
from .laporan import laporan


@dataclass(frozen=True, kw_only=True)
class BarisPembanding(Entry):
    indikator: str = req(Ref("indikator"), "indikator instansi ini")
    nama: str | None = opt(Text(), "nama indikator seperti dicetak di tabel pembanding")
    indikator_pemda: str | None = opt(Text(), "indikator sejenis pemerintah daerah")
    realisasi_pemda: Decimal | None = opt(Number(0), "realisasi pemerintah daerah")
    indikator_nasional: str | None = opt(Text(), "indikator sejenis nasional")
    realisasi_nasional: Decimal | None = opt(Number(0), "realisasi nasional")
    keterangan: str | None = opt(Text(), "keterangan; '{banding}' di dalamnya diganti kata perbandingan realisasi "
                                 "instansi ini dengan realisasi pemda (lebih tinggi, lebih rendah, sama), dihitung")
    tercetak: Mapping[str, Any] = opt(PRINTED_ROW, "angka baris ini seperti tercetak, per tabel (pembanding)",
                                      frozen_map())


@dataclass(frozen=True, kw_only=True)
class PembandingFile(Entry):
    baris: tuple[BarisPembanding, ...] = req(ListOf(Record(BarisPembanding), 1, "indikator"), "baris perbandingan")


PEMBANDING = DataFile("pembanding", PembandingFile, "realisasi indikator sejenis pemerintah daerah dan nasional")


def _table(report: Report, figures: Figures) -> Built:
    inds = {i.id: i for i in report.need(INDIKATOR).indikator}
    kinerja = figures.need(KINERJA)
    lap = laporan(report)
    rows = []
    for n, row in enumerate(report.need(PEMBANDING).baris, 1):
        ind = inds[row.indikator]
        own = realisasi_value(kinerja[ind.id].kini.realisasi, ind, report)
        pemda = measure(row.realisasi_pemda, ind)
        rows.append(Row(ind.id, cells(v.text(str(n)), row.nama or ind.nama, row.indikator_pemda,
                                      row.indikator_nasional, own, pemda, measure(row.realisasi_nasional, ind),
                                      _keterangan(row.keterangan, own, pemda))))
    names, real = ("Indikator Kinerja",), (f"Realisasi {lap.tahun}",)
    columns = (Column("no", "No"), Column("nama", lap.instansi, group=names),
               Column("indikator_pemda", "Pemda", group=names), Column("indikator_nasional", "Nasional", group=names),
               Column("realisasi", lap.instansi, "angka", real), Column("realisasi_pemda", "Pemda", "angka", real),
               Column("realisasi_nasional", "Nasional", "angka", real), Column("keterangan", "Keterangan"))
    return Built(columns, tuple(rows), wide=True)


def _keterangan(text: str | None, own: Value, pemda: Value) -> str | None:
    """The office's remark, with its comparison word (`{banding}`) computed from the two figures as shown,
    so a remark that calls the office's figure lower cannot stand beside a figure that is higher."""
    if text is None or "{banding}" not in text:
        return text
    a, b = own.number, pemda.number
    if a is None or b is None:
        return text.replace("{banding}", v.TIDAK_DAPAT_DIHITUNG)
    if own.places is not None:
        a = round_half_up(a, own.places)
    if pemda.places is not None:
        b = round_half_up(b, pemda.places)
    return text.replace("{banding}", compare(a, b))


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    """`pembanding.ikm.realisasi_pemda`: the others' figures, so prose can compare with
    `{{ indikator.ikm.realisasi | banding: pembanding.ikm.realisasi_pemda }}`."""
    data = report.get(PEMBANDING)
    inds = {i.id: i for i in report.need(INDIKATOR).indikator}
    for row in data.baris if data else ():
        ind = inds[row.indikator]
        yield f"pembanding.{ind.id}.realisasi_pemda", measure(row.realisasi_pemda, ind)
        yield f"pembanding.{ind.id}.realisasi_nasional", measure(row.realisasi_nasional, ind)


def _printed(report: Report) -> Iterable[PrintedCell]:
    data = report.get(PEMBANDING)
    for row in data.baris if data else ():
        yield from row_cells(row.tercetak, row.indikator)


SUBJECT = Subject(
    name="pembanding",
    files=(PEMBANDING,),
    tables=(TableSpec("pembanding", "Perbandingan Realisasi Kinerja dengan Pemerintah Daerah dan Nasional", _table,
                      (PEMBANDING,), "realisasi instansi ini di samping realisasi pemerintah daerah dan nasional"),),
    printed=_printed,
    keys=_keys,
    key_files=(("pembanding", PEMBANDING),),
    next_year={"pembanding": TINGGAL},
)
