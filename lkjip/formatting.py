"""The rounding rule and the Indonesian number and date formats, in one place.

Computation keeps full precision (Decimal); rounding happens only here, when a figure is
shown or compared with a printed one. Formats follow id-ID: 1.234.567,89; Rp2.615.163.480;
95,81%; 29 Januari 2024. babel supplies the month names and separators of id-ID, so the
locale data is not ours to maintain; the rounding is ours, because it is a rule of the
report and must not depend on a library default.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from contextlib import contextmanager
from contextvars import ContextVar

LOCALE = "id_ID"
DEFAULT_PLACES = 2
_PLACES: ContextVar[int] = ContextVar("places", default=DEFAULT_PLACES)


@contextmanager
def rounding(places: int):
    """Apply a report's own rounding precision (data/laporan.yaml `pembulatan`) while it builds."""
    token = _PLACES.set(places)
    try:
        yield
    finally:
        _PLACES.reset(token)


def round_half_up(value: Decimal, places: int | None = None) -> Decimal:
    """The report's one rounding rule: half away from zero, to `places` decimals."""
    places = _PLACES.get() if places is None else places
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def truncate(value: Decimal, places: int) -> Decimal:
    """What the original often did instead of rounding; used only to explain mismatches."""
    return Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_DOWN)


def decimals_of(value: Decimal | int) -> int:
    """Decimals as written: 95.81 -> 2, 100 -> 0, 94.50 -> 2."""
    exponent = Decimal(value).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def number(value: Decimal | int, places: int | None = None) -> str:
    """1234567.891 -> '1.234.567,89'. `places=None` keeps integers whole and rounds others to 2,
    dropping trailing zeros of a value that was written without them."""
    value = Decimal(value)
    if places is None:
        places = 0 if value == value.to_integral_value() else min(decimals_of(value), _PLACES.get())
        places = max(places, 0)
    rounded = round_half_up(value, places)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(rounded, format=pattern, locale=LOCALE, decimal_quantization=True)


def rupiah(value: int | Decimal) -> str:
    """2615163480 -> 'Rp2.615.163.480' (PUEBI: no space, no ',00')."""
    sign = "-" if value < 0 else ""
    return f"{sign}Rp{number(abs(Decimal(value)), 0)}"


def percent(value: Decimal, places: int | None = None) -> str:
    """95.8109 -> '95,81%'. Whole percentages stay whole: 100 -> '100%'."""
    places = _PLACES.get() if places is None else places
    rounded = round_half_up(value, places)
    if rounded == rounded.to_integral_value():
        return f"{number(rounded, 0)}%"
    return f"{number(rounded, places)}%"


def date(value: dt.date) -> str:
    """2024-01-29 -> '29 Januari 2024'."""
    return format_date(value, format="d MMMM y", locale=LOCALE)


def month(value: dt.date) -> str:
    """2024-12-31 -> 'Desember 2024'."""
    return format_date(value, format="MMMM y", locale=LOCALE)


def parse_printed_number(text: str) -> Decimal | None:
    """'80.750' -> 80750, '95,81%' -> 95.81, '4 Inovasi' -> 4, 'Rp2.615.163.480' -> 2615163480.

    Used on numbers quoted from the original narrative, which is written the Indonesian way.
    """
    import re

    match = re.search(r"-?\d[\d.]*(,\d+)?", text.replace("Rp", "").replace(" ", " "))
    if not match:
        return None
    raw = match.group(0)
    whole, _, frac = raw.partition(",")
    parts = whole.split(".")
    if len(parts) > 1 and not all(len(p) == 3 for p in parts[1:]):
        return Decimal(whole)  # '82.00': a dot used as the decimal point
    digits = "".join(parts)
    return Decimal(digits + ("." + frac if frac else ""))
