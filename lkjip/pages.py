"""Chapters: read each Markdown file, resolve its placeholders against the model, render HTML.

Unknown tables, lists, signatures and value keys are errors with file, line and column;
a quoted printed number that differs from the computed one is a warning at its line.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from . import blocks
from .consistency import compare_number, compare_text
from .diagnostics import Collector, Loc, error, warning
from .formatting import parse_printed_number
from .markdown import Parsed, make_parser, parse, url_problem
from .namespace import source_of_key
from .schema import Printed
from .tablemodel import TableUnavailable
from .yamlload import YamlError, read_text

ORDER_PREFIX = re.compile(r"^\d+-")


@dataclass(frozen=True)
class Page:
    slug: str
    file: str
    title: str
    kind: str          # bab or lampiran
    body: str          # rendered HTML of the chapter
    headings: tuple    # (level, text, anchor)

    @property
    def path(self) -> str:
        return f"{self.slug}.html"


@dataclass
class Sources:
    """What the Markdown stage needs from earlier stages."""

    model: object
    results: object
    namespace: object
    root: Path
    render_block: object  # (kind, obj) -> HTML


def load_pages(project, sources: Sources, collector: Collector) -> tuple[list[Page], list[Path]]:
    md = make_parser()
    pages, images = [], []
    for path in project.content_files():
        file = project.relative(path)
        try:
            text = read_text(path, file)
        except YamlError as exc:
            collector.add(exc.diagnostic)
            continue
        parsed, body, found = render_markdown(md, text, file, sources, path.parent, collector)
        images += found
        if not parsed.title:
            collector.add(error(Loc(file, 1, 1), "bab tidak memiliki judul '# ...'",
                                "awali file dengan satu baris judul, mis. '# BAB I PENDAHULUAN'", "no-title"))
            continue
        slug = ORDER_PREFIX.sub("", path.stem)
        kind = "lampiran" if slug.startswith("lampiran") else "bab"
        pages.append(Page(slug, file, parsed.title, kind, body, tuple(parsed.headings)))
    if not pages and not collector.errors:
        collector.add(error(Loc("content/"), "tidak ada bab Markdown (*.md) di content/",
                            "tambahkan paling sedikit satu file, mis. content/01-bab-1.md", "no-content"))
    return pages, images


def render_markdown(md, text: str, file: str, sources: Sources, base: Path, collector: Collector):
    """One chapter: parse, resolve placeholders and links (reporting problems), render HTML."""
    parsed = parse(md, text, file)
    _resolve_blocks(parsed, sources, collector)
    _resolve_values(parsed, sources, collector)
    images = _check_links(parsed, sources.root, base, collector)
    return parsed, md.renderer.render(parsed.tokens, md.options, {}), images


def _resolve_blocks(parsed: Parsed, sources: Sources, collector: Collector) -> None:
    model, results = sources.model, sources.results
    known = blocks.known_ids(model) if parsed.blocks else {}
    for ph in parsed.blocks:
        kind, ident = ph.token.meta["kind"], ph.token.meta["id"]
        if kind == "tabel":
            try:
                obj = blocks.build_table(ident, model, results)
            except TableUnavailable as missing:
                collector.add(error(Loc(parsed.file, ph.line, ph.column), f"tabel '{ident}' tidak dapat dibuat: "
                                    f"{missing}", "pulihkan datanya atau hapus tabel ini dari bab", "table-source"))
                continue
        elif kind == "daftar":
            obj = blocks.build_list(ident, model)
        else:
            obj = blocks.build_signature(ident, model)
        if obj is None:
            close = difflib.get_close_matches(ident, known[kind], n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "yang dikenal: " + ", ".join(known[kind])
            collector.add(error(Loc(parsed.file, ph.line, ph.column), f"{kind} '{ident}' tidak dikenal",
                                f"{hint} (sumbernya {blocks.source_of(kind, ident)}; "
                                "lihat 'python build.py kunci')", "unknown-block"))
            ph.token.meta["html"] = ""
            continue
        ph.token.meta["html"] = sources.render_block(kind, obj)
        ph.token.type = "html_block"
        ph.token.content = ph.token.meta["html"]


def _resolve_values(parsed: Parsed, sources: Sources, collector: Collector) -> None:
    ns = sources.namespace
    for ph in parsed.values:
        meta, loc = ph.token.meta, Loc(parsed.file, ph.line, ph.column)
        key = meta["key"]
        if key is None or key not in ns:
            close = difflib.get_close_matches(key or "", list(ns), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else "tulis {{ kunci }} atau {{ kunci | tercetak: teks asli }}"
            source = source_of_key(key or "")
            if source:
                hint += f" (nilai ini berasal dari {source})"
            collector.add(error(loc, f"nilai '{key or meta['raw']}' tidak dikenal", hint, "unknown-value"))
            _as_html(ph.token, html.escape(meta["raw"]))
            continue
        value = ns[key]
        classes, title = "nilai", ""
        if meta["printed"] is not None:
            diag = _compare_printed(value, meta["printed"], loc, key)
            if diag:
                collector.add(diag)
                classes += " nilai-berbeda"
                title = f' title="Dokumen asli mencetak: {html.escape(meta["printed"], quote=True)}"'
        _as_html(ph.token, f'<span class="{classes}" data-kunci="{html.escape(key, quote=True)}"{title}>'
                           f"{html.escape(value.text())}</span>")


def _as_html(token, markup: str) -> None:
    token.type = "html_inline"
    token.content = markup


def _compare_printed(value, printed: str, loc: Loc, key: str):
    if value.is_number:
        number = parse_printed_number(printed)
        if number is None:
            return warning(loc, f"{key}: teks tercetak '{printed}' bukan angka", "", "printed-mismatch")
        diag = compare_number(Printed(number, loc), Decimal(value.raw), f"{key} di narasi")
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
        url = token.attrs.get(attr, "")
        problem = url_problem(str(url))
        loc = Loc(parsed.file, ph.line, ph.column)
        if problem:
            collector.add(error(loc, f"{problem}: '{url}'", "pakai tautan http(s), mailto, atau berkas di proyek",
                                "unsafe-link"))
            token.attrs[attr] = "#"
            continue
        if token.type == "image":
            images += _check_image(str(url), root, base, loc, collector, token)
    return images


def _check_image(url: str, root: Path, base: Path, loc: Loc, collector: Collector, token) -> list[Path]:
    if re.match(r"^[a-z][a-z0-9+.-]*:", url.lower()) or url.startswith("/"):
        collector.add(error(loc, f"gambar harus berupa berkas di dalam proyek, ditemukan '{url}'",
                            "simpan gambar di content/gambar/ dan tulis jalur relatif", "image-external"))
        return []
    target = (base / url).resolve()
    if not target.is_relative_to(root.resolve()):
        collector.add(error(loc, f"jalur gambar '{url}' keluar dari folder proyek", "", "image-outside"))
        token.attrs["src"] = "#"
        return []
    if not target.is_file():
        collector.add(error(loc, f"berkas gambar '{url}' tidak ditemukan", "", "image-missing"))
        return []
    token.attrs["src"] = media_path(root, target)
    return [target]


def media_path(root: Path, image: Path) -> str:
    """Where a project image is published: one flat media/ folder, named after its project path."""
    return "media/" + image.resolve().relative_to(root.resolve()).as_posix().replace("/", "_")
