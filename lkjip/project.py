"""Where a report's folders are, and the sorted discovery of its files.

The same code builds any office's report: everything specific lives under the project
folder (`content/`, `data/`, optionally `layouts/`). The default theme ships inside the
package; a report's own `layouts/` overrides it file by file, so an office can change one
template or the stylesheet and keep the rest.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, Loc, error
from .source import inputs

_HERE = Path(__file__).resolve().parent


def default_layouts() -> Path:
    """The default theme: `lkjip/layouts` in an installed package, the repository's `layouts/`
    when running from a source checkout (or an editable install)."""
    packaged = _HERE / "layouts"
    return packaged if packaged.is_dir() else _HERE.parent / "layouts"


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
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def layout_dirs(self) -> list[Path]:
        """Where templates, stylesheets and fonts are looked up, the report's own first."""
        own, default = self.root / "layouts", default_layouts()
        dirs = [own] if own.is_dir() and not own.is_symlink() else []
        if not dirs or own.resolve() != default.resolve():
            dirs.append(default)
        return dirs

    @property
    def own_layouts(self) -> bool:
        """Whether the report overrides the default theme: then its templates are the author's to check."""
        return len(self.layout_dirs) > 1 or self.layout_dirs[0] != default_layouts()

    def layout_file(self, name: str) -> Path | None:
        return next((d / name for d in self.layout_dirs if (d / name).is_file() and not (d / name).is_symlink()), None)

    def relative(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def label(self, path: Path) -> str:
        """How a layout file is named in messages: project-relative, or 'layouts/...' for the default theme."""
        rel = self.relative(path)
        if rel != path.as_posix():
            return rel
        try:
            return "layouts/" + path.resolve().relative_to(default_layouts().resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def links(self) -> list[Diagnostic]:
        """Symbolic links among the folders a build reads, each an error: they are refused, not followed."""
        return [error(Loc(self.relative_lexical(link)), f"tautan simbolik tidak diizinkan (menunjuk ke "
                      f"'{os.readlink(link)}')", "salin berkas atau folder itu ke dalam proyek; tautan tidak "
                      "diikuti, agar laporan hanya memuat berkas proyek ini sendiri", "symlink")
                for link in inputs.links(self.root)]

    def relative_lexical(self, path: Path) -> str:
        """`path` relative to the report folder, as written (a link is named, not its target)."""
        return path.relative_to(self.root).as_posix()

    def data_files(self) -> list[Path]:
        return self.yaml_files(self.data_dir)

    def data_folders(self) -> list[Path]:
        if not self.data_dir.is_dir() or self.data_dir.is_symlink():
            return []
        return sorted(p for p in self.data_dir.iterdir()
                      if p.is_dir() and not p.is_symlink() and not p.name.startswith("."))

    @staticmethod
    def yaml_files(folder: Path) -> list[Path]:
        if not folder.is_dir() or folder.is_symlink():
            return []
        return sorted(p for p in folder.iterdir()
                      if p.suffix in (".yaml", ".yml") and p.is_file() and not p.is_symlink())

    def content_files(self) -> list[Path]:
        if not self.content_dir.is_dir() or self.content_dir.is_symlink():
            return []
        return sorted(p for p in self.content_dir.iterdir() if p.suffix == ".md" and p.is_file() and not p.is_symlink())
