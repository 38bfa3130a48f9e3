"""Widths of text in DejaVu Sans, so that a chart's labels wrap where they really end instead of being cut.

A chart is drawn as SVG at build time, where no browser measures its text; a label wrapped
by a count of characters either runs off the drawing or wraps too early. These are the
advance widths of printable ASCII in the bundled fonts (`layouts/fonts/DejaVuSans*.ttf`,
the PDF's font and the site's first choice), in hundredths of an em; any other character
counts as a wide letter. A browser without DejaVu Sans falls back to a narrower sans-serif,
so the estimate errs on the side of room.
"""
from __future__ import annotations

_FIRST = 32         # the space; the tables run to "~" (126)
_OTHER = 0.75       # any character outside the tables, in em
_REGULAR = (
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79, 60, 79,
    69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28,
    58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84)
_BOLD = (
    35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37, 70, 70, 70, 70, 70, 70, 70, 70, 70,
    70, 40, 40, 84, 84, 84, 58, 100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73,
    85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50, 50, 67, 72, 59, 72, 68, 44, 72, 71, 34,
    34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84)


def width(text: str, size: float, bold: bool = False) -> float:
    """The width of `text` set at `size` (in the units of size)."""
    table = _BOLD if bold else _REGULAR
    ems = 0.0
    for ch in text:
        code = ord(ch) - _FIRST
        ems += table[code] / 100 if 0 <= code < len(table) else _OTHER
    return ems * size


def wrap(text: str, size: float, room: float, bold: bool = False) -> list[str]:
    """`text` in lines no wider than `room`, broken between words; a word wider than the room on
    its own is broken between letters. Nothing is left out. Each letter is measured once, so a
    label of any length takes time in proportion to its length."""
    lines: list[str] = []
    line, line_width, space = "", 0.0, width(" ", size, bold)
    for word in text.split():
        word_width = width(word, size, bold)
        if word_width > room and len(word) > 1:
            if line:
                lines.append(line)
            pieces = _letters(word, size, room, bold)
            lines += pieces[:-1]
            word, word_width = pieces[-1], width(pieces[-1], size, bold)
            line, line_width = "", 0.0
        if line and line_width + space + word_width > room:
            lines.append(line)
            line, line_width = "", 0.0
        line, line_width = (f"{line} {word}", line_width + space + word_width) if line else (word, word_width)
    return lines + [line] if line else lines


def _letters(word: str, size: float, room: float, bold: bool) -> list[str]:
    """A word too wide for the room, cut between letters into pieces that fit (at least one letter each)."""
    pieces, start, used = [], 0, 0.0
    for i, ch in enumerate(word):
        w = width(ch, size, bold)
        if i > start and used + w > room:
            pieces.append(word[start:i])
            start, used = i, 0.0
        used += w
    return pieces + [word[start:]]
