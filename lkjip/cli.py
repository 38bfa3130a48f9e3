"""Command line: `python build.py [PERINTAH] [--dir PATH] [pilihan]`; installed, `lkjip`.

Commands: build (site and PDF, the default), pdf (only the PDF), html (only the site),
check, skema, kunci.

Commands are an explicit registry (`COMMANDS`): each names its handler, its help and its
own options, so a new command is one entry. Options common to all (`--dir`, `--debug`,
`-q`) may stand before or after the command. Exit status: 0 success, 1 invalid input (or
warnings under --strict), 2 wrong command line, 130 interrupted. Messages are in Bahasa
Indonesia; a Python traceback appears only with --debug.
"""
from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from . import isian
from .diagnostics import BuildFailed, Diagnostic, format_diagnostic
from .project import Project
from .source.text import source_lines

if TYPE_CHECKING:   # the stages are loaded by the commands that run them (not by skema, kunci, diff, portal)
    from .pipeline import Options, Result

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[[argparse.Namespace, Project], int]
    arguments: Callable[[argparse.ArgumentParser], None] = lambda parser: None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        prog = self.prog.split()[0] if self.prog.startswith("lkjip") else " ".join(self.prog.split()[:2])
        sys.stderr.write(f"galat: perintah tidak valid ({message})\n"
                         f"petunjuk: jalankan '{prog} --help' untuk melihat pilihan\n")
        raise SystemExit(EXIT_USAGE)


def _common(defaults: bool) -> _Parser:
    """Options every command takes; on a command's own parser they do not reset what stood before it."""
    parser = _Parser(add_help=False)
    parser.add_argument("--dir", default=None if defaults else argparse.SUPPRESS,
                        help="folder proyek laporan (bawaan: folder build.py, atau folder kerja untuk 'lkjip')")
    parser.add_argument("--debug", action="store_true", default=False if defaults else argparse.SUPPRESS,
                        help="tampilkan traceback Python bila terjadi kesalahan")
    parser.add_argument("-q", "--quiet", action="store_true", default=False if defaults else argparse.SUPPRESS,
                        help="jangan tampilkan peringatan")
    return parser


def _build_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", default=argparse.SUPPRESS,
                        help="peringatan dianggap galat (untuk CI)")
    parser.add_argument("--no-pdf", action="store_true", default=argparse.SUPPRESS,
                        help="lewati pembuatan PDF (lebih cepat)")


def _whole_build_options(parser: argparse.ArgumentParser) -> None:
    _build_options(parser)
    parser.add_argument("--tanpa-cache", action="store_true", default=argparse.SUPPRESS,
                        help="susun ulang semuanya walau masukan tidak berubah (tembolok di .lkjip-cache/ atau "
                             "LKJIP_CACHE tidak dipakai)")


def _strict_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--strict", action="store_true", default=argparse.SUPPRESS,
                        help="peringatan dianggap galat (untuk CI)")


def make_parser(prog: str = "python build.py") -> argparse.ArgumentParser:
    parser = _Parser(prog=prog, parents=[_common(True)], description="Menyusun LKjIP dari data/ dan content/ "
                     "menjadi site/ (HTML dan PDF). Tanpa perintah: build.")
    parser.add_argument("--strict", action="store_true", help="peringatan dianggap galat (untuk CI)")
    parser.add_argument("--no-pdf", action="store_true", help="lewati pembuatan PDF (lebih cepat)")
    parser.add_argument("--tanpa-cache", action="store_true",
                        help="susun ulang semuanya walau masukan tidak berubah (tembolok tidak dipakai)")
    commands = parser.add_subparsers(dest="perintah", metavar="PERINTAH", parser_class=_Parser)
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help, description=command.help,
                                  parents=[_common(False)])
        command.arguments(sub)
    return parser


