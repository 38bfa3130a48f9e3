"""Scalar field types: text, ids, numbers, rupiah, percentages, years, dates, choices.

Each says in Indonesian what it expected and, for the usual slips (a decimal comma, a
percent sign, thousands dots), how to write it instead.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..isian import UnfilledDate
from ..source.slips import NUMBER_LIKE, number_hint
from ..source.yamlfile import PathKey
from .core import INVALID, PLACEHOLDER_JSON, Context, Reference, Type, or_placeholder

ID_PATTERN = "^[a-z0-9][a-z0-9_]*$"
_ID_FORMAT = re.compile(ID_PATTERN)


class Text(Type):
    expected = "teks"

    def __init__(self, allow_empty: bool = False):
        self.allow_empty = allow_empty

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            return self.wrong(value, path, ctx)
        if not value.strip() and not self.allow_empty:
            return ctx.fail(path, "teks tidak boleh kosong", "isi teksnya atau hapus kuncinya", "empty")
        return value.strip()

    def unfilled(self, text: str, path: PathKey, ctx: Context) -> Any:
        """Plain text stands in for itself; a kind that converts text its own way (an id, a
        reference to another value) must get the real thing."""
        if self._own_conversion():
            return super().unfilled(text, path, ctx)
        return text

    def _own_conversion(self) -> bool:
        return type(self).convert is not Text.convert

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": ["string", "number"]}
        if not self.allow_empty:
            out["pattern"] = r"\S"
        if self._own_conversion():
            out["not"] = PLACEHOLDER_JSON
        return out


class Id(Text):
    expected = "pengenal (huruf kecil, angka, garis bawah)"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        value = super().convert(value, path, ctx)
        if value is not INVALID and not _ID_FORMAT.match(value):
            return ctx.fail(path, f"pengenal '{value}' tidak valid; diharapkan huruf kecil, angka dan '_'",
                            "contoh: realisasi_anggaran", "id")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN}


class Ref(Id):
    """An id pointing into another data set; resolved after all files are loaded."""

    def __init__(self, kind: str):
        super().__init__()
        self.kind = kind
        self.expected = f"pengenal {kind}"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        value = super().convert(value, path, ctx)
        if value is not INVALID:
            ctx.references.append(Reference(self.kind, value, ctx.loc(path)))
        return value


class Number(Type):
    expected = "angka"

    def __init__(self, minimum: Decimal | int | None = None, maximum: Decimal | int | None = None):
        self.minimum, self.maximum = minimum, maximum

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            return self.wrong(value, path, ctx, number_hint(value) if isinstance(value, str) else "")
        number = Decimal(value)
        if self.minimum is not None and number < self.minimum:
            return ctx.fail(path, f"angka {value} terlalu kecil; diharapkan paling kecil {self.minimum}", "", "range")
        if self.maximum is not None and number > self.maximum:
            return ctx.fail(path, f"angka {value} terlalu besar; diharapkan paling besar {self.maximum}", "", "range")
        return number

    def describe(self) -> str:
        bounds = []
        if self.minimum is not None:
            bounds.append(f">= {self.minimum}")
        if self.maximum is not None:
            bounds.append(f"<= {self.maximum}")
        return self.expected + (f" ({', '.join(bounds)})" if bounds else "")

    def json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "number"}
        if self.minimum is not None:
            out["minimum"] = float(self.minimum)
        if self.maximum is not None:
            out["maximum"] = float(self.maximum)
        return out


class Integer(Number):
    expected = "bilangan bulat"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        number = super().convert(value, path, ctx)
        if number is INVALID:
            return number
        if number != number.to_integral_value():
            return self.wrong(value, path, ctx)
        return int(number)

    def json(self) -> dict[str, Any]:
        out = super().json()
        out["type"] = "integer"
        for bound in ("minimum", "maximum"):
            if bound in out:
                out[bound] = int(out[bound])
        return out


class Rupiah(Integer):
    expected = "jumlah rupiah (bilangan bulat, tanpa titik)"

    def __init__(self) -> None:
        super().__init__(minimum=0)


class Percent(Number):
    expected = "persentase (angka tanpa %)"

    def __init__(self, maximum: int | None = None):
        super().__init__(minimum=0, maximum=maximum)


class Year(Integer):
    expected = "tahun"

    def __init__(self) -> None:
        super().__init__(minimum=1900, maximum=2200)

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        return super().convert(value, path, ctx)

    def json(self) -> dict[str, Any]:
        """A number, or a text of digits (a mapping key is always text to an editor)."""
        return {"type": ["integer", "string"], "minimum": 1900, "maximum": 2200,
                "pattern": "^(19[0-9]{2}|2[01][0-9]{2}|2200)$"}


class Date(Type):
    expected = "tanggal (YYYY-MM-DD)"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
            try:
                return dt.date.fromisoformat(value.strip())  # quoted, as an editor sees every date
            except ValueError:
                return ctx.fail(path, f"tanggal '{value.strip()}' tidak ada di kalender", "", "type")
        return self.wrong(value, path, ctx, "tulis tanggal sebagai 2024-01-29" if isinstance(value, str) else "")

    def unfilled(self, text: str, path: PathKey, ctx: Context) -> Any:
        return UnfilledDate(text)

    def json(self) -> dict[str, Any]:
        return or_placeholder({"type": "string", "format": "date"})


@dataclass(frozen=True, order=True)
class Month:
    """A date known to its month only, as a paper document dates itself ("Sukamaju, Januari 2025")."""

    year: int
    month: int

    @property
    def first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)


class DateOrMonth(Date):
    """A date, or only its month (YYYY-MM) where a document gives no day."""

    expected = "tanggal (YYYY-MM-DD) atau bulan (YYYY-MM)"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, str) and re.fullmatch(r"\s*\d{4}-\d{2}\s*", value):
            year, month = (int(x) for x in value.strip().split("-"))
            if not 1 <= month <= 12:
                return ctx.fail(path, f"bulan '{value.strip()}' tidak ada di kalender", "", "type")
            return Month(year, month)
        return super().convert(value, path, ctx)

    def json(self) -> dict[str, Any]:
        return or_placeholder({"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"})


class Choice(Type):
    def __init__(self, *options: str):
        self.options = options
        self.expected = "salah satu dari " + ", ".join(options)

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if value not in self.options:
            close = difflib.get_close_matches(str(value), self.options, n=1)
            return self.wrong(value, path, ctx, f"maksud Anda '{close[0]}'?" if close else "")
        return value

    def json(self) -> dict[str, Any]:
        return {"enum": list(self.options)}


class Flag(Type):
    expected = "ya/tidak (true/false)"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if not isinstance(value, bool):
            return self.wrong(value, path, ctx, "tulis true atau false")
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "boolean"}


class NumberOrWord(Type):
    """A target or realisasi: a number, or a category word such as a SAKIP grade ('BB')."""

    expected = "angka atau kategori (mis. BB)"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return Decimal(value)
        if isinstance(value, str) and value.strip():
            hint = number_hint(value)
            if hint:
                return self.wrong(value, path, ctx, hint)
            return value.strip()
        return self.wrong(value, path, ctx)

    def unfilled(self, text: str, path: PathKey, ctx: Context) -> Any:
        return text

    def json(self) -> dict[str, Any]:
        word = {"type": "string", "pattern": r"\S", "not": {"pattern": NUMBER_LIKE}}
        return {"anyOf": [{"type": "number"}, PLACEHOLDER_JSON, word]}
