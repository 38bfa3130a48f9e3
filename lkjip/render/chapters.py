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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..compare import Difference, compare_number, compare_text
from ..corrections import Corrections, Koreksi, PageOrder, Quote
from ..diagnostics import Collector, Diagnostic, Loc, error, warning
from ..numbers import parse_printed_number, round_half_up
from ..project import Project
from ..schema import Printed, Quantity
from ..source.markdown import Parsed, Placeholder, make_parser, parse, url_problem
from ..source.text import SourceError, read_text
from ..subject import PageInfo
from ..values import Value, word
from ..words import compare
from .catalog import Catalog, Unavailable

ORDER_PREFIX = re.compile(r"^\d+-")
SITE, PRINT = "situs", "cetak"
VALUE_HINT = "tulis {{ kunci }}, {{ kunci | tercetak: teks asli | alasan: ... }} atau {{ kunci | banding: kunci }}"


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

    @property
    def path(self) -> str:
        return f"{self.slug}.html"

    def info(self) -> PageInfo:
        return PageInfo(self.file, self.slug, self.title, self.kind, tuple(h[1] for h in self.headings), self.tables)


BlockRenderer = Callable[[str, object, str, Corrections], str]
"""(kind, object, target, corrections) -> HTML of a placed table, chart, list or signature."""


@dataclass
class Resolved:
    """A value placeholder resolved: what it shows and, if it differs from the print, its quote."""

    value: Value
    quote: Quote | None = None


@dataclass
class Chapter:
    parsed: Parsed
    slug: str = ""
    kind: str = "bab"
    images: list[Path] = field(default_factory=list)
    tables: list[str] = field(default_factory=list)
    blocks: dict[int, tuple[str, object]] = field(default_factory=dict)    # id(token) -> (kind, object)
    values: dict[int, Resolved] = field(default_factory=dict)              # id(token) -> resolution

    @property
    def file(self) -> str:
        return self.parsed.file

    @property
    def title(self) -> str:
        return self.parsed.title or ""

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
    chapter = Chapter(parse(md, text, file))
    _resolve_blocks(chapter, catalog, collector)
    _resolve_values(chapter, catalog, collector)
    chapter.images = _check_links(chapter.parsed, root, base, collector)
    return chapter


def render_pages(chapters: Sequence[Chapter], render_block: BlockRenderer, corrections: Corrections,
                 links: Callable[[Koreksi, str], str]) -> list[Page]:
    """Every chapter's HTML for the site and for print; `links(k, target)` is a marker's target."""
    md = make_parser()
    pages = []
    for ch in chapters:
        site = render_body(md, ch, render_block, corrections, links, SITE)
        cetak = render_body(md, ch, render_block, corrections, links, PRINT)
        pages.append(Page(ch.slug, ch.file, ch.title, ch.kind, site, tuple(ch.parsed.headings), tuple(ch.tables),
                          cetak))
    return pages


def render_body(md: MarkdownIt, chapter: Chapter, render_block: BlockRenderer, corrections: Corrections,
                links: Callable[[Koreksi, str], str], target: str) -> str:
    seen: set[int] = set()
    for token in chapter.parsed.tokens:
        block = chapter.blocks.get(id(token))
        if block:
            token.content = render_block(block[0], block[1], target, corrections)
        for child in token.children or ():
            found = chapter.values.get(id(child))
            if found:
                mark = corrections.quote(found.quote.file, found.quote.line, found.quote.column) \
                    if found.quote else None
                child.content = value_markup(found.value, mark, links, target, seen)
    return md.renderer.render(chapter.parsed.tokens, md.options, {})


def value_markup(value: Value, mark: Koreksi | None, links: Callable[[Koreksi, str], str], target: str,
                 seen: set[int]) -> str:
    text = html.escape(value.text())
    if mark is None:
        return f'<span class="nilai">{text}</span>'
    return f'<span class="nilai dikoreksi">{text}</span>{marker(mark, links(mark, target), seen)}'


def marker(k: Koreksi, href: str, seen: set[int]) -> str:
    """A numbered reference to a correction: readable without hover and on paper."""
    if not href:
        return f'<sup class="tanda-koreksi">{k.label}</sup>'
    anchor = "" if k.nomor in seen else f' id="tanda-{k.anchor}"'
    seen.add(k.nomor)
    return (f'<sup class="tanda-koreksi"><a{anchor} href="{html.escape(href, quote=True)}" '
            f'aria-label="Catatan koreksi {k.label}">{k.label}</a></sup>')


