"""Performance tables (Tabel 3.1-3.7, RKT, PK, IKU) computed from the model and figures."""
from __future__ import annotations

from . import values as v
from .kinerja import FORMULAS
from .tablemodel import Built, Cell, Head, Row, TableUnavailable, cells, heads, section, table

JENIS = (("strategis", "Sasaran Strategis"), ("lainnya", "Kinerja Lainnya"))


def indicator_rows(model, width: int, build_cells):
    """Rows grouped by sasaran (strategis first), the sasaran cells spanning its indikator."""
    rows = []
    for jenis, label in JENIS:
        sasaran = [s for s in model.indikator.sasaran if s.jenis == jenis]
        if not sasaran:
            continue
        rows.append(section(f"bagian-{jenis}", label, width))
        for s in sasaran:
            inds = [i for i in model.indikator.indikator if i.sasaran == s.id]
            for n, ind in enumerate(inds):
                lead = (Cell(v.text(str(s.nomor)), rowspan=len(inds)), Cell(v.text(s.nama), rowspan=len(inds))) \
                    if n == 0 else ()
                name = f"{ind.nomor} {ind.nama}" if ind.nomor else ind.nama
                rows.append(Row(ind.id, lead + cells(name, *build_cells(ind))))
    return tuple(rows)


def target_value(nilai, satuan: str, keterangan: str | None = None) -> v.Value:
    value = v.measure(nilai, satuan)
    return v.text(f"{value.text()} ({keterangan})") if keterangan else value


def _document_table(model, doc) -> Built:
    by_id = {t.indikator: t for t in doc.target}

    def build(ind):
        t = by_id.get(ind.id)
        return (target_value(t.nilai, ind.satuan, t.keterangan) if t else v.Value("kosong"),)
    return Built((heads("No", "Sasaran", "Indikator Kinerja", "Target"),), indicator_rows(model, 4, build))


def _document(model, doc_id):
    if doc_id == "rkt":
        return model.rkt
    if doc_id == "iku":
        return model.iku
    found = next((d for d in model.perjanjian_kinerja.dokumen if d.id == doc_id), None)
    if found is None:
        raise TableUnavailable(f"dokumen '{doc_id}' tidak ada di data/perjanjian_kinerja.yaml")
    return found


def _budget_table(model, doc) -> Built:
    names = {p.id: p.nama for p in model.anggaran.program}
    rows = [Row(r.program, cells(v.text(str(n)), names[r.program], v.rupiah(r.pagu), r.keterangan))
            for n, r in enumerate(doc.anggaran or (), 1)]
    total = sum(r.pagu for r in doc.anggaran or ())
    rows.append(Row("jumlah", cells("", "Jumlah", v.rupiah(total), ""), "jumlah"))
    return Built((heads("No", "Program", "Anggaran", "Keterangan"),), tuple(rows))


for _doc in ("rkt", "pk", "pk_perubahan", "iku"):
    table(_doc)(lambda m, r, _d=_doc: _document_table(m, _document(m, _d)))
for _doc in ("rkt", "pk", "pk_perubahan"):
    table(f"{_doc}_anggaran")(lambda m, r, _d=_doc: _budget_table(m, _document(m, _d)))


@table("pk_selisih")
def pk_selisih(model, results) -> Built:
    inds = {i.id: i for i in model.indikator.indikator}
    programs = {p.id: p.nama for p in model.anggaran.program}
    rows = []
    for ch in results["pk_selisih"]:
        if ch.jenis == "target":
            ind = inds[ch.id]
            before, after = v.measure(ch.sebelum, ind.satuan), v.measure(ch.sesudah, ind.satuan)
            diff = v.measure(None if None in (ch.sebelum, ch.sesudah) else ch.sesudah - ch.sebelum, ind.satuan)
            rows.append(Row(f"target-{ch.id}", cells("Target", ind.nama, before, after, diff)))
        else:
            diff = None if None in (ch.sebelum, ch.sesudah) else ch.sesudah - ch.sebelum
            rows.append(Row(f"anggaran-{ch.id}", cells("Anggaran", programs[ch.id], v.rupiah(ch.sebelum),
                                                       v.rupiah(ch.sesudah), v.rupiah(diff))))
    if not rows:
        rows.append(Row("tidak-ada", cells("", "Tidak ada perubahan", "", "", "")))
    return Built((heads("Jenis", "Uraian", "Perjanjian Kinerja", "Perjanjian Kinerja Perubahan", "Selisih"),),
                 tuple(rows))


