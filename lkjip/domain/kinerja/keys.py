"""The kinerja values Markdown may quote: per indikator and year, averages, documents.

`indikator.sakip.capaian` is this year's; `indikator.sakip.capaian_2023` an earlier year's;
`indikator.sakip.tren` says naik, turun or tetap against the year before (on realisasi or on
capaian, as data/indikator.yaml declares; `tren_realisasi` and `tren_capaian` name each),
`sasaran.ID.tren` the same of a sasaran's average capaian, and `indikator.sakip.status`
terlampaui, tercapai or tidak tercapai against the target, from the figures, so prose that
judges cannot contradict the tables (see `lkjip.check.words`).
"""
from __future__ import annotations

from collections.abc import Iterator

from ...check import words
from ...core.compute import Figures
from ...core.model import Report
from ...views import values as v
from ...views.values import Value
from ..laporan import laporan, places
from ..perencanaan import RENSTRA
from . import sebaran
from .averages import AVERAGES, RataRata
from .figures import KINERJA, Kinerja, Tahunan, pk_in_force, predikat, shown_difference, trend
from .model import IKU, INDIKATOR, PERJANJIAN, RKT, SKALA, Indikator
from .tables import measure, realisasi_value, unmeasured

NOT_COMPUTABLE = v.Value("kosong", note=v.TIDAK_DAPAT_DIHITUNG)


def _word(word: str | None, sementara: bool = False) -> Value:
    return v.text(word, sementara) if word else NOT_COMPUTABLE


def _change(value: object, ind: Indikator) -> Value:
    """A change between two figures as shown (`shown_difference`): exact, with the decimals it has."""
    if value is None:
        return NOT_COMPUTABLE
    return measure(value, ind)  # type: ignore[arg-type]


def _year_keys(base: str, t: Tahunan, ind: Indikator, report: Report, suffix: str) -> Iterator[tuple[str, Value]]:
    p, real = places(report), t.realisasi
    yield f"{base}.target{suffix}", measure(t.target.nilai if t.target else None, ind)
    yield f"{base}.realisasi{suffix}", realisasi_value(real, ind, report)
    yield f"{base}.capaian{suffix}", v.percent(t.capaian, p, real.sementara, unmeasured(real))
    if report.has(SKALA):
        yield f"{base}.predikat{suffix}", _word(t.predikat, real.sementara)
    yield f"{base}.status{suffix}", v.word(t.status(p), "status", real.sementara)
    yield f"{base}.tren{suffix}", v.word(t.tren_dinyatakan, "tren", real.sementara)
    yield f"{base}.tren_realisasi{suffix}", v.word(t.tren, "tren", real.sementara)
    yield f"{base}.perubahan{suffix}", _change(t.perubahan, ind)
    yield f"{base}.tren_capaian{suffix}", v.word(t.tren_capaian, "tren", real.sementara)
    yield f"{base}.perubahan_capaian{suffix}", v.percent(t.perubahan_capaian, p, real.sementara)


def _indikator_keys(k: Kinerja, report: Report) -> Iterator[tuple[str, Value]]:
    ind, p = k.indikator, places(report)
    base = f"indikator.{ind.id}"
    yield f"{base}.nama", v.text(ind.nama)
    yield from _year_keys(base, k.kini, ind, report, "")
    for t in k.riwayat:
        yield from _year_keys(base, t, ind, report, f"_{t.tahun}")
    if report.has(RENSTRA):
        yield f"{base}.target_akhir", measure(k.target_akhir.nilai if k.target_akhir else None, ind)
        yield f"{base}.kemajuan", v.percent(k.kemajuan, p, k.kini.realisasi.sementara)


