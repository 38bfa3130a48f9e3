"""Block content that Markdown places by id: numbered tables, data lists, signature blocks.

`resolve` turns `{{ tabel: capaian }}` into a `Table` (with its number and title from
data/laporan.yaml), `{{ daftar: tugas }}` into a `DataList`, `{{ ttd: camat }}` into a
`Signature`. Unknown ids return None, and the Markdown stage reports them with a line.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from . import tables, tables_more  # noqa: F401  (registers the table builders)
from .diagnostics import error
from .tablemodel import TABLES, Table


@dataclass(frozen=True)
class Item:
    label: str
    text: str
    children: tuple["Item", ...] = ()


@dataclass(frozen=True)
class DataList:
    id: str
    items: tuple[Item, ...]
    ordered: bool = True
    paragraphs: bool = False


@dataclass(frozen=True)
class Signature:
    id: str
    jabatan: str
    nama: str
    pangkat: str | None
    nip: str | None


def check_table_titles(model):
    """Every numbered title in data/laporan.yaml must belong to a table the compiler can build."""
    doc = model.documents["laporan"]
    for ident in model.laporan.tabel:
        if ident not in TABLES:
            close = difflib.get_close_matches(ident, sorted(TABLES), n=1)
            yield error(doc.loc(("tabel", ident), key=True), f"tabel '{ident}' tidak dikenal",
                        f"maksud Anda '{close[0]}'?" if close else "tabel yang dikenal: " + ", ".join(sorted(TABLES)),
                        "unknown-table")


def build_table(id: str, model, results) -> Table | None:
    builder = TABLES.get(id)
    meta = model.laporan.tabel.get(id)
    if builder is None or meta is None:
        return None
    built = builder(model, results)
    return Table(id, meta.nomor, meta.judul, built.head, built.rows, built.notes, meta.sumber, built.wide)


def _lists(model):
    w = model.wilayah
    yield "batas_wilayah", DataList("batas_wilayah", tuple(
        Item(f"Sebelah {b.arah}", ", ".join(b.wilayah)) for b in w.batas), ordered=False)
    org = model.organisasi
    yield "tugas", DataList("tugas", tuple(Item(f"{t.id}.", t.uraian) for t in org.tugas))
    yield "susunan_organisasi", DataList("susunan_organisasi", tuple(
        Item(f"{n}.", s) for n, s in enumerate(org.susunan, 1)))
    yield "struktur_organisasi", DataList("struktur_organisasi", tuple(
        Item(f"{u.id}.", u.nama, tuple(Item(f"{s.id})", s.nama) for s in u.bagian or ())) for u in org.struktur))
    yield "prestasi", DataList("prestasi", tuple(Item("", p.uraian) for p in model.prestasi.prestasi),
                               ordered=False)
    for doc in model.perjanjian_kinerja.dokumen:
        yield f"pk_pernyataan_{doc.id}", DataList(f"pk_pernyataan_{doc.id}", tuple(
            Item("", p) for p in doc.pernyataan), paragraphs=True)
    kop = model.inovasi.kop
    yield "kop_surat", DataList("kop_surat", tuple(Item("", line) for line in kop.instansi) + tuple(
        Item("", line) for line in (kop.alamat, f"Telp {kop.telepon}" if kop.telepon else None) if line),
        paragraphs=True)
    for d in model.inovasi.keputusan:
        yield f"inovasi_{d.id}", DataList(f"inovasi_{d.id}", (
            Item("Menimbang", "", tuple(Item(f"{chr(97 + n)}.", t) for n, t in enumerate(d.menimbang))),
            Item("Mengingat", "", tuple(Item(f"{n}.", t) for n, t in enumerate(d.mengingat, 1))),
            Item("Memutuskan", "", tuple(Item(x.diktum, x.isi) for x in d.memutuskan)),
        ))


LIST_SOURCES = (("kop_surat", "inovasi"), ("batas_wilayah", "wilayah"), ("tugas", "organisasi"), ("susunan_organisasi", "organisasi"),
                ("struktur_organisasi", "organisasi"), ("prestasi", "prestasi"),
                ("pk_pernyataan_", "perjanjian_kinerja"), ("inovasi_", "inovasi"))


def source_of(kind: str, id: str) -> str:
    """Which data file defines a block id, for messages about unknown ids."""
    if kind == "tabel":
        return "data/laporan.yaml"
    if kind == "ttd":
        return "data/pejabat.yaml"
    for prefix, name in LIST_SOURCES:
        if id.startswith(prefix):
            return f"data/{name}.yaml"
    return "data/"


def build_list(id: str, model) -> DataList | None:
    return dict(_lists(model)).get(id)


def build_signature(id: str, model) -> Signature | None:
    p = next((p for p in model.pejabat.pejabat if p.id == id), None)
    return Signature(p.id, p.jabatan, p.nama, p.pangkat, p.nip) if p else None


def known_ids(model) -> dict[str, list[str]]:
    return {"tabel": sorted(set(TABLES) & set(model.laporan.tabel)),
            "daftar": sorted(dict(_lists(model))),
            "ttd": sorted(p.id for p in model.pejabat.pejabat)}


