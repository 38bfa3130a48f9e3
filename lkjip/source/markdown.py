"""Markdown chapters: markdown-it-py with our two small plugins and a safety pass.

Authors place data with an explicit syntax, never with code:
  a line `{{ tabel: ID }}`, `{{ grafik: ID }}`, `{{ daftar: ID }}` or `{{ ttd: ID }}` places a block;
  inline `{{ key }}` quotes a computed value or word;
  `{{ key | banding: other.key }}` gives the word comparing two values (lebih tinggi, lebih
  rendah, sama);
  `| tercetak: 80.750` after either records what the signed document printed there, and
  `| alasan: ...` why the report differs (text, or the id of a reason in data/koreksi.yaml).
Raw HTML is off (it renders as text), and links may only be http(s), mailto or relative;
images must be files inside the project. Pipe tables are on, for simple text tables that
need no figures. Every problem is reported with its line.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin


class BlockKind(StrEnum):
    """What a chapter places on a line of its own (`{{ tabel: capaian }}`); the registry of what each kind
    is looked up as and rendered with is `lkjip.views.blocks.BLOCK_KINDS`."""

    TABEL = "tabel"
    GRAFIK = "grafik"
    DAFTAR = "daftar"
    TTD = "ttd"


BLOCK = re.compile(r"^\{\{\s*(" + "|".join(BlockKind) + r")\s*:\s*([A-Za-z0-9_.-]+)\s*\}\}\s*$")
KEY = re.compile(r"^[A-Za-z0-9_.-]+$")
FILTERS = ("banding", "tercetak", "alasan")
SAFE_SCHEMES = ("http", "https", "mailto")


def slugify(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "bagian"


def short_slug(text: str, size: int = 60) -> str:
    """A slug cut at a word boundary: for file names and anchors that people read."""
    slug = slugify(text)
    if len(slug) <= size:
        return slug
    cut = slug[:size + 1]
    return cut.rsplit("-", 1)[0] if "-" in cut else slug[:size]


def _block_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    pos = state.bMarks[start] + state.tShift[start]
    line = state.src[pos:state.eMarks[start]]
    if not line.startswith("{{"):
        return False
    match = BLOCK.match(line)
    if not match:
        return False
    if silent:
        return True
    token = state.push("lkjip_block", "", 0)
    token.meta = {"kind": BlockKind(match.group(1)), "id": match.group(2), "raw": line}
    token.map = [start, start + 1]
    state.line = start + 1
    return True


def parse_value(inner: str) -> dict[str, str | None]:
    """`key | banding: other | tercetak: text | alasan: text` into its parts; `problem` says
    what is wrong with a malformed one."""
    parts = [p.strip() for p in inner.split("|")]
    found: dict[str, str | None] = {"key": parts[0] if KEY.match(parts[0]) else None, "problem": None}
    found.update(dict.fromkeys(FILTERS))
    for part in parts[1:]:
        name, colon, rest = part.partition(":")
        name = name.strip()
        if not colon or name not in FILTERS or not rest.strip():
            allowed = ", ".join(f"| {f}: ..." for f in FILTERS)
            found["problem"] = f"bagian '{part}' tidak dikenal; yang boleh: {allowed}"
        elif found[name] is not None:
            found["problem"] = f"'{name}' ditulis dua kali"
        else:
            found[name] = rest.strip()
    if found["banding"] is not None and not KEY.match(found["banding"] or ""):
        found["problem"] = f"'banding' memerlukan kunci nilai, ditemukan '{found['banding']}'"
    if found["alasan"] is not None and found["tercetak"] is None:
        found["problem"] = "'alasan' hanya berlaku bersama 'tercetak'"
    if found["key"] is None:
        found["problem"] = found["problem"] or "kunci nilai tidak valid"
    return found


def _value_rule(state: StateInline, silent: bool) -> bool:
    src, pos = state.src, state.pos
    if not src.startswith("{{", pos):
        return False
    end = src.find("}}", pos + 2)
    if end < 0 or end + 2 > state.posMax:
        return False
    if not silent:
        token = state.push("lkjip_value", "", 0)
        token.meta = {"raw": src[pos:end + 2], "offset": pos, **parse_value(src[pos + 2:end])}
    state.pos = end + 2
    return True


def _any_link(url: str) -> bool:
    return True


def make_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "typographer": False, "linkify": False}).enable("table")
    md.validateLink = _any_link  # type: ignore[method-assign]  # our own pass decides, and says why and where
    md.block.ruler.before("paragraph", "lkjip_block", _block_rule,
                          {"alt": ["paragraph", "reference", "blockquote", "list"]})
    md.inline.ruler.before("emphasis", "lkjip_value", _value_rule)
    anchors_plugin(md, min_level=1, max_level=3, slug_func=slugify, permalink=False)
    return md


@dataclass
class Placeholder:
    token: Token
    line: int
    column: int


@dataclass
class Parsed:
    file: str
    lines: list[str]
    tokens: list[Token]
    title: str | None = None
    headings: list[tuple[int, str, str]] = field(default_factory=list)  # (level, text, anchor), values left out
    blocks: list[Placeholder] = field(default_factory=list)
    values: list[Placeholder] = field(default_factory=list)
    links: list[Placeholder] = field(default_factory=list)  # link_open / image tokens


def _column(line_text: str, raw: str, earlier: int = 0) -> int:
    """The column of `raw` on its line; `earlier` same placeholders precede it on that line."""
    index = -1
    for _ in range(earlier + 1):
        index = line_text.find(raw, index + 1)
        if index < 0:
            return 1
    return index + 1


def parse(md: MarkdownIt, text: str, file: str) -> Parsed:
    tokens = md.parse(text, {})
    parsed = Parsed(file, text.split("\n"), tokens)
    for i, token in enumerate(tokens):
        if token.type == "lkjip_block" and token.map:
            line = token.map[0] + 1
            parsed.blocks.append(Placeholder(token, line, _column(parsed.lines[line - 1], token.meta["raw"])))
        elif token.type == "heading_open":
            content = tokens[i + 1].content
            level = int(token.tag[1])
            parsed.headings.append((level, heading_text(tokens[i + 1]), str(token.attrs.get("id", ""))))
            if level == 1 and parsed.title is None:
                parsed.title = heading_text(tokens[i + 1]) or content
        elif token.type == "inline" and token.children:
            _scan_inline(parsed, token)
    return parsed


ValueText = Callable[[int, Token], "str | None"]
"""(index among the inline's children, value placeholder) -> the text it shows, or None if it has none."""


def heading_text(inline: Token, value: ValueText | None = None) -> str:
    """A heading's words as plain text: its text and code, and each value placeholder as `value`
    gives it. At parse time (no `value`) and where a value is unknown (an error reported where it
    stands) the placeholder is left out; its braces are never shown."""
    parts = []
    children = inline.children or []
    for i, child in enumerate(children):
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif "raw" in (child.meta or {}):
            parts.append((value(i, child) if value else None) or "")
    return "".join(parts).strip()


def _scan_inline(parsed: Parsed, inline: Token) -> None:
    base = inline.map[0] + 1 if inline.map else 1
    for child in inline.children or ():
        if child.type == "lkjip_value":
            before = inline.content[:child.meta["offset"]]
            line = base + before.count("\n")
            text = parsed.lines[line - 1] if 0 < line <= len(parsed.lines) else ""
            earlier = before[before.rfind("\n") + 1:].count(child.meta["raw"])
            parsed.values.append(Placeholder(child, line, _column(text, child.meta["raw"], earlier)))
        elif child.type in ("link_open", "image"):
            parsed.links.append(Placeholder(child, base, 1))


def url_problem(url: str) -> str | None:
    """Why a link target is refused, or None when it is safe to publish."""
    cleaned = re.sub(r"[\x00-\x20]", "", url).lower()
    match = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    if match and match.group(1) not in SAFE_SCHEMES:
        return f"skema tautan '{match.group(1)}:' tidak diizinkan"
    return None
