"""What a report is built from, as one fingerprint: unchanged, the portal does not build it again.

The fingerprint covers every file under the report's data/, content/ and layouts/, the other
files its last build read (images placed from elsewhere in the folder), what was asked of the
build (with or without PDF) and the version of the compiler itself: every .py file of the
package and the default theme, hashed once per process.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from ..project import default_layouts

PACKAGE = Path(__file__).resolve().parent.parent
FOLDERS = ("data", "content", "layouts")


@lru_cache(maxsize=1)
def code_version() -> str:
    digest = hashlib.sha256()
    for base, pattern in ((PACKAGE, "*.py"), (default_layouts(), "*")):
        for path in sorted(p for p in base.rglob(pattern) if p.is_file() and "__pycache__" not in p.parts):
            _add(digest, path.relative_to(base).as_posix(), path.read_bytes())
    return digest.hexdigest()


def fingerprint(folder: Path, read: Iterable[str] = (), pdf: bool = True) -> str:
    """The report in `folder` with the files its last build read besides its folders (`read`, relative)."""
    digest = hashlib.sha256()
    _add(digest, "lkjip", code_version().encode())
    _add(digest, "pdf", b"1" if pdf else b"0")
    for name in FOLDERS:
        base = folder / name
        for path in sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else ():
            _add(digest, path.relative_to(folder).as_posix(), path.read_bytes())
    for rel in sorted(set(read)):
        path = folder / rel
        _add(digest, rel, path.read_bytes() if path.is_file() else b"\0absent")
    return digest.hexdigest()


def _add(digest: hashlib._Hash, name: str, data: bytes) -> None:
    """Name and content, each with its length, so no two different trees hash alike."""
    for part in (name.encode("utf-8"), data):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
