"""The portal's comparisons, from the reports' summaries alone: every office side by side, each
office's indikator over the years, and the same as open data (one CSV per comparison, one JSON).

Figures stay the text each report shows ('85,53%'); a number is read back from that text only
to judge naik, turun or tetap and to give the open data a plain number, so the judgement is
the one a reader makes from the figures on the pages.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from ..numbers import parse_printed_number
from ..render.opendata import inert, raw

JENIS = ("kecamatan", "kelurahan", "dinas", "badan", "kantor", "sekretariat", "inspektorat", "lainnya")
"""The kinds of office in the order the filter offers them (as `data/laporan.yaml` names them)."""


def shown_number(text: str | None) -> Decimal | None:
    """'-120%' -> -120, '80% (sementara)' -> 80, 'Rp1.200.000' -> 1200000; words give None."""
    if not text:
        return None
    text = text.strip()
    negative = text[:1] in ("-", "\u2212")
    value = parse_printed_number(text[1:] if negative else text)
    return -value if negative and value is not None else value


def trend(before: str | None, now: str | None) -> str:
    """naik, turun or tetap from two figures as shown; '' where either is not a number."""
    a, b = shown_number(before), shown_number(now)
    if a is None or b is None:
        return ""
    return "naik" if b > a else "turun" if b < a else "tetap"


def link(summary: dict[str, Any], page: str | None) -> str | None:
    """A page of a report's site, relative to the portal's top folder."""
    return f"{summary['kunci']}/{page}" if page else None


@dataclass(frozen=True)
class Office:
    slug: str
    instansi: str
    jenis: str
    daerah: str
    reports: tuple[dict[str, Any], ...]
    """Its built reports, latest year first."""
    failed: tuple[dict[str, Any], ...]

    def indikator(self) -> list[dict[str, Any]]:
        """Each indikator (by its id) with its capaian in every year's report, and the word against the
        year before it that shows one; named as the latest report names it."""
        years = sorted(self.reports, key=lambda s: s["tahun"])
        rows: dict[str, dict[str, Any]] = {}
        for s in years:
            for ind in s["indikator"]:
                row = rows.setdefault(ind["id"], {"id": ind["id"], "tahun": {}})
                row["nama"] = ind["nama"]
                row["tahun"][s["tahun"]] = {"capaian": ind["capaian"], "tautan": link(s, ind["tautan"])}
        for row in rows.values():
            previous = None
            for year in sorted(row["tahun"]):
                cell = row["tahun"][year]
                cell["status"] = trend(previous, cell["capaian"]) if previous is not None else ""
                previous = cell["capaian"]
        order = {ind["id"]: i for s in reversed(years) for i, ind in enumerate(s["indikator"])}
        return sorted(rows.values(), key=lambda r: (order.get(r["id"], 0), r["id"]))


def offices(summaries: Sequence[dict[str, Any]]) -> list[Office]:
    by_slug: dict[str, list[dict[str, Any]]] = {}
    for s in summaries:
        by_slug.setdefault(s["kunci"].split("/")[0], []).append(s)
    out = []
    for slug, group in sorted(by_slug.items()):
        ok = sorted((s for s in group if s["status"] == "ok"), key=lambda s: -s["tahun"])
        failed = sorted((s for s in group if s["status"] != "ok"), key=lambda s: s["kunci"])
        latest = ok[0] if ok else group[0]
        out.append(Office(slug, latest["instansi"], latest.get("jenis") or "", latest.get("daerah", ""),
                          tuple(ok), tuple(failed)))
    return sorted(out, key=lambda o: (o.instansi.casefold(), o.slug))


def rows(summaries: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The side-by-side table: one row per built report, latest year first, then by office."""
    ok = [s for s in summaries if s["status"] == "ok"]
    return sorted(ok, key=lambda s: (-s["tahun"], s["instansi"].casefold(), s["kunci"]))


COLUMNS = {
    "capaian": ("Rata-rata capaian (%)",),
    "serapan": ("Serapan anggaran (%)",),
    "ikm": ("IKM", "Mutu"),
}


def open_data(summaries: Sequence[dict[str, Any]]) -> dict[str, bytes]:
    """`data/<comparison>.csv` and `data/portal.json`: plain numbers, text made inert for spreadsheets."""
    ordered = rows(summaries)
    head = ["Instansi", "Jenis", "Daerah", "Tahun"]
    out: dict[str, bytes] = {}
    for key, names in COLUMNS.items():
        lines = []
        for s in ordered:
            figure = s["angka"].get(key)
            if figure:
                extra = [figure.get("mutu", "")] if key == "ikm" else []
                lines.append([*_who(s), _number(figure["teks"]), *map(inert, extra), link(s, figure["tautan"])])
        out[f"data/{key}.csv"] = _csv([*head, *names, "Halaman"], lines)
    out["data/predikat.csv"] = _csv([*head, "Predikat", "Jumlah indikator", "Halaman"], [
        [*_who(s), inert(c["predikat"]), _number(c["jumlah"]), link(s, s["angka"]["predikat"]["tautan"])]
        for s in ordered if "predikat" in s["angka"] for c in s["angka"]["predikat"]["jumlah"]])
    out["data/indikator.csv"] = _csv(["Instansi", "Jenis", "Daerah", "Indikator", "Tahun", "Capaian (%)", "Status",
                                      "Halaman"], [
        [inert(o.instansi), o.jenis, inert(o.daerah), inert(row["nama"]), year, _number(cell["capaian"]),
         cell["status"], cell["tautan"]]
        for o in offices(summaries) for row in o.indikator() for year, cell in sorted(row["tahun"].items())])
    out["data/portal.json"] = _json(summaries)
    return out


def _who(s: dict[str, Any]) -> list[Any]:
    return [inert(s["instansi"]), s.get("jenis") or "", inert(s.get("daerah", "")), s["tahun"]]


def _number(text: str) -> Any:
    value = shown_number(text)
    return raw(value) if value is not None else inert(text)


def _csv(header: list[str], lines: list[list[Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in line] for line in lines)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json(summaries: Sequence[dict[str, Any]]) -> bytes:
    """Every report with its figures (as shown and as numbers) and links; those that failed, with their error."""
    reports = []
    for s in sorted(summaries, key=lambda s: s["kunci"]):
        entry = {k: s.get(k) for k in ("instansi", "jenis", "daerah", "tahun", "status")}
        if s["status"] != "ok":
            reports.append({**entry, "galat": s["galat"]})
            continue
        figures = {}
        for key, figure in s["angka"].items():
            if key == "predikat":
                figures[key] = {"jumlah": [{"predikat": c["predikat"], "jumlah": _number(c["jumlah"])}
                                           for c in figure["jumlah"]], "tautan": link(s, figure["tautan"])}
            else:
                figures[key] = {**figure, "nilai": _number(figure["teks"]), "tautan": link(s, figure["tautan"])}
        reports.append({**entry, "draf": s["draf"], "angka": figures, "situs": link(s, "index.html"),
                        "pdf": link(s, s["pdf"]), "indikator": [
                            {"id": i["id"], "nama": i["nama"], "capaian": i["capaian"],
                             "nilai": _number(i["capaian"]), "tautan": link(s, i["tautan"])}
                            for i in s["indikator"]]})
    return (json.dumps({"laporan": reports}, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
