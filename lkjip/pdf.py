"""The print PDF: one HTML document of the whole report through WeasyPrint.

WeasyPrint is imported only when a PDF is made (it is the slow, heavy part). It may read
only files of the project and its layouts, never the network; a file the report's own
layouts do not have (a font, say) comes from the default theme, as templates do. Its log
warnings become our diagnostics. The PDF identifier is derived from the input, so the same
report gives the same bytes.

The PDF is made as PDF/UA-1 (tagged, with its language, title and XMP metadata), and
carries page labels (/PageLabels) matching the printed folios: "Sampul" for the cover,
i, ii, ... for the front matter, 1, 2, ... from the first chapter, so a viewer's page box
shows the number printed on the page. WeasyPrint does not write page labels itself; its
`finisher` hook adds them to the catalogue before the file is written, with pydyf,
which WeasyPrint already uses: no second PDF library rewrites the file.

A document whose laid-out pages leave the last rows of a table alone on a near-empty page
is laid out a second time with those tables set tighter (`lkjip.pagination`); the second
layout is kept only when it has fewer pages.

Same input, same bytes, on any one machine: WeasyPrint subsets the fonts with HarfBuzz-Subset
where the system has it, and otherwise with fontTools, which stamps each subset font with
the current time; that time is fixed here (SOURCE_DATE_EPOCH, the reproducible-builds
convention fontTools honours), so both ways give the same bytes run after run. The two ways
give different bytes from each other (measured: 484.790 and 484.850 bytes for the bundled
report, in the same time), so a machine without HarfBuzz-Subset is told once, as a note
about the machine, not as a warning about the report: WeasyPrint's own log line named
`layouts/print.html`, a file the author never touched, and failed `--strict`.
"""
from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from .diagnostics import Diagnostic, Loc, warning
from .source.inputs import hidden, within

FONT_EPOCH = "0"
"""The time written into subset fonts when fontTools makes them (unless SOURCE_DATE_EPOCH is set)."""
NO_HARFBUZZ_SUBSET = ("PDF dibuat tanpa pustaka HarfBuzz-Subset (fontTools dipakai untuk huruf): isinya sama dan "
                      "tetap sama setiap kali disusun di mesin ini, tetapi berkasnya tidak sama byte demi byte dengan "
                      "PDF dari mesin yang memiliki pustaka itu. Pasang: apt-get install libharfbuzz-subset0")
_MACHINE = ("HarfBuzz-Subset", "install", "Install", "version")
"""Words of WeasyPrint's log lines that are about the machine's libraries, not about the report."""


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
    inside = within(root, path)
    return inside if inside is not None and not hidden(root, inside) and inside.is_file() else None


def _fetcher(layouts: list[Path], root: Path, media: dict[str, bytes]) -> Any:
    import weasyprint

    class ProjectOnlyFetcher(weasyprint.URLFetcher):
        """Local files of the project and its layouts only: no network, nothing else on disk."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(os.path.normpath(unquote(parsed.path)))  # as written: a link is not followed
                relative = path.relative_to(layouts[0]).as_posix() if path.is_relative_to(layouts[0]) else None
                if relative in media:  # published images, served from the output map
                    kind = mimetypes.guess_type(relative)[0] or "application/octet-stream"
                    return weasyprint.urls.URLFetcherResponse(url, media[relative], {"Content-Type": kind})
                found = _resolve(path, layouts, root)
                if found is not None:
                    return super().fetch(found.as_uri(), headers)
            raise ValueError(f"akses ditolak: {url}")

    return ProjectOnlyFetcher(allowed_protocols=["file"])


def page_labels(anchors: list[set[str]], arabic_from: str) -> list[tuple[int, dict[str, str]]]:
    """Label ranges (first page index, style): the cover, roman front matter, arabic from the page
    holding `arabic_from`. A document without such a page is numbered in roman after the cover."""
    ranges: list[tuple[int, dict[str, str]]] = [(0, {"P": "Sampul"})]
    arabic = next((i for i, names in enumerate(anchors) if arabic_from in names), None)
    if len(anchors) > 1 and arabic != 1:
        ranges.append((1, {"S": "r"}))
    if arabic is not None and arabic > 0:
        ranges.append((arabic, {"S": "D"}))
    return ranges


def _label_finisher(arabic_from: str) -> Any:
    import pydyf

    def finish(document: Any, pdf: Any) -> None:
        ranges = page_labels([set(page.anchors) for page in document.pages], arabic_from)
        nums: list[Any] = []
        for index, style in ranges:
            entry = pydyf.Dictionary({"S": f"/{style['S']}"} if "S" in style else {"P": pydyf.String(style["P"])})
            nums += [index, entry]
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(nums)})
        pdf.catalog["PageMode"] = "/UseOutlines"
    return finish


def machine_notes(messages: list[str]) -> tuple[list[str], list[str]]:
    """WeasyPrint's log lines split into (about the report, about the machine), each once; the
    machine's in plain words where we know them."""
    report, machine = [], []
    for m in dict.fromkeys(messages):
        if "HarfBuzz-Subset" in m:
            machine.append(NO_HARFBUZZ_SUBSET)
        elif any(word in m for word in _MACHINE):
            machine.append(f"WeasyPrint: {m}")
        else:
            report.append(m)
    return report, list(dict.fromkeys(machine))


def make_pdf(html: str, layout_dirs: list[Path], project_root: Path, label: str,
             media: dict[str, bytes] | None = None, arabic_from: str = "") -> \
        tuple[bytes, list[Diagnostic], list[str]]:
    """The PDF, the warnings about the report, and the notes about the machine.

    `media` maps image paths (media/...) to their bytes, so the PDF shows the site's images (and the
    cover emblem); `arabic_from` is the anchor of the section whose first page is numbered 1."""
    import weasyprint

    from . import pagination

    layouts = [d.resolve() for d in layout_dirs]
    capture = _Capture()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or FONT_EPOCH
    try:
        identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()
        options = {"pdf_identifier": identifier, "pdf_variant": "pdf/ua-1"}
        fetcher = _fetcher(layouts, project_root.resolve(), media or {})

        def lay_out(markup: str) -> Any:
            return weasyprint.HTML(string=markup, base_url=str(layouts[0]) + "/", url_fetcher=fetcher).render(**options)
        document = lay_out(html)
        tails = pagination.tails([pagination.laid(p) for p in document.pages])
        if tails:
            tighter = lay_out(pagination.tighten(html, tails))
            if len(tighter.pages) < len(document.pages):
                document = tighter
        data = document.write_pdf(finisher=_label_finisher(arabic_from), **options)
    finally:
        logger.removeHandler(capture)
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    report, machine = machine_notes(capture.messages)  # a message of both layouts is given once
    return data, [warning(Loc(label), f"WeasyPrint: {m}", "", "pdf") for m in report], machine
