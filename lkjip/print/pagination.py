"""A second look at laid-out pages: a table whose last rows alone would stand on a page is set tighter.

The print stylesheet keeps a few rows on each side of a break, but where a long table
breaks is known only once WeasyPrint has laid it out: a table a few rows longer than its
pages leaves those rows alone at the top of a page that is otherwise empty (the next
section starts on a page of its own). `tails` finds such tables in the laid-out pages (`laid`);
the print document is made again naming them (`PrintDocument.tighter`), its stylesheet
setting each a step tighter (`layouts/_padat.css`: one size smaller, never below 7 pt,
less padding and line height), so that the tail can be pulled back onto the page before.
Whether that saves the page is again known only after layout.

Both looks are taken part by part: every section starts a page, so a section laid out on its
own breaks where it breaks in the whole document. Only the sections where a table may end
stranded (`lkjip.render.document.may_strand`) are laid out, first as they are, then those with
a stranded table set tighter; a section keeps its tables tighter only where that spares it a
page (`kept`). The whole document is then laid out once, with what was decided.

This module reads the laid-out pages through the engine's view of them (`lkjip.print.engine.Page`),
never WeasyPrint itself; `lkjip.print.pdf` uses it only when a PDF is made.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .engine import Box, Page

TAIL_SHARE = 1 / 3        # a page whose content ends above this share of its height is near-empty


def _boxes(box: Box, figure: str | None = None) -> Iterator[tuple[Box, str | None]]:
    """Every box under `box` with the id of the printed table it lies in (None outside tables)."""
    if box.tag == "figure" and "tabel-cetak" in (box.attribute("class") or ""):
        figure = box.attribute("id")
    yield box, figure
    for child in box.children:
        yield from _boxes(child, figure)


@dataclass(frozen=True)
class Laid:
    """What one laid-out page holds: the fragments of printed tables on it, in order, as (table id,
    body rows), and how far down its content area its content ends (0 at the top, 1 at the bottom)."""

    fragments: tuple[tuple[str, int], ...]
    used: float

    @property
    def tables(self) -> list[str]:
        return list(dict.fromkeys(t for t, _ in self.fragments))


def laid(page: Page) -> Laid:
    """A laid-out page as `Laid`: the running header and the folio (margin boxes) do not count."""
    top, height = page.content_top, page.content_height
    fragments: list[tuple[str, int]] = []
    bottom = top
    for child in page.content():
        for inner, figure in _boxes(child):
            if inner.kind == "table" and figure is not None:
                body = [g for g in inner.children if g.kind == "row-group" and not g.header]
                fragments.append((figure, sum(len(g.children) for g in body)))
            if inner.kind in ("line", "row", "replaced"):
                bottom = max(bottom, inner.bottom)
    return Laid(tuple(fragments), (bottom - top) / height if height else 1.0)


def tails(pages: Sequence[Laid]) -> list[str]:
    """Ids of the printed tables that end alone at the top of a near-empty page: the page holds
    the end of one table continued from the page before, and its content ends above TAIL_SHARE."""
    found: list[str] = []
    for n, page in enumerate(pages):
        if n == 0 or len(page.tables) != 1 or page.used > TAIL_SHARE:
            continue
        table = page.tables[0]
        continued = table in pages[n - 1].tables
        ends = n + 1 == len(pages) or table not in pages[n + 1].tables
        if continued and ends and table not in found:
            found.append(table)
    return found


@dataclass(frozen=True)
class PartsLaid:
    """A layout of some parts alone, as far as deciding goes: each page (`Laid`) and the part it belongs to."""

    pages: tuple[Laid, ...]
    owners: tuple[str, ...]

    @staticmethod
    def join(layouts: Sequence[PartsLaid]) -> PartsLaid:
        """Layouts of consecutive runs of parts as one layout of them all: each part starts a page."""
        return PartsLaid(tuple(page for lay in layouts for page in lay.pages),
                         tuple(owner for lay in layouts for owner in lay.owners))


def halves(parts: Sequence[str], sizes: Sequence[int]) -> list[tuple[str, ...]]:
    """The parts in two consecutive runs of about equal size (the length of their HTML), to be laid out
    at once on two cores; one run where there is one part."""
    if len(parts) < 2 or len(sizes) != len(parts):
        return [tuple(parts)]
    total = sum(sizes)
    cut = min(range(1, len(parts)), key=lambda at: abs(total - 2 * sum(sizes[:at])))
    return [tuple(parts[:cut]), tuple(parts[cut:])]


def owners(anchors: Sequence[set[str]], parts: Sequence[str]) -> list[str]:
    """The part each page of a layout of those parts alone belongs to: `anchors` are the anchors on each
    laid-out page, `parts` the parts' anchors in order, each starting a page."""
    starts = {next(i for i, names in enumerate(anchors) if part in names): part for part in parts}
    out: list[str] = []
    for i in range(len(anchors)):
        out.append(starts.get(i) or out[-1])
    return out


def holders(stranded: Sequence[str], plain: Sequence[Laid], plain_owners: Sequence[str]) -> dict[str, str]:
    """The part (anchor) holding each stranded table, in the order given, from a layout of the parts alone."""
    part = {table: owner for page, owner in zip(plain, plain_owners, strict=True) for table in page.tables}
    return {table: part[table] for table in stranded}


def kept(holding: dict[str, str], plain_owners: Sequence[str], tight_owners: Sequence[str]) -> tuple[str, ...]:
    """The stranded tables (`holding`: each with its part) that stay tighter: those whose part takes fewer
    pages with them set tighter (`tight_owners`, a layout of those parts alone) than as it is."""
    return tuple(t for t, part in holding.items() if tight_owners.count(part) < plain_owners.count(part))
