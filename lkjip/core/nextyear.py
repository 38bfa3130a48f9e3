"""Next year's report from this year's: the machinery every subject's next-year rule is written in.

An office's report is mostly the same from year to year: the office, its signatories, its
sasaran and indikator, the Renstra. What changes is the year's own figures. So each subject
says, for each of its data files, what next year's report does with it (`Subject.next_year`,
tested to cover every file there is):

- `bawa`: copied as it is, comments and all (the Renstra, the organisation, ...);
- `ubah`: rewritten for the new year by the subject's own rule (`Subject.rewrites`: laporan,
  indikator, the Perjanjian Kinerja, the IKU);
- `tinggal`: left behind, because every figure in it is of the old year (anggaran, IKM, ...);
  the new report's README names each, and the chapters that used it get placeholders.

This module holds what the rules share: the `Context` they read, `shift_years` (the years of a
text moved, never a period's), and `isi` (a placeholder); `lkjip.authoring.nextdata` applies
the rules and writes the files.
"""
from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..isian import MARKER
from .compute import Figures
from .model import Report

Policy = Literal["bawa", "ubah", "tinggal"]
BAWA: Policy = "bawa"
UBAH: Policy = "ubah"
TINGGAL: Policy = "tinggal"


def isi(text: str) -> str:
    return f"{MARKER} {text}"


_YEAR = r"(?:19|20|21)\d\d"
_SPAN = rf"{_YEAR}(?:\s*(?:-|–|—|/|s\.?\s?/?\s?d\.?|sampai(?:\s+dengan)?|hingga)\s*{_YEAR})"
_PERIODS = re.compile(
    # a span of years ("2021-2026", "2019 s/d 2023", "2021 sampai dengan 2026"), a multi-year plan named by its
    # years ("RPJMD 2019", "Renstra Tahun 2021-2026"), a regulation's year ("Nomor 53 Tahun 2014", "86/2017")
    rf"(?i:\b(?:rpjmd|rpjmn|rpjpd|rpjpn|renstra|periode)\s+(?:tahun\s+)?)(?:{_SPAN}|{_YEAR})(?!\d)"
    rf"|(?<!\d){_SPAN}(?!\d)"
    rf"|(?i:\b(?:nomor|no\.?)\s*[\w./:-]+\s+tahun\s+){_YEAR}(?!\d)"
    rf"|(?<=\d/){_YEAR}(?!\d)")


def shift_years(text: str, old: int, new: int) -> str:
    """The report year (and the years either side of it) moved to the new report's, whole words only.

    A period never moves with them: a span of years, a multi-year plan named by its first year, a
    regulation's year. Their years stay as written until the data say the period changed."""
    delta = new - old

    def move(part: str) -> str:
        return re.sub(r"(?<!\d)(\d{4})(?!\d)",
                      lambda m: str(int(m.group(1)) + delta) if abs(int(m.group(1)) - old) <= 1 else m.group(1),
                      part)
    out, last = [], 0
    for match in _PERIODS.finditer(text):
        out += [move(text[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(out) + move(text[last:])


@dataclass
class Context:
    report: Report
    figures: Figures
    subjects: Sequence[Any]
    """The report's subjects (`lkjip.core.subject.Subject`, which declares its rules in terms of this
    Context and so cannot be imported here)."""
    old: int
    new: int
    kept: set[str] = field(default_factory=set)
    """Names of the data files the new report has (carried or rewritten)."""

    def source_file(self, key: str) -> str | None:
        """The data file a computed value's key comes from (`ikm.nilai` -> ikm)."""
        for s in self.subjects:
            for pattern, f in s.key_files:
                if fnmatch.fnmatchcase(key, pattern) or key.startswith(pattern + "."):
                    return str(f.name)
        return None


Rewrite = Callable[[dict[str, Any], Context], dict[str, Any]]
"""A subject's rule for one of its `ubah` files: the old file's data -> the new file's."""
