"""The individual printed-vs-computed rules, one small function per table or section."""
from __future__ import annotations

from .consistency import budget_lineage, compare_number as num, compare_text as txt, lineage


def penduduk(model, results):
    pend = results["penduduk"]
    printed = model.wilayah.tercetak
    if printed:
        yield num(printed.jumlah_desa, pend.jumlah_desa, "jumlah desa di narasi Bab I")
        yield num(printed.jumlah_penduduk, pend.jumlah, "jumlah penduduk di narasi Bab I")
    for desa, row in zip(model.penduduk.desa, pend.rows, strict=True):
        if desa.tercetak:
            yield num(desa.tercetak.jumlah, row.jumlah, f"jumlah penduduk desa {desa.nama}")
    if model.penduduk.tercetak:
        total = model.penduduk.tercetak.jumlah
        yield num(total.l, pend.l, "total laki-laki")
        yield num(total.p, pend.p, "total perempuan")
        yield num(total.jumlah, pend.jumlah, "total penduduk")


def indikator(model, results):
    for ind in model.indikator.indikator:
        k = results["kinerja"][ind.id]
        printed = ind.tercetak
        if not printed:
            continue
        name = ind.id
        if printed.tabel_3_1:
            t = printed.tabel_3_1
            yield num(t.target, k.target.nilai if k.target else None, f"Tabel 3.1 target {name}")
            yield num(t.realisasi, k.realisasi.nilai, f"Tabel 3.1 realisasi {name}")
            yield num(t.capaian, k.capaian, f"Tabel 3.1 capaian {name}")
        if printed.tabel_3_1_bab_iv:
            yield num(printed.tabel_3_1_bab_iv.capaian, k.capaian, f"Tabel 3.1 (Bab IV) capaian {name}")
        if printed.tabel_3_2:
            for year, value in printed.tabel_3_2.target.items():
                target = k.riwayat.get(year, (None, None))[0]
                yield num(value, target, f"Tabel 3.2 target {name} {year}")
            for year, value in printed.tabel_3_2.realisasi.items():
                real = k.riwayat.get(year, (None, None))[1]
                yield num(value, real.nilai if real else None, f"Tabel 3.2 realisasi {name} {year}")
        if printed.tabel_3_3:
            t = printed.tabel_3_3
            yield num(t.target_akhir, k.target_akhir.nilai if k.target_akhir else None,
                      f"Tabel 3.3 target akhir Renstra {name}")
            yield num(t.realisasi, k.realisasi.nilai, f"Tabel 3.3 realisasi {name}")
            yield num(t.kemajuan, k.kemajuan, f"Tabel 3.3 tingkat kemajuan {name}")


def ikm(model, results):
    printed = model.ikm.tercetak
    if printed:
        yield num(printed.nilai, results["ikm"].nilai, "IKM dari sembilan NRR")
        yield txt(printed.kinerja, results["ikm"].kinerja, "kategori mutu pelayanan IKM")


def anggaran(model, results):
    budget = results["anggaran"]
    printed = model.anggaran.tercetak
    if not printed:
        return
    if printed.jumlah:
        for attr, computed in (("anggaran", budget.total.pagu), ("kontrak", budget.total.kontrak),
                               ("sd_bulan_lalu", budget.total.sd_bulan_lalu),
                               ("bulan_ini", budget.total.bulan_ini)):
            yield num(getattr(printed.jumlah, attr), computed, f"baris Jumlah kolom {attr}")
    for key, row in (printed.tabel_3_8 or {}).items():
        b = budget.total if key == "jumlah" else budget.program.get(key)
        if b is None:
            continue
        yield num(row.pagu, b.pagu, f"Tabel 3.8 pagu {key}")
        yield num(row.realisasi, b.realisasi, f"Tabel 3.8 realisasi {key}")
        yield num(row.persen, b.serapan, f"Tabel 3.8 persentase {key}")


def efisiensi(model, results):
    eff = results["efisiensi"]
    for row, computed in zip(model.efisiensi.baris, eff.rows, strict=True):
        if row.tercetak:
            yield num(row.tercetak.capaian, computed.capaian, f"Tabel 3.7 capaian {row.indikator}")
            yield num(row.tercetak.serapan, computed.serapan, f"Tabel 3.7 penyerapan {row.indikator}")
            yield num(row.tercetak.efisiensi, computed.efisiensi, f"Tabel 3.7 efisiensi {row.indikator}")
    printed = model.efisiensi.tercetak
    if printed:
        yield num(printed.rata_rata, eff.rata_rata, "rata-rata tingkat efisiensi")
        yield num(printed.serapan, eff.serapan, "realisasi anggaran di paragraf efisiensi")
        yield num(printed.rata_rata_capaian, eff.rata_rata_capaian, "rata-rata capaian kinerja")


def pembanding(model, results):
    for row in model.pembanding.baris:
        if row.tercetak:
            real = results["kinerja"][row.indikator].realisasi.nilai
            yield num(row.tercetak.realisasi, real, f"Tabel 3.4 realisasi kecamatan {row.indikator}")


def renja(model, results):
    rows = model.renja.baris
    if model.renja.tercetak:
        total = sum(r.pagu for r in rows if r.tingkat == "program")
        yield num(model.renja.tercetak.jumlah_pagu, total, "jumlah pagu Matrik Renja")
    subs = {b.kode: b for b in results["anggaran"].sub_kegiatan}
    for row in rows:
        if row.kode and row.kode in subs and subs[row.kode].pagu != row.pagu:
            from .diagnostics import warning
            from .formatting import rupiah
            yield warning(row.loc, f"pagu Renja {row.kode} ({rupiah(row.pagu)}) berbeda dengan anggaran "
                          f"realisasi ({rupiah(subs[row.kode].pagu)})", "", "budget-lineage")


RULES = [penduduk, indikator, ikm, anggaran, efisiensi, pembanding, renja, lineage, budget_lineage]
