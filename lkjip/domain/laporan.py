"""The report itself: who reports, for which year, its signatories and its rounding rule.

Every LKjIP has these two files. The kind of office (kecamatan, kelurahan, dinas, badan)
and the words that go with it come from here, never from code.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from .. import numbers
from ..core.compute import Figures
from ..core.model import DataFile, Report
from ..core.nextyear import BAWA, UBAH
from ..core.subject import IdKind, Subject
from ..diagnostics import Diagnostic, error
from ..schema import (
    Choice,
    Context,
    Date,
    DateOrMonth,
    Entry,
    Flag,
    Id,
    Integer,
    ListOf,
    MapOf,
    Month,
    Record,
    Ref,
    Text,
    Year,
    frozen_map,
    opt,
    req,
)
from ..source.yamlfile import PathKey
from ..views import values as v
from ..views.blocks import Signature
from ..views.values import Value
from . import laporan_next
from .jenis import JENIS_INSTANSI


@dataclass(frozen=True, kw_only=True)
class Pembulatan(Entry):
    desimal: int = req(Integer(0, 6), "jumlah angka di belakang koma")
    cara: str = req(Choice("setengah_ke_atas"), "cara membulatkan")
    catatan: str | None = opt(Text(), "keterangan tambahan yang dicetak bersama aturan ini")


@dataclass(frozen=True, kw_only=True)
class Penerbit(Entry):
    nama: str | None = opt(Text(), "penerbit laporan di situs (bawaan: nama instansi)")
    alamat: str | None = opt(Text(), "alamat kantor")
    telepon: str | None = opt(Text(), "nomor telepon")
    surel: str | None = opt(Text(), "alamat surel (e-mail)")
    situs: str | None = opt(Text(), "alamat situs web instansi")


@dataclass(frozen=True, kw_only=True)
class Tambahan(Entry):
    tabel: bool = opt(Flag(), "seluruh tabel ini tambahan penyusun, tidak ada pada dokumen yang ditandatangani", False)
    kolom: tuple[str, ...] = opt(ListOf(Id()), "kolom tambahan penyusun (kunci kolom; lihat 'python build.py kunci')",
                                 ())
    baris: tuple[str, ...] = opt(ListOf(Text()), "baris tambahan penyusun (pengenal baris)", ())


@dataclass(frozen=True, kw_only=True)
class JudulTabel(Entry):
    nomor: str | None = opt(Text(), "nomor tabel seperti dicetak, mis. '3.1'")
    judul: str | None = opt(Text(), "judul tabel; tanpa ini dipakai judul bawaan tabel itu")
    sumber: str | None = opt(Text(), "catatan sumber di bawah tabel")
    salinan: str | None = opt(Id(), "tabel ini salinan tabel lain (pengenalnya), ditampilkan lagi di tempat lain "
                                    "dengan angka tercetaknya sendiri")
    tambahan: Tambahan | None = opt(Record(Tambahan), "laporan yang ditandatangani: bagian tabel ini yang "
                                    "ditambahkan penyusun (ditandai † dan didaftar di Catatan Pemeriksaan)")
    kolom: Mapping[str, str] = opt(MapOf(Id(), Text(allow_empty=True)),
                                   "judul kolom seperti dicetak, menurut kunci kolom (mis. {target: TARGET}; "
                                   "\"\" bila dokumen membiarkannya kosong)", frozen_map())
    kelompok: Mapping[str, str] = opt(MapOf(Text(), Text(allow_empty=True)),
                                      "judul kelompok kolom seperti dicetak, menurut judul bawaannya (mis. "
                                      "{Target Kinerja Renstra Lama: Target Kinerja RENSTRA Lama})", frozen_map())
    urutan: tuple[str, ...] = opt(ListOf(Text()), "urutan baris seperti dicetak (pengenal baris); baris lain "
                                  "menyusul dalam urutan bawaannya", ())


@dataclass(frozen=True, kw_only=True)
class LampiranTercetak(Entry):
    judul: str = req(Text(), "judul lampiran seperti tercetak di Daftar Isi dokumen asli")
    bagian: str | None = opt(Text(), "halaman yang memuatnya (nama file bab tanpa nomor urut, mis. lampiran-iku) "
                                     "atau pengenal tabel; kosong bila lampiran itu tidak ada di laporan ini")


SEBUTAN_GAMBAR = ("Gambar", "Grafik")
"""What an office may call its figures: the word of each caption ('Grafik 1.') and of their list ('Daftar Grafik')."""


@dataclass(frozen=True, kw_only=True)
class PenamaanGambar(Entry):
    sebutan: str = opt(Choice(*SEBUTAN_GAMBAR), "kata di depan nomor gambar, di situs dan di PDF ('Grafik 1. ...'), "
                       "dan judul daftarnya di PDF ('Daftar Grafik') (bawaan: Gambar)", SEBUTAN_GAMBAR[0])


class _Penamaan(Record):
    """`gambar: Grafik` is the likely slip for `gambar: {sebutan: Grafik}`: the message says how to write it."""

    def wrong(self, value: Any, path: PathKey, ctx: Context, hint: str = "") -> Any:
        if isinstance(value, str) and not hint:
            hint = f"tulis {path[-1] if path else 'gambar'}: {{sebutan: {value.strip()}}}"
        return super().wrong(value, path, ctx, hint)


DEFAULT_ROUNDING = Pembulatan(desimal=2, cara="setengah_ke_atas")
DRAF, DITANDATANGANI = "draf", "ditandatangani"
UNSIGNED = "……………… (belum ditandatangani)"


@dataclass(frozen=True, kw_only=True)
class Penandatanganan(Entry):
    tanggal: dt.date | Month = req(DateOrMonth(), "tanggal laporan ditandatangani (YYYY-MM-DD), atau bulannya "
                                   "(YYYY-MM) bila dokumen kertas hanya menyebut bulan")
    revisi: str | None = opt(Text(), "tag atau commit Git edisi yang ditandatangani (mis. ttd-2024); kosong untuk "
                             "dokumen kertas yang ditranskripsi, yang catatan resminya adalah angka tercetaknya")


@dataclass(frozen=True, kw_only=True)
class Edisi(Entry):
    nomor: int = req(Integer(2, 99), "nomor edisi revisi (edisi yang ditandatangani adalah edisi 1)")
    tanggal: dt.date = req(Date(), "tanggal edisi ini disetujui")
    disetujui: str = req(Ref("pejabat"), "pejabat yang menyetujui edisi ini (pengenal di data/pejabat.yaml)")
    dasar: str = req(Text(), "dasar perubahan, mis. Nota Dinas Nomor ...")


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
    gambar: PenamaanGambar | None = opt(_Penamaan(PenamaanGambar), "sebutan gambar dan grafik laporan ini, mis. "
                                        "{sebutan: Grafik} untuk 'Grafik 1. ...' dan 'Daftar Grafik' (bawaan: "
                                        "Gambar)")
    lampiran_tercetak: tuple[LampiranTercetak, ...] = opt(
        ListOf(Record(LampiranTercetak)), "lampiran yang didaftar Daftar Isi dokumen bertanda tangan "
        "(hanya untuk pemeriksaan struktur)", ())
    status: str = opt(Choice(DRAF, DITANDATANGANI), "draf (angka dihitung, PDF bertanda DRAF) atau ditandatangani "
                      "(yang diterbitkan persis yang ditandatangani)", DRAF)
    ditandatangani: Penandatanganan | None = opt(Record(Penandatanganan), "kapan laporan ditandatangani dan revisi "
                                                 "Git edisi itu; wajib bila status ditandatangani")
    edisi: Edisi | None = opt(Record(Edisi), "edisi revisi sesudah penandatanganan: nomor, tanggal, pejabat yang "
                              "menyetujui, dasar; Lembar Ralat dibuat dari perbedaannya dengan edisi yang "
                              "ditandatangani")
    penerbit: Penerbit | None = opt(Record(Penerbit), "penerbit, alamat dan kontak yang dicantumkan di kepala dan kaki "
                                    "situs")
    diterbitkan: dt.date | None = opt(Date(), "tanggal laporan diterbitkan di situs")
    catatan_pemeriksaan: bool = opt(Flag(), "laporan yang ditandatangani: tampilkan hasil hitung ulang kepada "
                                    "pembaca sebagai tanda catatan di samping angka tercetak dan lampiran Catatan "
                                    "Pemeriksaan (bawaan: tidak)", False)

    @property
    def signed(self) -> bool:
        return self.status == DITANDATANGANI

    @property
    def sebutan_gambar(self) -> str:
        """What the office calls its figures: "Gambar 1." and "Daftar Gambar", or "Grafik 1." and "Daftar Grafik"."""
        return self.gambar.sebutan if self.gambar is not None else SEBUTAN_GAMBAR[0]

    @property
    def transcribed(self) -> bool:
        """A signed paper document typed into the tool: its printed values are the record."""
        return self.signed and (self.ditandatangani is None or self.ditandatangani.revisi is None)

    @property
    def cover(self) -> tuple[str, ...]:
        return self.sampul or (f"PEMERINTAH {self.daerah.upper()}", self.judul.upper(), self.instansi.upper(),
                               f"TAHUN {self.tahun}")


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


def signing_day(when: dt.date | Month) -> dt.date:
    return when.first if isinstance(when, Month) else when


def day_text(when: dt.date | Month) -> str:
    """'31 Januari 2025', or 'Januari 2025' for a document that names its month only."""
    return numbers.month(when.first) if isinstance(when, Month) else numbers.date(when)


def _validate(report: Report) -> Iterator[Diagnostic]:
    """The report's status and editions agree with each other."""
    lap = laporan(report)
    if lap.signed and lap.ditandatangani is None:
        yield error(lap.at("status"), "status ditandatangani tanpa 'ditandatangani'",
                    "tulis ditandatangani: {tanggal: 2025-01-31, revisi: ttd-2024} (revisi: tag Git edisi yang "
                    "ditandatangani; tanpa revisi untuk dokumen kertas yang ditranskripsi)", "status")
    if not lap.signed and lap.ditandatangani is not None:
        yield error(lap.at("ditandatangani"), "'ditandatangani' diisi, tetapi status masih draf",
                    "tulis status: ditandatangani, atau hapus 'ditandatangani'", "status")
    if lap.edisi is not None:
        if not lap.signed:
            yield error(lap.at("edisi"), "edisi revisi untuk laporan yang belum ditandatangani",
                        "hanya laporan berstatus ditandatangani yang dapat mempunyai edisi revisi", "status")
        elif lap.ditandatangani is not None and lap.ditandatangani.revisi is None:
            yield error(lap.at("edisi"), "edisi revisi memerlukan revisi Git edisi yang ditandatangani",
                        "tulis ditandatangani.revisi (tag atau commit): Lembar Ralat dibuat dari perbedaan "
                        "edisi ini dengan revisi itu", "status")
        elif lap.ditandatangani is not None and lap.edisi.tanggal < signing_day(lap.ditandatangani.tanggal):
            yield error(lap.edisi.at("tanggal"), f"edisi revisi bertanggal {numbers.date(lap.edisi.tanggal)}, "
                        f"sebelum laporan ditandatangani ({day_text(lap.ditandatangani.tanggal)})", "", "status")