def _check_options(parser: argparse.ArgumentParser) -> None:
    _build_options(parser)
    parser.add_argument("--laporan", metavar="BERKAS", default=argparse.SUPPRESS,
                        help="tulis laporan pemeriksaan untuk penyusun (HTML, di luar site/) ke BERKAS")
    parser.add_argument("--format", choices=("teks", "github"), default="teks",
                        help="teks (bawaan), atau github: anotasi alur kerja GitHub pada baris pull request")
    parser.add_argument("--awalan", metavar="FOLDER", default=None,
                        help="untuk --format github: letak folder laporan di repositori (bawaan: ditanyakan ke git)")


def print_diagnostics(diagnostics: Iterable[Diagnostic], project: Project, quiet: bool, stream: TextIO,
                      args: argparse.Namespace | None = None) -> None:
    """The text form with the offending line, or GitHub annotations (`check --format github`) on stdout."""
    if args is not None and getattr(args, "format", "teks") == "github":
        from .check import annotate
        prefix = annotate.normal_prefix(args.awalan) if args.awalan is not None else \
            annotate.repository_prefix(project.root)
        for d in diagnostics:
            if d.is_error or not quiet:
                sys.stdout.write(annotate.annotation(d, prefix) + "\n")
        sys.stdout.flush()
        return
    cache: dict[str, list[str]] = {}
    for d in diagnostics:
        if quiet and not d.is_error:
            continue
        if d.loc.file not in cache:
            cache[d.loc.file] = source_lines(project.root, d.loc.file)
        stream.write(format_diagnostic(d, cache[d.loc.file]) + "\n")


def main(argv: list[str] | None = None, default_dir: Path | None = None, prog: str = "python build.py") -> int:
    """Run the command line; `default_dir` is the project when --dir is not given (build.py
    passes its own folder, so `python path/to/build.py` works from anywhere)."""
    args = make_parser(prog).parse_args(argv)
    args.perintah = args.perintah or "build"
    project = Project(Path(args.dir or default_dir or ".").resolve())
    handler = next(c.run for c in COMMANDS if c.name == args.perintah)
    _stop_on_terminate()
    try:
        return handler(args, project)
    except BuildFailed as failed:
        print_diagnostics(failed.diagnostics, project, args.quiet, sys.stderr, args)
        errors = sum(1 for d in failed.diagnostics if d.is_error)
        sys.stderr.write(f"Gagal: {errors} galat. site/ tidak diubah.\n")
        return EXIT_INVALID
    except KeyboardInterrupt:
        sys.stderr.write("Dibatalkan. site/ tidak diubah.\n")
        return EXIT_INTERRUPTED
    except Exception:
        if args.debug:
            traceback.print_exc()
        else:
            sys.stderr.write("galat internal lkjip: ini bukan kesalahan Anda. Jalankan ulang dengan --debug dan "
                             "laporkan keluarannya kepada pengelola.\n")
        return EXIT_INVALID


def _stop_on_terminate() -> None:
    """`kill` (SIGTERM, as a service manager or CI stops a job) ends a command the way Ctrl-C does:
    temporary folders are removed and site/ is left as it was, instead of the process vanishing
    mid-write."""
    if threading.current_thread() is not threading.main_thread():
        return

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, interrupt)


def _schemas(args: argparse.Namespace, project: Project) -> int:
    from .authoring import reference
    from .schema import jsonschema
    if args.tulis is not None:
        for folder in [Path(f).resolve() for f in args.tulis] or [project.root]:
            _write_editor_schemas(Project(folder))
        return EXIT_OK
    if args.json:
        written = jsonschema.write(Path(args.json), reference.editor_schemas())
        sys.stdout.write(f"{len(written)} JSON Schema ditulis ke {args.json}/\n")
    else:
        sys.stdout.write(reference.data_files())
    return EXIT_OK


