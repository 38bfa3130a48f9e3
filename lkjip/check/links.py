"""Links and images of a chapter: only safe schemes, and images that are files of the project.

Links may be http(s), mailto or relative; anything else is refused with its line. An image
must be an image file of the project (`lkjip.source.inputs.image_problem`: no symbolic link,
no hidden folder, PNG, JPEG, GIF or WebP by name and by content), and is published under
`media/` with its path in the project, so two images never share a name.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import quote, unquote

from ..diagnostics import Collector, Diagnostic, Loc, error
from ..domain.laporan import Laporan
from ..project import Project
from ..source.inputs import image_problem
from ..source.markdown import Parsed, Placeholder, url_problem


def check_links(parsed: Parsed, root: Path, base: Path, collector: Collector) -> list[Path]:
    images = []
    for ph in parsed.links:
        token = ph.token
        attr = "src" if token.type == "image" else "href"
        url = str(token.attrs.get(attr, ""))
        problem = url_problem(url)
        loc = Loc(parsed.file, ph.line, ph.column)
        if problem:
            collector.add(error(loc, f"{problem}: '{url}'", "pakai tautan http(s), mailto, atau berkas di proyek",
                                "unsafe-link"))
            token.attrs[attr] = "#"
            continue
        if token.type == "image":
            images += _check_image(url, root, base, loc, collector, ph)
    return images


def _check_image(url: str, root: Path, base: Path, loc: Loc, collector: Collector, ph: Placeholder) -> list[Path]:
    token = ph.token
    if re.match(r"^[a-z][a-z0-9+.-]*:", url.lower()) or url.startswith("/"):
        collector.add(error(loc, f"gambar harus berupa berkas di dalam proyek, ditemukan '{url}'",
                            "simpan gambar di content/gambar/ dan tulis jalur relatif", "image-external"))
        token.attrs["src"] = "#"
        return []
    target, problem, code = image_problem(root, base / unquote(url))
    if target is None:
        collector.add(error(loc, f"gambar '{unquote(url)}' {problem}", "simpan gambar PNG, JPEG, GIF atau WebP di "
                            "folder proyek (mis. content/gambar/) dan tulis jalur relatifnya", code))
        token.attrs["src"] = "#"
        return []
    token.attrs["src"] = quote(media_path(root, target))
    return [target]


def media_path(root: Path, image: Path) -> str:
    """Where a project image is published: `media/` plus its path in the project, so two images
    never share a name (`a/b.png` and `a_b.png` stay apart). `image` is a path `image_problem` gave."""
    return "media/" + image.relative_to(Path(os.path.normpath(root))).as_posix()


EMBLEM_EXTRA: dict[str, tuple[bytes, ...]] = {".svg": (b"<?xml", b"<svg", b"\xef\xbb\xbf<")}
"""The emblem may also be SVG: it is drawn into the PDF, never published as a file of the site."""


def emblem(project: Project, lap: Laporan) -> tuple[Path | None, list[Diagnostic]]:
    """The cover emblem the office put in its project (`lambang` in data/laporan.yaml), if any."""
    if not lap.lambang:
        return None, []
    path, problem, _ = image_problem(project.root, project.root / lap.lambang, EMBLEM_EXTRA)
    if path is not None:
        return path, []
    return None, [error(lap.at("lambang"), f"berkas '{lap.lambang}' {problem}",
                        "simpan gambar lambang di folder proyek, mis. gambar/lambang.png, dan tulis jalurnya",
                        "emblem")]
