"""Chapters: read each Markdown file, resolve its placeholders against the catalogue, render HTML.

Two steps, because the corrections must be numbered across the whole report before any
marker is drawn: `load_chapters` parses every chapter and resolves its tables, charts,
lists, signatures and values (collecting problems, and every quote that differs from the
data, in reading order); `render_pages` then renders each chapter for the site and for
print, with the correction markers. Unknown tables, lists, signatures and value keys are
errors with file, line and column (and, where the data is absent, the name of the missing
file). Images must be files inside the project; they are published under `media/` with
their project path, so two images never share a name.
"""
from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..check.corrections import PageOrder, Quote
from ..check.findings import Pemeriksaan, Shown, Temuan
from ..check.links import check_links
from ..check.quotes import Resolved, resolve_values
from ..core.catalog import Catalog, Unavailable
from ..core.subject import PageInfo
from ..diagnostics import Collector, Loc, error
from ..project import Project
from ..record.signed import printed_quote
from ..source.markdown import BlockKind, Parsed, heading_text, make_parser, parse
from ..source.text import SourceError, read_text
from ..views.charts import Chart
from ..views.tables import Table
from ..views.values import Value
from . import document, signatures
from .document import Entry, Heading, Rendered, SignatureBlock, SignatureGroup, Text
from .order import reading_order

ORDER_PREFIX = re.compile(r"^\d+-")
SITE, PRINT = "situs", "cetak"
INTRODUCES_LANDSCAPE = "pengantar-lebar"
"""The class of a paragraph that introduces a landscape table, and of a heading right above it: on
paper they go onto the table's landscape page, so they never stand alone on the portrait page before."""


@dataclass(frozen=True)
class Page:
    slug: str
    file: str
    title: str
    kind: str               # bab or lampiran
    body: str               # the chapter's HTML for the site
    headings: tuple[tuple[int, str, str], ...]   # (level, text, anchor)
    tables: tuple[str, ...]  # ids of the tables it places
    body_cetak: str = ""    # the chapter's HTML for the print document
    blocks: tuple[Entry, ...] = ()        # its headings and placed blocks on the site, in reading order
    blocks_cetak: tuple[Entry, ...] = ()  # the same in the print document (its own anchors, landscape tables)
    head: str = ""                # the site's title (its h1), rendered from its heading tokens
    parts: tuple[str, ...] = ()   # the site's body without its title, cut before each section (h2)

    @property
    def path(self) -> str:
        return f"{self.slug}.html"

    def info(self) -> PageInfo:
        return PageInfo(self.file, self.slug, self.title, self.kind, tuple(h[1] for h in self.headings), self.tables)


BlockRenderer = Callable[[BlockKind, object, str, Shown, "int | None"], Rendered]
"""(kind, object, target, marks, figure number) -> a placed table, chart, list or signature: its HTML
and its entry; a chart's number (`figure_numbers`) opens its caption."""


@dataclass
class Chapter:
    parsed: Parsed
    slug: str = ""
    kind: str = "bab"
    images: list[Path] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    blocks: dict[int, tuple[BlockKind, object]] = field(default_factory=dict)    # id(token) -> (kind, object)
    values: dict[int, Resolved] = field(default_factory=dict)              # id(token) -> resolution
    signed: bool = False    # readers see the signed document's words: each quote as it printed it
    groups: dict[int, signatures.Group] = field(default_factory=dict)   # id(first token) -> signature group

    @property
    def file(self) -> str:
        return self.parsed.file

    @property
    def title(self) -> str:
        """The chapter's title (its first h1) as the body shows it, values and all."""
        shown = next((text for level, text, _ in self.headings() if level == 1), "")
        return shown or self.parsed.title or ""

    def headings(self) -> tuple[tuple[int, str, str], ...]:
        """(level, text, anchor) of every heading, each value in it as the body shows it (the printed
        words in a signed report), so contents lists, the Daftar Isi and the search say what the page says."""
        tokens = self.parsed.tokens
        return tuple((int(t.tag[1]), heading_text(tokens[i + 1], self._value_text(tokens[i + 1].children or [])),
                      str(t.attrs.get("id", ""))) for i, t in enumerate(tokens) if t.type == "heading_open")

    def shown(self, child: Token) -> Value | None:
        """What a value placeholder shows readers, before or after `as_signed`; None where it is unknown."""
        found = self.values.get(id(child))
        if found is None:
            return None
        return printed_quote(found.printed) if self.signed and found.printed is not None else found.value

    def _value_text(self, children: Sequence[Token]) -> Callable[[int, Token], str | None]:
        def text(i: int, child: Token) -> str | None:
            value = self.shown(child)
            return as_placed(value, children[:i]).text() if value is not None else None
        return text

    def as_signed(self, tables: Mapping[str, Table], chart_note: str = "",
                  chart_figures: Callable[[Chart], Chart] = lambda chart: chart) -> None:
        """Show what was signed: each quote's printed text in place of the computed value, each table
        with its printed cells (`lkjip.record.signed`), each chart writing the figures its table shows
        (`chart_figures`) and titled with `chart_note` (an addition)."""
        for resolved in self.values.values():
            if resolved.printed is not None:
                resolved.value = printed_quote(resolved.printed)
        for key, (kind, obj) in list(self.blocks.items()):
            if kind == "tabel" and isinstance(obj, Table):
                self.blocks[key] = (kind, tables.get(obj.id, obj))
            elif kind == "grafik" and isinstance(obj, Chart):
                obj = chart_figures(obj)
                self.blocks[key] = (kind, replace(obj, judul=f"{obj.judul} ({chart_note})") if chart_note else obj)

    def order(self) -> PageOrder:
        """The tables and differing quotes of this chapter in reading order."""
        items: list[str | Quote] = []
        for token in self.parsed.tokens:
            block = self.blocks.get(id(token))
            if block and block[0] == "tabel":
                items.append(getattr(block[1], "id", ""))
            for child in token.children or ():
                found = self.values.get(id(child))
                if found and found.quote:
                    items.append(found.quote)
        return PageOrder(self.slug, self.title, tuple(items))


