"""The build cache: a build whose inputs have not changed renders nothing and writes nothing.

A finished build is stored under a key made of everything its output depends on
(`fingerprint`): every file under the report's `data/`, `content/` and `layouts/`, the
default theme, lkjip's own code, the versions of the libraries that shape the output, the
build's options and SOURCE_DATE_EPOCH. Images a chapter shows may lie anywhere in the
report folder, so each entry also records the images the build read, with their digests,
and is used only while they are unchanged. An entry is the site's files, the diagnostics
and the notes about the machine; a build that hits it prints the same messages and, when
site/ already holds exactly those files, leaves site/ untouched.

The cache lives outside site/: in `.lkjip-cache/` in the report folder (git-ignored), or
wherever LKJIP_CACHE points (several reports may share one: the key holds every input, so
equal keys mean equal output). An entry is written into a temporary folder and renamed
into place, so a reader sees a whole entry or none, and two builds storing one key at once
leave one of two equal entries; an unreadable entry is a miss, never an error. Only builds
that succeed are stored, and not those of a signed edition, which read a Git revision by
name. `--tanpa-cache` bypasses it; the newest KEEP entries per cache folder are kept.

Besides entries, a build leaves hints for the next build of the same folder (`Store.hint`): which
tables its PDF set tighter, and the digest of everything that decision was made on (the sections
it laid out, their images and `layout_setting`). The next build takes the decision as it is when
that digest is unchanged, and otherwise lays out the whole document on it as a prediction while it
decides again. A hint can only make a build faster: the output is decided by the same rule either way.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from .diagnostics import Diagnostic, Loc
from .project import Project, default_layouts

FOLDER = ".lkjip-cache"
ENVIRONMENT = "LKJIP_CACHE"
KEEP = 8
STALE = 3600
"""Entries kept per cache folder: the newest, so that undoing an edit finds the build before it."""
LIBRARIES = ("weasyprint", "pydyf", "fonttools", "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml")
_SKIP = {"__pycache__", ".git"}


@dataclass(frozen=True)
class Cached:
    """What a stored build gives back: the site's files, its diagnostics and the notes about the machine."""

    files: dict[str, bytes]
    diagnostics: list[Diagnostic]
    machine: list[str]


def folder(project: Project) -> Path:
    given = os.environ.get(ENVIRONMENT)
    return Path(given).expanduser().resolve() if given else project.root / FOLDER


def _digest_tree(digest: hashlib._Hash, root: Path, label: str) -> None:
    """Every file under `root` (names and bytes, in sorted order) into `digest`; hidden files and
    folders count too (a build refuses some of them, and a refusal is an output)."""
    if not root.is_dir():
        digest.update(f"{label}: tidak ada\0".encode())
        return
    for path in sorted(root.rglob("*")):
        if any(part in _SKIP for part in path.relative_to(root).parts) or not path.is_file():
            continue
        digest.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())


@cache
def code_version() -> str:
    """lkjip's own code and the versions of the libraries that shape its output."""
    digest = hashlib.sha256(sys.version.encode())
    _digest_tree(digest, Path(__file__).resolve().parent, "lkjip")
    for name in LIBRARIES:
        try:
            digest.update(f"{name}={metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}: tidak ada\0".encode())
    return digest.hexdigest()


def fingerprint(project: Project, options: Mapping[str, object]) -> str:
    """The key of a build of `project` with `options`: every input but the images a chapter shows
    (those an entry checks itself, `Store.load`)."""
    digest = hashlib.sha256(code_version().encode())
    digest.update(json.dumps(sorted(options.items()), default=str).encode())
    digest.update(f"SOURCE_DATE_EPOCH={os.environ.get('SOURCE_DATE_EPOCH', '')}\0".encode())
    for name in ("data", "content", "layouts"):
        _digest_tree(digest, project.root / name, name)
    if default_layouts().resolve() != (project.root / "layouts").resolve():
        digest.update(theme_version().encode())
    return digest.hexdigest()


@cache
def theme_version() -> str:
    """The default theme (templates, stylesheets, fonts), digested once per process."""
    digest = hashlib.sha256()
    _digest_tree(digest, default_layouts(), "tema")
    return digest.hexdigest()


