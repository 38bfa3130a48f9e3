"""The keys Markdown may quote with `{{ key }}`, and where each value comes from.

Kept apart from `values` so the list of keys reads as a catalogue (the README documents
it from `describe_keys`).
"""
from __future__ import annotations

from types import MappingProxyType

from . import values as v


def entries(model, results):
    """All keys, section by section, in a stable order."""
    for section in (_report, _indikator, _budget, _documents):
        yield from section(model, results)


def _report(model, results):
    lap = model.laporan
    yield "laporan.instansi", v.text(lap.instansi)
    yield "laporan.kabupaten", v.text(lap.kabupaten)
    yield "laporan.tahun", v.text(str(lap.tahun))

    w = model.wilayah
    yield "wilayah.jarak_ibukota", v.amount(w.jarak_ibukota_km, "km")
    yield "wilayah.luas", v.amount(w.luas_km2, "km²")
    yield "wilayah.kemiringan", v.text(w.kemiringan)
    lo, hi = v.amount(w.ketinggian_m.min).text(), v.amount(w.ketinggian_m.max).text()
    yield "wilayah.ketinggian", v.text(f"{lo}-{hi} m")
    yield "wilayah.curah_hujan", v.amount(w.curah_hujan_mm, "mm")

    pend = results["penduduk"]
    yield "penduduk.jumlah_desa", v.amount(pend.jumlah_desa)
    yield "penduduk.jumlah", v.amount(pend.jumlah)
    yield "penduduk.laki_laki", v.amount(pend.l)
    yield "penduduk.perempuan", v.amount(pend.p)


def _indikator(model, results):
    for ind in model.indikator.indikator:
        k = results["kinerja"][ind.id]
        base = f"indikator.{ind.id}"
        yield f"{base}.nama", v.text(ind.nama)
        yield f"{base}.target", v.measure(k.target.nilai if k.target else None, ind.satuan)
        yield f"{base}.realisasi", v.measure(k.realisasi.nilai, ind.satuan, k.realisasi.sementara)
        yield f"{base}.capaian", v.percent(k.capaian, sementara=k.realisasi.sementara)
        yield f"{base}.predikat", v.text(k.predikat or v.TIDAK_DAPAT_DIHITUNG)
        yield f"{base}.target_akhir", v.measure(k.target_akhir.nilai if k.target_akhir else None, ind.satuan)
        yield f"{base}.kemajuan", v.percent(k.kemajuan, sementara=k.realisasi.sementara)
        for year, (target, real) in k.riwayat.items():
            yield f"{base}.target_{year}", v.measure(target, ind.satuan)
            yield f"{base}.realisasi_{year}", v.measure(real.nilai, ind.satuan, real.sementara)
    kinerja = results["kinerja"].values()
    yield "kinerja.jumlah_indikator", v.amount(len(results["kinerja"]))
    yield "kinerja.jumlah_sementara", v.amount(sum(1 for k in kinerja if k.realisasi.sementara))

    ikm = results["ikm"]
    yield "ikm.nilai", v.amount(ikm.nilai)
    yield "ikm.mutu", v.text(ikm.mutu)
    yield "ikm.kinerja", v.text(ikm.kinerja)
    yield "ikm.jumlah_unsur", v.amount(len(model.ikm.unsur))


def _budget(model, results):
    budget = results["anggaran"]
    for key, b in [("anggaran", budget.total)] + [(f"program.{i}", b) for i, b in budget.program.items()]:
        yield f"{key}.pagu", v.rupiah(b.pagu)
        yield f"{key}.realisasi", v.rupiah(b.realisasi)
        yield f"{key}.serapan", v.percent(b.serapan)
        yield f"{key}.sisa", v.rupiah(b.sisa)
    yield "anggaran.jumlah_program", v.amount(len(model.anggaran.program))
    for row in model.renja.baris:
        if row.target is not None:
            yield f"renja.{row.id}.target", v.measure(row.target.value, row.target.unit)
        yield f"renja.{row.id}.pagu", v.rupiah(row.pagu)
    for p in model.anggaran.program:
        yield f"program.{p.id}.nama", v.text(p.nama)
        yield f"program.{p.id}.pengampu", v.text(p.pengampu)

    eff = results["efisiensi"]
    yield "efisiensi.rata_rata", v.percent(eff.rata_rata)
    yield "efisiensi.rata_rata_capaian", v.percent(eff.rata_rata_capaian)
    yield "efisiensi.serapan", v.percent(eff.serapan)


def _documents(model, results):
    for attr in ("visi", "misi", "tujuan", "indikator_tujuan"):
        yield f"iku.{attr}", v.text(getattr(model.iku, attr))

    for doc in model.perjanjian_kinerja.dokumen:
        yield f"{doc.id}.tanggal", v.date(doc.tanggal)
        yield f"{doc.id}.judul", v.text(doc.judul)

    for p in model.pejabat.pejabat:
        for attr in ("nama", "jabatan", "pangkat", "nip"):
            yield f"pejabat.{p.id}.{attr}", v.text(getattr(p, attr))

    for d in model.inovasi.keputusan:
        for attr in ("nama", "kepanjangan", "nomor", "tentang", "ditetapkan_di"):
            yield f"inovasi.{d.id}.{attr}", v.text(getattr(d, attr))
        yield f"inovasi.{d.id}.tanggal", v.date(d.tanggal)


KEY_SOURCES = {
    "laporan": "laporan", "wilayah": "wilayah", "penduduk": "penduduk", "indikator": "indikator",
    "ikm": "ikm", "anggaran": "anggaran", "program": "anggaran", "efisiensi": "efisiensi",
    "pk": "perjanjian_kinerja", "pk_perubahan": "perjanjian_kinerja", "pejabat": "pejabat",
    "inovasi": "inovasi", "iku": "iku", "renja": "renja", "kinerja": "indikator",
}


def source_of_key(key: str) -> str | None:
    """The data file a value key is drawn from, so a message can point there."""
    name = KEY_SOURCES.get(key.split(".", 1)[0])
    return f"data/{name}.yaml" if name else None


def build_namespace(model, results) -> MappingProxyType:
    """Every quotable figure of the report under a stable dotted key."""
    return MappingProxyType(dict(entries(model, results)))


def describe_keys(model, results) -> list[str]:
    return [key for key, _ in entries(model, results)]
