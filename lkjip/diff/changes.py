"""Everything one revision changes against another: data, figures, prose and check status.

The result is plain data that each renderer (html, md, json) lays out its own way; the
renderers decide nothing about what changed.
"""
from __future__ import annotations

from dataclasses import dataclass

from .data import FileChanges, compare_data
from .figures import KeyChange, ListChange, TableChange, compare_keys, compare_lists, compare_tables
from .prose import ChapterDiff, compare_chapters
from .revision import Revision
from .status import StatusDiff, compare_status


@dataclass(frozen=True)
class Side:
    label: str               # what the author typed, "folder kerja", or "merge-base main"
    commit: str | None       # the commit id; None for the working tree
    errors: int
    warnings: int
    figures: bool            # whether its figures could be computed

    @property
    def builds(self) -> bool:
        return self.errors == 0

    @property
    def name(self) -> str:
        """How the revision is named for a reader: as typed, but a commit id typed in full (as CI
        passes the base of a pull request) shortened to the usual seven digits."""
        if self.commit and len(self.label) > 7 and self.commit.startswith(self.label):
            return self.commit[:7]
        return self.label


@dataclass(frozen=True)
class ReportDiff:
    old: Side
    new: Side
    data: tuple[FileChanges, ...]
    keys: tuple[KeyChange, ...]
    tables: tuple[TableChange, ...]
    lists: tuple[ListChange, ...]
    prose: tuple[ChapterDiff, ...]
    status: StatusDiff
    chapters: tuple[tuple[str, str], ...] = ()
    """(file, title) of every chapter in reading order, the newer revision's first, for grouping."""

    @property
    def figures_compared(self) -> bool:
        return self.old.figures and self.new.figures

    @property
    def changed(self) -> bool:
        return bool(self.data or self.keys or self.tables or self.lists or self.prose or self.status.new
                    or self.status.resolved)

    @property
    def cell_count(self) -> int:
        return sum(len(t.cells) for t in self.tables)


def _side(revision: Revision) -> Side:
    return Side(revision.label, revision.commit, len(revision.errors), len(revision.warnings),
                revision.catalog is not None)


def compare(old: Revision, new: Revision) -> ReportDiff:
    """Compare two loaded revisions; figures only when both revisions' data validates."""
    figures = old.catalog is not None and new.catalog is not None
    return ReportDiff(
        _side(old), _side(new),
        tuple(compare_data(old.data, new.data)),
        tuple(compare_keys(old, new)) if figures else (),
        tuple(compare_tables(old, new)) if figures else (),
        tuple(compare_lists(old, new)) if figures else (),
        tuple(compare_chapters(old.chapters, new.chapters)),
        compare_status(old.diagnostics, new.diagnostics),
        tuple((c.file, c.title) for c in new.chapters) +
        tuple((c.file, c.title) for c in old.chapters if c.slug not in {n.slug for n in new.chapters}),
    )
