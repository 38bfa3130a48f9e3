"""Open data: every table as CSV, and all source facts and computed figures as one JSON.

A citizen opens a CSV in a spreadsheet: UTF-8 with a byte-order mark (so spreadsheet
programs read the accents right), one header row (a multi-row header flattened as
"Realisasi 2024 - Pemda"), raw numbers with a decimal point and no thousands dots, percent
signs or "Rp". The CSV is named after the table's number and title, never its data id.
The JSON is for programs: the report's source facts as validated (every data file and
folder, by stable ids; what the data leave out is absent, not null), every computed value
Markdown may quote, every table with its rows and columns by stable id, and the corrections.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from typing import Any

from ..check.corrections import Corrections
from ..core.catalog import Catalog
from ..numbers import round_half_up
from ..schema import Printed, Quantity
from ..source.markdown import short_slug
from ..views.tables import Table


def csv_names(tables: Mapping[str, Table]) -> dict[str, str]:
    """`data/tabel-3-1-pencapaian-kinerja.csv`; a second table of the same caption gets `-2`."""
    out: dict[str, str] = {}
    for id, t in tables.items():
        base = "data/" + short_slug(t.caption)
        name, n = f"{base}.csv", 1
        while name in out.values():
            n += 1
            name = f"{base}-{n}.csv"
        out[id] = name
    return out


def json_name(base: str) -> str:
    return f"data/{base}.json"


def raw(value: Any) -> Any:
    """A value as plain JSON: numbers as numbers (6 decimals at most), dates as ISO text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        exact = round_half_up(value, 6)
        return int(exact) if exact == exact.to_integral_value() else float(exact)
    return value


def table_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([inert(" - ".join((*c.group, c.label))) for c in table.columns])
    for row in table.rows:
        if row.kind == "bagian":
            writer.writerow([inert(row.label)] + [""] * (table.width - 1))
            continue
        writer.writerow(["" if c is None or c.value.is_empty else _cell(c.value) for c in row.cells])
    return "\ufeff" + out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def inert(text: str) -> str:
    """Text a spreadsheet shows as text: a cell that would start a formula (=, +, -, @, or a tab or line
    break before one) gets a leading apostrophe, as OWASP advises for CSV. Figures are written as
    numbers by `_cell` and never pass here, so -120 stays a number; a lone dash stays a dash."""
    if text.startswith(_FORMULA_START) and text.strip("-") != "":
        return "'" + text
    return text


def _cell(value: Any) -> str:
    number = value.number
    if number is None:
        return inert(value.text())
    shown = raw(number)
    return str(shown)


def table_json(t: Table) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for r in t.rows:
        if r.kind == "bagian":
            rows.append({"id": r.id, "jenis": r.kind, "label": r.label})
            continue
        sel = {c.key: {"nilai": raw(cell.value.raw), "teks": cell.value.text(), "jenis": cell.value.kind}
               for c, cell in zip(t.columns, r.cells, strict=True) if cell is not None}
        rows.append({"id": r.id, "jenis": r.kind, "sel": sel})
    return {"nomor": t.nomor, "judul": t.judul, "kolom": [{"kunci": c.key, "judul": c.label, "kelompok": list(c.group),
                                                          "jenis": c.kind} for c in t.columns], "baris": rows}


def facts(value: Any) -> Any:
    """A validated record as plain JSON (without the positions the validator keeps). A field the data
    leave out is left out (not null), and so is an empty list or map: what the build derives from
    the facts (a program's pagu summed from its sub-kegiatan) is under "nilai" and "tabel"."""
    if isinstance(value, Printed):
        shown = {"nilai": facts(value.value)}
        return {**shown, "alasan": value.alasan} if value.alasan else shown["nilai"]
    if isinstance(value, Quantity):
        return raw(value.value) if not value.unit else f"{raw(value.value)} {value.unit}"
    if is_dataclass(value) and not isinstance(value, type):
        return _present({f.name: facts(getattr(value, f.name)) for f in fields(value)
                         if f.name not in ("loc", "field_locs")})
    if isinstance(value, Mapping):
        return _present({str(k): facts(v) for k, v in value.items()})
    if isinstance(value, (tuple, list)):
        return [facts(v) for v in value]
    return raw(value)


def _present(items: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in items.items() if v is not None and v != {} and v != []}


def everything(tables: Mapping[str, Table], catalog: Catalog, corrections: Corrections,
               computed: bool = True) -> str:
    """`computed` false for a signed report whose readers are not told of the recomputation: its
    figures are then only those the document printed, in its tables."""
    report = catalog.report
    data = {
        # the files of data/ and its folders (an office's own tables, one file each) by their names
        "sumber": facts({**dict(sorted(report.files.items())), **dict(sorted(report.folders.items()))}),
        "nilai": {key: {"nilai": raw(v.raw), "teks": v.text(), "jenis": v.kind}
                  for key, v in catalog.keys.items()} if computed else {},
        "tabel": {id: table_json(t) for id, t in tables.items()},
        # a signed report's recomputation, where the office shows it to readers (catatan_pemeriksaan)
        "pemeriksaan": [{"tercetak": k.tercetak, "dihitung": k.ditampilkan, "alasan": k.alasan,
                         "pembulatan": k.pembulatan, "tabel": k.tempat.tabel, "baris": k.tempat.baris,
                         "kolom": k.tempat.kolom, "halaman": k.tempat.judul_halaman, "bagian": k.tempat.bagian}
                        for k in corrections.items],
    }
    return json.dumps(_present(data), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def files(base: str, tables: Mapping[str, Table], catalog: Catalog, corrections: Corrections,
          computed: bool = True) -> dict[str, str]:
    out = {name: table_csv(tables[id]) for id, name in csv_names(tables).items()}
    out[json_name(base)] = everything(tables, catalog, corrections, computed)
    return out
