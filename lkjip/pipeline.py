"""The named stages in order: load and validate, compute, check, render, pdf, write.

The check stage compares every printed figure with the computed one, in tables and in the
chapters' quotes, and numbers the differences as the readers' corrections
(`lkjip.check.corrections`), before anything is rendered: the markers need their numbers.

Each stage collects all of its problems; the pipeline stops between stages when there
are errors, so figures are never computed on invalid data and nothing is written unless
everything succeeded. Only this module knows all stages.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from . import isian
from .check.compare import Difference, PrintedCell, cell_differences
from .check.corrections import Corrections, collect
from .check.links import emblem
from .core.catalog import Catalog
from .core.compute import Figures, compute_all, plan
from .core.model import Report
from .core.subject import PageInfo, Subject, reasons_of
from .core.validate import load_report
from .diagnostics import BuildFailed, Collector, Diagnostic, Loc, error
from .domain import SUBJECTS
from .domain.laporan import LAPORAN, rounding_note
from .output import OutputRefused, clean_stale, locked, refuse_link, write_tree
from .project import Project
from .render.chapters import Chapter, Page, load_chapters
from .render.readers import ReadersView, readers_view

if TYPE_CHECKING:   # the stages after CHECK import what they use when they run: `check` never loads them
    from .diff.revision import Revision
    from .record.edition import Ralat
    from .render.site import Output
    from .render.templates import Templates
    from .views.tables import Table


class Stage(IntEnum):
    """The named stages, in order. `run(..., until=stage)` stops after one; a command is a stage
    limit plus a writer (`check` stops after RENDER, without PRINT or WRITE)."""

    LOAD = 1       # the folder, every data file read and validated
    COMPUTE = 2    # figures, the catalog, each subject's checks, printed table cells against computed ones
    CHECK = 3      # chapters read, quotes compared, corrections numbered, the readers' view
    RENDER = 4     # the site's pages and files
    PRINT = 5      # the PDF (when asked)
    WRITE = 6      # site/ replaced (when asked)


@dataclass(frozen=True)
class Options:
    pdf: bool = True
    strict: bool = False
    write: bool = True
    html: bool = True          # False (`pdf` command): only the PDF in site/ is replaced, the rest kept
    keep_pdf: bool = False     # `html` command: a PDF already in site/ is kept (and linked) though not rebuilt
    waiting: Callable[[], None] | None = None  # told when another build of the folder holds its lock
    editions: bool = True      # compare a signed report with its signed revision (False where that loads it)
    check_only: bool = False   # `check`: RENDER runs only where it can find a problem (own templates, an edition)
    cache: bool = True         # a build whose inputs are unchanged is taken from the cache (`lkjip.cache`)


@dataclass(frozen=True)
class Result:
    """The state the stages build, each adding to it: what `run` returns, and what a failure carries
    (`BuildFailed.state`) as far as it got, so the diff never computes it twice."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: Report | None = None
    figures: Figures | None = None
    catalog: Catalog | None = None
    pages: list[Page] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)
    corrections: Corrections = field(default_factory=Corrections)
    """Every place where the data give another figure than the signed document printed (for the
    author report, and for readers' Catatan Pemeriksaan where the office shows it)."""
    machine: list[str] = field(default_factory=list)
    """Notes about the machine that built the report (a missing optional library and what it costs),
    kept apart from the report's diagnostics: they are not the author's to fix and never fail --strict."""
    tables: dict[str, Table] = field(default_factory=dict)
    """The tables as readers see them (a signed report's printed values in place)."""
    reached: Stage | None = None
    """The last stage completed."""
    differences: tuple[Difference, ...] = ()
    printed: tuple[PrintedCell, ...] = ()
    """Every cell the signed document printed, agreeing with the data or not."""
    chapters: tuple[Chapter, ...] = ()
    images: tuple[Path, ...] = ()
    view: ReadersView | None = None
    output: Output | None = None
    kept: dict[str, bytes] = field(default_factory=dict)
    """Files of the previous site/ that a partial build (`pdf`, `html`) leaves as they were."""
    ralat: Ralat | None = None
    from_cache: bool = False
    """The build's inputs were those of a stored build: nothing was rendered (`lkjip.cache`)."""

    def need_report(self) -> Report:
        assert self.report is not None, "LOAD comes first"
        return self.report

    def need_figures(self) -> Figures:
        assert self.figures is not None, "COMPUTE comes first"
        return self.figures

    def need_catalog(self) -> Catalog:
        assert self.catalog is not None, "COMPUTE comes first"
        return self.catalog


