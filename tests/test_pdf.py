"""The PDF of the bundled report read as an inspector reads it, with pypdf alone (tests/pdftext.py).

One build (the session's `built`): page labels, the Daftar Isi and Daftar Tabel against
the pages where the headings and captions really are, signature blocks never split, no
page holding only a heading or a caption, tables split only where they may be (read from
the PDF's structure tree), every number of every table in the text, wide tables on
landscape pages, bookmarks, links, metadata, tags and embedded fonts.
"""
from __future__ import annotations

import html
import io
import re

import pdftext
import pytest
from pypdf import PdfReader

from lkjip.print.document import _sections
from lkjip.print.pagination import TAIL_SHARE
from lkjip.print.tables import EDGE_ROWS, SHORT_ROWS, cell_text

PDF = "lkjip-kecamatan-pungging-2024.pdf"
LEADER = re.compile(r"^\s*(.*?)\s*\.{2,}\s*([ivxlc]+|\d+)\s*$")   # a long title leaves room for two dots


@pytest.fixture(scope="module")
def pdf(built):
    """The PDF's path, its reader, each page as text lines (columns apart) and as its cells one per line."""
    path = built[0] / "site" / PDF
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    pages = pdftext.read(reader)
    layout = [p.text().replace("\xa0", " ") for p in pages]
    raw = ["\n".join(c for line in p.cells() for c in line).replace("\xa0", " ") for p in pages]
    return path, reader, layout, raw, pages


def test_pdf_holds_the_whole_report(pdf):
    _, reader, layout, _, _ = pdf
    text = " ".join(flat(p) for p in layout)
    assert len(reader.pages) > 40
    for needle in ["DAFTAR ISI", "KATA PENGANTAR", "BAB I PENDAHULUAN", "BAB III AKUNTABILITAS KINERJA",
                   "Tabel 3.8", "81.574", "2.615.163.480", "2.505.613.366", "95,81%", "101,24%", "CATATAN PEMERIKSAAN",
                   "SOP PENGUMPULAN DATA", "19780610 199809 1 001"]:
        assert needle in text, needle


def test_pdf_has_bookmarks_and_landscape_pages(pdf):
    _, reader, _, _, _ = pdf
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert "BAB III AKUNTABILITAS KINERJA" in titles
    widths = {round(float(p.mediabox.width)) for p in reader.pages}
    assert widths == {595, 842}


def flat(text: str) -> str:
    return " ".join(text.split())


def page_of(label: str, reader) -> int:
    return reader.page_labels.index(label)


def contents(layout_pages, first_title: str) -> list[tuple[str, str]]:
    """(title, page label) of a Daftar Isi/Tabel: its pages from the one titled `first_title`, titles
    wrapped onto several lines joined."""
    start = next(i for i, p in enumerate(layout_pages) if p.strip().startswith(first_title))
    entries, pending = [], ""
    for page in layout_pages[start:start + 3]:
        if page is not layout_pages[start] and re.match(r"\s*(DAFTAR|BAB|KATA)", page):
            break
        for line in page.splitlines():
            match = LEADER.match(line)
            if match:
                entries.append((flat(pending + " " + match.group(1)), match.group(2)))
                pending = ""
            elif line.strip() not in ("", first_title, "LAMPIRAN") and not re.fullmatch(r"\s*[ivxlc]+\s*", line):
                pending += " " + line        # a title wrapped onto the next line
    return entries


def test_page_labels_are_roman_in_the_front_matter_then_arabic_from_bab_i(pdf):
    _, reader, layout, _, _ = pdf
    labels = reader.page_labels
    assert labels[:7] == ["Sampul", "i", "ii", "iii", "iv", "1", "2"]   # iv: the Daftar Gambar of the charts
    assert labels[-1] == str(len(labels) - 5)
    assert flat(layout[page_of("i", reader)]).startswith("KATA PENGANTAR")
    assert flat(layout[page_of("ii", reader)]).startswith("DAFTAR ISI")
    assert "BAB I PENDAHULUAN" in flat(layout[page_of("1", reader)])
    for label, text in zip(labels[1:], layout[1:], strict=True):   # the folio printed at the foot is the label
        assert text.strip().splitlines()[-1].strip() == label


