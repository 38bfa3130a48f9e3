"""Years named relative to the report's, so a sentence stays true when the report moves on a year.

A value of an earlier year is quoted with the year in its key (`indikator.ikm.realisasi_2023`).
Written so, the sentence "naik dari {{ indikator.ikm.realisasi_2023 }} pada tahun lalu" is
false in next year's report, where "tahun lalu" is 2024. The same value can be named by
where its year stands from the report's year or from the Renstra's period:

    _tahun_ini          the report's year (the key without a year, where there is one)
    _tahun_lalu         the year before
    _2_tahun_lalu       two years before (any number)
    _awal_renstra       the first year of the Renstra period (data/renstra.yaml `periode.mulai`)
    _akhir_renstra      its last year (`periode.akhir`)

`baru --dari` writes the report's own year and the year before in these words (and moves
the prose years beside them), so what was true of last year's report is true of next year's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_RELATIVE = re.compile(r"^(?P<base>.+?)_(?:(?P<now>tahun_ini)|(?:(?P<back>[1-9]\d?)_)?tahun_lalu|"
                       r"(?P<renstra>awal|akhir)_renstra)$")
_ABSOLUTE = re.compile(r"^(?P<base>.+)_(?P<year>\d{4})$")


@dataclass(frozen=True)
class YearAnchors:
    """What relative years are counted from: the report's year and the Renstra's period, if any."""

    tahun: int
    renstra: tuple[int, int] | None = None


@dataclass(frozen=True)
class RelativeKey:
    base: str
    """The key without its year (`indikator.ikm.realisasi`)."""
    year: int | None
    """The year it names; None where it names the Renstra's period and the report has no Renstra."""
    words: str
    """How the key names its year (`tahun_lalu`), for messages."""


def relative(key: str, anchors: YearAnchors) -> RelativeKey | None:
    """The year a relative key names, or None for a key that names no year relatively."""
    match = _RELATIVE.match(key)
    if not match:
        return None
    words = key[len(match["base"]) + 1:]
    if match["now"]:
        year: int | None = anchors.tahun
    elif match["renstra"]:
        period = anchors.renstra
        year = None if period is None else period[0] if match["renstra"] == "awal" else period[1]
    else:
        year = anchors.tahun - int(match["back"] or 1)
    return RelativeKey(match["base"], year, words)


def candidates(found: RelativeKey, anchors: YearAnchors) -> list[str]:
    """The absolute keys a relative key stands for, in the order they are tried: the year's own key,
    and for the report's year the key without a year (this year's values carry none)."""
    assert found.year is not None
    out = [f"{found.base}_{found.year}"]
    if found.year == anchors.tahun:
        out.append(found.base)
    return out


def as_relative(key: str, tahun: int) -> str:
    """`baru --dari`'s rewrite of a key for the report's own year or the year before into relative words
    (`…_2024` in the 2024 report -> `…_tahun_ini`, `…_2023` -> `…_tahun_lalu`); other keys unchanged."""
    match = _ABSOLUTE.match(key)
    if not match:
        return key
    year = int(match["year"])
    if year == tahun:
        return f"{match['base']}_tahun_ini"
    if year == tahun - 1:
        return f"{match['base']}_tahun_lalu"
    return key


def years_of(base: str, keys: list[str]) -> list[int]:
    """The years for which `keys` hold a value of `base` (`base_2022`, `base_2023`, ...)."""
    prefix = base + "_"
    return sorted(int(k[len(prefix):]) for k in keys if k.startswith(prefix) and k[len(prefix):].isdigit()
                  and len(k) - len(prefix) == 4)
