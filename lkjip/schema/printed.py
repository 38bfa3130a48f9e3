"""Quantities and printed values: what the signed document printed, kept only to compare.

A printed figure is a number with an optional unit word ("2 Inovasi", "100%") or a word;
beside it the author may write why the report shows another figure (`alasan`), which makes
the difference a reader's correction instead of a warning (`lkjip.check.corrections`).
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..diagnostics import Loc
from ..source.yamlfile import PathKey
from .core import INVALID, Context, Type
from .scalars import Text, number_hint


@dataclass(frozen=True)
class Quantity:
    """A printed quantity such as `22 orang`, `100%` or `81`: a number and its unit word."""

    value: Decimal
    unit: str = ""


_QUANTITY = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(%|[^\d\s,.].*?)?\s*$")  # '79,5' is no unit ',5'


class QuantityType(Type):
    expected = "besaran (angka dengan satuan opsional, mis. '22 orang' atau '100%')"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return Quantity(Decimal(value))
        if isinstance(value, str):
            match = _QUANTITY.match(value)
            if match:
                return Quantity(Decimal(match.group(1)), (match.group(2) or "").strip())
            return self.wrong(value, path, ctx, number_hint(value.split(" ")[0]) or
                              "tulis angka (titik desimal) lalu satuannya, mis. '81.5' atau '12 paket'")
        return self.wrong(value, path, ctx)

    def json(self) -> dict[str, Any]:
        return {"type": ["number", "string"], "pattern": r"^\s*-?[0-9]+(\.[0-9]+)?\s*(%|[^0-9\s,.].*)?$"}


@dataclass(frozen=True)
class Printed:
    """A value as the signed document printed it: kept to compare, never used as input.

    `alasan` is the author's reason why the report shows another figure (text, or the id of
    a reason written once in data/koreksi.yaml); with it, a difference is a listed
    correction rather than a warning."""

    value: Quantity | str
    loc: Loc
    alasan: str | None = None
    tulisan: str | None = None
    """The value exactly as the document wrote it, when the author copied it as text ("Rp. 2.415.383.480,00",
    "93,15 %", "82,00", "100" in a column of percentages, "3.1 Nilai SAKIP" in a column of names): a
    signed report shows this, while the check compares the number (or, in a column of text, the text)."""

    @property
    def number(self) -> Decimal | None:
        return self.value.value if isinstance(self.value, Quantity) else None


PRINTED_KEYS = ("nilai", "alasan")
_WRITTEN = re.compile(r"^\s*(Rp\.?\s*)?(-?\d{1,3}(?:\.\d{3})+|-?\d+)(,\d+)?\s*(%)?\s*(\([^()]*\))?\s*$")


def as_written_number(text: str) -> Quantity | None:
    """A number written the Indonesian way, as documents print them: 'Rp. 2.415.383.480,00' (rupiah),
    '93,15 %', '82,00', '1.504', with a note in brackets ('87,5 (nilai tahun 2023)'); None for anything
    else (a word, a number with a unit word)."""
    match = _WRITTEN.match(text)
    if not match:
        return None
    whole = match.group(2).replace(".", "")
    number = Decimal(whole + ("." + match.group(3)[1:] if match.group(3) else ""))
    return Quantity(number, "%" if match.group(4) else "")


class PrintedValue(Type):
    """What the original printed in one place: a number (with an optional unit word) or a word;
    or `{nilai: ..., alasan: ...}` with the author's reason for showing another figure."""

    expected = "angka atau teks seperti tercetak"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, dict):
            return self._with_reason(value, path, ctx)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return Printed(Quantity(Decimal(value)), ctx.loc(path))
        if isinstance(value, str) and value.strip():
            match = _QUANTITY.match(value)
            if match:
                # '81.20' is YAML's decimal point, shown the Indonesian way; '100' or '3.1 Nilai ...' as written
                written = value.strip() if "." not in match.group(1) or (match.group(2) or "").strip() else None
                return Printed(Quantity(Decimal(match.group(1)), (match.group(2) or "").strip()), ctx.loc(path),
                               tulisan=written)
            number = as_written_number(value)
            if number is not None:
                return Printed(number, ctx.loc(path), tulisan=value.strip())
            return Printed(value.strip(), ctx.loc(path))
        if value == "":
            return Printed("", ctx.loc(path))  # the document left this place empty
        return self.wrong(value, path, ctx)

    def _with_reason(self, value: dict[Any, Any], path: PathKey, ctx: Context) -> Any:
        for key in value:
            if key not in PRINTED_KEYS:
                close = difflib.get_close_matches(str(key), PRINTED_KEYS, n=1)
                return ctx.fail(path + (key,), f"kunci '{key}' tidak dikenal pada angka tercetak",
                                f"maksud Anda '{close[0]}'?" if close else "tulis {nilai: 90.25, alasan: \"...\"}",
                                "unknown-key")
        if "nilai" not in value:
            return ctx.fail(path, "angka tercetak tanpa 'nilai'", "tulis {nilai: 90.25, alasan: \"...\"}",
                            "missing")
        if isinstance(value["nilai"], dict):
            return self.wrong(value["nilai"], path + ("nilai",), ctx)
        printed = self.convert(value["nilai"], path + ("nilai",), ctx)
        alasan = Text().convert(value["alasan"], path + ("alasan",), ctx) if "alasan" in value else None
        if printed is INVALID or alasan is INVALID:
            return INVALID
        return Printed(printed.value, printed.loc, alasan, printed.tulisan)

    def describe(self) -> str:
        return (f"{self.expected}, atau {{nilai: ..., alasan: ...}} dengan alasan koreksinya (hanya pembanding, "
                "tidak pernah dipakai menghitung)")

    def json(self) -> dict[str, Any]:
        plain = {"type": ["number", "string"]}  # "" is a place the document left empty
        return {"anyOf": [plain, {"type": "object", "properties": {"nilai": plain, "alasan": {"type": "string"}},
                                  "required": ["nilai"], "additionalProperties": False}]}
