"""The structure PermenPANRB 53/2014 asks of an LKjIP, checked against the chapters.

The regulation's outline: Ikhtisar Eksekutif; Bab I Pendahuluan; Bab II Perencanaan
Kinerja; Bab III Akuntabilitas Kinerja (A. Capaian Kinerja Organisasi, B. Realisasi
Anggaran); Bab IV Penutup; Lampiran, the Perjanjian Kinerja among them. Chapters are
recognised by the regulation's own words in their titles. A missing part is a warning,
never a failure: the office decides, the check makes it visible. So is a lampiran that
the signed document's Daftar Isi lists but the report does not contain.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..core.model import Report
from ..core.subject import PageInfo, Subject
from ..diagnostics import Diagnostic, Loc, warning
from .laporan import LAPORAN

CHAPTERS = (
    ("Ikhtisar Eksekutif", r"(ikhtisar|ringkasan)\s+eksekutif", "00-ikhtisar-eksekutif.md", "IKHTISAR EKSEKUTIF"),
    ("Bab Pendahuluan", r"pendahuluan", "01-bab-1-pendahuluan.md", "BAB I PENDAHULUAN"),
    ("Bab Perencanaan Kinerja", r"(perencanaan|rencana)\s+kinerja", "02-bab-2-perencanaan-kinerja.md",
     "BAB II PERENCANAAN KINERJA"),
    ("Bab Akuntabilitas Kinerja", r"akuntabilitas\s+kinerja", "03-bab-3-akuntabilitas-kinerja.md",
     "BAB III AKUNTABILITAS KINERJA"),
    ("Bab Penutup", r"penutup", "04-bab-4-penutup.md", "BAB IV PENUTUP"),
)
SECTIONS = (("Bab Akuntabilitas Kinerja", r"akuntabilitas\s+kinerja",
             (("Capaian Kinerja", r"capaian\s+kinerja"), ("Realisasi Anggaran", r"realisasi\s+anggaran"))),)
LAMPIRAN_PK = r"perjanjian\s+kinerja"
REGULATION = "PermenPANRB 53/2014"


def _matches(pattern: str, text: str) -> bool:
    return re.search(pattern, text, re.IGNORECASE) is not None


def role_of(title: str) -> str | None:
    """Which part of the regulation's outline a chapter title names, if any."""
    return next((name for name, pattern, _, _ in CHAPTERS if _matches(pattern, title)), None)


def _chapters(pages: Sequence[PageInfo]) -> Iterator[Diagnostic]:
    chapters = [p for p in pages if p.kind != "lampiran"]
    for name, pattern, file, title in CHAPTERS:
        if not any(_matches(pattern, p.title) for p in chapters):
            yield warning(Loc("content/"), f"{name} yang diwajibkan {REGULATION} tidak ada",
                          f"tambahkan content/{file} yang diawali '# {title}'", "structure")
    for name, pattern, parts in SECTIONS:
        page = next((p for p in chapters if _matches(pattern, p.title)), None)
        if page is None:
            continue
        for part, part_pattern in parts:
            if not any(_matches(part_pattern, h) for h in page.headings):
                yield warning(Loc(page.file), f"{name} tidak memuat bagian '{part}' yang diwajibkan {REGULATION}",
                              f"tambahkan judul bagian, mis. '## B. {part.upper()}'", "structure")
    lampiran = [p for p in pages if p.kind == "lampiran"]
    if not any(_matches(LAMPIRAN_PK, p.title) for p in lampiran):
        yield warning(Loc("content/"), f"lampiran Perjanjian Kinerja yang diwajibkan {REGULATION} tidak ada",
                      "tambahkan content/NN-lampiran-perjanjian-kinerja.md", "structure")


def _printed_contents(report: Report, pages: Sequence[PageInfo]) -> Iterator[Diagnostic]:
    slugs = {p.slug for p in pages}
    tables = {t for p in pages for t in p.tables}
    for entry in report.need(LAPORAN).lampiran_tercetak:
        if entry.bagian is None:
            yield warning(entry.loc, f"Daftar Isi dokumen asli mencantumkan lampiran '{entry.judul}', tetapi laporan "
                          "ini tidak memuatnya", "", "structure")
        elif entry.bagian not in slugs and entry.bagian not in tables:
            yield warning(entry.loc, f"lampiran '{entry.judul}' disebut dimuat di '{entry.bagian}', tetapi tidak ada "
                          "halaman atau tabel dengan nama itu", "nama halaman: " + ", ".join(sorted(slugs)),
                          "structure")


def _check(report: Report, pages: Sequence[PageInfo]) -> Iterator[Diagnostic]:
    yield from _chapters(pages)
    yield from _printed_contents(report, pages)


SUBJECT = Subject(name="struktur", page_checks=_check)