@dataclass
class StageRun:
    """What every stage of one run shares: the folder, the options, the subjects, the diagnostics."""

    project: Project
    options: Options
    subjects: Sequence[Subject]
    collector: Collector = field(default_factory=Collector)


def _load(state: Result, run: StageRun) -> Result:
    project, collector = run.project, run.collector
    if not project.root.is_dir():
        collector.add(error(Loc(str(project.root)), "folder proyek tidak ditemukan", "", "no-project"))
        collector.raise_if_errors()
    collector.extend(project.links())
    collector.raise_if_errors()
    report = load_report(project, run.subjects, collector)
    collector.raise_if_errors()
    assert report is not None
    collector.extend(isian.in_data(report.documents))
    return replace(state, report=report)


def _compute(state: Result, run: StageRun) -> Result:
    report, subjects, collector = state.need_report(), run.subjects, run.collector
    ordered = plan([f for s in subjects for f in s.figures], [x for s in subjects for x in s.sources])
    figures = compute_all(report, ordered)
    catalog = Catalog.of(report, figures, subjects)
    state = replace(state, figures=figures, catalog=catalog)
    collector.extend(catalog.problems() + catalog.layout_problems())
    collector.raise_if_errors()
    for subject in subjects:
        collector.extend(subject.checks(report, figures))
    printed = [p for s in subjects for p in s.printed(report)]
    errors, cells = cell_differences(catalog.available_tables(full=True), printed)
    collector.extend(errors)
    state = replace(state, differences=tuple(cells), printed=tuple(printed))
    collector.raise_if_errors()
    return state


def _check(state: Result, run: StageRun) -> Result:
    project, collector, report, catalog = run.project, run.collector, state.need_report(), state.need_catalog()
    collector.extend(isian.in_chapters(project))
    chapters, images = load_chapters(project, catalog, collector)
    collector.extend(emblem(project, report.need(LAPORAN))[1])
    collector.extend(_page_names(chapters))
    state = replace(state, chapters=tuple(chapters), images=tuple(images))
    collector.raise_if_errors()
    for subject in run.subjects:
        collector.extend(subject.page_checks(report, [_info(c) for c in chapters]))
    given = reasons_of(run.subjects)
    corrections, problems = collect([c.order() for c in chapters], list(state.differences),
                                    catalog.available_tables(full=True), given.reasons(report) if given else {},
                                    given.file.path if given else "")
    collector.extend(problems)
    view = readers_view(report.need(LAPORAN), catalog, list(state.printed), corrections, chapters,
                        given.writing_only(report) if given else frozenset())
    collector.extend(view.problems)
    state = replace(state, corrections=corrections, view=view, tables=view.tables)
    collector.raise_if_errors()
    return state


def _page_names(chapters: Sequence[Chapter]) -> list[Diagnostic]:
    """A chapter whose page would have the name of one of the site's own pages (content/50-cari.md)."""
    from .render.identity import SITE_PAGES
    return [error(Loc(c.file), f"dua sumber menulis berkas keluaran yang sama: '{c.slug}.html'",
                  "ganti nama salah satu file di content/", "output-clash")
            for c in chapters if f"{c.slug}.html" in SITE_PAGES]


def analyse(project: Project, collector: Collector, subjects: Sequence[Subject] = SUBJECTS) -> \
        tuple[Report, Figures, Catalog]:
    """Load, validate, compute and check the tables: everything `kunci` and `baru` need."""
    run_ = StageRun(project, Options(pdf=False, write=False), subjects, collector)
    state = _compute(_load(Result(), run_), run_)
    return state.need_report(), state.need_figures(), state.need_catalog()


