"""Which folders under SUMBER are reports, and where each one goes in the portal.

A report is any folder holding `data/laporan.yaml`, at any depth. Its place in the portal is
`<instansi-slug>/<tahun>/`, read from that file before anything is built, so two reports of
one office and year are refused before either is built, naming both folders.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..source.markdown import slugify

RESERVED = frozenset({"assets", "data"})
"""Top-level folders of the portal itself: an office whose slug is one of these gets a prefix."""
INSIDE_A_REPORT = frozenset({"content", "data", "layouts", "site"})


class PortalError(Exception):
    """A mistake in what the portal was given: one Indonesian message and a hint, exit status 1."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Source:
    folder: Path
    rel: str
    """The folder relative to SUMBER, as messages name it."""
    instansi: str
    tahun: int | None
    jenis: str

    @property
    def slug(self) -> str:
        slug = slugify(self.instansi)
        return f"instansi-{slug}" if slug in RESERVED else slug

    @property
    def year(self) -> str:
        return str(self.tahun) if self.tahun is not None else "tanpa-tahun"

    @property
    def key(self) -> str:
        """Its place in the portal, `kecamatan-contoh/2025`: also the order of building and sharding."""
        return f"{self.slug}/{self.year}"

    @property
    def summary_name(self) -> str:
        return f"{self.slug}-{self.year}.json"


def discover(root: Path, output: Path) -> list[Source]:
    """Every report under `root`, sorted by its place in the portal; hidden folders, site/ and the
    output folder are skipped, and so are a report's own data/, content/ and layouts/."""
    if not root.is_dir():
        raise PortalError(f"SUMBER '{root}' bukan folder", "sebutkan folder yang memuat laporan-laporan")
    skip = output.resolve()
    found: list[Source] = []
    for here, dirs, _files in os.walk(root):
        folder = Path(here)
        is_report = (folder / "data" / "laporan.yaml").is_file()
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "site" and (folder / d).resolve() != skip
                         and not (is_report and d in INSIDE_A_REPORT))
        if is_report:
            found.append(_source(root, folder))
    if not found:
        raise PortalError(f"tidak ada laporan di '{root}'",
                          "sebuah laporan adalah folder yang memuat data/laporan.yaml (pada kedalaman berapa pun)")
    found.sort(key=lambda s: (s.key, s.rel))
    _refuse_twins(found)
    return found


def _source(root: Path, folder: Path) -> Source:
    rel = folder.relative_to(root).as_posix()
    head = _identity(folder / "data" / "laporan.yaml")
    instansi = head["instansi"] if isinstance(head.get("instansi"), str) else None
    tahun = head.get("tahun") if isinstance(head.get("tahun"), int) else None
    jenis = head["jenis"] if isinstance(head.get("jenis"), str) else ""
    # a report whose identity cannot be read still has a place (named after its folder): its build
    # then fails with the validator's own message, and the portal lists it
    return Source(folder, rel, instansi or slugify(rel if rel != "." else folder.name), tahun, jenis)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _identity(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader, in C where there is one
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    return data if isinstance(data, dict) else {}


def _refuse_twins(found: list[Source]) -> None:
    by_key: dict[str, list[Source]] = {}
    for s in found:
        by_key.setdefault(s.key, []).append(s)
    twins = [group for group in by_key.values() if len(group) > 1]
    if twins:
        lines = "; ".join(f"{g[0].instansi} tahun {g[0].year}: " + " dan ".join(f"'{s.rel}'" for s in g)
                          for g in twins)
        raise PortalError(f"dua laporan untuk instansi dan tahun yang sama: {lines}",
                          "setiap instansi hanya boleh memiliki satu laporan per tahun; hapus atau pindahkan salah "
                          "satunya dari SUMBER")
