"""The print document piece by piece, on small inputs: tables on paper, signatures, order, labels,
the cover emblem, and the `pdf` and `html` commands."""
from __future__ import annotations

import io
import struct
import zlib
from decimal import Decimal as D

from markdown_it.token import Token
from pypdf import PdfReader

from lkjip.check.findings import NO_MARKS
from lkjip.cli import main
from lkjip.print.blocks import unbreakable
from lkjip.print.pdf import page_labels
from lkjip.print.tables import header, keeps, layout, numbered_lines
from lkjip.render import signatures
from lkjip.render.chapters import Chapter, Page, render_pages
from lkjip.render.document import print_href
from lkjip.render.order import front_role, reading_order
from lkjip.render.site import marker_link
from lkjip.source.markdown import make_parser, parse
from lkjip.views.tables import Cell, Column, Row, Table, cells, section
from lkjip.views.values import percent, rupiah, source, text

from conftest import write


def table(columns, rows, id="t"):
    return Table(id, "9.9", "Contoh", tuple(columns), tuple(rows))


def test_a_column_of_rupiah_or_percentages_carries_its_unit_in_the_header():
    t = table([Column("program", "Program"), Column("pagu", "Pagu", "rupiah"), Column("serapan", "Serapan", "persen"),
               Column("target", "Target", "angka")],
              [Row("a", cells(text("Program A"), rupiah(2615163480), percent(D("95.81")), source(D(81), "paket")))])
    part = layout(t).parts[0].table
    assert [c.label for c in part.columns] == ["Program", "Pagu (Rp)", "Serapan (%)", "Target"]
    assert [h.align for h in header(part)[0]] == ["teks", "angka", "angka", "angka"]


def test_a_column_whose_label_names_its_unit_is_not_labelled_twice():
    t = table([Column("pagu", "Pagu (Rp)", "rupiah"), Column("persen", "% Capaian", "persen")],
              [Row("a", cells(rupiah(1), percent(D(2))))])
    assert [c.label for c in layout(t).parts[0].table.columns] == ["Pagu (Rp)", "% Capaian"]


def test_a_small_table_stays_portrait_at_body_size():
    t = table([Column("no", "No"), Column("nama", "Desa"), Column("l", "L", "angka")],
              [Row("a", cells(text("1"), text("Puri"), source(1429)))])
    plan = layout(t)
    assert (plan.landscape, plan.compact, len(plan.parts)) == (False, False, 1)


def wide_matrix() -> Table:
    """Three identifying text columns, then two column groups of six rupiah columns each."""
    ident = [Column("tujuan", "Tujuan"), Column("kode", "Kode"), Column("uraian", "Program dan Kegiatan")]
    groups = [Column(f"{g}_{y}_{k}", k, "rupiah", (f"Renstra {g}", f"Tahun {y}"))
              for g in ("Lama", "Baru") for y in (2024, 2025, 2026) for k in ("Rp", "Pagu")]
    row = cells(text("Meningkatnya Kualitas Pelayanan Publik"), text("7.01.01.06.01.01.02"),
                text("Penyediaan Komponen Instalasi Listrik"), *[rupiah(3993039900)] * len(groups))
    return table(ident + groups, [section("s", "Sasaran Strategis", len(ident) + len(groups)), Row("a", row)])


def test_a_matrix_too_wide_for_landscape_is_split_repeating_its_identifying_columns():
    plan = layout(wide_matrix())
    assert plan.landscape and len(plan.parts) == 2
    first, second = (p.table for p in plan.parts)
    assert [c.key for c in first.columns][:3] == ["tujuan", "kode", "uraian"] == [c.key for c in second.columns][:3]
    assert {c.group[0] for c in first.columns if c.group} == {"Renstra Lama"}
    assert {c.group[0] for c in second.columns if c.group} == {"Renstra Baru"}
    assert plan.parts[1].note == "bagian 2 dari 2; kolom Tujuan, Kode, Program dan Kegiatan diulang pada setiap bagian"
    assert second.rows[0].kind == "bagian" and len(second.rows[1].cells) == second.width


def test_numbered_items_in_a_cell_go_one_per_line_only_when_they_count_from_one():
    assert numbered_lines("1. Seperangkat Komputer 2. Renstra 3. Renja") == \
        ["1. Seperangkat Komputer", "2. Renstra", "3. Renja"]
    assert numbered_lines("Naik 2. kali lipat") == ["Naik 2. kali lipat"]


