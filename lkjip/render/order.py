"""The order and numbering of a report's pages, one rule for the site and the print document.

A signed LKjIP opens with its front matter (Kata Pengantar, then Ikhtisar Eksekutif where
there is one), then the chapters, whose titles carry their own numbers (BAB I ...), then the
lampiran, numbered 1, 2, 3 ... among themselves. The site's navigation, its home page and
the PDF's Daftar Isi all take their order and their lampiran numbers from `reading_order`,
so a reader finds "Lampiran 4" under the same number everywhere. Front-matter chapters are
recognised by the words of their titles, never by file names.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from ..domain.struktur import role_of

FRONT_ROLES = (("kata-pengantar", r"\b(kata\s+pengantar|prakata|kata\s+sambutan)\b"),
               ("ikhtisar", r"\b(ikhtisar|ringkasan)\s+eksekutif\b"))


class Ordered(Protocol):
    """What the order needs of a page (or of a chapter not yet rendered): its title and its kind."""

    @property
    def title(self) -> str: ...

    @property
    def kind(self) -> str: ...


P = TypeVar("P", bound=Ordered)


@dataclass(frozen=True)
class Placed(Generic[P]):
    """A page where it stands in the report: its part (depan, bab, lampiran) and, for a lampiran, its number."""

    page: P
    part: str
    nomor: int | None = None


def front_role(title: str) -> int | None:
    """The position among the front matter of a chapter with this title, or None for a chapter."""
    if role_of(title) == "Ikhtisar Eksekutif":
        return 1
    return next((n for n, (_, pattern) in enumerate(FRONT_ROLES) if re.search(pattern, title, re.I)), None)


def reading_order(pages: Sequence[P]) -> list[Placed[P]]:
    """The pages as the signed document orders them: front matter (by its role), chapters and lampiran
    (each in the authors' order), the lampiran numbered from 1."""
    front = sorted((p for p in pages if p.kind != "lampiran" and front_role(p.title) is not None),
                   key=lambda p: front_role(p.title) or 0)
    chapters = [p for p in pages if p.kind != "lampiran" and front_role(p.title) is None]
    lampiran = [p for p in pages if p.kind == "lampiran"]
    return ([Placed(p, "depan") for p in front] + [Placed(p, "bab") for p in chapters]
            + [Placed(p, "lampiran", n) for n, p in enumerate(lampiran, 1)])


def figure_number(word: str, number: int | None) -> str:
    """The number a figure's caption opens with, on the site and in print alike: "Grafik 4." where the
    office calls its figures Grafik (`gambar.sebutan` in data/laporan.yaml). Figures are numbered
    "1.", "2." ... through the whole report in reading order (`lkjip.render.chapters.figure_numbers`),
    so a reader citing "Gambar 4" from the website finds the same figure in the signed document."""
    if number is None:
        return ""
    return f'<b class="nomor-gambar">{html.escape(word)} {number}.</b> '
