"""Supporting documents an office may attach: innovation decrees, the follow-up of the SAKIP
evaluation (RATL), the SOP for collecting performance data, and achievements."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from ..core.compute import Figures
from ..core.model import DataFile, Report
from ..core.nextyear import BAWA, TINGGAL
from ..core.subject import ListSpec, Subject, TableSpec
from ..schema import Date, Entry, Id, ListOf, Record, Ref, Text, Year, opt, req
from ..views import values as v
from ..views.blocks import DataList, Item
from ..views.tables import Built, Column, Row, cells
from ..views.values import Value
from .laporan import pejabat


@dataclass(frozen=True, kw_only=True)
class Kop(Entry):
    instansi: tuple[str, ...] = req(ListOf(Text(), 1), "baris kop")
    alamat: str | None = opt(Text(), "alamat")
    telepon: str | None = opt(Text(), "telepon")


@dataclass(frozen=True, kw_only=True)
class Diktum(Entry):
    diktum: str = req(Text(), "KESATU, KEDUA, ...")
    isi: str = req(Text(), "isi")


@dataclass(frozen=True, kw_only=True)
class Keputusan(Entry):
    id: str = req(Id(), "pengenal keputusan")
    nama: str = req(Text(), "nama inovasi")
    kepanjangan: str | None = opt(Text(), "kepanjangan atau makna")
    nomor: str = req(Text(), "nomor keputusan")
    tentang: str = req(Text(), "judul keputusan")
    tanggal: dt.date = req(Date(), "tanggal penetapan")
    ditetapkan_di: str = req(Text(), "tempat penetapan")
    menimbang: tuple[str, ...] = opt(ListOf(Text(), 1), "menimbang", ())
    mengingat: tuple[str, ...] = opt(ListOf(Text(), 1), "mengingat", ())
    memutuskan: tuple[Diktum, ...] = req(ListOf(Record(Diktum), 1), "diktum")
    penandatangan: str = req(Ref("pejabat"), "penandatangan")


@dataclass(frozen=True, kw_only=True)
class InovasiFile(Entry):
    kop: Kop | None = opt(Record(Kop), "kop surat")
    keputusan: tuple[Keputusan, ...] = req(ListOf(Record(Keputusan), 1, "id"), "keputusan penetapan inovasi")


@dataclass(frozen=True, kw_only=True)
class Rekomendasi(Entry):
    id: str = req(Text(), "huruf butir")
    rekomendasi: str = req(Text(), "rekomendasi")
    tindak_lanjut: str = req(Text(), "tindak lanjut")
    tautan: str | None = opt(Text(), "tautan bukti (seperti dicetak)")


@dataclass(frozen=True, kw_only=True)
class Ratl(Entry):
    judul: str = req(Text(), "judul")
    tahun: int = req(Year(), "tahun")
    rekomendasi: tuple[Rekomendasi, ...] = req(ListOf(Record(Rekomendasi), 1, "id"), "rekomendasi")
    penandatangan: str | None = opt(Ref("pejabat"), "penandatangan")


@dataclass(frozen=True, kw_only=True)
class Sop(Entry):
    nomor: str = req(Text(), "nomor SOP")
    tanggal_pembuatan: dt.date | None = opt(Date(), "tanggal pembuatan")
    tanggal_revisi: dt.date | None = opt(Date(), "tanggal revisi")
    tanggal_efektif: dt.date | None = opt(Date(), "tanggal efektif")
    disahkan_oleh: str = req(Ref("pejabat"), "pengesah")
    nama: str = req(Text(), "nama SOP")
    dasar_hukum: tuple[str, ...] = opt(ListOf(Text(), 1), "dasar hukum", ())
    kualifikasi_pelaksana: tuple[str, ...] = opt(ListOf(Text(), 1), "kualifikasi pelaksana", ())
    keterkaitan: tuple[str, ...] = opt(ListOf(Text(), 1), "keterkaitan", ())
    peralatan: tuple[str, ...] = opt(ListOf(Text(), 1), "peralatan", ())
    peringatan: str | None = opt(Text(), "peringatan")
    pencatatan: str | None = opt(Text(), "pencatatan dan pendataan")


@dataclass(frozen=True, kw_only=True)
class Prestasi(Entry):
    id: str = req(Id(), "pengenal")
    uraian: str = req(Text(), "uraian prestasi")


@dataclass(frozen=True, kw_only=True)
class PrestasiFile(Entry):
    prestasi: tuple[Prestasi, ...] = req(ListOf(Record(Prestasi), 0, "id"), "prestasi")


INOVASI = DataFile("inovasi", InovasiFile, "keputusan kepala instansi yang menetapkan inovasi")
RATL = DataFile("ratl", Ratl, "rekomendasi hasil evaluasi SAKIP dan tindak lanjutnya")
SOP = DataFile("sop", Sop, "SOP pengumpulan data kinerja")
PRESTASI = DataFile("prestasi", PrestasiFile, "prestasi yang dicapai")


def _kop(report: Report) -> DataList:
    kop = report.need(INOVASI).kop
    lines = list(kop.instansi) if kop else []
    if kop and kop.alamat:
        lines.append(kop.alamat)
    if kop and kop.telepon:
        lines.append(f"Telp {kop.telepon}")
    return DataList("kop_surat", tuple(Item("", line) for line in lines), paragraphs=True)


def _decree(d: Keputusan) -> DataList:
    parts = []
    if d.menimbang:
        parts.append(Item("Menimbang", "", tuple(Item(f"{chr(97 + n)}.", t) for n, t in enumerate(d.menimbang))))
    if d.mengingat:
        parts.append(Item("Mengingat", "", tuple(Item(f"{n}.", t) for n, t in enumerate(d.mengingat, 1))))
    parts.append(Item("Memutuskan", "", tuple(Item(x.diktum, x.isi) for x in d.memutuskan)))
    return DataList(f"inovasi_{d.id}", tuple(parts))


def _decree_of(d: Keputusan, report: Report) -> DataList:
    return _decree(d)


def _decrees(report: Report) -> Iterator[ListSpec]:
    data = report.get(INOVASI)
    for d in data.keputusan if data else ():
        yield ListSpec(f"inovasi_{d.id}", partial(_decree_of, d))


def _prestasi(report: Report) -> DataList:
    return DataList("prestasi", tuple(Item("", p.uraian) for p in report.need(PRESTASI).prestasi), ordered=False)


def _ratl_table(report: Report, figures: Figures) -> Built:
    rows = tuple(Row(r.id, cells(f"{r.id}.", r.rekomendasi, r.tindak_lanjut, r.tautan))
                 for r in report.need(RATL).rekomendasi)
    columns = (Column("no", "No"), Column("rekomendasi", "Rekomendasi"), Column("tindak_lanjut", "Tindak Lanjut"),
               Column("tautan", "Tautan"))
    return Built(columns, rows)


def _numbered(items: tuple[str, ...]) -> str | None:
    return " ".join(f"{n}. {t}" for n, t in enumerate(items, 1)) or None


def _sop_table(report: Report, figures: Figures) -> Built:
    s = report.need(SOP)
    signer = pejabat(report, s.disahkan_oleh)
    who = ", ".join(x for x in (signer.nama, signer.pangkat, f"NIP. {signer.nip}" if signer.nip else None) if x)
    items: list[tuple[str, str, Value | str | None]] = [
        ("nomor", "Nomor SOP", s.nomor), ("dibuat", "Tanggal Pembuatan", v.date(s.tanggal_pembuatan)),
        ("revisi", "Tanggal Revisi", v.date(s.tanggal_revisi)),
        ("efektif", "Tanggal Efektif", v.date(s.tanggal_efektif)), ("disahkan", "Disahkan oleh", who),
        ("nama", "Nama SOP", s.nama), ("dasar_hukum", "Dasar Hukum", _numbered(s.dasar_hukum)),
        ("kualifikasi", "Kualifikasi Pelaksana", _numbered(s.kualifikasi_pelaksana)),
        ("keterkaitan", "Keterkaitan", _numbered(s.keterkaitan)),
        ("peralatan", "Peralatan / Perlengkapan", _numbered(s.peralatan)),
        ("peringatan", "Peringatan", s.peringatan), ("pencatatan", "Pencatatan dan Pendataan", s.pencatatan)]
    rows = tuple(Row(i, cells(label, value)) for i, label, value in items
                 if not (isinstance(value, Value) and value.is_empty) and value is not None)
    return Built((Column("unsur", "Unsur"), Column("isi", "Isi")), rows)


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    data = report.get(INOVASI)
    for d in data.keputusan if data else ():
        for attr in ("nama", "kepanjangan", "nomor", "tentang", "ditetapkan_di"):
            yield f"inovasi.{d.id}.{attr}", v.text(getattr(d, attr))
        yield f"inovasi.{d.id}.tanggal", v.date(d.tanggal)
    if data is not None:
        yield "inovasi.jumlah_keputusan", v.count(len(data.keputusan))
    prestasi = report.get(PRESTASI)
    if prestasi is not None:
        yield "prestasi.jumlah", v.count(len(prestasi.prestasi))


SUBJECT = Subject(
    name="dokumen",
    files=(INOVASI, RATL, SOP, PRESTASI),
    tables=(TableSpec("ratl", "Tindak Lanjut Rekomendasi Hasil Evaluasi SAKIP", _ratl_table, (RATL,),
                      "rekomendasi, tindak lanjut dan tautan buktinya"),
            TableSpec("sop", "SOP Pengumpulan Data Kinerja", _sop_table, (SOP,), "unsur dan isi SOP")),
    lists=(ListSpec("kop_surat", _kop, (INOVASI,)), ListSpec("prestasi", _prestasi, (PRESTASI,))),
    dynamic_lists=_decrees,
    keys=_keys,
    key_files=(("inovasi", INOVASI), ("prestasi", PRESTASI)),
    next_year={"inovasi": BAWA, "ratl": TINGGAL, "sop": BAWA, "prestasi": TINGGAL},
)
