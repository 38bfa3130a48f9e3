"""Container types: lists, maps keyed by id or year, and a choice between a scalar and a mapping;
and the documentation of a record that recurses through them."""
from __future__ import annotations

from types import MappingProxyType
from typing import Any

from ..source.yamlfile import PathKey
from .core import INVALID, Context, Record, Type, convert, or_placeholder


class ListOf(Type):
    def __init__(self, item: Type, min_items: int = 0, unique_by: str | None = None):
        self.item, self.min_items, self.unique_by = item, min_items, unique_by
        self.expected = f"daftar {item.expected}"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, list):
            return self.wrong(value, path, ctx, "awali setiap butir dengan '- '")
        if len(value) < self.min_items:
            return ctx.fail(path, f"daftar kosong; diharapkan paling sedikit {self.min_items} butir", "", "empty")
        items = [convert(self.item, v, path + (i,), ctx) for i, v in enumerate(value)]
        if self.unique_by:
            self._unique(items, path, ctx)
        return INVALID if any(i is INVALID for i in items) else tuple(items)

    def _unique(self, items: list[Any], path: PathKey, ctx: Context) -> None:
        seen: dict[Any, int] = {}
        for i, item in enumerate(items):
            key = getattr(item, self.unique_by or "", None) if item is not INVALID else None
            if key is None:
                continue
            if key in seen and self.unique_by:
                ctx.fail(path + (i, self.unique_by), f"{self.unique_by} '{key}' sudah dipakai oleh butir [{seen[key]}]",
                         "setiap baris perlu pengenal yang unik", "duplicate-id")
            seen.setdefault(key, i)

    def unfilled(self, text: str, path: PathKey, ctx: Context) -> Any:
        """A whole optional list not written yet is empty meanwhile."""
        return () if self.min_items == 0 else super().unfilled(text, path, ctx)

    def json(self) -> dict[str, Any]:
        out = {"type": "array", "items": self.item.json(), "minItems": self.min_items}
        return or_placeholder(out) if self.min_items == 0 else out

    def nested(self) -> Record | None:
        return self.item.nested()


class MapOf(Type):
    """A mapping with keys of one type, in the order the file gives (order is the author's)."""

    def __init__(self, key: Type, value: Type):
        self.key, self.value = key, value
        self.expected = f"pemetaan {key.expected} -> {value.expected}"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, dict):
            return self.wrong(value, path, ctx)
        out, bad = {}, False
        for k, v in value.items():
            ck = self.key.convert(k, path + (k,), ctx)
            cv = convert(self.value, v, path + (k,), ctx)
            bad = bad or ck is INVALID or cv is INVALID
            out[ck] = cv
        return INVALID if bad else MappingProxyType(out)

    def json(self) -> dict[str, Any]:
        return {"type": "object", "propertyNames": self.key.json(), "additionalProperties": self.value.json()}

    def nested(self) -> Record | None:
        return self.value.nested()


class AnyOf(Type):
    """Picks a branch by the YAML shape of the value: a mapping, or a scalar."""

    def __init__(self, scalar: Type, mapping: Type):
        self.scalar, self.mapping = scalar, mapping
        self.expected = f"{scalar.expected} atau pemetaan"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        return (self.mapping if isinstance(value, dict) else self.scalar).convert(value, path, ctx)

    def unfilled(self, text: str, path: PathKey, ctx: Context) -> Any:
        return self.scalar.unfilled(text, path, ctx)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [self.scalar.json(), self.mapping.json()]}

    def nested(self) -> Record | None:
        return self.mapping.nested()


class OneOrMany(Type):
    """A single value, or a list of them (`anggaran: total` or `anggaran: [a, b]`)."""

    def __init__(self, one: Type, many: Type):
        self.one, self.many = one, many
        self.expected = f"{one.expected} atau daftarnya"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        return (self.many if isinstance(value, list) else self.one).convert(value, path, ctx)

    def json(self) -> dict[str, Any]:
        return {"anyOf": [self.one.json(), self.many.json()]}


def describe(record: Record, indent: str = "") -> list[str]:
    """One documented line per field, recursing into nested records (for `skema` and the README)."""
    lines = []
    for f in record.fields:
        need = "wajib" if f.required else "opsional"
        lines.append(f"{indent}- `{f.name}` ({f.kind.describe()}, {need}): {f.doc}")
        inner = f.kind.nested()
        if inner is not None and inner is not record:
            lines.extend(describe(inner, indent + "  "))
    return lines