def test_daftar_isi_lists_chapters_sections_and_every_lampiran_at_their_real_pages(pdf):
    _, reader, layout, _, _ = pdf
    entries = contents(layout, "DAFTAR ISI")
    titles = [t for t, _ in entries]
    assert titles[:9] == ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "BAB I PENDAHULUAN",
                          "A. Gambaran Umum Organisasi", "B. Struktur Organisasi",
                          "C. Peran dan Aspek Strategi Organisasi", "BAB II RENCANA KINERJA"]
    assert "B. ANALISIS CAPAIAN KINERJA" in titles and "C. Prestasi yang dicapai :" in titles
    lampiran = [t for t in titles if re.match(r"\d+\. ", t)]
    assert lampiran[0] == "1. STRUKTUR ORGANISASI" and lampiran[-1] == "10. SOP PENGUMPULAN DATA"
    assert len(lampiran) == 10 and titles[-1] == "CATATAN PEMERIKSAAN"
    for title, label in entries:
        heading = re.sub(r"^\d+\. ", "", title)
        assert heading in flat(layout[page_of(label, reader)]), (title, label)


def test_daftar_tabel_numbers_are_the_pages_of_the_captions(pdf, built):
    _, reader, layout, _, _ = pdf
    entries = contents(layout, "DAFTAR TABEL")
    assert entries[0] == ("Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024)", "2")
    assert ("Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024",
            layout_label(reader, layout, "Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024 "
                                         "Realisasi")) in entries
    captions = {t.caption for t in built[1].tables.values() if any(t.id in p.tables for p in built[1].pages)}
    assert {t for t, _ in entries} == captions      # each caption once, where it first appears
    for title, label in entries:
        assert title in flat(layout[page_of(label, reader)]), (title, label)


def test_figures_are_numbered_once_through_the_document_as_the_daftar_gambar_lists_them(pdf):
    _, reader, layout, _, _ = pdf
    entries = contents(layout, "DAFTAR GAMBAR")
    assert [t.split(".")[0] for t, _ in entries] == ["Gambar 1", "Gambar 2", "Gambar 3"]
    body = " ".join(flat(p) for p in layout[page_of("1", reader):])
    captions = re.findall(r"Gambar (\d+)\. Grafik", body)
    assert captions == ["1", "2", "3"]
    for title, label in entries:
        assert title.split(". ", 1)[0] in flat(layout[page_of(label, reader)]), (title, label)


def layout_label(reader, layout, text: str) -> str:
    """The label of the first page after the front matter that holds `text`."""
    return reader.page_labels[next(i for i, p in enumerate(layout) if i >= page_of("1", reader) and text in flat(p))]


def test_every_signature_block_has_its_jabatan_name_and_nip_on_one_page(pdf, built):
    _, _, _, raw, _ = pdf
    signers = {"camat": ("CAMAT PUNGGING", "AMSAR AZHARI SIREGAR, SH., MM.", "NIP. 19780610 199809 1 001"),
               "bupati": ("BUPATI MOJOKERTO", "dr. IKFINA FAHMAWATI, M.Si", None)}
    placed = {"camat": 8, "bupati": 4}    # Kata Pengantar, two PK pages each, IKU, Inovasi, RATL
    for who, (jabatan, nama, nip) in signers.items():
        found = 0
        for page in raw:
            lines = [line.strip() for line in page.splitlines()]
            count = lines.count(nama)
            assert lines.count(jabatan) == count and (nip is None or lines.count(nip) == count), page[:200]
            found += count
        assert found == placed[who]


def test_the_perjanjian_kinerja_parties_sign_side_by_side(pdf):
    path, reader, layout, _, _ = pdf
    page = next(p for p in layout if "Selaku atasan pihak pertama" in p)
    row = next(line for line in page.splitlines() if "Pihak Kedua" in line)
    assert re.search(r"Pihak Kedua\s{10,}Pihak Pertama", row)
    names = next(line for line in page.splitlines() if "IKFINA" in line and "AMSAR" in line)
    assert re.search(r"dr\. IKFINA FAHMAWATI, M\.Si\s{5,}AMSAR AZHARI SIREGAR, SH\., MM\.", names)


