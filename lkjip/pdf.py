"""The print PDF: one HTML document of the whole report through WeasyPrint.

WeasyPrint is imported only when a PDF is made (it is the slow, heavy part). It may read
only files of the project and its layouts, never the network, and its log warnings
become our diagnostics. The PDF identifier is derived from the input, so the same
report gives the same bytes.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from .diagnostics import Loc, warning


class _Capture(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def _fetcher(allowed: list[Path], media: dict[str, bytes], base: Path):
    import mimetypes

    import weasyprint
    from urllib.parse import unquote, urlparse

    roots = [p.resolve() for p in allowed]

    class ProjectOnlyFetcher(weasyprint.URLFetcher):
        """Local files of the project and its layouts only: no network, nothing else on disk."""

        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                relative = path.relative_to(base).as_posix() if path.is_relative_to(base) else None
                if relative in media:  # published images, served from the output map
                    kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                    return weasyprint.urls.URLFetcherResponse(url, media[relative], {"Content-Type": kind})
                if any(path.is_relative_to(r) for r in roots):
                    return super().fetch(url, headers)
            raise ValueError(f"akses ditolak: {url}")

    return ProjectOnlyFetcher(allowed_protocols=["file"])


def make_pdf(html: str, layouts_dir: Path, project_root: Path, label: str,
             media: dict[str, bytes] | None = None) -> tuple[bytes, list]:
    """`media` maps the site's image paths (media/...) to their bytes, so the PDF shows the same images."""
    import weasyprint

    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    try:
        document = weasyprint.HTML(string=html, base_url=str(layouts_dir.resolve()) + "/",
                                   url_fetcher=_fetcher([layouts_dir, project_root], media or {},
                                                        layouts_dir.resolve()))
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
        data = document.write_pdf(pdf_identifier=identifier, pdf_tags=True)
    finally:
        logger.removeHandler(capture)
    diags = [warning(Loc(f"{label}/print.html"), f"WeasyPrint: {m}", "", "pdf") for m in capture.messages]
    return data, diags
