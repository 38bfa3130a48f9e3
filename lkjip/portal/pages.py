"""The portal's own pages and files, made from the reports' summaries alone.

`KELUARAN/index.html` (every office side by side, filterable by kind and year), one
`<instansi>/index.html` per office (its reports by year, each indikator over the years),
a search over every report (the sites' own search script over one combined index), and the
open data. Templates are the default theme's `portal*.html`, with its style sheet; every
link is relative, so the portal works offline and from any sub-folder.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..project import default_layouts
from ..render.search import script_literal
from .compare import JENIS, link, offices, open_data, rows

ASSETS = ("style.css", "portal.css", "cari.js", "portal.js", "favicon.svg")
DATA_FILES = (("data/capaian.csv", "Rata-rata capaian kinerja setiap instansi (CSV)"),
              ("data/predikat.csv", "Jumlah indikator per predikat setiap instansi (CSV)"),
              ("data/serapan.csv", "Serapan anggaran setiap instansi (CSV)"),
              ("data/ikm.csv", "Indeks Kepuasan Masyarakat setiap instansi (CSV)"),
              ("data/indikator.csv", "Capaian setiap indikator dari tahun ke tahun (CSV)"),
              ("data/portal.json", "Semua laporan dan angkanya (JSON)"))


def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(default_layouts())), autoescape=select_autoescape(default=True),
                       undefined=StrictUndefined, keep_trailing_newline=True)


def files(summaries: Sequence[dict[str, Any]]) -> dict[str, bytes]:
    """Every file of the portal besides the reports' own sites: {path: bytes}."""
    env = _environment()
    everyone = offices(summaries)
    table = [_row(s) for s in rows(summaries)]
    failed = sorted((s for s in summaries if s["status"] != "ok"), key=lambda s: s["kunci"])
    kinds = sorted({s["jenis"] for s in table}, key=lambda j: (JENIS.index(j) if j in JENIS else len(JENIS), j))
    out: dict[str, bytes] = {}

    def render(path: str, template: str, **context: Any) -> None:
        out[path] = env.get_template(template).render(**context).encode("utf-8")

    render("index.html", "portal.html", root="", rows=table, offices=everyone, failed=failed, jenis=kinds,
           tahun=sorted({s["tahun"] for s in table}, reverse=True))
    for office in everyone:
        indikator = office.indikator()
        years = sorted({y for row in indikator for y in row["tahun"]})
        render(f"{office.slug}/index.html", "portal_instansi.html", root="../", office=office, indikator=indikator,
               years=years)
    render("cari.html", "portal_cari.html", root="")
    render("data.html", "portal_data.html", root="", files=DATA_FILES)
    out["assets/indeks-cari.js"] = search_index(summaries).encode("utf-8")
    out.update(open_data(summaries))
    for name in ASSETS:
        out[f"assets/{name}"] = (default_layouts() / name).read_bytes()
    return out


def _row(s: dict[str, Any]) -> dict[str, Any]:
    """A report's figures with their links made relative to the portal's top folder."""
    figures = {key: {**figure, "tautan": link(s, figure["tautan"])} for key, figure in s["angka"].items()}
    return {**s, "slug": s["kunci"].split("/")[0], "angka": figures, "situs": link(s, "index.html"),
            "pdf": link(s, s["pdf"])}


def search_index(summaries: Sequence[dict[str, Any]]) -> str:
    """Every report's search entries in one index, each titled with its office and year and linked
    into that report's site: the sites' own `cari.js` searches it unchanged."""
    entries = [{"u": link(s, e["u"]), "j": f"{s['instansi']} {s['tahun']} — {e['j']}", "t": e["t"]}
               for s in sorted(summaries, key=lambda s: s["kunci"]) if s["status"] == "ok" for e in s["cari"]]
    return (f"/* Indeks pencarian semua laporan; dibuat saat penyusunan portal. */\n"
            f"window.INDEKS_CARI = {script_literal(entries)};\n")
