"""Kinerja tables: capaian, comparisons over years, averages, tingkat kemajuan, documents' targets.

Rows follow the order the data gives; an indikator's sasaran cell spans the consecutive
rows of that sasaran, and a section row separates sasaran strategis from kinerja lainnya
when a report has both.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from decimal import Decimal

from ...core.compute import Figures
from ...core.model import Report
from ...numbers import as_written
from ...views import values as v
from ...views.tables import Built, Cell, Column, Row, cells, section
from ...views.values import EMPTY, Value
from ..anggaran import ANGGARAN
from ..laporan import laporan, places, rounding_note
from ..perencanaan import RENSTRA
from ..target import Measure
from .averages import AVERAGES
from .figures import (
    KINERJA,
    PK_CHANGES,
    Kinerja,
    Realisasi,
    as_number,
    capaian_rule,
    end_condition_differences,
    pk_in_force,
)
from .model import IKU, INDIKATOR, SKALA, Dokumen, Indikator, Sasaran

JENIS_LABEL = {"strategis": "Sasaran Strategis", "lainnya": "Kinerja Lainnya"}
LEAD = (Column("no", "No"), Column("sasaran", "Sasaran"), Column("indikator", "Indikator Kinerja"))


def measure(value: Measure | None, ind: Indikator, computed_places: int | None = None,
            sementara: bool = False) -> Value:
    """An indikator's target or realisasi in its own unit: '93,15%', '2 Inovasi', '82', 'BB'."""
    if value is None:
        return EMPTY
    if isinstance(value, str):
        return v.text(value, sementara)
    if ind.jenis == "persen":
        return v.percent(value, computed_places, sementara)
    if computed_places is not None:
        return v.computed(value, computed_places, ind.satuan, sementara)
    return v.source(value, ind.satuan, sementara)


def realisasi_value(real: Realisasi, ind: Indikator, report: Report) -> Value:
    return measure(real.nilai, ind, places(report) if real.computed else None, real.sementara)


SasaranRow = Callable[[Sasaran], Row | None]
"""A row closing a sasaran's indikator (its average), whose cells start at the indikator column."""


def indicator_rows(report: Report, width: int, build: Callable[[Indikator], Sequence[Value | Cell | str | None]],
                   only: Iterable[str] | None = None, closing: SasaranRow | None = None) -> tuple[Row, ...]:
    data = report.need(INDIKATOR)
    sasaran = {s.id: s for s in data.sasaran}
    chosen = [i for i in data.indikator if only is None or i.id in set(only)]
    several_kinds = len({sasaran[i.sasaran].jenis for i in chosen}) > 1
    rows: list[Row] = []
    jenis, close = None, None
    for n, ind in enumerate(chosen):
        s = sasaran[ind.sasaran]
        if several_kinds and s.jenis != jenis:
            rows.append(section(f"bagian_{s.jenis}", JENIS_LABEL[s.jenis], width))
        jenis = s.jenis
        starts = n == 0 or chosen[n - 1].sasaran != ind.sasaran or rows[-1].kind == "bagian"
        if starts:
            span = 1
            while n + span < len(chosen) and chosen[n + span].sasaran == ind.sasaran:
                span += 1
            last_run = all(i.sasaran != ind.sasaran for i in chosen[n + span:])
            close = closing(s) if closing is not None and last_run else None
            span += close is not None
            lead: tuple[Cell | None, ...] = (Cell(v.text(str(s.nomor) if s.nomor else ""), span),
                                             Cell(v.text(s.nama), span))
        else:
            lead = (None, None)
        name = f"{ind.nomor} {ind.nama}" if ind.nomor else ind.nama
        rows.append(Row(ind.id, lead + cells(name, *build(ind))))
        ends = n + 1 == len(chosen) or chosen[n + 1].sasaran != ind.sasaran
        if ends and close is not None:
            rows.append(replace(close, cells=(None, None) + close.cells))
            close = None
    return tuple(rows)


