"""The diff as one self-contained HTML page: old and new side by side, grouped by chapter and table.

A reviewer reads the report by chapter, so changed tables, quoted values and data lists
are shown under each chapter that places them, next to that chapter's prose; what no
chapter shows comes last. The page has its stylesheet inline and no script, font, image or
link to anything outside it, so it can be attached to a pull request, mailed or opened from
a CI artifact. Every text from the data or chapters goes through Jinja's autoescape.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import Environment, StrictUndefined

from .changes import ReportDiff
from .figures import KeyChange, ListChange, TableChange
from .page import TEMPLATE
from .prose import ChapterDiff, Words, word_diff
from .to_json import summary


@dataclass
class Section:
    """One chapter of the page: its prose changes and every changed figure it shows."""

    title: str
    file: str
    prose: ChapterDiff | None = None
    tables: list[TableChange] = field(default_factory=list)
    keys: list[KeyChange] = field(default_factory=list)
    lists: list[ListChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.prose or self.tables or self.keys or self.lists)


@dataclass(frozen=True)
class Side:
    """One column of a changed paragraph: runs of (op, text), op '=' kept or '-'/'+' changed."""

    runs: tuple[tuple[str, str], ...]


LONG = 60
"""A changed data text at least this long on both sides (a statement, a formula) is shown word by word."""


def sides(words: tuple[Words, ...]) -> tuple[Side, Side]:
    old = tuple((w.op, w.text) for w in words if w.op in "=-")
    new = tuple((w.op, w.text) for w in words if w.op in "=+")
    return Side(old), Side(new)


def long_text(old: str | None, new: str | None) -> tuple[Side, Side] | None:
    if old is None or new is None or min(len(old), len(new)) < LONG:
        return None
    return sides(word_diff(old, new))


def sections(diff: ReportDiff) -> tuple[list[Section], Section]:
    """Chapters in reading order with what each shows, and the section of what no chapter shows."""
    by_file = {file: Section(title, file) for file, title in diff.chapters}
    for chapter in diff.prose:
        by_file.setdefault(chapter.file, Section(chapter.title, chapter.file)).prose = chapter
    unplaced = Section("Tidak ditampilkan di bab mana pun", "")
    for table in diff.tables:
        for place in table.where:
            by_file.setdefault(place.file, Section(place.title, place.file)).tables.append(table)
        if not table.where:
            unplaced.tables.append(table)
    for key in diff.keys:
        for place in key.where:
            by_file.setdefault(place.file, Section(place.title, place.file)).keys.append(key)
        if not key.where:
            unplaced.keys.append(key)
    for data_list in diff.lists:
        for place in data_list.where:
            by_file.setdefault(place.file, Section(place.title, place.file)).lists.append(data_list)
        if not data_list.where:
            unplaced.lists.append(data_list)
    return [s for s in by_file.values() if not s.empty], unplaced


def render(diff: ReportDiff) -> str:
    env = Environment(autoescape=True, undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    chapters, unplaced = sections(diff)
    kinds = {"changed": "diubah", "added": "ditambah", "removed": "dihapus", "moved": "dipindah"}
    status = diff.status
    checks = bool(status.new or status.changed or status.resolved or not status.warnings_compared)
    return env.from_string(TEMPLATE).render(diff=diff, n=summary(diff), chapters=chapters, unplaced=unplaced,
                                            sides=sides, long_text=long_text, kinds=kinds,
                                            checks=checks)
