"""Wilayah and penduduk: the facts of Bab I that an office with a territory reports.

A kecamatan counts desa, a kota's kecamatan counts kelurahan, a kelurahan counts RW:
what the rows are called (`sebutan`) is data. A dinas has no territory and simply has
neither file.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..check.compare import PRINTED_ROW, PRINTED_TABLES, PrintedCell, row_cells, table_cells
from ..core.compute import Figure, Figures
from ..core.model import DataFile, Report
from ..core.nextyear import BAWA, TINGGAL
from ..core.subject import ChartSpec, ListSpec, Subject, TableSpec
from ..diagnostics import Diagnostic, warning
from ..schema import Date, Entry, Integer, ListOf, Number, Record, Text, frozen_map, opt, req
from ..views import values as v
from ..views.blocks import Card, DataList, Item
from ..views.charts import Bar, Chart, Group
from ..views.tables import Built, Column, Row, cells
from ..views.values import Value


@dataclass(frozen=True, kw_only=True)
class Rentang(Entry):
    min: Decimal = req(Number(), "batas bawah")
    max: Decimal = req(Number(), "batas atas")


@dataclass(frozen=True, kw_only=True)
class Batas(Entry):
    arah: str = req(Text(), "Utara, Timur, Selatan atau Barat")
    wilayah: tuple[str, ...] = req(ListOf(Text(), 1), "wilayah yang berbatasan")


@dataclass(frozen=True, kw_only=True)
class Wilayah(Entry):
    jarak_ibukota_km: Decimal | None = opt(Number(0), "jarak ke ibukota kabupaten/kota (km)")
    arah: str | None = opt(Text(), "arah dari ibukota")
    luas_km2: Decimal | None = opt(Number(0), "luas wilayah (km²)")
    kemiringan: str | None = opt(Text(), "kemiringan lahan seperti dicetak")
    ketinggian_m: Rentang | None = opt(Record(Rentang), "ketinggian (m dpl)")
    curah_hujan_mm: Decimal | None = opt(Number(0), "curah hujan (mm)")
    batas: tuple[Batas, ...] = opt(ListOf(Record(Batas)), "batas wilayah", ())


@dataclass(frozen=True, kw_only=True)
class BarisPenduduk(Entry):
    nama: str = req(Text(), "nama desa/kelurahan (pengenal baris)")
    l: int = req(Integer(0), "penduduk laki-laki")
    p: int = req(Integer(0), "penduduk perempuan")
    tercetak: Mapping[str, Any] = opt(PRINTED_ROW, "angka baris ini seperti tercetak, per tabel (pembanding)",
                                      frozen_map())


@dataclass(frozen=True, kw_only=True)
class PendudukFile(Entry):
    judul: str | None = opt(Text(), "judul")
    periode: dt.date | None = opt(Date(), "tanggal data")
    sumber: str | None = opt(Text(), "sumber data")
    tautan: str | None = opt(Text(), "tautan data terbuka")
    sebutan: str = req(Text(), "sebutan baris: Desa, Kelurahan, atau Desa/Kelurahan (judul kolom)")
    wilayah: tuple[BarisPenduduk, ...] = req(ListOf(Record(BarisPenduduk), 1, "nama"),
                                             "penduduk per desa/kelurahan")
    tercetak: Mapping[str, Any] = opt(PRINTED_TABLES, "angka seperti tercetak, per tabel dan baris (pembanding)",
                                      frozen_map())


WILAYAH = DataFile("wilayah", Wilayah, "fakta wilayah: jarak, luas, kemiringan, ketinggian, curah hujan, batas")
PENDUDUK = DataFile("penduduk", PendudukFile, "penduduk laki-laki dan perempuan per desa/kelurahan")


def slug(text: str) -> str:
    """A row id from a name: 'Kedung Mungal' -> 'kedung_mungal'."""
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


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

    @property
    def jumlah(self) -> int:
        return self.l + self.p


def _penduduk(report: Report, figures: Figures) -> Penduduk:
    rows = tuple(PendudukRow(slug(d.nama), d.nama, d.l, d.p) for d in report.need(PENDUDUK).wilayah)
    return Penduduk(rows, sum(r.l for r in rows), sum(r.p for r in rows))


PENDUDUK_FIGURE = Figure("penduduk", _penduduk, files=(PENDUDUK,))


def _penduduk_table(report: Report, figures: Figures) -> Built:
    pend = figures.need(PENDUDUK_FIGURE)
    rows = [Row(r.id, cells(v.text(str(n)), r.nama, v.count(r.l), v.count(r.p), v.count(r.jumlah)))
            for n, r in enumerate(pend.rows, 1)]
    rows.append(Row("jumlah", cells("", "Jumlah", v.count(pend.l), v.count(pend.p), v.count(pend.jumlah)), "jumlah"))
    columns = (Column("no", "No"), Column("nama", report.need(PENDUDUK).sebutan), Column("l", "L", "angka"),
               Column("p", "P", "angka"), Column("jumlah", "Jumlah", "angka"))
    return Built(columns, tuple(rows))


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    w = report.get(WILAYAH)
    if w is not None:
        if w.jarak_ibukota_km is not None:
            yield "wilayah.jarak_ibukota", v.source(w.jarak_ibukota_km, "km")
        if w.luas_km2 is not None:
            yield "wilayah.luas", v.source(w.luas_km2, "km²")
        if w.kemiringan:
            yield "wilayah.kemiringan", v.text(w.kemiringan)
        if w.ketinggian_m is not None:
            lo, hi = v.source(w.ketinggian_m.min).text(), v.source(w.ketinggian_m.max).text()
            yield "wilayah.ketinggian", v.text(f"{lo}-{hi} m")
        if w.curah_hujan_mm is not None:
            yield "wilayah.curah_hujan", v.source(w.curah_hujan_mm, "mm")
    pend = figures.get(PENDUDUK_FIGURE)
    if pend is not None:
        yield "penduduk.jumlah_wilayah", v.count(len(pend.rows))
        yield "penduduk.jumlah", v.count(pend.jumlah)
        yield "penduduk.laki_laki", v.count(pend.l)
        yield "penduduk.perempuan", v.count(pend.p)


def _batas(report: Report) -> DataList:
    return DataList("batas_wilayah", tuple(Item(f"Sebelah {b.arah}", ", ".join(b.wilayah))
                                           for b in report.need(WILAYAH).batas), ordered=False)


def _chart(report: Report, figures: Figures) -> Chart:
    """Penduduk per desa or kelurahan by L and P, on one scale."""
    pend = figures.need(PENDUDUK_FIGURE)
    groups = tuple(Group(r.nama, (Bar(0, Decimal(r.l), v.count(r.l).text(), "l"),
                                  Bar(1, Decimal(r.p), v.count(r.p).text(), "p")), row=r.id)
                   for r in pend.rows)
    return Chart("penduduk", "", ("Laki-laki", "Perempuan"), groups)


def _cards(report: Report, figures: Figures) -> Iterator[Card]:
    pend = figures.get(PENDUDUK_FIGURE)
    if pend is not None:
        sebutan = report.need(PENDUDUK).sebutan.lower()
        yield Card("Jumlah penduduk", "penduduk", ("jumlah", "jumlah"),
                   f"{len(pend.rows)} {sebutan} · laki-laki {{0}}, perempuan {{1}}", (("jumlah", "l"), ("jumlah", "p")),
                   90)


def _printed(report: Report) -> Iterable[PrintedCell]:
    data = report.get(PENDUDUK)
    if data is None:
        return
    for row in data.wilayah:
        yield from row_cells(row.tercetak, slug(row.nama))
    yield from table_cells(data.tercetak)


def _checks(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    """A desa or kelurahan without a single inhabitant is almost certainly a row left unfilled."""
    data = report.get(PENDUDUK)
    if data is None:
        return
    for row in data.wilayah:
        if row.l + row.p == 0:
            yield warning(row.at("l"), f"{data.sebutan} {row.nama} berpenduduk 0 (L 0, P 0)",
                          "periksa angkanya: baris yang belum diisi, atau wilayah yang tidak lagi ada", "implausible")


SUBJECT = Subject(
    name="wilayah",
    files=(WILAYAH, PENDUDUK),
    figures=(PENDUDUK_FIGURE,),
    tables=(TableSpec("penduduk", "Jumlah Penduduk", _penduduk_table, (PENDUDUK,),
                      "penduduk L, P dan jumlah per desa/kelurahan, dengan baris jumlah"),),
    lists=(ListSpec("batas_wilayah", _batas, (WILAYAH,)),),
    keys=_keys,
    key_files=(("wilayah", WILAYAH), ("penduduk", PENDUDUK)),
    printed=_printed,
    checks=_checks,
    charts=(ChartSpec("penduduk", "penduduk", _chart, (PENDUDUK,), "penduduk laki-laki dan perempuan per wilayah"),),
    cards=_cards,
    next_year={"wilayah": BAWA, "penduduk": TINGGAL},
)
