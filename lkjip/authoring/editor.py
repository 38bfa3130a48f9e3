"""Checks while typing: each report carries the JSON Schemas of its data files, and each data file
names its schema on its first line, so an editor flags a mistake where it is made.

    # yaml-language-server: $schema=.skema/indikator.schema.json

The schemas live in the report itself, in `data/.skema/` (the loader skips folders whose
name starts with '.'). A path in that line is resolved from the data file, so a report
folder works in VS Code (with the YAML extension) wherever it is copied, offline, without
the lkjip sources beside it: the bundled report, each sample, a report made by `baru`.
They are generated from the same schemas the validator uses (`reference.editor_schemas`),
and `python build.py skema --tulis` rewrites them and the first lines after an upgrade.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..core.subject import Subject
from ..domain import SUBJECTS
from ..project import Project
from ..schema import jsonschema
from . import reference

FOLDER = ".skema"
MODELINE = "# yaml-language-server: $schema="


def schema_files(subjects: Sequence[Subject] = SUBJECTS) -> dict[str, bytes]:
    """`data/.skema/NAME.schema.json` -> its bytes, for every data file and data folder there may be."""
    return {f"data/{FOLDER}/{name}.schema.json": jsonschema.render(doc).encode("utf-8")
            for name, doc in reference.editor_schemas(subjects).items()}


def schema_name(rel: str, subjects: Sequence[Subject] = SUBJECTS) -> str | None:
    """Which schema a data file follows: `data/rkt.yaml` -> rkt, `data/tabel/x.yaml` -> tabel; None if unknown."""
    parts = rel.split("/")
    if len(parts) == 2 and parts[1].endswith((".yaml", ".yml")):
        name = parts[1].rsplit(".", 1)[0]
        return name if any(f.name == name for s in subjects for f in s.files) else None
    if len(parts) == 3 and parts[2].endswith((".yaml", ".yml")):
        return parts[1] if any(f.name == parts[1] for s in subjects for f in s.folders) else None
    return None


def modeline(rel: str, subjects: Sequence[Subject] = SUBJECTS) -> str | None:
    """The first line `rel` should have, its schema's path written from the file's own folder."""
    name = schema_name(rel, subjects)
    if name is None:
        return None
    up = "../" * (rel.count("/") - 1)
    return f"{MODELINE}{up}{FOLDER}/{name}.schema.json"


def with_modeline(text: str, line: str) -> str:
    """`text` whose first line is `line`: an existing schema line is replaced, otherwise one is put on top.
    A byte order mark stays first and Windows line endings stay Windows line endings."""
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    body = text[len(bom):]
    newline = "\r\n" if "\r\n" in body.split("\n", 1)[0] + "\n" else "\n"
    if body.startswith(MODELINE) or body.startswith("# yaml-language-server:"):
        body = body.split("\n", 1)[1] if "\n" in body else ""
    return bom + line + newline + body


@dataclass
class Written:
    schemas: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    first_lines: list[str] = field(default_factory=list)


def data_yaml(project: Project) -> list[Path]:
    return project.data_files() + [p for folder in project.data_folders() for p in project.yaml_files(folder)]


def stale(project: Project, subjects: Sequence[Subject] = SUBJECTS) -> list[str]:
    """What `skema --tulis` would change: schema files that differ or are missing or extra, data files
    without the right first line. Empty when everything is current."""
    out = []
    expected = schema_files(subjects)
    folder = project.data_dir / FOLDER
    present = {project.relative(p) for p in folder.glob("*.schema.json")} if folder.is_dir() else set()
    for rel, data in sorted(expected.items()):
        path = project.root / rel
        if not path.is_file() or path.read_bytes() != data:
            out.append(rel)
    out += sorted(present - set(expected))
    for path in data_yaml(project):
        rel = project.relative(path)
        line = modeline(rel, subjects)
        if line is not None and path.read_text("utf-8-sig", errors="replace").split("\n", 1)[0].rstrip("\r") != line:
            out.append(rel)
    return out


def write(project: Project, subjects: Sequence[Subject] = SUBJECTS) -> Written:
    """Bring `data/.skema/` and the first line of every data file up to date; touch only what differs."""
    done = Written()
    expected = schema_files(subjects)
    folder = project.data_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.glob("*.schema.json")):
        if project.relative(old) not in expected:
            old.unlink()
            done.removed.append(project.relative(old))
    for rel, data in expected.items():
        path = project.root / rel
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            done.schemas.append(rel)
    for path in data_yaml(project):
        rel = project.relative(path)
        line = modeline(rel, subjects)
        if line is None:
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8", errors="surrogateescape")
        new = with_modeline(text, line)
        if new != text:
            path.write_bytes(new.encode("utf-8", errors="surrogateescape"))
            done.first_lines.append(rel)
    return done
