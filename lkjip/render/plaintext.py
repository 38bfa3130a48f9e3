"""The words a reader reads on a page, paragraph by paragraph, from its rendered HTML.

The Lembar Ralat compares what readers see, not the sources that produced it: a value
quoted in a sentence, a signed figure put in place of a computed one and a reworded
heading all change these paragraphs. Tables and charts are left out (they are compared
cell by cell, `lkjip.diff.figures`), and so are the note marks beside signed values, which
say nothing of the text itself.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCKS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre", "tr", "div"}
SKIPPED = {"table", "figure", "svg", "script", "style", "nav"}
MARK_CLASS = "tanda-koreksi"


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = [""]
        self.skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.append(tag)
            return
        if tag in SKIPPED or (tag == "sup" and MARK_CLASS in classes):
            self.skip.append(tag)
        elif tag in BLOCKS:
            self.out.append("")
        elif tag == "br":
            self.out[-1] += " "

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag in BLOCKS:
            self.out.append("")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out[-1] += data


def paragraphs(html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    return [text for text in (re.sub(r"\s+", " ", p).strip() for p in parser.out) if text]


def plain_text(html: str) -> str:
    """The page's paragraphs, separated by blank lines (as `lkjip.diff.prose` reads a chapter)."""
    return "\n\n".join(paragraphs(html))
