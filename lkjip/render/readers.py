"""What readers see of the report, by its status: a draft's computed figures, or what was signed.

A draft (`status: draf`) shows the computed figures; every disagreement with a printed
value is the author's to fix (a `check` warning), and readers are told nothing of it. A
signed report shows the signed figures and words (`lkjip.record.signed`): its tables carry their
printed cells, its quotes their printed text, its additions a mark; a transcribed paper
document's tables lose the notes on method the tool writes under them (the paper had none;
the rounding rule and formulas are told in the Catatan Pemeriksaan instead). Readers see the
recomputation only where the office chooses (`catatan_pemeriksaan`), as note marks beside
signed values and a Catatan Pemeriksaan (`lkjip.check.findings`); the list of additions is given
there in any case, since every mark needs its explanation.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..check.compare import PrintedCell
from ..check.corrections import Corrections, as_shown_in
from ..check.findings import NO_MARKS, Pemeriksaan, group
from ..core.catalog import Catalog
from ..diagnostics import Diagnostic
from ..domain.laporan import Laporan
from ..record.signed import (
    ADDED,
    Addition,
    addition_problems,
    additions_of,
    as_signed,
    described,
    labelled,
    signed_chart,
    units_in_headers,
)
from ..views.tables import Table
from .chapters import Chapter


@dataclass(frozen=True)
class ReadersView:
    tables: dict[str, Table]
    marks: Pemeriksaan = NO_MARKS
    problems: list[Diagnostic] = field(default_factory=list)
    additions: Mapping[str, Addition] = field(default_factory=dict)

    def signed(self, table: str, row: str, column: str) -> bool:
        """Whether readers see this cell as the document printed it, not as something the author added
        (a home-page figure must be one of those)."""
        add = self.additions.get(table)
        return add is None or not (add.whole or row in add.rows or column in add.columns)


def readers_view(lap: Laporan, catalog: Catalog, printed: Sequence[PrintedCell], corrections: Corrections,
                 chapters: Sequence[Chapter], writing: frozenset[str] = frozenset()) -> ReadersView:
    """The tables and note marks readers get; for a signed report the chapters are turned to show
    what was signed (in place)."""
    tables, computed = catalog.available_tables(), catalog.available_tables(full=True)
    additions = additions_of(lap.tabel)
    problems = addition_problems(additions, computed, lap.tabel)
    if not lap.signed:
        return ReadersView(tables, NO_MARKS, problems)
    # a column the document printed stays, though the data leave it empty (Tabel 3.4's "Nasional", "-")
    printed_tables = as_signed(computed, printed)
    signed = {id: units_in_headers(t.without_empty_columns()) for id, t in printed_tables.items()}
    if lap.transcribed:  # the tool's notes on method were never part of the paper that was signed
        signed = {id: replace(t, notes=()) for id, t in signed.items()}
    signed = labelled(signed, additions)
    charts: list[str] = []
    placed: set[str] = set()
    for ch in chapters:
        ch.as_signed(signed, ADDED if lap.transcribed else "",
                     lambda chart: signed_chart(chart, computed.get(chart.tabel), printed_tables.get(chart.tabel)))
        charts += [getattr(obj, "judul", "") for kind, obj in ch.blocks.values() if kind == "grafik"]
        placed |= {obj.id for kind, obj in ch.blocks.values() if isinstance(obj, Table)}
    # a table no page shows was never signed: the open data publishes only what the document holds
    signed = {id: t for id, t in signed.items() if id in placed}
    added = described(additions, tables, charts)
    marks = group(as_shown_in(corrections, signed), added, writing) if lap.catatan_pemeriksaan else \
        Pemeriksaan(tambahan=tuple(added))
    return ReadersView(signed, marks, problems, additions)
