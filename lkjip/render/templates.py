"""The Jinja environment: sandboxed, autoescape on, StrictUndefined, templates only from the layouts.

A report's own `layouts/` overrides the default theme file by file, and it arrives in pull
requests like any other file: a template is data written by someone else, never code. So
templates run in Jinja's immutable sandbox (no attribute starting with `_`, no call that
mutates what they are given, no Python object reached through another), and are read only
from the layouts folders themselves: a symbolic link there is refused, not followed. A
reviewer who runs `diff` or `check` on a pull request runs that pull request's templates.

Content never reaches Jinja: Markdown is rendered to HTML by markdown-it first and is
passed in as already-safe markup; data values are escaped by autoescape wherever they
appear. A missing template, a template error or a refused operation becomes a diagnostic
with the template's line, not a traceback.
"""
from __future__ import annotations

import re
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment
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


class LayoutLoader(jinja2.FileSystemLoader):
    """Templates from the layouts folders only: a template reached through a symbolic link is
    refused (the link could lead anywhere on the reviewer's disk)."""

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for folder in self.searchpath:
            path = Path(folder).joinpath(*pieces)
            if any(p.is_symlink() for p in _between(Path(folder), path)):
                raise TemplateProblem(error(Loc(f"layouts/{template}"), f"template '{template}' adalah tautan "
                                            "simbolik; tautan tidak diikuti", "salin berkasnya ke layouts/",
                                            "template-link"))
            if path.is_file():
                break
        return super().get_source(environment, template)


def _between(folder: Path, path: Path) -> list[Path]:
    """`path` and each folder above it, up to (not including) `folder`."""
    out = [path]
    while out[-1].parent != folder and out[-1].parent != out[-1]:
        out.append(out[-1].parent)
    return out


MAX_PRODUCT = 1_000_000
"""The longest text or list a template may make by multiplication ('x' * n), and the largest
power it may raise: enough for any layout, far below what would exhaust the machine."""


class TooLarge(jinja2.exceptions.SecurityError):
    """A template asked for more than `MAX_PRODUCT`; the message says what, in the author's words."""


class LayoutSandbox(ImmutableSandboxedEnvironment):
    """The immutable sandbox, with `*` and `**` bounded: `{{ 'x' * 10**10 }}` would otherwise
    ask for gigabytes (`range` is bounded by the sandbox itself)."""

    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's judgement, remembered by the object's type and the attribute's name, on which
        alone it depends (a table of a thousand cells asks the same question a thousand times)."""
        key = (type(obj), attr)
        known = self._safe.get(key)
        if known is None:
            known = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return known

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            for seq, count in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(count, int) and len(seq) * count > MAX_PRODUCT:
                    raise TooLarge("membuat teks atau daftar yang terlalu panjang")
        elif isinstance(right, (int, float)) and isinstance(left, (int, float)) and abs(right) > 64 and \
                abs(left) not in (0, 1):
            raise TooLarge("menghitung pangkat yang terlalu besar")
        return super().call_binop(context, operator, left, right)


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, by file, for every environment `make_environment` makes (all
    alike): a process that builds many times (the tests, `serve`, the portal) compiles a template again
    only when its source changed, which Jinja sees by the source's checksum in each entry."""

    def __init__(self) -> None:
        self._entries: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        found = self._entries.get(bucket.key)
        if found is not None:
            bucket.bytecode_from_string(found)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._entries[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def make_environment(dirs: list[Path]) -> jinja2.Environment:
    env = LayoutSandbox(
        bytecode_cache=COMPILED,
        loader=LayoutLoader([str(d) for d in dirs]),
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
            raise TemplateProblem(error(self._at(exc, name), f"template memakai nilai yang tidak ada: "
                                        f"{exc.message}", "", "template-undefined")) from None
        except jinja2.exceptions.SecurityError as exc:
            attribute = re.search(r"attribute '([^']*)'", str(exc))
            what = str(exc) if isinstance(exc, TooLarge) else \
                f"membaca atribut '{attribute.group(1)}'" if attribute else "menjalankan operasi"
            raise TemplateProblem(error(self._at(exc, name), f"template mencoba {what}, yang tidak diizinkan",
                                        "template hanya boleh menampilkan nilai yang diberikan kepadanya; hapus "
                                        "bagian itu dari template", "template-unsafe")) from None
        except jinja2.TemplateError as exc:
            raise TemplateProblem(error(self._at(exc, name), f"template gagal dijalankan: {exc.message}", "",
                                        "template-error")) from None
        except RecursionError as exc:
            raise TemplateProblem(error(self._at(exc, name), "template memanggil dirinya sendiri tanpa akhir "
                                        "(include atau extends yang berputar)", "", "template-error")) from None
        except (ArithmeticError, TypeError, ValueError, LookupError, AttributeError, MemoryError) as exc:
            raise TemplateProblem(error(self._at(exc, name), f"template gagal dijalankan: "
                                        f"{type(exc).__name__}: {exc}", "", "template-error")) from None

    def _at(self, exc: BaseException, name: str) -> Loc:
        """The template line that raised, read from the traceback Jinja rewrites to its templates."""
        dirs = [d.resolve() for d in self.project.layout_dirs]
        for frame in reversed(traceback.extract_tb(exc.__traceback__)):
            path = Path(frame.filename)
            if path.is_absolute() and any(path.resolve().is_relative_to(d) for d in dirs):
                return Loc(self.project.label(path), frame.lineno)
        return Loc(self.where(name))


def safe(html: str) -> Markup:
    """Mark HTML that our own renderer produced (markdown-it with html off, escaped values)."""
    return Markup(html)
