"""Population, budget and planning-matrix tables, and the administrative lampiran tables."""
from __future__ import annotations

from . import formatting
from . import values as v
from .tablemodel import Built, Head, Row, cells, heads, table


@table("penduduk")
def penduduk(model, results) -> Built:
    pend = results["penduduk"]
    rows = [Row(r.id, cells(v.text(str(n)), r.nama, v.amount(r.l), v.amount(r.p), v.amount(r.jumlah)))
            for n, r in enumerate(pend.rows, 1)]
    rows.append(Row("jumlah", cells("", "Jumlah", v.amount(pend.l), v.amount(pend.p), v.amount(pend.jumlah)),
                    "jumlah"))
    return Built((heads("No", "Desa", "L", "P", "Jumlah"),), tuple(rows))


@table("anggaran_program")
def anggaran_program(model, results) -> Built:
    budget = results["anggaran"]
    programs = model.anggaran.program
    rows = []
    for n, p in enumerate(programs, 1):
        b = budget.program[p.id]
        rows.append(Row(p.id, cells(v.text(str(n)), p.sasaran, p.nama, v.rupiah(b.pagu), v.rupiah(b.realisasi),
                                    v.percent(b.serapan))))
    t = budget.total
    rows.append(Row("jumlah", cells("", "", "Jumlah", v.rupiah(t.pagu), v.rupiah(t.realisasi), v.percent(t.serapan)),
                    "jumlah"))
    return Built((heads("No", "Sasaran Strategis", "Program", "Pagu (Rp)", "Realisasi (Rp)", "% Capaian"),),
                 tuple(rows), ("Persentase = realisasi ÷ pagu × 100%.",))


def _budget_cells(b, kode: str, uraian: str):
    return cells(kode, uraian, v.rupiah(b.pagu), v.rupiah(b.kontrak), v.rupiah(b.sd_bulan_lalu),
                 v.rupiah(b.bulan_ini), v.rupiah(b.realisasi), v.rupiah(b.sisa), v.percent(b.serapan))


@table("realisasi_anggaran")
def realisasi_anggaran(model, results) -> Built:
    budget = results["anggaran"]
    rows = [Row(f"urusan-{u.kode}", cells(u.kode, u.uraian, "", "", "", "", "", "", ""), "bagian")
            for u in model.anggaran.urusan or ()]
    for p in model.anggaran.program:
        rows.append(Row(p.kode, _budget_cells(budget.program[p.id], p.kode, p.nama), "jumlah"))
        rows += [Row(s.kode, _budget_cells(s, s.kode, s.uraian)) for s in budget.sub_kegiatan if s.program == p.id]
    rows.append(Row("jumlah", _budget_cells(budget.total, "", "Jumlah"), "jumlah"))
    head = (heads(Head("Kode Rekening", rowspan=2), Head("Uraian Program/Kegiatan/Sub Kegiatan", rowspan=2),
                  Head("Anggaran", rowspan=2), Head("Kontrak", rowspan=2), Head("Realisasi", colspan=3),
                  Head("Sisa Anggaran", rowspan=2), Head("Serapan", rowspan=2)),
            heads("s/d Bulan Lalu", "Bulan Ini", "s/d Bulan Ini"))
    notes = (f"Keadaan {formatting.month(model.anggaran.periode)}. Baris program adalah jumlah sub-kegiatan "
             "yang kode rekeningnya diawali kode program; realisasi s/d bulan ini = s/d bulan lalu + bulan ini; "
             "sisa = anggaran − realisasi.",)
    return Built(head, tuple(rows), notes, wide=True)


def _renstra_cell(cell):
    if cell is None:
        return v.Value("kosong"), v.Value("kosong")
    target = v.Value("kosong") if cell.target is None else v.measure(cell.target.value, cell.target.unit)
    return target, v.rupiah(cell.rp)


