"""A signed report as its readers see it: the signed figures and words in place, additions labelled.

Once the head of the office has signed, the published site and PDF are the official record:
they show what was signed, figure for figure and word for word. For a report transcribed
from paper, what was signed is what the author copied as `tercetak` beside each figure (in
YAML) and each quote (in Markdown); here those printed values take the place of the
computed ones, in tables and in prose alike, whether or not they agree. The recomputation is
not lost: `check` reports every disagreement to the author, and where the office chooses
(`catatan_pemeriksaan`) readers find it as small marks beside the signed values, leading to
the Catatan Pemeriksaan (`lkjip.check.findings`).

What the tool adds to a transcribed document (a column of predikat, a total row, a whole
table, a chart) is labelled as the author's addition ("tambahan penyusun") where it stands,
and listed once. The author declares additions in data/laporan.yaml, per table
(`tabel: {ID: {tambahan: {kolom: [...], baris: [...]}}}` or `tambahan: {tabel: true}`); every
chart of a transcribed document is one.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from ..check.compare import PrintedCell
from ..diagnostics import Diagnostic, error
from ..schema import Entry, Printed
from ..views.charts import Bar, Chart, Group
from ..views.tables import Cell, Column, Row, Table
from ..views.values import EMPTY, Value

MARK = "†"
ADDITION_NOTE = f"{MARK} Tambahan penyusun: tidak ada pada dokumen yang ditandatangani."
ADDED = "tambahan penyusun"


def printed_value(printed: Printed, like: Value | None, column_kind: str = "angka") -> Value:
    """What the signed document printed, as a value of the kind its cell holds: a percentage keeps
    its sign, rupiah its prefix, a number the decimals it was printed with; a word stays a word;
    an empty print ("") is an empty cell."""
    value = printed.value
    if isinstance(value, str):
        return EMPTY if not value.strip() else Value("teks", value)
    kind = like.kind if like is not None and not like.is_empty else column_kind
    if kind == "teks":   # a row number, or a name that starts with a number ("3.1 Nilai SAKIP")
        return Value("teks", printed.tulisan or Value("angka", value.value, value.unit).text())
    number, unit = value.value, value.unit
    written = printed.tulisan or ""
    if unit == "%" or (kind == "persen" and not unit):
        return Value("persen", number, tulisan=written)
    if kind == "rupiah" and not unit and number == number.to_integral_value():
        return Value("rupiah", int(number), tulisan=written)
    return Value("angka", Decimal(number), unit, tulisan=written)


def as_signed(tables: Mapping[str, Table], printed: Iterable[PrintedCell]) -> dict[str, Table]:
    """Every table with each printed cell showing its printed value (cells the data cannot fill, too)."""
    by_table: dict[str, dict[tuple[str, str], Printed]] = {}
    for p in printed:
        by_table.setdefault(p.table, {})[(p.row, p.column)] = p.printed
    return {id: _signed_table(t, by_table.get(id, {})) for id, t in tables.items()}


def _signed_table(table: Table, printed: Mapping[tuple[str, str], Printed]) -> Table:
    if not printed:
        return table
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        for i, col in enumerate(table.columns):
            found = printed.get((row.id, col.key))
            if found is None or row.kind == "bagian":
                continue
            old = cells[i]
            cells[i] = Cell(printed_value(found, old.value if old else None, col.kind), old.rowspan if old else 1)
        rows.append(replace(row, cells=tuple(cells)))
    return replace(table, rows=_spans_cut(rows))


def _spans_cut(rows: list[Row]) -> tuple[Row, ...]:
    """A cell the document printed where the table merged it into the one above (its own number "5"
    under the sasaran of row 4) ends that merge: the cell above spans only down to it."""
    out = [list(r.cells) if r.kind != "bagian" else None for r in rows]
    for r, cells in enumerate(out):
        for i, cell in enumerate(cells or ()):
            if cell is None or cell.rowspan <= 1:
                continue
            for k in range(1, cell.rowspan):
                below = out[r + k] if r + k < len(out) else None
                if below is None or below[i] is not None:
                    cells[i] = Cell(cell.value, k)   # type: ignore[index]
                    break
    return tuple(replace(row, cells=tuple(c)) if c is not None else row for row, c in zip(rows, out, strict=True))


def signed_chart(chart: Chart, computed: Table | None, signed: Table | None) -> Chart:
    """The chart of a signed table writing what the table beside it shows. Where the signed document
    printed a cell otherwise than the data compute it (95,66% for 95,666…%), the bar or the note that
    draws that cell writes the printed number, in the chart's own form ("95,66% terserap"), and a bar
    is as long as it. The difference itself is the table's: marked there and listed in the Catatan.
    A printed cell that is no number (a "-") leaves the computed figure in the chart."""
    if computed is None or signed is None:
        return chart

    def printed(row: str, column: str) -> tuple[str, str, Decimal] | None:
        """For a cell the document printed as another number: its computed text, the printed number in
        the computed one's form, and that number; else None."""
        was, now = computed.cell(row, column), signed.cell(row, column)
        if was is None or now is None:
            return None
        old, new = was.value.raw, now.value.raw
        if not isinstance(old, (Decimal, int)) or not isinstance(new, (Decimal, int)) or old == new:
            return None
        return was.value.text(), replace(was.value, raw=new, places=None, tulisan="").text(), Decimal(new)

    def bar(b: Bar, row: str) -> Bar:
        found = printed(row, b.column) if b.column else None
        return replace(b, value=found[2], text=found[1]) if found else b

    def group(g: Group) -> Group:
        if not g.row:
            return g
        found = printed(g.row, g.note_column) if g.note_column else None
        note = g.note.replace(found[0], found[1], 1) if found else g.note
        return replace(g, bars=tuple(bar(b, g.row) for b in g.bars), note=note)
    return replace(chart, groups=tuple(group(g) for g in chart.groups))


