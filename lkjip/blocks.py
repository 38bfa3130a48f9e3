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
    """One headline figure on the home page: a title, the figure, a line that qualifies it (a
    predikat, a mutu), and the table that shows it in full."""

    judul: str
    nilai: str
    keterangan: str = ""
    tabel: str | None = None
    urutan: int = 50
    """Place on the home page: kinerja first, then IKM, anggaran, penduduk."""
