"""Tables laid out for paper: units in the header, portrait or landscape, and too-wide matrices split.

The site shows a table as data with a horizontal scroll; paper has a fixed width. This
module decides, from the table's content alone, how it goes on A4. The unit of a column
whose every cell is rupiah or a percentage moves into its header ("Pagu (Rp)"), so each
cell shows only the number. A table stays on a portrait page at 8,5 pt, or at 7,5 pt if
that is what it takes; else it goes on landscape pages at 7,5 pt, or at 7 pt if that spares
a split; a matrix wider still is split into parts that each repeat the identifying columns
(the leading text columns outside any column group), cut at the boundaries of its column
groups into the fewest, most even parts. Widths are estimated from character counts of
DejaVu Sans, generously, because a number, a code or a date is one word and never broken.

Where a table may break across pages is decided here too (`keeps`), from its rows alone: a
short table is never split; a longer one keeps a few rows on each side of a break, a
section or heading row with the row after it, a total with the rows around it, and the
rows a spanning cell covers together. The print stylesheet turns each kept boundary into
`break-after: avoid`, which WeasyPrint honours between table rows.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..views.tables import Cell, HeadCell, Row, Table

# Usable widths in pt: A4 portrait with 2,5 cm + 2 cm margins; A4 landscape with 1,5 cm margins.
PORTRAIT_PT = (21.0 - 4.5) / 2.54 * 72
LANDSCAPE_PT = (29.7 - 3.0) / 2.54 * 72
BODY_PT, WIDE_PT = 8.5, 7.5          # table text size on portrait and on landscape pages
SMALLEST_PT = 7.0                    # never smaller: a table that would need less is split
CHAR_EM, BOLD_EM, PAD_EM = 0.62, 0.70, 0.9   # DejaVu Sans: average advance per character; cell padding
TEXT_COMFORT_EM = 9.0                # a text column narrower than this wraps every few words
IDENT_SHARE = 0.5                    # identifying columns may take at most this share of a part
LONG_WORD = 24                       # a text word longer than this (a web address) may break
SHORT_ROWS = 12                      # a table of at most this many body rows is never split across pages
EDGE_ROWS = 3                        # a longer one keeps at least this many data rows on each side of a break
HEADING_ROWS = ("bagian", "judul")   # rows that introduce the rows after them

UNITS = {"rupiah": "Rp", "persen": "%"}
_NUMBERED = re.compile(r"(?<=\S) (?=\d{1,2}\. )")


@dataclass(frozen=True)
class PrintColumn:
    index: int               # position in the table's columns
    unit: str                # "Rp", "%" or "" when cells keep their own unit
    min_em: float            # the widest unbreakable content
    comfort_em: float        # a width at which its text reads without cramped wrapping


@dataclass(frozen=True)
class Part:
    """One printed piece of a table: the identifying columns plus a run of the others."""

    table: Table             # the table restricted to this part's columns, units moved to the header
    number: int
    of: int
    repeated: tuple[str, ...]  # labels of the identifying columns every part repeats
    units: tuple[str, ...] = ()  # per column of `table`: the unit its header carries ("Rp", "%" or "")

    @property
    def note(self) -> str:
        if self.of == 1:
            return ""
        if not self.repeated:
            return f"bagian {self.number} dari {self.of}"
        return f"bagian {self.number} dari {self.of}; kolom {', '.join(self.repeated)} diulang pada setiap bagian"


@dataclass(frozen=True)
class PrintLayout:
    landscape: bool
    parts: tuple[Part, ...]
    compact: bool = False     # on a portrait page at the landscape size, rather than a page turned for it
    smallest: bool = False    # at the smallest size (7 pt), where that spares a split


def _column_unit(table: Table, index: int) -> str:
    """'Rp' or '%' when every filled cell of the column is of that kind, else ''. A column holding a value
    as the signed document wrote it ('Rp. 2.415.383.480,00') keeps its units in the cells, as printed."""
    filled = [c for r in table.rows if r.kind != "bagian"
              for c in (r.cells[index],) if c is not None and not c.value.is_empty and c.value.kind != "kosong"]
    if any(c.value.tulisan for c in filled):
        return ""
    kinds = {c.value.kind for c in filled}
    return UNITS.get(next(iter(kinds)), "") if len(kinds) == 1 else ""


def cell_text(cell: Cell, unit: str) -> str:
    """A cell's text on paper: without the unit its header carries; numbered items one per line."""
    text = cell.value.text() if not cell.value.is_empty else ""
    if unit == "Rp":
        text = text.replace("Rp", "", 1)
    elif unit == "%":
        text = text.replace("%", "", 1)
    return text


