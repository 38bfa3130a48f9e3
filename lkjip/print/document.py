"""The print document: the whole report as one HTML file in the order of a signed LKjIP.

Order and numbering: the cover (no number); the front matter in roman numbers (Kata
Pengantar with its signature, Ikhtisar Eksekutif where there is one, Daftar Isi, Daftar
Tabel, Daftar Gambar when the report has figures, under the office's word for them:
Daftar Grafik where `gambar.sebutan` is Grafik); the chapters from Bab I in arabic
numbers; then the lampiran, and after them the annexes another stage supplies
(`Annex`, e.g. a Catatan Koreksi), in arabic numbers too. Front-matter chapters are
recognised by the words of their titles, never by file names; the order and the lampiran
numbers are those of `order.reading_order`, which the site follows too. The chapters are rendered
a second time with the print block renderer (`lkjip.print.blocks`), their ids made unique in the
one document and their links turned into links inside it on the tokens (`document.print_href`).

What the Daftar Tabel and Daftar Gambar list, the figures' numbers and ids and which sections
start on landscape pages are read from the typed entries each chapter recorded while it was
rendered for print (`Page.blocks_cetak`, `lkjip.render.document`), never from its HTML.

Integration points, in order: `order.FRONT_ROLES` (which chapters are front matter),
`print_document(..., annexes=...)` (sections after the lampiran, listed in the Daftar Isi
and bookmarked like a lampiran), and figures: every chart a chapter places is numbered
through the report in reading order when the chapters are rendered, its caption opening
with its number as on the site (`order.figure_number`), and listed under that number in the
Daftar Gambar, which is left out when there is none; an annex lists the figures its body
holds in `Annex.figures`, numbered after the chapters' figures.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..check.findings import Pemeriksaan
from ..check.links import emblem, media_path
from ..domain.laporan import Laporan
from ..project import Project
from ..record.edition import Ralat
from ..render import document, pemeriksaan
from ..render.chapters import Page
from ..render.document import Entry, FigureBlock
from ..render.order import reading_order
from ..render.ralat import context
from ..render.templates import Templates, safe


@dataclass(frozen=True)
class Annex:
    """A section after the lampiran that another stage renders for print (already safe HTML), with
    the figures its body holds (anchor and title), to be listed in the Daftar Gambar after the
    chapters' figures."""

    slug: str
    title: str
    body: str
    figures: tuple[FigureBlock, ...] = ()


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    kind: str                 # depan, bab, lampiran, tambahan
    body: str
    sections: tuple[tuple[str, str], ...] = ()   # (text, anchor) of its level-2 headings
    nomor: int | None = None  # a lampiran's number
    blocks: tuple[Entry, ...] = ()   # its headings and placed blocks, as rendered for print

    @property
    def anchor(self) -> str:
        return f"bab-{self.slug}"

    @property
    def starts_landscape(self) -> bool:
        """Its title is followed at once by a landscape table: the whole section goes on landscape pages,
        so the title does not stand alone on a portrait page."""
        return document.starts_landscape(self.blocks)


@dataclass(frozen=True)
class Listed:
    """An entry of the Daftar Tabel or Daftar Gambar."""

    anchor: str
    title: str
    roman: bool
    nomor: int | None = None  # a figure's number, as its caption shows it


@dataclass(frozen=True)
class PrintDocument:
    """The print HTML, made again with some tables set tighter (`tighter`) when laid-out pages show
    their last rows stranded (`lkjip.print.pagination`): the ids go to the print template, whose
    stylesheet names them; nothing reads or edits the HTML it made. `alone` makes some of its parts on
    their own, for that look to be taken part by part."""

    render: Callable[[Sequence[str]], str]
    media: dict[str, bytes] = field(default_factory=dict)
    arabic_from: str = ""     # the anchor of the first section numbered in arabic
    parts: tuple[str, ...] = ()
    """The anchors of the sections where a table may end stranded (`document.may_strand`)."""
    part_sizes: tuple[int, ...] = ()
    """How long each part's HTML is, to share their layout between two cores."""
    render_parts: Callable[[Sequence[str], Sequence[str]], str] | None = None
    """The parts named (by anchor) and nothing else, in the document's order, each on its own pages as
    in the whole document, with the tables named set tighter."""

    @property
    def html(self) -> str:
        return self.render(())

    def tighter(self, tables: Sequence[str]) -> str:
        return self.render(tables)

    def alone(self, parts: Sequence[str], tables: Sequence[str] = ()) -> str:
        assert self.render_parts is not None, "a document with parts renders them"
        return self.render_parts(parts, tables)


