"""Block content other than tables: data lists and signature blocks Markdown places by id, and the
headline cards of the home page."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..source.markdown import BlockKind


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


@dataclass(frozen=True)
class BlockKindSpec:
    """One kind of placed block, everything the stages need of it, in one place."""

    kind: BlockKind
    lookup: str
    """The catalog's method giving the object by its id (`Catalog.block`)."""
    known: str
    """The catalog's mapping of the ids it knows."""
    site_template: str
    print_template: str
    noun: str
    """How a message names it ("tabel 'x' tidak dikenal")."""


BLOCK_KINDS: Mapping[BlockKind, BlockKindSpec] = MappingProxyType({s.kind: s for s in (
    BlockKindSpec(BlockKind.TABEL, "table", "tables", "_tabel.html", "cetak_tabel.html", "tabel"),
    BlockKindSpec(BlockKind.GRAFIK, "chart", "charts", "_grafik.html", "cetak_grafik.html", "grafik"),
    BlockKindSpec(BlockKind.DAFTAR, "data_list", "lists", "_daftar.html", "cetak_daftar.html", "daftar"),
    BlockKindSpec(BlockKind.TTD, "signature", "signatures", "_ttd.html", "cetak_ttd.html", "ttd"),
)})
"""Every kind of placed block: a new kind is one entry here, one template for the site and one for print."""
