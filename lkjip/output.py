"""Atomic tree write: build into a temporary folder beside site/, then swap.

A failed, interrupted or killed build never touches the previous site/. Temporary
folders of a build that was killed are removed by the next build.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

TEMP_PREFIX = ".site-baru-"
OLD_PREFIX = ".site-lama-"


def clean_stale(site: Path) -> None:
    """Remove leftovers of a killed build; if it died mid-swap, put the previous site/ back."""
    for path in sorted(site.parent.glob(f"{TEMP_PREFIX}*")):
        shutil.rmtree(path, ignore_errors=True)
    for path in sorted(site.parent.glob(f"{OLD_PREFIX}*")):
        if not site.exists():
            os.replace(path, site)
        else:
            shutil.rmtree(path, ignore_errors=True)


def write_tree(site: Path, files: dict[str, bytes]) -> None:
    clean_stale(site)
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=site.parent))
    try:
        temp.chmod(0o755)  # mkdtemp makes it private; the published folder must be readable
        for rel in sorted(files):
            target = temp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
        old = None
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=OLD_PREFIX, dir=site.parent))
            os.rmdir(old)
            os.replace(site, old)
        os.replace(temp, site)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
