"""How many indikator reached each predikat and each status this year, and what share of all.

Every Ikhtisar Eksekutif has the sentence "3 (tiga) indikator atau 60,00% dikategorikan sangat
baik". Its three figures are keys here, so the sentence is computed and cannot disagree with the
table of capaian: `kinerja.predikat.sangat_baik.jumlah`, `.terbilang`, `.persen`, the same under
`kinerja.status.tercapai` (terlampaui, tercapai, tidak_tercapai) and
`kinerja.belum_dapat_diukur`. A share is of every indikator the report measures; counts that
include a provisional capaian are provisional too.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal

from ... import numbers
from ...core.compute import Figures
from ...core.model import Report
from ...views import values as v
from ...views.tables import Built, Column, Row, cells
from ...views.values import Value
from ..laporan import places
from .figures import KINERJA, Kinerja
from .model import SKALA

STATUSES = ("terlampaui", "tercapai", "tidak tercapai")


def slug(word: str) -> str:
    """A predikat or status as a key part: 'Sangat Baik' -> sangat_baik."""
    return re.sub(r"[^a-z0-9]+", "_", word.casefold()).strip("_")


def groups(report: Report, figures: Figures) -> list[tuple[str, str, list[Kinerja]]]:
    """(key, label, members): each predikat of the scale in its order, each status, and the indikator not
    yet measurable."""
    kinerja, p = list(figures.need(KINERJA).values()), places(report)
    out = []
    skala = report.get(SKALA)
    for band in skala.predikat.tingkat if skala else ():
        out.append((f"predikat.{slug(band.predikat)}", band.predikat,
                    [k for k in kinerja if k.kini.predikat == band.predikat]))
    for word in STATUSES:
        out.append((f"status.{slug(word)}", word, [k for k in kinerja if k.kini.status(p) == word]))
    out.append(("belum_dapat_diukur", "belum dapat diukur", [k for k in kinerja if k.kini.capaian is None]))
    return out


def _share(members: list[Kinerja], total: int, p: int) -> Value:
    return v.percent(Decimal(len(members)) * 100 / total if total else None, p, _provisional(members))


def _provisional(members: list[Kinerja]) -> bool:
    return any(k.kini.realisasi.sementara for k in members)


def keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    total, p = len(figures.need(KINERJA)), places(report)
    for key, _, members in groups(report, figures):
        base, sementara = f"kinerja.{key}", _provisional(members)
        yield f"{base}.jumlah", replace(v.count(len(members)), sementara=sementara)
        yield f"{base}.terbilang", v.text(numbers.terbilang(len(members)), sementara)
        yield f"{base}.persen", _share(members, total, p)


def table(report: Report, figures: Figures) -> Built:
    """Jumlah indikator per predikat: the scale's bands in order, then those not yet measurable, then the total."""
    total, p = len(figures.need(KINERJA)), places(report)
    rows = []
    for key, label, members in groups(report, figures):
        if key.startswith("status.") or (key == "belum_dapat_diukur" and not members):
            continue
        names = "; ".join(k.indikator.nama for k in members)
        rows.append(Row(key.replace(".", "_"), cells(label[:1].upper() + label[1:],
                                                     replace(v.count(len(members)), sementara=_provisional(members)),
                                                     _share(members, total, p), names or None)))
    rows.append(Row("jumlah", cells("Jumlah", v.count(total), v.percent(Decimal(100) if total else None, p), None),
                    "jumlah"))
    columns = (Column("predikat", "Predikat"), Column("jumlah", "Jumlah Indikator", "angka"),
               Column("persen", "Persentase", "persen"), Column("indikator", "Indikator"))
    return Built(columns, tuple(rows), ("Persentase dari seluruh indikator yang diukur tahun ini.",))