def _sementara_notes(report: Report, figures: Figures) -> tuple[str, ...]:
    notes = []
    for k in figures.need(KINERJA).values():
        real = k.kini.realisasi
        if real.sementara:
            why = real.catatan or "belum final"
            source = f" Sumber: {real.sumber}." if real.sumber else ""
            notes.append(f"Realisasi {k.indikator.nama} bersifat sementara: {why}.{source}")
        elif real.nilai is None:
            notes.append(f"Realisasi {k.indikator.nama} tahun {laporan(report).tahun} belum ada: indikator ini "
                         "belum dapat diukur dan tidak ikut dirata-rata.")
    return tuple(notes)


def unmeasured(real: Realisasi) -> str:
    """Why a capaian is absent: no realisasi yet ('belum dapat diukur'), or it cannot be computed."""
    return v.BELUM_DAPAT_DIUKUR if real.nilai is None else v.TIDAK_DAPAT_DIHITUNG


def _kinerja(figures: Figures, ind: Indikator) -> Kinerja:
    return figures.need(KINERJA)[ind.id]


def capaian_table(report: Report, figures: Figures) -> Built:
    p, has_scale = places(report), report.get(SKALA) is not None

    def build(ind: Indikator) -> tuple[Value, ...]:
        t = _kinerja(figures, ind).kini
        real = t.realisasi
        out = (measure(t.target.nilai if t.target else None, ind), realisasi_value(real, ind, report),
               v.percent(t.capaian, p, real.sementara, unmeasured(real)))
        predikat = v.text(t.predikat, real.sementara) if t.predikat else v.text(unmeasured(real))
        return out + ((predikat,) if has_scale else ())
    pk = pk_in_force(report, laporan(report).tahun)
    notes = [f"Target yang diukur adalah target {pk.judul}." if pk else "",
             "Capaian = realisasi ÷ target × 100% (indikator makin tinggi makin baik); "
             "(2 × target − realisasi) ÷ target × 100% (makin rendah makin baik).",
             *_category_notes(report), rounding_note(report), *_sementara_notes(report, figures)]
    columns: tuple[Column, ...] = LEAD + (
        Column("target", "Target", "angka"), Column("realisasi", "Realisasi", "angka"),
        Column("capaian", "Capaian Kinerja", "persen"))
    if has_scale:
        columns += (Column("predikat", "Predikat"),)
    return Built(columns, indicator_rows(report, len(columns), build), tuple(n for n in notes if n))


def _category_notes(report: Report) -> list[str]:
    notes = []
    for ind in report.need(INDIKATOR).indikator:
        if ind.kategori is None:
            continue
        scale = ", ".join(ind.kategori.urutan)
        if ind.kategori.capaian == "peringkat":
            notes.append(f"{ind.nama} berupa kategori ({scale}, dari yang terbaik): capaian = peringkat realisasi ÷ "
                         "peringkat target × 100%, dengan kategori terendah berperingkat 1.")
        else:
            values = ", ".join(f"{k} = {v.source(n).text()}" for k, n in ind.kategori.nilai.items())
            notes.append(f"{ind.nama} berupa kategori ({scale}); capaian dihitung dari nilai setiap kategori: "
                         f"{values}.")
    return notes


def history_years(figures: Figures) -> list[int]:
    return sorted({t.tahun for k in figures.need(KINERJA).values() for t in k.riwayat})


def perbandingan_table(report: Report, figures: Figures) -> Built:
    years = history_years(figures)

    def build(ind: Indikator) -> list[Value]:
        k = _kinerja(figures, ind)
        rows = [k.tahun(y) for y in years]
        targets = [measure(t.target.nilai, ind) if t and t.target else EMPTY for t in rows]
        reals = [realisasi_value(t.realisasi, ind, report) if t else EMPTY for t in rows]
        return targets + reals
    columns = LEAD + tuple(Column(f"target_{y}", f"Th. {y}", "angka", ("Target",)) for y in years) + \
        tuple(Column(f"realisasi_{y}", f"Th. {y}", "angka", ("Realisasi",)) for y in years)
    return Built(columns, indicator_rows(report, len(columns), build), _sementara_notes(report, figures))