def _average_keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    avg, p, year = figures.need(AVERAGES), places(report), laporan(report).tahun
    now, before = avg.keseluruhan.get(year), avg.keseluruhan.get(year - 1)
    provisional = avg.is_sementara(year) or avg.is_sementara(year - 1)   # what compares the two years
    yield "kinerja.rata_rata_capaian", v.percent(now, p, avg.is_sementara(year))
    yield "kinerja.cakupan_rata_rata", v.text(avg.cakupan(year) or f"{avg.jumlah} indikator")
    for y in avg.tahun():
        yield f"kinerja.rata_rata_capaian_{y}", v.percent(avg.keseluruhan[y], p, avg.is_sementara(y))
    yield "kinerja.perubahan_rata_rata_capaian", v.percent(shown_difference(now, p, before, p), p, provisional)
    yield "kinerja.tren_rata_rata_capaian", v.word(trend(now, before, p), "tren", provisional)
    if report.has(SKALA):
        yield "kinerja.predikat_rata_rata_capaian", _word(predikat(now, report.need(SKALA).predikat, p),
                                                          avg.is_sementara(year))
    for s in report.need(INDIKATOR).sasaran:
        yield f"sasaran.{s.id}.nama", v.text(s.nama)
        yield from _sasaran_year_keys(avg, s.id, year, p, "")
        for y in avg.per_sasaran.get(s.id, {}):
            yield from _sasaran_year_keys(avg, s.id, y, p, f"_{y}")


def _sasaran_year_keys(avg: RataRata, sasaran: str, year: int, p: int, suffix: str) -> Iterator[tuple[str, Value]]:
    """A sasaran's average capaian in one year, and naik/turun/tetap and the change against the year before."""
    base, provisional = f"sasaran.{sasaran}", avg.perubahan_sementara(year, sasaran)
    yield f"{base}.rata_rata_capaian{suffix}", v.percent(avg.per_sasaran.get(sasaran, {}).get(year), p,
                                                         avg.is_sementara(year, sasaran))
    yield f"{base}.tren{suffix}", v.word(avg.tren(sasaran, year, p), "tren", provisional)
    yield f"{base}.perubahan{suffix}", v.percent(avg.perubahan(sasaran, year, p), p, provisional)


def _document_keys(report: Report) -> Iterator[tuple[str, Value]]:
    for doc in report.need(PERJANJIAN).dokumen:
        yield f"dokumen.{doc.id}.judul", v.text(doc.judul)
        yield f"dokumen.{doc.id}.tanggal", v.date(doc.tanggal)
        yield f"dokumen.{doc.id}.tempat", v.text(doc.tempat)
    pk = pk_in_force(report, laporan(report).tahun)
    if pk is not None:
        yield "dokumen.pk_berlaku.judul", v.text(pk.judul)
        yield "dokumen.pk_berlaku.tanggal", v.date(pk.tanggal)
    for other in (report.get(RKT), report.get(IKU)):
        if other is not None:
            yield f"dokumen.{other.id}.judul", v.text(other.judul)
    iku = report.get(IKU)
    if iku is not None:
        for attr in ("visi", "misi", "tujuan", "indikator_tujuan"):
            yield f"iku.{attr}", v.text(getattr(iku, attr))


def keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    kinerja = figures.need(KINERJA)
    for k in kinerja.values():
        yield from _indikator_keys(k, report)
    yield "kinerja.jumlah_indikator", v.count(len(kinerja))
    yield "kinerja.jumlah_sementara", v.count(sum(1 for k in kinerja.values() if k.kini.realisasi.sementara))
    reached = sum(1 for k in kinerja.values() if _reached(k, places(report)))
    yield "kinerja.jumlah_tercapai", v.count(reached)
    yield "kinerja.cakupan_tercapai", v.word(words.cakupan(reached, len(kinerja)), "cakupan")
    yield from _average_keys(report, figures)
    yield from sebaran.keys(report, figures)
    yield from _document_keys(report)


def _reached(k: Kinerja, p: int) -> bool:
    """Capaian of at least 100% at the precision the report shows."""
    return k.kini.status(p) in ("terlampaui", "tercapai")