def load_chapters(project: Project, catalog: Catalog, collector: Collector) -> tuple[list[Chapter], list[Path]]:
    md = make_parser()
    chapters, images = [], []
    for path in project.content_files():
        file = project.relative(path)
        try:
            text = read_text(path, file)
        except SourceError as exc:
            collector.add(exc.diagnostic)
            continue
        chapter = read_chapter(md, text, file, catalog, project.root, path.parent, collector)
        images += chapter.images
        if not chapter.parsed.title:
            collector.add(error(Loc(file, 1, 1), "bab tidak memiliki judul '# ...'",
                                "awali file dengan satu baris judul, mis. '# BAB I PENDAHULUAN'", "no-title"))
            continue
        chapter.slug = ORDER_PREFIX.sub("", path.stem)
        chapter.kind = "lampiran" if chapter.slug.startswith("lampiran") else "bab"
        chapters.append(chapter)
    if not chapters and not collector.errors:
        collector.add(error(Loc("content/"), "tidak ada bab Markdown (*.md) di content/",
                            "tambahkan paling sedikit satu file, mis. content/01-bab-1-pendahuluan.md", "no-content"))
    return chapters, sorted(set(images))


def read_chapter(md: MarkdownIt, text: str, file: str, catalog: Catalog, root: Path, base: Path,
                 collector: Collector) -> Chapter:
    """One chapter parsed, its placeholders and links resolved (problems collected), nothing rendered."""
    chapter = Chapter(parse(md, text, file), signed=catalog.signed)
    _resolve_blocks(chapter, catalog, collector)
    resolve_values(chapter.parsed, chapter.values, catalog, collector)
    chapter.images = check_links(chapter.parsed, root, base, collector)
    return chapter


def render_pages(chapters: Sequence[Chapter], render_block: BlockRenderer, marks: Pemeriksaan,
                 links: Callable[[Temuan, str], str], print_block: BlockRenderer | None = None) -> list[Page]:
    """Every chapter's HTML for the site and for print (through `print_block`, paper's own markup,
    when given); `marks` are the note marks readers see, `links(mark, target)` where each leads."""
    md = make_parser()
    pages = []
    on_paper = Shown(marks)  # the PDF is one document: a mark's id once in it
    numbers = figure_numbers(chapters)
    overrides: list[dict[int, dict[str, str]]] = []
    for ch in chapters:
        site, blocks, _ = render_document(md, ch, render_block, Shown(marks), links, SITE, numbers)
        head, parts = site_parts(md, ch.parsed.tokens, ch.groups)   # before the print rendering refills the tokens
        cetak, blocks_cetak, attrs = render_document(md, ch, print_block or render_block, on_paper, links, PRINT,
                                                     numbers)
        overrides.append(attrs)
        pages.append(Page(ch.slug, ch.file, ch.title, ch.kind, site, ch.headings(),
                          tuple(ch.tables), cetak, blocks, blocks_cetak, head, parts))
    return _relinked(md, chapters, pages, overrides)