def test_dates_and_amounts_written_with_spaces_never_break():
    assert unbreakable("Mojokerto, 29 Januari 2024: Rp. 22.500 dan 100 %") == \
        "Mojokerto, 29\u00a0Januari\u00a02024: Rp.\u00a022.500 dan 100\u00a0%"


SIG = '<div class="ttd-cetak" id="ttd-{0}" data-ttd="{0}"> <p class="ttd-jabatan">{0}</p> </div>\n'


def grouped(*pieces):
    """The HTML of Markdown paragraphs and signatures (("ttd", id)), grouped on their tokens as
    `render_document` groups a chapter's, and the groups it decided."""
    md = make_parser()
    tokens = []
    for piece in pieces:
        if isinstance(piece, tuple):
            token = Token("html_block", "", 0)
            token.content = SIG.format(piece[1])
            tokens.append(token)
        else:
            tokens += md.parse(piece)

    def text(inline):
        return "".join(c.content for c in inline.children or [] if c.type == "text")
    groups = signatures.group(tokens, lambda t: t.type == "html_block", text)
    return signatures.render(md, tokens, {id(tokens[i]): g for i, g in groups}), [g for _, g in groups]


def test_parties_that_sign_one_after_the_other_stand_side_by_side_with_place_and_date_above_the_last():
    out, groups = grouped("Isi perjanjian.", "Mojokerto, *29 Januari 2024*", "Pihak Kedua", ("ttd", "bupati"),
                          "Pihak Pertama", ("ttd", "camat"), "Lampiran")
    assert len(groups) == 1 and len(groups[0].parties) == 2 and groups[0].place is not None
    assert out.startswith("<p>Isi perjanjian.</p>\n")
    assert out.endswith("</div></div>\n<p>Lampiran</p>\n")
    group = out.split("\n")[1]
    assert group.startswith('<div class="ttd-kelompok berdampingan"><div class="ttd-atas"><div class="ttd-pihak">'
                            '<p class="ttd-tempat">Mojokerto, <em>29 Januari 2024</em></p></div></div>')
    assert group.index("Pihak Kedua") < group.index('data-ttd="bupati"') < group.index("Pihak Pertama") \
        < group.index('data-ttd="camat"')


def test_a_single_signature_keeps_its_place_and_date_but_not_an_ordinary_paragraph():
    out, groups = grouped("Pungging, Januari 2025", ("ttd", "camat"))
    assert out.startswith('<div class="ttd-kelompok"><div class="ttd-atas">') and "Pungging, Januari 2025" in out
    assert len(groups) == 1 and groups[0].place is not None and groups[0].parties[0].label is None
    long = "Kalimat panjang yang bukan tempat dan tanggal. " * 4
    out, groups = grouped(long, ("ttd", "camat"))
    assert out.startswith(f"<p>{long.strip()}</p>\n") and '<div class="ttd-atas">' not in out
    assert groups[0].place is None


def test_front_matter_is_recognised_by_the_words_of_its_title():
    assert front_role("KATA PENGANTAR") == 0 and front_role("Ikhtisar Eksekutif") == 1
    assert front_role("RINGKASAN EKSEKUTIF") == 1 and front_role("BAB I PENDAHULUAN") is None


def test_front_matter_comes_first_and_lampiran_are_numbered_from_one_for_site_and_print():
    def pg(slug, title, kind="bab"):
        return Page(slug, f"content/{slug}.md", title, kind, "", (), ())
    pages = [pg("bab-1", "BAB I PENDAHULUAN"), pg("ikhtisar", "IKHTISAR EKSEKUTIF"), pg("pengantar", "KATA PENGANTAR"),
             pg("lampiran-b", "SOP", "lampiran"), pg("bab-2", "BAB II"), pg("lampiran-a", "IKU", "lampiran")]
    assert [(p.page.slug, p.part, p.nomor) for p in reading_order(pages)] == [
        ("pengantar", "depan", None), ("ikhtisar", "depan", None), ("bab-1", "bab", None), ("bab-2", "bab", None),
        ("lampiran-b", "lampiran", 1), ("lampiran-a", "lampiran", 2)]


