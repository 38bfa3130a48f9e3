"""Placeholders ("isian"): what a new report, or next year's, has not filled in yet.

`python build.py baru` marks every unknown where it belongs: in data a text value that
starts with `ISI:` (`daerah: "ISI: Kabupaten atau Kota induk"`), in a chapter `[ISI: ...]`.
Where a value of the field's kind can stand in for it (a text, a target or realisasi, a
date, a whole optional list), a placeholder is structurally valid, so the rest of the
report is still checked and can be previewed; `check` lists each one at its file, line and
column as "belum diisi", and `build` refuses to publish a report that still has one.
Elsewhere (an id, a number of rupiah) the schema says plainly that a value is needed.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

from .diagnostics import Diagnostic, Loc, warning
from .project import Project
from .source.yamlfile import PathKey, YamlDocument

MARKER = "ISI:"
CODE = "belum-diisi"
"""The diagnostic code of a placeholder finding: a warning for `check`, a stop for `build`."""
IN_CHAPTER = re.compile(r"\[ISI:([^\]\n]*)\]")
JSON_PATTERN = r"^\s*ISI:"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.lstrip().startswith(MARKER)


def what(text: str) -> str:
    """'ISI: nama Camat' -> 'nama Camat': what the placeholder asks for."""
    return text.strip().removeprefix(MARKER).strip() or "(tanpa keterangan)"


class UnfilledDate(dt.date):
    """The stand-in for a date not filled in yet: a real date to every comparison (the earliest, so
    a dated document wins over it), shown in the preview as its placeholder text."""

    text: str

    def __new__(cls, text: str) -> UnfilledDate:
        self = super().__new__(cls, 1, 1, 1)
        self.text = text
        return self


def in_data(documents: Mapping[str, YamlDocument]) -> Iterator[Diagnostic]:
    """Every placeholder value in the data files, at its own line and column."""
    for _, doc in sorted(documents.items()):
        yield from _walk(doc, doc.data, ())


def _walk(doc: YamlDocument, value: Any, path: PathKey) -> Iterator[Diagnostic]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(doc, item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(doc, item, path + (i,))
    elif is_placeholder(value):
        yield warning(doc.loc(path), f"belum diisi: {what(value)}",
                      "ganti seluruh teks \"ISI: ...\" (dengan tanda kutipnya) dengan nilainya", CODE)


def in_chapters(project: Project) -> Iterator[Diagnostic]:
    """Every `[ISI: ...]` in content/*.md, at its line and column."""
    for path in project.content_files():
        try:
            lines = path.read_text("utf-8-sig").split("\n")
        except (OSError, UnicodeDecodeError):
            continue  # the chapter stage reports an unreadable file itself
        for number, line in enumerate(lines, 1):
            for match in IN_CHAPTER.finditer(line):
                yield warning(Loc(project.relative(path), number, match.start() + 1),
                              f"belum diisi: {what(match.group(1))}",
                              "ganti seluruh \"[ISI: ...]\" dengan teks bab", CODE)


def count(diagnostics: list[Diagnostic]) -> int:
    return sum(1 for d in diagnostics if d.code == CODE)
