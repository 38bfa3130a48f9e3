"""Signature blocks gathered with the lines that belong to them, on the site and on paper alike.

After a chapter is rendered, `group_signatures` gathers each signature with the lines that
belong to it (the place and date above it, a label such as "Pihak Kedua") and sets
signatures that follow one another side by side, as the parties of an agreement sign. It
works on the chapter's HTML as markdown-it writes it, one top-level block per line group.
"""
from __future__ import annotations

import html
import re

_SIGNATURE = re.compile(r'^<div class="ttd(?:-cetak)?"')
_PARAGRAPH = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")
_BLOCK_START = re.compile(r"(?<=\n)(?=</?(?:p|div|ul|ol|li|h[1-6]|figure|table|blockquote|hr|pre)[\s>])")
LABEL_CHARS, ATTACHED_CHARS = 40, 120


def _plain(markup: str) -> str:
    return html.unescape(_TAGS.sub("", markup)).strip()


def _short(block: str, limit: int) -> str | None:
    """The text of a paragraph short enough to belong to a signature, else None."""
    match = _PARAGRAPH.match(block)
    if not match:
        return None
    text = _plain(match.group(1))
    return text if 0 < len(text) <= limit else None


def _is_label(block: str) -> bool:
    text = _short(block, LABEL_CHARS)
    return text is not None and not any(ch.isdigit() for ch in text)


def group_signatures(body: str) -> str:
    """Each signature with its place-and-date line and its label kept together; consecutive
    signatures (each perhaps with a label) side by side in one row that is never split."""
    blocks = _split_blocks(body)
    out: list[str] = []
    i = 0
    while i < len(blocks):
        if not _SIGNATURE.match(blocks[i]) and not (_is_label(blocks[i]) and i + 1 < len(blocks)
                                                      and _SIGNATURE.match(blocks[i + 1])):
            out.append(blocks[i])
            i += 1
            continue
        place = out.pop() if out and _short(out[-1], ATTACHED_CHARS) and not _is_label(out[-1]) else None
        parties: list[tuple[str | None, str]] = []
        while i < len(blocks):
            if _SIGNATURE.match(blocks[i]):
                parties.append((None, blocks[i]))
                i += 1
            elif _is_label(blocks[i]) and i + 1 < len(blocks) and _SIGNATURE.match(blocks[i + 1]):
                parties.append((blocks[i], blocks[i + 1]))
                i += 2
            else:
                break
        out.append(_signature_row(place, parties))
    return "".join(out)


def _split_blocks(body: str) -> list[str]:
    """The chapter's top-level blocks as markdown-it writes them, one per line group (keeping newlines)."""
    parts = _BLOCK_START.split(body)
    return [p for p in parts if p]


def _signature_row(place: str | None, parties: list[tuple[str | None, str]]) -> str:
    """The place and date above the last party (where the signed document puts it), then the parties
    in one row, so their jabatan and names line up."""
    top = ""
    if place is not None:
        line = place.strip().replace("<p>", '<p class="ttd-tempat">', 1)
        top = f'<div class="ttd-atas"><div class="ttd-pihak">{line}</div></div>'
    cells = []
    for label, signature in parties:
        label_html = label.strip().replace("<p>", '<p class="ttd-label">', 1) if label else ""
        cells.append(f'<div class="ttd-pihak">{label_html}{signature.strip()}</div>')
    kind = "ttd-kelompok berdampingan" if len(parties) > 1 else "ttd-kelompok"
    return f'<div class="{kind}">{top}<div class="ttd-baris">{"".join(cells)}</div></div>\n'
