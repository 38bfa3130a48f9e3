"""One chapter's site page rendered alone, byte for byte as the full render stage renders it.

The full stage (`pipeline._render`: `render_pages`, then `build_site`) renders every chapter twice
(site and print) and lays out every page; after a prose edit the preview needs only the edited
chapter's site page and the search index. This module repeats, for one page, the few lines of
those two functions that make it, and nothing else. Where it cannot be sure to match, it says
so (`Mismatch`) and the preview falls back to the full stage: a table shown again in a later
chapter gets its anchor from the count of earlier placements, which is replayed here and then
compared with the anchors the last full render gave the same page.

`tests/test_serve_incremental.py` compares every page served after a series of edits with a fresh
full build; a change to the full stage that this module does not follow fails there.
"""
from __future__ import annotations

from collections.abc import Sequence

from ..check.findings import Pemeriksaan, Shown
from ..domain.laporan import LAPORAN
from ..pipeline import Result
from ..render import search
from ..render.chapters import SITE, Chapter, Page, figure_numbers, render_document, site_parts
from ..render.document import TableBlock
from ..render.identity import site_info
from ..render.order import reading_order
from ..render.site import block_renderer, marker_link, navigation, page_html
from ..render.templates import Templates
from ..source.markdown import BlockKind, make_parser

SEARCH_INDEX = "assets/indeks-cari.js"
"""Where `build_site` puts the search index."""


class Mismatch(Exception):
    """This page cannot be rendered alone with certainty; render the whole site instead."""


def chapter_page(chapters: Sequence[Chapter], index: int, marks: Pemeriksaan, state: Result,
                 templates: Templates, old: Page) -> Page:
    """The site rendering of `chapters[index]` as `render_pages` gives it (its print rendering, which
    the served site never shows, left empty)."""
    report, view = state.need_report(), state.view
    assert view is not None
    chapter = chapters[index]
    render_block = block_renderer(templates, view.tables, site_info(report.need(LAPORAN)).gambar)
    ids = set(chapter.tables)
    for earlier in chapters[:index]:   # the anchor count of a table placed again: replay earlier placements
        for kind, obj in earlier.blocks.values():
            if kind == BlockKind.TABEL and getattr(obj, "id", None) in ids:
                render_block(kind, obj, SITE, Shown(marks), None)
    md = make_parser()
    body, blocks, _ = render_document(md, chapter, render_block, Shown(marks), marker_link, SITE,
                                   figure_numbers(chapters))
    head, parts = site_parts(md, chapter.parsed.tokens, chapter.groups)
    if _anchors(blocks) != _anchors(old.blocks):
        raise Mismatch(chapter.file)
    return Page(chapter.slug, chapter.file, chapter.title, chapter.kind, body, chapter.headings(),
                tuple(chapter.tables), "", blocks, (), head, parts)


def _anchors(blocks: Sequence[object]) -> list[str]:
    return [b.anchor for b in blocks if isinstance(b, TableBlock)]


def page_file(page: Page, pages: Sequence[Page], state: Result, templates: Templates, with_pdf: bool) -> bytes:
    """The page's HTML file as `build_site` writes it (`render.site.page_html`): navigation, its
    contents list, the links to the pages before and after it."""
    report, view = state.need_report(), state.view
    assert view is not None
    if state.ralat is not None:
        raise Mismatch("ralat")   # a revised edition compares every page with the signed one
    ordered, nav = navigation(pages, bool(view.marks.items), ralat=False)
    i = next(n for n, p in enumerate(ordered) if p.slug == page.slug)
    common = {"info": site_info(report.need(LAPORAN)), "nav": nav, "with_pdf": with_pdf}
    return page_html(templates, [*ordered[:i], page, *ordered[i + 1:]], i, common).encode("utf-8")


def search_index(pages: Sequence[Page]) -> bytes:
    return search.index_script([p.page for p in reading_order(pages)]).encode("utf-8")
