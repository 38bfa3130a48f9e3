"""Kinerja rules: what makes the data invalid (errors) and where documents disagree (warnings).

Errors stop the build before figures are computed: no Perjanjian Kinerja for the report
year, an indikator it does not measure, a category where a number belongs. Warnings are
the report disagreeing with itself: another document's target for the report year that
differs from the PK in force, a budget that differs from the DPA.
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ...compute import Figures
from ...diagnostics import Diagnostic, Loc, error, warning
from ...isian import is_placeholder
from ...model import Report
from ...numbers import as_written, rupiah
from ..anggaran import ANGGARAN_FIGURE
from ..laporan import laporan
from ..perencanaan import RENSTRA
from ..target import Measure
from .figures import KINERJA, TARGETS, end_condition_differences, pk_in_force
from .model import IKU, INDIKATOR, PERJANJIAN, RKT, Indikator, RealisasiRinci


def validate(report: Report) -> Iterator[Diagnostic]:
    yield from _pk_of_the_year(report)
    for i, ind in enumerate(report.need(INDIKATOR).indikator):
        yield from _indikator(report, ind, f"indikator[{i}]")
    yield from _document_values(report)


def _pk_of_the_year(report: Report) -> Iterator[Diagnostic]:
    year = laporan(report).tahun
    data = report.need(PERJANJIAN)
    docs = [d for d in data.dokumen if d.tahun == year]
    if not docs:
        years = ", ".join(sorted({str(d.tahun) for d in data.dokumen}))
        yield error(data.loc.at("dokumen"), f"tidak ada Perjanjian Kinerja tahun {year}, tahun laporan ini",
                    f"tambahkan dokumen dengan 'tahun: {year}' (yang ada: tahun {years})", "no-pk")
        return
    dates = [d.tanggal for d in docs]
    for d in docs:
        if dates.count(d.tanggal) > 1:
            yield error(d.loc.at("tanggal"), f"dua Perjanjian Kinerja tahun {year} bertanggal sama "
                        f"({d.tanggal.isoformat()}); yang berlaku adalah yang terakhir ditandatangani",
                        "bedakan tanggalnya", "pk-ambiguous")
    latest = pk_in_force(report, year)
    assert latest is not None
    agreed = {t.indikator for t in latest.target}
    for i, ind in enumerate(report.need(INDIKATOR).indikator):
        if ind.id not in agreed:
            yield error(ind.loc.at(f"indikator[{i}].id"), f"indikator '{ind.id}' tidak ditetapkan dalam "
                        f"{latest.judul} (data/perjanjian_kinerja.yaml), Perjanjian Kinerja yang berlaku",
                        "tambahkan targetnya ke Perjanjian Kinerja itu atau hapus indikator ini", "unmeasured")


def _indikator(report: Report, ind: Indikator, path: str) -> Iterator[Diagnostic]:
    year = laporan(report).tahun
    if ind.jenis == "kategori" and ind.kategori is None:
        yield error(ind.loc.at(f"{path}.kategori"), f"indikator '{ind.id}' berjenis kategori tetapi tidak punya "
                    "'kategori'", "tambahkan 'kategori: {urutan: [AA, A, BB, B, CC, C, D], capaian: peringkat}'",
                    "missing")
    if ind.kategori is not None and ind.jenis != "kategori":
        yield error(ind.loc.at(f"{path}.kategori"), "'kategori' hanya untuk indikator berjenis kategori",
                    "tulis 'jenis: kategori' atau hapus 'kategori'", "kind")
    if ind.kategori is not None and ind.kategori.capaian == "nilai":
        missing = [k for k in ind.kategori.urutan if k not in ind.kategori.nilai]
        if missing:
            yield error(ind.kategori.loc.at(f"{path}.kategori.nilai"), "kategori tanpa nilai: " + ", ".join(missing),
                        "capaian 'nilai' memerlukan angka untuk setiap kategori", "missing")
    if year in ind.target:
        yield error(ind.loc.at(f"{path}.target.{year}"), f"target tahun {year} ditetapkan oleh Perjanjian Kinerja",
                    "hapus dari sini; tulis target tahun laporan di data/perjanjian_kinerja.yaml", "target-year")
    for y, value in ind.target.items():
        yield from _value(ind, value, ind.loc.at(f"{path}.target.{y}"), f"target {y}")
    for y, entry in ind.realisasi.items():
        where = ind.loc.at(f"{path}.realisasi.{y}")
        if isinstance(entry, RealisasiRinci):
            yield from _detailed(ind, entry, where, y)
            if entry.sementara and not entry.sumber:
                yield error(entry.at("sementara"), f"realisasi {y} {ind.id} sementara tanpa sumber",
                            "nilai sementara dipakai hanya bila sumbernya disebut: tulis sumber: \"...\" (mis. nilai "
                            "tahun sebelumnya dari instansi penerbit), atau hapus nilainya agar indikator ini "
                            "'belum dapat diukur'", "provisional-source")
            if entry.nilai is not None:
                yield from _value(ind, entry.nilai, where, f"realisasi {y}")
        else:
            yield from _value(ind, entry, where, f"realisasi {y}")


def _detailed(ind: Indikator, entry: RealisasiRinci, where: Loc, year: int) -> Iterator[Diagnostic]:
    ratio = entry.pembilang is not None or entry.penyebut is not None
    ways = [entry.nilai is not None, ratio, entry.dihitung is not None]
    if sum(ways) != 1:
        yield error(where, f"realisasi {year} harus berupa salah satu: 'nilai', 'pembilang' dan 'penyebut', atau "
                    "'dihitung'", "", "realisasi-shape")
    if ratio:
        if ind.jenis != "persen":
            yield error(where, "'pembilang' dan 'penyebut' hanya untuk indikator berjenis persen", "", "kind")
        if entry.pembilang is None or entry.penyebut is None:
            yield error(where, "'pembilang' dan 'penyebut' harus ditulis keduanya", "", "missing")
        elif entry.penyebut == 0:
            yield error(where, "penyebut tidak boleh 0", "", "range")
        elif entry.pembilang > entry.penyebut:
            yield error(where, f"pembilang {entry.pembilang} melebihi penyebut {entry.penyebut}",
                        "persentase paling besar 100", "range")


def _value(ind: Indikator, value: Measure, where: Loc, what: str) -> Iterator[Diagnostic]:
    if is_placeholder(value):
        return  # not filled in yet: reported as such (lkjip.isian), and capaian waits for it
    if ind.jenis == "kategori":
        scale = ind.kategori.urutan if ind.kategori else ()
        if not isinstance(value, str) or value not in scale:
            yield error(where, f"{what} {ind.id}: diharapkan salah satu kategori {', '.join(scale)}, ditemukan "
                        f"'{value}'", "", "type")
        return
    if isinstance(value, str):
        yield error(where, f"{what} {ind.id}: diharapkan angka, ditemukan teks '{value}'",
                    "hanya indikator berjenis kategori yang berisi kata", "type")
    elif ind.jenis == "persen" and value > 100:
        yield error(where, f"{what} {ind.id} {as_written(value)}% melebihi 100%", "indikator persentase paling "
                    "besar 100", "range")


def _document_values(report: Report) -> Iterator[Diagnostic]:
    inds = {i.id: i for i in report.need(INDIKATOR).indikator}
    docs: list[Any] = list(report.need(PERJANJIAN).dokumen)
    docs += [d for d in (report.get(RKT), report.get(IKU)) if d is not None]
    for doc in docs:
        for t in doc.target:
            if t.indikator in inds:
                yield from _value(inds[t.indikator], t.nilai, t.at("nilai"), f"target {doc.id}")


def checks(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    yield from _lineage(report, figures)
    yield from _budget_lineage(report, figures)
    yield from _end_targets(report, figures)
    yield from _end_condition(report, figures)


def _show(value: Measure) -> str:
    return as_written(value) if isinstance(value, Decimal) else value


def _lineage(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    """Every other document's target against the target that counts, for every year."""
    targets = figures.need(TARGETS)
    for fact in targets.facts:
        if not fact.berlaku:
            continue
        ref = targets.berlaku(fact.indikator, fact.tahun)
        if ref is None or ref is fact or ref.nilai == fact.nilai or ref.peran == "riwayat":
            continue  # an earlier year's target kept on the indikator is history, checked in that year's report
        yield warning(fact.loc, f"target {fact.indikator} {fact.tahun} di {fact.label} ({_show(fact.nilai)}) berbeda "
                      f"dengan {ref.label} ({_show(ref.nilai)}, {ref.loc.file}:{ref.loc.line})",
                      f"{ref.label} adalah target yang diukur", "target-lineage")


