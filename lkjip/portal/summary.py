"""What the index pages need of one built report, read from what its readers see.

Every figure here is a cell of a table the report's own pages show (for a signed report, the
signed value, never a recomputation), with the page and anchor where it stands: the average
capaian, the count of indikator per predikat, the serapan anggaran, the IKM, and each
indikator's capaian. A table no page shows gives nothing: the portal shows only what the
office published. The summary is plain JSON, written beside the built site, so the index can
be made later from the summaries of separate shard jobs.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..domain.laporan import LAPORAN
from ..pipeline import Result
from ..render import search
from ..render.identity import site_info
from ..render.site import table_anchors
from ..views.tables import Table

NUMBERED = re.compile(r"^\d+(\.\d+)*\.?\s+")


class _Shown:
    """The report's tables as its readers see them, and where each one stands."""

    def __init__(self, result: Result) -> None:
        self.tables: Mapping[str, Table] = result.tables
        self.view = result.view
        anchors = table_anchors(self.tables)
        self.where: dict[str, str] = {}
        for page in result.pages:
            for id in page.tables:
                if id in anchors:
                    self.where.setdefault(id, f"{page.path}#{anchors[id]}")

    def table(self, id: str) -> Table | None:
        return self.tables.get(id) if id in self.where else None

    def cell(self, id: str, row: str, column: str) -> str | None:
        """A cell's text in the house style ('86,94%'), only where readers see it as the report shows it
        (not an addition the author made to a signed document)."""
        table = self.table(id)
        if table is None or (self.view is not None and not self.view.signed(id, row, column)):
            return None
        found, index = table.row(row), table.column(column)
        if found is None or index is None or found.kind == "bagian":
            return None
        cell = found.cells[index]
        return replace(cell.value, tulisan="").text() if cell is not None and not cell.value.is_empty else None

    def figure(self, id: str, row: str, column: str) -> dict[str, str] | None:
        text = self.cell(id, row, column)
        return {"teks": text, "tautan": self.where[id]} if text is not None else None


def summary(result: Result, root: Path) -> dict[str, Any]:
    """The figures, indikator, search entries and links of one built report (in `root`, resolved)."""
    report = result.need_report()
    lap = report.need(LAPORAN)
    shown, info = _Shown(result), site_info(lap)
    figures: dict[str, Any] = {}
    average = _average(shown, lap.tahun)
    if average:
        figures["capaian"] = average
    if serapan := shown.figure("anggaran_program", "jumlah", "persen"):
        figures["serapan"] = serapan
    if ikm := shown.figure("ikm_unsur", "ikm", "nrr"):
        mutu = shown.cell("ikm_unsur", "mutu", "nrr")
        figures["ikm"] = {**ikm, **({"mutu": mutu} if mutu else {})}
    if predikat := _predikat(shown):
        figures["predikat"] = predikat
    return {
        "judul": lap.judul, "instansi": lap.instansi, "jenis": lap.jenis, "daerah": lap.daerah,
        "tahun": lap.tahun, "draf": info.draf, "ditandatangani": info.ditandatangani,
        "pdf": info.pdf_name if info.pdf_name in result.files else None,
        "angka": figures, "indikator": _indikator(shown),
        "cari": search.entries(result.pages),
        "dibaca": sorted({p.resolve().relative_to(root).as_posix() for p in result.images
                          if p.resolve().is_relative_to(root)}),
    }


def _average(shown: _Shown, tahun: int) -> dict[str, str] | None:
    table = shown.table("rata_rata_capaian")
    if table is None:
        return None
    row = next((r.id for r in table.rows if r.id == "rata_rata"), None) or \
        next((r.id for r in reversed(table.rows) if r.kind == "jumlah"), None)
    return shown.figure("rata_rata_capaian", row, f"capaian_{tahun}") if row else None


def _predikat(shown: _Shown) -> dict[str, Any] | None:
    """The count per predikat as the report's own Jumlah Indikator per Predikat table shows it; without
    that table, the predikat words of the capaian table as shown, tallied."""
    table = shown.table("sebaran_predikat")
    if table is not None:
        counts = [{"predikat": shown.cell("sebaran_predikat", r.id, "predikat"),
                   "jumlah": shown.cell("sebaran_predikat", r.id, "jumlah")} for r in table.rows if r.kind == "data"]
        counts = [c for c in counts if c["predikat"] and c["jumlah"]]
        return {"jumlah": counts, "tautan": shown.where["sebaran_predikat"]} if counts else None
    table = shown.table("capaian")
    if table is None or table.column("predikat") is None:
        return None
    tally: dict[str, int] = {}
    for r in table.rows:
        if r.kind == "data" and (word := shown.cell("capaian", r.id, "predikat")):
            tally[word] = tally.get(word, 0) + 1
    counts = [{"predikat": word, "jumlah": str(n)} for word, n in tally.items()]
    return {"jumlah": counts, "tautan": shown.where["capaian"]} if counts else None


def _indikator(shown: _Shown) -> list[dict[str, str]]:
    """Each indikator's capaian in the capaian table as shown, by its stable id."""
    table = shown.table("capaian")
    if table is None or table.column("capaian") is None:
        return []
    out = []
    for r in table.rows:
        capaian = shown.cell("capaian", r.id, "capaian") if r.kind == "data" else None
        name = shown.cell("capaian", r.id, "indikator") if capaian else None
        if capaian and name:
            out.append({"id": r.id, "nama": NUMBERED.sub("", name), "capaian": capaian,
                        "tautan": shown.where["capaian"]})
    return out
