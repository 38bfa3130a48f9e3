"""Diagnostics as GitHub workflow annotations, so that CI shows them on the lines of a pull request.

`python build.py check --format github` prints `::error file=…,line=…,col=…,title=…::message`
(and `::warning …`) instead of the text form. GitHub reads these lines from a workflow
step's output and attaches each to its file and line in the pull request. The report may
live in a sub-folder of its repository, while GitHub wants paths from the repository root:
the folder's place in the repository is asked of Git, or given with `--awalan`.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

from ..diagnostics import Diagnostic


def escape_data(text: str) -> str:
    """GitHub's escaping of a message: %, CR and LF (in this order, so '%' is not escaped twice)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title) also escapes ':' and ',', which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _names_a_file(file: str) -> bool:
    """`content/` (a whole folder) or `(--strict)` is a place in the report, not a line of a file."""
    return bool(file) and not file.endswith("/") and not file.startswith("(")


def annotation(d: Diagnostic, prefix: str = "") -> str:
    """One workflow command line; `prefix` is the report folder's path in the repository ('' or 'laporan/')."""
    props: list[tuple[str, str]] = []
    message = d.message
    if d.loc.path:
        message = f"{d.loc.path}: {message}"
    if _names_a_file(d.loc.file):
        props.append(("file", prefix + d.loc.file))
        if d.loc.line:
            props.append(("line", str(d.loc.line)))
            if d.loc.column:
                props.append(("col", str(d.loc.column)))
    elif d.loc.file:
        message = f"{prefix}{d.loc.file}: {message}"
    props.append(("title", f"lkjip: {d.severity}" + (f" ({d.code})" if d.code else "")))
    if d.hint:
        message += f"\npetunjuk: {d.hint}"
    command = "error" if d.is_error else "warning"
    return f"::{command} " + ",".join(f"{k}={escape_property(v)}" for k, v in props) + f"::{escape_data(message)}"


def repository_prefix(root: Path) -> str:
    """Where the report folder sits in its Git repository: '' at the top, 'laporan/' in a sub-folder.

    Outside a repository (or without git) paths stay relative to the report folder.
    """
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=root, capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return ""
    if done.returncode != 0 or not done.stdout.strip():
        return ""
    try:
        inside = root.resolve().relative_to(Path(done.stdout.strip()).resolve())
    except ValueError:
        return ""
    return "" if inside == Path(".") else inside.as_posix() + "/"


def normal_prefix(text: str) -> str:
    """`--awalan laporan`, `laporan/` or `./laporan` all mean 'laporan/'; '' or '.' mean the top."""
    cleaned = text.replace("\\", "/").strip().strip("/")
    while cleaned.startswith("./"):
        cleaned = cleaned[2:]
    return "" if cleaned in ("", ".") else cleaned + "/"
