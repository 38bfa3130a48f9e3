"""The print PDF: one HTML document of the whole report through WeasyPrint.

WeasyPrint is imported only when a PDF is made (it is the slow, heavy part). It may read
only files of the project and its layouts, never the network; a file the report's own
layouts do not have (a font, say) comes from the default theme, as templates do. Its log
warnings become our diagnostics. The PDF identifier is derived from the input, so the same
report gives the same bytes.
"""
from __future__ import annotations

import hashlib
import logging
import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from .diagnostics import Diagnostic, Loc, warning


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _resolve(path: Path, layouts: list[Path], root: Path) -> Path | None:
    """A requested file inside the layouts (falling back theme by theme) or the project, else None."""
    for base in layouts:
        if path.is_relative_to(base):
            relative = path.relative_to(base)
            return next((d / relative for d in layouts if (d / relative).is_file()), None)
    return path if path.is_relative_to(root) and path.is_file() else None


def _fetcher(layouts: list[Path], root: Path, media: dict[str, bytes]) -> Any:
    import weasyprint

    class ProjectOnlyFetcher(weasyprint.URLFetcher):
        """Local files of the project and its layouts only: no network, nothing else on disk."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                relative = path.relative_to(layouts[0]).as_posix() if path.is_relative_to(layouts[0]) else None
                if relative in media:  # published images, served from the output map
                    kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                    return weasyprint.urls.URLFetcherResponse(url, media[relative], {"Content-Type": kind})
                found = _resolve(path, layouts, root)
                if found is not None:
                    return super().fetch(found.as_uri(), headers)
            raise ValueError(f"akses ditolak: {url}")

    return ProjectOnlyFetcher(allowed_protocols=["file"])


def make_pdf(html: str, layout_dirs: list[Path], project_root: Path, label: str,
             media: dict[str, bytes] | None = None) -> tuple[bytes, list[Diagnostic]]:
    """`media` maps the site's image paths (media/...) to their bytes, so the PDF shows the same images."""
    import weasyprint

    layouts = [d.resolve() for d in layout_dirs]
    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    try:
        document = weasyprint.HTML(string=html, base_url=str(layouts[0]) + "/",
                                   url_fetcher=_fetcher(layouts, project_root.resolve(), media or {}))
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
        data = document.write_pdf(pdf_identifier=identifier, pdf_tags=True)
    finally:
        logger.removeHandler(capture)
    return data, [warning(Loc(label), f"WeasyPrint: {m}", "", "pdf") for m in capture.messages]
