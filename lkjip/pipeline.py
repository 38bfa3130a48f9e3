"""The named stages in order: load, validate, compute, render, pdf, write.

Each stage collects all of its problems; the pipeline stops between stages when there
are errors, so figures are never computed on invalid data and nothing is written
unless everything succeeded. Only this module knows all stages.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import blocks, figures, formatting, kinerja  # noqa: F401  (kinerja registers its figures)
from .consistency import check_all
from .diagnostics import BuildFailed, Collector, error, Loc
from .output import clean_stale, write_tree
from .pages import Sources, load_pages, media_path
from .project import Project
from .site import block_renderer, build_site, site_info
from .tablemodel import TABLES, TableUnavailable
from .tables import rounding_note
from .templates import TemplateProblem, make_environment, render, safe
from .validate import load_model
from .namespace import build_namespace


@dataclass(frozen=True)
class Options:
    pdf: bool = True
    strict: bool = False
    write: bool = True


@dataclass
class Result:
    diagnostics: list = field(default_factory=list)
    model: object = None
    results: object = None
    pages: list = field(default_factory=list)
    files: dict = field(default_factory=dict)


def run(project: Project, options: Options) -> Result:
    """Build (or, with write=False and pdf=False, only check). Raises BuildFailed on errors."""
    collector = Collector()
    if not project.root.is_dir():
        collector.add(error(Loc(str(project.root)), "folder proyek tidak ditemukan", "", "no-project"))
        collector.raise_if_errors()
    if options.write:
        clean_stale(project.site_dir)  # a build killed mid-swap left site/ aside: put it back first
    model = load_model(project, collector)                      # load + validate
    collector.raise_if_errors()
    with formatting.rounding(model.laporan.pembulatan.desimal):
        return _compute_and_render(project, options, collector, model)


def _compute_and_render(project: Project, options: Options, collector: Collector, model) -> Result:
    results = figures.compute_all(model)                        # compute
    collector.extend(check_all(model, results))
    collector.extend(blocks.check_table_titles(model))
    layouts = project.layouts_dir
    label = project.relative(layouts) if layouts.is_relative_to(project.root) else "layouts"
    env = make_environment(layouts)
    try:
        out, pages, info = _render_site(project, options, collector, model, results, env, label)
        if options.pdf:                                         # pdf
            from .pdf import make_pdf
            html = render(env, "print.html", label, info=info, pages=pages, bodies=[safe(p.body) for p in pages])
            media = {path: data for path, data in out.files.items() if path.startswith("media/")}
            pdf, pdf_warnings = make_pdf(html, layouts, project.root, label, media)
            collector.extend(pdf_warnings)
            out.add(info.pdf_name, pdf, f"{label}/print.html")
    except TemplateProblem as exc:
        collector.add(exc.diagnostic)
        collector.raise_if_errors()
    if options.strict and collector.warnings:
        raise BuildFailed(collector.items + [error(Loc("(--strict)"), f"{len(collector.warnings)} peringatan "
                                                   "dianggap galat karena --strict", "", "strict")])
    if options.write:                                           # write
        write_tree(project.site_dir, out.files)
    return Result(collector.items, model, results, pages, out.files)


def _render_site(project, options, collector, model, results, env, label):
    """Chapters, tables and pages into the output map; stops here if any chapter has errors."""
    sources = Sources(model, results, build_namespace(model, results), project.root, block_renderer(env, label))
    pages, images = load_pages(project, sources, collector)
    collector.raise_if_errors()
    tables = [t for t in (_table_or_none(t, model, results) for t in sorted(TABLES)) if t is not None]
    info = site_info(model)
    out = build_site(env, label, project.layouts_dir, info, pages, collector.warnings, tables, options.pdf,
                     rounding_note(model))
    collector.extend(out.problems)
    for image in images:
        out.add(media_path(project.root, image), image.read_bytes(), project.relative(image))
    collector.raise_if_errors()
    return out, pages, info


def _table_or_none(ident: str, model, results):
    """Tables for the open-data export; one whose source is missing was already reported if placed."""
    try:
        return blocks.build_table(ident, model, results)
    except TableUnavailable:
        return None


def check(project: Project, strict: bool = False) -> Result:
    return run(project, Options(pdf=False, strict=strict, write=False))


