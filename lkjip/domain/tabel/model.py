"""The schema of an office's own table (one file in data/tabel/): its columns, its data rows
validated against those columns, its computed rows.

A row's keys are the table's own column ids, so the rows cannot have a fixed schema: the
head is validated first, then every row against it, with every problem at its line.
"""
from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ...core.model import DataFolder
from ...diagnostics import error
from ...schema import (
    INVALID,
    Choice,
    Context,
    Entry,
    Flag,
    Id,
    ListOf,
    MapOf,
    Number,
    PrintedValue,
    Record,
    Rupiah,
    Text,
    Type,
    frozen_map,
    opt,
    req,
)
from ...source.yamlfile import PathKey
from ...views.tables import KINDS, ColumnKind

RUMUS = {"jumlah": (1, None), "selisih": (2, 2), "persen": (2, 2), "capaian": (2, 2)}


@dataclass(frozen=True, kw_only=True)
class Kolom(Entry):
    id: str = req(Id(), "pengenal kolom")
    judul: str = req(Text(), "judul kolom")
    jenis: ColumnKind = req(Choice(*KINDS), "jenis isi kolom")
    satuan: str = opt(Text(), "satuan tampilan angka, mis. usulan", "")
    kelompok: str | None = opt(Text(), "judul kelompok di atas kolom ini (kepala tabel bertingkat)")
    rumus: str | None = opt(Choice(*RUMUS), "kolom terhitung: jumlah (kolom 'dari' dijumlah), selisih (a − b), "
                            "persen (a ÷ b × 100), capaian (realisasi 'a' terhadap target 'b')")
    dari: tuple[str, ...] = opt(ListOf(Id()), "kolom yang dipakai rumus, berurutan", ())
    arah: str = opt(Choice("naik", "turun"), "untuk capaian: naik (makin tinggi makin baik) atau turun", "naik")


@dataclass(frozen=True, kw_only=True)
class BarisHitung(Entry):
    id: str = req(Id(), "pengenal baris")
    label: str = req(Text(), "label baris, mis. Jumlah")
    cara: str = req(Choice("jumlah", "rata_rata"), "jumlah atau rata_rata kolom angka baris data")
    tercetak: Mapping[str, Any] = opt(MapOf(Id(), PrintedValue()), "angka baris ini seperti tercetak, per kolom",
                                      frozen_map())


class _Raw(Type):
    """Rows kept as written; `OfficeTable` validates them once the columns are known."""

    expected = "daftar baris"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        return value if isinstance(value, list) else self.wrong(value, path, ctx, "awali setiap baris dengan '- '")

    def json(self) -> dict[str, Any]:
        return {"type": "array", "items": {"type": "object", "required": ["id"]}}


@dataclass(frozen=True, kw_only=True)
class Kepala(Entry):
    nomor: str | None = opt(Text(), "nomor tabel seperti dicetak, mis. '3.6'")
    judul: str = req(Text(), "judul tabel")
    sumber: str | None = opt(Text(), "catatan sumber di bawah tabel")
    catatan: tuple[str, ...] = opt(ListOf(Text()), "catatan di bawah tabel", ())
    lebar: bool = opt(Flag(), "tabel lebar (dicetak mendatar)", False)
    kolom: tuple[Kolom, ...] = req(ListOf(Record(Kolom), 1, "id"), "kolom, berurutan")
    baris: list[Any] = req(_Raw(), "baris data: 'id' dan nilai per pengenal kolom; 'tercetak' untuk angka tercetak")
    baris_hitung: tuple[BarisHitung, ...] = opt(ListOf(Record(BarisHitung), 0, "id"), "baris terhitung", ())


@dataclass(frozen=True)
class BarisData:
    id: str
    nilai: Mapping[str, Any]
    tercetak: Mapping[str, Any]


@dataclass(frozen=True)
class TabelSendiri:
    kepala: Kepala
    baris: tuple[BarisData, ...]


_CELL_TYPES: dict[str, Type] = {"teks": Text(), "angka": Number(), "rupiah": Rupiah(), "persen": Number()}