def status_table(report: Report, figures: Figures) -> Built:
    years, p = history_years(figures), places(report)

    def build(ind: Indikator) -> list[Value]:
        k = _kinerja(figures, ind)
        by_year = [k.tahun(y) for y in years]
        out = [v.percent(t.capaian, p, t.realisasi.sementara) if t else EMPTY for t in by_year]
        now = k.kini
        change = v.Value("persen", now.perubahan_capaian, places=p) if now.perubahan_capaian is not None else EMPTY
        return out + [change, v.text(now.tren_capaian)]
    columns = LEAD + tuple(Column(f"capaian_{y}", f"Th. {y}", "persen", ("Capaian",)) for y in years) + (
        Column("perubahan", "Perubahan (poin)", "persen"), Column("status", "Status"))
    notes = (f"Perubahan dan status membandingkan capaian {laporan(report).tahun} dengan capaian tahun sebelumnya "
             "(naik, turun atau tetap, pada ketelitian yang ditampilkan).",)
    return Built(columns, indicator_rows(report, len(columns), build), notes)


def status_tahunan_table(report: Report, figures: Figures) -> Built:
    """Every year's capaian and naik/turun/tetap, per indikator on what the office declared and per
    sasaran on its average capaian; a year without a year before it has no word (its column drops)."""
    years, p, avg = history_years(figures), places(report), figures.need(AVERAGES)

    def word(tren: str | None, before: bool, sementara: bool) -> Value:
        return v.word(tren, "tren", sementara) if before else EMPTY

    def build(ind: Indikator) -> list[Value]:
        k = _kinerja(figures, ind)
        out: list[Value] = []
        for y in years:
            t = k.tahun(y)
            out += [v.percent(t.capaian, p, t.realisasi.sementara, unmeasured(t.realisasi)), word(
                t.tren_dinyatakan, k.tahun(y - 1) is not None, t.realisasi.sementara)] if t else [EMPTY, EMPTY]
        return out

    def closing(s: Sasaran) -> Row:
        by_year = avg.per_sasaran.get(s.id, {})
        out: list[Value | str] = ["Rata-rata capaian sasaran"]
        for y in years:
            out += [v.percent(by_year.get(y), p, avg.is_sementara(y, s.id)),
                    word(avg.tren(s.id, y, p), y - 1 in by_year, avg.perubahan_sementara(y, s.id))]
        return Row(f"rata_rata_{s.id}", cells(*out), "jumlah")
    columns = LEAD + tuple(c for y in years for c in (Column(f"capaian_{y}", "Capaian", "persen", (f"Th. {y}",)),
                                                       Column(f"status_{y}", "Status", group=(f"Th. {y}",))))
    return Built(columns, indicator_rows(report, len(columns), build, closing=closing),
                 (_basis_note(report), "Status sasaran membandingkan rata-rata capaian sasaran dengan rata-rata "
                  "capaian tahun sebelumnya. Naik, turun atau tetap dinilai pada ketelitian yang ditampilkan.",
                  *_sementara_notes(report, figures)))


def _basis_note(report: Report) -> str:
    """What each indikator's status is judged on, naming the indikator that differ from the file's rule."""
    data = report.need(INDIKATOR)
    others = [i.nama for i in data.indikator if i.tren is not None and i.tren != data.tren]
    note = f"Status indikator membandingkan {data.tren} dengan {data.tren} tahun sebelumnya"
    if others:
        other = "capaian" if data.tren == "realisasi" else "realisasi"
        note += f", kecuali {', '.join(others)} ({other})"
    return note + "."


def rata_rata_table(report: Report, figures: Figures) -> Built:
    avg, p, data = figures.need(AVERAGES), places(report), report.need(INDIKATOR)
    years = avg.tahun()
    rows = []
    for n, s in enumerate(data.sasaran, 1):
        rows.append(Row(s.id, cells(v.text(str(s.nomor or n)), s.nama,
                                    *[v.percent(avg.per_sasaran[s.id].get(y), p, avg.is_sementara(y, s.id))
                                      for y in years])))
    scope = avg.cakupan(laporan(report).tahun)
    label = f"Rata-rata capaian ({scope})" if scope else "Rata-rata capaian"
    rows.append(Row("rata_rata", cells("", label, *[v.percent(avg.keseluruhan[y], p, avg.is_sementara(y))
                                                     for y in years]), "jumlah"))
    columns = (Column("no", "No"), Column("sasaran", "Sasaran")) + tuple(
        Column(f"capaian_{y}", f"Th. {y}", "persen", ("Rata-rata Capaian",)) for y in years)
    how = ("setiap indikator berbobot sama" if avg.cara == "indikator"
           else "rata-rata dari rata-rata setiap sasaran")
    return Built(columns, tuple(rows), (f"Rata-rata capaian: {how}; indikator yang belum dapat diukur atau "
                                        "capaiannya tidak dapat dihitung tidak ikut dirata-rata.",)
                 + _rule_notes(report, figures))