def rounding_note(model) -> str:
    rule = model.laporan.pembulatan
    note = (f"Semua angka turunan dihitung dari data sumber dan dibulatkan setengah ke atas sampai {rule.desimal} "
            "angka di belakang koma.")
    return f"{note} {rule.catatan}" if rule.catatan else note


def _sementara_note(model, results) -> tuple[str, ...]:
    notes = []
    for ind in model.indikator.indikator:
        real = results["kinerja"][ind.id].realisasi
        if real.sementara:
            notes.append(f"Realisasi {ind.nama} bersifat sementara: {real.catatan or 'belum final'}.")
    return tuple(notes)


@table("capaian")
def capaian(model, results) -> Built:
    def build(ind):
        k = results["kinerja"][ind.id]
        return (v.measure(k.target.nilai if k.target else None, ind.satuan),
                v.measure(k.realisasi.nilai, ind.satuan, k.realisasi.sementara),
                v.percent(k.capaian, sementara=k.realisasi.sementara),
                v.text(k.predikat or v.TIDAK_DAPAT_DIHITUNG))
    notes = ("Target yang diukur adalah target Perjanjian Kinerja yang berlaku (Perjanjian Kinerja "
             "Perubahan bila ada). Capaian = realisasi ÷ target × 100% (indikator makin tinggi makin baik); "
             "(2 × target − realisasi) ÷ target × 100% (makin rendah makin baik).",
             rounding_note(model)) + _sementara_note(model, results)
    return Built((heads("No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian Kinerja",
                        "Predikat"),), indicator_rows(model, 7, build), notes)


@table("predikat_skala")
def predikat_skala(model, results) -> Built:
    scale = model.skala.predikat
    bands = sorted(scale.tingkat, key=lambda b: b.min, reverse=True)
    rows, upper = [], None
    for band in bands:
        low = v.percent(band.min).text()
        label = f"≥ {low}" if upper is None else f"{low} s.d. < {upper}"
        rows.append(Row(band.predikat.lower().replace(" ", "_"), cells(label, band.predikat)))
        upper = low
    return Built((heads("Capaian Kinerja", "Predikat"),), tuple(rows), (f"{scale.nama}. {scale.keterangan}",))


@table("ikm_unsur")
def ikm_unsur(model, results) -> Built:
    ikm = results["ikm"]
    rows = [Row(u.id, cells(v.text(str(n)), u.nama, v.amount(u.nrr, places=2)))
            for n, u in enumerate(model.ikm.unsur, 1)]
    rows.append(Row("nrr_rata_rata", cells("", "NRR rata-rata (tertimbang, bobot sama)",
                                           v.amount(ikm.nrr_rata_rata)), "jumlah"))
    rows.append(Row("ikm", cells("", f"IKM = NRR rata-rata × {v.amount(model.ikm.konversi).text()}",
                                 v.amount(ikm.nilai)), "jumlah"))
    rows.append(Row("mutu", cells("", "Mutu pelayanan", f"{ikm.mutu} ({ikm.kinerja})"), "jumlah"))
    return Built((heads("No", "Unsur Pelayanan", "NRR"),), tuple(rows), (f"Dasar perhitungan: {model.ikm.dasar}.",))


@table("perbandingan_tahunan")
def perbandingan_tahunan(model, results) -> Built:
    years = sorted({y for k in results["kinerja"].values() for y in k.riwayat})
    years = years[-3:]

    def build(ind):
        hist = results["kinerja"][ind.id].riwayat
        targets = [v.measure(hist[y][0], ind.satuan) if y in hist else v.Value("kosong") for y in years]
        reals = [v.measure(hist[y][1].nilai, ind.satuan, hist[y][1].sementara) if y in hist else v.Value("kosong")
                 for y in years]
        return tuple(targets + reals)
    head = (heads(Head("No", rowspan=2), Head("Sasaran", rowspan=2), Head("Indikator Kinerja", rowspan=2),
                  Head("Target", colspan=len(years)), Head("Realisasi", colspan=len(years))),
            heads(*[f"Th. {y}" for y in years], *[f"Th. {y}" for y in years]))
    return Built(head, indicator_rows(model, 3 + 2 * len(years), build), _sementara_note(model, results))


