"""Signature blocks gathered with the lines that belong to them, on the site and on paper alike.

While a chapter is rendered (`render_document`), `group` decides on its top-level tokens which
lines belong to each signature (the paragraph of place and date above it, a label such as
"Pihak Kedua") and which signatures follow one another and so stand side by side, as the
parties of an agreement sign; `render` writes the tokens with each group's markup. The decision
is recorded in the chapter's typed entries (`document.SignatureGroup`); no HTML is read back.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

LABEL_CHARS, ATTACHED_CHARS = 40, 120


@dataclass(frozen=True)
class Party:
    label: Token | None   # the inline token of its label paragraph, if any
    signature: Token      # its placed signature (an html_block token)


@dataclass(frozen=True)
class Group:
    """Signatures set together: the inline token of the place-and-date paragraph above them (if any),
    the parties, and how many top-level tokens the group takes (from its first)."""

    place: Token | None
    parties: tuple[Party, ...]
    length: int


def blocks(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(start, end) of every top-level block of the tokens."""
    out, i = [], 0
    while i < len(tokens):
        end = i + 1
        if tokens[i].nesting == 1:
            while end < len(tokens) and not (tokens[end].level == 0 and tokens[end].nesting == -1):
                end += 1
            end += 1
        out.append((i, end))
        i = end
    return out


def group(tokens: Sequence[Token], is_signature: Callable[[Token], bool],
          text: Callable[[Token], str]) -> list[tuple[int, Group]]:
    """(index of its first token, group) of each signature with its place-and-date line and its label;
    consecutive signatures (each perhaps with a label) are one group, set side by side in one row.
    `text(inline)` is the plain text a paragraph shows."""
    found = blocks(tokens)

    def short(b: tuple[int, int], limit: int) -> str | None:
        start, end = b
        if tokens[start].type != "paragraph_open" or end - start != 3:
            return None
        shown = text(tokens[start + 1]).strip()
        return shown if 0 < len(shown) <= limit else None

    def signature(k: int) -> bool:
        start, end = found[k]
        return end - start == 1 and is_signature(tokens[start])

    def label(b: tuple[int, int]) -> bool:
        shown = short(b, LABEL_CHARS)
        return shown is not None and not any(ch.isdigit() for ch in shown)

    out: list[tuple[int, Group]] = []
    previous: tuple[int, int] | None = None   # the block before, unless it is in a group
    k = 0
    while k < len(found):
        labelled = label(found[k]) and k + 1 < len(found) and signature(k + 1)
        if not signature(k) and not labelled:
            previous = found[k]
            k += 1
            continue
        place = previous if previous and short(previous, ATTACHED_CHARS) and not label(previous) else None
        first = place[0] if place else found[k][0]
        parties: list[Party] = []
        while k < len(found):
            if signature(k):
                parties.append(Party(None, tokens[found[k][0]]))
                k += 1
            elif label(found[k]) and k + 1 < len(found) and signature(k + 1):
                parties.append(Party(tokens[found[k][0] + 1], tokens[found[k + 1][0]]))
                k += 2
            else:
                break
        last = found[k - 1][1]
        out.append((first, Group(tokens[place[0] + 1] if place else None, tuple(parties), last - first)))
        previous = None
    return out


def render(md: MarkdownIt, tokens: Sequence[Token], groups: Mapping[int, Group],
           attrs: Mapping[int, Mapping[str, str]] | None = None) -> str:
    """The tokens' HTML, each group (keyed by id of its first token) written as one row of parties and
    each token in `attrs` (by id) with those attributes (a new one ahead of its own); no token is changed."""
    out: list[str] = []

    def given(t: Token) -> Token:
        if not attrs:
            return t
        if id(t) in attrs:
            t = t.copy(attrs=_merged(t.attrs, attrs[id(t)]))
        if t.children and any(id(c) in attrs for c in t.children):   # a link inside a paragraph
            t = t.copy(children=[given(c) for c in t.children])
        return t

    def plain(part: Sequence[Token]) -> str:
        html: str = md.renderer.render([given(t) for t in part], md.options, {})
        return html
    start = i = 0
    while i < len(tokens):
        found = groups.get(id(tokens[i]))
        if found is None:
            i += 1
            continue
        out.append(plain(tokens[start:i]))
        out.append(_row(md, found))
        i += found.length
        start = i
    out.append(plain(tokens[start:]))
    return "".join(out)


def _merged(own: Mapping[str, str | int | float], extra: Mapping[str, str]) -> dict[str, str | int | float]:
    merged: dict[str, str | int | float] = {k: v for k, v in extra.items() if k not in own}
    merged.update({k: extra.get(k, v) for k, v in own.items()})
    return merged


def _paragraph(md: MarkdownIt, inline: Token, kind: str) -> str:
    return f'<p class="{kind}">{md.renderer.render(list(inline.children or []), md.options, {})}</p>'


def _row(md: MarkdownIt, found: Group) -> str:
    """The place and date above the last party (where the signed document puts it), then the parties
    in one row, so their jabatan and names line up."""
    top = ""
    if found.place is not None:
        top = f'<div class="ttd-atas"><div class="ttd-pihak">{_paragraph(md, found.place, "ttd-tempat")}</div></div>'
    cells = []
    for party in found.parties:
        label_html = _paragraph(md, party.label, "ttd-label") if party.label else ""
        cells.append(f'<div class="ttd-pihak">{label_html}{party.signature.content.strip()}</div>')
    kind = "ttd-kelompok berdampingan" if len(found.parties) > 1 else "ttd-kelompok"
    return f'<div class="{kind}">{top}<div class="ttd-baris">{"".join(cells)}</div></div>\n'