def _write_editor_schemas(project: Project) -> None:
    from .authoring import editor
    if not project.data_dir.is_dir():
        sys.stderr.write(f"galat: folder {project.data_dir} tidak ada\n")
        raise SystemExit(EXIT_INVALID)
    done = editor.write(project)
    where = Path(os.path.relpath(project.data_dir)).as_posix()
    sys.stdout.write(f"{where}/{editor.FOLDER}/: {len(done.schemas)} skema diperbarui, "
                     f"{len(done.removed)} dihapus; baris pertama diperbarui di {len(done.first_lines)} file data\n")


def _schema_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", metavar="FOLDER", help="tulis JSON Schema setiap file data ke FOLDER (untuk editor)")
    parser.add_argument("--tulis", nargs="*", metavar="LAPORAN", default=None,
                        help="perbarui data/.skema/ dan baris skema di awal setiap file data, di folder laporan ini "
                             "(bawaan: --dir) atau di setiap LAPORAN yang disebut")


def _new(args: argparse.Namespace, project: Project) -> int:
    from .authoring import command
    return command.run(args, print_diagnostics)


def _new_options(parser: argparse.ArgumentParser) -> None:
    from .authoring import command
    command.arguments(parser)


def _diff(args: argparse.Namespace, project: Project) -> int:
    from .diff import command
    return command.run(args, project)


def _diff_options(parser: argparse.ArgumentParser) -> None:
    from .diff import command
    command.arguments(parser)


def _serve(args: argparse.Namespace, project: Project) -> int:
    from .preview.server import serve
    return serve(project, args.port)


def _serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=_port, default=8000, help="port di 127.0.0.1 (bawaan: 8000; 0: port yang bebas)")


def _port(text: str) -> int:
    """A TCP port, 0 to 65535 (0: the system picks a free one)."""
    if not text.strip().isdigit() or int(text) > 65535:
        raise argparse.ArgumentTypeError(f"diharapkan bilangan 0 sampai 65535, ditemukan '{text}'")
    return int(text)


def _portal(args: argparse.Namespace, project: Project) -> int:
    from .portal import command
    return command.run(args)


def _portal_options(parser: argparse.ArgumentParser) -> None:
    from .portal import options
    options.arguments(parser)


def _keys(args: argparse.Namespace, project: Project) -> int:
    from .authoring import reference
    sys.stdout.write(reference.markdown_keys(project))
    return EXIT_OK


def _options(args: argparse.Namespace) -> Options:
    from .pipeline import Options
    """What each building command makes: `pdf` only the PDF, `html` only the site (an earlier PDF
    stays in site/), `check` nothing."""
    if args.perintah == "check":
        return Options(pdf=False, strict=args.strict, write=False, check_only=True)
    if args.perintah == "pdf":
        return Options(pdf=True, strict=args.strict, html=False, waiting=_waiting)
    if args.perintah == "html":
        return Options(pdf=False, strict=args.strict, keep_pdf=True, waiting=_waiting)
    return Options(pdf=not args.no_pdf, strict=args.strict, waiting=_waiting, cache=not args.tanpa_cache)


def _waiting() -> None:
    sys.stderr.write("Menunggu: penyusunan lain untuk folder laporan ini sedang berjalan...\n")
    sys.stderr.flush()


def _author_path(args: argparse.Namespace, project: Project) -> Path | None | bool:
    """Where `check --laporan` writes; never inside site/, which is published as it is."""
    given = getattr(args, "laporan", None)
    if not given:
        return None
    path = Path(given).resolve()
    site = project.site_dir.resolve()
    if path == site or path.is_relative_to(site) or path.is_dir():
        why = "berada di dalam site/, yang diterbitkan apa adanya" if path.is_relative_to(site) else "adalah folder"
        sys.stderr.write(f"galat: --laporan {given}: {why}\n"
                         "petunjuk: tulis ke berkas di luar site/, mis. --laporan pemeriksaan.html\n")
        return False
    return path


