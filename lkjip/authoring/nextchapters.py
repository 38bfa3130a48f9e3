"""Next year's chapters from this year's: the text stays, the year's figures become placeholders.

- `{{ key | tercetak: 90,25 }}` loses what the old document printed: `{{ key }}` is computed
  from the new year's data.
- The report year and the years either side of it move on in the prose (not inside `{{ }}`,
  not in a link, not a regulation's year: "Nomor 53 Tahun 2014" stays).
- A figure typed in the prose (95,81%, 80.750) becomes `[ISI: ...]` quoting the old one.
- Each chapter that is not a lampiran gets one `[ISI: ...]` under its title: its narrative,
  analysis and follow-up plans were written for the old year and must be read again.
- A table or value the new data cannot give (its file stayed behind) becomes `[ISI: ...]`
  saying which file it needs; a part of the regulation's outline that is missing is added.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..core.subject import PageInfo
from ..diagnostics import Diagnostic
from ..domain.struktur import CHAPTERS, LAMPIRAN_PK, SECTIONS
from ..render.chapters import ORDER_PREFIX
from ..years import as_relative
from . import outline
from .nextdata import shift_years

_PROTECTED = re.compile(r"(\{\{.*?\}\}|\]\([^)]*\)|\[ISI:[^\]]*\])")
_PRINTED = re.compile(r"\{\{\s*([A-Za-z0-9_.-]+)\s*\|\s*tercetak\s*:[^}]*\}\}")
_COUNT_OF = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*\s+dari\s+\d+(?:[.,]\d+)*(?![\w]|[.,]\d)")
"""A count out of a total ("397 dari 754 usulan"): the year's own figures, however small."""
_KEY = re.compile(r"\b[A-Za-z][\w.-]*_\d{4}\b")
_FIGURE = re.compile(r"(?<![\w.,/])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+,\d+|\d+(?=\s?%))(\s?%)?(?![\w/]|[.,]\d)")
REFERENCE_CODES = ("block-unavailable", "value-unavailable", "unknown-block", "unknown-value")


def _prose(text: str, old: int, new: int) -> str:
    moved = shift_years(text, old, new)
    stale = lambda m: f"[ISI: angka tahun {new}; tahun {old} tertulis {m.group(0)}]"  # noqa: E731
    return _FIGURE.sub(stale, _COUNT_OF.sub(stale, moved))


def _relative_keys(placeholder: str, old: int) -> str:
    """A value placeholder with its keys of the old report's year and the year before named relatively
    (`…_2024` -> `…_tahun_ini`), so they move on with the prose years beside them."""
    if not placeholder.startswith("{{"):
        return placeholder
    return _KEY.sub(lambda m: as_relative(m.group(0), old), placeholder)


def carry(text: str, old: int, new: int, review: bool) -> str:
    """One chapter's Markdown for the new year (see the module docstring)."""
    text = _PRINTED.sub(lambda m: "{{ " + m.group(1) + " }}", text)
    out = []
    for line in text.split("\n"):
        parts = _PROTECTED.split(line)
        out.append("".join(_relative_keys(p, old) if i % 2 else _prose(p, old, new) for i, p in enumerate(parts)))
    if review:
        title = next((i for i, line in enumerate(out) if line.startswith("# ")), None)
        if title is not None:
            out[title + 1:title + 1] = ["", f"[ISI: baca ulang dan perbarui bab ini untuk tahun {new}; narasi, "
                                            f"analisis dan rencana tindak lanjut tahun {old} masih tertulis]"]
    return "\n".join(out)


def is_lampiran(file: str) -> bool:
    return ORDER_PREFIX.sub("", Path(file).stem).startswith("lampiran")


def _placeholder_text(message: str, year: int) -> str:
    why = message.replace("[", "(").replace("]", ")").replace("\n", " ")
    return f"[ISI: {why} dalam data tahun {year}; tulis datanya lalu rujuk lagi, atau hapus]"


def replace_references(root: Path, problems: list[Diagnostic], year: int) -> int:
    """Each reference the new data cannot give becomes a placeholder saying why; returns how many."""
    done = 0
    by_file: dict[str, list[Diagnostic]] = {}
    for d in problems:
        if d.code in REFERENCE_CODES and d.loc.line and d.loc.column:
            by_file.setdefault(d.loc.file, []).append(d)
    for file, found in by_file.items():
        path = root / file
        lines = path.read_text("utf-8").split("\n")
        for d in sorted(found, key=lambda x: (x.loc.line or 0, -(x.loc.column or 0))):
            assert d.loc.line is not None and d.loc.column is not None
            line = lines[d.loc.line - 1]
            start = d.loc.column - 1
            end = line.find("}}", start)
            if not line.startswith("{{", start) or end < 0:
                continue
            lines[d.loc.line - 1] = line[:start] + _placeholder_text(d.message, year) + line[end + 2:]
            done += 1
        path.write_text("\n".join(lines), "utf-8")
    return done


def _matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def _name_after(files: list[str], before: str | None, slug: str) -> str:
    """A file name that sorts right after `before` (or first): '00-kata-pengantar.md' -> '005-<slug>.md'."""
    match = ORDER_PREFIX.match(before or "")
    prefix = match.group(0)[:-1] + "5" if match else "00"
    name = f"{prefix}-{slug}.md"
    return name if name not in files else f"{prefix}5-{slug}.md"


def complete_outline(root: Path, pages: list[PageInfo], instansi: str, penandatangan: str,
                     pihak: tuple[str, str]) -> list[str]:
    """Add the parts of the regulation's outline the chapters lack; returns what was added."""
    added = []
    content = root / "content"
    files = sorted(p.name for p in content.glob("*.md"))
    chapters = [p for p in pages if p.kind != "lampiran"]
    for index, (name, pattern, file, _) in enumerate(CHAPTERS):
        if any(_matches(pattern, p.title) for p in chapters):
            continue
        later = [Path(p.file).name for p in chapters for _, pat, _, _ in CHAPTERS[index + 1:] if _matches(pat, p.title)]
        front = [f for f in files if not later or f < min(later)]
        before = max(front) if front else None
        slug = ORDER_PREFIX.sub("", Path(file).stem)
        new = _name_after(files, before, slug)
        (content / new).write_text(outline.chapter(name, instansi, penandatangan), "utf-8")
        added.append(f"content/{new}")
    for _, pattern, parts in SECTIONS:
        page = next((p for p in chapters if _matches(pattern, p.title)), None)
        for part, part_pattern in parts if page else ():
            if page and not any(_matches(part_pattern, h) for h in page.headings):
                text = outline.realisasi_anggaran(f"## {part.upper()}") if "anggaran" in part_pattern else \
                    outline.capaian_kinerja()
                path = root / page.file
                path.write_text(path.read_text("utf-8").rstrip("\n") + "\n\n" + text, "utf-8")
                added.append(f"{page.file} ({part})")
    if not any(_matches(LAMPIRAN_PK, p.title) for p in pages if p.kind == "lampiran"):
        (content / outline.LAMPIRAN_PK_FILE).write_text(outline.lampiran_pk(*pihak), "utf-8")
        added.append(f"content/{outline.LAMPIRAN_PK_FILE}")
    return added
