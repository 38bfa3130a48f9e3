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
one document and their links turned into links inside it.

Integration points, in order: `order.FRONT_ROLES` (which chapters are front matter),
`print_document(..., annexes=...)` (sections after the lampiran, listed in the Daftar Isi
and bookmarked like a lampiran), and figures: every `<figure class="gambar" id=...
data-judul=...>` in a chapter or annex is numbered through the document, its caption
opening with its number as on the site (`order.figure_number`), and listed under that
number in the Daftar Gambar, which is left out when there is none.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..check.findings import Pemeriksaan
from ..check.links import media_path
from ..diagnostics import Diagnostic, error
from ..domain.laporan import Laporan
from ..project import Project
from ..record.edition import Ralat
from ..render import pemeriksaan
from ..render.chapters import Page
from ..render.order import figure_number, reading_order
from ..render.ralat import context
from ..render.signatures import group_signatures
from ..render.templates import Templates, safe
from ..source.inputs import image_problem

EMBLEM_EXTRA: dict[str, tuple[bytes, ...]] = {".svg": (b"<?xml", b"<svg", b"\xef\xbb\xbf<")}
"""The emblem may also be SVG: it is drawn into the PDF, never published as a file of the site."""
_ID = re.compile(r'(<h[1-6][^>]*\bid=")([^"]+)(")')
_HREF = re.compile(r'href="([^"#:]*\.html)?(?:#([^"]*))?"')
_TABLE = re.compile(r'<figure class="tabel-cetak[^"]*" id="([^"]+)"[^>]*>\s*<div class="tabel-bagian">\s*'
                    r'<p class="judul-tabel"[^>]*data-judul="([^"]*)"')
_LANDSCAPE = re.compile(r'<figure class="tabel-cetak lebar[ "]')
_INTRODUCES_LANDSCAPE = re.compile(r'<p>((?:(?!</?p>).)*?:\s*)</p>(\s*<figure class="tabel-cetak lebar[ "])', re.S)


_HEADING_BEFORE = re.compile(r'<(h[2-4])((?:\s(?![^>]*class=)[^>]*)?)>((?:(?!</\1>).)*)</\1>(\s*)'
                            r'(?=<p class="pengantar-lebar">)', re.S)


def _introductions_with_their_table(body: str) -> str:
    """A paragraph that introduces a landscape table ('... sebagai berikut:') goes onto the table's
    landscape page, so its last lines never stand alone on a portrait page before it; so does a
    heading right above it, which would otherwise end its page alone."""
    body = _INTRODUCES_LANDSCAPE.sub(r'<p class="pengantar-lebar">\1</p>\2', body)
    return _HEADING_BEFORE.sub(r'<\1 class="pengantar-lebar"\2>\3</\1>\4', body)
_FIGURE = re.compile(r'<figure class="gambar[^"]*" id="([^"]+)"[^>]*data-judul="([^"]*)"[^>]*>'
                     r'((?:(?!</figure>).)*?<figcaption[^>]*>)?', re.S)


@dataclass(frozen=True)
class Annex:
    """A section after the lampiran that another stage renders for print (already safe HTML)."""

    slug: str
    title: str
    body: str


@dataclass(frozen=True)
class Section:
    slug: str
    title: str
    kind: str                 # depan, bab, lampiran, tambahan
    body: str
    sections: tuple[tuple[str, str], ...] = ()   # (text, anchor) of its level-2 headings
    nomor: int | None = None  # a lampiran's number

    @property
    def anchor(self) -> str:
        return f"bab-{self.slug}"

    @property
    def starts_landscape(self) -> bool:
        """Its title is followed at once by a landscape table: the whole section goes on landscape pages,
        so the title does not stand alone on a portrait page."""
        after = self.body.split("</h1>", 1)[-1].lstrip()
        return self.body.lstrip().startswith("<h1") and _LANDSCAPE.match(after) is not None


@dataclass(frozen=True)
class Listed:
    """An entry of the Daftar Tabel or Daftar Gambar."""

    anchor: str
    title: str
    roman: bool
    nomor: int | None = None  # a figure's number, as its caption shows it


@dataclass
class PrintDocument:
    html: str
    media: dict[str, bytes] = field(default_factory=dict)
    arabic_from: str = ""     # the anchor of the first section numbered in arabic