def _block(kind: str, ident: str, catalog: Catalog) -> object | None:
    if kind == "tabel":
        return catalog.table(ident) if ident in catalog.tables else None
    if kind == "grafik":
        return catalog.chart(ident) if ident in catalog.charts else None
    if kind == "daftar":
        return catalog.data_list(ident) if ident in catalog.lists else None
    return catalog.signatures.get(ident)


def _resolve_blocks(chapter: Chapter, catalog: Catalog, collector: Collector) -> None:
    parsed = chapter.parsed
    for ph in parsed.blocks:
        kind, ident = ph.token.meta["kind"], ph.token.meta["id"]
        loc = Loc(parsed.file, ph.line, ph.column)
        ph.token.type = "html_block"
        ph.token.content = ""
        try:
            obj = _block(kind, ident, catalog)
        except Unavailable as why:
            collector.add(error(loc, f"{why}", "tambahkan datanya atau hapus baris ini dari bab", "block-unavailable"))
            continue
        if obj is None:
            close = difflib.get_close_matches(ident, catalog.known(kind), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "yang dikenal: " + ", ".join(catalog.known(kind))
            more = f"{catalog.where_tables_come_from()}; " if kind == "tabel" else ""
            collector.add(error(loc, f"{kind} '{ident}' tidak dikenal", f"{hint} ({more}lihat 'python build.py kunci')",
                                "unknown-block"))
            continue
        if kind == "tabel":
            chapter.tables.append(ident)
        chapter.blocks[id(ph.token)] = (kind, obj)


def _lookup(key: str, loc: Loc, catalog: Catalog, collector: Collector) -> Value | None:
    try:
        return catalog.value(key)
    except Unavailable as why:
        collector.add(error(loc, str(why), "tambahkan datanya atau hapus nilai ini dari bab", "value-unavailable"))
    except KeyError:
        close = difflib.get_close_matches(key, list(catalog.keys), n=1)
        hint = f"maksud Anda '{close[0]}'?" if close else VALUE_HINT
        source = catalog.source_of(key)
        where = f"nilai ini berasal dari {source.path}; " if source else ""
        collector.add(error(loc, f"nilai '{key}' tidak dikenal", f"{hint} ({where}lihat 'python build.py kunci')",
                            "unknown-value"))
    return None


def _resolve_values(chapter: Chapter, catalog: Catalog, collector: Collector) -> None:
    parsed = chapter.parsed
    differing = []
    for ph in parsed.values:
        meta, loc = ph.token.meta, Loc(parsed.file, ph.line, ph.column)
        ph.token.type = "html_inline"
        ph.token.content = html.escape(meta["raw"])
        if meta["problem"]:
            collector.add(error(loc, f"penanda nilai tidak valid: {meta['raw']} ({meta['problem']})", VALUE_HINT,
                                "unknown-value"))
            continue
        value = _lookup(meta["key"], loc, catalog, collector)
        if value is not None and meta["banding"]:
            value = _comparison(value, meta["banding"], loc, catalog, collector)
        if value is None:
            continue
        chapter.values[id(ph.token)] = Resolved(value)
        if meta["tercetak"] is not None:
            what = meta["key"] + (" | banding" if meta["banding"] else "")
            diag = compare_printed(value, meta["tercetak"], loc, what)
            if diag:
                differing.append((ph, Difference(Printed(meta["tercetak"], loc, meta["alasan"]), value.text(), diag,
                                                 quoted=meta["tercetak"])))
    section = _sections(parsed)
    for ph, difference in differing:
        chapter.values[id(ph.token)].quote = Quote(difference, parsed.file, ph.line, ph.column,
                                                   section.get(id(ph.token)), _words_before(ph.token, chapter))


def _comparison(value: Value, other_key: str, loc: Loc, catalog: Catalog, collector: Collector) -> Value | None:
    """`{{ a | banding: b }}`: lebih tinggi, lebih rendah or sama, as the reader sees the two numbers."""
    other = _lookup(other_key, loc, catalog, collector)
    if other is None:
        return None
    if value.number is None or other.number is None:
        collector.add(error(loc, f"'banding' memerlukan dua angka, ditemukan '{value.text()}' dan '{other.text()}'",
                            "bandingkan dua nilai angka, mis. realisasi dengan realisasi pembanding", "value-banding"))
        return None
    return word(compare(_as_shown(value), _as_shown(other)), "banding")


def _as_shown(value: Value) -> Decimal:
    assert value.number is not None
    return value.number if value.places is None else round_half_up(value.number, value.places)


def _sections(parsed: Parsed) -> dict[int, str]:
    """The heading above each value placeholder (by token id), to say where a correction is."""
    out: dict[int, str] = {}
    current = None
    tokens = parsed.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            current = tokens[i + 1].content
        for child in token.children or ():
            if "raw" in (child.meta or {}) and current:
                out[id(child)] = current
    return out


def _words_before(target: Token, chapter: Chapter, size: int = 70) -> str | None:
    """The words just before a quote, as the signed document reads them, so an inspector finds the place."""
    for token in chapter.parsed.tokens:
        children = token.children or []
        if target not in children:
            continue
        text = ""
        for child in children[:children.index(target)]:
            if child.type in ("text", "code_inline"):
                text += child.content
            elif child.type in ("softbreak", "hardbreak"):
                text += " "
            elif "raw" in (child.meta or {}):
                found = chapter.values.get(id(child))
                text += child.meta.get("tercetak") or (found.value.text() if found else "")
        text = re.sub(r"\s+", " ", text).strip()
        if len(text) > size:
            text = "…" + text[-size:].split(" ", 1)[-1]
        return text or None
    return None


def compare_printed(value: Value, printed: str, loc: Loc, key: str) -> Diagnostic | None:
    """A value quoted from the original's narrative against the computed one."""
    if value.is_number and value.number is not None:
        number = parse_printed_number(printed)
        if number is None:
            return compare_text(Printed(printed, loc), value.text(), f"{key} di narasi")
        diag = compare_number(Printed(Quantity(number), loc), value.number, f"{key} di narasi")
        if diag is None and "%" in printed and value.kind != "persen":
            return warning(loc, f"{key} di narasi: tercetak '{printed}' sebagai persentase, padahal satuannya "
                           f"bukan persen ({value.text()})", "", "printed-mismatch")
        return diag
    return compare_text(Printed(printed, loc), value.text(), f"{key} di narasi", value.kata)


def _check_links(parsed: Parsed, root: Path, base: Path, collector: Collector) -> list[Path]:
    images = []
    for ph in parsed.links:
        token = ph.token
        attr = "src" if token.type == "image" else "href"
        url = str(token.attrs.get(attr, ""))
        problem = url_problem(url)
        loc = Loc(parsed.file, ph.line, ph.column)
        if problem:
            collector.add(error(loc, f"{problem}: '{url}'", "pakai tautan http(s), mailto, atau berkas di proyek",
                                "unsafe-link"))
            token.attrs[attr] = "#"
            continue
        if token.type == "image":
            images += _check_image(url, root, base, loc, collector, ph)
    return images


def _check_image(url: str, root: Path, base: Path, loc: Loc, collector: Collector, ph: Placeholder) -> list[Path]:
    token = ph.token
    if re.match(r"^[a-z][a-z0-9+.-]*:", url.lower()) or url.startswith("/"):
        collector.add(error(loc, f"gambar harus berupa berkas di dalam proyek, ditemukan '{url}'",
                            "simpan gambar di content/gambar/ dan tulis jalur relatif", "image-external"))
        token.attrs["src"] = "#"
        return []
    target = (base / unquote(url)).resolve()
    if not target.is_relative_to(root.resolve()):
        collector.add(error(loc, f"jalur gambar '{url}' keluar dari folder proyek", "", "image-outside"))
        token.attrs["src"] = "#"
        return []
    if not target.is_file():
        collector.add(error(loc, f"berkas gambar '{unquote(url)}' tidak ditemukan", "", "image-missing"))
        return []
    token.attrs["src"] = quote(media_path(root, target))
    return [target]


def media_path(root: Path, image: Path) -> str:
    """Where a project image is published: `media/` plus its path in the project, so two images
    never share a name (`a/b.png` and `a_b.png` stay apart)."""
    return "media/" + image.resolve().relative_to(root.resolve()).as_posix()
