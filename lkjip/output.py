"""Atomic tree write: build into a temporary folder beside site/, then swap, one build at a time.

A failed, interrupted or killed build never touches the previous site/, and a web server
publishing site/ never finds it missing: the new folder and the old one are exchanged in
one step (`renameat2` with RENAME_EXCHANGE on Linux; elsewhere two renames, and a build
killed between them has its previous site/ put back by the next build). Two builds of one
report at once (a `build` while another runs, or a CI job beside the author's) take turns
through a lock on the report folder, so neither removes the other's temporary folder.
Temporary folders of a killed build are removed by the next build.

Every file written is checked once more to lie inside the new folder: whatever it was named
after, no output path leaves site/. A `site` that is a symbolic link (to a web root, say) is
refused rather than replaced: the link would silently become a plain folder, or a folder
elsewhere on the disk would be swapped away.
"""
from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

TEMP_PREFIX = ".site-baru-"
OLD_PREFIX = ".site-lama-"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


class OutputRefused(Exception):
    """The output folder cannot be written as asked; the message and hint are for the author."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


def safe_output_path(path: str) -> bool:
    """A path inside site/: relative, '/'-separated, no empty, '.', '..' or hidden part, no control
    character or backslash. Every file of the output passes here, whatever it was named after."""
    parts = path.split("/")
    return bool(path) and not any(not p or p.startswith(".") for p in parts) and \
        not any(ord(c) < 32 or c in "\\\x7f" for c in path)


def refuse_link(site: Path) -> None:
    if site.is_symlink():
        raise OutputRefused(f"'{site.name}' adalah tautan simbolik (ke '{os.readlink(site)}'); lkjip tidak menulis "
                            "melalui tautan", f"hapus tautannya (rm {site.name}), susun ulang, lalu salin isi "
                            f"{site.name}/ ke folder web (lihat README, 'Publishing site/')")


@contextlib.contextmanager
def locked(folder: Path, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the lock of a report folder: another build of the same folder waits until it is released
    (`waiting` is told once, so the author knows why nothing happens). The lock is the folder's own,
    taken with flock: no lock file to leave behind, and a killed build releases it."""
    try:
        import fcntl
    except ImportError:  # Windows: no flock; builds are not serialised there
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting()
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def clean_stale(site: Path) -> None:
    """Remove leftovers of a killed build; if it died mid-swap, put the previous site/ back.
    Called with the folder's lock held, so the leftovers are no running build's."""
    for path in sorted(site.parent.glob(f"{TEMP_PREFIX}*")):
        shutil.rmtree(path, ignore_errors=True)
    for path in sorted(site.parent.glob(f"{OLD_PREFIX}*")):
        if not site.exists():
            os.replace(path, site)
        else:
            shutil.rmtree(path, ignore_errors=True)


def write_tree(site: Path, files: dict[str, bytes]) -> None:
    """Write `files` as the new site/ (the caller holds the folder's lock)."""
    refuse_link(site)
    clean_stale(site)
    temp = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=site.parent))
    try:
        temp.chmod(0o777 & ~umask())  # mkdtemp makes it private; the published folder must be readable
        for rel in sorted(files):
            target = temp / rel
            if not safe_output_path(rel) or not target.resolve().is_relative_to(temp.resolve()):
                raise ValueError(f"output path outside site/: {rel!r}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(files[rel])
        _swap(temp, site)
    finally:
        shutil.rmtree(temp, ignore_errors=True)  # after the swap: the previous site/


def _swap(new: Path, site: Path) -> None:
    """Put `new` in the place of `site`; afterwards `new` holds the previous site/ (or nothing)."""
    if not site.exists():
        os.replace(new, site)
        return
    if exchange(new, site):
        return
    old = Path(tempfile.mkdtemp(prefix=OLD_PREFIX, dir=site.parent))
    os.rmdir(old)
    os.replace(site, old)
    os.replace(new, site)  # killed here: the next build's clean_stale puts `old` back
    os.replace(old, new)


def exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False where the system cannot (not Linux, an old kernel, a file
    system without RENAME_EXCHANGE), and the caller renames twice instead."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def umask() -> int:
    """The process's umask (read by setting and restoring it: there is no other portable way)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_file(path: Path, data: bytes) -> None:
    """One file written whole or not at all (a temporary file beside it, then a rename), readable by all
    like a published file; one that already holds these bytes is left untouched."""
    if path.is_file() and not path.is_symlink() and path.stat().st_size == len(data) and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=".lkjip-baru-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(temp, 0o666 & ~umask())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
