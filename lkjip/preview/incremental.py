"""Rebuilding after a save with no more work than gives the site a full build would give.

The preview keeps two states between builds: the report after COMPUTE (`_Base`, with the
signature of every file it read) and the last complete site (`_Good`). After a save:

- a file of data/ or layouts/ changed, or a chapter was added, removed or renamed: every stage
  runs again (the figures and the templates are inputs of everything);
- otherwise the figures are kept and CHECK runs again on all chapters (cheap: the chapters'
  quotes and judging words are compared with the data, and the corrections are numbered across
  the whole report, so one chapter's edit can renumber another's marks);
- then only the edited chapters are rendered from Markdown (`onepage`). If nothing other pages
  show of the chapters changed (`shared`: every chapter's title, file, the tables and charts it
  places, the readers' tables, the note marks and corrections apart from the line they stand
  on, the images), only the edited pages and the search index are written again, the other
  files kept. Else, if the other chapters render as before (`bodies`), the whole site is laid
  out again around their kept bodies (`assemble`). Else RENDER runs whole.

A chapter counts as edited when its text differs from the text of the last complete site. A
report with a revised edition (its Lembar Ralat compares every page with the signed revision)
always renders whole.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..check.corrections import Koreksi
from ..check.findings import Pemeriksaan, Temuan
from ..diagnostics import NOWHERE, BuildFailed, Collector, Diagnostic
from ..domain import SUBJECTS
from ..domain.laporan import LAPORAN
from ..pipeline import STEPS, Options, Result, Stage, StageRun
from ..project import Project
from ..render.chapters import Chapter
from ..render.order import reading_order
from ..render.templates import TemplateProblem, Templates
from ..source.markdown import BlockKind
from . import assemble
from .onepage import SEARCH_INDEX, Mismatch, chapter_page, page_file, search_index
from .watch import Signature, scan


@dataclass(frozen=True)
class Work:
    """What one build did: the stages it ran, the chapters' pages it rendered from Markdown (None: all
    of them), whether it laid out every file of the site again, and why it rendered every chapter
    (empty when it did not)."""

    stages: tuple[Stage, ...]
    pages: tuple[str, ...] | None
    whole_site: bool = True
    why_whole: str = ""


@dataclass(frozen=True)
class _Base:
    state: Result                   # reached COMPUTE
    items: tuple[Diagnostic, ...]   # the diagnostics so far, in the order they were found
    inputs: Signature               # every watched file but the chapters, as it was before reading
    chapters: frozenset[str]


@dataclass(frozen=True)
class _Good:
    base: _Base
    result: Result
    texts: dict[str, list[str]]    # file -> its lines
    shared: tuple[object, ...]


def is_chapter(path: str) -> bool:
    """A chapter as `Project.content_files` finds one: a .md file directly in content/."""
    return path.startswith("content/") and path.endswith(".md") and path.count("/") == 1


class Incremental:
    """The preview's builds, for the preview's options only (no PDF, nothing written)."""

    def __init__(self, project: Project, options: Options):
        assert not options.pdf and not options.write, "the short path renders no PDF and writes nothing"
        self.project, self.options = project, options
        self.base: _Base | None = None
        self.good: _Good | None = None
        self.templates: Templates | None = None
        self.work: Work | None = None

    def build(self) -> Result:
        """Raises BuildFailed like `pipeline.run`; `self.work` says what was done."""
        inputs = scan(self.project)
        chapters = frozenset(p for p in inputs if is_chapter(p))
        rest = {p: s for p, s in inputs.items() if p not in chapters}
        stages: list[Stage] = []
        self.work = Work((), None)
        base = self.base
        if base is None or base.inputs != rest or base.chapters != chapters:
            self.base = self.good = self.templates = None
            run = self._run(())
            stages += [Stage.LOAD, Stage.COMPUTE]
            self.work = Work(tuple(stages), None, True, "data, tata letak atau daftar bab berubah")
            state = _steps(Result(), run, Stage.LOAD, Stage.COMPUTE)
            base = self.base = _Base(state, tuple(run.collector.items), rest, chapters)
        run = self._run(base.items)
        stages.append(Stage.CHECK)
        self.work = Work(tuple(stages), None, True, self.work.why_whole)
        state = _steps(base.state, run, Stage.CHECK, Stage.CHECK)
        why = self.work.why_whole or self._why_whole(base, state)
        if not why:
            try:
                state, self.work = self._short(state, run, tuple(stages))
            except Mismatch as mismatch:
                why = f"halaman tidak dapat disusun sendiri: {mismatch}"
        if why:
            stages.append(Stage.RENDER)
            self.work = Work(tuple(stages), None, True, why)
            state = _steps(state, run, Stage.RENDER, Stage.WRITE)
        else:
            state = _steps(state, run, Stage.PRINT, Stage.WRITE)
        result = replace(state, diagnostics=sorted(run.collector.items, key=Diagnostic.sort_key))
        self.good = _Good(base, result, {c.file: c.parsed.lines for c in result.chapters}, shared(result))
        return result

    def _run(self, items: Sequence[Diagnostic]) -> StageRun:
        return StageRun(self.project, self.options, SUBJECTS, Collector(list(items)))

    def _why_whole(self, base: _Base, state: Result) -> str:
        """Why every chapter must be rendered again; empty when the edited ones may be rendered alone."""
        good = self.good
        if good is None or good.base is not base:
            return "belum ada susunan lengkap dari data ini"
        lap = state.need_report().need(LAPORAN)
        if lap.ditandatangani is not None and lap.ditandatangani.revisi:
            return "edisi revisi: Lembar Ralat membandingkan setiap halaman"
        return ""

    def _short(self, state: Result, run: StageRun, stages: tuple[Stage, ...]) -> tuple[Result, Work]:
        """The edited chapters rendered again, the others' pages kept; then either only the edited pages
        and the search index written again (nothing other pages show changed), or the whole site laid
        out around the kept bodies (`assemble`: the other chapters render as before). Raises Mismatch
        when neither gives what a full render gives."""
        good = self.good
        assert good is not None and state.view is not None
        if self.templates is None:
            self.templates = Templates(self.project)
        chapters = list(state.chapters)
        edited = [i for i, c in enumerate(chapters) if good.texts.get(c.file) != c.parsed.lines]
        alone = shared(state) == good.shared
        kept = {chapters[i].file for i in range(len(chapters)) if i not in edited}
        if not alone and bodies(state, kept) != bodies(good.result, kept):
            raise Mismatch("tabel, gambar atau tanda catatan pemeriksaan bab lain berubah")
        old = {p.file: p for p in good.result.pages}
        pages = [old[c.file] for c in chapters]
        try:
            for i in edited:
                pages[i] = chapter_page(chapters, i, state.view.marks, state, self.templates, old[chapters[i].file])
            if alone:
                files = dict(good.result.files)
                for i in edited:
                    files[pages[i].path] = page_file(pages[i], pages, state, self.templates, with_pdf=self.options.pdf)
                if edited:
                    files[SEARCH_INDEX] = search_index(pages)
            else:
                files = assemble.site(self.project, pages, state, SUBJECTS, self.templates, run.collector,
                                      with_pdf=self.options.pdf)
        except TemplateProblem as exc:
            run.collector.add(exc.diagnostic)
            failed = BuildFailed(run.collector.items)
            failed.state = replace(state, diagnostics=failed.diagnostics)
            raise failed from None
        except BuildFailed as failed:
            failed.state = replace(state, diagnostics=failed.diagnostics)
            raise
        state = replace(state, pages=pages, files=files, output=None, kept={}, ralat=None, reached=Stage.RENDER)
        return state, Work(stages, tuple(pages[i].path for i in edited), not alone)


def _steps(state: Result, run: StageRun, first: Stage, last: Stage) -> Result:
    """The pipeline's own steps from `first` to `last`, as `pipeline.run` runs them."""
    for stage, step in STEPS:
        if first <= stage <= last:
            try:
                state = replace(step(state, run), reached=stage)
            except BuildFailed as failed:
                failed.state = replace(state, diagnostics=failed.diagnostics)
                raise
    return state


