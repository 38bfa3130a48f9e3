"""The Lembar Ralat as readers find it: a page of the site and the first pages of the PDF.

The model is `lkjip.record.edition.Ralat`; here each change is put into the words of an erratum:
where (the table, its row and column, or the chapter), what the signed edition says, and
what this edition says instead. Changed sentences are shown whole, with the removed words
struck through and the added ones marked, so a reader can find them in the signed paper.
"""
from __future__ import annotations

from typing import Any

from ..record.edition import Ralat

PAGE = "lembar-ralat.html"
TITLE = "Lembar Ralat"


def _word(kind: str) -> str:
    return {"added": "ditambahkan", "removed": "dihapus", "moved": "dipindah"}.get(kind, kind)


def entries(ralat: Ralat) -> list[dict[str, Any]]:
    """One entry per change: {tempat, lama, baru} or, for a sentence, {tempat, kata: [(op, text)]}."""
    out: list[dict[str, Any]] = []
    for t in ralat.tables:
        if t.status != "changed":
            out.append({"tempat": t.caption, "lama": "ada" if t.status == "removed" else "–",
                        "baru": "ada" if t.status == "added" else "dihapus"})
            continue
        if t.heading:
            out.append({"tempat": "Judul tabel", "lama": t.heading[0] or "–", "baru": t.heading[1] or "–"})
        out += [{"tempat": f"{t.caption}, baris “{c.row_label}”, kolom “{c.column_label}”", "lama": c.old or "–",
                 "baru": c.new or "–"} for c in t.cells]
        out += [{"tempat": f"{t.caption}, baris “{r.row_label}”", "lama": r.old or "–", "baru": r.new or _word(r.kind)}
                for r in t.rows]
        out += [{"tempat": f"{t.caption}, kolom “{c.label}”", "lama": "ada" if c.kind == "removed" else "–",
                 "baru": _word(c.kind)} for c in t.columns]
    for chapter in ralat.prose:
        for block in chapter.blocks:
            if block.kind == "changed":
                out.append({"tempat": chapter.title, "kata": [(w.op, w.text) for w in block.words]})
            elif block.kind == "added":
                out.append({"tempat": chapter.title, "lama": "–", "baru": block.text})
            elif block.kind == "removed":
                out.append({"tempat": chapter.title, "lama": block.text, "baru": "dihapus"})
    return out


def context(ralat: Ralat) -> dict[str, Any]:
    return {"ralat": ralat, "entries": entries(ralat)}
