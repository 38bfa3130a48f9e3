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

Where a table's last rows would stand alone on a near-empty page, it is set tighter when that
spares its section a page; this is decided part by part, on layouts of the sections where it may
happen (`lkjip.print.pagination`), and the whole document is laid out once, with what was decided.
"""
from __future__ import annotations

import hashlib
import mimetypes
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..diagnostics import BuildFailed, Diagnostic, Loc, error, warning
from ..source.inputs import hidden, within
from . import engine, jobs, pagination
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


@dataclass(frozen=True)
class Decision:
    """Which tables a build set tighter (`tables`), and the digest of everything that was decided on
    (`key`: the parts' HTML and images and the layout setting), for the next build (`make_pdf`)."""

    key: str
    tables: tuple[str, ...]

    def note(self) -> dict[str, object]:
        return {"kunci": self.key, "padat": list(self.tables)}

    @classmethod
    def read(cls, note: object) -> Decision | None:
        """A decision from its `note`; None where the note is not one (missing, damaged, older)."""
        if not (isinstance(note, dict) and isinstance(note.get("kunci"), str) and isinstance(note.get("padat"), list)):
            return None
        return cls(note["kunci"], tuple(str(t) for t in note["padat"]))


def make_pdf(document: PrintDocument, layout_dirs: list[Path], project_root: Path, label: str,
             previous: Decision | None = None, found: Callable[[Decision], None] | None = None,
             setting: str = "") -> tuple[bytes, list[Diagnostic], list[str]]:
    """The PDF, the warnings about the report, and the notes about the machine.

    The document's `media` maps image paths (media/...) to their bytes, so the PDF shows the site's
    images (and the cover emblem); its `arabic_from` is the anchor of the section whose first page is
    numbered 1. An engine lkjip cannot measure pages with stops the build (`BuildFailed`) with the
    version to install.

    Which tables are set tighter is decided on the document's parts (`lkjip.print.pagination`); the
    whole document is laid out once, with them. `previous` is what the previous build decided: taken
    as it is when it was decided on the same parts in the same `setting` (the digest of the code,
    libraries and layouts, `lkjip.cache.layout_setting`; none given, never), else a prediction. Where
    a second core is spare (`lkjip.print.jobs`), the whole layout starts at once on that prediction
    while the parts are laid out on the other core; without one, the parts are laid out on both cores,
    and the whole layout starts on the tables they find stranded. It starts again only if the decision
    turns out otherwise: the PDF is the same whatever the prediction. `found` is told what was decided."""
    layouts = [d.resolve() for d in layout_dirs]
    resolve = _resolver(layouts, project_root.resolve(), document.media)
    identifier = hashlib.sha256(document.html.encode("utf-8")).hexdigest()[:32].encode()

    def lay_out(markup: str) -> engine.Document:
        return engine.render(markup, str(layouts[0]) + "/", resolve, identifier, "pdf/ua-1")

    key = _decision_key(document, setting) if setting else ""
    known = bool(key) and previous is not None and previous.key == key
    printing = _Printing(document, lay_out)
    try:
        if known or not document.parts:
            decided = previous.tables if known and previous is not None else ()
        else:
            decided = printing.decide(previous.tables if previous is not None else None)
        written = printing.written(decided)
    except jobs.JobFailed as failed:
        if failed.kind != "unsupported":
            raise RuntimeError(str(failed)) from None
        raise BuildFailed([error(Loc(label), str(failed), failed.hint, "pdf")]) from None
    finally:
        printing.stop()
    if found is not None:
        found(Decision(key, decided))
    report, machine = engine.machine_notes(list(written.messages))  # each message once
    return written.pdf, [warning(Loc(label), f"WeasyPrint: {m}", "", "pdf") for m in report], machine


class _Printing:
    """The print jobs of one PDF: the layouts of parts that decide which tables go tighter, and the one
    layout of the whole document (`final`, on the tables `on`), started as soon as a guess allows."""

    def __init__(self, document: PrintDocument, lay_out: Callable[[str], engine.Document]):
        self.document, self.lay_out = document, lay_out
        self.final: jobs.Job | None = None
        self.on: tuple[str, ...] | None = None
        self.measuring: list[jobs.Job] = []

    def _start(self, tables: tuple[str, ...]) -> None:
        if self.final is not None and self.on == tables:
            return
        self.stop_final()
        document, lay_out = self.document, self.lay_out

        def steps(messages: list[str]) -> Iterator[object]:
            laid = lay_out(document.tighter(tables))
            labels = page_labels([page.anchors for page in laid.pages], document.arabic_from)
            yield jobs.Written(laid.write_pdf(labels, outlines=True), tuple(messages))
        self.final, self.on = jobs.Job(steps), tables

    def _measure(self, parts: tuple[str, ...], tables: tuple[str, ...] = ()) -> jobs.Job:
        document, lay_out = self.document, self.lay_out

        def steps(messages: list[str]) -> Iterator[object]:
            laid = lay_out(document.alone(parts, tables))
            anchors = [page.anchors for page in laid.pages]
            yield pagination.PartsLaid(tuple(pagination.laid(page) for page in laid.pages),
                                       tuple(pagination.owners(anchors, parts)))
        job = jobs.Job(steps)
        self.measuring.append(job)
        return job

    def decide(self, predicted: tuple[str, ...] | None) -> tuple[str, ...]:
        """The tables set tighter: those the parts laid out alone leave stranded, where setting them
        tighter spares their part a page. The whole layout runs meanwhile on `predicted` where given."""
        parallel = jobs.parallel()
        if predicted is not None and parallel:
            self._start(predicted)
        runs = pagination.halves(self.document.parts, self.document.part_sizes) \
            if parallel and self.final is None else [self.document.parts]
        measuring = [self._measure(run) for run in runs]
        plain = pagination.PartsLaid.join([job.next(pagination.PartsLaid) for job in measuring])
        stranded = tuple(pagination.tails(plain.pages))
        if parallel and (self.on is None or not (self.on and set(self.on) <= set(stranded))):
            self._start(stranded)      # no prediction, or one already wrong: the guess is that all go tighter
        if not stranded:
            return ()
        holding = pagination.holders(stranded, plain.pages, plain.owners)
        affected = tuple(part for part in self.document.parts if part in holding.values())
        tight = self._measure(affected, stranded).next(pagination.PartsLaid)
        return pagination.kept(holding, plain.owners, tight.owners)

    def written(self, decided: tuple[str, ...]) -> jobs.Written:
        self._start(decided)
        assert self.final is not None
        return self.final.next(jobs.Written)

    def stop_final(self) -> None:
        if self.final is not None:
            self.final.stop()
        self.final, self.on = None, None

    def stop(self) -> None:
        jobs.stop_all([*self.measuring, self.final])


def _decision_key(document: PrintDocument, setting: str) -> str:
    """The digest of everything the decision is made on: the parts' HTML (the tighter HTML follows from
    the same sections), the images, and the setting."""
    digest = hashlib.sha256(f"{setting}\0".encode())
    if document.parts:
        digest.update(document.alone(document.parts).encode("utf-8"))
    for name, data in sorted(document.media.items()):
        digest.update(f"\0{name}\0".encode() + hashlib.sha256(data).digest())
    return digest.hexdigest()