_UNIT_IN_HEADER = {"rupiah": re.compile(r"\bRp\b"), "persen": re.compile("%")}


def units_in_headers(table: Table) -> Table:
    """A signed document names the unit once, in the header ("Pagu (Rp.)", "% Capaian", a "Rp"
    column under "Tahun 2024"), and prints its cells as plain numbers: so does the signed report,
    for every cell whose printing was not copied as written."""
    plain = {i for i, col in enumerate(table.columns)
             if col.kind in _UNIT_IN_HEADER and _UNIT_IN_HEADER[col.kind].search(" ".join((*col.group, col.label)))}
    if not plain:
        return table
    rows = []
    for row in table.rows:
        cells = list(row.cells)
        for i in plain:
            cell = cells[i] if row.kind != "bagian" else None
            if cell is not None and cell.value.kind == table.columns[i].kind and not cell.value.tulisan:
                cells[i] = Cell(replace(cell.value, tulisan=replace(cell.value, kind="angka").text()), cell.rowspan)
        rows.append(replace(row, cells=tuple(cells)))
    return replace(table, rows=tuple(rows))


@dataclass(frozen=True)
class Addition:
    """What one table adds to the signed document."""

    table: str
    whole: bool = False
    columns: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()


def additions_of(declared: Mapping[str, object]) -> dict[str, Addition]:
    """The additions data/laporan.yaml declares, by table id (`tabel: {ID: {tambahan: ...}}`)."""
    out = {}
    for id, entry in declared.items():
        spec = getattr(entry, "tambahan", None)
        if spec is not None:
            out[id] = Addition(id, spec.tabel, tuple(spec.kolom), tuple(spec.baris))
    return out


def addition_problems(additions: Mapping[str, Addition], tables: Mapping[str, Table],
                      where: Mapping[str, Entry]) -> list[Diagnostic]:
    """Additions that name a column or row the table does not have; `where` maps a table id to the
    entry of data/laporan.yaml that declared them (for the message's place)."""
    problems = []
    for id, add in additions.items():
        loc = where[id].at("tambahan")
        if id not in tables:
            continue  # an unknown table id in data/laporan.yaml is reported where tables are checked
        table = tables[id]
        for key in add.columns:
            if table.column(key) is None:
                problems.append(error(loc, f"{table.name} tidak memiliki kolom '{key}' (tambahan.kolom)",
                                      _close(key, [c.key for c in table.columns]), "addition-unknown"))
        for row in add.rows:
            if table.row(row) is None:
                problems.append(error(loc, f"{table.name} tidak memiliki baris '{row}' (tambahan.baris)",
                                      _close(row, [r.id for r in table.rows]), "addition-unknown"))
    return problems


def _close(word: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"maksud Anda '{close[0]}'?" if close else "yang ada: " + ", ".join(known)


def labelled(tables: Mapping[str, Table], additions: Mapping[str, Addition]) -> dict[str, Table]:
    """Every table with its additions marked where they stand: a whole table in its title, a column
    in its header, a row at its name; and the note that says what the mark means."""
    return {id: _labelled(t, additions[t.copy_of or id] if (t.copy_of or id) in additions else
                          additions.get(id)) for id, t in tables.items()}


def _labelled(table: Table, add: Addition | None) -> Table:
    if add is None:
        return table
    if add.whole:
        return replace(table, judul=f"{table.judul} ({ADDED})")
    columns = tuple(replace(c, label=f"{c.label} {MARK}") if c.key in add.columns else c for c in table.columns)
    rows = tuple(_mark_row(table.columns, r) if r.id in add.rows else r for r in table.rows)
    return replace(table, columns=columns, rows=rows, notes=(*table.notes, ADDITION_NOTE))


def _mark_row(columns: Sequence[Column], row: Row) -> Row:
    """The row's name (its first filled text column other than the number) carries the mark."""
    if row.kind == "bagian":
        return replace(row, label=f"{row.label} {MARK}")
    cells = list(row.cells)
    for i, col in enumerate(columns):
        cell = cells[i]
        if col.kind == "teks" and col.key != "no" and cell is not None and not cell.value.is_empty:
            cells[i] = Cell(Value("teks", f"{cell.value.text()} {MARK}"), cell.rowspan)
            break
    return replace(row, cells=tuple(cells))


def described(additions: Mapping[str, Addition], tables: Mapping[str, Table], charts: Sequence[str]) -> list[str]:
    """The additions in words, for the list readers find once: whole tables, columns, rows, charts."""
    out = []
    for id, add in additions.items():
        table = tables.get(id)
        if table is None:
            continue
        if add.whole:
            out.append(f"{table.caption} (seluruh tabel)")
            continue
        labels = {c.key: c.label for c in table.columns}
        names = [f"kolom {labels.get(k, k)}" for k in add.columns] + [f"baris {_row_name(table, r)}" for r in add.rows]
        if names:
            out.append(f"{table.caption}: {', '.join(names)}")
    out += [f"{title} (grafik)" for title in charts]
    return out


def _row_name(table: Table, row_id: str) -> str:
    row = table.row(row_id)
    if row is None:
        return row_id
    if row.kind == "bagian":
        return row.label
    for col, cell in zip(table.columns, row.cells, strict=True):
        if col.kind == "teks" and col.key != "no" and cell is not None and not cell.value.is_empty:
            return cell.value.text()
    return row_id


def printed_quote(text: str) -> Value:
    """A figure or word quoted in a chapter, as the signed document printed it (the author's copy)."""
    return Value("teks", text) if text.strip() else EMPTY
