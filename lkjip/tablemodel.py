"""Computed tables as data, separate from how HTML or PDF lays them out.

A `Table` holds typed `Value`s with stable row ids (indikator id, kode rekening, desa),
so a reviewer's diff and an open-data export can name a cell without depending on order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .values import Value, text


@dataclass(frozen=True)
class Head:
    label: str
    colspan: int = 1
    rowspan: int = 1


@dataclass(frozen=True)
class Cell:
    value: Value
    colspan: int = 1
    rowspan: int = 1

    @property
    def align(self) -> str:
        return "angka" if self.value.is_number else "teks"


@dataclass(frozen=True)
class Row:
    id: str
    cells: tuple[Cell, ...]
    kind: str = "data"  # data, bagian (section heading), jumlah (total)


@dataclass(frozen=True)
class Table:
    id: str
    nomor: str | None
    judul: str
    head: tuple[tuple[Head, ...], ...]
    rows: tuple[Row, ...]
    notes: tuple[str, ...] = ()
    sumber: str | None = None
    wide: bool = False

    @property
    def width(self) -> int:
        """Number of columns, which decides how small a wide table must be set in print."""
        return sum(h.colspan for h in self.head[0]) if self.head else 0

    @property
    def caption(self) -> str:
        return f"Tabel {self.nomor} {self.judul}" if self.nomor else self.judul


def cells(*values) -> tuple[Cell, ...]:
    """Values, or plain strings/None (as text), into cells."""
    out = []
    for v in values:
        if isinstance(v, Cell):
            out.append(v)
        elif isinstance(v, Value):
            out.append(Cell(v))
        else:
            out.append(Cell(text(v)))
    return tuple(out)


def heads(*labels) -> tuple[Head, ...]:
    return tuple(h if isinstance(h, Head) else Head(h) for h in labels)


def section(id: str, label: str, width: int) -> Row:
    return Row(id, (Cell(text(label), colspan=width),), "bagian")


class TableUnavailable(Exception):
    """A table whose source is missing from the data (say, a Perjanjian Kinerja document that a
    chapter shows but data/perjanjian_kinerja.yaml no longer holds); the message says where."""


TABLES: dict[str, Callable] = {}


def table(id: str):
    """Register a builder `(model, results) -> Built` under a table id; the number and title of the
    table come from data/laporan.yaml, so the builder only computes its cells."""
    def register(fn):
        TABLES[id] = fn
        return fn
    return register


@dataclass(frozen=True)
class Built:
    head: tuple
    rows: tuple
    notes: tuple = ()
    wide: bool = False