def _relinked(md: MarkdownIt, chapters: Sequence[Chapter], pages: list[Page],
              overrides: Sequence[dict[int, dict[str, str]]]) -> list[Page]:
    """The print bodies with their links to other chapters made links inside the one print document
    (`document.print_href`), set on the link tokens: where a table or figure is anchored in print is
    known only once every chapter has been rendered for print, whose tokens each still hold."""
    targets = document.print_targets(pages)
    out = []
    for ch, page, attrs in zip(chapters, pages, overrides, strict=True):
        links = {id(child): {"href": moved} for token in ch.parsed.tokens for child in token.children or []
                 if child.type == "link_open" and isinstance(href := child.attrs.get("href"), str)
                 and (moved := document.print_href(ch.slug, href, targets)) != href}
        out.append(replace(page, body_cetak=signatures.render(md, ch.parsed.tokens, ch.groups, {**attrs, **links}))
                   if links else page)
    return out


def site_parts(md: MarkdownIt, tokens: Sequence[Token],
               groups: Mapping[int, signatures.Group] | None = None) -> tuple[str, tuple[str, ...]]:
    """The site page's title (its first h1) and the rest of its body cut before each h2, each piece
    rendered from its tokens (after `render_document` filled them in), signatures grouped as
    `render_document` decided, so the page can set its contents list below the title and a way back
    to the top between sections."""
    def render(part: Sequence[Token]) -> str:
        return signatures.render(md, part, groups or {})
    title = next((i for i, t in enumerate(tokens) if t.type == "heading_open" and t.tag == "h1"), None)
    head, before, rest = "", "", list(tokens)
    if title is not None:
        head = md.renderer.render(list(tokens[title:title + 3]), md.options, {}).removesuffix("\n")
        before, rest = render(tokens[:title]), list(tokens[title + 3:])
    cuts = [i for i, t in enumerate(rest) if t.type == "heading_open" and t.tag == "h2"]
    pieces = [rest[a:b] for a, b in zip([0, *cuts], [*cuts, len(rest)], strict=True)]
    first = render(pieces[0])
    parts = [before + ("\n" + first if title is not None else first), *(render(p) for p in pieces[1:])]
    return head, tuple(parts)


def figure_numbers(chapters: Sequence[Chapter]) -> dict[int, int]:
    """id(token) -> number of every chart a chapter places, counted through the whole report in reading
    order (`order.reading_order`), on the site and in print alike; a chart placed twice is two figures."""
    numbers: dict[int, int] = {}
    for placed in reading_order(chapters):
        for token in placed.page.parsed.tokens:
            block = placed.page.blocks.get(id(token))
            if block and block[0] == BlockKind.GRAFIK:
                numbers[id(token)] = len(numbers) + 1
    return numbers


def render_body(md: MarkdownIt, chapter: Chapter, render_block: BlockRenderer | None, marks: Shown,
                links: Callable[[Temuan, str], str], target: str) -> str:
    return render_document(md, chapter, render_block, marks, links, target)[0]


def render_document(md: MarkdownIt, chapter: Chapter, render_block: BlockRenderer | None, marks: Shown,
                    links: Callable[[Temuan, str], str], target: str,
                    numbers: Mapping[int, int] | None = None) -> \
        tuple[str, tuple[Entry, ...], dict[int, dict[str, str]]]:
    """The chapter's HTML for `target` and, in reading order, its headings and placed blocks as typed
    entries, recorded from the tokens while they are rendered; each signature is grouped with the lines
    that belong to it (`signatures.group`), one `SignatureGroup` entry in place of theirs. Last, the
    attributes it gave tokens (by id), for a second rendering of the same tokens (`_relinked`)."""
    entries: dict[int, Entry] = {}     # id(first token of a top-level block) -> its entry
    shown: dict[int, str] = {}         # id(value token) -> the text it shows, its note mark's label included
    headings = iter(chapter.headings())
    tokens = chapter.parsed.tokens
    for k, token in enumerate(tokens):
        if token.type == "heading_open":
            entries[id(token)] = Heading(*next(headings))
        block = chapter.blocks.get(id(token))
        if block and render_block is not None:
            rendered = render_block(block[0], block[1], target, marks, (numbers or {}).get(id(token)))
            token.content = rendered.html
            entries[id(token)] = rendered.entry
        elif token.level == 0 and token.nesting >= 0 and token.type != "heading_open" and not block:
            colon = token.type == "paragraph_open" and _ends_with_colon(tokens[k + 1])
            entries[id(token)] = Text(token.type.removesuffix("_open"), colon)
        children = token.children or []
        for i, child in enumerate(children):
            found = chapter.values.get(id(child))
            if found:
                mark = marks.quote(found.quote.file, found.quote.line, found.quote.column) if found.quote else None
                placed = as_placed(found.value, children[:i])
                child.content = value_markup(placed, mark, links, target, marks)
                shown[id(child)] = placed.text() + (mark.label if mark is not None else "")

    def is_signature(token: Token) -> bool:
        return isinstance(entries.get(id(token)), SignatureBlock)

    def text(inline: Token) -> str:
        return "".join(shown.get(id(c), "") if c.type == "html_inline" else _PLAIN[c.type] or c.content
                       for c in inline.children or [] if c.type in _PLAIN or c.type == "html_inline")

    chapter.groups = {}
    for first, found_group in signatures.group(tokens, is_signature, text):
        chapter.groups[id(tokens[first])] = found_group
        gathered = [entries.pop(id(t)) for t in tokens[first:first + found_group.length] if id(t) in entries]
        parties = iter(e for e in gathered if isinstance(e, SignatureBlock))
        entries[id(tokens[first])] = SignatureGroup(
            text(found_group.place).strip() if found_group.place else None,
            tuple((text(p.label).strip() if p.label else None, next(parties)) for p in found_group.parties))
    order = {id(t): i for i, t in enumerate(tokens)}
    keys = sorted(entries, key=order.__getitem__)
    in_order = [entries[key] for key in keys]
    introducing = document.introductions(in_order)
    for i in introducing:
        entry = in_order[i]
        if isinstance(entry, Heading | Text):
            in_order[i] = replace(entry, introduces_landscape=True)
    attrs: dict[int, dict[str, str]] = {keys[i]: {"class": INTRODUCES_LANDSCAPE} for i in introducing}
    if target == PRINT:   # the print document is one file: each heading's id prefixed with its chapter's
        for token in tokens:
            if token.type == "heading_open" and token.attrs.get("id"):
                attrs.setdefault(id(token), {})["id"] = f"{chapter.slug}--{token.attrs['id']}"
    html: str = signatures.render(md, tokens, chapter.groups, attrs)
    return html, tuple(in_order), attrs


