"""One type for every problem the build finds, and one way to print it.

Staff fix their own mistakes only if the message says where (file, line, column, the
dotted data path), what was found and what was expected, in their language. Every
stage collects all of its problems before the pipeline stops, so one run lists them all.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

ERROR = "galat"
WARNING = "peringatan"


@dataclass(frozen=True, order=True)
class Loc:
    """Where a value came from: project-relative file, 1-based line and column, data path."""

    file: str
    line: int | None = None
    column: int | None = None
    path: str = ""

    def at(self, path: str) -> Loc:
        return Loc(self.file, self.line, self.column, path)


NOWHERE = Loc("")
"""The location of a value that no file wrote (a default)."""


@dataclass(frozen=True)
class Diagnostic:
    severity: str
    loc: Loc
    message: str
    hint: str = ""
    code: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.loc.file, self.loc.line or 0, self.loc.column or 0, self.message)


def error(loc: Loc, message: str, hint: str = "", code: str = "") -> Diagnostic:
    return Diagnostic(ERROR, loc, message, hint, code)


def warning(loc: Loc, message: str, hint: str = "", code: str = "") -> Diagnostic:
    return Diagnostic(WARNING, loc, message, hint, code)


class BuildFailed(Exception):
    """Raised between stages when a stage found errors; carries everything found so far."""

    def __init__(self, diagnostics: Iterable[Diagnostic]):
        self.diagnostics = sorted(diagnostics, key=Diagnostic.sort_key)
        self.state: Any = None
        """What the stages before the failing one produced (`lkjip.pipeline.Result`), set by the pipeline."""
        super().__init__(f"{len(self.diagnostics)} masalah")


@dataclass
class Collector:
    """Accumulates diagnostics of one stage; `raise_if_errors` is the stop between stages."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.items.extend(diagnostics)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if not d.is_error]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise BuildFailed(self.items)


@dataclass(frozen=True)
class Formatted:
    """A diagnostic as it is printed, in its parts: `file:line:col: severity: path: message`, the
    offending line with a caret under it (indented), and the hint line."""

    head: str
    source: tuple[str, ...] = ()
    hint: str = ""

    def text(self) -> str:
        return "\n".join((self.head, *self.source, *((self.hint,) if self.hint else ())))


def formatted(d: Diagnostic, source_lines: list[str] | None = None) -> Formatted:
    where = d.loc.file
    if d.loc.line:
        where += f":{d.loc.line}"
        if d.loc.column:
            where += f":{d.loc.column}"
    head = f"{where}: {d.severity}: "
    if d.loc.path:
        head += f"{d.loc.path}: "
    source: list[str] = []
    if source_lines and d.loc.line and 0 < d.loc.line <= len(source_lines):
        text = source_lines[d.loc.line - 1].rstrip("\r\n").replace("\t", " ")
        source.append("    " + text)
        if d.loc.column:
            source.append("    " + " " * (d.loc.column - 1) + "^")
    return Formatted(head + d.message, tuple(source), "  petunjuk: " + d.hint if d.hint else "")


def format_diagnostic(d: Diagnostic, source_lines: list[str] | None = None) -> str:
    """Render as `file:line:col: path: message`, the offending line with a caret, and a hint."""
    return formatted(d, source_lines).text()
