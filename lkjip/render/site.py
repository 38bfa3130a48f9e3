"""The published site as a map {relative path: bytes}: pages, navigation, styles, open data, search.

Nothing is written here. Every link is relative, so the site works offline, from file:// and
from any sub-folder of the office's web server. Two writers of one path is an error. What
is published speaks to readers only: no file names, data keys or build notes (those go to
the author report, `lkjip.render.author`).
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..check.corrections import Corrections
from ..check.findings import Pemeriksaan, Shown, Temuan
from ..core.catalog import Catalog
from ..diagnostics import Diagnostic, Loc, error
from ..output import safe_output_path
from ..record.edition import Ralat
from ..source.markdown import BlockKind, short_slug, slugify
from ..views.blocks import BLOCK_KINDS, Card
from ..views.tables import Table
from . import charts, opendata, pemeriksaan, search
from . import ralat as ralat_page
from .chapters import PRINT, SITE, Page
from .document import FigureBlock, ListBlock, Rendered, SignatureBlock, TableBlock
from .identity import SiteInfo
from .order import figure_number, reading_order
from .templates import Templates, safe

STATIC = ("style.css", "cari.js", "tabel.js", "favicon.svg")
DATA_PAGE, SEARCH_PAGE = "data.html", "cari.html"
FINDINGS_PAGE = pemeriksaan.FINDINGS_PAGE


class Output:
    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}
        self.problems: list[Diagnostic] = []

    def add(self, path: str, data: bytes | str, origin: str) -> None:
        if not safe_output_path(path):
            self.problems.append(error(Loc(origin), f"nama berkas keluaran tidak dapat dipakai: '{path}'",
                                       "nama file di content/ dan gambar tidak boleh berawalan titik atau memuat "
                                       "'..', '\\' atau karakter kendali", "output-path"))
            return
        if path in self.files:
            self.problems.append(error(Loc(origin), f"dua sumber menulis berkas keluaran yang sama: '{path}'",
                                       "ganti nama salah satu file di content/", "output-clash"))
            return
        self.files[path] = data.encode("utf-8") if isinstance(data, str) else data


def marker_link(k: Temuan, target: str) -> str:
    """Where a note mark leads: the site's Catatan Pemeriksaan page, or in print the entry of the
    same id in the PDF's annex."""
    return f"{FINDINGS_PAGE}#{k.anchor}" if target == SITE else f"#{k.anchor}"


def table_anchors(tables: Mapping[str, Table]) -> dict[str, str]:
    """A readable, unique anchor per table, from its number or title (never its data id)."""
    out: dict[str, str] = {}
    for id, t in tables.items():
        base = "tabel-" + short_slug(t.nomor or t.judul, 48)
        anchor, n = base, 1
        while anchor in out.values():
            n += 1
            anchor = f"{base}-{n}"
        out[id] = anchor
    return out


def head_starts(table: Table) -> list[list[int]]:
    """The first column each header cell covers, row by row (cells spanning rows from above
    take their columns first), so the header of the column that stays put can stay put too."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table.head()):
        col, starts = 0, []
        for h in row:
            while (r, col) in taken:
                col += 1
            starts.append(col)
            taken.update((r + dr, col + dc) for dr in range(h.rowspan) for dc in range(h.colspan))
            col += h.colspan
        out.append(starts)
    return out


# The page's geometry in rem, as layouts/style.css draws it: below DESKTOP the navigation folds into a
# menu and the page has 1rem of margin; from DESKTOP on, a NAV-wide sidebar and 2rem of margin, and the
# text column is at most TEXT wide. A wide table breaks out of the text column and into 1rem of margin.
DESKTOP, NAV, TEXT = 60, 15, 68
WIDE_COLUMNS = 7


@dataclass(frozen=True)
class Fit:
    """How a table meets the screen, decided at build time: whether it is wide (it takes the whole
    width beside the navigation, with tighter cells), about how wide a screen it needs before it
    stops scrolling sideways (the hint's fallback when the page's script does not run: the script
    measures instead), and whether it is long as well (then its box scrolls down too)."""

    wide: bool
    needs: int            # the narrowest phone screen, in rem, on which it fits (a desktop needs NAV + 2 more)
    tall: bool

    @property
    def classes(self) -> str:
        hint = f"geser-{self.needs}" if self.needs <= 100 else "geser-selalu"
        return " ".join(c for c in ("lebar" if self.wide else "", hint, "tinggi" if self.tall else "") if c)


def fit(table: Table) -> Fit:
    wide = table.wide or table.width >= WIDE_COLUMNS
    least = min_width(table, 0.8 if wide else 0.9, 0.7 if wide else 0.9)
    needs = least if wide else least + 2
    if not wide and least > TEXT:
        needs = 999          # wider than the text column: it scrolls on any screen
    return Fit(wide, 5 * math.ceil(needs / 5), len(table.rows) > 14 and least > DESKTOP)


def min_width(table: Table, font: float = 0.9, padding: float = 0.9) -> float:
    """The narrowest the table can be, in rem: what no column can wrap below (its longest word, or
    a whole number, which never wraps), at the table's font size and cell padding (in rem)."""
    total = 0.0
    for i, col in enumerate(table.columns):
        longest = max((len(w) for w in col.label.split()), default=1)
        for row in table.rows:
            cell = row.cells[i] if row.kind != "bagian" else None
            if cell is None or cell.value.is_empty:
                continue
            text = cell.value.text()
            longest = max(longest, len(text) if cell.value.is_number else max(len(w) for w in text.split()))
        total += 0.58 * longest * font + padding + 0.07
    return total


