"""Noticing saves: the report's folders are polled for changed modification times and sizes.

Polling needs nothing beyond the standard library, works the same on Linux, Windows, macOS,
network drives and WSL (where file-system events are unreliable or absent), and costs little:
a report is a few dozen small files, and one look at all of them is one `stat` each
(`bench/serve_time.py` prints what a look costs). Looking twenty times a second keeps the
wait between a save and the rebuild short enough for the preview to follow typing.

An editor that writes a file in several steps, or saves many files at once, should produce one
rebuild of the finished files: after a change is seen, the build waits until the files have
been still for `quiet` seconds (one more look by default, so the wait stays short).
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path

from ..project import Project

Signature = dict[str, tuple[int, int]]


def watched(project: Project) -> list[Path]:
    """content/, data/ and the report's own layouts/ (the default theme is part of the program)."""
    return [project.content_dir, project.data_dir, project.root / "layouts"]


def scan(project: Project) -> Signature:
    """Every watched file's (modification time in ns, size), by its project path ('content/01-bab.md').
    Hidden files and folders (editor swap files, data/.skema) are left out: they never change the
    report. A symbolic link is recorded as itself (not followed): the build refuses it, so adding one
    must be noticed even where it points to a folder."""
    out: Signature = {}
    for folder in watched(project):
        _scan(folder, folder.relative_to(project.root).as_posix(), out)
    return out


def _scan(folder: Path | str, rel: str, out: Signature) -> None:
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return  # absent, or removed while we looked
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = f"{rel}/{entry.name}"
        try:
            if entry.is_dir(follow_symlinks=False):
                _scan(entry.path, path, out)
                continue
            stat = entry.stat(follow_symlinks=False)
        except OSError:
            continue  # removed while we looked
        out[path] = (stat.st_mtime_ns, stat.st_size)


class Watcher(threading.Thread):
    """Calls `changed()` once per burst of saves, after the files have been still for `quiet` seconds."""

    def __init__(self, project: Project, changed: Callable[[], None], poll: float = 0.05,
                 quiet: float | None = None):
        super().__init__(name="lkjip-pengamat", daemon=True)
        self.project, self.changed, self.poll = project, changed, poll
        self.quiet = poll if quiet is None else quiet
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