@table("kemajuan_renstra")
def kemajuan_renstra(model, results) -> Built:
    tahun, akhir = model.laporan.tahun, model.renstra.periode.akhir

    def build(ind):
        k = results["kinerja"][ind.id]
        return (v.measure(k.target_akhir.nilai if k.target_akhir else None, ind.satuan),
                v.measure(k.realisasi.nilai, ind.satuan, k.realisasi.sementara),
                v.percent(k.kemajuan, sementara=k.realisasi.sementara))
    return Built((heads("No", "Sasaran", "Indikator Kinerja", f"Target Akhir Renstra ({akhir})",
                        f"Realisasi ({tahun})", "Tingkat Kemajuan"),), indicator_rows(model, 6, build),
                 ("Tingkat kemajuan = realisasi ÷ target akhir Renstra × 100%.",) + _sementara_note(model, results))


@table("pembanding_kabupaten")
def pembanding_kabupaten(model, results) -> Built:
    inds = {i.id: i for i in model.indikator.indikator}
    rows = []
    for n, row in enumerate(model.pembanding.baris, 1):
        ind = inds[row.indikator]
        k = results["kinerja"][ind.id]
        rows.append(Row(ind.id, cells(v.text(str(n)), row.nama or ind.nama, row.indikator_pemda,
                                      row.indikator_nasional,
                                      v.measure(k.realisasi.nilai, ind.satuan, k.realisasi.sementara),
                                      v.measure(row.realisasi_pemda, ind.satuan),
                                      v.measure(row.realisasi_nasional, ind.satuan), row.keterangan)))
    head = (heads(Head("No", rowspan=2), Head("Indikator Kinerja", colspan=3), Head(
        f"Realisasi {model.laporan.tahun}", colspan=3), Head("Keterangan", rowspan=2)),
        heads(model.laporan.instansi, "Pemda", "Nasional", model.laporan.instansi, "Pemda", "Nasional"))
    return Built(head, tuple(rows), wide=True)


@table("skm_interval")
def skm_interval(model, results) -> Built:
    rows = tuple(Row(f"mutu-{b.mutu.lower()}", cells(
        v.text(str(b.nilai_persepsi)), f"{v.amount(b.ni_min).text()} – {v.amount(b.ni_max).text()}",
        f"{v.amount(b.nik_min, places=2).text()} – {v.amount(b.nik_max, places=2).text()}", b.mutu, b.kinerja))
        for b in model.ikm.interval)
    return Built((heads("Nilai Persepsi", "Nilai Interval (NI)", "Nilai Interval Konversi (NIK)",
                        "Mutu Pelayanan", "Kinerja Unit Pelayanan"),), rows)


@table("efisiensi")
def efisiensi(model, results) -> Built:
    eff = results["efisiensi"]
    rows_by_id = {r.indikator: r for r in eff.rows}

    def build(ind):
        r = rows_by_id.get(ind.id)
        if r is None:
            return (v.Value("kosong"),) * 3
        return v.percent(r.capaian), v.percent(r.serapan), v.percent(r.efisiensi)
    rows = indicator_rows(model, 6, build)
    rows += (Row("rata_rata", cells("", "", "Rata-rata", v.percent(eff.rata_rata_capaian), v.percent(eff.serapan),
                                    v.percent(eff.rata_rata)), "jumlah"),)
    _, explanation = FORMULAS[eff.rumus]
    return Built((heads("No", "Sasaran", "Indikator Sasaran", "Capaian Kinerja", "Penyerapan Anggaran",
                        "Tingkat Efisiensi"),), rows, (f"Rumus ({eff.rumus}): {explanation}",))


@table("iku_formulasi")
def iku_formulasi(model, results) -> Built:
    inds = {i.id: i for i in model.indikator.indikator}
    rows = tuple(Row(d.indikator, cells(d.nomor, d.sasaran, inds[d.indikator].nama, d.formulasi, d.sumber_data))
                 for d in model.iku.definisi)
    return Built((heads("No", "Sasaran", "Indikator Kinerja", "Formulasi", "Sumber Data"),), rows)