def block_renderer(templates: Templates, tables: Mapping[str, Table], word: str = "Gambar") -> Any:
    """The site's `BlockRenderer`; `word` is what the office calls its figures (`gambar.sebutan`)."""
    anchors, csv = table_anchors(tables), opendata.csv_names(tables)
    seen: dict[tuple[str, str], int] = {}

    def render_block(kind: BlockKind, obj: Any, target: str, marks: Shown, number: int | None = None) -> Rendered:
        if kind == "grafik":
            anchor = "grafik-" + anchors.get(obj.id, "tabel").removeprefix("tabel-")
            return Rendered(templates.render(BLOCK_KINDS[kind].site_template, item=obj,
                                             svg=safe(charts.svg(obj, anchor)), target=target, anchor=anchor,
                                             nomor=safe(figure_number(word, number))),
                            FigureBlock(obj.id, obj.judul, anchor, number))
        if kind != "tabel":
            entry = ListBlock(obj.id) if kind == "daftar" else SignatureBlock(obj.id)
            return Rendered(templates.render(BLOCK_KINDS[kind].site_template, item=obj, target=target), entry)
        # A table shown twice (Tabel 3.1 in Bab III and Bab IV) needs two anchors in the print document.
        base = anchors.get(obj.id, f"tabel-{slugify(obj.judul)}")
        seen[(target, base)] = seen.get((target, base), 0) + 1
        count = seen[(target, base)]
        anchor = base if count == 1 else f"{base}-{count}"
        found = marks.in_table(obj.id)
        shown = {(r.id, c.key): (k.label, marker_link(k, target), marks.first_id(k)) for r in obj.rows
                 for c in obj.columns if (k := found.get((r.id, c.key))) is not None}  # ids in reading order
        markup = templates.render(BLOCK_KINDS[kind].site_template, item=obj, anchor=anchor, target=target,
                                  marks=shown, csv=csv.get(obj.id), frozen=obj.name_column(), fit=fit(obj),
                                  starts=head_starts(obj), print=target == PRINT)
        return Rendered(markup, TableBlock(obj.id, obj.caption, anchor))
    return render_block


def build_site(templates: Templates, info: SiteInfo, pages: Sequence[Page], tables: Mapping[str, Table],
               marks: Pemeriksaan, cards: Sequence[Card], catalog: Catalog, with_pdf: bool,
               rounding: str = "", corrections: Corrections | None = None, ralat: Ralat | None = None) -> Output:
    """`marks` is what readers are told of the recomputation (nothing in a draft); `corrections`,
    every difference found, goes into the open data's JSON where readers are told of it."""
    out = Output()
    pages, nav = navigation(pages, bool(marks.items), ralat is not None)
    common = {"info": info, "nav": nav, "with_pdf": with_pdf}
    where = {id: _place(id, pages, tables) for id in tables}
    out.add("index.html", templates.render("index.html", page=None, cards=_cards(cards, tables, where),
                                           **common), templates.where("index.html"))
    for i in range(len(pages)):
        out.add(pages[i].path, page_html(templates, pages, i, common), pages[i].file)
    if ralat:
        out.add(ralat_page.PAGE, templates.render("ralat.html", page={"path": ralat_page.PAGE},
                                                  **ralat_page.context(ralat), **common), templates.where("ralat.html"))
    if marks.items:
        out.add(FINDINGS_PAGE, templates.render("pemeriksaan.html", page={"path": FINDINGS_PAGE},
                                                **pemeriksaan.context(marks, pages, rounding), **common),
                templates.where("pemeriksaan.html"))
    told = corrections if corrections is not None and (marks.temuan or marks.pembulatan) else Corrections()
    files = opendata.files(info.base, tables, catalog, told, computed=info.draf or bool(told.items))
    out.add(DATA_PAGE, templates.render("data.html", page={"path": DATA_PAGE}, tables=open_data_list(tables, pages),
                                        json=opendata.json_name(info.base), pemeriksaan=bool(told.items),
                                        **common), templates.where("data.html"))
    for path, data in files.items():
        out.add(path, data, "data/")
    out.add(SEARCH_PAGE, templates.render("cari.html", page={"path": SEARCH_PAGE}, **common),
            templates.where("cari.html"))
    out.add("assets/indeks-cari.js", search.index_script(pages), "content/")
    for name in STATIC:
        found = templates.project.layout_file(name)
        if found is not None:
            out.add(f"assets/{name}", found.read_bytes(), templates.project.label(found))
    return out