def test_no_page_holds_only_a_heading_or_a_caption(pdf):
    _, _, layout, _, _ = pdf
    for number, page in enumerate(layout[1:], 2):
        body = [line for line in page.splitlines() if line.strip()][1:-1]   # without running header and folio
        if "tidak dimuat dalam versi ini" in page:
            continue   # a lampiran whose picture is only on paper: its heading, title and the note saying so
        assert len(body) >= 4, (number, page)


def kids(element) -> list:
    """The structure elements under a tagged-PDF structure element."""
    found = element.get("/K", [])
    objects = [k.get_object() for k in (found if isinstance(found, list) else [found])]
    return [k for k in objects if isinstance(k, dict) and "/S" in k]   # not marked-content ids


def table_pieces(reader) -> list[tuple[int, int]]:
    """(page index, body rows) of every piece of a table, in order: WeasyPrint tags the piece of a
    table on each page as a table of its own, and each row with its page."""
    pages = {p.indirect_reference.idnum: i for i, p in enumerate(reader.pages)}
    out = []

    def walk(element):
        for kid in kids(element):
            if kid["/S"] != "/Table":
                walk(kid)
                continue
            rows = [row for group in kids(kid) if group["/S"] == "/TBody" for row in kids(group)]
            out.append((pages[rows[0].raw_get("/Pg").idnum], len(rows)))
    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    return out


def printed_tables(result) -> list[tuple[str, int, list[str]]]:
    """(caption, body rows, notes) of every table (or part of a split table) in the print document, in order."""
    found = re.compile(r'<p class="judul-tabel[^>]*>(.*?)</p>\s*<table class="tabel">.*?<tbody>(.*?)</tbody>\s*'
                       r'</table>\s*(?:<div class="catatan-tabel">(.*?)</div>)?', re.S)

    def text(markup):
        return html.unescape(re.sub(r"<[^>]+>", "", markup))
    return [(text(m.group(1)), m.group(2).count("<tr"), [flat(text(n)) for n in re.findall(r"<p.*?</p>", m.group(3) or "")])
            for s in _sections(result.pages, ()) for m in found.finditer(s.body)]


def content_ends(pages) -> list[float]:
    """How far down its content area each page's text ends (0 at the top, 1 at the bottom): baselines
    between the margins of print.css, portrait (2,5 cm top, 2,2 cm bottom) or landscape (1,8 and 1,5)."""
    ends = []
    for page in pages:
        top, bottom = ((2.5, 2.2) if page.height > page.width else (1.8, 1.5))
        top, bottom = top / 2.54 * 72, page.height - bottom / 2.54 * 72
        ends.append((page.lowest(top, bottom) - top) / (bottom - top))
    return ends


def test_tables_break_only_when_long_keeping_rows_together_and_no_page_holds_only_a_tail(pdf, built):
    _, reader, layout, _, pages = pdf
    pieces, ends = iter(table_pieces(reader)), content_ends(pages)
    tables = printed_tables(built[1])
    assert len(tables) > 30 and sum(len(notes) for _, _, notes in tables) >= 20
    split = []
    for caption, rows, notes in tables:
        parts = [next(pieces)]
        while sum(n for _, n in parts) < rows:
            parts.append(next(pieces))
        assert sum(n for _, n in parts) == rows, (caption, parts)
        if len(parts) > 1:
            split.append(caption)
            assert rows > SHORT_ROWS and all(n >= EDGE_ROWS for _, n in parts), (caption, parts)
            assert ends[parts[-1][0]] > TAIL_SHARE, (caption, parts)   # its last rows not alone on a page
        assert all(note in flat(layout[parts[-1][0]]) for note in notes), (caption, notes)   # notes with the end
    assert len(split) >= 3 and any("bagian 3 dari 3" in c for c in split)


