"""`python build.py diff [LAMA] [BARU]`: what a change does to the report, for its reviewer.

Exit status: 0 whether or not there are changes; 1 with --exit-code when there are; 2 on
a wrong command line, an unknown revision or a folder outside Git. The HTML page is
written to `diff.html` in the report folder by default (beside site/, never inside it);
Markdown and JSON go to standard output unless --output says otherwise. Several formats
of one comparison (`--format json,md,html --output FOLDER`) are written as `diff.json`,
`diff.md` and `diff.html` into FOLDER: the pull-request workflow compares once, not three times.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..output import write_file
from ..project import Project

if TYPE_CHECKING:   # loaded by `run` only: every other command builds this command's parser
    from .changes import ReportDiff

FORMATS = ("html", "md", "json")
DEFAULT_PAGE = "diff.html"
EXIT_OK, EXIT_CHANGED, EXIT_USAGE = 0, 1, 2


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("lama", nargs="?", metavar="LAMA",
                        help="revisi lama (bawaan: merge-base dengan cabang utama: origin/HEAD, main atau master)")
    parser.add_argument("baru", nargs="?", metavar="BARU",
                        help="revisi baru (bawaan: folder kerja, termasuk perubahan yang belum di-commit)")
    parser.add_argument("--format", type=_formats, default=("html",), metavar="FORMAT",
                        help="html (bawaan: satu halaman), md (komentar pull request) atau json; beberapa sekaligus "
                        "dipisah koma (json,md,html) bersama --output FOLDER")
    parser.add_argument("--output", metavar="PATH",
                        help=f"tulis ke PATH ('-' untuk layar; bawaan: {DEFAULT_PAGE} di folder laporan untuk html, "
                        "layar untuk md dan json); untuk beberapa format: folder tempat diff.json, diff.md, diff.html")
    parser.add_argument("--exit-code", action="store_true",
                        help="keluar dengan status 1 bila ada perubahan (untuk skrip)")


def _formats(text: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(n.strip() for n in text.split(",")))
    unknown = [n for n in names if n not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"format tidak dikenal: '{text}'; pilih html, md atau json (boleh beberapa, "
                                         "dipisah koma)")
    return names


def run(args: argparse.Namespace, project: Project) -> int:
    from . import to_html, to_json, to_md
    from .fetch import diff
    from .git import GitProblem
    renderers = {"html": to_html.render, "md": to_md.render, "json": to_json.render}
    formats: tuple[str, ...] = args.format
    if len(formats) > 1 and args.output in (None, "-"):
        sys.stderr.write("galat: beberapa format sekaligus memerlukan --output FOLDER\n"
                         f"  petunjuk: mis. --format {','.join(formats)} --output hasil\n")
        return EXIT_USAGE
    try:
        result = diff(project.root, args.lama, args.baru)
    except GitProblem as problem:
        sys.stderr.write(f"galat: {problem.message}\n" + (f"  petunjuk: {problem.hint}\n" if problem.hint else ""))
        return EXIT_USAGE
    for name in formats:
        target = args.output or (str(project.root / DEFAULT_PAGE) if name == "html" else "-")
        if len(formats) > 1:
            target = str(Path(args.output) / f"diff.{name}")
        if not _emit(renderers[name](result), target, result, args.quiet):
            return EXIT_USAGE
    return EXIT_CHANGED if args.exit_code and result.changed else EXIT_OK


def _emit(text: str, target: str, result: ReportDiff, quiet: bool) -> bool:
    if target == "-":
        sys.stdout.write(text)
        return True
    try:
        write_file(Path(target), text.encode("utf-8"))
    except OSError as exc:
        sys.stderr.write(f"galat: tidak dapat menulis {target} ({exc.strerror})\n")
        return False
    if not quiet:
        sys.stderr.write(f"{_summary(result)} Ditulis ke {target}.\n")
    return True


def _summary(result: ReportDiff) -> str:
    from . import to_json
    if not result.changed:
        return "Tidak ada perubahan."
    n = to_json.summary(result)
    return (f"{n['data_changes']} perubahan data, {n['cells']} sel tabel dan {n['keys']} nilai berubah, "
            f"{n['chapters']} bab berubah teks, {n['new_errors']} galat dan {n['new_warnings']} peringatan baru.")
