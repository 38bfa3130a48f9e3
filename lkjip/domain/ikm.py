"""IKM: the Indeks Kepuasan Masyarakat from the unsur of the Survei Kepuasan Masyarakat.

IKM = mean of the unsur NRR (equal weights) x konversi (PermenPANRB 14/2017: nine unsur,
x 25); its mutu and kinerja come from the interval table the office prints, compared at
the report's rounding precision.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..check.compare import PRINTED_TABLES, PrintedCell, table_cells
from ..core.compute import Figure, Figures, Source
from ..core.model import DataFile, Report
from ..core.nextyear import TINGGAL
from ..core.subject import ChartSpec, IdKind, Subject, TableSpec
from ..numbers import round_half_up
from ..schema import Entry, Id, Integer, ListOf, Number, Record, Text, frozen_map, opt, req
from ..views import values as v
from ..views.blocks import Card
from ..views.charts import Band, Bar, Chart, Group
from ..views.tables import Built, Column, Row, cells
from ..views.values import Value
from .laporan import places


@dataclass(frozen=True, kw_only=True)
class Unsur(Entry):
    id: str = req(Id(), "pengenal unsur")
    nama: str = req(Text(), "nama unsur")
    nrr: Decimal = req(Number(1, 4), "nilai rata-rata unsur (1-4)")


@dataclass(frozen=True, kw_only=True)
class Interval(Entry):
    nilai_persepsi: int = req(Integer(1, 4), "nilai persepsi")
    ni_min: Decimal = req(Number(0), "nilai interval bawah")
    ni_max: Decimal = req(Number(0), "nilai interval atas")
    nik_min: Decimal = req(Number(0), "nilai interval konversi bawah")
    nik_max: Decimal = req(Number(0), "nilai interval konversi atas")
    mutu: str = req(Text(), "mutu pelayanan (A-D)")
    kinerja: str = req(Text(), "kinerja unit pelayanan")


@dataclass(frozen=True, kw_only=True)
class IkmFile(Entry):
    dasar: str = req(Text(), "dasar perhitungan, mis. Peraturan Menteri PANRB Nomor 14 Tahun 2017")
    konversi: Decimal = req(Number(1), "faktor konversi NRR ke IKM (25)")
    unsur: tuple[Unsur, ...] = req(ListOf(Record(Unsur), 1, "id"), "unsur SKM dengan NRR-nya")
    interval: tuple[Interval, ...] = req(ListOf(Record(Interval), 1), "tabel interval nilai SKM")
    tercetak: Mapping[str, Any] = opt(PRINTED_TABLES, "angka seperti tercetak, per tabel dan baris (pembanding)",
                                      frozen_map())


IKM = DataFile("ikm", IkmFile, "unsur Survei Kepuasan Masyarakat dengan NRR-nya, dan tabel interval nilai SKM")


@dataclass(frozen=True)
class Ikm:
    nrr_rata_rata: Decimal
    nilai: Decimal
    mutu: str | None
    kinerja: str | None


def _ikm(report: Report, figures: Figures) -> Ikm:
    data = report.need(IKM)
    mean = sum((u.nrr for u in data.unsur), Decimal(0)) / len(data.unsur)
    value = mean * data.konversi
    shown = round_half_up(value, places(report))
    band = next((b for b in data.interval if b.nik_min <= shown <= b.nik_max), None)
    return Ikm(mean, value, band.mutu if band else None, band.kinerja if band else None)


IKM_FIGURE = Figure("ikm", _ikm, files=(IKM,))


def _unsur_table(report: Report, figures: Figures) -> Built:
    ikm, data, p = figures.need(IKM_FIGURE), report.need(IKM), places(report)
    rows = [Row(u.id, cells(v.text(str(n)), u.nama, v.source(u.nrr))) for n, u in enumerate(data.unsur, 1)]
    # The mean is shown with two more places than the rule: multiplied by 25 afterwards, its rounded
    # value would not give the IKM shown (3,65 × 25 = 91,25, while 3,6533 × 25 = 91,33).
    rows.append(Row("nrr_rata_rata", cells("", "NRR rata-rata (bobot sama)", v.computed(ikm.nrr_rata_rata, p + 2)),
                    "jumlah"))
    rows.append(Row("ikm", cells("", f"IKM = NRR rata-rata × {v.source(data.konversi).text()}",
                                 v.computed(ikm.nilai, p)), "jumlah"))
    rows.append(Row("mutu", cells("", "Mutu pelayanan", f"{ikm.mutu} ({ikm.kinerja})" if ikm.mutu else None),
                    "jumlah"))
    columns = (Column("no", "No"), Column("unsur", "Unsur Pelayanan"), Column("nrr", "NRR", "angka"))
    return Built(columns, tuple(rows), (f"Dasar perhitungan: {data.dasar}.",))


def _interval_table(report: Report, figures: Figures) -> Built:
    rows = tuple(Row(f"mutu_{b.mutu.lower()}", cells(
        v.text(str(b.nilai_persepsi)), f"{v.source(b.ni_min).text()} – {v.source(b.ni_max).text()}",
        f"{v.source(b.nik_min).text()} – {v.source(b.nik_max).text()}", b.mutu, b.kinerja))
        for b in report.need(IKM).interval)
    columns = (Column("nilai_persepsi", "Nilai Persepsi"), Column("ni", "Nilai Interval (NI)"),
               Column("nik", "Nilai Interval Konversi (NIK)"), Column("mutu", "Mutu Pelayanan"),
               Column("kinerja", "Kinerja Unit Pelayanan"))
    return Built(columns, rows)


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    ikm = figures.get(IKM_FIGURE)
    if ikm is None:
        return
    yield "ikm.nilai", v.computed(ikm.nilai, places(report))
    yield "ikm.mutu", v.text(ikm.mutu)
    yield "ikm.kinerja", v.text(ikm.kinerja)
    yield "ikm.jumlah_unsur", v.count(len(report.need(IKM).unsur))


def _chart(report: Report, figures: Figures) -> Chart:
    """The NRR of each unsur over the mutu bands of the interval table (D to A)."""
    data = report.need(IKM)
    groups = tuple(Group(u.nama, (Bar(0, u.nrr, v.source(u.nrr).text(), "nrr"),), row=u.id) for u in data.unsur)
    bands = tuple(Band(b.ni_min, b.ni_max, f"{b.mutu}") for b in sorted(data.interval, key=lambda b: b.ni_min))
    low = min((b.start for b in bands), default=Decimal(1))
    high = max((b.end for b in bands), default=Decimal(4))
    return Chart("ikm_unsur", "", ("NRR",), groups, minimum=low, maximum=high, bands=bands,
                 catatan="Latar menunjukkan mutu pelayanan menurut tabel interval nilai SKM (D, C, B, A).")


def _cards(report: Report, figures: Figures) -> Iterator[Card]:
    ikm = figures.get(IKM_FIGURE)
    if ikm is not None:
        yield Card("Indeks Kepuasan Masyarakat", "ikm_unsur", ("ikm", "nrr"), "Mutu {0}" if ikm.mutu else "",
                   (("mutu", "nrr"),) if ikm.mutu else (), 20)


def _printed(report: Report) -> Iterable[PrintedCell]:
    data = report.get(IKM)
    return table_cells(data.tercetak) if data else ()


SUBJECT = Subject(
    name="ikm",
    files=(IKM,),
    id_kinds=(IdKind("nilai", IKM, lambda r: ["ikm.nilai"]),),
    figures=(IKM_FIGURE,),
    sources=(Source(("ikm",), lambda r, f: [("ikm.nilai", f.need(IKM_FIGURE).nilai)] if f.get(IKM_FIGURE) else []),),
    tables=(TableSpec("ikm_unsur", "Nilai Rata-rata per Unsur Survei Kepuasan Masyarakat", _unsur_table, (IKM,),
                      "NRR per unsur, NRR rata-rata, IKM dan mutu pelayanan"),
            TableSpec("skm_interval", "Interval Nilai SKM", _interval_table, (IKM,),
                      "nilai persepsi, interval, mutu dan kinerja unit pelayanan")),
    keys=_keys,
    key_files=(("ikm", IKM),),
    printed=_printed,
    charts=(ChartSpec("ikm_unsur", "ikm_unsur", _chart, (IKM,), "NRR per unsur di atas pita mutu A-D"),),
    cards=_cards,
    next_year={"ikm": TINGGAL},
)
