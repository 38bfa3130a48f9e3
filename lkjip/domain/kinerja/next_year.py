"""The kinerja subject's next-year rule: realisasi carried forward, targets from the Renstra in force.

This year's realisasi become last year's; a computed realisasi (`dihitung: ikm.nilai`) is frozen
at the value the report showed, and where the report was signed with another figure in Tabel 3.1
than the data compute, at the signed one (the official record of that year, which next year's
comparisons must quote), the recomputed figure kept in its `catatan`; the target that counted this
year (the last PK's) is recorded on the indikator; the new year's targets come from the Renstra in
force where it has them, and are placeholders where it has not.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from ... import numbers
from ...core.nextyear import Context, isi, shift_years
from ...numbers import round_half_up
from ..laporan import laporan as laporan_of
from ..laporan import places
from ..target import Measure
from .figures import KINERJA, TARGETS
from .model import INDIKATOR, PERJANJIAN, Perjanjian


def renstra_targets(c: Context) -> dict[str, Measure]:
    """The Renstra in force's target of each indikator for the new year, where it has one."""
    facts = c.figures.need(TARGETS).facts
    return {f.indikator: f.nilai for f in facts if f.peran == "renstra" and f.berlaku and f.tahun == c.new}


def indikator(raw: dict[str, Any], c: Context) -> dict[str, Any]:
    out = {k: v for k, v in raw.items() if k != "indikator"}
    out["indikator"] = [_one_indikator(ind, c) for ind in raw["indikator"]]
    return out


def _one_indikator(raw: dict[str, Any], c: Context) -> dict[str, Any]:
    id = raw["id"]
    counted = c.figures.need(TARGETS).berlaku(id, c.old)
    target = {y: v for y, v in (raw.get("target") or {}).items() if int(y) < c.old}
    if counted is not None:
        target[c.old] = counted.nilai
    realisasi = {y: v for y, v in (raw.get("realisasi") or {}).items() if int(y) < c.old}
    this_year = (raw.get("realisasi") or {}).get(c.old)
    if this_year is not None:
        realisasi[c.old] = _as_signed(_frozen(this_year, id, c), raw, c)
    realisasi[c.new] = _next_realisasi(this_year, raw.get("nama", id), c)
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key in ("target", "realisasi", "tercetak"):
            continue
        out[key] = value
    if target:
        out["target"] = dict(sorted(target.items()))
    out["realisasi"] = realisasi
    return out


def _frozen(entry: Any, id: str, c: Context) -> Any:
    """A realisasi computed from another value becomes the number the report showed; others stay as written."""
    if not (isinstance(entry, dict) and entry.get("dihitung")):
        return entry
    year = c.figures.need(KINERJA)[id].tahun(c.old)
    value = year.realisasi.nilai if year else None
    if not isinstance(value, Decimal):
        return isi(f"realisasi {c.old} (dulu dihitung dari {entry['dihitung']})")
    frozen = round_half_up(value, places(c.report))
    if frozen == frozen.to_integral_value():
        frozen = frozen.quantize(Decimal(1))  # shown whole, as the report showed it
    kept = {k: v for k, v in entry.items() if k in ("sementara", "catatan")}
    return {"nilai": frozen, **kept} if kept else frozen


def _as_signed(frozen: Any, raw: dict[str, Any], c: Context) -> Any:
    """The realisasi the signed report printed in its Tabel 3.1, where it differs from the data's."""
    if not laporan_of(c.report).signed:
        return frozen
    printed = ((raw.get("tercetak") or {}).get("capaian") or {}).get("realisasi")
    printed = printed.get("nilai") if isinstance(printed, dict) else printed
    number = frozen.get("nilai") if isinstance(frozen, dict) else frozen
    if not isinstance(printed, (int, Decimal)) or isinstance(printed, bool) or not isinstance(number, Decimal) \
            or Decimal(printed) == number:
        return frozen
    kept = {k: v for k, v in frozen.items() if k != "nilai"} if isinstance(frozen, dict) else {}
    note = (f"seperti ditandatangani dalam laporan tahun {c.old}; hitung ulang dari data memberi "
            f"{numbers.as_written(number)}")
    return {**kept, "nilai": Decimal(printed), "catatan": f"{kept['catatan']}; {note}" if "catatan" in kept else note}


def _next_realisasi(this_year: Any, nama: str, c: Context) -> Any:
    """Computed again next year where its data file comes along; otherwise a placeholder."""
    if isinstance(this_year, dict) and this_year.get("dihitung"):
        key = this_year["dihitung"]
        if c.source_file(key) in c.kept:
            return {"dihitung": key}
        return isi(f"realisasi {c.new} {nama} (tahun {c.old} dihitung dari {key}: buat lagi datanya, "
                   "atau tulis angkanya)")
    return isi(f"realisasi {c.new} {nama}")


def _targets(c: Context, names: Mapping[str, str], order: Sequence[str]) -> list[dict[str, Any]]:
    renstra = renstra_targets(c)
    return [{"indikator": id, "nilai": renstra[id] if id in renstra else
             isi(f"target {c.new} {names.get(id, id)} (Renstra tidak memuatnya)")} for id in order]


def perjanjian(raw: dict[str, Any], c: Context) -> dict[str, Any]:
    """A draft Perjanjian Kinerja for the new year, after the first one signed this year."""
    docs = [d for d in c.report.need(PERJANJIAN).dokumen if d.tahun == c.old]
    first: Perjanjian = min(docs, key=lambda d: d.tanggal)
    template = next(d for d in raw["dokumen"] if d.get("id") == first.id)
    inds = c.report.need(INDIKATOR).indikator
    names = {i.id: i.nama for i in inds}
    doc: dict[str, Any] = {"id": first.id, "judul": shift_years(first.judul, c.old, c.new), "tahun": c.new,
                           "tanggal": isi(f"tanggal penandatanganan, mis. {c.new}-01-31")}
    for key in ("tempat", "pihak_pertama", "pihak_kedua", "pernyataan"):
        if key in template:
            doc[key] = template[key]
    doc["target"] = _targets(c, names, [i.id for i in inds])
    if first.anggaran:
        programs = ", ".join(a.program for a in first.anggaran)
        doc["anggaran"] = isi(f"pagu {c.new} per program ({programs}), setelah data/anggaran.yaml {c.new} ditulis")
    return {"dokumen": [doc]}


def iku(raw: dict[str, Any], c: Context) -> dict[str, Any]:
    """The IKU stays (visi, misi, formulasi); its year and targets move like the Perjanjian Kinerja's."""
    names = {i.id: i.nama for i in c.report.need(INDIKATOR).indikator}
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key == "anggaran":
            continue
        if key == "tahun":
            value = c.new
        elif key == "judul":
            value = shift_years(value, c.old, c.new)
        elif key == "target":
            value = _targets(c, names, [t["indikator"] for t in value])
        out[key] = value
    return out
