"""The text of a PDF's pages as a reader sees it, read with pypdf alone (no poppler on the machine).

One pass over each page's content stream (pypdf's text visitor) gives every piece of text with
its place and size on paper; from those the tests take lines in reading order (pieces sharing
a baseline, left to right, columns kept apart by runs of spaces in proportion to the gap, as
`pdftotext -layout` does), the cells of a line, and how far down the page its text reaches.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from lkjip.render.textwidth import width


@dataclass(frozen=True)
class Piece:
    text: str
    x: float         # left edge, pt from the page's left
    top: float       # baseline, pt from the page's top
    size: float      # on paper, pt
    bold: bool

    @property
    def right(self) -> float:
        return self.x + width(self.text, self.size, self.bold)


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    pieces: tuple[Piece, ...]

    def lines(self) -> list[list[Piece]]:
        """Pieces grouped by baseline (within a third of their size), top to bottom, left to right."""
        out: list[list[Piece]] = []
        for piece in sorted(self.pieces, key=lambda p: (p.top, p.x)):
            if out and abs(out[-1][0].top - piece.top) <= out[-1][0].size / 3:
                out[-1].append(piece)
            else:
                out.append([piece])
        return [sorted(line, key=lambda p: p.x) for line in out]

    def text(self) -> str:
        """The page as lines, columns apart: a gap wider than two letters becomes a run of spaces."""
        rows = []
        for line in self.lines():
            row, end = "", None
            for p in line:
                if end is not None:
                    gap = p.x - end
                    row += " " * max(1, round(gap / (p.size * 0.5))) if gap > p.size * 0.15 else ""
                row += p.text
                end = p.right
            rows.append(row)
        return "\n".join(rows) + "\n"

    def cells(self) -> list[list[str]]:
        """Each line split where its pieces stand apart by more than two letters: the columns a reader sees."""
        out = []
        for line in self.lines():
            cells, end = [""], None
            for p in line:
                if end is not None and p.x - end > p.size:
                    cells.append("")
                elif end is not None and p.x - end > p.size * 0.15:
                    cells[-1] += " "
                cells[-1] += p.text
                end = p.right
            out.append([c.strip() for c in cells if c.strip()])
        return out

    def lowest(self, top: float, bottom: float) -> float:
        """The lowest baseline between `top` and `bottom` (pt from the page's top), or `top` when none."""
        return max((p.top for p in self.pieces if top < p.top < bottom), default=top)


def _apply(m, x: float, y: float) -> tuple[float, float]:
    return x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]


def read(reader) -> list[Page]:
    """Every page of a pypdf reader, read once. Text inside a form XObject (WeasyPrint draws parts
    of SVG charts so) comes to the visitor in the form's own coordinates: each is placed with the
    graphics matrices in force where the page drew the form."""
    pages = []
    for page in reader.pages:
        height = float(page.mediabox.height)
        found: list[Piece] = []
        forms: list[list[float]] = []

        def before(operator, operands, cm, tm, forms=forms):
            if operator == b"Do":
                forms.append(list(cm))

        def after(operator, operands, cm, tm, forms=forms):
            if operator == b"Do" and forms:
                forms.pop()

        def visit(text, cm, tm, font, size, found=found, height=height, forms=forms):
            if not text.strip() or font is None:
                return
            x, y = _apply(cm, tm[4], tm[5])
            scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
            for outer in reversed(forms):
                x, y = _apply(outer, x, y)
                scale *= math.hypot(outer[2], outer[3])
            bold = "Bold" in str(font.get("/BaseFont", ""))
            stripped = text.strip("\n")
            lead = width(stripped[:len(stripped) - len(stripped.lstrip())], size * scale, bold)
            found.append(Piece(stripped.strip(), x + lead, height - y, round(size * scale, 2), bold))
        page.extract_text(visitor_text=visit, visitor_operand_before=before, visitor_operand_after=after)
        pages.append(Page(float(page.mediabox.width), height, tuple(found)))
    return pages
