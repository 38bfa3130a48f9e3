"""Editions: the signed revision stays the record; a change after signing is an approved edition.

A report born in the tool is signed at a Git revision (`ditandatangani.revisi`, a tag such
as ttd-2024). From then on its content may differ from that revision only in a revised
edition (`edisi`), approved by a named official on a stated basis. The edition's Lembar
Ralat is the difference between the signed revision and this one as readers see them:
every table cell, row, column, number and title (`lkjip.diff.figures`, on the tables as
shown) and every word of every page (`lkjip.diff.prose`, on the rendered text), so it is
complete by construction: what it does not list did not change. A signed report whose
content changed without an edition does not build.

The signed revision is read from Git's objects (`lkjip.diff.git`) and checked by the caller's
`load` (the pipeline itself, without its own edition check: that is what is being done here).
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import Diagnostic, error, warning
from ..diff import git
from ..diff.figures import TableChange, compare_table_maps
from ..diff.prose import ChapterDiff, compare_chapters
from ..diff.revision import Revision, read_chapters, shown_pages
from ..domain.laporan import Laporan, day_text
from ..numbers import date
from ..project import Project
from ..render.chapters import Page
from ..views.blocks import Signature
from ..views.tables import Table

SHOWN_CHANGES = 3
"""How many changes the error about an unapproved change names before 'and N more'."""


@dataclass(frozen=True)
class Ralat:
    """Every difference between the signed edition and this one, as readers see them."""

    nomor: int
    tanggal: str
    dasar: str
    menggantikan: str
    revisi: str
    approver: Signature
    tables: tuple[TableChange, ...]
    prose: tuple[ChapterDiff, ...]

    @property
    def empty(self) -> bool:
        return not self.tables and not self.prose

    def lines(self) -> list[str]:
        """The changes in words, one a line (for messages; the page lays them out itself)."""
        out = []
        for t in self.tables:
            if t.status != "changed":
                out.append(f"{t.caption}: tabel {'ditambahkan' if t.status == 'added' else 'dihapus'}")
                continue
            out += [f"{t.caption}, baris “{c.row_label}”, kolom “{c.column_label}”: {c.old or '–'} → {c.new or '–'}"
                    for c in t.cells]
            out += [f"{t.caption}: baris “{r.row_label}” {_row_word(r.kind)}" for r in t.rows]
            out += [f"{t.caption}: kolom “{c.label}” {_row_word(c.kind)}" for c in t.columns]
            if t.heading:
                out.append(f"judul tabel “{t.heading[0]}” → “{t.heading[1]}”")
        for ch in self.prose:
            for b in ch.blocks:
                if b.kind == "changed":
                    old = " ".join(w.text for w in b.words if w.op == "-")
                    new = " ".join(w.text for w in b.words if w.op == "+")
                    out.append(f"{ch.title}: “{old}” → “{new}”")
                elif b.kind in ("added", "removed"):
                    out.append(f"{ch.title}: paragraf {_row_word(b.kind)}: “{_short(b.text)}”")
        return out


def _row_word(kind: str) -> str:
    return {"added": "ditambahkan", "removed": "dihapus", "moved": "dipindah"}.get(kind, kind)


def _short(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[:size].rsplit(" ", 1)[0] + " …"


Loader = Callable[[Project, str, str], Revision]
"""(folder, label, commit) -> the revision in that folder, as readers see it."""


def against_signed(project: Project, lap: Laporan, approver: Signature | None, pages: Sequence[Page],
                   tables: dict[str, Table], load: Loader) -> tuple[Ralat | None, list[Diagnostic]]:
    """Compare this report, as rendered (`pages`, `tables`), with its signed revision: the Lembar
    Ralat of a revised edition, or the error of a change made without one."""
    signed = lap.ditandatangani
    assert signed is not None and signed.revisi is not None
    where = signed.at("revisi")
    try:
        repo = git.open_repository(project.root)
        commit = git.resolve(repo, signed.revisi)
    except git.GitProblem as problem:
        return None, [error(where, f"revisi yang ditandatangani '{signed.revisi}' tidak dapat dibaca: "
                            f"{problem.message}", problem.hint or "tulis tag atau commit Git edisi yang "
                            "ditandatangani, mis. ttd-2024 (git tag)", "edition-revision")]
    with tempfile.TemporaryDirectory(prefix="lkjip-ttd-") as tmp:
        git.extract(repo, commit, Path(tmp))
        before = load(Project(Path(tmp)), signed.revisi, commit)
    if before.shown_tables is None:
        first = next((d for d in before.errors), None)
        why = f" ({first.loc.file}: {first.message})" if first else ""
        return None, [error(where, f"revisi yang ditandatangani '{signed.revisi}' tidak dapat disusun{why}", "",
                            "edition-revision")]
    now = Revision("edisi ini", None, [], {}, read_chapters(project), None, shown_tables=tables,
                   shown=shown_pages(pages))
    found_tables = compare_table_maps(before, now, before.shown_tables, tables, placed_only=True)
    found_prose = compare_chapters(before.shown, now.shown)
    edisi = lap.edisi
    if edisi is None:
        if not found_tables and not found_prose:
            return None, []
        ralat = Ralat(0, "", "", "", signed.revisi, _nobody(), tuple(found_tables), tuple(found_prose))
        changes = ralat.lines()
        more = f"; dan {len(changes) - SHOWN_CHANGES} perubahan lain" if len(changes) > SHOWN_CHANGES else ""
        return None, [error(lap.at("status"), f"laporan ini ditandatangani (revisi {signed.revisi}), tetapi isinya "
                            f"berbeda dengan revisi itu: {'; '.join(changes[:SHOWN_CHANGES])}{more}",
                            "perubahan sesudah penandatanganan diterbitkan sebagai edisi revisi yang disetujui: "
                            "tambahkan di data/laporan.yaml edisi: {nomor: 2, tanggal: YYYY-MM-DD, disetujui: "
                            "<pengenal pejabat>, dasar: \"...\"}; Lembar Ralat dibuat dari perbedaannya",
                            "edition-unapproved")]
    assert approver is not None
    ralat = Ralat(edisi.nomor, date(edisi.tanggal), edisi.dasar, day_text(signed.tanggal), signed.revisi, approver,
                  tuple(found_tables), tuple(found_prose))
    problems = [warning(edisi.at("nomor"), f"edisi revisi {edisi.nomor} tidak mengubah apa pun dari edisi yang "
                        f"ditandatangani (revisi {signed.revisi})", "hapus 'edisi' bila tidak ada ralat",
                        "edition-empty")] if ralat.empty else []
    return ralat, problems


def _nobody() -> Signature:
    return Signature("", "", "", None, None)
