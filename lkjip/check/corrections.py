"""Catatan Koreksi: every place where the report shows another figure or word than the signed
document printed, numbered, located and explained for readers.

The report recomputes every figure from its source data, so in places it shows 91,33 where
the signed document printed 90,25, or "Sangat Berhasil" where it printed "berhasil". A
reader holding the signed document must see that: each such place carries a numbered
marker (K1, K2, ...) that leads to a plain-language note saying what the signed document
printed, what the data give, and why the report differs.

The model is computed once per build, in the check stage, from every `Difference` found by
`lkjip.check.compare`: table cells (`PrintedCell`) and quotes in chapters (`{{ key | tercetak: ... }}`).
It is plain data, independent of HTML: the site renders it as a page and markers, the PDF
as an annex, the author report as a list with file and line.

Numbering follows reading order, so K1 is the first a reader meets: pages in order; on a page,
its tables and quotes in the order they appear (a table's cells row by row, column by
column); then cells of tables that no page shows. A number changes only when the report does.

Reasons: the author writes `alasan` beside the printed value, in YAML
(`realisasi: {nilai: 90.25, alasan: "..."}`) or in Markdown (`{{ key | tercetak: 90,25 |
alasan: ... }}`). A reason is either its own text or, when it is one identifier
(`ikm_dihitung_ulang`), the id of a reason written once in data/koreksi.yaml and shared by
every place it explains. A difference without a reason stays a `check` warning; with one it
is no longer a warning, and readers see it all the same.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from ..diagnostics import Diagnostic, Loc, error
from ..views.tables import Row, Table
from .compare import Difference

REASON_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class Tempat:
    """Where a reader finds a correction: its page and, in a table, the caption, row and column;
    in prose, the section and the words just before it."""

    halaman: str | None = None          # the page's slug; None for a table that no page shows
    judul_halaman: str | None = None
    bagian: str | None = None           # the heading of the section holding a quote
    tabel: str | None = None            # a table's caption ("Tabel 3.1 Pencapaian Kinerja")
    baris: str | None = None
    kolom: str | None = None
    kutipan: str | None = None          # the words before a quote, as the signed document reads


@dataclass(frozen=True)
class Koreksi:
    nomor: int
    tempat: Tempat
    tercetak: str
    """What the signed document printed there."""
    ditampilkan: str
    """What this report shows instead."""
    alasan: str | None
    loc: Loc
    """Where the author wrote the printed value (for the author report only)."""
    cell: tuple[str, str, str] | None = None     # table id, row id, column key
    quote: tuple[str, int, int] | None = None    # file, line, column of a quote
    sama_dengan: int | None = None
    """The number of the first correction that gave this same shared reason (from
    data/koreksi.yaml): readers are referred to it instead of reading the text again."""
    alasan_id: str | None = None
    """The id of the shared reason (data/koreksi.yaml) this place names, if any."""
    pembulatan: bool = False
    """Only the document's rounding practice (one unit in its last printed decimal)."""

    @property
    def label(self) -> str:
        return f"K{self.nomor}"

    @property
    def anchor(self) -> str:
        """The id of this correction's note, in the site's page and in the PDF's annex alike."""
        return f"koreksi-{self.nomor}"


@dataclass(frozen=True)
class Corrections:
    items: tuple[Koreksi, ...] = ()
    _cells: Mapping[tuple[str, str, str], Koreksi] = field(default_factory=dict, repr=False)
    _quotes: Mapping[tuple[str, int, int], Koreksi] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, items: Iterable[Koreksi]) -> Corrections:
        items = tuple(items)
        return cls(items, {k.cell: k for k in items if k.cell}, {k.quote: k for k in items if k.quote})

    def cell(self, table: str, row: str, column: str) -> Koreksi | None:
        return self._cells.get((table, row, column))

    def quote(self, file: str, line: int, column: int) -> Koreksi | None:
        return self._quotes.get((file, line, column))

    def in_table(self, table: str) -> dict[tuple[str, str], Koreksi]:
        return {(row, col): k for (t, row, col), k in self._cells.items() if t == table}

    @property
    def unexplained(self) -> int:
        return sum(1 for k in self.items if not k.alasan)


@dataclass(frozen=True)
class Quote:
    """A printed word or figure quoted in a chapter that differs from the computed one."""

    difference: Difference
    file: str
    line: int
    column: int
    bagian: str | None
    kutipan: str | None


@dataclass(frozen=True)
class PageOrder:
    """What one page shows, in reading order: table ids and quotes."""

    slug: str
    title: str
    items: tuple[str | Quote, ...]


