"""Reading a source file as text: UTF-8 only, a BOM tolerated, CRLF normalised, size bounded.

Staff save files from many editors; a BOM or Windows line endings must simply work, while
another encoding or a huge file is refused with a clear message instead of a traceback.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..diagnostics import Diagnostic, Loc, error
from ..numbers import number
from .inputs import within

MAX_BYTES = 500_000
"""A source file larger than this is refused: the largest real one is about 26 kB, and the
limit bounds time and memory (a file at the limit loads in about a second with libyaml)."""


class SourceError(Exception):
    """A file that cannot be read as a source at all; carries the one diagnostic that says why."""

    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.message)


def read_text(path: Path, file: str) -> str:
    """Read UTF-8 (a BOM is tolerated, CRLF becomes LF); anything else is a clear error."""
    return decode(read_bounded(path, file), file)


def read_bounded(path: Path, file: str, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. The size is judged before reading (a
    1 GB file is not read to be refused) and again while reading (a file that grows, or a device,
    stops at the limit); a symbolic link is not followed."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        why = "tautan simbolik tidak diikuti" if path.is_symlink() else exc.strerror
        raise SourceError(error(Loc(file), f"file tidak dapat dibaca ({why})")) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(error(Loc(file), "bukan file biasa", "simpan datanya sebagai file biasa", "not-file"))
        raw = b""
        if info.st_size <= limit:
            with os.fdopen(os.dup(fd), "rb") as f:
                raw = f.read(limit + 1)
    finally:
        os.close(fd)
    if info.st_size > limit or len(raw) > limit:
        size = max(info.st_size, len(raw))
        raise SourceError(error(Loc(file), f"file terlalu besar ({number(size, 0)} bita); batasnya "
                                f"{number(limit, 0)} bita",
                                "pecah data menjadi beberapa file atau hapus bagian yang tidak perlu", "too-large"))
    return raw


def source_lines(root: Path, file: str) -> list[str]:
    """The lines of a report file, to show beside a message about it; none for a file outside the
    report or reached through a symbolic link (its lines are not the report's to print)."""
    path = within(root, root / file)
    try:
        raw = read_bounded(path, file) if path is not None else b""
    except SourceError:
        return []
    return raw.decode("utf-8-sig", errors="replace").replace("\r\n", "\n").split("\n")


def decode(raw: bytes, file: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(error(Loc(file, line, col), "file bukan teks UTF-8 (bita tidak dikenal "
                                f"0x{raw[exc.start]:02x})", "simpan ulang file dengan encoding UTF-8",
                                "encoding")) from None
    if "\x00" in text:
        raise SourceError(error(Loc(file), "file memuat karakter NUL; bukan file teks", "", "encoding"))
    return text.replace("\r\n", "\n").replace("\r", "\n")
