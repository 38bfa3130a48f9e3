"""The Jinja environment: autoescape on, StrictUndefined, templates only from layouts/.

Content never reaches Jinja: Markdown is rendered to HTML by markdown-it first and is
passed in as already-safe markup; data values are escaped by autoescape wherever they
appear. A missing template or a template error becomes a diagnostic, not a traceback.
"""
from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from .diagnostics import Loc, error


class TemplateProblem(Exception):
    def __init__(self, diagnostic):
        self.diagnostic = diagnostic
        super().__init__(diagnostic.message)


def make_environment(layouts: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(layouts)),
        autoescape=jinja2.select_autoescape(["html", "xml", "svg"], default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def render(env: jinja2.Environment, name: str, layouts_label: str, **context) -> str:
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        raise TemplateProblem(error(Loc(f"{layouts_label}/{exc.name}"), f"template '{exc.name}' tidak ditemukan",
                                    "pulihkan file template itu atau hapus folder layouts/ proyek agar "
                                    "template bawaan dipakai", "template-missing")) from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateProblem(error(Loc(f"{layouts_label}/{exc.name or name}", exc.lineno),
                                    f"template tidak valid: {exc.message}", "", "template-syntax")) from None
    except jinja2.UndefinedError as exc:
        raise TemplateProblem(error(Loc(f"{layouts_label}/{name}"), f"template memakai nilai yang tidak ada: "
                                    f"{exc.message}", "", "template-undefined")) from None


def safe(html: str) -> Markup:
    """Mark HTML that our own renderer produced (markdown-it with html off, escaped values)."""
    return Markup(html)
