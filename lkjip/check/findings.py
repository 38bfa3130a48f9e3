"""Catatan Pemeriksaan: the recomputation of a signed report, grouped by cause, for readers.

A signed report shows what was signed (`lkjip.record.signed`). Where the office chooses
(`catatan_pemeriksaan: true`), readers also see where the data give another figure than
the signed one: a small mark beside the signed value (P1, P2, ...) leads to one entry per
cause, which says why once and lists every place it explains, signed value beside the
recomputed one. The cause is the author's reason (`alasan`): a reason written once in
data/koreksi.yaml and named in many places is one entry; places without a reason are one
entry too. Differences that are only the document's rounding practice (it printed 101,24
where the figure rounds to 101,23: one unit in the last printed decimal) carry no mark and
are summarised in one line, so they do not bury the findings that matter. Causes the author
names as differences of writing only (data/koreksi.yaml `penulisan`: a row number, the label
of a total, a zero written "-") are listed with their places too, but carry no mark either.

Entries are numbered in reading order of their first place; plain data, independent of
HTML: the site renders a page, the PDF an annex.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .corrections import Corrections, Koreksi

UNEXPLAINED = ""


@dataclass(frozen=True)
class Temuan:
    """One cause: the reason, once, and every place it explains."""

    nomor: int
    alasan: str | None
    tempat: tuple[Koreksi, ...]

    @property
    def label(self) -> str:
        return f"P{self.nomor}"

    @property
    def anchor(self) -> str:
        return f"pemeriksaan-{self.nomor}"


@dataclass(frozen=True)
class Pemeriksaan:
    temuan: tuple[Temuan, ...] = ()
    pembulatan: tuple[Koreksi, ...] = ()
    """Places that differ only by the document's rounding: one summary line, no marks."""
    tambahan: tuple[str, ...] = ()
    """What the tool adds to the signed document, in words, listed once."""
    penulisan: tuple[Temuan, ...] = ()
    """Causes that concern only how the document writes a thing: listed with their places, no marks."""
    _cells: Mapping[tuple[str, str, str], Temuan] = field(default_factory=dict, repr=False)
    _quotes: Mapping[tuple[str, int, int], Temuan] = field(default_factory=dict, repr=False)

    @property
    def items(self) -> bool:
        """Whether there is anything to tell readers (the page and the annex exist only then)."""
        return bool(self.temuan or self.pembulatan or self.tambahan or self.penulisan)

    def cell(self, table: str, row: str, column: str) -> Temuan | None:
        return self._cells.get((table, row, column))

    def quote(self, file: str, line: int, column: int) -> Temuan | None:
        return self._quotes.get((file, line, column))

    def in_table(self, table: str) -> dict[tuple[str, str], Temuan]:
        return {(row, col): t for (tab, row, col), t in self._cells.items() if tab == table}

    @property
    def places(self) -> int:
        return sum(len(t.tempat) for t in self.temuan)


def group(corrections: Corrections, additions: Sequence[str] = (),
          writing: frozenset[str] = frozenset()) -> Pemeriksaan:
    """The corrections grouped by cause, in reading order; rounding-only places and causes of
    writing only (`writing`: ids of reasons) set apart."""
    causes: dict[str, list[Koreksi]] = {}
    written: dict[str, list[Koreksi]] = {}
    rounding = []
    for k in corrections.items:
        if k.pembulatan:
            rounding.append(k)
            continue
        if k.alasan_id and k.alasan_id in writing:
            written.setdefault(k.alasan_id, []).append(k)
            continue
        causes.setdefault(_cause(k), []).append(k)
    temuan = []
    cells: dict[tuple[str, str, str], Temuan] = {}
    quotes: dict[tuple[str, int, int], Temuan] = {}
    for nomor, places in enumerate(causes.values(), 1):
        alasan = next((k.alasan for k in places if k.alasan), None)
        t = Temuan(nomor, alasan, tuple(places))
        temuan.append(t)
        for k in places:
            if k.cell:
                cells[k.cell] = t
            if k.quote:
                quotes[k.quote] = t
    penulisan = tuple(Temuan(0, places[0].alasan, tuple(places)) for places in written.values())
    return Pemeriksaan(tuple(temuan), tuple(rounding), tuple(additions), penulisan, cells, quotes)


def _cause(k: Koreksi) -> str:
    """What groups places: the shared reason's id, else the reason's own words, else 'unexplained'."""
    return k.alasan_id or k.alasan or UNEXPLAINED


class Shown:
    """The marks of one rendered document (a page of the site, or the whole PDF): a mark's first
    appearance carries the id its entry links back to, the others none (ids are unique)."""

    def __init__(self, marks: Pemeriksaan) -> None:
        self.marks = marks
        self._given: set[str] = set()

    def in_table(self, table: str) -> dict[tuple[str, str], Temuan]:
        return self.marks.in_table(table)

    def quote(self, file: str, line: int, column: int) -> Temuan | None:
        return self.marks.quote(file, line, column)

    def first_id(self, mark: Temuan) -> str:
        """`tanda-<anchor>` the first time this mark is drawn in the document, else ''."""
        if mark.anchor in self._given:
            return ""
        self._given.add(mark.anchor)
        return f"tanda-{mark.anchor}"


NO_MARKS = Pemeriksaan()
"""A draft, or a signed report that keeps the recomputation to its authors: no marks anywhere."""
