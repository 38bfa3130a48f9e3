"""Generic, declarative field types for data files.

A schema is a tree of these types. The same tree validates a file (collecting every
problem with its line and column), builds the typed model, and documents the file
(`describe`), so the documentation and the validator cannot drift apart.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass, field
from types import MappingProxyType
from decimal import Decimal
from typing import Any, Callable

from .diagnostics import Collector, Loc, error
from .yamlload import PathKey, YamlDocument, dotted


class _Invalid:
    def __repr__(self):
        return "INVALID"


INVALID = _Invalid()


@dataclass(frozen=True)
class Quantity:
    """A printed quantity such as `22 orang`, `100%` or `81`: a number and its unit word."""

    value: Decimal
    unit: str = ""


@dataclass(frozen=True)
class Printed:
    """A value as the original document printed it: kept to compare, never used as input."""

    value: Any
    loc: Loc


@dataclass(frozen=True)
class Reference:
    kind: str
    id: str
    loc: Loc


@dataclass
class Context:
    doc: YamlDocument
    collector: Collector
    references: list[Reference] = field(default_factory=list)

    def loc(self, path: PathKey, key: bool = False) -> Loc:
        return self.doc.loc(path, key=key)

    def fail(self, path: PathKey, message: str, hint: str = "", code: str = "schema") -> _Invalid:
        self.collector.add(error(self.loc(path), message, hint, code))
        return INVALID


def _found(value: Any) -> str:
    if isinstance(value, bool):
        return f"nilai benar/salah '{str(value).lower()}'"
    if isinstance(value, str):
        return f"teks '{value}'" if len(value) < 60 else "teks panjang"
    if isinstance(value, (int, Decimal)):
        return f"angka {value}"
    if isinstance(value, dict):
        return "pemetaan (kunci: nilai)"
    if isinstance(value, list):
        return "daftar"
    if value is None:
        return "nilai kosong"
    if isinstance(value, dt.date):
        return f"tanggal {value.isoformat()}"
    return type(value).__name__


class Type:
    expected = "nilai"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        raise NotImplementedError

    def wrong(self, value: Any, path: PathKey, ctx: Context, hint: str = "") -> _Invalid:
        return ctx.fail(path, f"diharapkan {self.expected}, ditemukan {_found(value)}", hint, "type")

    def describe(self) -> str:
        return self.expected


class PrintedType(Type):
    """Wraps a type for a value the original printed; keeps its location for the comparison."""

    def __init__(self, inner: Type):
        self.inner = inner
        self.expected = inner.expected

    def convert(self, value, path, ctx):
        inner = self.inner.convert(value, path, ctx)
        return inner if inner is INVALID else Printed(inner, ctx.loc(path))

    def describe(self):
        return f"{self.inner.describe()}, sebagaimana tercetak di dokumen asli (hanya pembanding)"


class AnyOf(Type):
    """Picks a branch by the YAML shape of the value (mapping vs scalar)."""

    def __init__(self, scalar: Type, mapping: Type):
        self.scalar, self.mapping = scalar, mapping
        self.expected = f"{scalar.expected} atau pemetaan"

    def convert(self, value, path, ctx):
        return (self.mapping if isinstance(value, dict) else self.scalar).convert(value, path, ctx)


class ListOf(Type):
    def __init__(self, item: Type, min_items: int = 0, unique_by: str | None = None):
        self.item, self.min_items, self.unique_by = item, min_items, unique_by
        self.expected = f"daftar {item.expected}"

    def convert(self, value, path, ctx):
        if not isinstance(value, list):
            return self.wrong(value, path, ctx, "awali setiap butir dengan '- '")
        if len(value) < self.min_items:
            return ctx.fail(path, f"daftar kosong; diharapkan paling sedikit {self.min_items} butir",
                            "", "empty")
        items = [self.item.convert(v, path + (i,), ctx) for i, v in enumerate(value)]
        if self.unique_by:
            seen: dict[Any, int] = {}
            for i, item in enumerate(items):
                key = getattr(item, self.unique_by, None) if item is not INVALID else None
                if key is None:
                    continue
                if key in seen:
                    ctx.fail(path + (i, self.unique_by),
                             f"{self.unique_by} '{key}' sudah dipakai oleh butir [{seen[key]}]",
                             "setiap baris perlu pengenal yang unik", "duplicate-id")
                seen.setdefault(key, i)
        return INVALID if any(i is INVALID for i in items) else tuple(items)


class MapOf(Type):
    def __init__(self, key: Type, value: Type):
        self.key, self.value = key, value
        self.expected = f"pemetaan {key.expected} -> {value.expected}"

    def convert(self, value, path, ctx):
        if not isinstance(value, dict):
            return self.wrong(value, path, ctx)
        out, bad = {}, False
        for k, v in value.items():
            ck = self.key.convert(k, path + (k,), ctx)
            cv = self.value.convert(v, path + (k,), ctx)
            bad = bad or ck is INVALID or cv is INVALID
            out[ck] = cv
        return INVALID if bad else MappingProxyType(dict(sorted(out.items(), key=lambda kv: str(kv[0]))))


@dataclass(frozen=True)
class Field:
    name: str
    type: Type
    doc: str
    required: bool = True


class Record(Type):
    """A mapping with known keys, built into a dataclass; unknown keys are errors."""

    def __init__(self, cls: Callable, fields: list[Field], expected: str = "pemetaan"):
        self.cls, self.fields, self.expected = cls, fields, expected
        self.by_name = {f.name: f for f in fields}
        names = {f.name for f in dataclasses.fields(cls)} if dataclasses.is_dataclass(cls) else set()
        self.wants_loc = "loc" in names

    def convert(self, value, path, ctx):
        if not isinstance(value, dict):
            return self.wrong(value, path, ctx)
        bad = False
        for key in value:
            if key not in self.by_name:
                close = difflib.get_close_matches(str(key), list(self.by_name), n=1)
                hint = f"maksud Anda '{close[0]}'?" if close else \
                    "kunci yang dikenal: " + ", ".join(self.by_name)
                ctx.collector.add(error(ctx.loc(path + (key,), key=True),
                                        f"kunci '{key}' tidak dikenal", hint, "unknown-key"))
                bad = True
        kwargs = {}
        for f in self.fields:
            if f.name not in value or value[f.name] is None:
                if f.required and f.name in value:
                    ctx.collector.add(error(ctx.loc(path + (f.name,)), f"kunci wajib '{f.name}' kosong; "
                                            f"diharapkan {f.type.expected} ({f.doc})",
                                            f"isi nilainya setelah '{f.name}:'", "missing"))
                    bad = True
                elif f.required:
                    ctx.collector.add(error(ctx.loc(path).at(_join(path, f.name)),
                                            f"kunci wajib '{f.name}' tidak ada ({f.doc})",
                                            f"tambahkan '{f.name}: ...'", "missing"))
                    bad = True
                kwargs[f.name] = None
                continue
            converted = f.type.convert(value[f.name], path + (f.name,), ctx)
            bad = bad or converted is INVALID
            kwargs[f.name] = converted
        if bad:
            return INVALID
        if self.wants_loc:
            kwargs["loc"] = ctx.loc(path)
        return self.cls(**kwargs)


def _join(path: PathKey, name: str) -> str:
    return dotted(tuple(path) + (name,))


def describe(record: Record, indent: str = "") -> list[str]:
    """One documented line per field, recursing into nested records (for README and editors)."""
    lines = []
    for f in record.fields:
        need = "wajib" if f.required else "opsional"
        lines.append(f"{indent}- `{f.name}` ({f.type.describe()}, {need}): {f.doc}")
        inner = f.type.item if isinstance(f.type, ListOf) else f.type
        inner = inner.value if isinstance(inner, MapOf) else inner
        if isinstance(inner, AnyOf):
            inner = inner.mapping
        if isinstance(inner, Record):
            lines.extend(describe(inner, indent + "  "))
    return lines


def record(name: str, fields: list[Field], expected: str = "pemetaan") -> Record:
    """Make the model class from the schema itself: the field list is the single source of truth."""
    spec = [(f.name, Any, dataclasses.field(default=None)) for f in fields]
    spec.append(("loc", Any, dataclasses.field(default=None, compare=False, repr=False)))
    cls = dataclasses.make_dataclass(name, spec, frozen=True)
    return Record(cls, fields, expected)
