"""Computed tables as data, separate from how HTML, PDF, CSV or a diff lays them out.

A table has typed columns with stable keys and rows with stable ids (indikator id, kode
rekening, desa name), so a printed figure, a reviewer's diff and an open-data export can
name one cell without depending on order or layout. Multi-row headers follow from each
column's `group` path; columns that no row fills are dropped, so a table shows only what
the data holds.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal, get_args

from .values import EMPTY, Value, text

ColumnKind = Literal["teks", "angka", "rupiah", "persen"]
RowKind = Literal["data", "bagian", "jumlah", "judul"]
"""bagian: a full-width section label; jumlah: a total; judul: a heading row introducing those below (an urusan)."""
KINDS: tuple[str, ...] = get_args(ColumnKind)


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: ColumnKind = "teks"          # alignment and export type
    group: tuple[str, ...] = ()        # header labels above this column, outermost first
    keep: bool = False                 # shown even when no row fills it


@dataclass(frozen=True)
class Cell:
    value: Value
    rowspan: int = 1

    @property
    def align(self) -> str:
        return "angka" if self.value.is_number else "teks"


@dataclass(frozen=True)
class Row:
    """One row; `cells` align with the table's columns, None where a cell above spans into it."""

    id: str
    cells: tuple[Cell | None, ...]
    kind: RowKind = "data"
    label: str = ""                    # the text of a bagian row


@dataclass(frozen=True)
class HeadCell:
    label: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Table:
    id: str
    nomor: str | None
    judul: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    sumber: str | None = None
    wide: bool = False
    copy_of: str | None = None

    @property
    def caption(self) -> str:
        return f"Tabel {self.nomor} {self.judul}" if self.nomor else self.judul

    @property
    def name(self) -> str:
        """How messages name the table: its number and title as the report prints them (and, for a
        table shown again elsewhere with figures of its own, which copy)."""
        name = self.caption if self.nomor else f"tabel '{self.judul}'"
        return f"{name} (salinan '{self.id}')" if self.copy_of else name

    @property
    def width(self) -> int:
        return len(self.columns)

    def column(self, key: str) -> int | None:
        return next((i for i, c in enumerate(self.columns) if c.key == key), None)

    def row(self, id: str) -> Row | None:
        return next((r for r in self.rows if r.id == id), None)

    def cell(self, row_id: str, key: str) -> Cell | None:
        row, index = self.row(row_id), self.column(key)
        if row is None or index is None or row.kind == "bagian":
            return None
        return row.cells[index]

    def head(self) -> tuple[tuple[HeadCell, ...], ...]:
        """Header rows from the columns' group paths: equal adjacent groups merge into one cell,
        and a column whose path is shorter than the deepest spans down to the last row."""
        depth = 1 + max((len(c.group) for c in self.columns), default=0)
        rows: list[list[HeadCell]] = [[] for _ in range(depth)]
        for level in range(depth):
            i = 0
            while i < len(self.columns):
                col = self.columns[i]
                if len(col.group) < level:
                    i += 1
                    continue
                if len(col.group) == level:
                    rows[level].append(HeadCell(col.label, 1, depth - level))
                    i += 1
                    continue
                span = 1
                while (i + span < len(self.columns) and len(self.columns[i + span].group) > level
                       and self.columns[i + span].group[:level + 1] == col.group[:level + 1]):
                    span += 1
                rows[level].append(HeadCell(col.group[level], span, 1))
                i += span
        return tuple(tuple(r) for r in rows)

    def name_column(self) -> int | None:
        """The column that names a row (and stays put while a wide table scrolls sideways): the last
        ungrouped text column before the first column of figures, or the first of a group of texts;
        in a table of texts only, the first."""
        plain, grouped = None, None
        if not any(self._figures(i) for i in range(self.width)):
            return next((i for i, col in enumerate(self.columns) if col.key != "no"), None)
        for i, col in enumerate(self.columns):
            if self._figures(i):
                break
            if col.key == "no":
                continue
            if col.group:
                grouped = i if grouped is None else grouped
            else:
                plain = i
        return plain if plain is not None else grouped

    def _figures(self, i: int) -> bool:
        """A column of figures: typed so, or text whose filled cells are mostly numbers (quantities with a
        unit word, such as '22 orang')."""
        if self.columns[i].kind != "teks":
            return True
        filled = [c.value for r in self.rows if r.kind != "bagian" and (c := r.cells[i]) is not None
                  and not c.value.is_empty]
        return bool(filled) and 2 * sum(v.is_number for v in filled) > len(filled)

    def without_empty_columns(self) -> Table:
        """Drop every column that no data or total row fills (unless the column is kept)."""
        keep = [c.keep or any(_filled(r, i) for r in self.rows) for i, c in enumerate(self.columns)]
        if all(keep):
            return self
        columns = tuple(c for c, k in zip(self.columns, keep, strict=True) if k)
        rows = tuple(replace(r, cells=tuple(c for c, k in zip(r.cells, keep, strict=True) if k))
                     if r.kind != "bagian" else r for r in self.rows)
        return replace(self, columns=columns, rows=rows)


def _filled(row: Row, index: int) -> bool:
    if row.kind == "bagian":
        return False
    cell = row.cells[index]
    return cell is not None and not cell.value.is_empty


def cells(*values: Value | Cell | str | None) -> tuple[Cell | None, ...]:
    """Values, cells, or plain strings/None (as text), into a row's cells."""
    out: list[Cell | None] = []
    for v in values:
        if isinstance(v, Cell):
            out.append(v)
        elif isinstance(v, Value):
            out.append(Cell(v))
        else:
            out.append(Cell(text(v)))
    return tuple(out)


def section(id: str, label: str, width: int) -> Row:
    return Row(id, (None,) * width, "bagian", label)


def blank(width: int) -> tuple[Cell | None, ...]:
    return tuple(Cell(EMPTY) for _ in range(width))


@dataclass(frozen=True)
class Built:
    """What a table builder computes; the number and title are added from the report's data."""

    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    wide: bool = False
    sumber: str | None = None
    """Where the table's content comes from (a scale's legal basis), printed under it with any edition."""
