"""The search index: the text of every chapter by section, prebuilt at build time.

The index is a small script (`assets/indeks-cari.js`) that sets one global, not a JSON file
fetched at run time, because a browser refuses to fetch files from a site opened from
disk (file://); a script loads from anywhere. `layouts/cari.js` searches it: no server, no
CDN, no build chain. A hit links to its page and section.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any

from .chapters import Page

SKIP = {"svg", "script", "style", "sup"}


def _interface(tag: str, attrs: dict[str, str | None]) -> bool:
    """What the page says about itself rather than the report (a table's "Unduh tabel ini (CSV)",
    the "Geser tabel ke samping" hint shown to sighted readers only): never a search snippet."""
    return tag in SKIP or attrs.get("aria-hidden") == "true" or (tag == "a" and "download" in attrs)


class _Sections(HTMLParser):
    """Splits a chapter's HTML into (anchor, heading, text) at each h1-h3 with an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[list[str]] = [["", "", ""]]
        self.skipped: str | None = None   # the tag of the element being left out, while inside it
        self.skipping = 0                 # how deep inside elements of that tag
        self.heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.skipping += tag == self.skipped
        elif _interface(tag, dict(attrs)):
            self.skipped, self.skipping = tag, 1
        elif tag in ("h1", "h2", "h3"):
            self.sections.append([dict(attrs).get("id") or "", "", ""])
            self.heading = tag
        elif tag in ("p", "li", "td", "th", "br", "caption", "figcaption", "div", "tr"):
            self._add(" ")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            self.skipping -= tag == self.skipped
        elif tag == self.heading:
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.heading:
            self.sections[-1][1] += data
        self._add(data)

    def _add(self, text: str) -> None:
        self.sections[-1][2] += text


def entries(pages: Sequence[Page]) -> list[dict[str, Any]]:
    out = []
    for page in pages:
        parser = _Sections()
        parser.feed(page.body)
        parser.close()
        for anchor, heading, text in parser.sections:
            text = re.sub(r"\s+", " ", text).strip()
            if not text:
                continue
            title = page.title if not heading or heading.strip() == page.title else f"{page.title} — {heading.strip()}"
            url = page.path if not anchor or heading.strip() == page.title else f"{page.path}#{anchor}"
            out.append({"u": url, "j": title, "t": text})
    return out


_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026",
                   0x2028: "\\u2028", 0x2029: "\\u2029"}


def script_literal(value: Any) -> str:
    """`value` as a JavaScript literal that cannot end the script or its string early, wherever it
    is placed: JSON with '<', '>', '&' and the two Unicode line separators escaped."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


def index_script(pages: Sequence[Page]) -> str:
    """The report's text reaches the script only as one escaped literal: never in a comment or as code."""
    return f"/* Indeks pencarian; dibuat saat penyusunan. */\nwindow.INDEKS_CARI = {script_literal(entries(pages))};\n"