def test_links_between_chapters_stay_inside_the_print_document():
    targets = {"bab-2": frozenset({"bab-ii", "a-rencana"}), "bab-3": frozenset({"b-analisis"}),
               "": frozenset({"tabel-capaian"})}
    moved = {href: print_href("bab-2", href, targets) for href in (
        "#a-rencana", "bab-3.html#b-analisis", "bab-3.html#tabel-capaian", "bab-3.html", "https://x.id/a.html",
        "#pemeriksaan-2", "media/foto.png", "bab-9.html")}
    assert moved == {"#a-rencana": "#bab-2--a-rencana", "bab-3.html#b-analisis": "#bab-3--b-analisis",
                     "bab-3.html#tabel-capaian": "#tabel-capaian", "bab-3.html": "#bab-bab-3",
                     "https://x.id/a.html": "https://x.id/a.html",
                     # a note mark leads to its entry in the annex, never to the start of its chapter
                     "#pemeriksaan-2": "#pemeriksaan-2", "media/foto.png": "media/foto.png",
                     "bab-9.html": "bab-9.html"}


def test_a_markdown_link_is_moved_on_its_token_and_the_site_keeps_it(tmp_path):
    md = make_parser()
    chapters = []
    for slug, source_text in (("bab-2", "# BAB II\n\n## A. Rencana\n\nLihat [analisis](bab-3.html#b-analisis).\n"),
                       ("bab-3", "# BAB III\n\n## B. Analisis\n\nKembali ke [rencana](bab-2.html#a-rencana).\n")):
        chapters.append(Chapter(parse(md, source_text, f"content/{slug}.md"), slug=slug))
    pages = render_pages(chapters, None, NO_MARKS, marker_link)
    assert '<a href="#bab-3--b-analisis">analisis</a>' in pages[0].body_cetak
    assert '<a href="bab-3.html#b-analisis">analisis</a>' in pages[0].body
    assert '<a href="#bab-2--a-rencana">rencana</a>' in pages[1].body_cetak
    assert 'id="bab-2--a-rencana"' in pages[0].body_cetak


def test_page_labels_name_the_cover_then_roman_then_arabic():
    anchors = [{"sampul"}, {"bab-kata-pengantar"}, {"daftar-isi"}, {"bab-bab-1"}, set()]
    assert page_labels(anchors, "bab-bab-1") == [(0, {"P": "Sampul"}), (1, {"S": "r"}), (3, {"S": "D"})]
    assert page_labels([{"sampul"}, {"daftar-isi"}], "") == [(0, {"P": "Sampul"}), (1, {"S": "r"})]


