"""Which files of a report folder a build may read, and which it may publish as images.

A report arrives in pull requests like any other repository, and `check`, `diff` and `build`
run on a reviewer's machine. So the folder's own files are the only input: a symbolic link
in `content/`, `data/` or `layouts/` is refused rather than followed (it could lead to any
file on that machine, which would then be published or quoted in a message), and an image
is published only when it is a real image file of the project, outside hidden folders such
as `.git/` and outside the build output. Paths are judged as written, before the system
resolves them, and the path judged is the path read.
"""
from __future__ import annotations

import os
from pathlib import Path

READ = ("content", "data", "layouts")
"""The folders of a report a build reads."""
OUTPUT = "site"

IMAGE_SIGNATURES = {
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"),
    ".webp": (b"RIFF",),
}
"""Images the site publishes, with the bytes each kind of file starts with. SVG is not among
them: an SVG file can carry script, which would run on the office's website when opened."""


def links(root: Path) -> list[Path]:
    """Every symbolic link among the folders a build reads (the folders themselves included)."""
    found = []
    for name in READ:
        top = root / name
        if top.is_symlink():
            found.append(top)
            continue
        for folder, dirs, files in os.walk(top):
            here = Path(folder)
            found += [here / n for n in sorted(dirs + files) if (here / n).is_symlink()]
            dirs.sort()
    return sorted(found)


def within(root: Path, path: Path) -> Path | None:
    """`path` made lexically normal, if it stays inside `root` with no symbolic link on the way."""
    normal = Path(os.path.normpath(path if path.is_absolute() else root / path))
    base = Path(os.path.normpath(root))
    if normal == base or not normal.is_relative_to(base):
        return None
    step = base
    for part in normal.relative_to(base).parts:
        step = step / part
        if step.is_symlink():
            return None
    return normal


def hidden(root: Path, path: Path) -> bool:
    """In a hidden folder (`.git/`), a hidden file, or the build output (`site/`)."""
    parts = path.relative_to(Path(os.path.normpath(root))).parts
    return any(p.startswith(".") for p in parts) or (bool(parts) and parts[0] == OUTPUT)


def image_problem(root: Path, path: Path, extra: dict[str, tuple[bytes, ...]] | None = None) -> \
        tuple[Path | None, str, str]:
    """(the file to read, '', '') for a publishable image of the project, else (None, why not, a
    diagnostic code: image-outside, image-hidden, image-missing or image-type).

    `extra` admits more kinds (the PDF cover's emblem may be SVG: it is drawn into the PDF,
    never published as a file)."""
    kinds = {**IMAGE_SIGNATURES, **(extra or {})}
    normal = within(root, path)
    if normal is None:
        return None, "berada di luar folder proyek atau melalui tautan simbolik", "image-outside"
    if hidden(root, normal):
        return None, "berada di folder tersembunyi atau di folder hasil (site/)", "image-hidden"
    if not normal.is_file():
        return None, "tidak ditemukan", "image-missing"
    signatures = kinds.get(normal.suffix.lower())
    if signatures is None:
        names = ", ".join(sorted({k[1:].upper() for k in kinds if k != ".jpeg"}))
        return None, f"bukan berkas gambar yang diterima ({names})", "image-type"
    with normal.open("rb") as f:
        head = f.read(16)
    if not any(head.startswith(s) for s in signatures) or (normal.suffix.lower() == ".webp" and head[8:12] != b"WEBP"):
        return None, f"isinya bukan gambar {normal.suffix[1:].upper()}", "image-type"
    return normal, "", ""
