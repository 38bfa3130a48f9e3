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
from dataclasses import dataclass, field
from pathlib import Path

from . import isian
from .check.compare import Difference, PrintedCell, cell_differences
from .check.corrections import Corrections, collect
from .check.links import media_path
from .core.catalog import Catalog
from .core.compute import Figures, compute_all, plan
from .core.model import Report
from .core.subject import PageInfo, Subject
from .core.validate import load_report
from .diagnostics import BuildFailed, Collector, Diagnostic, Loc, error
from .diff.revision import Revision, read_chapters, shown_pages
from .domain import SUBJECTS
from .domain.koreksi import KOREKSI, reasons, writing_only
from .domain.laporan import LAPORAN, rounding_note
from .output import OutputRefused, clean_stale, locked, refuse_link, write_tree
from .print.blocks import PrintBlocks
from .print.document import emblem, findings_annex, print_document, ralat_section
from .project import Project
from .record.edition import Ralat, against_signed
from .render.chapters import Chapter, Page, load_chapters, render_pages
from .render.identity import site_info
from .render.readers import ReadersView, readers_view
from .render.site import Output, block_renderer, build_site, marker_link
from .render.templates import TemplateProblem, Templates
from .views.tables import Table


@dataclass(frozen=True)
class Options:
    pdf: bool = True
    strict: bool = False
    write: bool = True
    html: bool = True          # False (`pdf` command): only the PDF in site/ is replaced, the rest kept
    keep_pdf: bool = False     # `html` command: a PDF already in site/ is kept (and linked) though not rebuilt
    waiting: Callable[[], None] | None = None  # told when another build of the folder holds its lock
    editions: bool = True      # compare a signed report with its signed revision (False where that loads it)


@dataclass
class Result:
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


@dataclass(frozen=True)
class _Analysis:
    report: Report
    figures: Figures
    catalog: Catalog
    differences: list[Difference]
    printed: list[PrintedCell]
    """Every cell the signed document printed, agreeing with the data or not."""


def analyse(project: Project, collector: Collector, subjects: Sequence[Subject] = SUBJECTS) -> \
        tuple[Report, Figures, Catalog]:
    """Load, validate, compute and check the tables: everything `kunci` and `diff` need."""
    found = _analyse(project, collector, subjects)
    return found.report, found.figures, found.catalog


def _analyse(project: Project, collector: Collector, subjects: Sequence[Subject]) -> _Analysis:
    if not project.root.is_dir():
        collector.add(error(Loc(str(project.root)), "folder proyek tidak ditemukan", "", "no-project"))
        collector.raise_if_errors()
    collector.extend(project.links())
    collector.raise_if_errors()
    report = load_report(project, subjects, collector)
    collector.raise_if_errors()
    assert report is not None
    collector.extend(isian.in_data(report.documents))
    ordered = plan([f for s in subjects for f in s.figures], [x for s in subjects for x in s.sources])
    figures = compute_all(report, ordered)
    catalog = Catalog.of(report, figures, subjects)
    collector.extend(catalog.problems() + catalog.layout_problems())
    collector.raise_if_errors()
    for subject in subjects:
        collector.extend(subject.checks(report, figures))
    printed = [p for s in subjects for p in s.printed(report)]
    errors, cells = cell_differences(catalog.available_tables(full=True), printed)
    collector.extend(errors)
    collector.raise_if_errors()
    return _Analysis(report, figures, catalog, cells, printed)


def run(project: Project, options: Options, subjects: Sequence[Subject] = SUBJECTS) -> Result:
    """Build (or, with write=False and pdf=False, only check). Raises BuildFailed on errors.

    A build that writes holds the report folder's lock from reading the previous site/ to the
    swap, so two builds of one folder take turns instead of removing each other's files."""
    if not options.write or not project.root.is_dir():
        return _run(project, options, subjects)
    try:
        refuse_link(project.site_dir)
    except OutputRefused as exc:
        raise BuildFailed([error(Loc(project.site_dir.name), exc.message, exc.hint, "site-link")]) from None
    with locked(project.root, options.waiting):
        clean_stale(project.site_dir)  # a build killed mid-swap left site/ aside: put it back first
        return _run(project, options, subjects)


