"""The data of kinerja: sasaran and indikator, the documents that set targets, the predikat scale.

An indikator is a number (with a unit word), a percentage (typed, or computed from a
numerator and a denominator), an index, or a category on an ordered scale (a SAKIP grade);
its realisasi is a history of any length. Targets of the report year are set by the
Perjanjian Kinerja; earlier years' targets, where no earlier PK is in the data, are
written on the indikator.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ...check.compare import PRINTED_ROW
from ...core.model import DataFile
from ...schema import (
    AnyOf,
    Choice,
    Date,
    Entry,
    Flag,
    Id,
    Integer,
    ListOf,
    MapOf,
    Number,
    NumberOrWord,
    Record,
    Ref,
    Rupiah,
    Text,
    Type,
    Year,
    frozen_map,
    opt,
    req,
)
from ...schema.core import Context
from ...source.yamlfile import PathKey
from ..target import Measure

JENIS = ("angka", "persen", "indeks", "kategori")
DASAR_TREN = ("realisasi", "capaian")
"""What an indikator's naik/turun/tetap is judged on, as the office declares."""


class KeyRef(Text):
    """The name of a computed value (`ikm.nilai`, `anggaran.serapan`), checked once all files are loaded."""

    expected = "nama nilai terhitung, mis. ikm.nilai atau anggaran.serapan"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        from ...schema import Reference
        value = super().convert(value, path, ctx)
        if isinstance(value, str):
            ctx.references.append(Reference("nilai", value, ctx.loc(path)))
        return value


@dataclass(frozen=True, kw_only=True)
class Sasaran(Entry):
    id: str = req(Id(), "pengenal sasaran")
    jenis: str = opt(Choice("strategis", "lainnya"), "sasaran strategis, atau kinerja lainnya", "strategis")
    nomor: int | None = opt(Integer(1), "nomor urut tercetak")
    nama: str = req(Text(), "rumusan sasaran")


@dataclass(frozen=True, kw_only=True)
class Kategori(Entry):
    urutan: tuple[str, ...] = req(ListOf(Text(), 2), "kategori dari yang terbaik, mis. [AA, A, BB, B, CC, C, D]")
    capaian: str = req(Choice("peringkat", "nilai"), "peringkat: capaian = peringkat realisasi ÷ peringkat target "
                       "× 100 (kategori terendah berperingkat 1); nilai: setiap kategori diberi angka ('nilai')")
    nilai: Mapping[str, Decimal] = opt(MapOf(Text(), Number(0)), "angka setiap kategori, untuk capaian 'nilai'",
                                       frozen_map())


@dataclass(frozen=True, kw_only=True)
class RealisasiRinci(Entry):
    nilai: Measure | None = opt(NumberOrWord(), "nilai realisasi")
    pembilang: Decimal | None = opt(Number(0), "pembilang, untuk persentase atau rasio yang dihitung (mis. 397 "
                                    "usulan, 3 kematian ibu)")
    penyebut: Decimal | None = opt(Number(0), "penyebut, untuk persentase atau rasio yang dihitung (mis. 754 "
                                   "usulan, 5.210 kelahiran hidup)")
    dihitung: str | None = opt(KeyRef(), "realisasi diambil dari nilai terhitung, mis. ikm.nilai")
    sementara: bool = opt(Flag(), "nilai sementara (belum final); hanya dengan 'sumber'", False)
    sumber: str | None = opt(Text(), "asal nilai sementara, mis. 'nilai IP ASN 2023 dari BKPSDM': nilai sementara "
                             "hanya dipakai bila instansi menyebut sumbernya")
    catatan: str | None = opt(Text(), "penjelasan")


REALISASI: Type = AnyOf(NumberOrWord(), Record(RealisasiRinci))