def shared(state: Result) -> tuple[object, ...]:
    """What pages other than a chapter's own show of the chapters (see the module's docstring).
    Positions are left out: an edit that moves a quote down a line changes only its own page."""
    view = state.view
    assert view is not None
    return (tuple(_chapter(c) for c in state.chapters), _marks(view.marks),
            tuple(_plain(k) for k in state.corrections.items), view.tables, dict(view.additions),
            state.images)


def bodies(state: Result, kept: set[str]) -> tuple[object, ...]:
    """What the site rendering of the chapters in `kept` (unedited) depends on besides their own text:
    the tables and charts every chapter places (a table placed again is anchored by the count of
    earlier placements; charts are numbered through the report in reading order), the readers'
    tables, and the number of the note mark at each place in those chapters and in the tables."""
    view = state.view
    assert view is not None
    placed = tuple((c.file, tuple(c.tables), _charts(c)) for c in state.chapters)
    order = tuple(p.page.file for p in reading_order(state.chapters))
    numbers = tuple((t.nomor, k.cell, k.quote) for t in view.marks.temuan for k in t.tempat
                    if k.quote is None or k.quote[0] in kept)
    return placed, order, numbers, view.tables


def _charts(c: Chapter) -> tuple[str, ...]:
    return tuple(getattr(obj, "id", "") for kind, obj in c.blocks.values() if kind == BlockKind.GRAFIK)


def _chapter(c: Chapter) -> tuple[object, ...]:
    return (c.file, c.slug, c.title, c.kind, tuple(c.tables), _charts(c))


def _marks(marks: Pemeriksaan) -> tuple[object, ...]:
    def plain(t: Temuan) -> tuple[object, ...]:
        return (t.nomor, t.alasan, tuple(_plain(k) for k in t.tempat))
    return (tuple(map(plain, marks.temuan)), tuple(map(_plain, marks.pembulatan)), marks.tambahan,
            tuple(map(plain, marks.penulisan)))


def _plain(k: Koreksi) -> Koreksi:
    return replace(k, loc=NOWHERE, quote=(k.quote[0], 0, 0) if k.quote else None)
