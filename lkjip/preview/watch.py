"""Noticing saves: the report's folders are polled for changed modification times and sizes.

Polling needs nothing beyond the standard library, works the same on Linux, Windows, macOS,
network drives and WSL (where file-system events are unreliable or absent), and costs little:
a report is a few hundred small files, looked at five times a second. An editor that saves
many files at once, or writes a file in several steps, produces one rebuild: after a change
is seen, the build waits until the files have been still for a moment (`quiet`).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from ..project import Project

Signature = dict[str, tuple[int, int]]


def watched(project: Project) -> list[Path]:
    """content/, data/ and the report's own layouts/ (the default theme is part of the program)."""
    return [project.content_dir, project.data_dir, project.root / "layouts"]


def scan(project: Project) -> Signature:
    """Every watched file's (modification time in ns, size). Hidden files (editor swap files,
    data/.skema) are left out: they never change the report."""
    out: Signature = {}
    for folder in watched(project):
        if not folder.is_dir():
            continue
        for path in folder.rglob("*"):
            rel = path.relative_to(project.root)
            if any(part.startswith(".") for part in rel.parts):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue  # removed while we looked
            if path.is_file():
                out[rel.as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return out


class Watcher(threading.Thread):
    """Calls `changed()` once per burst of saves, after the files have been still for `quiet` seconds."""

    def __init__(self, project: Project, changed: Callable[[], None], poll: float = 0.2, quiet: float = 0.5):
        super().__init__(name="lkjip-pengamat", daemon=True)
        self.project, self.changed, self.poll, self.quiet = project, changed, poll, quiet
        self.stopping = threading.Event()
        self.last = scan(project)

    def run(self) -> None:
        while not self.stopping.wait(self.poll):
            now = scan(self.project)
            if now == self.last:
                continue
            while not self.stopping.wait(self.quiet):
                again = scan(self.project)
                if again == now:
                    break
                now = again
            if self.stopping.is_set():
                return
            self.last = now  # taken before the build: a save during it is seen at the next poll
            self.changed()

    def stop(self) -> None:
        self.stopping.set()