@dataclass(frozen=True, kw_only=True)
class Indikator(Entry):
    id: str = req(Id(), "pengenal indikator")
    sasaran: str = req(Ref("sasaran"), "sasaran induk")
    nomor: str | None = opt(Text(), "nomor tercetak, mis. 3.1")
    nama: str = req(Text(), "nama indikator")
    nama_lain: tuple[str, ...] = opt(ListOf(Text()), "nama lain di dokumen asli", ())
    jenis: str = opt(Choice(*JENIS), "angka (bawaan), persen, indeks, atau kategori", "angka")
    satuan: str = opt(Text(), "satuan tampilan untuk jenis angka, mis. Inovasi atau 'per 100.000 kelahiran "
                      "hidup'", "")
    pengali: int | None = opt(Integer(1), "untuk angka (rasio) yang dihitung dari 'pembilang' dan 'penyebut': "
                              "pembilang ÷ penyebut × pengali, mis. 100000 untuk Angka Kematian Ibu per 100.000 "
                              "kelahiran hidup (persentase memakai 100 tanpa ditulis)")
    arah: str = req(Choice("naik", "turun"), "naik: makin tinggi makin baik; turun: sebaliknya")
    kategori: Kategori | None = opt(Record(Kategori), "skala kategori, wajib untuk jenis kategori")
    tren: str | None = opt(Choice(*DASAR_TREN), "dasar naik/turun/tetap indikator ini, bila berbeda dari 'tren' "
                           "di awal file: realisasi atau capaian")
    target: Mapping[int, Measure] = opt(MapOf(Year(), NumberOrWord()), "target tahun-tahun sebelumnya yang "
                                        "berlaku tahun itu; target tahun laporan ditetapkan Perjanjian Kinerja",
                                        frozen_map())
    realisasi: Mapping[int, Any] = opt(MapOf(Year(), REALISASI), "realisasi per tahun", frozen_map())
    tercetak: Mapping[str, Any] = opt(PRINTED_ROW, "angka indikator ini seperti tercetak, per tabel dan kolom "
                                      "(pembanding)", frozen_map())

    @property
    def satuan_tampil(self) -> str:
        return "%" if self.jenis == "persen" else self.satuan

    @property
    def multiplier(self) -> int | None:
        """What pembilang ÷ penyebut is multiplied by: 100 for a percentage, the declared `pengali` for a rate."""
        return 100 if self.jenis == "persen" else self.pengali


DI_BAWAH_NOL = ("apa_adanya", "nol", "dikecualikan")
TARGET_NOL = ("tidak_dihitung", "biner")


@dataclass(frozen=True, kw_only=True)
class AturanCapaian(Entry):
    """The office's own rule for the capaian the formula leaves open, with its legal basis: a capaian
    below 0% (an indikator that missed by far), and a target of 0 ("nol kasus")."""

    dasar: str = req(Text(), "dasar hukum aturan ini: peraturan dan pasal, mis. 'Peraturan Bupati Sukamaju "
                     "Nomor 12 Tahun 2023, Pasal 9'; dicetak bersama tabel rata-rata capaian")
    di_bawah_nol: str = opt(Choice(*DI_BAWAH_NOL), "capaian di bawah 0% dalam rata-rata: apa_adanya (bawaan), "
                            "nol (dihitung 0%), atau dikecualikan (tidak ikut dirata-rata)", "apa_adanya")
    target_nol: str = opt(Choice(*TARGET_NOL), "capaian indikator dengan target 0 (makin rendah makin baik): "
                          "tidak_dihitung (bawaan) atau biner (100% bila realisasi 0, 0% bila lebih)",
                          "tidak_dihitung")


@dataclass(frozen=True, kw_only=True)
class IndikatorFile(Entry):
    rata_rata_capaian: str = opt(Choice("indikator", "sasaran"), "cara merata-rata capaian: indikator (setiap "
                                 "indikator berbobot sama, bawaan) atau sasaran (rata-rata dari rata-rata tiap "
                                 "sasaran)", "indikator")
    tren: str = opt(Choice(*DASAR_TREN), "dasar naik/turun/tetap setiap indikator terhadap tahun sebelumnya: "
                    "realisasi (bawaan) atau capaian; dapat diganti per indikator", "realisasi")
    aturan_capaian: AturanCapaian | None = opt(Record(AturanCapaian), "aturan instansi untuk capaian di bawah 0% "
                                               "dan target 0, dengan dasar hukumnya")
    sasaran: tuple[Sasaran, ...] = req(ListOf(Record(Sasaran), 1, "id"), "sasaran strategis dan kinerja lainnya")
    indikator: tuple[Indikator, ...] = req(ListOf(Record(Indikator), 1, "id"), "indikator kinerja")


@dataclass(frozen=True, kw_only=True)
class Tingkat(Entry):
    min: Decimal | None = opt(Number(0), "batas bawah capaian (%); boleh kosong hanya pada tingkat terakhir: "
                              "semua capaian di bawah tingkat sebelumnya, termasuk di bawah 0%, bila dasar "
                              "hukumnya begitu")

    @property
    def batas(self) -> Decimal:
        """The lower bound, unbounded for a last band written without one."""
        return Decimal("-Infinity") if self.min is None else self.min
    predikat: str = req(Text(), "predikat")