def _signatures(report: Report) -> Iterator[Signature]:
    for p in report.need(PEJABAT).pejabat:
        yield Signature(p.id, p.jabatan, p.nama, p.pangkat, p.nip)


def _keys(report: Report, figures: Figures) -> Iterable[tuple[str, Value]]:
    lap = laporan(report)
    for attr in ("judul", "singkatan", "instansi", "jenis", "daerah", "provinsi"):
        yield f"laporan.{attr}", v.text(getattr(lap, attr))
    yield "laporan.tahun", v.text(str(lap.tahun))
    yield "laporan.tahun_sebelumnya", v.text(str(lap.tahun - 1))
    # The date beside the head's signature: the day it was signed; a draft leaves it open, as a
    # draft circulated for review must not carry a date the head has not signed on.
    signed = day_text(lap.ditandatangani.tanggal) if lap.signed and lap.ditandatangani else UNSIGNED
    yield "laporan.tanggal_tanda_tangan", v.text(signed)
    for p in report.need(PEJABAT).pejabat:
        for attr in ("nama", "jabatan", "pangkat", "nip"):
            yield f"pejabat.{p.id}.{attr}", v.text(getattr(p, attr))


SUBJECT = Subject(
    name="laporan",
    files=(LAPORAN, PEJABAT),
    id_kinds=(IdKind("pejabat", PEJABAT, lambda r: [p.id for p in r.need(PEJABAT).pejabat]),),
    validate=_validate,
    signatures=_signatures,
    keys=_keys,
    key_files=(("laporan", LAPORAN), ("pejabat", PEJABAT)),
    next_year={"laporan": UBAH, "pejabat": BAWA}, rewrites={"laporan": laporan_next.laporan},
)