def navigation(pages: Sequence[Page], findings: bool, ralat: bool) -> tuple[list[Page], list[dict[str, Any]]]:
    """The pages in reading order (the order and numbers of the PDF's lists) and the site's navigation:
    every page, then the Lembar Ralat, the Catatan Pemeriksaan where there is one, Data and Cari."""
    extra = [(ralat_page.PAGE, ralat_page.TITLE)] if ralat else []
    extra += [(FINDINGS_PAGE, pemeriksaan.TITLE)] if findings else []
    extra += [(DATA_PAGE, "Data Terbuka"), (SEARCH_PAGE, "Cari")]
    placed = reading_order(pages)
    nav = [{"title": p.page.title, "path": p.page.path, "kind": p.page.kind, "nomor": p.nomor} for p in placed]
    nav += [{"title": title, "path": path, "kind": "lain"} for path, title in extra]
    return [p.page for p in placed], nav


def page_html(templates: Templates, pages: Sequence[Page], i: int, common: Mapping[str, Any]) -> str:
    """The HTML file of `pages[i]` (pages in reading order): its title, its contents list, its sections with
    a way back to the top between them, the pages before and after it."""
    page = pages[i]
    contents = page_contents(page)
    body = page.parts[0] + (BACK if contents else "").join(page.parts[1:]) if page.parts else ""
    return templates.render("page.html", page=page, head=safe(page.head), contents=contents, body=safe(body),
                            prev=pages[i - 1] if i > 0 else None, next=pages[i + 1] if i + 1 < len(pages) else None,
                            **common)


def open_data_list(tables: Mapping[str, Table], pages: Sequence[Page]) -> list[dict[str, Any]]:
    """The tables of the Data Terbuka page in the report's order: as the pages (in reading order) show
    them, then those shown on no page. A caption that two entries share (a table shown again elsewhere
    with figures of its own) is told apart by the page each one stands on."""
    csv = opendata.csv_names(tables)
    first: dict[str, Page] = {}
    for page in pages:
        for id in page.tables:
            first.setdefault(id, page)
    order = [id for id in first if id in tables] + [id for id in tables if id not in first]
    captions = [tables[id].caption for id in order]
    out = []
    for id in order:
        t, shown = tables[id], first.get(id)
        label = t.caption
        if captions.count(t.caption) > 1:
            label += f" ({'dimuat lagi di' if t.copy_of else 'di'} {shown.title})" if shown else " (tidak dimuat)"
        out.append({"caption": label, "csv": csv[id], "where": _place(id, pages, tables)})
    return out


def _place(id: str, pages: Sequence[Page], tables: Mapping[str, Table]) -> str | None:
    anchor = table_anchors(tables)[id]
    page = next((p for p in pages if id in p.tables), None)
    return f"{page.path}#{anchor}" if page else None


def _cards(cards: Sequence[Card], tables: Mapping[str, Table], where: Mapping[str, str | None]) -> \
        list[dict[str, Any]]:
    """Each card whose table a chapter places, its figures read from that table as readers see it."""
    out = []
    for card in cards:
        table, link = tables.get(card.tabel), where.get(card.tabel)
        texts = [_cell_text(table, cell) for cell in (card.sel, *card.isi)] if table is not None else [None]
        if link is None or any(t is None for t in texts):
            continue
        out.append({"judul": card.judul, "nilai": texts[0], "keterangan": card.keterangan.format(*texts[1:]),
                    "tautan": link})
    return out


def _cell_text(table: Table, where: tuple[str, str]) -> str | None:
    row, index = table.row(where[0]), table.column(where[1])
    cell = row.cells[index] if row is not None and index is not None and row.kind != "bagian" else None
    # a figure in the house style ('95,81%', 'Rp2.505.613.366') even where the table keeps the
    # document's own writing of it ('95,81' under a '%' header): a card stands without its header
    return replace(cell.value, tulisan="").text() if cell is not None and not cell.value.is_empty else None


def page_contents(page: Page) -> list[dict[str, Any]]:
    """The in-page contents list of a long chapter: its sections (h2) and sub-sections (h3)."""
    items = [{"level": level, "text": text, "anchor": anchor} for level, text, anchor in page.headings
             if level in (2, 3) and anchor]
    return items if len(items) >= 3 else []


BACK = '<p class="ke-atas"><a href="#isi">Kembali ke atas ↑</a></p>\n'
