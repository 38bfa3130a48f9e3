"""The organisation: its tasks, its units as the regional regulation sets them, its structure."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..core.compute import Figures
from ..core.model import DataFile, Report
from ..core.nextyear import BAWA
from ..core.subject import ListSpec, Subject
from ..schema import Entry, ListOf, Record, Text, opt, req
from ..views import values as v
from ..views.blocks import DataList, Item
from ..views.values import Value


@dataclass(frozen=True, kw_only=True)
class Tugas(Entry):
    id: str = req(Text(), "huruf atau nomor butir")
    uraian: str = req(Text(), "uraian tugas")


@dataclass(frozen=True, kw_only=True)
class SubUnit(Entry):
    id: str = req(Text(), "nomor butir")
    nama: str = req(Text(), "nama")


@dataclass(frozen=True, kw_only=True)
class Unit(Entry):
    id: str = req(Text(), "huruf butir")
    nama: str = req(Text(), "nama unit")
    bagian: tuple[SubUnit, ...] = opt(ListOf(Record(SubUnit)), "sub-unit", ())


@dataclass(frozen=True, kw_only=True)
class Organisasi(Entry):
    tugas: tuple[Tugas, ...] = opt(ListOf(Record(Tugas), 1, "id"), "tugas instansi", ())
    dasar_hukum: str | None = opt(Text(), "dasar hukum susunan organisasi")
    susunan: tuple[str, ...] = opt(ListOf(Text(), 1), "susunan organisasi", ())
    struktur: tuple[Unit, ...] = opt(ListOf(Record(Unit), 1, "id"), "struktur organisasi", ())


ORGANISASI = DataFile("organisasi", Organisasi, "tugas, susunan dan struktur organisasi")


def _org(report: Report) -> Organisasi:
    return report.need(ORGANISASI)


def _tugas(report: Report) -> DataList:
    return DataList("tugas", tuple(Item(f"{t.id}.", t.uraian) for t in _org(report).tugas))


def _susunan(report: Report) -> DataList:
    return DataList("susunan_organisasi", tuple(Item(f"{n}.", s) for n, s in enumerate(_org(report).susunan, 1)))


def _struktur(report: Report) -> DataList:
    return DataList("struktur_organisasi", tuple(
        Item(f"{u.id}.", u.nama, tuple(Item(f"{s.id})", s.nama) for s in u.bagian)) for u in _org(report).struktur))


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    org = report.get(ORGANISASI)
    if org is not None and org.dasar_hukum:
        yield "organisasi.dasar_hukum", v.text(org.dasar_hukum)


SUBJECT = Subject(
    name="organisasi",
    files=(ORGANISASI,),
    lists=(ListSpec("tugas", _tugas, (ORGANISASI,)), ListSpec("susunan_organisasi", _susunan, (ORGANISASI,)),
           ListSpec("struktur_organisasi", _struktur, (ORGANISASI,))),
    keys=_keys,
    key_files=(("organisasi", ORGANISASI),),
    next_year={"organisasi": BAWA},
)
