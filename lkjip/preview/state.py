"""What the preview serves: the last build, swapped in whole, and which files each build changed.

Each build yields a new immutable `Snapshot`; the server reads the current one with a single
attribute access, so a request is answered from one complete build while the next one runs,
never from a mix. A failed build keeps the last good files (stylesheets, images) and adds its
error page, which every page request gets until the report builds again. The PDF, most of a
full build's time, is made only when asked for, once per version.

A snapshot also knows, for every file, the version at which its bytes last changed: an open
page is told to reload only when what it shows changed (`Snapshot.page_version`), and the
event streams wait on `Preview.wait_newer` instead of asking again and again.
"""
from __future__ import annotations

import secrets
import threading
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TypeVar
from urllib.parse import quote

from .. import isian
from ..diagnostics import BuildFailed, Diagnostic
from ..pipeline import Options, Result, run
from ..project import Project
from . import pages
from .incremental import Incremental, Work

Build = Callable[[Project, Options], Result]
PREVIEW = Options(pdf=False, write=False)
T = TypeVar("T")


def _frozen(items: Mapping[str, T] | None = None) -> MappingProxyType[str, T]:
    return MappingProxyType(dict(items or {}))


@dataclass(frozen=True)
class Snapshot:
    files: MappingProxyType[str, bytes] = field(default_factory=_frozen)
    version: int = 0
    builds: int = 0
    failure: bytes | None = None
    """The error page while the report does not build; None when it does."""
    counts: tuple[int, int] = (0, 0)
    """Warnings and unfilled placeholders of the last good build, for the preview bar."""
    changed_at: MappingProxyType[str, int] = field(default_factory=_frozen)
    """path -> the version at which its bytes last changed (a removed file included)."""
    shell_since: int = 0
    """The version at which what every page shows besides its own bytes (the error page in its
    place, the bar's counts) last changed."""

    def page_version(self, path: str) -> int:
        """The version at which what a reader sees at `path` last changed: its own bytes, the error
        page or the bar for a page, and any file a page names (its stylesheet, an image), except
        files it does not name (the search index changes with every edit; only the search page
        loads it)."""
        own = self.changed_at.get(path, 0)
        if not path.endswith(".html"):
            return own
        version = max(own, self.shell_since)
        page = self.files.get(path, b"")
        for other, at in self.changed_at.items():
            if at > version and not other.endswith(".html") and \
                    (other.encode() in page or quote(other, safe="/").encode() in page):
                version = at
        return version

    def changed_since(self, version: int) -> list[str]:
        return sorted(p for p, at in self.changed_at.items() if at > version)

    def following(self, files: Mapping[str, bytes], failure: bytes | None, counts: tuple[int, int]) -> Snapshot:
        """The next snapshot, each file's version moved on where its bytes differ from this one's."""
        version = self.version + 1
        changed_at = dict(self.changed_at)
        for path in self.files.keys() | files.keys():
            before, after = self.files.get(path), files.get(path)
            if before is not after and before != after:
                changed_at[path] = version
        shell = self.shell_since if (failure, counts) == (self.failure, self.counts) else version
        return Snapshot(_frozen(files), version, self.builds + 1, failure, counts, _frozen(changed_at), shell)


class Preview:
    """The served snapshot and its builds. `build` replaces the incremental build (tests pass one
    they can hold up); the PDF is always a full build of its own."""

    def __init__(self, project: Project, build: Build | None = None):
        self.project = project
        self.full: Build = build or run
        self.incremental = None if build is not None else Incremental(project, PREVIEW)
        self.work: Work | None = None
        """What the last build did (the stages it ran, the pages it rendered), for the console and tests."""
        self.current = Snapshot()
        self.session = secrets.token_hex(4)
        """Names this run of the preview in the pages it serves (`pages.events_url`)."""
        self.stopped = False
        self._building = threading.Lock()
        self._newer = threading.Condition()
        self._pdf: tuple[int, bytes | None, str] | None = None
        self._pdf_lock = threading.Lock()

    def rebuild(self) -> Snapshot:
        """One build of the HTML site; the result replaces the served snapshot in one assignment."""
        with self._building:
            old = self.current
            try:
                result = self._build()
            except BuildFailed as failed:
                new = old.following(old.files, pages.error_page(failed.diagnostics, self.project), old.counts)
            except Exception:  # an internal error must not stop the preview; it is shown like a build error
                new = old.following(old.files, pages.internal_error_page(traceback.format_exc()), old.counts)
            else:
                new = old.following(result.files, None, _counts(result.diagnostics))
            with self._newer:
                self.current = new
                self._newer.notify_all()
            return new

    def _build(self) -> Result:
        if self.incremental is None:
            return self.full(self.project, PREVIEW)
        try:
            return self.incremental.build()
        finally:
            self.work = self.incremental.work

    def wait_newer(self, version: int, timeout: float) -> Snapshot:
        """The current snapshot once it is newer than `version`, or after `timeout` seconds, or at stop."""
        with self._newer:
            self._newer.wait_for(lambda: self.current.version > version or self.stopped, timeout)
            return self.current

    def stop(self) -> None:
        """Ends every event stream (at their next look, at once for those waiting)."""
        with self._newer:
            self.stopped = True
            self._newer.notify_all()

    def pdf(self) -> tuple[bytes | None, str]:
        """The PDF of the current version (made on first request), or None and why not."""
        with self._pdf_lock:
            version = self.current.version
            if self._pdf is None or self._pdf[0] != version:
                self._pdf = (version, *self._make_pdf())
            return self._pdf[1], self._pdf[2]

    def _make_pdf(self) -> tuple[bytes | None, str]:
        try:
            result = self.full(self.project, Options(pdf=True, write=False))
        except BuildFailed:
            return None, "laporan belum dapat disusun; perbaiki galatnya dulu"
        name = next((p for p in result.files if p.endswith(".pdf") and "/" not in p), None)
        return (result.files[name], name) if name else (None, "PDF tidak dibuat")

    def status(self) -> dict[str, object]:
        now = self.current
        return {"versi": now.version, "susun": now.builds, "galat": now.failure is not None,
                "peringatan": now.counts[0], "belum_diisi": now.counts[1]}


def _counts(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    unfilled = isian.count(diagnostics)
    return sum(1 for d in diagnostics if not d.is_error) - unfilled, unfilled
