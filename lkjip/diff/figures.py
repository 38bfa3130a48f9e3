"""The ripple: every computed figure whose shown value changed, and where the report shows it.

A change of one NRR is one line of YAML, but it moves the IKM, the capaian and predikat of
its indikator, the averages and the efisiensi, in several tables and sentences. This
compares what the reader sees, not the data: every Markdown key's text and every cell of
every table the report can build (by table id, row id and column key, so a moved row is
a move and not a dozen changed cells), plus the data lists chapters place. Where each
appears comes from the chapters' own placeholders: the chapters that place a table (with
its number) or quote a key.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..core.catalog import Catalog, Unavailable
from ..views.blocks import DataList, Item
from ..views.tables import Table
from ..views.values import Value
from .revision import Chapter, Revision

ORDINAL = "no"
"""The numbering column: its cells follow from row order, so a move is reported once, as a move."""


@dataclass(frozen=True)
class Place:
    file: str
    title: str
    count: int = 1


@dataclass(frozen=True)
class KeyChange:
    key: str
    old: str | None
    new: str | None
    where: tuple[Place, ...]


@dataclass(frozen=True)
class CellChange:
    row: str
    row_label: str
    column: str
    column_label: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class RowChange:
    kind: str                # added, removed, moved
    row: str
    row_label: str
    old: str | None          # the row's cells, or its position
    new: str | None


@dataclass(frozen=True)
class ColumnChange:
    kind: str                # added, removed
    column: str
    label: str


@dataclass(frozen=True)
class TableChange:
    id: str
    caption: str             # "Tabel 3.1 Pencapaian Kinerja", as the newer revision shows it
    status: str              # changed, added, removed
    cells: tuple[CellChange, ...]
    rows: tuple[RowChange, ...]
    heading: tuple[str | None, str | None] | None
    """(old caption, new caption) when the number or title changed."""
    where: tuple[Place, ...]
    columns: tuple[ColumnChange, ...] = ()


@dataclass(frozen=True)
class ListChange:
    id: str
    old: tuple[str, ...]
    new: tuple[str, ...]
    where: tuple[Place, ...]


def places(chapters: Sequence[Chapter], found: Iterable[Sequence[str]]) -> dict[str, tuple[Place, ...]]:
    """For each id a chapter places or quotes, the chapters in reading order (with how often)."""
    out: dict[str, list[Place]] = {}
    for chapter, ids in zip(chapters, found, strict=True):
        for ident in dict.fromkeys(ids):
            out.setdefault(ident, []).append(Place(chapter.file, chapter.title, list(ids).count(ident)))
    return {k: tuple(v) for k, v in out.items()}


def _where(ident: str, new: dict[str, tuple[Place, ...]], old: dict[str, tuple[Place, ...]]) -> tuple[Place, ...]:
    return new.get(ident) or old.get(ident) or ()


def compare_keys(old: Revision, new: Revision) -> list[KeyChange]:
    """Every value key whose text changed; quoted keys first, in reading order, then the rest."""
    assert old.catalog is not None and new.catalog is not None
    before, after = old.catalog.keys, new.catalog.keys
    # a quoted `…_tahun_lalu` shows the year's own key
    where_new = places(new.chapters, [[new.catalog.absolute(k) for k in c.keys] for c in new.chapters])
    where_old = places(old.chapters, [[old.catalog.absolute(k) for k in c.keys] for c in old.chapters])
    order = list(dict.fromkeys([*where_new, *where_old, *after, *before]))
    out = []
    for key in order:
        if key in before and key in after and same(before[key], after[key]):
            continue
        was = before[key].text() if key in before else None
        now = after[key].text() if key in after else None
        if was != now:
            out.append(KeyChange(key, was, now, _where(key, where_new, where_old)))
    return out


def _tables(catalog: Catalog) -> dict[str, Table]:
    out = {}
    for id in catalog.tables:
        try:
            if catalog.why_not_table(id) is None:
                out[id] = catalog.table(id, full=True)
        except Unavailable:
            continue
    return out


def compare_tables(old: Revision, new: Revision) -> list[TableChange]:
    """Every table with a changed cell, row, number or title; placed tables first, in reading order."""
    assert old.catalog is not None and new.catalog is not None
    return compare_table_maps(old, new, _tables(old.catalog), _tables(new.catalog))


def compare_table_maps(old: Revision, new: Revision, before: dict[str, Table], after: dict[str, Table],
                       placed_only: bool = False) -> list[TableChange]:
    """`compare_tables` on given tables of the two revisions (the Lembar Ralat compares the tables
    as readers see them, signed values included, and only those a chapter places)."""
    where_new = places(new.chapters, [c.tables for c in new.chapters])
    where_old = places(old.chapters, [c.tables for c in old.chapters])
    out = []
    for id in dict.fromkeys([*where_new, *where_old, *([] if placed_only else [*after, *before])]):
        was, now = before.get(id), after.get(id)
        if was is None and now is None:
            continue
        where = _where(id, where_new, where_old)
        if was is None or now is None:
            shown = now or was
            assert shown is not None
            out.append(TableChange(id, shown.caption, "added" if was is None else "removed", (), (), None, where))
            continue
        cells, rows = _compare_rows(was, now)
        heading = (was.caption, now.caption) if was.caption != now.caption else None
        columns = _compare_columns(was, now)
        if cells or rows or heading or columns:
            out.append(TableChange(id, now.caption, "changed", tuple(cells), tuple(rows), heading, where,
                                   tuple(columns)))
    return out


def _compare_columns(was: Table, now: Table) -> list[ColumnChange]:
    old_keys, new_keys = {c.key for c in was.columns}, {c.key for c in now.columns}
    return [ColumnChange("added", c.key, column_label(now, c.key)) for c in now.columns if c.key not in old_keys] + \
        [ColumnChange("removed", c.key, column_label(was, c.key)) for c in was.columns if c.key not in new_keys]


def row_label(table: Table, row_id: str) -> str:
    """How a reader finds the row: its most distinctive text cell (the indikator rather than its
    sasaran, which several rows share), else its section label, else its id."""
    row = table.row(row_id)
    if row is None:
        return row_id
    if row.kind == "bagian":
        return row.label or row_id
    best, score = None, (-1, -1.0)
    for index, column in enumerate(table.columns):
        if column.kind != "teks" or column.key == ORDINAL:
            continue
        texts = [c.value.text() for c in (r.cells[index] for r in table.rows if r.kind != "bagian") if c is not None]
        mine = row.cells[index]
        if mine is None or mine.value.is_empty:
            continue
        candidate = (len(set(texts)), sum(map(len, texts)) / max(1, len(texts)))
        if candidate > score:
            best, score = mine.value.text(), candidate
    return best or row_id


def column_label(table: Table, key: str) -> str:
    index = table.column(key)
    if index is None:
        return key
    column = table.columns[index]
    return " › ".join((*column.group, column.label)) if column.label not in column.group else column.label


def same(a: Value, b: Value) -> bool:
    """Values that must read the same: equal fields, and a number written with the same digits (3,5
    and 3,50 are equal numbers but read differently). Saves formatting every unchanged figure."""
    return a == b and str(a.raw) == str(b.raw)


def _cell(table: Table, row_id: str, key: str) -> str | None:
    row, index = table.row(row_id), table.column(key)
    if row is None or index is None:
        return None
    if row.kind == "bagian":
        return row.label if index == 0 else None
    cell = row.cells[index]
    return cell.value.text() if cell is not None else None


def _row_text(table: Table, row_id: str) -> str:
    keys = [c.key for c in table.columns if c.key != ORDINAL]
    shown = ((column_label(table, k), _cell(table, row_id, k)) for k in keys)
    return "; ".join(f"{label}: {text}" for label, text in shown if text not in (None, "", "–"))


def _compare_rows(was: Table, now: Table) -> tuple[list[CellChange], list[RowChange]]:
    old_ids, new_ids = [r.id for r in was.rows], [r.id for r in now.rows]
    old_at, new_at = {r: i for i, r in enumerate(old_ids)}, {r: i for i, r in enumerate(new_ids)}
    columns = list(dict.fromkeys([c.key for c in now.columns] + [c.key for c in was.columns]))
    cells: list[CellChange] = []
    rows: list[RowChange] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old_ids, new_ids, autojunk=False).get_opcodes():
        rows += [RowChange("removed", r, row_label(was, r), _row_text(was, r), None)
                 for r in old_ids[i1:i2] if tag != "equal" and r not in new_at]
        for row_id in new_ids[j1:j2]:
            if row_id not in old_at:
                rows.append(RowChange("added", row_id, row_label(now, row_id), None, _row_text(now, row_id)))
                continue
            if tag != "equal":
                rows.append(RowChange("moved", row_id, row_label(now, row_id), f"baris {old_at[row_id] + 1}",
                                      f"baris {new_at[row_id] + 1}"))
            cells += _changed_cells(was, now, row_id, columns)
    return cells, rows


def _changed_cells(was: Table, now: Table, row_id: str, columns: list[str]) -> list[CellChange]:
    old_row, new_row = was.row(row_id), now.row(row_id)
    comparable = old_row is not None and new_row is not None and "bagian" not in (old_row.kind, new_row.kind)
    out = []
    for key in columns:
        i, j = was.column(key), now.column(key)
        if key == ORDINAL:
            continue
        if comparable and i is not None and j is not None:
            assert old_row is not None and new_row is not None
            a, b = old_row.cells[i], new_row.cells[j]
            if a is None and b is None or a is not None and b is not None and same(a.value, b.value):
                continue
        before, after = _cell(was, row_id, key), _cell(now, row_id, key)
        if before != after:
            out.append(CellChange(row_id, row_label(now, row_id), key,
                                  column_label(now if j is not None else was, key), before, after))
    return out


def _items(items: Iterable[Item], depth: int = 0) -> list[str]:
    out = []
    for item in items:
        text = " ".join(p for p in (item.label, item.text) if p)
        out.append("  " * depth + text)
        out += _items(item.children, depth + 1)
    return out


def _lists(catalog: Catalog) -> dict[str, DataList]:
    out = {}
    for id in catalog.lists:
        try:
            out[id] = catalog.data_list(id)
        except Unavailable:
            continue
    return out


def compare_lists(old: Revision, new: Revision) -> list[ListChange]:
    """Data lists (tugas, batas wilayah, a PK's statement ...) whose items changed."""
    assert old.catalog is not None and new.catalog is not None
    before, after = _lists(old.catalog), _lists(new.catalog)
    where_new = places(new.chapters, [c.lists for c in new.chapters])
    where_old = places(old.chapters, [c.lists for c in old.chapters])
    out = []
    for id in dict.fromkeys([*where_new, *where_old, *after, *before]):
        was = tuple(_items(before[id].items)) if id in before else ()
        now = tuple(_items(after[id].items)) if id in after else ()
        if was != now:
            out.append(ListChange(id, was, now, _where(id, where_new, where_old)))
    return out