def png(width: int = 4, height: int = 4) -> bytes:
    """A tiny valid grey PNG, made here rather than shipped."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_missing_emblem_file_is_an_error_at_its_line(capsys, minimal):
    (minimal / "data/laporan.yaml").write_text((minimal / "data/laporan.yaml").read_text("utf-8")
                                               + "lambang: gambar/lambang.png\n", "utf-8")
    assert main(["check", "--dir", str(minimal), "-q"]) == 1
    assert "data/laporan.yaml:10:10: galat: lambang: berkas 'gambar/lambang.png' tidak ditemukan" in capsys.readouterr().err


def test_pdf_command_writes_only_the_pdf_with_the_emblem_on_the_cover_and_html_keeps_it(capsys, minimal):
    (minimal / "data/laporan.yaml").write_text((minimal / "data/laporan.yaml").read_text("utf-8")
                                               + "lambang: gambar/lambang.png\n", "utf-8")
    write(minimal, {"gambar/.keep": ""})
    (minimal / "gambar/lambang.png").write_bytes(png())
    site = minimal / "site"
    site.mkdir()
    (site / "index.html").write_text("lama", "utf-8")
    assert main(["pdf", "--dir", str(minimal), "-q"]) == 0
    pdf = site / "lkjip-dinas-perpustakaan-dan-kearsipan-2025.pdf"
    assert sorted(p.name for p in site.iterdir()) == ["index.html", pdf.name]
    assert (site / "index.html").read_text("utf-8") == "lama"      # the rest of site/ left as it was
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    assert list(reader.pages[0]["/Resources"]["/XObject"].values())      # the emblem on the cover
    assert reader.page_labels[:3] == ["Sampul", "i", "ii"]
    assert main(["html", "--dir", str(minimal), "-q"]) == 0
    assert pdf.read_bytes() == reader.stream.getvalue()             # the PDF kept, and linked from the site
    assert pdf.name in (site / "index.html").read_text("utf-8")


def test_annexes_follow_the_lampiran_and_figures_fill_a_daftar_gambar_only_when_there_are_some(minimal):
    from lkjip.domain.laporan import LAPORAN
    from lkjip.pipeline import Options, run
    from lkjip.print.document import Annex, print_document
    from lkjip.project import Project
    from lkjip.render.document import FigureBlock
    from lkjip.render.identity import site_info
    from lkjip.render.templates import Templates

    project = Project(minimal)
    result = run(project, Options(pdf=False, write=False))
    lap = result.report.need(LAPORAN)

    def document(annexes):
        return print_document(project, result.pages, [], Templates(project), lap, site_info(lap), annexes).html
    assert "DAFTAR GAMBAR" not in document(())
    figure = '<h1>CATATAN KOREKSI</h1>\n<figure class="gambar" id="gambar-capaian" data-judul="Grafik Capaian">'
    html = document([Annex("catatan-koreksi", "CATATAN KOREKSI", figure + "</figure>\n",
                           (FigureBlock("capaian", "Grafik Capaian", "gambar-capaian"),))])
    assert '<li class="tingkat-1"><a href="#bab-catatan-koreksi">CATATAN KOREKSI</a></li>' in html
    assert '<li class="tingkat-1"><a href="#gambar-capaian">Gambar 1. Grafik Capaian</a></li>' in html
    assert html.index('id="daftar-gambar"') < html.index('id="bab-bab-1-pendahuluan"') \
        < html.index('id="bab-lampiran-perjanjian-kinerja"') < html.index('id="bab-catatan-koreksi"')


def rows_of(*kinds: str, span: dict[int, int] | None = None) -> list[Row]:
    """Rows of these kinds ("data", "jumlah", "bagian", "judul"); `span` gives a row's first cell a rowspan."""
    out = []
    for i, kind in enumerate(kinds):
        if kind == "bagian":
            out.append(section(f"s{i}", "Sasaran", 2))
        else:
            out.append(Row(f"r{i}", (Cell(text(str(i)), (span or {}).get(i, 1)), Cell(text("x"))), kind))
    return out


def breaks(rows) -> list[int]:
    """The rows after which a page may break."""
    return [i for i, keep in enumerate(keeps(rows)) if not keep][:-1]


def test_a_short_table_is_never_split_across_pages():
    assert keeps(rows_of(*["data"] * 12)) == (True,) * 11 + (False,)
    assert keeps(rows_of("data")) == (False,)
    assert keeps([]) == ()


def test_a_long_table_keeps_three_rows_at_each_side_of_a_break_and_totals_with_their_neighbours():
    assert breaks(rows_of(*["data"] * 13)) == [2, 3, 4, 5, 6, 7, 8, 9]
    # a section row stays with the row after it; a total with the rows around it; the last three data
    # rows are counted before the trailing totals ("Jumlah", then "Rata-rata")
    long = rows_of("bagian", *["data"] * 6, "bagian", *["data"] * 6, "jumlah", "jumlah")
    assert breaks(long) == [3, 4, 5, 6, 8, 9, 10]
    # a program's subtotal above its kegiatan and a heading row: never the last row of a page
    budget = rows_of("judul", "jumlah", *["data"] * 5, "jumlah", *["data"] * 6, "jumlah")
    assert breaks(budget) == [4, 5, 8, 9, 10]
    # the rows a cell spans are never parted
    assert breaks(rows_of(*["data"] * 16, span={5: 3})) == [2, 3, 4, 7, 8, 9, 10, 11, 12]


def test_print_markup_marks_the_rows_that_stay_with_the_next(minimal):
    from lkjip.print.blocks import PrintBlocks
    from lkjip.project import Project
    from lkjip.render.templates import Templates
    t = table([Column("no", "No"), Column("x", "X")], rows_of(*["data"] * 3, "jumlah"))
    markup = PrintBlocks(Templates(Project(minimal))).table(t, "tabel-t")
    assert markup.count('class="baris-data lekat"') == 3 and '<tr class="baris-jumlah">' in markup
