"""The Catatan Pemeriksaan as readers find it: a page of the site and an annex of the PDF.

The model is `lkjip.check.findings`; here each place is put into words a reader can follow (the
table, its row and column, or the chapter, section and the words before a quote), with a
link back to where the mark stands.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..check.corrections import Koreksi
from ..check.findings import Pemeriksaan
from .chapters import Page

FINDINGS_PAGE = "catatan-pemeriksaan.html"
TITLE = "Catatan Pemeriksaan"


def place_text(k: Koreksi) -> str:
    """Where a place is, in words: 'Tabel 3.1 Pencapaian Kinerja (BAB III), baris “IKM”, kolom “Realisasi”'."""
    t = k.tempat
    if t.tabel:
        page = f" ({t.judul_halaman})" if t.judul_halaman else ""
        return f"{t.tabel}{page}, baris “{t.baris}”, kolom “{t.kolom}”"
    text = t.judul_halaman or ""
    if t.bagian:
        text += f", bagian “{t.bagian}”"
    if t.kutipan:
        text += f", setelah “{t.kutipan}”"
    return text


def context(marks: Pemeriksaan, pages: Sequence[Page], rounding: str) -> dict[str, Any]:
    """What the page and the annex show: each cause with its places (in words, linked to their page)."""
    by_slug = {p.slug: p for p in pages}

    def item(k: Koreksi, first_of: str | None) -> dict[str, Any]:
        page = by_slug.get(k.tempat.halaman or "")
        href = (f"{page.path}#tanda-{first_of}" if first_of else page.path) if page else None
        return {"k": k, "where": place_text(k), "href": href}
    temuan = [{"label": t.label, "anchor": t.anchor, "alasan": t.alasan,
               "tempat": [item(k, t.anchor if i == 0 else None) for i, k in enumerate(t.tempat)]}
              for t in marks.temuan]
    penulisan = [{"alasan": t.alasan, "tempat": [item(k, None) for k in t.tempat]} for t in marks.penulisan]
    return {"temuan": temuan, "places": marks.places, "pembulatan": [item(k, None) for k in marks.pembulatan],
            "penulisan": penulisan,
            "tambahan": list(marks.tambahan), "rounding": rounding}
