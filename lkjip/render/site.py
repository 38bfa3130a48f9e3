"""The published site as a map {relative path: bytes}: pages, navigation, styles, open data.

Nothing is written here. Every link is relative, so the site works offline and from any
sub-folder of the office's web server. Two writers of one path is an error.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..diagnostics import Diagnostic, Loc, error
from ..domain.laporan import Laporan
from ..numbers import round_half_up
from ..tables import Table
from .chapters import Page
from .templates import Templates, safe

STATIC = ("style.css",)


@dataclass(frozen=True)
class SiteInfo:
    judul: str
    instansi: str
    daerah: str
    tahun: int
    sampul: tuple[str, ...]
    pdf_name: str


class Output:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.problems: list[Diagnostic] = []

    def add(self, path: str, data: bytes | str, origin: str) -> None:
        if path in self.files:
            self.problems.append(error(Loc(origin), f"dua sumber menulis berkas keluaran yang sama: '{path}'",
                                       "ganti nama salah satu file di content/", "output-clash"))
            return
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data


def site_info(lap: Laporan) -> SiteInfo:
    name = f"{lap.singkatan}-{lap.instansi}-{lap.tahun}".lower().replace(" ", "-")
    return SiteInfo(lap.judul, lap.instansi, lap.daerah, lap.tahun, lap.cover, f"{name}.pdf")


def block_renderer(templates: Templates) -> Any:
    names = {"tabel": "_tabel.html", "daftar": "_daftar.html", "ttd": "_ttd.html"}
    seen: dict[str, int] = {}

    def render_block(kind: str, obj: Any) -> str:
        # A table shown twice (Tabel 3.1 in Bab III and Bab IV) needs two anchors in the print document.
        base = f"{kind}-{obj.id}"
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        return templates.render(names[kind], item=obj, anchor=anchor)
    return render_block


def build_site(templates: Templates, info: SiteInfo, pages: Sequence[Page], warnings: Sequence[Diagnostic],
               tables: Sequence[Table], with_pdf: bool, rounding: str = "") -> Output:
    out = Output()
    nav = [{"title": p.title, "path": p.path, "kind": p.kind} for p in pages]
    common = {"info": info, "nav": nav, "with_pdf": with_pdf}
    out.add("index.html", templates.render("index.html", page=None, **common), templates.where("index.html"))
    for i, page in enumerate(pages):
        prev_page = pages[i - 1] if i > 0 else None
        next_page = pages[i + 1] if i + 1 < len(pages) else None
        out.add(page.path, templates.render("page.html", page=page, body=safe(page.body), prev=prev_page,
                                            next=next_page, **common), page.file)
    out.add("pemeriksaan.html", templates.render("pemeriksaan.html", page=None, rounding=rounding,
                                                 warnings=[_warning_view(w) for w in warnings], **common),
            templates.where("pemeriksaan.html"))
    for name in STATIC:
        found = templates.project.layout_file(name)
        if found is not None:
            out.add(f"assets/{name}", found.read_bytes(), templates.project.label(found))
    out.add("data/tabel.json", open_data(tables), "data/")
    return out


def _warning_view(d: Diagnostic) -> dict[str, str]:
    where = d.loc.file + (f":{d.loc.line}" if d.loc.line else "")
    return {"where": where, "path": d.loc.path, "message": d.message, "hint": d.hint}


def _raw(raw: Any) -> Any:
    if hasattr(raw, "isoformat"):
        return raw.isoformat()
    if isinstance(raw, Decimal):
        exact = round_half_up(raw, 6)
        return int(exact) if exact == exact.to_integral_value() else float(exact)
    return raw


def open_data(tables: Sequence[Table]) -> str:
    """Every computed table as JSON: rows keyed by their stable id, cells by column key."""
    data = {}
    for t in tables:
        rows: list[dict[str, Any]] = []
        for r in t.rows:
            if r.kind == "bagian":
                rows.append({"id": r.id, "jenis": r.kind, "label": r.label})
                continue
            sel = {c.key: {"nilai": _raw(cell.value.raw), "teks": cell.value.text(), "jenis": cell.value.kind}
                   for c, cell in zip(t.columns, r.cells, strict=True) if cell is not None}
            rows.append({"id": r.id, "jenis": r.kind, "sel": sel})
        data[t.id] = {"nomor": t.nomor, "judul": t.judul,
                      "kolom": [{"kunci": c.key, "judul": c.label, "kelompok": list(c.group), "jenis": c.kind}
                                for c in t.columns], "baris": rows}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
