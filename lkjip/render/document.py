"""The typed page model: what a rendered chapter holds, in reading order, besides its HTML.

A chapter is rendered from its markdown-it tokens; while it is, each heading and each placed
block (table, figure, list, signature, signatures grouped with their place and date) is recorded
as a typed entry with the anchor, caption and number it was rendered with. The site's page and
the print document are two renderings of one chapter, so a page carries two sequences
(`Page.blocks`, `Page.blocks_cetak`): whatever needs to know what a page holds (the Daftar Tabel
and Daftar Gambar, figure numbers, link targets, signature groups) reads them, never the
generated HTML.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str
    introduces_landscape: bool = False   # on paper: right above the introduction of a landscape table


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
class SignatureGroup:
    """Signatures set together with the lines that belong to them, decided on the tokens
    (`lkjip.render.signatures`): the text of the paragraph of place and date above them, if any, and
    each party's label, if any, and signature; more than one party stand side by side."""

    place: str | None
    parties: tuple[tuple[str | None, SignatureBlock], ...]


@dataclass(frozen=True)
class Text:
    """Any other block of the chapter's top level (a paragraph, a list or table written in Markdown,
    a quotation, a rule), by its markdown-it token type; on paper, whether it is a paragraph that
    introduces ('... sebagai berikut:') the landscape table right after it."""

    kind: str
    ends_with_colon: bool = False        # a paragraph whose last words end with ':'
    introduces_landscape: bool = False


Entry = Heading | TableBlock | FigureBlock | ListBlock | SignatureBlock | SignatureGroup | Text


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


_PLACED = (TableBlock, FigureBlock, SignatureBlock, SignatureGroup)


def _on_landscape(entry: Entry) -> bool:
    if isinstance(entry, TableBlock):
        return entry.landscape
    return isinstance(entry, Heading | Text) and entry.introduces_landscape


def may_strand(entries: tuple[Entry, ...]) -> bool:
    """Whether a table of this section could end alone on a near-empty page: where no placed block
    (table, chart or signature) follows it on its pages before the section ends or the pages turn to
    the other orientation; a line or two of text may. The print stage lays out only these sections to
    decide which tables to set tighter (`lkjip.print.pagination`), so a table of any other section is
    never set tighter."""
    for i, entry in enumerate(entries):
        if not isinstance(entry, TableBlock):
            continue
        for after in entries[i + 1:]:
            if _on_landscape(after) != entry.landscape:
                return True
            if isinstance(after, _PLACED):
                break
        else:
            return True
    return False


def introductions(entries: Sequence[Entry]) -> set[int]:
    """The positions of the entries that go onto the landscape page of the table after them: a paragraph
    ending with ':' (`ends_with_colon`) right before a landscape table and a heading (levels 2 to 4)
    right above such a paragraph, so that neither stands alone on the portrait page before it."""
    out: set[int] = set()
    for i in range(1, len(entries)):
        table, before = entries[i], entries[i - 1]
        if isinstance(table, TableBlock) and table.landscape and isinstance(before, Text) \
                and before.kind == "paragraph" and before.ends_with_colon:
            out.add(i - 1)
            above = entries[i - 2] if i > 1 else None
            if isinstance(above, Heading) and 2 <= above.level <= 4:
                out.add(i - 2)
    return out


class Placed(Protocol):
    """A chapter rendered for print, as far as links into it go."""

    @property
    def slug(self) -> str: ...
    @property
    def headings(self) -> tuple[tuple[int, str, str], ...]: ...
    @property
    def blocks_cetak(self) -> tuple[Entry, ...]: ...


def print_targets(pages: Sequence[Placed]) -> dict[str, frozenset[str]]:
    """Where a link may lead in the one print document: each chapter's heading anchors (under its slug)
    and, under "", the anchors of every table and figure placed anywhere."""
    targets = {p.slug: frozenset(h[2] for h in p.headings) for p in pages}
    targets[""] = frozenset(b.anchor for p in pages for b in p.blocks_cetak if isinstance(b, TableBlock | FigureBlock))
    return targets


def print_href(slug: str, href: str, targets: Mapping[str, frozenset[str]]) -> str:
    """A link of chapter `slug` as it leads inside the print document: to another chapter's page
    (`bab-3.html`) its start, to a heading there (`bab-3.html#b-analisis`) that heading (ids are
    prefixed with their chapter in print), to a table or figure its anchor; links outside the
    report, and places already inside the document (a note mark's entry), as they are."""
    if ":" in href:
        return href
    file, _, fragment = href.partition("#")
    if not file.endswith(".html") and file:
        return href
    if not file and fragment and fragment not in targets.get(slug, ()):
        return href
    target = file[:-5] if file else slug
    if target not in targets:
        return href
    if fragment and fragment in targets[target]:
        return f"#{target}--{fragment}"
    if fragment and fragment in targets[""]:
        return f"#{fragment}"
    return f"#bab-{target}"