def _ends_with_colon(inline: Token) -> bool:
    """A paragraph whose last words end with ':' ('... sebagai berikut:'), markup around them aside."""
    children = inline.children or []
    return bool(children) and children[-1].type == "text" and children[-1].content.rstrip().endswith(":")


_PLAIN: dict[str, str | None] = {"text": None, "code_inline": None, "softbreak": "\n", "hardbreak": "\n"}
"""The inline tokens whose text a paragraph shows (None: their content); values are looked up."""


def as_placed(value: Value, before: Sequence[Token]) -> Value:
    """A value as it reads where it stands: a judging word that opens a sentence capitalised."""
    if value.kata and isinstance(value.raw, str) and _opens_sentence(before):
        return replace(value, raw=value.raw[:1].upper() + value.raw[1:])
    return value


def _opens_sentence(before: Sequence[Token]) -> bool:
    """Whether nothing but markup, or the end of a sentence, comes before a value in its paragraph."""
    text = "".join(c.content for c in before if c.type in ("text", "code_inline") or c.meta.get("raw"))
    return not text.strip() or text.rstrip().endswith((".", "!", "?"))


def value_markup(value: Value, mark: Temuan | None, links: Callable[[Temuan, str], str], target: str,
                 marks: Shown) -> str:
    text = html.escape(value.text())
    if mark is None:
        return f'<span class="nilai">{text}</span>'
    return f'<span class="nilai dikoreksi">{text}</span>{marker(mark, links(mark, target), marks)}'


def marker(k: Temuan, href: str, marks: Shown) -> str:
    """A numbered note mark beside a signed value: readable without hover and on paper."""
    if not href:
        return f'<sup class="tanda-koreksi">{k.label}</sup>'
    first = marks.first_id(k)
    anchor = f' id="{first}"' if first else ""
    return (f'<sup class="tanda-koreksi"><a{anchor} href="{html.escape(href, quote=True)}" '
            f'aria-label="Catatan pemeriksaan {k.label}">{k.label}</a></sup>')


def _resolve_blocks(chapter: Chapter, catalog: Catalog, collector: Collector) -> None:
    parsed = chapter.parsed
    for ph in parsed.blocks:
        kind, ident = ph.token.meta["kind"], ph.token.meta["id"]
        loc = Loc(parsed.file, ph.line, ph.column)
        ph.token.type = "html_block"
        ph.token.content = ""
        try:
            obj = catalog.block(kind, ident)
        except Unavailable as why:
            collector.add(error(loc, f"{why}", "tambahkan datanya atau hapus baris ini dari bab", "block-unavailable"))
            continue
        if obj is None:
            close = difflib.get_close_matches(ident, catalog.known(kind), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "yang dikenal: " + ", ".join(catalog.known(kind))
            more = f"{catalog.where_tables_come_from()}; " if kind is BlockKind.TABEL else ""
            collector.add(error(loc, f"{kind} '{ident}' tidak dikenal", f"{hint} ({more}lihat 'python build.py kunci')",
                                "unknown-block"))
            continue
        if kind is BlockKind.TABEL:
            chapter.tables.append(ident)
        chapter.blocks[id(ph.token)] = (kind, obj)


