"""Kinerja charts and headline cards: target against realisasi, each indikator over the years,
and the average capaian per sasaran for the home page.

Indikator are measured in different units (an index, a percentage, a count), so each group
of bars has its own scale from zero; every bar carries its value as the tables write it.
"""
from __future__ import annotations

from collections.abc import Iterator

from ...core.compute import Figures
from ...core.model import Report
from ...views.blocks import Card
from ...views.charts import Bar, Chart, Group
from ..laporan import laporan
from .averages import AVERAGES
from .figures import KINERJA, as_number
from .model import INDIKATOR
from .tables import measure, realisasi_value


def _name(ind: object) -> str:
    nomor, nama = getattr(ind, "nomor", None), getattr(ind, "nama", "")
    return f"{nomor} {nama}" if nomor else nama


def target_realisasi(report: Report, figures: Figures) -> Chart | None:
    groups = []
    for k in figures.need(KINERJA).values():
        ind, now = k.indikator, k.kini
        target = as_number(now.target.nilai if now.target else None, ind)
        real = as_number(now.realisasi.nilai, ind)
        if target is None or real is None:
            continue
        groups.append(Group(_name(ind), (
            Bar(0, target, measure(now.target.nilai if now.target else None, ind).text(), "target"),
            Bar(1, real, realisasi_value(now.realisasi, ind, report).text(), "realisasi")), row=ind.id))
    if not groups:
        return None
    return Chart("capaian", "", ("Target", "Realisasi"), tuple(groups), shared_scale=False,
                 catatan="Setiap indikator digambar pada skalanya sendiri, mulai dari nol.")


def over_the_years(report: Report, figures: Figures) -> Chart | None:
    kinerja = figures.need(KINERJA)
    years = sorted({t.tahun for k in kinerja.values() for t in k.riwayat if t.realisasi.nilai is not None})
    groups = []
    for k in kinerja.values():
        ind = k.indikator
        bars = []
        for t in k.riwayat:
            value = as_number(t.realisasi.nilai, ind)
            if value is not None and t.tahun in years:
                bars.append(Bar(years.index(t.tahun), value, realisasi_value(t.realisasi, ind, report).text(),
                                f"realisasi_{t.tahun}"))
        if len(bars) > 1:
            groups.append(Group(_name(ind), tuple(bars), k.kini.tren or "", ind.id))
    if not groups:
        return None
    return Chart("perbandingan_tahunan", "", tuple(str(y) for y in years), tuple(groups), shared_scale=False,
                 catatan="Realisasi setiap tahun; di samping nama indikator, perubahan terhadap tahun sebelumnya.")


def cards(report: Report, figures: Figures) -> Iterator[Card]:
    """The average capaian of each sasaran, from the rata-rata table (shown only where a chapter places it)."""
    avg, year = figures.need(AVERAGES), laporan(report).tahun
    for s in report.need(INDIKATOR).sasaran:
        if avg.per_sasaran.get(s.id, {}).get(year) is None:
            continue
        label = "Rata-rata capaian sementara" if avg.is_sementara(year, s.id) else "Rata-rata capaian"
        yield Card(s.nama, "rata_rata_capaian", (s.id, f"capaian_{year}"), label, (), 10)
