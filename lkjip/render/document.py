"""The typed page model: what a rendered chapter holds, in reading order, besides its HTML.

A chapter is rendered from its markdown-it tokens; while it is, each heading and each placed
block (table, figure, list, signature) is recorded as a typed entry with the anchor, caption
and number it was rendered with. The site's page and the print document are two renderings of
one chapter, so a page carries two sequences (`Page.blocks`, `Page.blocks_cetak`): whatever
needs to know what a page holds (the Daftar Tabel and Daftar Gambar, figure numbers, link
targets) reads them, never the generated HTML.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str


@dataclass(frozen=True)
class TableBlock:
    """A placed table: its data id, its caption as printed, its anchor; on paper, whether it goes
    on landscape pages (decided by the print layout)."""

    id: str
    caption: str
    anchor: str
    landscape: bool = False


@dataclass(frozen=True)
class FigureBlock:
    """A placed figure (a chart): its title, its anchor and its number through the whole report."""

    id: str
    title: str
    anchor: str
    number: int | None = None


@dataclass(frozen=True)
class ListBlock:
    id: str
    anchor: str = ""


@dataclass(frozen=True)
class SignatureBlock:
    id: str
    anchor: str = ""


@dataclass(frozen=True)
class Text:
    """Any other block of the chapter's top level (a paragraph, a list or table written in Markdown,
    a quotation, a rule), by its markdown-it token type."""

    kind: str


Entry = Heading | TableBlock | FigureBlock | ListBlock | SignatureBlock | Text


@dataclass(frozen=True)
class Rendered:
    """A placed block as a renderer made it: its HTML and what it is."""

    html: str
    entry: Entry


def tables(entries: tuple[Entry, ...]) -> list[TableBlock]:
    return [e for e in entries if isinstance(e, TableBlock)]


def figures(entries: tuple[Entry, ...]) -> list[FigureBlock]:
    return [e for e in entries if isinstance(e, FigureBlock)]


def starts_landscape(entries: tuple[Entry, ...]) -> bool:
    """Its title (h1) opens it and is followed at once by a table on landscape pages."""
    return (len(entries) > 1 and isinstance(entries[0], Heading) and entries[0].level == 1
            and isinstance(entries[1], TableBlock) and entries[1].landscape)
