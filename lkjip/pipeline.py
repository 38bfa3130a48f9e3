"""The named stages in order: load and validate, compute, check, render, pdf, write.

Each stage collects all of its problems; the pipeline stops between stages when there
are errors, so figures are never computed on invalid data and nothing is written unless
everything succeeded. Only this module knows all stages.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from . import isian
from .compare import check_cells
from .compute import Figures, compute_all, plan
from .diagnostics import BuildFailed, Collector, Diagnostic, Loc, error
from .domain import SUBJECTS
from .domain.laporan import LAPORAN, rounding_note
from .model import Report
from .output import clean_stale, write_tree
from .project import Project
from .render.catalog import Catalog
from .render.chapters import Page, load_pages, media_path
from .render.site import Output, block_renderer, build_site, site_info
from .render.templates import TemplateProblem, Templates, safe
from .subject import Subject
from .validate import load_report


@dataclass(frozen=True)
class Options:
    pdf: bool = True
    strict: bool = False
    write: bool = True


@dataclass
class Result:
    diagnostics: list[Diagnostic] = field(default_factory=list)
    report: Report | None = None
    figures: Figures | None = None
    catalog: Catalog | None = None
    pages: list[Page] = field(default_factory=list)
    files: dict[str, bytes] = field(default_factory=dict)


def analyse(project: Project, collector: Collector, subjects: Sequence[Subject] = SUBJECTS) -> \
        tuple[Report, Figures, Catalog]:
    """Load, validate, compute and check: everything `check`, `kunci` and `diff` need."""
    if not project.root.is_dir():
        collector.add(error(Loc(str(project.root)), "folder proyek tidak ditemukan", "", "no-project"))
        collector.raise_if_errors()
    report = load_report(project, subjects, collector)
    collector.raise_if_errors()
    assert report is not None
    collector.extend(isian.in_data(report.documents))
    ordered = plan([f for s in subjects for f in s.figures], [x for s in subjects for x in s.sources])
    figures = compute_all(report, ordered)
    catalog = Catalog.of(report, figures, subjects)
    collector.extend(catalog.problems())
    collector.raise_if_errors()
    for subject in subjects:
        collector.extend(subject.checks(report, figures))
    collector.extend(check_cells(catalog.available_tables(full=True), [p for s in subjects for p in s.printed(report)]))
    collector.raise_if_errors()
    return report, figures, catalog


def run(project: Project, options: Options, subjects: Sequence[Subject] = SUBJECTS) -> Result:
    """Build (or, with write=False and pdf=False, only check). Raises BuildFailed on errors."""
    collector = Collector()
    if options.write and project.root.is_dir():
        clean_stale(project.site_dir)  # a build killed mid-swap left site/ aside: put it back first
    report, figures, catalog = analyse(project, collector, subjects)
    templates = Templates(project)
    try:
        out, pages = _render(project, options, collector, report, catalog, templates, subjects)
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
    if options.write:
        write_tree(project.site_dir, out.files)
    diagnostics = sorted(collector.items, key=Diagnostic.sort_key)
    return Result(diagnostics, report, figures, catalog, pages, out.files)


def _render(project: Project, options: Options, collector: Collector, report: Report, catalog: Catalog,
            templates: Templates, subjects: Sequence[Subject]) -> tuple[Output, list[Page]]:
    collector.extend(isian.in_chapters(project))
    pages, images = load_pages(project, catalog, block_renderer(templates), collector)
    collector.raise_if_errors()
    for subject in subjects:
        collector.extend(subject.page_checks(report, [p.info() for p in pages]))
    info = site_info(report.need(LAPORAN))
    tables = list(catalog.available_tables().values())
    out = build_site(templates, info, pages, sorted(collector.warnings, key=Diagnostic.sort_key), tables,
                     options.pdf, rounding_note(report))
    for image in images:
        out.add(media_path(project.root, image), image.read_bytes(), project.relative(image))
    collector.extend(out.problems)
    collector.raise_if_errors()
    if options.pdf:
        from .pdf import make_pdf
        html = templates.render("print.html", info=info, pages=pages, bodies=[safe(p.body) for p in pages])
        media = {path: data for path, data in out.files.items() if path.startswith("media/")}
        pdf, pdf_warnings = make_pdf(html, project.layout_dirs, project.root, templates.where("print.html"), media)
        collector.extend(pdf_warnings)
        out.add(info.pdf_name, pdf, templates.where("print.html"))
    return out, pages


def check(project: Project, strict: bool = False) -> Result:
    return run(project, Options(pdf=False, strict=strict, write=False))