class OfficeTable(Type):
    expected = "tabel: nomor, judul, kolom, baris"
    head = Record(Kepala)

    def json(self) -> dict[str, Any]:
        return self.head.json()

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        head = self.head.convert(value, path, ctx)
        if head is INVALID:
            return INVALID
        bad = self._formulas(head, path, ctx)
        rows, seen = [], set()
        for i, raw in enumerate(head.baris):
            row = self._row(head, raw, path + ("baris", i), ctx)
            bad = bad or row is INVALID
            if row is not INVALID:
                if row.id in seen:
                    ctx.fail(path + ("baris", i, "id"), f"id '{row.id}' sudah dipakai", "setiap baris perlu "
                             "pengenal yang unik", "duplicate-id")
                    bad = True
                seen.add(row.id)
                rows.append(row)
        return INVALID if bad else TabelSendiri(head, tuple(rows))

    @staticmethod
    def _formulas(head: Kepala, path: PathKey, ctx: Context) -> bool:
        bad, known = False, dict[str, str]()
        for i, col in enumerate(head.kolom):
            if col.rumus:
                low, high = RUMUS[col.rumus]
                if len(col.dari) < low or high is not None and len(col.dari) != high:
                    ctx.fail(path + ("kolom", i, "dari"), f"rumus '{col.rumus}' memerlukan "
                             f"{'dua' if high == 2 else 'paling sedikit satu'} kolom di 'dari'", "", "formula")
                    bad = True
                for ref in col.dari:
                    if known.get(ref) in (None, "teks"):
                        hint = "kolom angka yang ditulis sebelumnya: " + ", ".join(
                            k for k, j in known.items() if j != "teks")
                        ctx.fail(path + ("kolom", i, "dari"), f"kolom '{ref}' tidak ada sebelum kolom '{col.id}' "
                                 "atau bukan kolom angka", hint, "formula")
                        bad = True
                if col.jenis == "teks":
                    ctx.fail(path + ("kolom", i, "jenis"), "kolom terhitung harus berjenis angka, rupiah atau persen",
                             "", "formula")
                    bad = True
            known[col.id] = col.jenis
        return bad

    @staticmethod
    def _row(head: Kepala, raw: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(raw, dict):
            return ctx.fail(path, "diharapkan pemetaan (id dan nilai per kolom)", "", "type")
        columns = {c.id: c for c in head.kolom}
        bad, values = False, {}
        for key, value in raw.items():
            if key in ("id", "tercetak"):
                continue
            col = columns.get(key)
            if col is None:
                close = difflib.get_close_matches(str(key), list(columns), n=1)
                ctx.collector.add(error(ctx.loc(path + (key,), key=True), f"kolom '{key}' tidak ada di tabel ini",
                                        f"maksud Anda '{close[0]}'?" if close else "kolom: " + ", ".join(columns),
                                        "unknown-key"))
                bad = True
            elif col.rumus:
                ctx.fail(path + (key,), f"kolom '{key}' dihitung dengan rumus {col.rumus}; jangan diisi",
                         "hapus nilainya", "derived-typed")
                bad = True
            elif value is not None:
                converted = _CELL_TYPES[col.jenis].convert(value, path + (key,), ctx)
                bad = bad or converted is INVALID
                values[key] = converted
        ident = Id().convert(raw.get("id"), path + ("id",), ctx) if "id" in raw else \
            ctx.fail(path, "baris tanpa 'id'", "tambahkan 'id: ...' (pengenal baris yang stabil)", "missing")
        printed = MapOf(Id(), PrintedValue()).convert(raw.get("tercetak") or {}, path + ("tercetak",), ctx)
        if bad or ident is INVALID or printed is INVALID:
            return INVALID
        return BarisData(ident, MappingProxyType(values), printed)


TABEL: DataFolder[TabelSendiri] = DataFolder("tabel", OfficeTable(),
                                             "tabel yang ditetapkan instansi sendiri, satu file per tabel")
