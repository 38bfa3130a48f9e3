"""Next year's data files, by the subjects' own rules (`lkjip.core.nextyear`).

Each subject says what becomes of each of its data files (`Subject.next_year`) and rewrites its
`ubah` files itself (`Subject.rewrites`); this module gathers those rules over the subjects
and writes what the new report's data files say about where they came from.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.nextyear import BAWA, TINGGAL, UBAH, Context, Policy, Rewrite, isi, shift_years
from ..core.subject import Subject

__all__ = ["BAWA", "TINGGAL", "UBAH", "Context", "isi", "policies", "rewrites", "shift_years"]


def policies(subjects: Sequence[Subject]) -> dict[str, Policy]:
    """Per data file (or data folder) of every subject, what next year's report does with it."""
    return {name: policy for s in subjects for name, policy in s.next_year.items()}


def rewrites(subjects: Sequence[Subject]) -> dict[str, Rewrite]:
    """The `ubah` files and the rule of the subject each belongs to."""
    return {name: rule for s in subjects for name, rule in s.rewrites.items()}


def header(name: str, c: Context, source: str) -> list[str]:
    return [f"Ditulis ulang untuk tahun {c.new} oleh 'python build.py baru --dari' dari {source}/data/{name}.yaml",
            f"(tahun {c.old}). Ganti setiap \"ISI: ...\"; daftarnya: python build.py check."]


def table_entries(raw: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """laporan.yaml without titles of tables the new report no longer has (a superseded PK's)."""
    if isinstance(raw.get("tabel"), dict):
        raw = {**raw, "tabel": {id: v for id, v in raw["tabel"].items() if id in known}}
    return raw
