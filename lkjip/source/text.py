"""Reading a source file as text: UTF-8 only, a BOM tolerated, CRLF normalised, size bounded.

Staff save files from many editors; a BOM or Windows line endings must simply work, while
another encoding or a huge file is refused with a clear message instead of a traceback.
"""
from __future__ import annotations

from pathlib import Path

from ..diagnostics import Diagnostic, Loc, error
from ..numbers import number

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
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(error(Loc(file), f"file tidak dapat dibaca ({exc.strerror})")) from None
    if len(raw) > MAX_BYTES:
        raise SourceError(error(Loc(file), f"file terlalu besar ({number(len(raw), 0)} bita); batasnya "
                                f"{number(MAX_BYTES, 0)} bita",
                                "pecah data menjadi beberapa file atau hapus bagian yang tidak perlu", "too-large"))
    return decode(raw, file)


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
