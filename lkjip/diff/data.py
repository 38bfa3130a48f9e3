"""Data changes cell by cell, keyed by what a row is, never by where it was written.

One generic walk over the data files, guided by their schemas: a record is compared field
by field, a list by the identity of its rows (the schema's unique key such as an indikator
id, a kode rekening or a desa name; failing that, the first identifying field that is
unique on both sides; failing that, position), a mapping by its keys. A row present on both
sides but in another place is reported as a move. The walk runs on the plain YAML values
rather than the validated records, so a revision whose data no longer validates still
shows what was typed, next to the errors it caused. Names come from the data: a row is
labelled by its judul or nama, a row keyed by a reference (a target's indikator) by the
name of what it refers to.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from difflib import SequenceMatcher
from typing import Any

from .. import numbers
from ..domain import SUBJECTS
from ..schema import AnyOf, Id, ListOf, MapOf, Record, Ref, Rupiah, Text, Type, Year
from .revision import UNREADABLE

NAME_FIELDS = ("judul", "nama", "uraian")
"""Fields that name a row for a reader, in order of preference."""
GENERIC_KEYS = ("id", "kode", "nama", "indikator", "program", "judul", "uraian")
"""Identity fields tried on lists the schema does not describe (an unknown or misspelt file)."""
SEPARATOR = " › "


@dataclass(frozen=True)
class Change:
    kind: str            # changed, added, removed, moved
    path: str            # dokumen[<document id>].target[<indikator id>].nilai: stable ids, never line numbers
    label: str           # <document title> › <indikator name> › target
    old: str | None
    new: str | None


@dataclass(frozen=True)
class FileChanges:
    file: str
    about: str
    status: str          # changed, added, removed
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class _At:
    path: str
    labels: tuple[str, ...]

    def field(self, name: object, label: str | None = None) -> _At:
        return _At(f"{self.path}.{name}" if self.path else str(name), self.labels + (label or str(name),))

    def item(self, key: str, label: str) -> _At:
        return _At(f"{self.path}[{key}]", self.labels + (label,))

    @property
    def label(self) -> str:
        return SEPARATOR.join(self.labels)


def show(value: Any, kind: Type | None = None) -> str:
    """A data value as a reviewer reads it: numbers the Indonesian way, a row as its fields."""
    if value is None:
        return "(kosong)"
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, Decimal):
        return numbers.as_written(value)
    if isinstance(value, int):
        if isinstance(kind, Rupiah):
            return numbers.rupiah(value)
        return str(value) if isinstance(kind, Year) else numbers.number(value, 0)
    if isinstance(value, dt.date):
        return numbers.date(value)
    if isinstance(value, dict):
        record = _record(kind)
        parts = []
        for key, item in value.items():
            child = record.by_name[key].kind if record and key in record.by_name else None
            if isinstance(kind, MapOf):
                child = kind.value
            parts.append(f"{key}: {_braced(item, child)}")
        return ", ".join(parts)
    if isinstance(value, list):
        item_kind = kind.item if isinstance(kind, ListOf) else None
        return "; ".join(_braced(v, item_kind) for v in value)
    return str(value)


def _braced(value: Any, kind: Type | None) -> str:
    text = show(value, kind)
    return f"{{{text}}}" if isinstance(value, dict) else f"[{text}]" if isinstance(value, list) else text


def _record(kind: Type | None) -> Record | None:
    if isinstance(kind, AnyOf):
        kind = kind.mapping
    return kind if isinstance(kind, Record) else None


def _branch(kind: Type | None, old: Any, new: Any) -> Type | None:
    """The branch of a choice that fits the values' shape (a realisasi: a number, or a mapping)."""
    if isinstance(kind, AnyOf):
        both_maps = isinstance(old, dict) and isinstance(new, dict)
        return kind.mapping if both_maps else kind.scalar
    return kind