def _budget_lineage(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    budget = figures.get(ANGGARAN_FIGURE)
    if budget is None:
        return
    docs = [d for d in (report.get(RKT), pk_in_force(report, laporan(report).tahun)) if d is not None]
    for doc in docs:
        for row in doc.anggaran:
            dpa = budget.program[row.program].pagu
            if row.pagu != dpa:
                yield warning(row.loc, f"pagu {row.program} di {doc.judul} ({rupiah(row.pagu)}) berbeda dengan pagu "
                              f"realisasi anggaran ({rupiah(dpa)})", "", "budget-lineage")


def _end_targets(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    renstra = report.get(RENSTRA)
    if renstra is None:
        return
    for id, k in figures.need(KINERJA).items():
        if k.target_akhir is None:
            yield warning(k.indikator.loc, f"indikator '{id}' tidak memiliki target tahun {renstra.periode.akhir} "
                          f"dalam {renstra.versi[-1].judul} (data/renstra.yaml); tingkat kemajuannya tidak dapat "
                          "dihitung", "tambahkan baris matriks dengan 'indikator_kinerja' atau 'target_tambahan'",
                          "no-end-target")


def _end_condition(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    for d in end_condition_differences(report, figures):
        akhir = d.akhir
        yield warning(d.loc, f"kondisi kinerja akhir periode {d.kinerja.indikator.nama} di matriks Renstra "
                      f"({as_written(d.kondisi)}) berbeda dengan target tahun {akhir.tahun} {akhir.label} "
                      f"({_show(akhir.nilai)}, {akhir.loc.file}:{akhir.loc.line})",
                      "tingkat kemajuan memakai target tahun terakhir versi Renstra yang berlaku", "end-condition")