def emblem(project: Project, lap: Laporan) -> tuple[Path | None, list[Diagnostic]]:
    """The cover emblem the office put in its project (`lambang` in data/laporan.yaml), if any."""
    if not lap.lambang:
        return None, []
    path, problem, _ = image_problem(project.root, project.root / lap.lambang, EMBLEM_EXTRA)
    if path is not None:
        return path, []
    return None, [error(lap.at("lambang"), f"berkas '{lap.lambang}' {problem}",
                        "simpan gambar lambang di folder proyek, mis. gambar/lambang.png, dan tulis jalurnya",
                        "emblem")]


def _localise(page: Page, body: str, targets: dict[str, set[str]]) -> str:
    """Heading ids prefixed with the chapter, links to other chapters turned into links inside the document."""
    body = _ID.sub(lambda m: f"{m.group(1)}{page.slug}--{m.group(2)}{m.group(3)}", body)

    def link(m: re.Match[str]) -> str:
        file, fragment = m.group(1), m.group(2)
        slug = file[:-5] if file else page.slug
        if slug not in targets:
            return m.group(0)
        if fragment and fragment in targets[slug]:
            return f'href="#{slug}--{fragment}"'
        if fragment and fragment in targets[""]:
            return f'href="#{fragment}"'
        return f'href="#bab-{slug}"'
    return _HREF.sub(link, body)


def _sections(pages: Sequence[Page], annexes: Sequence[Annex], front: Sequence[Annex] = ()) -> list[Section]:
    targets = {p.slug: {h[2] for h in p.headings} for p in pages}
    targets[""] = {a for p in pages for a in re.findall(r'<figure[^>]* id="([^"]+)"', p.body_cetak)}
    out = [Section(a.slug, a.title, "depan", a.body) for a in front]
    for placed in reading_order(pages):
        page = placed.page
        body = _introductions_with_their_table(_localise(page, group_signatures(page.body_cetak), targets))
        level2 = tuple((text, f"{page.slug}--{anchor}") for level, text, anchor in page.headings if level == 2)
        out.append(Section(page.slug, page.title, placed.part, body, level2, placed.nomor))
    return out + [Section(a.slug, a.title, "tambahan", a.body) for a in annexes]


def _numbered_figures(sections: Sequence[Section], word: str) -> tuple[list[Section], list[Listed]]:
    """Every figure numbered once through the document, in its order, its caption opening with its
    number; the list gives each figure under that number (a chart shown twice is two figures)."""
    listed: list[Listed] = []
    out = []
    for section in sections:
        def number(match: re.Match[str], roman: bool = section.kind == "depan") -> str:
            listed.append(Listed(match.group(1), html.unescape(match.group(2)), roman, len(listed) + 1))
            return match.group(0) + (figure_number(word, len(listed)) if match.group(3) is not None else "")
        out.append(replace(section, body=_FIGURE.sub(number, section.body)))
    return out, listed


def _listed(sections: Sequence[Section], pattern: re.Pattern[str]) -> list[Listed]:
    seen, out = set(), []
    for s in sections:
        for anchor, title in pattern.findall(s.body):
            title = html.unescape(title)
            if title not in seen:   # a table shown again (in a lampiran) is listed where it first appears
                seen.add(title)
                out.append(Listed(anchor, title, s.kind == "depan"))
    return out


def print_document(project: Project, pages: Sequence[Page], images: Sequence[Path], templates: Templates,
                   lap: Laporan, info: object, annexes: Sequence[Annex] = (), front: Sequence[Annex] = ()) -> \
        PrintDocument:
    """The print HTML of the whole report (the chapters' print bodies, rendered with the print
    blocks) and the images it needs (served to WeasyPrint from memory); `front` goes first of all,
    right after the cover (a revised edition's Lembar Ralat)."""
    sections, figures = _numbered_figures(_sections(pages, annexes, front), lap.sebutan_gambar)
    media = {media_path(project.root, image): image.read_bytes() for image in images}
    found, _ = emblem(project, lap)
    emblem_src = None
    if found is not None:
        emblem_src = media_path(project.root, found)
        media[emblem_src] = found.read_bytes()
    tables = _listed(sections, _TABLE)
    body = [s for s in sections if s.kind != "depan"]
    arabic_from = body[0].anchor if body else ""
    markup = templates.render(
        "print.html", info=info, lap=lap, emblem=emblem_src, front=[s for s in sections if s.kind == "depan"],
        chapters=[s for s in body if s.kind == "bab"], lampiran=[s for s in body if s.kind == "lampiran"],
        annexes=[s for s in body if s.kind == "tambahan"], bodies={s.slug: safe(s.body) for s in sections},
        tables=tables, figures=figures, gambar=lap.sebutan_gambar, arabic_from=arabic_from,
        keywords=_keywords(lap))
    return PrintDocument(markup, media, arabic_from)


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
