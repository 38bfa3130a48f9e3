"""The LKjIP knowledge, by subject: the one registry of registries.

Each subject keeps its data files, figures, tables, lists, Markdown keys, printed figures
and checks together (see `lkjip.core.subject`). Adding a subject touches its own module and one
line here. Order matters only for documentation (`skema`, `kunci`): figures are ordered by
their declared dependencies.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.subject import Subject

    SUBJECTS: tuple[Subject, ...]

ORDER = ("laporan", "wilayah", "organisasi", "kinerja", "perencanaan", "anggaran", "ikm", "efisiensi", "pembanding",
         "dokumen", "tabel", "struktur", "koreksi")
"""The subjects, each a module of this package with its `SUBJECT`, in the order of the documentation."""


def __getattr__(name: str) -> Any:
    """`SUBJECTS`, made when first asked for: importing one module of the domain (the office kinds for
    the command line's help, say) does not load every subject."""
    if name == "SUBJECTS":
        subjects = tuple(import_module(f".{module}", __name__).SUBJECT for module in ORDER)
        globals()["SUBJECTS"] = subjects
        return subjects
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
