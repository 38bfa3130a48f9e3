"""Chapters: read each Markdown file, resolve its placeholders against the catalogue, render HTML.

Unknown tables, lists, signatures and value keys are errors with file, line and column
(and, where the data is absent, the name of the missing file); a quoted printed number that
differs from the computed one is a warning at its line. Images must be files inside the
project; they are published under `media/` with their project path, so two images never
share a name.
"""
from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..compare import compare_number, compare_text
from ..diagnostics import Collector, Diagnostic, Loc, error, warning
from ..numbers import parse_printed_number
from ..project import Project
from ..schema import Printed, Quantity
from ..source.markdown import Parsed, Placeholder, make_parser, parse, url_problem
from ..source.text import SourceError, read_text
from ..subject import PageInfo
from .catalog import Catalog, Unavailable

ORDER_PREFIX = re.compile(r"^\d+-")


@dataclass(frozen=True)
class Page:
    slug: str
    file: str
    title: str
    kind: str               # bab or lampiran
    body: str               # rendered HTML of the chapter
    headings: tuple[tuple[int, str, str], ...]   # (level, text, anchor)
    tables: tuple[str, ...]  # ids of the tables it places

    @property
    def path(self) -> str:
        return f"{self.slug}.html"

    def info(self) -> PageInfo:
        return PageInfo(self.file, self.slug, self.title, self.kind, tuple(h[1] for h in self.headings), self.tables)


BlockRenderer = Callable[[str, object], str]


def load_pages(project: Project, catalog: Catalog, render_block: BlockRenderer,
               collector: Collector) -> tuple[list[Page], list[Path]]:
    md = make_parser()
    pages, images = [], []
    for path in project.content_files():
        file = project.relative(path)
        try:
            text = read_text(path, file)
        except SourceError as exc:
            collector.add(exc.diagnostic)
            continue
        chapter = render_chapter(md, text, file, catalog, render_block, project.root, path.parent, collector)
        images += chapter.images
        if not chapter.parsed.title:
            collector.add(error(Loc(file, 1, 1), "bab tidak memiliki judul '# ...'",
                                "awali file dengan satu baris judul, mis. '# BAB I PENDAHULUAN'", "no-title"))
            continue
        slug = ORDER_PREFIX.sub("", path.stem)
        kind = "lampiran" if slug.startswith("lampiran") else "bab"
        pages.append(Page(slug, file, chapter.parsed.title, kind, chapter.body, tuple(chapter.parsed.headings),
                          tuple(chapter.tables)))
    if not pages and not collector.errors:
        collector.add(error(Loc("content/"), "tidak ada bab Markdown (*.md) di content/",
                            "tambahkan paling sedikit satu file, mis. content/01-bab-1-pendahuluan.md", "no-content"))
    return pages, sorted(set(images))


@dataclass
class Chapter:
    parsed: Parsed
    body: str
    images: list[Path]
    tables: list[str]


def render_chapter(md: MarkdownIt, text: str, file: str, catalog: Catalog, render_block: BlockRenderer, root: Path,
                   base: Path, collector: Collector) -> Chapter:
    """One chapter: parse, resolve placeholders and links (collecting problems), render HTML."""
    parsed = parse(md, text, file)
    placed = _resolve_blocks(parsed, catalog, render_block, collector)
    _resolve_values(parsed, catalog, collector)
    images = _check_links(parsed, root, base, collector)
    return Chapter(parsed, md.renderer.render(parsed.tokens, md.options, {}), images, placed)


def _block(kind: str, ident: str, catalog: Catalog) -> object | None:
    if kind == "tabel":
        return catalog.table(ident) if ident in catalog.tables else None
    if kind == "daftar":
        return catalog.data_list(ident) if ident in catalog.lists else None
    return catalog.signatures.get(ident)


def _resolve_blocks(parsed: Parsed, catalog: Catalog, render_block: BlockRenderer,
                    collector: Collector) -> list[str]:
    placed = []
    for ph in parsed.blocks:
        kind, ident = ph.token.meta["kind"], ph.token.meta["id"]
        loc = Loc(parsed.file, ph.line, ph.column)
        try:
            obj = _block(kind, ident, catalog)
        except Unavailable as why:
            collector.add(error(loc, f"{why}", "tambahkan datanya atau hapus baris ini dari bab", "block-unavailable"))
            _as_html(ph.token, "", block=True)
            continue
        if obj is None:
            close = difflib.get_close_matches(ident, catalog.known(kind), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "yang dikenal: " + ", ".join(catalog.known(kind))
            more = f"{catalog.where_tables_come_from()}; " if kind == "tabel" else ""
            collector.add(error(loc, f"{kind} '{ident}' tidak dikenal", f"{hint} ({more}lihat 'python build.py kunci')",
                                "unknown-block"))
            _as_html(ph.token, "", block=True)
            continue
        if kind == "tabel":
            placed.append(ident)
        _as_html(ph.token, render_block(kind, obj), block=True)
    return placed


def _resolve_values(parsed: Parsed, catalog: Catalog, collector: Collector) -> None:
    for ph in parsed.values:
        meta, loc = ph.token.meta, Loc(parsed.file, ph.line, ph.column)
        key = meta["key"]
        try:
            value = catalog.value(key) if key else None
        except Unavailable as why:
            collector.add(error(loc, str(why), "tambahkan datanya atau hapus nilai ini dari bab", "value-unavailable"))
            value = None
        except KeyError:
            close = difflib.get_close_matches(key or "", list(catalog.keys), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "tulis {{ kunci }} atau {{ kunci | tercetak: teks asli }}"
            source = catalog.source_of(key or "")
            where = f"nilai ini berasal dari {source.path}; " if source else ""
            collector.add(error(loc, f"nilai '{key}' tidak dikenal", f"{hint} ({where}lihat 'python build.py kunci')",
                                "unknown-value"))
            value = None
        if key is None and value is None:
            collector.add(error(loc, f"penanda nilai tidak valid: {meta['raw']}",
                                "tulis {{ kunci }} atau {{ kunci | tercetak: teks asli }}", "unknown-value"))
        if value is None:
            _as_html(ph.token, html.escape(meta["raw"]))
            continue
        classes, title = "nilai", ""
        if meta["printed"] is not None:
            diag = compare_printed(value, meta["printed"], loc, key or "")
            if diag:
                collector.add(diag)
                classes += " nilai-berbeda"
                title = f' title="Dokumen asli mencetak: {html.escape(meta["printed"], quote=True)}"'
        _as_html(ph.token, f'<span class="{classes}" data-kunci="{html.escape(key or "", quote=True)}"{title}>'
                           f"{html.escape(value.text())}</span>")


def _as_html(token: Token, markup: str, block: bool = False) -> None:
    token.type = "html_block" if block else "html_inline"
    token.content = markup


def compare_printed(value: object, printed: str, loc: Loc, key: str) -> Diagnostic | None:
    """A value quoted from the original's narrative against the computed one."""
    from ..values import Value
    assert isinstance(value, Value)
    if value.is_number and value.number is not None:
        number = parse_printed_number(printed)
        if number is None:
            return warning(loc, f"{key}: teks tercetak '{printed}' bukan angka", "", "printed-mismatch")
        diag = compare_number(Printed(Quantity(number), loc), value.number, f"{key} di narasi")
        if diag is None and "%" in printed and value.kind != "persen":
            return warning(loc, f"{key} di narasi: tercetak '{printed}' sebagai persentase, padahal satuannya "
                           f"bukan persen ({value.text()})", "", "printed-mismatch")
        return diag
    return compare_text(Printed(printed, loc), value.text(), f"{key} di narasi")


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