def _sections(pages: Sequence[Page], annexes: Sequence[Annex], front: Sequence[Annex] = ()) -> list[Section]:
    out = [Section(a.slug, a.title, "depan", a.body, blocks=a.figures) for a in front]
    for placed in reading_order(pages):
        page = placed.page
        body = page.body_cetak
        level2 = tuple((text, f"{page.slug}--{anchor}") for level, text, anchor in page.headings if level == 2)
        out.append(Section(page.slug, page.title, placed.part, body, level2, placed.nomor, page.blocks_cetak))
    return out + [Section(a.slug, a.title, "tambahan", a.body, blocks=a.figures) for a in annexes]


def _figures(sections: Sequence[Section]) -> list[Listed]:
    """The Daftar Gambar: every figure under the number its caption opens with (a chart shown twice is
    two figures), numbered once through the chapters in reading order when they were rendered; an
    annex's figures come after them, numbered on."""
    found = [(s, f) for s in sections for f in document.figures(s.blocks)]
    last = max((f.number or 0 for _, f in found), default=0)
    out = []
    for s, f in found:
        if f.number is None:
            last += 1
        out.append(Listed(f.anchor, f.title, s.kind == "depan", f.number or last))
    return out


def _tables(sections: Sequence[Section]) -> list[Listed]:
    """The Daftar Tabel: every placed table in reading order, under its caption as printed."""
    seen, out = set(), []
    for s in sections:
        for table in document.tables(s.blocks):
            if table.caption not in seen:   # a table shown again (in a lampiran) is listed where it first appears
                seen.add(table.caption)
                out.append(Listed(table.anchor, table.caption, s.kind == "depan"))
    return out


def print_document(project: Project, pages: Sequence[Page], images: Sequence[Path], templates: Templates,
                   lap: Laporan, info: object, annexes: Sequence[Annex] = (), front: Sequence[Annex] = ()) -> \
        PrintDocument:
    """The print HTML of the whole report (the chapters' print bodies, rendered with the print
    blocks) and the images it needs (served to WeasyPrint from memory); `front` goes first of all,
    right after the cover (a revised edition's Lembar Ralat)."""
    sections = _sections(pages, annexes, front)
    figures = _figures(sections)
    media = {media_path(project.root, image): image.read_bytes() for image in images}
    found, _ = emblem(project, lap)
    emblem_src = None
    if found is not None:
        emblem_src = media_path(project.root, found)
        media[emblem_src] = found.read_bytes()
    tables = _tables(sections)
    body = [s for s in sections if s.kind != "depan"]
    arabic_from = body[0].anchor if body else ""
    context: dict[str, Any] = {
        "info": info, "lap": lap, "emblem": emblem_src, "front": [s for s in sections if s.kind == "depan"],
        "chapters": [s for s in body if s.kind == "bab"], "lampiran": [s for s in body if s.kind == "lampiran"],
        "annexes": [s for s in body if s.kind == "tambahan"], "bodies": {s.slug: safe(s.body) for s in sections},
        "tables": tables, "figures": figures, "gambar": lap.sebutan_gambar, "arabic_from": arabic_from,
        "keywords": _keywords(lap), "bagian": False}

    def render(tight: Sequence[str]) -> str:
        return templates.render("print.html", padat=list(tight), **context)
    probed = [s for s in body if document.may_strand(s.blocks)]

    def render_parts(anchors: Sequence[str], tight: Sequence[str]) -> str:
        named = [s for s in probed if s.anchor in anchors]
        return templates.render("print.html", padat=list(tight), **{
            **context, "bagian": True, "chapters": [s for s in named if s.kind == "bab"],
            "lampiran": [s for s in named if s.kind == "lampiran"],
            "annexes": [s for s in named if s.kind == "tambahan"]})
    return PrintDocument(render, media, arabic_from, tuple(s.anchor for s in probed),
                         tuple(len(s.body) for s in probed), render_parts)


def findings_annex(templates: Templates, marks: Pemeriksaan, pages: Sequence[Page], info: Any,
                   rounding: str) -> Annex:
    """The Catatan Pemeriksaan as the PDF's last annex: one entry per cause, with the id its note
    marks in the chapters and tables link to."""
    body = templates.render("cetak_pemeriksaan.html", info=info, **pemeriksaan.context(marks, pages, rounding))
    return Annex("catatan-pemeriksaan", "CATATAN PEMERIKSAAN", body)


def ralat_section(templates: Templates, ralat: Ralat) -> Annex:
    """The Lembar Ralat, first after the cover of a revised edition: a reader meets what changed
    before anything else."""
    return Annex("lembar-ralat", "LEMBAR RALAT", templates.render("cetak_ralat.html", **context(ralat)))


def _keywords(lap: Laporan) -> str:
    return ", ".join((lap.singkatan, lap.judul, "akuntabilitas kinerja", lap.instansi, lap.daerah, str(lap.tahun)))
