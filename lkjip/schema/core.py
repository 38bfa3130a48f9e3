"""Declarative field types, and records that are typed dataclasses at the same time.

A data file's schema is a frozen dataclass whose fields say, in their metadata, how the
YAML value is validated and what it means:

    @dataclass(frozen=True, kw_only=True)
    class Pejabat(Entry):
        id: str = req(Id(), "pengenal pejabat, mis. camat")
        pangkat: str | None = opt(Text(), "pangkat/golongan")

The one class is the typed model later stages use, the validator (`Record`), the
documentation (`describe`) and the editors' JSON Schema: they cannot drift apart.
Validation collects every problem with its line and column instead of stopping at the first.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from ..diagnostics import NOWHERE, Collector, Loc, error
from ..isian import JSON_PATTERN, is_placeholder
from ..source.yamlfile import PathKey, YamlDocument, dotted

SPEC = "lkjip.schema"


class _Invalid:
    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = _Invalid()
"""Returned by a conversion that failed (its problem is already collected)."""


@dataclass(frozen=True)
class Reference:
    """An id that must exist in another data set; resolved once every file is loaded."""

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

    def fail(self, path: PathKey, message: str, hint: str = "", code: str = "schema") -> Any:
        self.collector.add(error(self.loc(path), message, hint, code))
        return INVALID


def found(value: Any) -> str:
    """How a wrong value is named in a message: "teks '90,25'", "daftar", ..."""
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
    """A field type: converts a YAML value (collecting problems), documents itself, and
    describes itself as JSON Schema."""

    expected = "nilai"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        raise NotImplementedError

    def wrong(self, value: Any, path: PathKey, ctx: Context, hint: str = "") -> Any:
        return ctx.fail(path, f"diharapkan {self.expected}, ditemukan {found(value)}", hint, "type")

    def describe(self) -> str:
        return self.expected

    def json(self) -> dict[str, Any]:
        return {}

    def nested(self) -> Record | None:
        """The record inside a list, map or choice, for documentation that recurses."""
        return None

    def unfilled(self, text: str, path: PathKey, ctx: Context) -> Any:
        """The stand-in for a placeholder ('ISI: ...', see lkjip.isian); most kinds have none."""
        return ctx.fail(path, f"isian '{text}' tidak dapat dipakai di sini; diharapkan {self.expected}",
                        "tulis nilainya langsung", "placeholder")


PLACEHOLDER_JSON: dict[str, Any] = {"type": "string", "pattern": JSON_PATTERN}


def or_placeholder(schema: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a kind that also takes a placeholder, so editors agree with the validator."""
    return {"anyOf": [schema, PLACEHOLDER_JSON]}


def convert(kind: Type, value: Any, path: PathKey, ctx: Context) -> Any:
    """Convert one YAML value; a placeholder goes to the kind's stand-in instead."""
    if is_placeholder(value):
        return kind.unfilled(value.strip(), path, ctx)
    return kind.convert(value, path, ctx)


@dataclass(frozen=True, kw_only=True)
class Entry:
    """Base of every record: remembers where in its file the mapping and each field were written."""

    loc: Loc = field(default=NOWHERE, compare=False, repr=False)
    field_locs: MappingProxyType = field(default_factory=lambda: MappingProxyType({}), compare=False, repr=False)

    def at(self, name: str) -> Loc:
        """Where field `name` was written (its value's line and column), else where the record was."""
        return self.field_locs.get(name) or self.loc.at(f"{self.loc.path}.{name}".lstrip("."))


@dataclass(frozen=True)
class FieldSpec:
    name: str
    kind: Type
    doc: str
    required: bool


def req(kind: Type, doc: str) -> Any:
    """A required field of a record."""
    return field(metadata={SPEC: (kind, doc, True)})


def opt(kind: Type, doc: str, default: Any = None) -> Any:
    """An optional field; absent or empty in YAML, it takes `default` (None, () for lists, an empty
    read-only mapping for maps; immutable, so one shared default is safe)."""
    if isinstance(default, MappingProxyType):
        return field(default_factory=lambda: default, metadata={SPEC: (kind, doc, False)})
    return field(default=default, metadata={SPEC: (kind, doc, False)})


def fields_of(cls: type) -> list[FieldSpec]:
    out = []
    for f in dataclasses.fields(cls):
        if SPEC in f.metadata:
            kind, doc, required = f.metadata[SPEC]
            out.append(FieldSpec(f.name, kind, doc, required))
    return out


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    factory: Any = f.default_factory
    return factory()


class Record(Type):
    """A mapping with known keys, built into its dataclass; unknown keys are errors."""

    def __init__(self, cls: type, expected: str = "pemetaan"):
        self.cls, self.expected = cls, expected
        self.fields = fields_of(cls)
        self.by_name = {f.name: f for f in self.fields}
        self.defaults = {f.name: _default(f) for f in dataclasses.fields(cls)
                         if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING}

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            return self.wrong(value, path, ctx)
        bad = self._unknown_keys(value, path, ctx)
        kwargs: dict[str, Any] = {}
        for f in self.fields:
            raw = value.get(f.name)
            if raw is None:
                bad = self._absent(f, value, path, ctx) or bad
                kwargs[f.name] = self.defaults.get(f.name)
                continue
            converted = convert(f.kind, raw, path + (f.name,), ctx)
            bad = bad or converted is INVALID
            kwargs[f.name] = converted
        if bad:
            return INVALID
        locs = MappingProxyType({k: ctx.loc(path + (k,)) for k in value})
        return self.cls(loc=ctx.loc(path), field_locs=locs, **kwargs)

    def _unknown_keys(self, value: dict, path: PathKey, ctx: Context) -> bool:
        bad = False
        for key in value:
            if key not in self.by_name:
                close = difflib.get_close_matches(str(key), list(self.by_name), n=1)
                hint = f"maksud Anda '{close[0]}'?" if close else "kunci yang dikenal: " + ", ".join(self.by_name)
                ctx.collector.add(error(ctx.loc(path + (key,), key=True), f"kunci '{key}' tidak dikenal", hint,
                                        "unknown-key"))
                bad = True
        return bad

    @staticmethod
    def _absent(f: FieldSpec, value: dict, path: PathKey, ctx: Context) -> bool:
        if not f.required:
            return False
        if f.name in value:
            ctx.collector.add(error(ctx.loc(path + (f.name,)), f"kunci wajib '{f.name}' kosong; diharapkan "
                                    f"{f.kind.expected} ({f.doc})", f"isi nilainya setelah '{f.name}:'", "missing"))
        else:
            ctx.collector.add(error(ctx.loc(path).at(dotted(tuple(path) + (f.name,))),
                                    f"kunci wajib '{f.name}' tidak ada ({f.doc})", f"tambahkan '{f.name}: ...'",
                                    "missing"))
        return True

    def json(self) -> dict[str, Any]:
        """An optional key may also be written empty (`catatan:`), which the validator reads as absent."""
        props = {}
        for f in self.fields:
            kind = f.kind.json()
            props[f.name] = {**kind, "description": f.doc} if f.required else \
                {"anyOf": [kind, {"type": "null"}], "description": f.doc}
        return {"type": "object", "additionalProperties": False,
                "required": [f.name for f in self.fields if f.required], "properties": props}

    def nested(self) -> Record | None:
        return self


def frozen_map(items: dict[Any, Any] | None = None) -> MappingProxyType:
    return MappingProxyType(dict(items or {}))
