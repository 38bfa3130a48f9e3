"""Kinerja rules: what makes the data invalid (errors) and where documents disagree (warnings).

Errors stop the build before figures are computed: no Perjanjian Kinerja for the report
year, an indikator it does not measure, a category where a number belongs. Warnings are
the report disagreeing with itself: another document's target for the report year that
differs from the PK in force, a budget that differs from the DPA; a capaian the formula
leaves to a rule the office has not declared (below 0%, a target of 0); and a figure that is
almost certainly a typing mistake (a realisasi a hundred times its target).
"""
from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ...core.compute import Figures
from ...core.model import Report
from ...diagnostics import Diagnostic, Loc, error, warning
from ...isian import is_placeholder
from ...numbers import as_written, rupiah
from ...views import values as v
from ..anggaran import ANGGARAN_FIGURE
from ..laporan import laporan, places
from ..perencanaan import RENSTRA
from ..target import Measure
from .figures import KINERJA, TARGETS, as_number, capaian_rule, end_condition_differences, pk_in_force
from .model import IKU, INDIKATOR, PERJANJIAN, RKT, SKALA, Indikator, RealisasiRinci


def validate(report: Report) -> Iterator[Diagnostic]:
    yield from _pk_of_the_year(report)
    yield from _scale(report)
    for i, ind in enumerate(report.need(INDIKATOR).indikator):
        yield from _indikator(report, ind, f"indikator[{i}]")
    yield from _document_values(report)


def _scale(report: Report) -> Iterator[Diagnostic]:
    skala = report.get(SKALA)
    for i, band in enumerate(skala.predikat.tingkat[:-1] if skala else ()):
        if band.min is None:
            yield error(band.loc.at(f"predikat.tingkat[{i}]"), f"tingkat '{band.predikat}' tanpa 'min'",
                        "hanya tingkat terakhir (terendah) yang boleh tanpa batas bawah", "missing")


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
    if ind.pengali is not None and ind.jenis != "angka":
        yield error(ind.at("pengali"), f"'pengali' hanya untuk indikator berjenis angka (rasio), bukan {ind.jenis}",
                    "persentase selalu memakai 100: hapus 'pengali'" if ind.jenis == "persen" else
                    "hapus 'pengali' atau tulis 'jenis: angka'", "kind")
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
        where = ind.at("realisasi").at(f"{path}.realisasi.{y}")
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
        if ind.multiplier is None:
            yield error(where, f"'pembilang' dan 'penyebut' memerlukan indikator berjenis persen, atau 'pengali' "
                        f"pada indikator {ind.id}", "untuk rasio per 1.000 atau per 100.000 tulis pada indikatornya, "
                        "mis. 'pengali: 100000' dan 'satuan: per 100.000 kelahiran hidup'", "kind")
        if entry.pembilang is None or entry.penyebut is None:
            yield error(where, "'pembilang' dan 'penyebut' harus ditulis keduanya", "", "missing")
        elif entry.penyebut == 0:
            yield error(where, "penyebut tidak boleh 0", "", "range")
        elif ind.jenis == "persen" and entry.pembilang > entry.penyebut:
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
    yield from _capaian_rules(report, figures)
    yield from _implausible(report, figures)
    yield from _budget_lineage(report, figures)
    yield from _end_targets(report, figures)
    yield from _end_condition(report, figures)


def _realisasi_at(ind: Indikator, year: int) -> Loc:
    """Where an indikator's realisasi of a year is written: the line of its `realisasi`."""
    return ind.at("realisasi").at(f"{ind.loc.path}.realisasi.{year}")


def _capaian_rules(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    """A capaian the formula leaves to the office (below 0%, a target of 0) without its declared rule, and a
    capaian below the lowest band of the scale: each said once where the realisasi is written."""
    rule, skala, p = capaian_rule(report), report.get(SKALA), places(report)
    lowest = min((b.batas for b in skala.predikat.tingkat), default=None) if skala else None
    for k in figures.need(KINERJA).values():
        ind = k.indikator
        for t in k.riwayat:
            if t.capaian is not None and t.capaian < 0:
                shown = v.percent(t.capaian, p).text()
                if rule is None:
                    yield warning(_realisasi_at(ind, t.tahun), f"capaian {ind.id} {t.tahun} {shown}, di bawah 0%, "
                                  "dihitung apa adanya dalam rata-rata tanpa aturan yang dinyatakan",
                                  "nyatakan aturan instansi di data/indikator.yaml: aturan_capaian: {dasar: "
                                  "\"Peraturan ... Pasal ...\", di_bawah_nol: apa_adanya | nol | dikecualikan}",
                                  "capaian-rule")
                if lowest is not None and t.predikat is None:
                    yield warning(_realisasi_at(ind, t.tahun), f"capaian {ind.id} {t.tahun} {shown} di bawah "
                                  f"tingkat terendah skala predikat ({v.percent(lowest).text()}): predikatnya tidak "
                                  "dapat ditentukan", "bila dasar hukum skala menggolongkannya ke tingkat terendah, "
                                  "tulis tingkat terakhir di data/skala.yaml tanpa 'min'", "capaian-rule")
            if t.target is not None and as_number(t.target.nilai, ind) == 0 and t.capaian is None \
                    and t.realisasi.nilai is not None:
                hint = ("nyatakan di data/indikator.yaml: aturan_capaian: {dasar: \"...\", target_nol: biner} "
                        "(100% bila realisasi 0, 0% bila lebih)" if ind.arah == "turun"
                        else "target 0 untuk indikator yang makin tinggi makin baik tidak dapat diukur; periksa "
                        "targetnya")
                yield warning(t.target.loc, f"target {ind.id} {t.tahun} adalah 0: capaiannya tidak dapat dihitung",
                              hint, "capaian-rule")


def _implausible(report: Report, figures: Figures) -> Iterator[Diagnostic]:
    """A realisasi a hundred times its target (or more) is almost certainly a typing mistake: a thousands
    separator read as a decimal, a percentage typed as a count."""
    for k in figures.need(KINERJA).values():
        ind = k.indikator
        for t in k.riwayat:
            target = as_number(t.target.nilai, ind) if t.target else None
            real = as_number(t.realisasi.nilai, ind)
            if ind.jenis == "kategori" or target is None or real is None or target <= 0:
                continue
            if real >= 100 * target or (real > 0 and 100 * real <= target):
                yield warning(_realisasi_at(ind, t.tahun), f"realisasi {ind.id} {t.tahun} ({as_written(real)}) "
                              f"{'seratus kali atau lebih' if real > target else 'seperseratus atau kurang dari'} "
                              f"targetnya ({as_written(target)})", "periksa angkanya: titik ribuan, koma desimal, "
                              "atau satuan yang tertukar", "implausible")


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