def collect(pages: Sequence[PageOrder], cells: Sequence[Difference], tables: Mapping[str, Table],
            reasons: Mapping[str, str], reasons_file: str) -> tuple[Corrections, list[Diagnostic]]:
    """Number every difference in reading order and resolve its reason. Returns the corrections
    and the diagnostics: a warning per difference without a reason, an error per unknown reason id."""
    by_table: dict[str, list[Difference]] = {}
    for d in cells:
        assert d.cell is not None
        by_table.setdefault(d.cell.table, []).append(d)
    ordered: list[tuple[Difference, Tempat, Quote | None]] = []
    shown: set[str] = set()
    for page in pages:
        for item in page.items:
            if isinstance(item, Quote):
                ordered.append((item.difference, Tempat(page.slug, page.title, item.bagian, kutipan=item.kutipan),
                                item))
            elif item not in shown:
                shown.add(item)
                ordered += [(d, _cell_place(tables[item], d, page), None) for d in _reading(tables[item], by_table)]
    for id, table in tables.items():
        if id not in shown:
            ordered += [(d, _cell_place(table, d, None), None) for d in _reading(table, by_table)]
    items, problems = [], []
    first_of: dict[str, int] = {}
    for number, (diff, where, quote) in enumerate(ordered, 1):
        alasan, problem = _reason(diff, reasons, reasons_file)
        if problem:
            problems.append(problem)
        elif not alasan:
            problems.append(diff.diagnostic)
        cell = (diff.cell.table, diff.cell.row, diff.cell.column) if diff.cell else None
        shared = diff.printed.alasan if alasan and diff.printed.alasan in reasons else None
        earlier = first_of.setdefault(shared, number) if shared else number
        items.append(Koreksi(number, where, diff.tercetak, diff.shown, alasan, diff.printed.loc, cell,
                             (quote.file, quote.line, quote.column) if quote else None,
                             earlier if earlier != number else None, shared, diff.pembulatan))
    return Corrections.of(items), problems


def _reading(table: Table, by_table: Mapping[str, list[Difference]]) -> list[Difference]:
    """A table's differences row by row, column by column."""
    rows = {r.id: i for i, r in enumerate(table.rows)}
    columns = {c.key: i for i, c in enumerate(table.columns)}

    def order(d: Difference) -> tuple[int, int]:
        assert d.cell is not None
        return rows.get(d.cell.row, len(rows)), columns.get(d.cell.column, len(columns))
    return sorted(by_table.get(table.id, []), key=order)


def _cell_place(table: Table, d: Difference, page: PageOrder | None) -> Tempat:
    assert d.cell is not None
    return _place(table, d.cell.row, d.cell.column, page.slug if page else None, page.title if page else None)


def _place(table: Table, row_id: str, column_key: str, slug: str | None, title: str | None) -> Tempat:
    row, index = table.row(row_id), table.column(column_key)
    column = None
    if index is not None:
        col = table.columns[index]
        column = " ".join((*col.group, col.label))
    return Tempat(slug, title, tabel=table.caption, baris=row_label(table, row) if row else None, kolom=column)


def as_shown_in(corrections: Corrections, tables: Mapping[str, Table]) -> Corrections:
    """The places named as readers see the tables (a signed report's own headers and row names), so
    that a reader looking for "row X" finds X."""
    items = []
    for k in corrections.items:
        table = tables.get(k.cell[0]) if k.cell else None
        if table is not None and k.cell is not None:
            place = _place(table, k.cell[1], k.cell[2], k.tempat.halaman, k.tempat.judul_halaman)
            # a row the document left unnamed (a total without its label) keeps the name the data give it
            k = replace(k, tempat=replace(place, baris=place.baris or k.tempat.baris))
        items.append(k)
    return Corrections.of(items)


def row_label(table: Table, row: Row) -> str | None:
    """How a reader names a row: its cell in the column that names rows (the one that stays put on
    screen), else its first filled text."""
    index = table.name_column()
    named = row.cells[index] if index is not None and row.kind != "bagian" else None
    if named is not None and not named.value.is_empty:
        return named.value.text()
    return next((c.value.text() for col, c in zip(table.columns, row.cells, strict=True)
                 if col.kind == "teks" and col.key != "no" and c is not None and not c.value.is_empty), None)


def _reason(diff: Difference, reasons: Mapping[str, str], reasons_file: str) -> tuple[str | None, Diagnostic | None]:
    alasan = diff.printed.alasan
    if alasan is None or not REASON_ID.match(alasan):
        return alasan, None
    if alasan in reasons:
        return reasons[alasan], None
    close = difflib.get_close_matches(alasan, list(reasons), n=1)
    hint = (f"maksud Anda '{close[0]}'? " if close else "") + \
        f"tulis alasannya sebagai kalimat, atau daftarkan '{alasan}' di {reasons_file} (alasan: {{{alasan}: ...}})"
    return None, error(diff.printed.loc, f"alasan '{alasan}' tidak dikenal", hint, "unknown-reason")