def table_numbers(result) -> set[str]:
    """Every number in every cell of every table the report places, as printed (units in the header)."""
    placed = {t for p in result.pages for t in p.tables}
    found = set()
    for table in result.catalog.available_tables().values():
        if table.id not in placed:
            continue
        for row in table.rows:
            for cell in (c for c in row.cells if row.kind != "bagian" and c is not None):
                found.update(re.findall(r"\d+(?:[.,]\d+)*", cell_text(cell, "")))
    return found


def test_every_number_of_the_tables_is_in_the_text_unbroken(pdf, built):
    _, _, layout, _, _ = pdf
    text = " ".join(flat(p) for p in layout)
    words = set(re.findall(r"\d+(?:[.,]\d+)*", text))
    numbers = table_numbers(built[1])
    assert len(numbers) > 300
    assert sorted(numbers - words) == []
    # printed in the seed: Renstra amounts and kode rekening, population, budget, NIP
    for seed in ["3.993.039.900", "4.267.452.693", "7.01.01.06.01.01.02", "81.574", "40.968", "2.615.163.480",
                 "2.505.613.366", "95,81", "2.360.146.480", "177.280.000", "19780610 199809 1 001", "90,25"]:
        assert seed in text, seed
    assert "3.993.0 " not in text and "Rp3.993.0" not in text


def body_pages(reader, layout):
    """(index, text) of the pages after the front matter."""
    return [(i, p) for i, p in enumerate(layout) if i >= page_of("1", reader)]


def test_units_stand_in_the_headers_not_in_every_cell(pdf):
    _, reader, layout, _, _ = pdf
    page = next(p for _, p in body_pages(reader, layout)
                if "Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024\n" in p)
    assert "Pagu (Rp.)" in page and flat(page).count("(Rp.)") == 2   # the signed document's own headers
    assert "Rp2.615.163.480" not in page and "2.615.163.480" in page


def test_wide_tables_go_on_landscape_pages_split_with_their_identifying_columns(pdf):
    _, reader, layout, _, _ = pdf

    def widths(text):
        return [round(float(reader.pages[i].mediabox.width)) for i, p in body_pages(reader, layout) if text in flat(p)]
    assert widths("Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu) (bagian") == [842, 842, 842]
    for n in (1, 2, 3):
        assert (f"(bagian {n} dari 3; kolom Tujuan, Kode, Program dan Kegiatan, Indikator Kinerja Tujuan, Sasaran "
                "Pgram (outcome) dan Kegiatan (output) diulang pada setiap bagian)") in " ".join(flat(p) for p in layout)
    assert widths("REALISASI ANGGARAN KECAMATAN PUNGGING KABUPATEN MOJOKERTO BULAN : DESEMBER 2024 Kode") == [842]
    assert widths("Perubahan RKPD Tahun 2024 Kabupaten Mojokerto Rancangan Akhir") == [842]
    assert widths("MATRIK RENJA Perubahan RKPD") == [842]   # the title on the table's page, not alone
    assert widths("Tabel 3.1 Pencapaian Kinerja CAPAIAN No SASARAN") == [595, 595]


def texts_on(page) -> list[tuple[str, float, float, float]]:
    """Every piece of text on a page: (text, size on paper in pt, left and right edge in pt), its
    size and place as drawn (scaled and moved by the text and graphics matrices), its width
    measured in DejaVu Sans."""
    return [(p.text, p.size, p.x, p.right) for p in page.pieces]


def test_charts_are_printed_at_their_own_size_with_labels_and_values_of_7_to_9_pt_never_cut(pdf, built):
    _, reader, layout, _, read = pdf
    catalog = built[1].catalog
    placed = [html.unescape(t) for p in built[1].pages for t in re.findall(r'data-judul="([^"]+)"', p.body_cetak)]
    charts = [c for c in (catalog.chart(id) for id in sorted(catalog.charts)) if any(t.startswith(c.judul) for t in placed)]
    words = {s for c in charts for s in c.series} | {g.label for c in charts for g in c.groups}
    pages = [i for i, p in body_pages(reader, layout) if re.search(r"^\s*Gambar \d+\. ", p, re.M)]
    assert len(pages) == len(charts) == 3
    for i in pages:
        found = texts_on(read[i])
        sizes = [size for text, size, _, _ in found if text in words]
        assert sizes and all(7 <= size <= 9 for size in sizes), (reader.page_labels[i], sorted(set(sizes)))
        right = float(reader.pages[i].mediabox.width) - 2 / 2.54 * 72      # the right margin of print.css
        assert all(end <= right + 1 for _, _, _, end in found), (reader.page_labels[i], max(found, key=lambda t: t[3]))