def layout_setting(project: Project) -> str:
    """Everything besides the print HTML and its images that shapes a PDF's layout: lkjip's code, the
    libraries' versions, and the layouts (the report's own and the theme), digested."""
    digest = hashlib.sha256(code_version().encode())
    for where in project.layout_dirs:
        if where.resolve() == default_layouts().resolve():
            digest.update(theme_version().encode())
        else:
            _digest_tree(digest, where, "layouts")
    return digest.hexdigest()


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path) -> str | None:
    try:
        return sha256_of(path.read_bytes())
    except OSError:
        return None


class Store:
    """The cache folder of one build."""

    def __init__(self, project: Project):
        self.project = project
        self.root = folder(project)

    def load(self, key: str) -> Cached | None:
        entry = self.root / key
        try:
            meta = json.loads((entry / "entry.json").read_text("utf-8"))
            if any(file_digest(self.project.root / rel) != wanted for rel, wanted in meta["images"].items()):
                return None
            files = {rel: (entry / "files" / rel).read_bytes() for rel in meta["files"]}
            if any(sha256_of(data) != meta["files"][rel] for rel, data in files.items()):
                return None
            diagnostics = [Diagnostic(d["severity"], Loc(**d["loc"]), d["message"], d["hint"], d["code"])
                           for d in meta["diagnostics"]]
            os.utime(entry)   # the newest used entries are the ones kept
            return Cached(files, diagnostics, list(meta["machine"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, key: str, cached: Cached, images: Mapping[str, str | None]) -> None:
        """Store the entry whole or not at all; a cache that cannot be written only costs the next build time.
        `images` are the digests of the images the build read (project-relative), as it read them."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            if (self.root / key).exists():
                return
            temp = Path(tempfile.mkdtemp(prefix=".baru-", dir=self.root))
            try:
                for rel, data in cached.files.items():
                    target = temp / "files" / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                meta = {"files": {rel: sha256_of(data) for rel, data in sorted(cached.files.items())},
                        "images": dict(sorted(images.items())),
                        "diagnostics": [asdict(d) for d in cached.diagnostics], "machine": cached.machine}
                (temp / "entry.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
                os.replace(temp, self.root / key)
            except OSError:
                shutil.rmtree(temp, ignore_errors=True)
                return
            self._prune()
        except OSError:
            return

    def hint(self, name: str) -> object:
        """A note the previous build of this report left for the next (`remember`), as JSON; it may only
        make a build faster, never change what it makes, so a missing or unreadable one is None."""
        try:
            return json.loads(self._hint_path(name).read_text("utf-8"))
        except (OSError, ValueError):
            return None

    def remember(self, name: str, value: object) -> None:
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            handle, temp = tempfile.mkstemp(prefix=".baru-", dir=self.root)
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(value, out)
            os.replace(temp, self._hint_path(name))
        except OSError:
            return

    def _hint_path(self, name: str) -> Path:
        """One per report folder, even in a cache several reports share."""
        where = hashlib.sha256(str(self.project.root.resolve()).encode()).hexdigest()[:16]
        return self.root / f".{name}-{where}.json"

    def _prune(self) -> None:
        """The newest KEEP entries kept; what a build killed while storing left behind (a temporary
        folder older than STALE seconds: a build storing now is younger) removed."""
        entries = sorted((p for p in self.root.iterdir() if p.is_dir() and not p.name.startswith(".")),
                         key=lambda p: p.stat().st_mtime_ns, reverse=True)
        for old in entries[KEEP:]:
            shutil.rmtree(old, ignore_errors=True)
        now = time.time()
        for temp in self.root.glob(".baru-*"):
            if now - temp.stat().st_mtime > STALE:
                shutil.rmtree(temp, ignore_errors=True) if temp.is_dir() else temp.unlink(missing_ok=True)


def site_holds(site: Path, files: Mapping[str, bytes]) -> bool:
    """Whether site/ holds exactly these files, byte for byte (then a build need not touch it)."""
    if not site.is_dir() or site.is_symlink():
        return False
    present = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() or p.is_symlink()}
    if present != set(files):
        return False
    return all(not (site / rel).is_symlink() and (site / rel).read_bytes() == data for rel, data in files.items())
