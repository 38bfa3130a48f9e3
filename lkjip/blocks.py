"""Block content other than tables that Markdown places by id: data lists and signature blocks."""
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
