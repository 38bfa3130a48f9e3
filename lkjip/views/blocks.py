"""Block content other than tables: data lists and signature blocks Markdown places by id, and the
headline cards of the home page."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Item:
    label: str
    text: str
    children: tuple[Item, ...] = ()


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


@dataclass(frozen=True)
class Card:
    """One headline figure on the home page, taken from a cell of a table the report shows.

    A card shows only what the report itself shows: its figure is the text of cell `sel`
    (row id, column key) of table `tabel` as readers see it (a signed report's signed value),
    and its line is `keterangan` with `{0}`, `{1}` ... filled from the cells `isi`. A card
    whose table no chapter places, or whose cell is missing, is not shown."""

    judul: str
    tabel: str
    sel: tuple[str, str]
    keterangan: str = ""
    isi: tuple[tuple[str, str], ...] = ()
    urutan: int = 50
    """Place on the home page: kinerja first, then IKM, anggaran, penduduk."""