@table("renstra")
def renstra(model, results) -> Built:
    years = list(model.renstra.tahun)
    rows = []
    for r in model.renstra.baris:
        plan = []
        for which in (r.renstra_lama or {}, r.renstra_baru or {}):
            for y in years:
                plan += _renstra_cell(which.get(y))
        rows.append(Row(r.id, cells(r.tujuan, r.sasaran, r.kode, r.uraian, r.indikator,
                                    _quantity(r.data_awal), *plan, *_renstra_cell(r.kondisi_akhir),
                                    r.unit_kerja, r.lokasi)))
    head = (heads(Head("Tujuan", rowspan=3), Head("Sasaran", rowspan=3), Head("Kode", rowspan=3),
                  Head("Program dan Kegiatan", rowspan=3), Head("Indikator Kinerja", rowspan=3),
                  Head("Data Capaian Awal", rowspan=3), Head("Target Kinerja Renstra Lama", colspan=2 * len(years)),
                  Head("Target Kinerja Renstra Baru", colspan=2 * len(years)),
                  Head("Kondisi Kinerja Akhir Periode", colspan=2), Head("Unit Kerja", rowspan=3),
                  Head("Lokasi", rowspan=3)),
            heads(*[Head(f"Tahun {y}", colspan=2) for y in years * 2], Head("", colspan=2)),
            heads(*["Target", "Rp"] * (2 * len(years) + 1)))
    return Built(head, tuple(rows), wide=True)


def _quantity(q):
    return v.Value("kosong") if q is None else v.measure(q.value, q.unit)


@table("renja")
def renja(model, results) -> Built:
    rows = []
    for r in model.renja.baris:
        k = r.kebutuhan
        target = _quantity(r.target)
        if r.target_keterangan:
            target = v.text(f"{target.text()} ({r.target_keterangan})")
        need = cells(k.program_kegiatan, k.lokasi, k.indikator, _quantity(k.target), k.keterangan) if k else \
            cells("", "", "", "", "")
        rows.append(Row(r.id, cells(r.uraian, r.lokasi, r.indikator, target, v.rupiah(r.pagu)) + need))
    total = sum(r.pagu for r in model.renja.baris if r.tingkat == "program")
    rows.append(Row("jumlah", cells("Jumlah", "", "", "", v.rupiah(total), "", "", "", "", ""), "jumlah"))
    head = (heads(Head("Rancangan Akhir Perubahan RKPD", colspan=5), Head("Hasil Analisis Kebutuhan", colspan=5)),
            heads("Program/Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian", "Pagu Indikatif (Rp)",
                  "Program/Kegiatan", "Lokasi", "Indikator Kinerja", "Target Capaian", "Keterangan"))
    return Built(head, tuple(rows), ("Jumlah = jumlah pagu baris program.",), wide=True)


@table("ratl")
def ratl(model, results) -> Built:
    rows = tuple(Row(r.id, cells(f"{r.id}.", r.rekomendasi, r.tindak_lanjut, r.tautan))
                 for r in model.ratl.rekomendasi)
    return Built((heads("No", "Rekomendasi", "Tindak Lanjut", "Tautan"),), rows)


@table("sop")
def sop(model, results) -> Built:
    s = model.sop
    signer = next(p for p in model.pejabat.pejabat if p.id == s.disahkan_oleh)
    items = [("nomor", "Nomor SOP", s.nomor), ("dibuat", "Tanggal Pembuatan", v.date(s.tanggal_pembuatan)),
             ("revisi", "Tanggal Revisi", v.date(s.tanggal_revisi)),
             ("efektif", "Tanggal Efektif", v.date(s.tanggal_efektif)),
             ("disahkan", "Disahkan oleh", f"{signer.nama}, {signer.pangkat or ''}, NIP. {signer.nip or ''}"),
             ("nama", "Nama SOP", s.nama), ("dasar_hukum", "Dasar Hukum", _numbered(s.dasar_hukum)),
             ("kualifikasi", "Kualifikasi Pelaksana", _numbered(s.kualifikasi_pelaksana)),
             ("keterkaitan", "Keterkaitan", _numbered(s.keterkaitan)),
             ("peralatan", "Peralatan / Perlengkapan", _numbered(s.peralatan)),
             ("peringatan", "Peringatan", s.peringatan), ("pencatatan", "Pencatatan dan Pendataan", s.pencatatan)]
    return Built((heads("Unsur", "Isi"),), tuple(Row(i, cells(label, value)) for i, label, value in items))


def _numbered(items) -> str:
    return " ".join(f"{n}. {t}" for n, t in enumerate(items, 1))