_BELOW_ZERO = {"apa_adanya": "dihitung apa adanya", "nol": "dihitung sebagai 0%",
               "dikecualikan": "tidak ikut dirata-rata"}


def _rule_notes(report: Report, figures: Figures) -> tuple[str, ...]:
    """What the office's rule did to this report's averages, with its basis: said only where it applied."""
    rule = capaian_rule(report)
    if rule is None:
        return ()
    kinerja, out = figures.need(KINERJA), []
    below = [f"{k.indikator.nama} ({v.percent(t.capaian, places(report)).text()}, {t.tahun})"
             for k in kinerja.values() for t in k.riwayat if t.capaian is not None and t.capaian < 0]
    if below:
        out.append(f"Capaian di bawah 0% {_BELOW_ZERO[rule.di_bawah_nol]}: {'; '.join(below)}.")
    zero = [k.indikator.nama for k in kinerja.values() if k.indikator.arah == "turun" and any(
        t.target is not None and as_number(t.target.nilai, k.indikator) == 0 for t in k.riwayat)]
    if zero and rule.target_nol == "biner":
        out.append(f"Target 0 ({', '.join(zero)}): capaian 100% bila realisasi 0, dan 0% bila lebih.")
    return (*out, f"Aturan capaian menurut {rule.dasar}.") if out else ()


def kemajuan_table(report: Report, figures: Figures) -> Built:
    tahun, akhir, p = laporan(report).tahun, report.need(RENSTRA).periode.akhir, places(report)

    def build(ind: Indikator) -> tuple[Value, ...]:
        k = _kinerja(figures, ind)
        real = k.kini.realisasi
        return (measure(k.target_akhir.nilai if k.target_akhir else None, ind),
                realisasi_value(real, ind, report), v.percent(k.kemajuan, p, real.sementara))
    columns = LEAD + (Column("target_akhir", f"Target Akhir Renstra ({akhir})", "angka"),
                      Column("realisasi", f"Realisasi ({tahun})", "angka"),
                      Column("kemajuan", "Tingkat Kemajuan", "persen"))
    return Built(columns, indicator_rows(report, len(columns), build),
                 ("Tingkat kemajuan = realisasi ÷ target akhir Renstra × 100%.",)
                 + _end_condition_notes(report, figures) + _sementara_notes(report, figures))


def _end_condition_notes(report: Report, figures: Figures) -> tuple[str, ...]:
    """Tell the reader which end target is used where the Renstra matrix prints another."""
    found = end_condition_differences(report, figures)
    if not found:
        return ()
    first = found[0].akhir
    others = "; ".join(f"{d.kinerja.indikator.nama} {as_written(d.kondisi)} "
                       f"(dipakai {measure(d.akhir.nilai, d.kinerja.indikator).text()})" for d in found)
    return (f"Target akhir yang dipakai adalah target tahun {first.tahun} {first.label}. Kolom kondisi kinerja akhir "
            f"periode pada matriks Renstra mencantumkan angka lain: {others}.",)


def predikat_table(report: Report, figures: Figures) -> Built:
    scale = report.need(SKALA).predikat
    ordered = sorted(scale.tingkat, key=lambda b: b.batas, reverse=True)
    upper = {id(b): (ordered[i - 1].min if i else None) for i, b in enumerate(ordered)}
    rows = []
    for band in scale.tingkat:
        high = upper[id(band)]
        if band.min is None:   # the last band, unbounded below (capaian under 0% included)
            label = f"< {v.percent(high).text()}" if high is not None else "semua capaian"
        else:
            low = v.percent(band.min).text()
            label = f"≥ {low}" if high is None else f"{low} s.d. < {v.percent(high).text()}"
        rows.append(Row(band.predikat.lower().replace(" ", "_"), cells(label, band.predikat)))
    return Built((Column("capaian", "Capaian Kinerja"), Column("predikat", "Predikat")), tuple(rows),
                 (scale.keterangan,) if scale.keterangan else (), sumber=f"{scale.nama}, menurut {scale.dasar}.")