def _write_author_report(path: Path, project: Project, diagnostics: list[Diagnostic], result: Result | None) -> None:
    from .check.corrections import Corrections
    from .domain.laporan import LAPORAN, rounding_note
    from .render.author import author_report
    title, rounding = project.root.name, ""
    if result is not None and result.report is not None:
        lap = result.report.need(LAPORAN)
        title, rounding = f"{lap.judul} {lap.instansi} {lap.tahun}", rounding_note(result.report)
    corrections = result.corrections if result is not None else Corrections()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(author_report(title, diagnostics, corrections, rounding), "utf-8")
    sys.stdout.write(f"Laporan pemeriksaan untuk penyusun ditulis ke {given_name(path)}.\n")


def given_name(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _build(args: argparse.Namespace, project: Project) -> int:
    checking = args.perintah == "check"
    options = _options(args)
    author = _author_path(args, project)
    if author is False:
        return EXIT_USAGE
    assert author is None or isinstance(author, Path)
    started = time.monotonic()
    try:
        from .pipeline import run
        result = run(project, options)
    except BuildFailed as failed:
        if author is not None:
            _write_author_report(author, project, list(failed.diagnostics), None)
        raise
    if author is not None:
        _write_author_report(author, project, result.diagnostics, result)
    print_diagnostics(result.diagnostics, project, args.quiet, sys.stderr, args)
    for note in result.machine:  # about this machine, not the report: shown once, never counted or --strict
        sys.stderr.write(f"catatan mesin: {note}\n")
    sys.stderr.flush()
    unfilled = isian.count(result.diagnostics)
    warnings = sum(1 for d in result.diagnostics if not d.is_error) - unfilled
    seconds = time.monotonic() - started
    if checking:
        still = f", {unfilled} isian belum diisi" if unfilled else ""
        sys.stdout.write(f"Pemeriksaan selesai: tidak ada galat, {warnings} peringatan{still} ({seconds:.1f} dtk).\n")
    elif result.from_cache:
        sys.stdout.write(f"Selesai: masukan tidak berubah sejak penyusunan terakhir; {len(result.files)} berkas di "
                         f"{project.relative(project.site_dir)}/ diambil dari tembolok, {warnings} peringatan "
                         f"({seconds:.1f} dtk).\n")
    else:
        sys.stdout.write(f"Selesai: {len(result.files)} berkas ditulis ke {project.relative(project.site_dir)}/, "
                         f"{warnings} peringatan ({seconds:.1f} dtk).\n")
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    Command("build", "periksa lalu tulis site/ (HTML dan PDF)", _build, _whole_build_options),
    Command("check", "hanya periksa data dan bab; tidak menulis apa pun (kecuali --laporan)", _build,
            _check_options),
    Command("pdf", "periksa lalu tulis hanya PDF di site/ (berkas lain di site/ dibiarkan)", _build, _strict_option),
    Command("html", "periksa lalu tulis hanya situs HTML di site/ (PDF yang sudah ada dibiarkan)", _build,
            _strict_option),
    Command("skema", "isi setiap file data, dari skemanya", _schemas, _schema_options),
    Command("kunci", "nilai, tabel (dengan kolomnya), daftar dan tanda tangan yang dapat dipakai di Markdown", _keys),
    Command("diff", "apa yang diubah sebuah revisi pada data, angka, teks bab dan hasil pemeriksaan",
            _diff, _diff_options),
    Command("serve", "pratinjau langsung di 127.0.0.1: disusun ulang dan dimuat ulang setiap kali file disimpan",
            _serve, _serve_options),
    Command("baru", "folder laporan baru: untuk instansi baru, atau tahun berikutnya dari laporan ini (--dari)",
            _new, _new_options),
    Command("portal", "susun setiap laporan di SUMBER menjadi satu portal, dengan halaman yang membandingkan "
            "instansi", _portal, _portal_options),
)


def console() -> NoReturn:
    """The installed `lkjip` command: the report in the current folder unless --dir says otherwise."""
    sys.exit(main(sys.argv[1:], Path.cwd(), prog="lkjip"))
