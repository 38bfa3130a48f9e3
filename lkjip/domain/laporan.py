"""The report itself: who reports, for which year, its signatories and its rounding rule.

Every LKjIP has these two files. The kind of office (kecamatan, kelurahan, dinas, badan)
and the words that go with it come from here, never from code.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from .. import values as v
from ..blocks import Signature
from ..compute import Figures
from ..model import DataFile, Report
from ..schema import Choice, Entry, Id, Integer, ListOf, MapOf, Record, Ref, Text, Year, frozen_map, opt, req
from ..subject import IdKind, Subject
from ..values import Value

JENIS_INSTANSI = ("kecamatan", "kelurahan", "dinas", "badan", "kantor", "sekretariat", "inspektorat", "lainnya")


@dataclass(frozen=True, kw_only=True)
class Pembulatan(Entry):
    desimal: int = req(Integer(0, 6), "jumlah angka di belakang koma")
    cara: str = req(Choice("setengah_ke_atas"), "cara membulatkan")
    catatan: str | None = opt(Text(), "keterangan tambahan yang dicetak bersama aturan ini")


@dataclass(frozen=True, kw_only=True)
class JudulTabel(Entry):
    nomor: str | None = opt(Text(), "nomor tabel seperti dicetak, mis. '3.1'")
    judul: str | None = opt(Text(), "judul tabel; tanpa ini dipakai judul bawaan tabel itu")
    sumber: str | None = opt(Text(), "catatan sumber di bawah tabel")
    salinan: str | None = opt(Id(), "tabel ini salinan tabel lain (pengenalnya), ditampilkan lagi di tempat lain "
                                    "dengan angka tercetaknya sendiri")


@dataclass(frozen=True, kw_only=True)
class LampiranTercetak(Entry):
    judul: str = req(Text(), "judul lampiran seperti tercetak di Daftar Isi dokumen asli")
    bagian: str | None = opt(Text(), "halaman yang memuatnya (nama file bab tanpa nomor urut, mis. lampiran-iku) "
                                     "atau pengenal tabel; kosong bila lampiran itu tidak ada di laporan ini")


DEFAULT_ROUNDING = Pembulatan(desimal=2, cara="setengah_ke_atas")


@dataclass(frozen=True, kw_only=True)
class Laporan(Entry):
    judul: str = req(Text(), "judul laporan, mis. Laporan Kinerja Instansi Pemerintah")
    singkatan: str = req(Text(), "singkatan judul, mis. LKjIP")
    instansi: str = req(Text(), "nama instansi pelapor, mis. Kecamatan Sukamaju atau Dinas Perpustakaan")
    jenis: str = req(Choice(*JENIS_INSTANSI), "jenis instansi")
    daerah: str = req(Text(), "pemerintah daerah induk, mis. Kabupaten Sukamaju atau Kota Sukamaju")
    provinsi: str | None = opt(Text(), "provinsi")
    tahun: int = req(Year(), "tahun kinerja yang dilaporkan")
    sampul: tuple[str, ...] = opt(ListOf(Text(), min_items=1), "baris-baris judul pada sampul", ())
    lambang: str | None = opt(Text(), "gambar lambang daerah untuk sampul PDF: jalur berkas PNG, JPEG atau SVG dari "
                              "folder proyek, mis. gambar/lambang.png")
    penandatangan: str = req(Ref("pejabat"), "pejabat yang menandatangani laporan")
    pembulatan: Pembulatan = opt(Record(Pembulatan), "aturan pembulatan satu-satunya untuk semua angka turunan "
                                 "(bawaan: 2 desimal, setengah ke atas)", DEFAULT_ROUNDING)
    tabel: Mapping[str, JudulTabel] = opt(MapOf(Id(), Record(JudulTabel)), "nomor dan judul tabel, menurut "
                                          "pengenal tabel (lihat 'python build.py kunci')", frozen_map())
    lampiran_tercetak: tuple[LampiranTercetak, ...] = opt(
        ListOf(Record(LampiranTercetak)), "lampiran yang didaftar Daftar Isi dokumen bertanda tangan "
        "(hanya untuk pemeriksaan struktur)", ())

    @property
    def cover(self) -> tuple[str, ...]:
        return self.sampul or (self.judul.upper(), self.instansi.upper(), self.daerah.upper(), f"TAHUN {self.tahun}")


@dataclass(frozen=True, kw_only=True)
class Pejabat(Entry):
    id: str = req(Id(), "pengenal pejabat, mis. camat atau lurah")
    nama: str = req(Text(), "nama lengkap dengan gelar")
    jabatan: str = req(Text(), "jabatan, mis. Camat Sukamaju atau Lurah Sukamaju")
    pangkat: str | None = opt(Text(), "pangkat/golongan")
    nip: str | None = opt(Text(), "NIP seperti dicetak")
    nama_lain: tuple[str, ...] = opt(ListOf(Text()), "ejaan lain nama ini di dokumen asli", ())


@dataclass(frozen=True, kw_only=True)
class PejabatFile(Entry):
    pejabat: tuple[Pejabat, ...] = req(ListOf(Record(Pejabat), min_items=1, unique_by="id"), "daftar penandatangan")


LAPORAN = DataFile("laporan", Laporan, "identitas laporan, sampul, aturan pembulatan, nomor dan judul tabel",
                   required=True)
PEJABAT = DataFile("pejabat", PejabatFile, "penandatangan (nama, jabatan, pangkat, NIP)", required=True)


def laporan(report: Report) -> Laporan:
    return report.need(LAPORAN)


def places(report: Report) -> int:
    """The report's rounding precision for every computed figure."""
    return laporan(report).pembulatan.desimal


def pejabat(report: Report, id: str) -> Pejabat:
    return next(p for p in report.need(PEJABAT).pejabat if p.id == id)


def rounding_note(report: Report) -> str:
    rule = laporan(report).pembulatan
    note = (f"Semua angka turunan dihitung dari data sumber dan dibulatkan setengah ke atas sampai {rule.desimal} "
            "angka di belakang koma.")
    return f"{note} {rule.catatan}" if rule.catatan else note


def _signatures(report: Report) -> Iterator[Signature]:
    for p in report.need(PEJABAT).pejabat:
        yield Signature(p.id, p.jabatan, p.nama, p.pangkat, p.nip)


def _keys(report: Report, figures: Figures) -> Iterable[tuple[str, Value]]:
    lap = laporan(report)
    for attr in ("judul", "singkatan", "instansi", "jenis", "daerah", "provinsi"):
        yield f"laporan.{attr}", v.text(getattr(lap, attr))
    yield "laporan.tahun", v.text(str(lap.tahun))
    yield "laporan.tahun_sebelumnya", v.text(str(lap.tahun - 1))
    for p in report.need(PEJABAT).pejabat:
        for attr in ("nama", "jabatan", "pangkat", "nip"):
            yield f"pejabat.{p.id}.{attr}", v.text(getattr(p, attr))


SUBJECT = Subject(
    name="laporan",
    files=(LAPORAN, PEJABAT),
    id_kinds=(IdKind("pejabat", PEJABAT, lambda r: [p.id for p in r.need(PEJABAT).pejabat]),),
    signatures=_signatures,
    keys=_keys,
    key_files=(("laporan", LAPORAN), ("pejabat", PEJABAT)),
)
