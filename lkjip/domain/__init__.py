"""The LKjIP knowledge, by subject: the one registry of registries.

Each subject keeps its data files, figures, tables, lists, Markdown keys, printed figures
and checks together (see `lkjip.core.subject`). Adding a subject touches its own module and one
line here. Order matters only for documentation (`skema`, `kunci`): figures are ordered by
their declared dependencies.
"""
from __future__ import annotations

from ..core.subject import Subject
from . import (
    anggaran,
    dokumen,
    efisiensi,
    ikm,
    kinerja,
    koreksi,
    laporan,
    organisasi,
    pembanding,
    perencanaan,
    struktur,
    tabel,
    wilayah,
)

SUBJECTS: tuple[Subject, ...] = (
    laporan.SUBJECT,
    wilayah.SUBJECT,
    organisasi.SUBJECT,
    kinerja.SUBJECT,
    perencanaan.SUBJECT,
    anggaran.SUBJECT,
    ikm.SUBJECT,
    efisiensi.SUBJECT,
    pembanding.SUBJECT,
    dokumen.SUBJECT,
    tabel.SUBJECT,
    struktur.SUBJECT,
    koreksi.SUBJECT,
)
