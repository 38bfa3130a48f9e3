"""Loading one revision of the report as far as it goes, through the same pipeline as `check`.

A diff must compare a revision that does not build with one that does, so nothing here
stops at the first error. Each revision is checked exactly as `check` checks it (the same
pipeline, nothing written); when rendering fails, the figures are still computed when
the data is valid, and the data files are still read as plain YAML when validation fails,
so a reviewer sees what changed next to the errors it caused.
"""
from __future__ import annotations

from ..core.catalog import Catalog
from ..diagnostics import BuildFailed
from ..pipeline import Options, run
from ..project import Project
from ..views.tables import Table
from .revision import Chapter, Revision, read_chapters, read_data, shown_pages


def load(project: Project, label: str, commit: str | None) -> Revision:
    """Check one report folder as `check` does, and keep whatever each stage produced. Its own
    signed edition is not compared here (that comparison is what loads revisions)."""
    catalog: Catalog | None = None
    shown_tables: dict[str, Table] | None = None
    shown: tuple[Chapter, ...] = ()
    try:
        result = run(project, Options(pdf=False, write=False, editions=False))
        diagnostics, catalog = result.diagnostics, result.catalog
        shown_tables = result.tables
        shown = shown_pages(result.pages)
    except BuildFailed as failed:
        # the stages before the failing one are kept: figures computed on valid data are compared still
        diagnostics, catalog = failed.diagnostics, failed.state.catalog if failed.state is not None else None
    return Revision(label, commit, diagnostics, read_data(project), read_chapters(project), catalog,
                    shown_tables=shown_tables, shown=shown)
