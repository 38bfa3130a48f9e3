"""`python build.py baru`: a new report folder, for a new office or for next year.

Never overwrites: the folder must be new or empty. The report is made in a hidden folder
beside it and renamed into place only when complete, so an interrupted run leaves nothing
half-made; a run that was killed outright leaves its hidden folder, which the next `baru`
beside it removes (the folder's name carries the process id, so a running one is spared).
The folders made have the usual permissions (as `mkdir` under the user's umask), not the
private ones of a temporary folder. Before the rename it is checked like any other report, so what the command
prints is what `check` will say: the placeholders still to fill in, and nothing else.
"""
from __future__ import annotations

import glob
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .. import isian
from ..core.catalog import Catalog
from ..core.compute import compute_all, plan
from ..core.subject import Subject
from ..core.validate import load_report
from ..diagnostics import BuildFailed, Collector, Diagnostic
from ..domain import SUBJECTS
from ..domain.kinerja.model import PERJANJIAN
from ..domain.laporan import LAPORAN, laporan
from ..output import umask
from ..pipeline import Options, Result, analyse, run
from ..project import Project
from . import editor, nextchapters, nextdata, nextreadme, yamltext
from .office import Office, files


class Refused(Exception):
    """A request `baru` will not carry out; the message says why, the hint what to do."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.hint = hint


@dataclass
class Made:
    root: Path
    diagnostics: list[Diagnostic] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    replaced: int = 0


def _prepare(dest: Path) -> None:
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise Refused(f"folder '{dest}' sudah ada dan berisi file", "pilih folder baru; 'baru' tidak pernah menimpa")


@contextmanager
def _staged(dest: Path) -> Iterator[Path]:
    """A hidden folder beside `dest` to make the report in; renamed to `dest` only on success."""
    _prepare(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(dest)
    stage = Path(tempfile.mkdtemp(prefix=f".{dest.name}-baru-{os.getpid()}-", dir=dest.parent))
    stage.chmod(0o777 & ~umask())
    try:
        yield stage
        if dest.exists():
            dest.rmdir()  # empty, checked above
        stage.rename(dest)
    finally:
        shutil.rmtree(stage, ignore_errors=True)


def _remove_stale(dest: Path) -> None:
    """Hidden folders of earlier `baru` runs for `dest` whose process no longer runs."""
    for path in sorted(dest.parent.glob(f".{glob.escape(dest.name)}-baru-*")):
        pid = path.name[len(dest.name) + 7:].split("-", 1)[0]
        if path.is_dir() and not path.is_symlink() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write(root: Path, texts: dict[str, str]) -> None:
    for rel, text in texts.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")


def check(root: Path) -> tuple[list[Diagnostic], Result | None]:
    try:
        result = run(Project(root), Options(pdf=False, write=False))
    except BuildFailed as failed:
        return failed.diagnostics, None
    return result.diagnostics, result


def new_office(dest: Path, office: Office, shown_as: str) -> Made:
    with _staged(dest) as stage:
        _write(stage, files(office, shown_as))
        editor.write(Project(stage))
        made = Made(dest, check(stage)[0])
    return made


def next_year(source: Path, dest: Path, year: int, shown_as: str, source_as: str,
              subjects: Sequence[Subject] = SUBJECTS) -> Made:
    """`shown_as` and `source_as` are the two folders as the author wrote them, for the texts written."""
    report, figures, _ = analyse(Project(source), Collector(), subjects)
    old = laporan(report).tahun
    if year <= old:
        raise Refused(f"tahun {year} tidak sesudah tahun laporan asal ({old})", f"tulis --tahun {old + 1}")
    c = nextdata.Context(report, figures, subjects, old, year)
    made = Made(dest)
    with _staged(dest) as stage:
        _make_next(source, stage, c, made, shown_as, source_as)
    return made


def _make_next(source: Path, dest: Path, c: nextdata.Context, made: Made, shown_as: str, source_as: str) -> None:
    report, year = c.report, c.new
    texts: dict[str, str] = {}
    policy_of, rewrite = nextdata.policies(c.subjects), nextdata.rewrites(c.subjects)
    for f in [f for s in c.subjects for f in s.files if f.path in report.documents]:
        policy = policy_of[f.name]
        if policy == nextdata.TINGGAL:
            made.dropped.append(f.path)
            continue
        c.kept.add(f.name)
        if policy == nextdata.BAWA:
            texts[f.path] = (source / f.path).read_text("utf-8-sig")
    for name in [n for n in rewrite if n in c.kept]:
        rel = f"data/{name}.yaml"
        new = rewrite[name](report.documents[rel].data, c)  # type: ignore[arg-type]
        texts[rel] = yamltext.document(new, nextdata.header(name, c, source_as))
    for rel in sorted(p for p in report.documents if p.count("/") == 2):  # data/<folder>/<file>.yaml
        if policy_of[rel.split("/")[1]] == nextdata.TINGGAL:
            made.dropped.append(rel)
        else:
            texts[rel] = (source / rel).read_text("utf-8-sig")
    _copy_chapters(source, dest, c.old, year)
    if (source / "layouts").is_dir():
        shutil.copytree(source / "layouts", dest / "layouts", symlinks=True)  # a link stays a link (and is refused)
    _write(dest, texts)
    _only_known_tables(dest, c, source_as)
    editor.write(Project(dest))
    _settle(dest, made, year)
    _write(dest, {"README.md": nextreadme.text(c, shown_as, source_as, made.dropped, made.added,
                                               isian.count(made.diagnostics))})


def _copy_chapters(source: Path, dest: Path, old: int, year: int) -> None:
    for path in sorted((source / "content").rglob("*")) if (source / "content").is_dir() else []:
        rel = path.relative_to(source)
        target = dest / rel
        if path.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md" and path.parent == source / "content":
            review = not nextchapters.is_lampiran(path.name)
            target.write_text(nextchapters.carry(path.read_text("utf-8-sig"), old, year, review), "utf-8")
        else:
            shutil.copyfile(path, target)


def _only_known_tables(dest: Path, c: nextdata.Context, source_as: str) -> None:
    """Drop the titles of tables the new report no longer has (a superseded PK's), which would be errors."""
    project, collector = Project(dest), Collector()
    report = load_report(project, c.subjects, collector)
    if report is None:
        return
    figures = compute_all(report, plan([f for s in c.subjects for f in s.figures],
                                       [x for s in c.subjects for x in s.sources]))
    known = set(Catalog.of(report, figures, c.subjects).tables)
    raw = report.documents[LAPORAN.path].data
    assert isinstance(raw, dict)
    kept = nextdata.table_entries(raw, known)
    if kept != raw:
        (dest / LAPORAN.path).write_text(yamltext.document(kept, nextdata.header("laporan", c, source_as)), "utf-8")


def _settle(dest: Path, made: Made, year: int) -> None:
    """Placeholders for what the new data cannot give, then the regulation's missing parts, then a check."""
    for _ in range(3):
        diagnostics, result = check(dest)
        references = [d for d in diagnostics if d.code in nextchapters.REFERENCE_CODES]
        if not references:
            break
        made.replaced += nextchapters.replace_references(dest, references, year)
    diagnostics, result = check(dest)
    if result is not None and result.report is not None:
        lap = result.report.need(LAPORAN)
        pk = result.report.need(PERJANJIAN).dokumen[0]
        made.added = nextchapters.complete_outline(dest, [p.info() for p in result.pages], lap.instansi,
                                                   lap.penandatangan, (pk.pihak_pertama, pk.pihak_kedua))
        diagnostics, _ = check(dest)
    made.diagnostics = diagnostics
