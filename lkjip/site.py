"""The published site as a map {relative path: bytes}: pages, navigation, styles, open data.

Nothing is written here. Every link is relative, so the site works offline and from any
sub-folder of the kecamatan's web server. Two writers of one path is an error.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from . import formatting
from .diagnostics import Loc, error
from .templates import render, safe

STATIC = ("style.css",)


@dataclass(frozen=True)
class SiteInfo:
    judul: str
    instansi: str
    kabupaten: str
    tahun: int
    sampul: tuple
    pdf_name: str


class Output:
    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.problems = []

    def add(self, path: str, data: bytes | str, origin: str) -> None:
        if path in self.files:
            self.problems.append(error(Loc(origin), f"dua sumber menulis berkas keluaran yang sama: '{path}'",
                                       "ganti nama salah satu file di content/", "output-clash"))
            return
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data


def site_info(model) -> SiteInfo:
    lap = model.laporan
    name = f"{lap.singkatan}-{lap.instansi}-{lap.tahun}".lower().replace(" ", "-")
    return SiteInfo(lap.judul, lap.instansi, lap.kabupaten, lap.tahun, tuple(lap.sampul), f"{name}.pdf")


def block_renderer(env, layouts_label: str):
    templates = {"tabel": "_tabel.html", "daftar": "_daftar.html", "ttd": "_ttd.html"}
    seen: dict[str, int] = {}

    def render_block(kind: str, obj) -> str:
        # A table shown twice (Tabel 3.1 in Bab III and Bab IV) needs two anchors in the print document.
        base = f"{kind}-{obj.id}"
        seen[base] = seen.get(base, 0) + 1
        anchor = base if seen[base] == 1 else f"{base}-{seen[base]}"
        return render(env, templates[kind], layouts_label, item=obj, anchor=anchor)
    return render_block


def build_site(env, layouts_label: str, layouts_dir, info: SiteInfo, pages, warnings, tables, with_pdf: bool,
               rounding: str = ""):
    out = Output()
    nav = [{"title": p.title, "path": p.path, "kind": p.kind} for p in pages]
    common = dict(info=info, nav=nav, with_pdf=with_pdf)
    out.add("index.html", render(env, "index.html", layouts_label, page=None, **common), "layouts/index.html")
    for i, page in enumerate(pages):
        prev_page = pages[i - 1] if i > 0 else None
        next_page = pages[i + 1] if i + 1 < len(pages) else None
        html = render(env, "page.html", layouts_label, page=page, body=safe(page.body), prev=prev_page,
                      next=next_page, **common)
        out.add(page.path, html, page.file)
    out.add("pemeriksaan.html", render(env, "pemeriksaan.html", layouts_label, page=None,
                                       warnings=[_warning_view(w) for w in warnings], rounding=rounding,
                                       **common),
            "layouts/pemeriksaan.html")
    for name in STATIC:
        path = layouts_dir / name
        if path.is_file():
            out.add(f"assets/{name}", path.read_bytes(), f"{layouts_label}/{name}")
    out.add("data/tabel.json", open_data(tables), "data/")
    return out


def _warning_view(d) -> dict:
    where = d.loc.file + (f":{d.loc.line}" if d.loc.line else "")
    return {"where": where, "path": d.loc.path, "message": d.message, "hint": d.hint}


def open_data(tables) -> str:
    """Every computed table as JSON: rows keyed by their stable id, cells as raw and shown text."""
    def cell(c):
        raw = c.value.raw
        if hasattr(raw, "isoformat"):
            raw = raw.isoformat()
        elif raw is not None and not isinstance(raw, (str, int)):
            exact = formatting.round_half_up(raw, 6)
            raw = int(exact) if exact == exact.to_integral_value() else float(exact)
        return {"nilai": raw, "teks": c.value.text(), "jenis": c.value.kind}
    data = {t.id: {"nomor": t.nomor, "judul": t.judul,
                   "kepala": [[h.label for h in row] for row in t.head],
                   "baris": [{"id": r.id, "jenis": r.kind, "sel": [cell(c) for c in r.cells]} for r in t.rows]}
            for t in tables}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
