"""One revision of the report as a diff compares it: raw data, figures, chapters, problems.

Plain data and the readers of a revision's files; loading one through the pipeline is
`lkjip.diff.load` (kept apart, so that the pipeline's edition check can use these types).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..core.catalog import Catalog
from ..diagnostics import Diagnostic
from ..project import Project
from ..render.plaintext import plain_text
from ..source.markdown import make_parser, parse
from ..source.text import SourceError, read_text
from ..source.yamlfile import parse_yaml
from ..views.tables import Table

ORDER_PREFIX = re.compile(r"^\d+-")
UNREADABLE = object()
"""A data file whose YAML cannot be parsed at all (its error is among the diagnostics)."""


@dataclass(frozen=True)
class Chapter:
    """A chapter's source and what it places: the text is compared word by word, the placements
    say where a changed figure appears."""

    file: str
    slug: str
    title: str
    text: str
    tables: tuple[str, ...]
    keys: tuple[str, ...]
    lists: tuple[str, ...]


@dataclass
class Revision:
    label: str
    commit: str | None
    diagnostics: list[Diagnostic]
    data: dict[str, Any]
    """Every data file as plain YAML (path -> value), UNREADABLE where it does not parse."""
    chapters: list[Chapter]
    catalog: Catalog | None = None
    """Tables and keys as computed, or None when the data does not validate."""
    notes: list[str] = field(default_factory=list)
    shown_tables: dict[str, Table] | None = None
    """The tables as readers see them (signed values in place), or None when the revision does not build."""
    shown: tuple[Chapter, ...] = ()
    """Each page's words as readers read them (values in place, tables and note marks left out)."""

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def builds(self) -> bool:
        return not self.errors


def shown_pages(pages: Sequence[Any]) -> tuple[Chapter, ...]:
    """Each rendered page's words as readers read them (`Page` of lkjip.render.chapters)."""
    return tuple(Chapter(p.slug, p.file, p.title, plain_text(p.body), (), (), ()) for p in pages)


def read_data(project: Project) -> dict[str, Any]:
    """The data files as plain YAML, for a structural diff that works on invalid data too."""
    out: dict[str, Any] = {}
    paths = project.data_files() + [p for folder in project.data_folders() for p in project.yaml_files(folder)]
    for path in paths:
        file = project.relative(path)
        try:
            out[file] = parse_yaml(read_text(path, file), file).data
        except SourceError:
            out[file] = UNREADABLE
    return out


def read_chapters(project: Project) -> list[Chapter]:
    md = make_parser()
    chapters = []
    for path in project.content_files():
        file = project.relative(path)
        try:
            text = read_text(path, file)
        except SourceError:
            continue
        parsed = parse(md, text, file)
        placed = [(p.token.meta["kind"], p.token.meta["id"]) for p in parsed.blocks]
        chapters.append(Chapter(file, ORDER_PREFIX.sub("", path.stem), parsed.title or path.stem, text,
                                tuple(i for k, i in placed if k == "tabel"),
                                tuple(p.token.meta["key"] for p in parsed.values if p.token.meta["key"]),
                                tuple(i for k, i in placed if k == "daftar")))
    return chapters
