"""What the preview serves: the last build, swapped in whole.

Each build runs the ordinary pipeline in memory (no PDF, nothing written) and yields a new
immutable `Snapshot`; the server reads the current one with a single attribute access, so a
request is answered from one complete build while the next one runs, never from a mix.
A failed build keeps the last good files (stylesheets, images) and adds its error page,
which every page request gets until the report builds again. The PDF, most of a full
build's time, is made only when asked for, once per version.
"""
from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from .. import isian
from ..diagnostics import BuildFailed, Diagnostic
from ..pipeline import Options, Result, run
from ..project import Project
from . import pages

Build = Callable[[Project, Options], Result]


@dataclass(frozen=True)
class Snapshot:
    files: MappingProxyType[str, bytes] = field(default_factory=lambda: MappingProxyType({}))
    version: int = 0
    builds: int = 0
    failure: bytes | None = None
    """The error page while the report does not build; None when it does."""
    counts: tuple[int, int] = (0, 0)
    """Warnings and unfilled placeholders of the last good build, for the preview bar."""


class Preview:
    def __init__(self, project: Project, build: Build = run):
        self.project, self.build = project, build
        self.current = Snapshot()
        self._building = threading.Lock()
        self._pdf: tuple[int, bytes | None, str] | None = None
        self._pdf_lock = threading.Lock()

    def rebuild(self) -> Snapshot:
        """One build of the HTML site; the result replaces the served snapshot in one assignment."""
        with self._building:
            old = self.current
            try:
                result = self.build(self.project, Options(pdf=False, write=False))
            except BuildFailed as failed:
                page = pages.error_page(failed.diagnostics, self.project, old.version + 1)
                new = Snapshot(old.files, old.version + 1, old.builds + 1, page, old.counts)
            except Exception:  # an internal error must not stop the preview; it is shown like a build error
                page = pages.internal_error_page(traceback.format_exc(), old.version + 1)
                new = Snapshot(old.files, old.version + 1, old.builds + 1, page, old.counts)
            else:
                new = Snapshot(MappingProxyType(dict(result.files)), old.version + 1, old.builds + 1, None,
                               _counts(result.diagnostics))
            self.current = new
            return new

    def pdf(self) -> tuple[bytes | None, str]:
        """The PDF of the current version (made on first request), or None and why not."""
        with self._pdf_lock:
            version = self.current.version
            if self._pdf is None or self._pdf[0] != version:
                self._pdf = (version, *self._make_pdf())
            return self._pdf[1], self._pdf[2]

    def _make_pdf(self) -> tuple[bytes | None, str]:
        try:
            result = self.build(self.project, Options(pdf=True, write=False))
        except BuildFailed:
            return None, "laporan belum dapat disusun; perbaiki galatnya dulu"
        name = next((p for p in result.files if p.endswith(".pdf") and "/" not in p), None)
        return (result.files[name], name) if name else (None, "PDF tidak dibuat")

    def status(self) -> dict[str, Any]:
        now = self.current
        return {"versi": now.version, "susun": now.builds, "galat": now.failure is not None,
                "peringatan": now.counts[0], "belum_diisi": now.counts[1]}


def _counts(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    unfilled = isian.count(diagnostics)
    return sum(1 for d in diagnostics if not d.is_error) - unfilled, unfilled
