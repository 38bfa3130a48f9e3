"""Next year's data from this year's: what is carried, what is carried forward, what starts anew.

An office's report is mostly the same from year to year: the office, its signatories, its
sasaran and indikator, the Renstra. What changes is the year's own figures. So each data
file has a policy (`POLICY`, one entry per file, tested to cover every file there is):

- `bawa`: copied as it is, comments and all (the Renstra, the organisation, ...);
- `ubah`: rewritten for the new year (laporan, indikator, the Perjanjian Kinerja, the IKU);
- `tinggal`: left behind, because every figure in it is of the old year (anggaran, IKM, ...);
  the new report's README names each, and the chapters that used it get placeholders.

Carried forward: this year's realisasi become last year's; a computed realisasi
(`dihitung: ikm.nilai`) is frozen at the value the report showed, and where the report was
signed with another figure in Tabel 3.1 than the data compute, at the signed one (the official
record of that year, which next year's comparisons must quote), the recomputed figure kept in
its `catatan`; the target that counted
this year (the last PK's) is recorded on the indikator; the new year's targets come from
the Renstra in force where it has them, and are placeholders where it has not.
"""
from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from .. import numbers
from ..core.compute import Figures
from ..core.model import Report
from ..core.subject import Subject
from ..domain.kinerja.figures import KINERJA, TARGETS
from ..domain.kinerja.model import INDIKATOR, PERJANJIAN, Perjanjian
from ..domain.laporan import laporan as laporan_of
from ..domain.laporan import places
from ..domain.target import Measure
from ..isian import MARKER
from ..numbers import round_half_up

BAWA, UBAH, TINGGAL = "bawa", "ubah", "tinggal"
POLICY: Mapping[str, str] = {
    "laporan": UBAH, "pejabat": BAWA, "indikator": UBAH, "perjanjian_kinerja": UBAH, "skala": BAWA,
    "iku": UBAH, "rkt": TINGGAL, "renstra": BAWA, "renja": TINGGAL, "anggaran": TINGGAL, "ikm": TINGGAL,
    "efisiensi": TINGGAL, "pembanding": TINGGAL, "wilayah": BAWA, "penduduk": TINGGAL, "organisasi": BAWA,
    "inovasi": BAWA, "prestasi": TINGGAL, "ratl": TINGGAL, "sop": BAWA, "tabel": TINGGAL, "koreksi": TINGGAL,
}
"""Per data file (or data folder), what next year's report does with it."""


def isi(text: str) -> str:
    return f"{MARKER} {text}"


_YEAR = r"(?:19|20|21)\d\d"
_SPAN = rf"{_YEAR}(?:\s*(?:-|–|—|/|s\.?\s?/?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*{_YEAR})"
_PERIODS = re.compile(
    # a span of years ("2021-2026", "2019 s/d 2023", "2021 sampai dengan 2026"), a multi-year plan named by its
    # years ("RPJMD 2019", "Renstra Tahun 2021-2026"), a regulation's year ("Nomor 53 Tahun 2014", "86/2017")
    rf"(?i:\b(?:rpjmd|rpjmn|rpjpd|rpjpn|renstra|periode)\s+(?:tahun\s+)?)(?:{_SPAN}|{_YEAR})(?!\d)"
    rf"|(?<!\d){_SPAN}(?!\d)"
    rf"|(?i:\b(?:nomor|no\.?)\s*[\w./:-]+\s+tahun\s+){_YEAR}(?!\d)"
    rf"|(?<=\d/){_YEAR}(?!\d)")