def run(project: Project, options: Options, subjects: Sequence[Subject] = SUBJECTS,
        until: Stage = Stage.WRITE) -> Result:
    """Run the stages up to `until` (PRINT only with `options.pdf`, WRITE only with `options.write`).
    Raises BuildFailed on errors, carrying the state as far as it got.

    A build that writes holds the report folder's lock from reading the previous site/ to the
    swap, so two builds of one folder take turns instead of removing each other's files."""
    if not options.write or until < Stage.WRITE or not project.root.is_dir():
        return _run(project, options, subjects, until)
    try:
        refuse_link(project.site_dir)
    except OutputRefused as exc:
        raise BuildFailed([error(Loc(project.site_dir.name), exc.message, exc.hint, "site-link")]) from None
    with locked(project.root, options.waiting):
        clean_stale(project.site_dir)  # a build killed mid-swap left site/ aside: put it back first
        if not options.cache or not options.html or options.keep_pdf or subjects is not SUBJECTS:
            return _run(project, options, subjects, until)
        return _cached_run(project, options)


def _cached_run(project: Project, options: Options) -> Result:
    """A whole build (`build`, `build --no-pdf`) through the cache: a stored build with the same inputs
    is written (when site/ does not hold it already) instead of being made again."""
    from . import cache
    store = cache.Store(project)
    cache_options = {"pdf": options.pdf, "strict": options.strict, "editions": options.editions}
    key = cache.fingerprint(project, cache_options)
    hit = store.load(key)
    if hit is not None:
        if not cache.site_holds(project.site_dir, hit.files):
            write_tree(project.site_dir, hit.files)
        return Result(diagnostics=hit.diagnostics, files=hit.files, machine=hit.machine, reached=Stage.WRITE,
                      from_cache=True)
    result = _run(project, options, SUBJECTS, Stage.WRITE)
    report = result.need_report()
    # stored only under the key of the inputs the build read: a file saved while it ran makes another key
    if not _edition_compared(report, options) and cache.fingerprint(project, cache_options) == key:
        from .check.links import media_path
        read: dict[str, str | None] = {project.relative(p): cache.sha256_of(result.files[media_path(project.root, p)])
                                       for p in result.images}
        found, _ = emblem(project, report.need(LAPORAN))
        if found is not None:
            read[project.relative(found)] = cache.file_digest(found)
        store.store(key, cache.Cached(result.files, result.diagnostics, result.machine), read)
    return result


STEPS: tuple[tuple[Stage, Callable[[Result, StageRun], Result]], ...]


def _run(project: Project, options: Options, subjects: Sequence[Subject], until: Stage) -> Result:
    run_ = StageRun(project, options, subjects)
    state = Result()
    for stage, step in STEPS:
        if stage > until:
            break
        try:
            state = replace(step(state, run_), reached=stage)
        except BuildFailed as failed:
            failed.state = replace(state, diagnostics=failed.diagnostics)
            raise
    return replace(state, diagnostics=sorted(run_.collector.items, key=Diagnostic.sort_key))


def _render(state: Result, run: StageRun) -> Result:
    if run.options.check_only and not _render_finds_problems(run.project, state.need_report(), run.options):
        return state
    from .render.identity import site_info
    from .render.templates import TemplateProblem, Templates
    project, options, collector = run.project, run.options, run.collector
    report, catalog, view = state.need_report(), state.need_catalog(), state.view
    assert view is not None
    templates = Templates(project)
    info = site_info(report.need(LAPORAN))
    kept = _kept(project, options, info.pdf_name)
    try:
        out, pages, ralat = _site(project, options, collector, report, catalog, templates, run.subjects, state,
                                  view, with_pdf=options.pdf or info.pdf_name in kept)
    except TemplateProblem as exc:
        collector.add(exc.diagnostic)
        raise BuildFailed(collector.items) from None
    return replace(state, output=out, pages=pages, files=dict(out.files), kept=kept, ralat=ralat)