def numbered_lines(text: str) -> list[str]:
    """'1. a 2. b 3. c' -> ['1. a', '2. b', '3. c'] when the numbers run 1, 2, 3...; else [text]."""
    pieces = _NUMBERED.split(text)
    numbers = [p.split(".", 1)[0] for p in pieces]
    if len(pieces) > 1 and numbers == [str(n) for n in range(1, len(pieces) + 1)]:
        return pieces
    return [text]


def _header_label(label: str, unit: str) -> str:
    if not unit or unit in label:
        return label
    return f"{label} ({unit})"


def _measure(table: Table, index: int, unit: str) -> PrintColumn:
    """Widths in em: the widest word (a number, code or date is one word: it is never broken; a
    longer word, such as a web address, may break and counts as LONG_WORD) and a comfortable width."""
    col = table.columns[index]
    min_em = max([len(w) for w in col.label.split()] or [0]) * BOLD_EM
    longest = 0
    for row in table.rows:
        cell = row.cells[index] if row.kind != "bagian" else None
        if cell is None:
            continue
        text = cell_text(cell, unit)
        whole = cell.value.is_number or cell.value.kind == "tanggal"
        words = [len(w) if whole else min(len(w), LONG_WORD) for w in text.split()]
        min_em = max(min_em, max(words or [0]) * CHAR_EM)
        longest = longest if whole else max(longest, len(text))
    comfort = max(min_em, min(longest * CHAR_EM, TEXT_COMFORT_EM))
    return PrintColumn(index, unit, min_em + PAD_EM, comfort + PAD_EM)


def _restrict(table: Table, indices: list[int], units: dict[int, str]) -> Table:
    columns = tuple(replace(table.columns[i], label=_header_label(table.columns[i].label, units[i]))
                    for i in indices)
    rows = tuple(r if r.kind == "bagian" else replace(r, cells=tuple(r.cells[i] for i in indices))
                 for r in table.rows)
    return replace(table, columns=columns, rows=rows)


def _units(table: Table) -> list[tuple[int, list[int]]]:
    """Columns in runs that must stay together: a top-level column group, or one column."""
    runs: list[tuple[int, list[int]]] = []
    for i, col in enumerate(table.columns):
        key = col.group[0] if col.group else None
        if runs and key is not None and table.columns[runs[-1][1][-1]].group[:1] == (key,):
            runs[-1][1].append(i)
        else:
            runs.append((i, [i]))
    return runs


def _pack(runs: list[list[int]], width: dict[int, float], capacity: float) -> list[list[int]]:
    """Consecutive runs into the fewest parts no wider than capacity, as even as possible (a run wider
    than a part is cut column by column): the smallest possible widest part over all cuts."""
    pieces = [p for run in runs for p in ([run] if sum(width[i] for i in run) <= capacity else [[i] for i in run])]
    sizes = [sum(width[i] for i in p) for p in pieces]
    best: dict[tuple[int, int], tuple[float, list[int]]] = {}

    def cut(start: int, parts: int) -> tuple[float, list[int]]:
        """(widest part, cut positions) for pieces[start:] in `parts` parts."""
        if parts == 1:
            return sum(sizes[start:]), []
        if (start, parts) not in best:
            options = [(max(sum(sizes[start:end]), cut(end, parts - 1)[0]), [end] + cut(end, parts - 1)[1])
                       for end in range(start + 1, len(pieces) - parts + 2)]
            best[(start, parts)] = min(options, key=lambda o: o[0])
        return best[(start, parts)]

    count = 1
    while count < len(pieces) and cut(0, count)[0] > capacity:
        count += 1
    bounds = [0] + cut(0, count)[1] + [len(pieces)]
    return [[i for p in pieces[a:b] for i in p] for a, b in zip(bounds, bounds[1:], strict=False)]


