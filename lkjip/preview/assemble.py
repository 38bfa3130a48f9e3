"""The whole site laid out again around kept chapter bodies.

When an edit changes what other pages show of a chapter (its title in every page's navigation,
a section or the words before a marked quote in the Catatan Pemeriksaan) but not how the other
chapters render (the same tables, charts and note marks in the same places), rendering every
chapter from Markdown again, for the site and for print, is most of the work and changes
nothing. Here the site is assembled from the kept pages and the edited ones by the render stage's
own `pipeline.assemble_site` (`tests/test_serve_incremental.py` compares the result with a full
build).
"""
from __future__ import annotations

from collections.abc import Sequence

from ..core.subject import Subject
from ..diagnostics import Collector
from ..pipeline import Result, assemble_site
from ..project import Project
from ..render.chapters import Page
from ..render.templates import Templates


def site(project: Project, pages: Sequence[Page], state: Result, subjects: Sequence[Subject],
         templates: Templates, collector: Collector, with_pdf: bool) -> dict[str, bytes]:
    """Every file of the site, from the pages given (in the chapters' order)."""
    assert state.ralat is None
    return dict(assemble_site(project, state, subjects, templates, pages, with_pdf, collector).files)
