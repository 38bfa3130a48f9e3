"""Where a report's folders are, and the sorted discovery of its files.

The same code builds any office's report: everything specific lives under the project
folder (`content/`, `data/`, optionally `layouts/`); the package ships default layouts.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_LAYOUTS = Path(__file__).resolve().parent.parent / "layouts"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def layouts_dir(self) -> Path:
        own = self.root / "layouts"
        return own if own.is_dir() else PACKAGE_LAYOUTS

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def data_files(self) -> list[Path]:
        if not self.data_dir.is_dir():
            return []
        return sorted(p for p in self.data_dir.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())

    def content_files(self) -> list[Path]:
        if not self.content_dir.is_dir():
            return []
        return sorted(p for p in self.content_dir.iterdir() if p.suffix == ".md" and p.is_file())
