"""Prose per chapter: paragraphs aligned, changed ones diffed word by word, the rest collapsed.

A reviewer of a narrative wants the sentence that changed and the words that changed in it,
not a whole rewrapped paragraph as one deleted and one added line. Chapters are matched by
their name without the order prefix (so renumbering a file is not a rewrite), paragraphs by
their text (a blank line separates them, as in Markdown), and a changed paragraph is shown
as runs of kept, removed and added words.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from .revision import Chapter

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")


@dataclass(frozen=True)
class Words:
    """One run of a word diff: op '=' kept, '-' removed, '+' added."""

    op: str
    text: str


@dataclass(frozen=True)
class Block:
    """A stretch of a chapter: `same` paragraphs collapsed, or one changed, added or removed paragraph."""

    kind: str                      # same, changed, added, removed
    count: int = 0                 # for same: how many paragraphs
    words: tuple[Words, ...] = ()  # for changed
    text: str = ""                 # for added and removed


@dataclass(frozen=True)
class ChapterDiff:
    slug: str
    file: str
    title: str
    status: str                    # changed, added, removed
    blocks: tuple[Block, ...]
    old_file: str | None = None    # when the file was renamed (another order number)


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in PARAGRAPH_BREAK.split(text.strip()) if p.strip()]


def word_diff(old: str, new: str) -> tuple[Words, ...]:
    """Runs of kept, removed and added words; whitespace inside a paragraph is not a change."""
    a, b = old.split(), new.split()
    runs: list[Words] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            runs.append(Words("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            runs.append(Words("-", " ".join(a[i1:i2])))
        if j2 > j1:
            runs.append(Words("+", " ".join(b[j1:j2])))
    return tuple(runs)


def _same(count: int) -> list[Block]:
    return [Block("same", count)] if count else []


def compare_text(old: str, new: str) -> tuple[Block, ...]:
    """The blocks of one chapter; paragraphs equal up to whitespace count as unchanged."""
    a, b = paragraphs(old), paragraphs(new)
    ka, kb = [" ".join(p.split()) for p in a], [" ".join(p.split()) for p in b]
    blocks: list[Block] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            blocks += _same(i2 - i1)
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        blocks += [Block("changed", words=word_diff(a[i1 + k], b[j1 + k])) for k in range(paired)]
        blocks += [Block("removed", text=a[i]) for i in range(i1 + paired, i2)]
        blocks += [Block("added", text=b[j]) for j in range(j1 + paired, j2)]
    merged: list[Block] = []
    for block in blocks:
        if merged and block.kind == "same" and merged[-1].kind == "same":
            merged[-1] = Block("same", merged[-1].count + block.count)
        else:
            merged.append(block)
    return tuple(merged)


def compare_chapters(old: Sequence[Chapter], new: Sequence[Chapter]) -> list[ChapterDiff]:
    """Chapters whose text changed, were added or removed, in the newer revision's reading order."""
    before = {c.slug: c for c in old}
    after = {c.slug: c for c in new}
    out = []
    for slug in dict.fromkeys([c.slug for c in new] + [c.slug for c in old]):
        was, now = before.get(slug), after.get(slug)
        if was is None and now is not None:
            out.append(ChapterDiff(slug, now.file, now.title, "added",
                                   tuple(Block("added", text=p) for p in paragraphs(now.text))))
        elif now is None and was is not None:
            out.append(ChapterDiff(slug, was.file, was.title, "removed",
                                   tuple(Block("removed", text=p) for p in paragraphs(was.text))))
        elif was is not None and now is not None:
            blocks = compare_text(was.text, now.text)
            renamed = was.file if was.file != now.file else None
            if any(b.kind != "same" for b in blocks) or renamed:
                out.append(ChapterDiff(slug, now.file, now.title, "changed", blocks, renamed))
    return out
