"""One revision of the report, loaded as far as it goes: raw data, figures, chapters, problems.

A diff must compare a revision that does not build with one that does, so nothing here
stops at the first error. Each revision is checked exactly as `check` checks it (the same
pipeline, nothing written); when rendering fails, the figures are still computed when
the data is valid, and the data files are still read as plain YAML when validation fails,
so a reviewer sees what changed next to the errors it caused.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..diagnostics import BuildFailed, Collector, Diagnostic
from ..pipeline import Options, analyse, run
from ..project import Project
from ..render.catalog import Catalog
from ..source.markdown import make_parser, parse
from ..source.text import SourceError, read_text
from ..source.yamlfile import parse_yaml

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

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    @property
    def builds(self) -> bool:
        return not self.errors


def load(project: Project, label: str, commit: str | None) -> Revision:
    """Check one report folder as `check` does, and keep whatever each stage produced."""
    catalog: Catalog | None = None
    try:
        result = run(project, Options(pdf=False, write=False))
        diagnostics, catalog = result.diagnostics, result.catalog
    except BuildFailed as failed:
        diagnostics = failed.diagnostics
        try:
            catalog = analyse(project, Collector())[2]
        except BuildFailed:
            catalog = None
    return Revision(label, commit, diagnostics, read_data(project), read_chapters(project), catalog)


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