def test_bookmarks_for_chapters_sections_tables_and_lampiran(pdf):
    _, reader, _, _, _ = pdf

    def tree(items):
        out = []
        for item in items:
            if isinstance(item, list):
                out[-1] = (out[-1][0], tree(item))
            else:
                out.append((item.title, []))
        return out
    outline = dict(tree(reader.outline))
    assert list(outline)[:5] == ["KATA PENGANTAR", "DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GAMBAR", "BAB I PENDAHULUAN"]
    assert list(outline)[-1] == "CATATAN PEMERIKSAAN"
    bab3 = dict(outline["BAB III AKUNTABILITAS KINERJA"])
    assert list(bab3) == ["A. CAPAIAN KINERJA", "B. ANALISIS CAPAIAN KINERJA"]
    assert [t for t, _ in bab3["B. ANALISIS CAPAIAN KINERJA"]][-1] == \
        "Tabel 3.8 Perbandingan jumlah anggaran dan penyerapan anggaran Tahun 2024"
    lampiran = [t for t, _ in outline["LAMPIRAN"]]
    assert len(lampiran) == 10 and lampiran[0] == "STRUKTUR ORGANISASI"


def test_daftar_isi_entries_are_links(pdf):
    _, reader, _, _, _ = pdf
    page = reader.pages[page_of("ii", reader)]
    links = [a.get_object() for a in page.get("/Annots", []) if a.get_object()["/Subtype"] == "/Link"]
    targets = {str(a["/Dest"]) for a in links}
    assert len(targets) == 30       # 4 front entries, 4 chapters with 11 sections, 10 lampiran, the annex
    assert {"kata-pengantar", "daftar-isi", "bab-bab-3-akuntabilitas-kinerja",
            "bab-3-akuntabilitas-kinerja--b-analisis-capaian-kinerja", "bab-lampiran-iku"} <= {
        t.replace("bab-kata-pengantar", "kata-pengantar") for t in targets}


def test_metadata_language_tags_and_page_mode(pdf):
    path, reader, _, _, _ = pdf
    info = reader.metadata
    assert info["/Title"] == "Laporan Kinerja Instansi Pemerintah Kecamatan Pungging 2024"
    assert info["/Author"] == "Kecamatan Pungging"
    assert info["/Subject"] == ("Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan Pungging, "
                                "Kabupaten Mojokerto, Tahun 2024")
    root = reader.trailer["/Root"]
    assert "akuntabilitas kinerja" in info["/Keywords"] and bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "id-ID" and "/StructTreeRoot" in root and root["/PageMode"] == "/UseOutlines"
    assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()    # declared PDF/UA-1


def test_every_font_is_embedded_from_the_bundled_fonts(pdf):
    _, reader, _, _, _ = pdf
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert len(fonts) >= 3
    for name, embedded in fonts.items():
        assert name.lstrip("/").split("+", 1)[1].startswith("Laporan") and embedded, name


def test_a_note_mark_leads_to_its_entry_in_the_annex(pdf):
    """P2 beside 80.750 in Bab I links to the Catatan Pemeriksaan's entry P2, not to the start of Bab I."""
    _, reader, _, _, _ = pdf
    names = reader.named_destinations
    annex = reader.get_destination_page_number(names["bab-catatan-pemeriksaan"])
    marks = [(i, dest) for i, page in enumerate(reader.pages) for a in (page.get("/Annots") or [])
             if (dest := str(a.get_object().get("/Dest", ""))).startswith("pemeriksaan-")]
    assert marks and all(i < annex for i, _ in marks)
    assert all(reader.get_destination_page_number(names[dest]) >= annex for _, dest in marks)
    assert any(dest == "pemeriksaan-2" for _, dest in marks)
