"""The report's one rounding rule and the Indonesian number and date formats.

Computation keeps full precision (Decimal); rounding happens only when a figure is shown
or compared with a printed one, always through `round_half_up`. There is no global
"current precision": every caller says how many decimals it wants, because a source
value keeps the precision it was written with (Tabel 3.5's 2,5996) while a computed
figure is shown at the report's rule (2 decimals). babel supplies the id-ID month names
and separators; the rounding is ours, because it is a rule of the report.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, parse_pattern

LOCALE = "id_ID"
_ID = Locale.parse(LOCALE)
"""Parsed once: babel would parse the locale's name again for every figure (thousands a build)."""


_WIDE = Context(prec=80)
"""Rounding never runs out of digits: the default context's 28 would fail on a large figure
with decimals (a quotient of a large and a small source value), where any size is exact here."""


def round_half_up(value: Decimal | int, places: int) -> Decimal:
    """The report's one rounding rule: half away from zero, to `places` decimals."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP, context=_WIDE)


def truncate(value: Decimal | int, places: int) -> Decimal:
    """What the original often did instead of rounding; used only to explain a mismatch."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN, context=_WIDE)


def decimals_of(value: Decimal | int) -> int:
    """Decimals as written: 95.81 -> 2, 100 -> 0, 94.50 -> 2, 2.5996 -> 4."""
    exponent = Decimal(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number(value: Decimal | int, places: int) -> str:
    """1234567.891 at 2 places -> '1.234.567,89' (babel's `format_decimal`, its locale and pattern parsed once)."""
    return str(_pattern(places).apply(round_half_up(value, places), _ID, decimal_quantization=True))


@cache
def _pattern(places: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "0" * places if places else ""))


def as_written(value: Decimal | int) -> str:
    """A source value with the precision it was typed with: 87.5 -> '87,5', 1.00 -> '1,00'."""
    return number(value, decimals_of(value))


def computed(value: Decimal | int, places: int) -> str:
    """A computed figure at the report's precision; whole numbers stay whole: 100 -> '100'."""
    rounded = round_half_up(value, places)
    return number(rounded, 0 if rounded == rounded.to_integral_value() else places)


def rupiah(value: int | Decimal) -> str:
    """2615163480 -> 'Rp2.615.163.480' (PUEBI: no space, no ',00')."""
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{number(abs(Decimal(value)), 0)}"


def date(value: dt.date) -> str:
    """2024-01-29 -> '29 Januari 2024'."""
    return str(format_date(value, format="d MMMM y", locale=_ID))


def month(value: dt.date) -> str:
    """2024-12-31 -> 'Desember 2024'."""
    return str(format_date(value, format="MMMM y", locale=_ID))


_PRINTED_NUMBER = re.compile(r"-?\d[\d.]*(,\d+)?")


def parse_printed_number(text: str) -> Decimal | None:
    """'80.750' -> 80750, '95,81%' -> 95.81, '4 Inovasi' -> 4, 'Rp2.615.163.480' -> 2615163480.

    Used on numbers quoted from the original's narrative, which is written the Indonesian way.
    """
    match = _PRINTED_NUMBER.search(text.replace("Rp", "").replace("\u00a0", " "))
    if not match:
        return None
    whole, _, frac = match.group(0).partition(",")
    parts = whole.rstrip(".").split(".")
    if len(parts) > 1 and not all(len(p) == 3 for p in parts[1:]):
        return Decimal(whole.rstrip("."))  # '82.00': a dot used as the decimal point
    return Decimal("".join(parts) + ("." + frac if frac else ""))


_ONES = ("nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh",
         "sebelas")
_SCALES = ((1_000_000_000_000, "triliun"), (1_000_000_000, "miliar"), (1_000_000, "juta"), (1000, "ribu"))


def terbilang(value: int) -> str:
    """A whole number in Indonesian words, as documents write a count beside its figure ("3 (tiga)
    indikator"): 'seratus', 'seribu', 'dua belas', 'dua puluh satu'."""
    if value < 0:
        return "minus " + terbilang(-value)
    if value < 12:
        return _ONES[value]
    if value < 20:
        return f"{_ONES[value - 10]} belas"
    if value < 100:
        tens, rest = divmod(value, 10)
        return f"{_ONES[tens]} puluh" + (f" {_ONES[rest]}" if rest else "")
    if value < 1000:
        hundreds, rest = divmod(value, 100)
        head = "seratus" if hundreds == 1 else f"{_ONES[hundreds]} ratus"
        return head + (f" {terbilang(rest)}" if rest else "")
    for size, name in _SCALES:
        if value >= size:
            high, rest = divmod(value, size)
            head = "seribu" if size == 1000 and high == 1 else f"{terbilang(high)} {name}"
            return head + (f" {terbilang(rest)}" if rest else "")
    raise AssertionError(value)
