"""Values quoted in a chapter: resolved against the catalogue, compared with what the signed
document printed there, and located for the readers' corrections.

`{{ key }}` shows a computed value or judging word; `{{ a | banding: b }}` the word comparing
two values; `| tercetak: ...` what the signed document printed (a difference becomes a
`Quote`, numbered later with the tables' differences); `| alasan: ...` the author's reason.
"""
from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from decimal import Decimal

from markdown_it.token import Token

from ..core.catalog import Catalog, Unavailable
from ..diagnostics import Collector, Diagnostic, Loc, error, warning
from ..numbers import parse_printed_number, round_half_up
from ..schema import Printed, Quantity
from ..source.markdown import Parsed, heading_text
from ..views.values import Value, word
from .compare import Difference, compare_number, compare_text, rounding_only
from .corrections import Quote
from .words import compare


@dataclass
class Resolved:
    """A value placeholder resolved: what it shows and, if it differs from the print, its quote."""

    value: Value
    quote: Quote | None = None
    printed: str | None = None
    """What the signed document printed here (`| tercetak: ...`), as the author copied it."""


VALUE_HINT = "tulis {{ kunci }}, {{ kunci | tercetak: teks asli | alasan: ... }} atau {{ kunci | banding: kunci }}"


def _lookup(key: str, loc: Loc, catalog: Catalog, collector: Collector) -> Value | None:
    try:
        return catalog.value(key)
    except Unavailable as why:
        collector.add(error(loc, str(why), "tambahkan datanya atau hapus nilai ini dari bab", "value-unavailable"))
    except KeyError:
        close = difflib.get_close_matches(key, list(catalog.keys), n=1)
        hint = f"maksud Anda '{close[0]}'?" if close else VALUE_HINT
        source = catalog.source_of(key)
        where = f"nilai ini berasal dari {source.path}; " if source else ""
        collector.add(error(loc, f"nilai '{key}' tidak dikenal", f"{hint} ({where}lihat 'python build.py kunci')",
                            "unknown-value"))
    return None


def resolve_values(parsed: Parsed, values: dict[int, Resolved], catalog: Catalog, collector: Collector) -> None:
    """Resolve every value placeholder into `values` (by token id); problems are collected."""
    differing = []
    for ph in parsed.values:
        meta, loc = ph.token.meta, Loc(parsed.file, ph.line, ph.column)
        ph.token.type = "html_inline"
        ph.token.content = html.escape(meta["raw"])
        if meta["problem"]:
            collector.add(error(loc, f"penanda nilai tidak valid: {meta['raw']} ({meta['problem']})", VALUE_HINT,
                                "unknown-value"))
            continue
        value = _lookup(meta["key"], loc, catalog, collector)
        if value is not None and meta["banding"]:
            value = _comparison(value, meta["banding"], loc, catalog, collector)
        if value is None:
            continue
        values[id(ph.token)] = Resolved(value, printed=meta["tercetak"])
        if meta["tercetak"] is not None:
            what = meta["key"] + (" | banding" if meta["banding"] else "")
            diag = compare_printed(value, meta["tercetak"], loc, what)
            if diag:
                number = parse_printed_number(meta["tercetak"]) if value.is_number else None
                rounding = number is not None and rounding_only(Printed(Quantity(number), loc), value.number)
                differing.append((ph, Difference(Printed(meta["tercetak"], loc, meta["alasan"]), value.text(), diag,
                                                 quoted=meta["tercetak"], pembulatan=rounding)))
    signed = catalog.signed
    section = _sections(parsed, values, signed)
    for ph, difference in differing:
        values[id(ph.token)].quote = Quote(difference, parsed.file, ph.line, ph.column, section.get(id(ph.token)),
                                           _words_before(ph.token, parsed, values, signed))


def _comparison(value: Value, other_key: str, loc: Loc, catalog: Catalog, collector: Collector) -> Value | None:
    """`{{ a | banding: b }}`: lebih tinggi, lebih rendah or sama, as the reader sees the two numbers."""
    other = _lookup(other_key, loc, catalog, collector)
    if other is None:
        return None
    if value.number is None or other.number is None:
        empty = other_key if other.number is None else None
        source = catalog.source_of(empty) if empty else None
        where = f" ('{empty}' kosong; nilainya berasal dari {source.path})" if source else ""
        collector.add(error(loc, f"'banding' memerlukan dua angka, ditemukan '{value.text()}' dan '{other.text()}'",
                            f"bandingkan dua nilai angka, mis. realisasi dengan realisasi pembanding{where}",
                            "value-banding"))
        return None
    return word(compare(_as_shown(value), _as_shown(other)), "banding")


def _as_shown(value: Value) -> Decimal:
    assert value.number is not None
    return value.number if value.places is None else round_half_up(value.number, value.places)


def _sections(parsed: Parsed, values: dict[int, Resolved], signed: bool) -> dict[int, str]:
    """The heading above each value placeholder (by token id), to say where a correction is: in the
    words readers see, its own values as this report shows them."""
    def shown(_: int, child: Token) -> str | None:
        found, printed = values.get(id(child)), child.meta.get("tercetak")
        return printed if signed and printed is not None else found.value.text() if found else None

    out: dict[int, str] = {}
    current = None
    tokens = parsed.tokens
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in ("h2", "h3"):
            current = heading_text(tokens[i + 1], shown)
        for child in token.children or ():
            if "raw" in (child.meta or {}) and current:
                out[id(child)] = current
    return out


def _words_before(target: Token, parsed: Parsed, values: dict[int, Resolved], signed: bool,
                  size: int = 70) -> str | None:
    """The words just before a quote, as this report shows them, so a reader finds the place: a signed
    report's words as signed, a draft's with its computed figures."""
    for token in parsed.tokens:
        children = token.children or []
        if target not in children:
            continue
        text = ""
        for child in children[:children.index(target)]:
            if child.type in ("text", "code_inline"):
                text += child.content
            elif child.type in ("softbreak", "hardbreak"):
                text += " "
            elif "raw" in (child.meta or {}):
                found, printed = values.get(id(child)), child.meta.get("tercetak")
                text += printed if signed and printed is not None else found.value.text() if found else printed or ""
        text = re.sub(r"\s+", " ", text).strip()
        if len(text) > size:
            text = "…" + text[-size:].split(" ", 1)[-1]
        return text or None
    return None


def compare_printed(value: Value, printed: str, loc: Loc, key: str) -> Diagnostic | None:
    """A value quoted from the original's narrative against the computed one."""
    if value.is_number and value.number is not None:
        number = parse_printed_number(printed)
        if number is None:
            return compare_text(Printed(printed, loc), value.text(), f"{key} di narasi")
        diag = compare_number(Printed(Quantity(number), loc), value.number, f"{key} di narasi")
        if diag is None and "%" in printed and value.kind != "persen":
            return warning(loc, f"{key} di narasi: tercetak '{printed}' sebagai persentase, padahal satuannya "
                           f"bukan persen ({value.text()})", "", "printed-mismatch")
        return diag
    return compare_text(Printed(printed, loc), value.text(), f"{key} di narasi", value.kata)


