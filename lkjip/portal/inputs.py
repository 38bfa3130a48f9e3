"""What a report is built from, as one fingerprint: unchanged, the portal does not build it again.

The build cache's key (`lkjip.cache.fingerprint`: every file under the report's data/, content/
and layouts/, the default theme, lkjip's code and library versions, the options), and besides it
the other files the report's last build read (images placed from elsewhere in its folder).
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from ..cache import fingerprint as build_key
from ..project import Project


def fingerprint(folder: Path, read: Iterable[str] = (), pdf: bool = True) -> str:
    """The report in `folder` with the files its last build read besides its folders (`read`, relative)."""
    digest = hashlib.sha256(build_key(Project(folder), {"pdf": pdf, "portal": True}).encode())
    for rel in sorted(set(read)):
        path = folder / rel
        digest.update(f"{rel}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"\0absent")
    return digest.hexdigest()
