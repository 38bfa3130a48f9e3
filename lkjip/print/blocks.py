"""The blocks Markdown places (tables, lists, signatures, charts), rendered a second time for paper.

The site's markup suits a screen; paper needs its own: a table's caption as a heading that
stays with the table, units in the header, numbers and dates that never break, a matrix
too wide for the page split into parts (`lkjip.print.tables`), lists whose items carry their
own label ("a.") without a bullet in front, signature blocks that are never split (and, once
a chapter is rendered, grouped with their place and date by `lkjip.render.signatures`, as on
the site), and charts drawn in points at the width of the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..check.findings import Shown, Temuan
from ..render import charts
from ..render.document import FigureBlock, ListBlock, Rendered, SignatureBlock, TableBlock
from ..render.order import figure_number
from ..render.templates import Templates, safe
from ..source.markdown import BlockKind
from ..views.blocks import BLOCK_KINDS, DataList, Signature
from ..views.tables import Cell, Row, Table
from .tables import PORTRAIT_PT, Part, PrintLayout, cell_text, header, keeps, layout, numbered_lines

MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember")
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b")
_UNIT_GAP = re.compile(r"\b(Rp\.?) (?=\d)|(?<=\d) (?=%)")
NBSP = "\u00a0"
PRINT_FONT = 'font-family="Laporan"'
"""The charts' text in the PDF: the bundled font print.css declares, so every font is embedded from the project."""
PAPER = charts.Size(round(PORTRAIT_PT, 1), 8.5, 7.5, 8, 2.5, 6, "pt")
"""Charts on paper: drawn in points at the width of the text, labels 8,5 pt bold, values 7,5 pt."""
TALLEST_PT = 640
"""A chart taller than this (the text height of a portrait page, less its caption) is drawn in pieces."""


def unbreakable(text: str) -> str:
    """Dates and amounts written with spaces ('29 Januari 2024', 'Rp. 22.500') kept on one line."""
    text = _DATE.sub(lambda m: NBSP.join(m.groups()), text)
    return _UNIT_GAP.sub(lambda m: (m.group(1) or "") + NBSP, text)


@dataclass(frozen=True)
class CellView:
    lines: tuple[str, ...]
    align: str               # angka or teks
    whole: bool              # never broken (a number or a date)
    rowspan: int
    sementara: bool
    mark: Temuan | None = None    # the note mark this cell carries (it leads to the annex)


Marks = dict[tuple[str, str], Temuan]


def _cell(cell: Cell, unit: str, mark: Temuan | None) -> CellView:
    text = unbreakable(cell_text(cell, unit))
    whole = cell.value.is_number or cell.value.kind == "tanggal"
    lines = (text,) if whole else tuple(numbered_lines(text))
    return CellView(lines, cell.align, whole and " " not in text, cell.rowspan, cell.value.sementara, mark)


def _rows(table: Table, units: tuple[str, ...], marks: Marks) -> list[tuple[Row, list[CellView | None], bool]]:
    """Each row with its cells on paper and whether it stays on the page of the row after it."""
    out: list[tuple[Row, list[CellView | None], bool]] = []
    for row, keep in zip(table.rows, keeps(table.rows), strict=True):
        if row.kind == "bagian":
            out.append((row, [], keep))
            continue
        out.append((row, [None if c is None else _cell(c, u, marks.get((row.id, col.key)))
                          for c, u, col in zip(row.cells, units, table.columns, strict=True)], keep))
    return out


def _part_view(part: Part, marks: Marks) -> dict[str, Any]:
    table = part.table
    return {"table": table, "note": part.note, "number": part.number, "head": header(table),
            "rows": _rows(table, part.units, marks)}


class PrintBlocks:
    """A block renderer for `render_chapter` whose anchors are unique across the whole document."""

    def __init__(self, templates: Templates, as_printed: bool = False, word: str = "Gambar"):
        self.templates = templates
        self.as_printed = as_printed   # a signed report: units stay in the cells, as printed
        self.word = word               # what the office calls its figures (`gambar.sebutan`)
        self.seen: dict[str, int] = {}

    def anchor(self, base: str) -> str:
        self.seen[base] = self.seen.get(base, 0) + 1
        return base if self.seen[base] == 1 else f"{base}-{self.seen[base]}"

    def __call__(self, kind: BlockKind, obj: Any, target: str = "cetak", marks: Shown | None = None,
                 number: int | None = None) -> Rendered:
        """The `BlockRenderer` of the print document (`target` is always print here)."""
        anchor = self.anchor(f"{kind}-{obj.id}")
        if kind == "tabel":
            return self.placed_table(obj, anchor, marks)
        template = BLOCK_KINDS[kind].print_template
        if kind == "grafik":
            drawn = charts.pieces(obj, anchor, PRINT_FONT, PAPER, TALLEST_PT)
            return Rendered(self.templates.render(template, item=obj, anchor=anchor,
                                                  pieces=[safe(piece) for piece in drawn],
                                                  nomor=safe(figure_number(self.word, number))),
                            FigureBlock(obj.id, obj.judul, anchor, number))
        if kind == "daftar":
            assert isinstance(obj, DataList)
            labelled = any(it.label for it in obj.items)
            return Rendered(self.templates.render(template, item=obj, anchor=anchor, labelled=labelled),
                            ListBlock(obj.id, anchor))
        assert isinstance(obj, Signature)
        # one line: a signature is set whole into the row of its group (`lkjip.render.signatures`)
        markup = " ".join(self.templates.render(template, item=obj, anchor=anchor).split("\n")) + "\n"
        return Rendered(markup, SignatureBlock(obj.id, anchor))

    def table(self, table: Table, anchor: str, marks: Shown | None = None) -> str:
        return self.placed_table(table, anchor, marks).html

    def placed_table(self, table: Table, anchor: str, marks: Shown | None = None) -> Rendered:
        """A table on paper; a note mark's first appearance in the document carries the id the annex's
        page column points at (`Shown.first_id`, called in reading order as the template draws)."""
        plan: PrintLayout = layout(table, self.as_printed)
        parts = [_part_view(p, marks.in_table(table.id) if marks else {}) for p in plan.parts]
        template = BLOCK_KINDS[BlockKind.TABEL].print_template
        caption = unbreakable(table.caption)
        markup = self.templates.render(template, item=table, anchor=anchor, landscape=plan.landscape,
                                       compact=plan.compact, smallest=plan.smallest, parts=parts, caption=caption,
                                       mark_id=marks.first_id if marks else (lambda k: ""))
        return Rendered(markup, TableBlock(table.id, caption, anchor, plan.landscape))