class _Walk:
    def __init__(self, refs: dict[str, dict[str, str]]):
        self.refs = refs
        self.out: list[Change] = []

    def emit(self, kind: str, at: _At, old: str | None, new: str | None) -> None:
        self.out.append(Change(kind, at.path, at.label, old, new))

    def node(self, old: Any, new: Any, kind: Type | None, at: _At, list_name: str | None = None) -> None:
        kind = _branch(kind, old, new)
        if isinstance(old, dict) and isinstance(new, dict):
            if isinstance(kind, MapOf):
                self.mapping(old, new, kind, at)
            else:
                self.record(old, new, _record(kind), at, list_name)
        elif isinstance(old, list) and isinstance(new, list):
            self.sequence(old, new, kind if isinstance(kind, ListOf) else None, at)
        elif type(old) is not type(new) or str(old) != str(new):  # equal as written: nothing to format
            before, after = show(old, kind), show(new, kind)
            if before != after:
                self.emit("changed", at, before, after)

    def record(self, old: dict, new: dict, record: Record | None, at: _At, list_name: str | None) -> None:
        names = [f.name for f in record.fields] if record else []
        names += [k for k in list(old) + list(new) if k not in names]
        for name in dict.fromkeys(names):
            if name not in old and name not in new:
                continue
            kind = record.by_name[name].kind if record and name in record.by_name else None
            value = new.get(name, old.get(name))
            rows = isinstance(value, list) and any(isinstance(v, dict) for v in value)
            here = _At(f"{at.path}.{name}" if at.path else name, at.labels) if rows else \
                at.field(name, list_name if name == "nilai" and list_name else None)
            if name not in old:
                self.emit("added", here, None, show(new[name], kind))
            elif name not in new:
                self.emit("removed", here, show(old[name], kind), None)
            else:
                self.node(old[name], new[name], kind, here)

    def mapping(self, old: dict, new: dict, kind: MapOf, at: _At) -> None:
        for key in dict.fromkeys(list(old) + list(new)):
            here = at.field(str(key))
            if key not in old:
                self.emit("added", here, None, show(new[key], kind.value))
            elif key not in new:
                self.emit("removed", here, show(old[key], kind.value), None)
            else:
                self.node(old[key], new[key], kind.value, here)

    def sequence(self, old: list, new: list, kind: ListOf | None, at: _At) -> None:
        item_kind = kind.item if kind else None
        record = _record(item_kind)
        key = _key_field(kind, record, old, new)
        if key is None:
            self.positional(old, new, item_kind, at)
            return
        list_name = at.path.rsplit(".", 1)[-1].split("[")[0]
        old_keys, new_keys = [show(i[key]) for i in old], [show(i[key]) for i in new]
        old_at, new_at = {k: i for i, k in enumerate(old_keys)}, {k: i for i, k in enumerate(new_keys)}
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes():
            for i in range(i1, i2):
                if tag != "equal" and old_keys[i] not in new_at:
                    self.emit("removed", at.item(old_keys[i], self.label(old[i], record, key)), show(old[i],
                              item_kind), None)
            for j in range(j1, j2):
                here = at.item(new_keys[j], self.label(new[j], record, key))
                if new_keys[j] not in old_at:
                    self.emit("added", here, None, show(new[j], item_kind))
                    continue
                i = old_at[new_keys[j]]
                if tag != "equal":
                    self.emit("moved", here, f"posisi {i + 1}", f"posisi {j + 1}")
                self.node(old[i], new[j], item_kind, here, list_name)

    def positional(self, old: list, new: list, kind: Type | None, at: _At) -> None:
        before, after = [show(v, kind) for v in old], [show(v, kind) for v in new]
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for k in range(paired):
                self.node(old[i1 + k], new[j1 + k], kind, at.item(str(j1 + k), f"butir {j1 + k + 1}"))
            for i in range(i1 + paired, i2):
                self.emit("removed", at.item(str(i), f"butir {i + 1}"), before[i], None)
            for j in range(j1 + paired, j2):
                self.emit("added", at.item(str(j), f"butir {j + 1}"), None, after[j])

    def label(self, item: dict, record: Record | None, key: str) -> str:
        for name in NAME_FIELDS:
            if isinstance(item.get(name), str) and item[name].strip():
                return str(item[name]).strip()
        spec = record.by_name.get(key) if record else None
        if spec is not None and isinstance(spec.kind, Ref):
            return self.refs.get(spec.kind.kind, {}).get(str(item[key]), show(item[key]))
        return show(item[key])


def _key_field(kind: ListOf | None, record: Record | None, old: list, new: list) -> str | None:
    """The field that identifies a row on both sides: the schema's key, else the first id-like
    field whose values are present and unique on each side; None means compare by position."""
    if not old + new or not all(isinstance(i, dict) for i in old + new):
        return None
    names = [kind.unique_by] if kind and kind.unique_by else []
    if record:
        names += [f.name for f in record.fields if isinstance(f.kind, Id)]
        names += [f.name for f in record.fields if type(f.kind) is Text]
    names += list(GENERIC_KEYS)
    for name in dict.fromkeys(names):
        if all(_identifies(name, side) for side in (old, new)):
            return name
    return None


def _identifies(name: str, items: Sequence[dict]) -> bool:
    values = [show(i.get(name)) for i in items]
    return all(isinstance(i.get(name), (str, int, Decimal)) for i in items) and len(set(values)) == len(values)


def reference_labels(*revisions: dict[str, Any]) -> dict[str, dict[str, str]]:
    """id -> name for every kind of id other files refer to (indikator, program, pejabat ...),
    the newer revision's names winning, so a reference is shown by what it names."""
    out: dict[str, dict[str, str]] = {}
    for kind in (k for s in SUBJECTS for k in s.id_kinds):
        names = out.setdefault(kind.kind, {})
        for data in revisions:
            doc = data.get(kind.file.path)
            rows = doc.get(kind.kind) if isinstance(doc, dict) else None
            for row in rows if isinstance(rows, list) else ():
                name = next((row[n] for n in NAME_FIELDS if isinstance(row, dict) and isinstance(row.get(n), str)),
                            None)
                if name and "id" in row:
                    names[str(row["id"])] = name.strip()
    return out


def schemas() -> dict[str, tuple[Type, str]]:
    """The schema and description of every known data file path; a folder's files by prefix."""
    out: dict[str, tuple[Type, str]] = {}
    for subject in SUBJECTS:
        out.update({f.path: (f.record(), f.description) for f in subject.files})
        out.update({f.path: (f.kind, f.description) for f in subject.folders})
    return out


def compare_data(old: dict[str, Any], new: dict[str, Any]) -> list[FileChanges]:
    """Every data file that differs between two revisions, in file order, with its changes."""
    known, refs = schemas(), reference_labels(old, new)
    out = []
    for file in sorted(set(old) | set(new)):
        folder = file.rsplit("/", 1)[0] + "/"
        kind, about = known.get(file) or known.get(folder) or (None, "")
        if file not in old or file not in new:
            out.append(FileChanges(file, about, "added" if file not in old else "removed", ()))
            continue
        walk = _Walk(refs)
        if old[file] is UNREADABLE or new[file] is UNREADABLE:
            unreadable = "(YAML tidak dapat dibaca)"
            before = unreadable if old[file] is UNREADABLE else "(dapat dibaca)"
            after = unreadable if new[file] is UNREADABLE else "(dapat dibaca)"
            if before != after:
                walk.emit("changed", _At("", ("isi file",)), before, after)
        else:
            walk.node(old[file], new[file], kind, _At("", ()))
        if walk.out:
            out.append(FileChanges(file, about, "changed", tuple(walk.out)))
    return out