def shift_years(text: str, old: int, new: int) -> str:
    """The report year (and the years either side of it) moved to the new report's, whole words only.

    A period never moves with them: a span of years, a multi-year plan named by its first year, a
    regulation's year. Their years stay as written until the data say the period changed."""
    delta = new - old

    def move(part: str) -> str:
        return re.sub(r"(?<!\d)(\d{4})(?!\d)",
                      lambda m: str(int(m.group(1)) + delta) if abs(int(m.group(1)) - old) <= 1 else m.group(1),
                      part)
    out, last = [], 0
    for match in _PERIODS.finditer(text):
        out += [move(text[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(out) + move(text[last:])


@dataclass
class Context:
    report: Report
    figures: Figures
    subjects: Sequence[Subject]
    old: int
    new: int
    kept: set[str] = field(default_factory=set)
    """Names of the data files the new report has (carried or rewritten)."""

    def source_file(self, key: str) -> str | None:
        """The data file a computed value's key comes from (`ikm.nilai` -> ikm)."""
        for s in self.subjects:
            for pattern, f in s.key_files:
                if fnmatch.fnmatchcase(key, pattern) or key.startswith(pattern + "."):
                    return f.name
        return None

    def renstra_targets(self) -> dict[str, Measure]:
        """The Renstra in force's target of each indikator for the new year, where it has one."""
        facts = self.figures.need(TARGETS).facts
        return {f.indikator: f.nilai for f in facts if f.peran == "renstra" and f.berlaku and f.tahun == self.new}


NOT_CARRIED = ("lampiran_tercetak", "status", "ditandatangani", "edisi", "diterbitkan")
"""What belongs to last year's document only: its Daftar Isi, its signature and editions, its publication.
Next year's report starts as a draft (`status` absent means draf)."""


def laporan(raw: dict[str, Any], c: Context) -> dict[str, Any]:
    """The new year, a draft; cover lines and table titles with the year moved; the old document's Daftar Isi
    and signature dropped."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if key in NOT_CARRIED:
            continue
        if key == "tahun":
            value = c.new
        elif key == "sampul" and isinstance(value, list):
            value = [shift_years(str(x), c.old, c.new) for x in value]
        elif key == "tabel" and isinstance(value, dict):
            value = _copies_as_their_original(
                {id: _table_entry(entry, c) if isinstance(entry, dict) else entry for id, entry in value.items()})
        out[key] = value
    return out


_A_YEAR = re.compile(r"(?<!\d)(?:19|20|21)\d\d(?!\d)")


def _table_entry(entry: dict[str, Any], c: Context) -> dict[str, Any]:
    """A table's title and source with the year moved; its column and group labels and declared additions
    that name a year dropped: "REALISASI (2024)" or "TARGET AKHIR RENSTRA (2026)" cannot be told apart from
    a label, so the table's own label, computed from the new data, is shown instead."""
    out: dict[str, Any] = {}
    for k, v in entry.items():
        if k in ("judul", "sumber") and isinstance(v, str):
            v = shift_years(v, c.old, c.new)
        elif k in ("kolom", "kelompok") and isinstance(v, dict):
            v = {name: label for name, label in v.items() if not _A_YEAR.search(f"{name} {label}")}
        elif k == "tambahan" and isinstance(v, dict):
            v = {part: [x for x in ids if not _A_YEAR.search(str(x))] if isinstance(ids, list) else ids
                 for part, ids in v.items()}
            v = {part: ids for part, ids in v.items() if ids != []}
        if v != {}:
            out[k] = v
    return out


def _copies_as_their_original(entries: dict[str, Any]) -> dict[str, Any]:
    """A `salinan` printed its own title and labels in last year's signed document (the Bab II copy of the
    PK headed "TAHUN 2023", sic); next year's copy is laid out as its original is."""
    out = dict(entries)
    for id, entry in entries.items():
        original = entries.get(str(entry.get("salinan"))) if isinstance(entry, dict) else None
        if isinstance(original, dict):
            out[id] = {"salinan": entry["salinan"], **{k: v for k, v in original.items()
                                                       if k in ("nomor", "judul", "sumber", "kolom", "kelompok")}}
    return out


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
    renstra = c.renstra_targets()
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


REWRITE: Mapping[str, Callable[[dict[str, Any], Context], dict[str, Any]]] = {
    "laporan": laporan, "indikator": indikator, "perjanjian_kinerja": perjanjian, "iku": iku}


def header(name: str, c: Context, source: str) -> list[str]:
    return [f"Ditulis ulang untuk tahun {c.new} oleh 'python build.py baru --dari' dari {source}/data/{name}.yaml",
            f"(tahun {c.old}). Ganti setiap \"ISI: ...\"; daftarnya: python build.py check."]


def table_entries(raw: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """laporan.yaml without titles of tables the new report no longer has (a superseded PK's)."""
    if isinstance(raw.get("tabel"), dict):
        raw = {**raw, "tabel": {id: v for id, v in raw["tabel"].items() if id in known}}
    return raw
