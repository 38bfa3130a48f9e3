"""The laporan subject's next-year rule: the new year, a draft; the old document's own record left behind."""
from __future__ import annotations

import re
from typing import Any

from ..core.nextyear import Context, shift_years

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