def document_table(doc: Dokumen) -> Callable[[Report, Figures], Built]:
    def build_table(report: Report, figures: Figures) -> Built:
        by_id = {t.indikator: t for t in doc.target}

        def build(ind: Indikator) -> tuple[Value, ...]:
            t = by_id.get(ind.id)
            if t is None:
                return (EMPTY,)
            value = measure(t.nilai, ind)
            return (v.text(f"{value.text()} ({t.keterangan})") if t.keterangan else value,)
        columns = LEAD + (Column("target", "Target", "angka"),)
        return Built(columns, indicator_rows(report, len(columns), build))
    return build_table


def budget_table(doc: Dokumen) -> Callable[[Report, Figures], Built]:
    def build_table(report: Report, figures: Figures) -> Built:
        names = {p.id: p.nama for p in report.need(ANGGARAN).program}
        rows = [Row(r.program, cells(v.text(str(n)), names[r.program], v.rupiah(r.pagu), r.keterangan))
                for n, r in enumerate(doc.anggaran, 1)]
        rows.append(Row("jumlah", cells("", "Jumlah", v.rupiah(sum(r.pagu for r in doc.anggaran)), ""), "jumlah"))
        columns = (Column("no", "No"), Column("program", "Program"), Column("anggaran", "Anggaran", "rupiah"),
                   Column("keterangan", "Keterangan"))
        return Built(columns, tuple(rows))
    return build_table


def _measure_or_none(value: Measure | int | None) -> Measure | None:
    return Decimal(value) if isinstance(value, int) else value


def pk_changes_table(report: Report, figures: Figures) -> Built:
    found = figures.get(PK_CHANGES)
    assert found is not None
    inds = {i.id: i for i in report.need(INDIKATOR).indikator}
    programs = {p.id: p.nama for p in report.need(ANGGARAN).program} if report.has(ANGGARAN) else {}
    rows = []
    for ch in found.changes:
        if ch.jenis == "target":
            ind = inds[ch.id]
            old, new = _measure_or_none(ch.sebelum), _measure_or_none(ch.sesudah)
            diff = new - old if isinstance(old, Decimal) and isinstance(new, Decimal) else None
            rows.append(Row(f"target_{ch.id}", cells("Target", ind.nama, measure(old, ind), measure(new, ind),
                                                     measure(diff, ind))))
        else:
            before, after = ch.sebelum, ch.sesudah
            diff_rp = after - before if isinstance(before, int) and isinstance(after, int) else None
            rows.append(Row(f"anggaran_{ch.id}", cells("Anggaran", programs.get(ch.id, ch.id),
                                                       v.rupiah(before if isinstance(before, int) else None),
                                                       v.rupiah(after if isinstance(after, int) else None),
                                                       v.rupiah(diff_rp))))
    if not rows:
        rows.append(Row("tidak_ada", cells("", "Tidak ada perubahan", None, None, None)))
    columns = (Column("jenis", "Jenis"), Column("uraian", "Uraian"), Column("sebelum", found.sebelum.judul, "angka"),
               Column("sesudah", found.sesudah.judul, "angka"), Column("selisih", "Selisih", "angka"))
    return Built(columns, tuple(rows))


def iku_formulasi_table(report: Report, figures: Figures) -> Built:
    inds = {i.id: i for i in report.need(INDIKATOR).indikator}
    rows = tuple(Row(d.indikator, cells(d.nomor, d.sasaran, inds[d.indikator].nama, d.formulasi, d.sumber_data))
                 for d in report.need(IKU).definisi)
    columns = (Column("no", "No"), Column("sasaran", "Sasaran"), Column("indikator", "Indikator Kinerja"),
               Column("formulasi", "Formulasi"), Column("sumber_data", "Sumber Data"))
    return Built(columns, rows)
