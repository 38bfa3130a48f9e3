"""The print PDF: one HTML document of the whole report, laid out and written by the engine.

The engine (`lkjip.print.engine`, WeasyPrint) is imported only when a PDF is made (it is
the slow, heavy part). It may read only files of the project and its layouts, never the
network; a file the report's own layouts do not have (a font, say) comes from the default
theme, as templates do. Its log warnings become our diagnostics, its notes about the machine
are given apart. The PDF identifier is derived from the input, so the same report gives the
same bytes.

The PDF is made as PDF/UA-1 (tagged, with its language, title and XMP metadata), and
carries page labels (/PageLabels) matching the printed folios: "Sampul" for the cover,
i, ii, ... for the front matter, 1, 2, ... from the first chapter, so a viewer's page box
shows the number printed on the page. WeasyPrint does not write page labels itself; the
engine adds them to the catalogue before the file is written, with pydyf, which WeasyPrint
already uses: no second PDF library rewrites the file.

A document whose laid-out pages leave the last rows of a table alone on a near-empty page
is laid out a second time with those tables set tighter (`lkjip.print.pagination`); the second
layout is kept only when it has fewer pages.
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..diagnostics import BuildFailed, Diagnostic, Loc, error, warning
from ..source.inputs import hidden, within
from . import engine, jobs
from .document import PrintDocument


def _resolve(path: Path, layouts: list[Path], root: Path) -> Path | None:
    """A requested file inside the layouts (falling back theme by theme) or the project, else None."""
    for base in layouts:
        if path.is_relative_to(base):
            relative = path.relative_to(base)
            return next((d / relative for d in layouts if (d / relative).is_file()), None)
    inside = within(root, path)
    return inside if inside is not None and not hidden(root, inside) and inside.is_file() else None


def _resolver(layouts: list[Path], root: Path, media: dict[str, bytes]) -> engine.Resolve:
    """Local files of the project and its layouts only, and the published images from the output
    map: no network, nothing else on disk."""
    def resolve(url: str) -> Path | engine.InMemory | None:
        parsed = urlparse(url)
        if parsed.scheme != "file":
            return None
        path = Path(os.path.normpath(unquote(parsed.path)))  # as written: a link is not followed
        relative = path.relative_to(layouts[0]).as_posix() if path.is_relative_to(layouts[0]) else None
        if relative in media:
            return engine.InMemory(media[relative], mimetypes.guess_type(relative)[0] or "application/octet-stream")
        return _resolve(path, layouts, root)
    return resolve


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


def make_pdf(document: PrintDocument, layout_dirs: list[Path], project_root: Path, label: str,
             predicted: Sequence[str] = (), found: Callable[[tuple[str, ...]], None] | None = None) -> \
        tuple[bytes, list[Diagnostic], list[str]]:
    """The PDF, the warnings about the report, and the notes about the machine.

    The document's `media` maps image paths (media/...) to their bytes, so the PDF shows the site's
    images (and the cover emblem); its `arabic_from` is the anchor of the section whose first page is
    numbered 1. An engine lkjip cannot measure pages with stops the build (`BuildFailed`) with the
    version to install.

    The document is laid out as it is; where that leaves tables stranded, it is laid out again with
    them set tighter, and the tighter layout is kept when it has fewer pages. `predicted` (the
    tables a previous build found stranded) lets both layouts run at once (`lkjip.print.jobs`);
    without it, the second core lays out the sections where a table may end stranded and starts the
    tighter layout on that guess. A wrong guess only costs the second core its time: the layouts
    compared are always the document as it is and the one tighter for what that one found. `found`
    is told which tables this build found stranded, for the next build's prediction."""
    layouts = [d.resolve() for d in layout_dirs]
    resolve = _resolver(layouts, project_root.resolve(), document.media)
    html = document.html
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode()

    def lay_out(markup: str) -> engine.Document:
        return engine.render(markup, str(layouts[0]) + "/", resolve, identifier, "pdf/ua-1")

    def finish(laid: engine.Document) -> bytes:
        return laid.write_pdf(page_labels([page.anchors for page in laid.pages], document.arabic_from), outlines=True)
    first = jobs.Job(html, lay_out, finish)
    tighter, guessed = None, tuple(predicted) if jobs.parallel() else ()
    if guessed:
        tighter = jobs.Job(document.tighter(guessed), lay_out, finish)
    elif document.probe and jobs.parallel():   # no hint: the second core guesses while the first lays out
        tighter = jobs.Job.guessing(document.probe, document.tighter, lay_out, finish)
    try:
        plain = first.measured()
        messages = list(plain.messages)
        chosen = first
        if tighter is not None and not guessed:
            guessed = tighter.guess().tails
        if plain.tails:
            if tighter is None or guessed != plain.tails:
                jobs.stop_all([tighter])
                tighter = jobs.Job(document.tighter(plain.tails), lay_out, finish)
            tight = tighter.measured()
            messages += tight.messages
            chosen = tighter if tight.pages < plain.pages else first
        jobs.stop_all([job for job in (first, tighter) if job is not chosen])
        written = chosen.written()
    except jobs.JobFailed as failed:
        if failed.kind != "unsupported":
            raise RuntimeError(str(failed)) from None
        raise BuildFailed([error(Loc(label), str(failed), failed.hint, "pdf")]) from None
    finally:
        jobs.stop_all([first, tighter])
    if found is not None:
        found(plain.tails)
    report, machine = engine.machine_notes(messages + list(written.messages))  # each message once
    return written.pdf, [warning(Loc(label), f"WeasyPrint: {m}", "", "pdf") for m in report], machine
