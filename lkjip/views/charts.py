"""Charts as data: what a chart shows, separate from how SVG draws it.

A subject says which figures a chart shows (`ChartSpec` in `lkjip.core.subject`); the engine
draws every chart the same way (`lkjip.render.charts`), for the site and the PDF alike.
One shape covers the charts of an LKjIP: groups of labelled horizontal bars (an indikator
with its target and realisasi, a program with its pagu and realisasi, a desa with its L and
P), on one scale shared by all groups or on a scale of each group's own (when the groups
are measured in different units), optionally over labelled bands (the IKM mutu A-D).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .tables import Table


@dataclass(frozen=True)
class Bar:
    series: int             # index into Chart.series
    value: Decimal
    text: str               # the value as the table next to the chart writes it
    column: str = ""        # the key of the column whose cell (in the group's row) this bar draws


@dataclass(frozen=True)
class Group:
    label: str
    bars: tuple[Bar, ...]
    note: str = ""          # a word after the label, e.g. the trend
    row: str = ""           # the id of the row of the chart's table this group draws
    note_column: str = ""   # the column whose cell's text the note writes ("97,26% terserap": the persen)


@dataclass(frozen=True)
class Band:
    start: Decimal
    end: Decimal
    label: str


@dataclass(frozen=True)
class Chart:
    id: str
    judul: str
    series: tuple[str, ...]
    groups: tuple[Group, ...]
    shared_scale: bool = True
    """One scale for all groups; False when groups are in different units (each its own, from 0)."""
    minimum: Decimal = Decimal(0)
    maximum: Decimal | None = None
    bands: tuple[Band, ...] = ()
    catatan: str = ""
    """A sentence under the chart (how to read it)."""
    tabel: str = ""
    """The id of the table the chart draws: in a signed report its bars write what that table shows
    (`lkjip.record.signed.signed_chart`), through the rows and columns its groups and bars name."""

    def summary(self) -> str:
        """The text alternative: every group with its values, in words."""
        parts = []
        for g in self.groups:
            values = ", ".join(f"{self.series[b.series]} {b.text}" for b in g.bars)
            parts.append(f"{g.label}{' (' + g.note + ')' if g.note else ''}: {values}")
        return "; ".join(parts) + "."


CHART = "Grafik"
"""The word that tells a chart from the table it draws, where the figures are called otherwise."""


def default_title(table: Table | None, id: str, figures: str = "Gambar") -> str:
    """A chart's title when its subject gives none, from the table it draws. Its caption reads
    "<figures> N. <title>": where figures are called Gambar, "Grafik Tabel 3.8 Perbandingan ..." says
    it is the chart of that table; where they are called Grafik, the word is not said twice, and the
    title is the table's with its number after it: "Grafik 2. Perbandingan ... (Tabel 3.8)"."""
    if table is None:
        return id
    if figures.casefold() != CHART.casefold():
        return f"{CHART} {table.caption}"
    number = table.caption.removesuffix(table.judul).strip().rstrip(":.-–— ")   # "Tabel 3.5 :" -> "Tabel 3.5"
    return f"{table.judul} ({number})" if table.nomor and number else table.judul
