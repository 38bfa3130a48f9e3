"""Building one report into the portal: its site as its own build makes it, and its summary.

The report's files go to `KELUARAN/<instansi>/<tahun>/` byte for byte as `python build.py --dir
REPORT` would write its site/ (the same pipeline, the same refusal of an incomplete report),
and `KELUARAN/.portal/<instansi>-<tahun>.json` keeps what the index pages need and the
fingerprint of the inputs, so an unchanged report is not built again. It runs in a worker
process under `--jobs`: everything it takes and returns is plain data.
"""
from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import isian
from ..diagnostics import BuildFailed, Diagnostic, format_diagnostic
from ..output import write_file, write_tree
from ..project import Project
from ..source.text import source_lines
from .discover import Source
from .inputs import fingerprint

SUMMARIES = ".portal"
FORMAT = 1


@dataclass(frozen=True)
class Task:
    source: Source
    output: Path
    pdf: bool = True


@dataclass(frozen=True)
class Outcome:
    summary: dict[str, Any]
    built: bool
    """False when the report was unchanged since its last build into the portal."""
    messages: list[str] = field(default_factory=list)
    """A failed build's diagnostics, as the command line prints them (for the author, not readers)."""


def summary_path(output: Path, source: Source) -> Path:
    return output / SUMMARIES / source.summary_name


def read_summary(output: Path, source: Source) -> dict[str, Any] | None:
    try:
        data = json.loads(summary_path(output, source).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def prune(output: Path, sources: list[Source]) -> list[str]:
    """Remove what the portal built for reports no longer under SUMBER (their site, their summary, an
    office page left without a year), so that no page of a withdrawn report stays published; only
    folders the portal itself recorded are touched. Returns their places (`kecamatan-lama/2024`)."""
    keep = {s.key for s in sources}
    removed = []
    folder = output / SUMMARIES
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else ():
        try:
            key = json.loads(path.read_text("utf-8")).get("kunci")
        except (OSError, ValueError, AttributeError):
            continue
        if not isinstance(key, str) or key in keep or key.count("/") != 1 or ".." in key.split("/"):
            continue
        site = output / key
        if site.is_dir() and not site.is_symlink():
            shutil.rmtree(site)
        path.unlink()
        office = site.parent
        if office.is_dir() and not office.is_symlink() and not any(p.is_dir() for p in office.iterdir()):
            shutil.rmtree(office)
        removed.append(key)
    return removed


def unchanged(task: Task) -> Outcome | None:
    """The previous outcome, when the report built then and nothing it is built from has changed."""
    before = read_summary(task.output, task.source)
    if before is None or before.get("status") != "ok" or before.get("folder") != task.source.rel:
        return None
    if not (task.output / task.source.key).is_dir():
        return None
    if before.get("sidik") != fingerprint(task.source.folder, before.get("dibaca", []), task.pdf):
        return None
    return Outcome(before, built=False)


def build(task: Task) -> Outcome:
    """Build the report (unless unchanged), write its site and summary, and say what happened."""
    kept = unchanged(task)
    if kept is not None:
        return kept
    from ..pipeline import Options, run  # loaded when a report is built: an unchanged portal never needs it
    from .summary import summary
    source, root = task.source, task.source.folder.resolve()
    head = {"format": FORMAT, "folder": source.rel, "kunci": source.key, "instansi": source.instansi,
            "tahun": source.tahun, "jenis": source.jenis}
    try:
        result = run(Project(root), Options(pdf=task.pdf, write=False))
        unfilled = isian.count(result.diagnostics)
        if unfilled:  # the refusal of the report's own build (pipeline WRITE), which write=False skips
            return _failed(task, head, f"{unfilled} isian belum diisi; laporan yang belum lengkap tidak diterbitkan",
                           [])
    except BuildFailed as failed:
        errors = [d for d in failed.diagnostics if d.is_error] or list(failed.diagnostics)
        first = errors[0].message if errors else "laporan tidak dapat disusun"
        return _failed(task, head, first, _formatted(root, source.rel, errors))
    target = task.output / source.key
    target.parent.mkdir(parents=True, exist_ok=True)
    write_tree(target, result.files)
    data = {**head, **summary(result, root), "status": "ok"}
    data["sidik"] = fingerprint(source.folder, data["dibaca"], task.pdf)
    write_summary(task.output, source, data)
    return Outcome(data, built=True)


def _failed(task: Task, head: dict[str, Any], message: str, messages: list[str]) -> Outcome:
    data = {**head, "status": "gagal", "galat": message}
    write_summary(task.output, task.source, data)
    return Outcome(data, built=True, messages=messages or [f"{task.source.rel}: galat: {message}"])


def _formatted(root: Path, rel: str, diagnostics: list[Diagnostic]) -> list[str]:
    """Each diagnostic with its line, its file named from SUMBER so the author finds it."""
    prefix = "" if rel == "." else rel + "/"
    out = []
    for d in diagnostics:
        text = format_diagnostic(d, source_lines(root, d.loc.file))
        out.append(prefix + text if d.loc.file and text.startswith(d.loc.file) else text)
    return out


def write_summary(output: Path, source: Source, data: dict[str, Any]) -> None:
    write_file(summary_path(output, source), dumps(data))


def dumps(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
