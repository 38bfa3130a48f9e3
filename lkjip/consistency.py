"""Compare what the original printed with what the data computes, and trace target lineage.

The original report disagrees with itself in places. The build must surface every such
place, never hide or silently fix it: each mismatch becomes a warning at the line of the
printed value, with the printed and the computed figure side by side.
"""
from __future__ import annotations

import re
from decimal import Decimal

from . import formatting
from .diagnostics import Diagnostic, warning
from .kinerja import DOCUMENT_LABELS
from .schema import Printed, Quantity


def _show(value: Decimal, places: int) -> str:
    return formatting.number(formatting.round_half_up(value, places), places)


def compare_number(printed: Printed | None, computed, what: str) -> Diagnostic | None:
    """Warn when the printed number differs from the computed one at the printed precision."""
    if printed is None:
        return None
    raw = printed.value.value if isinstance(printed.value, Quantity) else printed.value
    raw = Decimal(raw)
    places = formatting.decimals_of(raw)
    if computed is None:
        return warning(printed.loc, f"{what}: tercetak {formatting.number(raw, places)}, tetapi nilai ini "
                       "tidak dapat dihitung dari data", "", "printed-mismatch")
    computed = Decimal(computed)
    if formatting.round_half_up(computed, places) == raw:
        return None
    hint = ""
    if formatting.truncate(computed, places) == raw:
        hint = "dokumen asli memotong angka, tidak membulatkan; laporan ini membulatkan setengah ke atas"
    shown = _show(computed, max(places, 2)) if computed != computed.to_integral_value() else _show(computed, 0)
    return warning(printed.loc, f"{what}: tercetak {formatting.number(raw, places)}, dihitung {shown}",
                   hint, "printed-mismatch")


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).strip(".;:").casefold()


def compare_text(printed: Printed | None, computed: str | None, what: str) -> Diagnostic | None:
    if printed is None or (computed is not None and _norm(str(printed.value)) == _norm(computed)):
        return None
    return warning(printed.loc, f"{what}: tercetak '{printed.value}', menurut data '{computed}'",
                   "", "printed-mismatch")


def check_all(model, results) -> list[Diagnostic]:
    from .consistency_rules import RULES
    found: list[Diagnostic] = []
    for rule in RULES:
        found.extend(d for d in rule(model, results) if d is not None)
    return found


def lineage(model, results) -> list[Diagnostic]:
    """Every document's target for the report year against the Perjanjian Kinerja that counts."""
    out = []
    index = results["target"]
    tahun = model.laporan.tahun
    for fact in index.facts:
        if fact.tahun != tahun or fact.dokumen in ("pk", "pk_perubahan", "renstra_lama"):
            continue
        ref = index.berlaku(fact.indikator, tahun)
        if ref is None or ref.nilai == fact.nilai:
            continue
        out.append(warning(fact.loc, f"target {fact.indikator} {tahun} di {fact.label} "
                           f"({formatting.number(fact.nilai)}) berbeda dengan {ref.label} "
                           f"({formatting.number(ref.nilai)}, {ref.loc.file}:{ref.loc.line})",
                           f"{ref.label} adalah target yang diukur di Tabel 3.1", "target-lineage"))
    return out


def budget_lineage(model, results) -> list[Diagnostic]:
    """Program budgets in RKT and the latest PK against the DPA (data/anggaran.yaml)."""
    out = []
    programs = results["anggaran"].program
    docs = [("rkt", model.rkt)] + [(d.id, d) for d in model.perjanjian_kinerja.dokumen[-1:]]
    for dokumen, doc in docs:
        for row in doc.anggaran or ():
            dpa = programs[row.program].pagu
            if row.pagu != dpa:
                out.append(warning(row.loc, f"pagu {row.program} di {DOCUMENT_LABELS.get(dokumen, dokumen)} "
                                   f"({formatting.rupiah(row.pagu)}) berbeda dengan pagu realisasi anggaran "
                                   f"({formatting.rupiah(dpa)})", "", "budget-lineage"))
    return out