def _run(project: Project, options: Options, subjects: Sequence[Subject]) -> Result:
    collector = Collector()
    found = _analyse(project, collector, subjects)
    report, figures, catalog = found.report, found.figures, found.catalog
    collector.extend(isian.in_chapters(project))
    chapters, images = load_chapters(project, catalog, collector)
    collector.extend(emblem(project, report.need(LAPORAN))[1])
    collector.raise_if_errors()
    for subject in subjects:
        collector.extend(subject.page_checks(report, [_info(c) for c in chapters]))
    corrections, problems = collect([c.order() for c in chapters], found.differences,
                                    catalog.available_tables(full=True), reasons(report), KOREKSI.path)
    collector.extend(problems)
    view = readers_view(report.need(LAPORAN), catalog, found.printed, corrections, chapters, writing_only(report))
    collector.extend(view.problems)
    collector.raise_if_errors()
    templates = Templates(project)
    pdf_name = site_info(report.need(LAPORAN)).pdf_name
    kept = _kept(project, options, pdf_name)
    try:
        out, pages, machine = _render(project, options, collector, report, catalog, templates, subjects,
                                      _Sources(chapters, images, corrections, view),
                                      with_pdf=options.pdf or pdf_name in kept)
    except TemplateProblem as exc:
        collector.add(exc.diagnostic)
        raise BuildFailed(collector.items) from None
    unfilled = isian.count(collector.items)
    if options.write and unfilled:
        raise BuildFailed(collector.items + [error(Loc("(isian)"), f"{unfilled} isian belum diisi; laporan yang belum "
                                                   "lengkap tidak diterbitkan", "isi setiap 'ISI: ...' (daftarnya: "
                                                   "python build.py check); pratinjaunya: python build.py serve",
                                                   "incomplete")])
    if options.strict and collector.warnings:
        raise BuildFailed(collector.items + [error(Loc("(--strict)"), f"{len(collector.warnings)} peringatan "
                                                   "dianggap galat karena --strict", "", "strict")])
    files = out.files if options.html else {pdf_name: out.files[pdf_name]}
    if options.write:
        write_tree(project.site_dir, {**kept, **files})
    diagnostics = sorted(collector.items, key=Diagnostic.sort_key)
    return Result(diagnostics, report, figures, catalog, pages, files, corrections, machine, view.tables)


@dataclass(frozen=True)
class _Sources:
    """What the render stage draws on besides the model: the read chapters, their images, the corrections."""

    chapters: list[Chapter]
    images: list[Path]
    corrections: Corrections
    view: ReadersView


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


def _render(project: Project, options: Options, collector: Collector, report: Report, catalog: Catalog,
            templates: Templates, subjects: Sequence[Subject], sources: _Sources,
            with_pdf: bool) -> tuple[Output, list[Page], list[str]]:
    """The site's files and pages, with the PDF when asked, and notes about the machine that made it."""
    info = site_info(report.need(LAPORAN))
    tables, marks = sources.view.tables, sources.view.marks
    site_blocks = block_renderer(templates, tables)
    print_blocks = PrintBlocks(templates, as_printed=report.need(LAPORAN).signed)
    pages = render_pages(sources.chapters, site_blocks, marks, marker_link, print_blocks)
    ralat = _edition(project, options, collector, report, catalog, pages, tables)
    cards = sorted((c for s in subjects for c in s.cards(report, catalog.figures)
                    if all(sources.view.signed(c.tabel, *cell) for cell in (c.sel, *c.isi))), key=lambda c: c.urutan)
    out = build_site(templates, info, pages, tables, marks, cards, catalog, with_pdf, rounding_note(report),
                     sources.corrections, ralat)
    for image in sources.images:
        out.add(media_path(project.root, image), image.read_bytes(), project.relative(image))
    collector.extend(out.problems)
    collector.raise_if_errors()
    machine: list[str] = []
    if options.pdf:
        from .print.pdf import make_pdf
        annexes = [findings_annex(templates, marks, pages, info, rounding_note(report))] if marks.items else []
        front = [ralat_section(templates, ralat)] if ralat else []
        doc = print_document(project, pages, sources.images, templates, report.need(LAPORAN), info, annexes, front)
        pdf, pdf_warnings, machine = make_pdf(doc.html, project.layout_dirs, project.root,
                                              templates.where("print.html"), doc.media, doc.arabic_from)
        collector.extend(pdf_warnings)
        out.add(info.pdf_name, pdf, templates.where("print.html"))
    return out, pages, machine


def _edition(project: Project, options: Options, collector: Collector, report: Report, catalog: Catalog,
             pages: list[Page], tables: dict[str, Table]) -> Ralat | None:
    """A signed report against its signed revision: the Lembar Ralat of a revised edition, or the
    error of a change made without one (`lkjip.record.edition`)."""
    lap = report.need(LAPORAN)
    if not (options.editions and lap.signed and lap.ditandatangani and lap.ditandatangani.revisi):
        return None
    approver = catalog.signatures.get(lap.edisi.disetujui) if lap.edisi else None
    ralat, problems = against_signed(project, lap, approver, pages, tables, _signed_revision)
    collector.extend(problems)
    collector.raise_if_errors()
    return ralat


def _signed_revision(folder: Project, label: str, commit: str) -> Revision:
    """The signed revision (extracted into `folder`) as readers saw it, built by this same pipeline."""
    try:
        result = run(folder, Options(pdf=False, write=False, editions=False))
    except BuildFailed as failed:
        return Revision(label, commit, failed.diagnostics, {}, [], None)
    return Revision(label, commit, result.diagnostics, {}, read_chapters(folder), result.catalog,
                    shown_tables=result.tables, shown=shown_pages(result.pages))


def check(project: Project, strict: bool = False) -> Result:
    return run(project, Options(pdf=False, strict=strict, write=False))
