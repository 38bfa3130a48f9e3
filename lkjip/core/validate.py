"""Load and validate every data file into one immutable, typed report.

All files are read and checked before anything is computed. Only the files every LKjIP
has are required; a present file that needs another says which one is missing; every
reference between files (an indikator id in a target list, a program id, a pejabat, the
name of a computed value) is resolved here, so later stages can trust every id they meet.
"""
from __future__ import annotations

import difflib
import fnmatch
from collections import defaultdict
from collections.abc import Sequence
from types import MappingProxyType
from typing import Any

from ..diagnostics import Collector, Loc, error
from ..project import Project
from ..schema import INVALID, Context, Reference
from ..source.text import SourceError
from ..source.yamlfile import YamlDocument, load_yaml
from .model import DataFile, DataFolder, Report
from .subject import Subject


def load_report(project: Project, subjects: Sequence[Subject], collector: Collector) -> Report | None:
    files = {f.name: f for s in subjects for f in s.files}
    folders = {f.name: f for s in subjects for f in s.folders}
    docs = _read_files(project, files, folders, collector)
    for f in files.values():
        if f.required and f.path not in docs and not _reported(collector, f.path):
            collector.add(error(Loc(f.path), "file data wajib tidak ditemukan",
                                f"buat {f.path} ({f.description}); lihat 'python build.py skema'", "missing-file"))
    values: dict[str, Any] = {}
    folder_values: dict[str, dict[str, Any]] = {name: {} for name in folders}
    references: list[Reference] = []
    for path, doc in docs.items():
        converted = _convert(doc, path, files, folders, collector, references)
        if converted is None:
            continue
        kind, name, key, value = converted
        if kind == "file":
            values[name] = value
        else:
            folder_values[name][key] = value
    for name in values:
        for needed in files[name].needs:
            needed_path = f"data/{needed}.yaml"
            if needed not in values and needed_path not in docs and not _reported(collector, needed_path):
                collector.add(error(Loc(files[name].path, 1, 1), f"{files[name].path} memerlukan data/{needed}.yaml, "
                                    "yang tidak ada", f"buat data/{needed}.yaml atau hapus {files[name].path}",
                                    "missing-file"))
    if collector.errors:
        return None
    report = Report(MappingProxyType(values),
                    MappingProxyType({k: MappingProxyType(dict(sorted(v.items()))) for k, v in folder_values.items()}),
                    MappingProxyType(docs))
    _check_references(report, subjects, references, collector)
    if collector.errors:
        return None
    for subject in subjects:
        collector.extend(subject.validate(report))
    return None if collector.errors else report


def _reported(collector: Collector, path: str) -> bool:
    return any(d.loc.file == path for d in collector.items)


def _read_files(project: Project, files: dict[str, DataFile[Any]], folders: dict[str, DataFolder[Any]],
                collector: Collector) -> dict[str, YamlDocument]:
    docs: dict[str, YamlDocument] = {}
    for path in project.data_files():
        rel = project.relative(path)
        if path.stem not in files:
            close = difflib.get_close_matches(path.stem, list(files), n=1)
            collector.add(error(Loc(rel), f"file data '{path.name}' tidak dikenal",
                                f"maksud Anda '{close[0]}.yaml'?" if close else
                                "file data yang dikenal: " + ", ".join(f"{n}.yaml" for n in files), "unknown-file"))
            continue
        _load(path, rel, docs, collector)
    for folder in project.data_folders():
        if folder.name not in folders:
            close = difflib.get_close_matches(folder.name, list(folders), n=1)
            collector.add(error(Loc(project.relative(folder) + "/"), f"folder data '{folder.name}/' tidak dikenal",
                                f"maksud Anda '{close[0]}/'?" if close else
                                "folder data yang dikenal: " + ", ".join(f"{n}/" for n in folders), "unknown-file"))
            continue
        for path in project.yaml_files(folder):
            _load(path, project.relative(path), docs, collector)
    return docs


def _load(path: Any, rel: str, docs: dict[str, YamlDocument], collector: Collector) -> None:
    try:
        docs[rel] = load_yaml(path, rel)
    except SourceError as exc:
        collector.add(exc.diagnostic)


def _convert(doc: YamlDocument, path: str, files: dict[str, DataFile[Any]], folders: dict[str, DataFolder[Any]],
             collector: Collector, references: list[Reference]) -> tuple[str, str, str, Any] | None:
    if doc.data is None:
        collector.add(error(Loc(doc.file, 1, 1), "file data kosong", "isi file sesuai 'python build.py skema'",
                            "empty-file"))
        return None
    ctx = Context(doc, collector)
    parts = path.split("/")
    if len(parts) == 2:
        name = parts[1].rsplit(".", 1)[0]
        value = files[name].record().convert(doc.data, (), ctx)
        kind, key = "file", name
    else:
        name, key = parts[1], parts[2].rsplit(".", 1)[0]
        value = folders[name].kind.convert(doc.data, (), ctx)
        kind = "folder"
    references.extend(ctx.references)
    return None if value is INVALID else (kind, name, key, value)


def _check_references(report: Report, subjects: Sequence[Subject], references: list[Reference],
                      collector: Collector) -> None:
    ids: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, list[str]] = defaultdict(list)
    for subject in subjects:
        for kind in subject.id_kinds:
            sources[kind.kind].append(kind.file.path)
            if report.has(kind.file):
                ids[kind.kind].update(kind.ids(report))
    key_files = [(pattern, f) for s in subjects for pattern, f in s.key_files]
    for ref in references:
        if ref.id in ids[ref.kind]:
            continue
        collector.add(_unknown_reference(ref, ids[ref.kind], sources[ref.kind], report, key_files))


def _unknown_reference(ref: Reference, known: set[str], files: list[str], report: Report,
                       key_files: list[tuple[str, DataFile[Any]]]) -> Any:
    if ref.kind == "nilai":
        owner = missing_file_for_key(ref.id, report, key_files)
        if owner:
            return error(ref.loc, f"nilai '{ref.id}' tidak tersedia: {owner.path} tidak ada",
                         f"buat {owner.path} atau pilih nilai lain", "unknown-ref")
    elif not known and files:
        return error(ref.loc, f"{ref.kind} '{ref.id}' tidak dapat dirujuk: {files[0]} tidak ada",
                     f"buat {files[0]} yang mendefinisikan {ref.kind} ini", "unknown-ref")
    close = difflib.get_close_matches(ref.id, sorted(known), n=1)
    hint = f"maksud Anda '{close[0]}'?" if close else f"yang ada: {', '.join(sorted(known))}"
    where = f" di {files[0]}" if len(files) == 1 else ""
    return error(ref.loc, f"{ref.kind} '{ref.id}' tidak didefinisikan{where}", hint, "unknown-ref")


def missing_file_for_key(key: str, report: Report, key_files: Sequence[tuple[str, DataFile[Any]]]) -> \
        DataFile[Any] | None:
    """The absent data file a Markdown key (or a realisasi source) would come from, if any."""
    for pattern, file in key_files:
        if fnmatch.fnmatchcase(key, pattern) or key.startswith(pattern + "."):
            return None if report.has(file) else file
    return None
