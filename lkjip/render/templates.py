"""The Jinja environment: autoescape on, StrictUndefined, templates only from the layouts.

Content never reaches Jinja: Markdown is rendered to HTML by markdown-it first and is
passed in as already-safe markup; data values are escaped by autoescape wherever they
appear. A report's own `layouts/` overrides the default theme file by file. A missing
template or a template error becomes a diagnostic, not a traceback.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup, escape

from ..diagnostics import Diagnostic, Loc, error
from ..project import Project


class TemplateProblem(Exception):
    def __init__(self, diagnostic: Diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.message)


_SLASH = re.compile(r"(?<=[^\W\d_]{2})/(?=[^\W\d_]{2})")


def breakable(text: object) -> Markup:
    """Text (escaped) that may wrap after a slash between words ("Program/Kegiatan"), which browsers
    do not break by themselves: such compounds would otherwise set the width of a table column."""
    return Markup(_SLASH.sub("/<wbr>", str(escape(text))))


def make_environment(dirs: list[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["breakable"] = breakable
    return env


class Templates:
    """Renders named templates of a project's layouts, turning every Jinja failure into a diagnostic."""

    def __init__(self, project: Project):
        self.project = project
        self.env = make_environment(project.layout_dirs)

    def where(self, name: str) -> str:
        found = self.project.layout_file(name)
        return self.project.label(found) if found else f"layouts/{name}"

    def render(self, name: str, **context: Any) -> str:
        try:
            return self.env.get_template(name).render(**context)
        except jinja2.TemplateNotFound as exc:
            raise TemplateProblem(error(Loc(f"layouts/{exc.name}"), f"template '{exc.name}' tidak ditemukan",
                                        "pulihkan file template itu, atau hapus salinannya dari layouts/ proyek "
                                        "agar template bawaan dipakai", "template-missing")) from None
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateProblem(error(Loc(self.where(exc.name or name), exc.lineno),
                                        f"template tidak valid: {exc.message}", "", "template-syntax")) from None
        except jinja2.UndefinedError as exc:
            raise TemplateProblem(error(Loc(self.where(name)), f"template memakai nilai yang tidak ada: "
                                        f"{exc.message}", "", "template-undefined")) from None


def safe(html: str) -> Markup:
    """Mark HTML that our own renderer produced (markdown-it with html off, escaped values)."""
    return Markup(html)