def _render_finds_problems(project: Project, report: Report, options: Options) -> bool:
    """Whether rendering the pages can find what the earlier stages cannot: the report's own templates
    (an unknown value, a syntax error), or a signed report changed without a new edition. The default
    theme renders every valid report, and the names of the pages are checked in CHECK."""
    return project.own_layouts or _edition_compared(report, options)


def _edition_compared(report: Report, options: Options) -> bool:
    """Whether the build compares the report with its signed revision, read from Git by name."""
    lap = report.need(LAPORAN)
    return options.editions and lap.signed and lap.ditandatangani is not None and bool(lap.ditandatangani.revisi)


def _print(state: Result, run: StageRun) -> Result:
    if not run.options.pdf:
        return state
    from .print.document import findings_annex, print_document, ralat_section
    from .print.pdf import Decision, make_pdf
    from .render.identity import site_info
    from .render.templates import Templates
    project, collector, report, out, view = run.project, run.collector, state.need_report(), state.output, state.view
    assert out is not None and view is not None
    templates, info = Templates(project), site_info(report.need(LAPORAN))
    marks, pages = view.marks, state.pages
    annexes = [findings_annex(templates, marks, pages, info, rounding_note(report))] if marks.items else []
    front = [ralat_section(templates, state.ralat)] if state.ralat else []
    doc = print_document(project, pages, list(state.images), templates, report.need(LAPORAN), info, annexes, front)
    previous, found, setting = None, None, ""
    if run.options.cache:
        from .cache import Store, layout_setting
        store = Store(project)
        previous, setting = Decision.read(store.hint("pdf-padat")), layout_setting(project)
        found = lambda decided: store.remember("pdf-padat", decided.note())  # noqa: E731 - one line, one use
    pdf, pdf_warnings, machine = make_pdf(doc, project.layout_dirs, project.root, templates.where("print.html"),
                                          previous, found, setting)
    collector.extend(pdf_warnings)
    out.add(info.pdf_name, pdf, templates.where("print.html"))
    return replace(state, files={**state.files, info.pdf_name: pdf}, machine=machine)


def _write(state: Result, run: StageRun) -> Result:
    """Refuse what is not complete (placeholders; warnings under --strict), then swap site/ in when asked."""
    options, collector = run.options, run.collector
    unfilled = isian.count(collector.items)
    if options.write and unfilled:
        raise BuildFailed(collector.items + [error(Loc("(isian)"), f"{unfilled} isian belum diisi; laporan yang belum "
                                                   "lengkap tidak diterbitkan", "isi setiap 'ISI: ...' (daftarnya: "
                                                   "python build.py check); pratinjaunya: python build.py serve",
                                                   "incomplete")])
    if options.strict and collector.warnings:
        raise BuildFailed(collector.items + [error(Loc("(--strict)"), f"{len(collector.warnings)} peringatan "
                                                   "dianggap galat karena --strict", "", "strict")])
    from .render.identity import site_info
    pdf_name = site_info(state.need_report().need(LAPORAN)).pdf_name
    files = state.files if options.html else {pdf_name: state.files[pdf_name]}
    if options.write:
        from .cache import site_holds
        if not site_holds(run.project.site_dir, {**state.kept, **files}):   # nothing changed: nothing written
            write_tree(run.project.site_dir, {**state.kept, **files})
    return replace(state, files=files)


STEPS = ((Stage.LOAD, _load), (Stage.COMPUTE, _compute), (Stage.CHECK, _check), (Stage.RENDER, _render),
         (Stage.PRINT, _print), (Stage.WRITE, _write))
"""Every stage in order with the step that does it: only this module knows all of them."""


def _kept(project: Project, options: Options, pdf_name: str) -> dict[str, bytes]:
    """Files of the previous site/ that a partial build (`pdf` or `html`) leaves as they were."""
    site = project.site_dir
    if not options.write or not site.is_dir() or (options.html and not options.keep_pdf):
        return {}
    if options.html:
        return {pdf_name: (site / pdf_name).read_bytes()} if (site / pdf_name).is_file() else {}
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.relative_to(site).as_posix() != pdf_name}