def layout(table: Table, as_printed: bool = False) -> PrintLayout:
    """How the table goes on paper: its orientation and its parts (one when it fits). `as_printed`: a
    signed document's table, whose cells keep their units as the document printed them ("101,24%"),
    as they do on the site."""
    units = {i: "" if as_printed else _column_unit(table, i) for i in range(table.width)}
    cols = [_measure(table, i, units[i]) for i in range(table.width)]
    need = sum(c.comfort_em for c in cols)
    everything = list(range(table.width))
    whole = (Part(_restrict(table, everything, units), 1, 1, (), tuple(units[i] for i in everything)),)
    if need * BODY_PT <= PORTRAIT_PT or table.width == 0:
        return PrintLayout(False, whole)
    if need * WIDE_PT <= PORTRAIT_PT:
        return PrintLayout(False, whole, compact=True)
    available = LANDSCAPE_PT / WIDE_PT
    if need <= available:
        return PrintLayout(True, whole)
    if sum(c.min_em for c in cols) * SMALLEST_PT <= LANDSCAPE_PT * 0.97:
        return PrintLayout(True, whole, smallest=True)
    ident: list[int] = []
    for i, col in enumerate(table.columns):
        if col.kind != "teks" or col.group or sum(cols[j].comfort_em for j in ident) + cols[i].comfort_em > \
                IDENT_SHARE * available:
            break
        ident.append(i)
    width = {c.index: c.comfort_em for c in cols}
    rest = [run for start, run in _units(table) if start >= len(ident)]
    groups = _pack(rest, width, available - sum(width[i] for i in ident))
    repeated = tuple(table.columns[i].label for i in ident)
    parts = tuple(Part(_restrict(table, ident + g, units), n, len(groups), repeated,
                       tuple(units[i] for i in ident + g)) for n, g in enumerate(groups, 1))
    return PrintLayout(True, parts)


@dataclass(frozen=True)
class HeadView:
    cell: HeadCell
    align: str               # teks, angka (a leaf over a numeric column) or kelompok (a column group)


def header(table: Table) -> tuple[tuple[HeadView, ...], ...]:
    """The header rows with each cell's alignment: a column's own header aligns like its cells."""
    rows = table.head()
    depth = len(rows)
    taken: dict[tuple[int, int], bool] = {}
    out: list[tuple[HeadView, ...]] = []
    for level, row in enumerate(rows):
        col, views = 0, []
        for cell in row:
            while taken.get((level, col)):
                col += 1
            for r in range(level, level + cell.rowspan):
                for c in range(col, col + cell.colspan):
                    taken[(r, c)] = True
            leaf = cell.colspan == 1 and level + cell.rowspan == depth
            align = ("angka" if is_numeric_column(table, col) else "teks") if leaf else "kelompok"
            views.append(HeadView(cell, align))
            col += cell.colspan
        out.append(tuple(views))
    return tuple(out)


def is_numeric_column(table: Table, index: int) -> bool:
    """A column whose filled cells are all numbers: its header is aligned like them, to the right."""
    found = [r.cells[index] for r in table.rows if r.kind != "bagian"]
    filled = [c for c in found if c is not None and not c.value.is_empty and c.value.kind != "kosong"]
    return bool(filled) and all(c.value.is_number for c in filled)


def keeps(rows: Sequence[Row]) -> tuple[bool, ...]:
    """For each row, whether it stays on the page of the row after it (no page break below it).

    A table of at most SHORT_ROWS rows is never split. A longer one keeps its first and its
    last EDGE_ROWS data rows together, so a page never opens or closes a table with one or
    two rows; a section or heading row stays with the row after it; a total ("Jumlah",
    "Rata-rata", a program's subtotal above its kegiatan) with the row before and the row
    after it, wherever it stands; the rows a cell spans are never parted."""
    n = len(rows)
    data = [i for i, r in enumerate(rows) if r.kind == "data"]
    if n <= SHORT_ROWS or len(data) <= 2 * EDGE_ROWS:
        return tuple(i < n - 1 for i in range(n))
    keep = [i < data[EDGE_ROWS - 1] or i >= data[-EDGE_ROWS] for i in range(n)]
    for i, row in enumerate(rows):
        if row.kind in HEADING_ROWS:
            keep[i] = True
        elif row.kind == "jumlah":
            keep[max(i - 1, 0)] = keep[i] = True
        span = max((c.rowspan for c in row.cells if c is not None), default=1)
        for j in range(i, min(i + span - 1, n)):
            keep[j] = True
    keep[-1] = False
    return tuple(keep)
