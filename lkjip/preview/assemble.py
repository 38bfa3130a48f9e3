"""The whole site laid out again around kept chapter bodies.

When an edit changes what other pages show of a chapter (its title in every page's navigation,
a section or the words before a marked quote in the Catatan Pemeriksaan) but not how the other
chapters render (the same tables, charts and note marks in the same places), rendering every
chapter from Markdown again, for the site and for print, is most of the work and changes
nothing. Here the site is assembled by the render stage's own `build_site` from the kept pages
and the edited ones, as `pipeline._site` assembles it (the few lines around `build_site` are
repeated; `tests/test_serve_incremental.py` compares the result with a full build).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..check.links import media_path
from ..core.subject import Subject
from ..diagnostics import BuildFailed, Collector
from ..domain.laporan import LAPORAN, rounding_note
from ..pipeline import Result
from ..project import Project
from ..render.chapters import Page
from ..render.identity import site_info
from ..render.site import build_site
from ..render.templates import Templates


def site(project: Project, pages: Sequence[Page], state: Result, subjects: Sequence[Subject],
         templates: Templates, collector: Collector, with_pdf: bool) -> dict[str, bytes]:
    """Every file of the site, from the pages given (in the chapters' order)."""
    report, catalog, view = state.need_report(), state.need_catalog(), state.view
    assert view is not None and state.ralat is None
    info = site_info(report.need(LAPORAN))
    cards = sorted((c for s in subjects for c in s.cards(report, catalog.figures)
                    if all(view.signed(c.tabel, *cell) for cell in (c.sel, *c.isi))), key=lambda c: c.urutan)
    out = build_site(templates, info, pages, view.tables, view.marks, cards, catalog, with_pdf, rounding_note(report),
                     state.corrections, None)
    for image in state.images:
        out.add(media_path(project.root, image), image.read_bytes(), project.relative(image))
    collector.extend(out.problems)
    if collector.errors:
        raise BuildFailed(collector.items)
    return dict(out.files)