@dataclass(frozen=True, kw_only=True)
class Skala(Entry):
    nama: str = req(Text(), "nama skala")
    dasar: str = req(Text(), "dasar hukum skala: peraturan dan pasal atau lampirannya, mis. 'Peraturan Bupati "
                     "Sukamaju Nomor 12 Tahun 2023, Pasal 8'; dicetak bersama skala. Predikat dihitung hanya dari "
                     "skala yang dasarnya disebut")
    keterangan: str | None = opt(Text(), "penjelasan skala, dicetak di bawah tabelnya")
    tingkat: tuple[Tingkat, ...] = req(ListOf(Record(Tingkat), 1), "tingkat, dari yang tertinggi")


@dataclass(frozen=True, kw_only=True)
class SkalaFile(Entry):
    predikat: Skala = req(Record(Skala), "skala predikat capaian")


@dataclass(frozen=True, kw_only=True)
class Target(Entry):
    indikator: str = req(Ref("indikator"), "pengenal indikator")
    nilai: Measure = req(NumberOrWord(), "target (persentase sebagai angka persen; kategori sebagai katanya)")
    keterangan: str | None = opt(Text(), "label dalam kurung, mis. A atau Tinggi")


@dataclass(frozen=True, kw_only=True)
class AnggaranProgram(Entry):
    program: str = req(Ref("program"), "pengenal program")
    pagu: int = req(Rupiah(), "anggaran (Rp)")
    keterangan: str | None = opt(Text(), "mis. APBD 2024 atau P APBD 2024")


@dataclass(frozen=True, kw_only=True)
class Dokumen(Entry):
    id: str = req(Id(), "pengenal dokumen; juga pengenal tabel targetnya")
    judul: str = req(Text(), "judul dokumen")
    tahun: int = req(Year(), "tahun target")
    target: tuple[Target, ...] = req(ListOf(Record(Target), 1, "indikator"), "target per indikator")
    anggaran: tuple[AnggaranProgram, ...] = opt(ListOf(Record(AnggaranProgram), 0, "program"),
                                                "anggaran per program", ())


@dataclass(frozen=True, kw_only=True)
class Perjanjian(Dokumen):
    tanggal: dt.date = req(Date(), "tanggal penandatanganan; yang terakhir untuk satu tahun adalah yang berlaku")
    tempat: str | None = opt(Text(), "tempat penandatanganan")
    pihak_pertama: str = req(Ref("pejabat"), "pihak pertama")
    pihak_kedua: str = req(Ref("pejabat"), "pihak kedua")
    pernyataan: tuple[str, ...] = opt(ListOf(Text(), 1), "paragraf pernyataan", ())


@dataclass(frozen=True, kw_only=True)
class PerjanjianFile(Entry):
    dokumen: tuple[Perjanjian, ...] = req(ListOf(Record(Perjanjian), 1, "id"),
                                          "Perjanjian Kinerja dan perubahannya")


@dataclass(frozen=True, kw_only=True)
class DefinisiIku(Entry):
    indikator: str = req(Ref("indikator"), "indikator")
    nomor: str | None = opt(Text(), "nomor tercetak")
    sasaran: str | None = opt(Text(), "sasaran seperti dicetak")
    formulasi: str = req(Text(), "rumus")
    sumber_data: str = req(Text(), "sumber data")


@dataclass(frozen=True, kw_only=True)
class Iku(Dokumen):
    visi: str | None = opt(Text(), "visi")
    misi: str | None = opt(Text(), "misi")
    tujuan: str | None = opt(Text(), "tujuan")
    indikator_tujuan: str | None = opt(Text(), "indikator tujuan")
    definisi: tuple[DefinisiIku, ...] = opt(ListOf(Record(DefinisiIku), 1, "indikator"), "formulasi dan sumber data",
                                            ())
    penandatangan: str | None = opt(Ref("pejabat"), "penandatangan")


INDIKATOR = DataFile("indikator", IndikatorFile, "sasaran dan indikator kinerja dengan realisasinya per tahun",
                     required=True)
PERJANJIAN = DataFile("perjanjian_kinerja", PerjanjianFile, "Perjanjian Kinerja dan perubahannya: pihak, tanggal, "
                      "target dan anggaran", required=True)
SKALA = DataFile("skala", SkalaFile, "skala predikat capaian kinerja")
RKT = DataFile("rkt", Dokumen, "Rencana Kerja Tahunan: target dan anggaran program")
IKU = DataFile("iku", Iku, "Indikator Kinerja Utama: visi, misi, target, formulasi dan sumber data")