def _info(chapter: Chapter) -> PageInfo:
    return PageInfo(chapter.file, chapter.slug, chapter.title, chapter.kind,
                    tuple(h[1] for h in chapter.headings()), tuple(chapter.tables))


def _site(project: Project, options: Options, collector: Collector, report: Report, catalog: Catalog,
          templates: Templates, subjects: Sequence[Subject], state: Result, view: ReadersView,
          with_pdf: bool) -> tuple[Output, list[Page], Ralat | None]:
    """The site's files and pages (linking the PDF when there will be one), and a revised edition's ralat."""
    from .print.blocks import PrintBlocks
    from .render.chapters import render_pages
    from .render.identity import site_info
    from .render.site import block_renderer, marker_link
    info = site_info(report.need(LAPORAN))
    tables, marks = view.tables, view.marks
    site_blocks = block_renderer(templates, tables, info.gambar)
    lap = report.need(LAPORAN)
    print_blocks = PrintBlocks(templates, as_printed=lap.signed, word=lap.sebutan_gambar)
    pages = render_pages(list(state.chapters), site_blocks, marks, marker_link, print_blocks)
    ralat = _edition(project, options, collector, report, catalog, pages, tables)
    out = assemble_site(project, replace(state, ralat=ralat), subjects, templates, pages, with_pdf, collector)
    return out, pages, ralat


def assemble_site(project: Project, state: Result, subjects: Sequence[Subject], templates: Templates,
                  pages: Sequence[Page], with_pdf: bool, collector: Collector) -> Output:
    """Every file of the site from the rendered pages: the pages, the home page's headline figures (as
    readers see them), the readers' pages of the record, open data, search, the images. The preview
    assembles a site around kept pages with it too."""
    from .check.links import media_path
    from .render.identity import site_info
    from .render.site import build_site
    report, catalog, view = state.need_report(), state.need_catalog(), state.view
    assert view is not None
    cards = sorted((c for s in subjects for c in s.cards(report, catalog.figures)
                    if all(view.signed(c.tabel, *cell) for cell in (c.sel, *c.isi))), key=lambda c: c.urutan)
    out = build_site(templates, site_info(report.need(LAPORAN)), pages, view.tables, view.marks, cards, catalog,
                     with_pdf, rounding_note(report), state.corrections, state.ralat)
    for image in state.images:
        out.add(media_path(project.root, image), image.read_bytes(), project.relative(image))
    collector.extend(out.problems)
    collector.raise_if_errors()
    return out


def _edition(project: Project, options: Options, collector: Collector, report: Report, catalog: Catalog,
             pages: list[Page], tables: dict[str, Table]) -> Ralat | None:
    """A signed report against its signed revision: the Lembar Ralat of a revised edition, or the
    error of a change made without one (`lkjip.record.edition`)."""
    lap = report.need(LAPORAN)
    if not (options.editions and lap.signed and lap.ditandatangani and lap.ditandatangani.revisi):
        return None
    from .record.edition import against_signed
    approver = catalog.signatures.get(lap.edisi.disetujui) if lap.edisi else None
    ralat, problems = against_signed(project, lap, approver, pages, tables, _signed_revision)
    collector.extend(problems)
    collector.raise_if_errors()
    return ralat


def _signed_revision(folder: Project, label: str, commit: str) -> Revision:
    """The signed revision (extracted into `folder`) as readers saw it, built by this same pipeline."""
    from .diff.revision import Revision, read_chapters, shown_pages
    try:
        result = run(folder, Options(pdf=False, write=False, editions=False))
    except BuildFailed as failed:
        return Revision(label, commit, failed.diagnostics, {}, [], None)
    return Revision(label, commit, result.diagnostics, {}, read_chapters(folder), result.catalog,
                    shown_tables=result.tables, shown=shown_pages(result.pages))


def check(project: Project, strict: bool = False) -> Result:
    return run(project, Options(pdf=False, strict=strict, write=False, check_only=True))
