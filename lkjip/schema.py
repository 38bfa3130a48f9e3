"""Generic, declarative field types for data files.

A schema is a tree of these types. The same tree validates a file (collecting every
problem with its line and column), builds the typed model, and documents the file
(`describe`), so the documentation and the validator cannot drift apart.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable

from .diagnostics import Collector, Loc, error
from .yamlload import PathKey, YamlDocument


class _Invalid:
    def __repr__(self):
        return "INVALID"


INVALID = _Invalid()


@dataclass(frozen=True)
class Quantity:
    """A printed quantity such as `22 orang`, `100%` or `81`: a number and its unit word."""

    value: Decimal
    unit: str = ""

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"


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


class Text(Type):
    expected = "teks"

    def __init__(self, allow_empty: bool = False):
        self.allow_empty = allow_empty

    def convert(self, value, path, ctx):
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            return self.wrong(value, path, ctx)
        if not value.strip() and not self.allow_empty:
            return ctx.fail(path, "teks tidak boleh kosong", "isi teksnya atau hapus kuncinya", "empty")
        return value.strip()


_ID_FORMAT = re.compile(r"^[a-z0-9][a-z0-9_]*$")


class Id(Text):
    expected = "pengenal (huruf kecil, angka, garis bawah)"

    def convert(self, value, path, ctx):
        value = super().convert(value, path, ctx)
        if value is not INVALID and not _ID_FORMAT.match(value):
            return ctx.fail(path, f"pengenal '{value}' tidak valid; diharapkan huruf kecil, angka dan '_'",
                            "contoh: realisasi_anggaran", "id")
        return value


def _number_hint(value: str) -> str:
    text = value.strip()
    if text.endswith("%"):
        return f"tulis angka tanpa tanda %: {text[:-1].strip().replace('.', '').replace(',', '.')}"
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?", text):
        return f"jangan memakai titik pemisah ribuan; tulis {text.replace('.', '').replace(',', '.')}"
    if re.fullmatch(r"-?\d+,\d+", text):
        return f"YAML memakai titik sebagai pemisah desimal; tulis {text.replace(',', '.')}"
    if text.lower().startswith("rp"):
        return "tulis angka rupiah tanpa 'Rp' dan tanpa titik, mis. 2615163480"
    return ""


class Number(Type):
    expected = "angka"

    def __init__(self, minimum: Decimal | int | None = None, maximum: Decimal | int | None = None):
        self.minimum, self.maximum = minimum, maximum

    def convert(self, value, path, ctx):
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            hint = _number_hint(value) if isinstance(value, str) else ""
            return self.wrong(value, path, ctx, hint)
        number = Decimal(value)
        if self.minimum is not None and number < self.minimum:
            return ctx.fail(path, f"angka {value} terlalu kecil; diharapkan paling kecil {self.minimum}",
                            "", "range")
        if self.maximum is not None and number > self.maximum:
            return ctx.fail(path, f"angka {value} terlalu besar; diharapkan paling besar {self.maximum}",
                            "", "range")
        return number

    def describe(self):
        bounds = []
        if self.minimum is not None:
            bounds.append(f">= {self.minimum}")
        if self.maximum is not None:
            bounds.append(f"<= {self.maximum}")
        return self.expected + (f" ({', '.join(bounds)})" if bounds else "")


class Integer(Number):
    expected = "bilangan bulat"

    def convert(self, value, path, ctx):
        number = super().convert(value, path, ctx)
        if number is INVALID:
            return number
        if number != number.to_integral_value():
            return self.wrong(value, path, ctx)
        return int(number)


class Rupiah(Integer):
    expected = "jumlah rupiah (bilangan bulat, tanpa titik)"

    def __init__(self):
        super().__init__(minimum=0)


class Percent(Number):
    expected = "persentase (angka tanpa %)"

    def __init__(self, maximum: int | None = 100):
        super().__init__(minimum=0, maximum=maximum)


class Year(Integer):
    expected = "tahun"

    def __init__(self):
        super().__init__(minimum=1900, maximum=2200)

    def convert(self, value, path, ctx):
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        return super().convert(value, path, ctx)


class Date(Type):
    expected = "tanggal (YYYY-MM-DD)"

    def convert(self, value, path, ctx):
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        hint = "tulis tanggal sebagai 2024-01-29" if isinstance(value, str) else ""
        return self.wrong(value, path, ctx, hint)


class Choice(Type):
    def __init__(self, *options: str):
        self.options = options
        self.expected = "salah satu dari " + ", ".join(options)

    def convert(self, value, path, ctx):
        if value not in self.options:
            close = difflib.get_close_matches(str(value), self.options, n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else ""
            return self.wrong(value, path, ctx, hint)
        return value


_QUANTITY = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(%|[^\d\s].*?)?\s*$")


class QuantityType(Type):
    expected = "besaran (angka dengan satuan opsional, mis. '22 orang' atau '100%')"

    def convert(self, value, path, ctx):
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return Quantity(Decimal(value))
        if isinstance(value, str):
            match = _QUANTITY.match(value)
            if match:
                return Quantity(Decimal(match.group(1)), (match.group(2) or "").strip())
            return self.wrong(value, path, ctx, _number_hint(value.split(" ")[0]) or
                              "tulis angka (titik desimal) lalu satuannya, mis. '81.5' atau '12 paket'")
        return self.wrong(value, path, ctx)


class Ref(Id):
    """An id pointing into another data set; resolved after all files are loaded."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self.expected = f"pengenal {kind}"

    def convert(self, value, path, ctx):
        value = super().convert(value, path, ctx)
        if value is not INVALID:
            ctx.references.append(Reference(self.kind, value, ctx.loc(path)))
        return value


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
        return INVALID if bad else dict(sorted(out.items(), key=lambda kv: str(kv[0])))


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
                if f.required:
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
    from .yamlload import dotted
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


class Flag(Type):
    expected = "ya/tidak (true/false)"

    def convert(self, value, path, ctx):
        if not isinstance(value, bool):
            return self.wrong(value, path, ctx, "tulis true atau false")
        return value
