"""The signed document as its readers see it, on small tables of its own: a printed value in a
merged cell, units the header names once, the places of the Catatan Pemeriksaan named as the
signed tables name them, causes of writing only, and the print layout of an introduction to a
landscape table."""
from decimal import Decimal as D

import pytest

from lkjip.check.compare import PrintedCell
from lkjip.check.corrections import Corrections, Koreksi, Tempat, as_shown_in, row_label
from lkjip.check.findings import NO_MARKS, Shown, group
from lkjip.diagnostics import Loc
from lkjip.pipeline import Options, run
from lkjip.project import Project
from lkjip.record.signed import as_signed, signed_chart, units_in_headers
from lkjip.render.chapters import PRINT, Chapter, render_document
from lkjip.render.document import Rendered, TableBlock
from lkjip.schema import Printed, Quantity
from lkjip.schema.printed import as_written_number
from lkjip.source.markdown import BlockKind, make_parser, parse
from lkjip.views.charts import Bar, Chart, Group
from lkjip.views.tables import Cell, Column, Row, Table
from lkjip.views.values import Value

from conftest import write

LOC = Loc("data/efisiensi.yaml", 1, 1)


def text(s: str) -> Cell:
    return Cell(Value("teks", s))


def efisiensi() -> Table:
    """Three rows under one sasaran: the computed table writes the sasaran and its number once."""
    columns = (Column("no", "No"), Column("sasaran", "Sasaran"), Column("indikator", "Indikator"),
               Column("serapan", "Penyerapan (%)", "persen"))
    rows = (Row("sakip", (Cell(Value("teks", "3"), 3), Cell(Value("teks", "Tata kelola"), 3), text("SAKIP"),
                          Cell(Value("persen", D("95.67"))))),
            Row("anggaran", (None, None, text("Realisasi anggaran"), Cell(Value("persen", D("95.67"))))),
            Row("asn", (None, None, text("IP ASN"), Cell(Value("persen", D("95.67"))))))
    return Table("efisiensi", "3.7", "Efisiensi", columns, rows)


def printed(row: str, column: str, value) -> PrintedCell:
    return PrintedCell("efisiensi", row, column, Printed(value, LOC))


def test_a_number_printed_in_a_merged_cell_ends_the_merge_above_it():
    """The paper numbers the second row 5 under the sasaran it shares with the first: the number
    column's merge stops there, the sasaran's goes on."""
    signed = as_signed({"efisiensi": efisiensi()}, [printed("anggaran", "no", Quantity(D(5)))])["efisiensi"]
    first, second, third = signed.rows
    assert (first.cells[0].rowspan, first.cells[1].rowspan) == (1, 3)
    assert second.cells[0].value.text() == "5" and second.cells[0].value.kind == "teks"   # the column's kind
    assert third.cells[0] is None and third.cells[1] is None


def test_a_unit_the_header_names_is_not_repeated_in_the_cells():
    """'Penyerapan (%)' prints 95,67, not 95,67%: cells the document printed as written keep their writing."""
    table = as_signed({"efisiensi": efisiensi()},
                      [PrintedCell("efisiensi", "asn", "serapan", Printed(Quantity(D("95.81"), "%"), LOC,
                                                                           tulisan="95,81 %"))])["efisiensi"]
    plain = units_in_headers(table)
    assert [r.cells[3].value.text() for r in plain.rows] == ["95,67", "95,67", "95,81 %"]
    assert plain.rows[0].cells[3].value.raw == D("95.67")   # the open data keep the number


def test_a_header_without_the_unit_keeps_it_in_the_cells():
    table = efisiensi()
    renamed = Table(table.id, table.nomor, table.judul, (*table.columns[:3], Column("serapan", "Penyerapan", "persen")),
                    table.rows)
    assert units_in_headers(renamed).rows[0].cells[3].value.text() == "95,67%"


def program_table() -> Table:
    """Tabel 3.8 of the bundled report, two of its rows, as the data compute it."""
    columns = (Column("program", "Program"), Column("pagu", "Pagu (Rp.)", "rupiah"),
               Column("realisasi", "Realisasi (Rp.)", "rupiah"), Column("persen", "% Capaian", "persen"))
    rows = (Row("pembinaan_desa", (text("Pembinaan desa"), Cell(Value("rupiah", 177_280_000)),
                                   Cell(Value("rupiah", 172_420_950)), Cell(Value("persen", D("97.2568"), places=2)))),
            Row("penunjang", (text("Penunjang"), Cell(Value("rupiah", 2_415_383_480)),
                              Cell(Value("rupiah", 2_310_700_416)), Cell(Value("persen", D("95.6660"), places=2)))))
    return Table("anggaran_program", "3.8", "Perbandingan anggaran", columns, rows)


def program_chart() -> Chart:
    def group(row: Row) -> Group:
        pagu, real, persen = (c.value for c in row.cells[1:])   # type: ignore[union-attr]
        return Group(row.id, (Bar(0, D(pagu.raw), pagu.text(), "pagu"), Bar(1, D(real.raw), real.text(), "realisasi")),
                     f"{persen.text()} terserap", row.id, "persen")
    return Chart("anggaran_program", "", ("Pagu", "Realisasi"), tuple(group(r) for r in program_table().rows),
                 tabel="anggaran_program")


def test_a_chart_of_a_signed_table_writes_the_numbers_the_table_prints():
    """The paper cut 97,2568% to 97,25% (and 95,666% to 95,66%); the chart below the table says the same,
    with its own % sign, while a cell the paper printed as the data give it stays as it was."""
    computed = program_table()
    signed = as_signed({"anggaran_program": computed}, [
        PrintedCell("anggaran_program", "pembinaan_desa", "persen", Printed(Quantity(D("97.25")), LOC, tulisan="97,25")),
        PrintedCell("anggaran_program", "penunjang", "persen", Printed(Quantity(D("95.66")), LOC, tulisan="95,66")),
        PrintedCell("anggaran_program", "penunjang", "pagu", Printed(Quantity(D(2_415_383_480)), LOC))])
    chart = signed_chart(program_chart(), computed, signed["anggaran_program"])
    assert [g.note for g in chart.groups] == ["97,25% terserap", "95,66% terserap"]
    assert [b.text for b in chart.groups[1].bars] == ["Rp2.415.383.480", "Rp2.310.700.416"]
    assert program_chart().groups[0].note == "97,26% terserap"   # as the data compute it


def test_a_bar_is_as_long_as_the_number_printed_beside_it_and_a_dash_leaves_the_computed_one():
    computed = program_table()
    signed = as_signed({"anggaran_program": computed}, [
        PrintedCell("anggaran_program", "pembinaan_desa", "realisasi", Printed(Quantity(D(172_000_000)), LOC)),
        PrintedCell("anggaran_program", "penunjang", "persen", Printed("-", LOC))])
    chart = signed_chart(program_chart(), computed, signed["anggaran_program"])
    realisasi = chart.groups[0].bars[1]
    assert (realisasi.value, realisasi.text) == (D(172_000_000), "Rp172.000.000")
    assert chart.groups[1].note == "95,67% terserap"
    assert signed_chart(program_chart(), computed, None) == program_chart()   # a table no page shows


@pytest.mark.parametrize("written, number", [
    ("87,5 (nilai tahun 2023)", D("87.5")), ("Rp. 2.415.383.480,00", D("2415383480.00")), ("93,15 %", D("93.15")),
    ("1.504", D(1504)), ("3.1 Nilai SAKIP", None), ("Angka IKM", None)])
def test_a_number_as_the_document_wrote_it(written, number):
    found = as_written_number(written)
    assert (found.value if found else None) == number


def koreksi(nomor, row, column, tercetak, shown, alasan_id=None, pembulatan=False) -> Koreksi:
    return Koreksi(nomor, Tempat("bab-3", "BAB III", tabel="Tabel 3.7 Efisiensi", baris="computed name", kolom="x"),
                   tercetak, shown, f"alasan {alasan_id}", LOC, ("efisiensi", row, column),
                   alasan_id=alasan_id, pembulatan=pembulatan)


def test_readers_find_a_place_by_the_names_the_signed_table_prints():
    table = as_signed({"efisiensi": efisiensi()}, [printed("asn", "indikator", "Indeks profesionalitas ASN")])
    found = as_shown_in(Corrections.of([koreksi(1, "asn", "serapan", "-", "95,67%")]), table).items[0]
    assert (found.tempat.tabel, found.tempat.baris, found.tempat.kolom) == (
        "Tabel 3.7 Efisiensi", "Indeks profesionalitas ASN", "Penyerapan (%)")
    assert found.tempat.halaman == "bab-3"


def test_a_row_the_document_left_unnamed_keeps_the_name_the_data_give_it():
    table = as_signed({"efisiensi": efisiensi()}, [printed("asn", "indikator", "")])
    found = as_shown_in(Corrections.of([koreksi(1, "asn", "serapan", "-", "95,67%")]), table).items[0]
    assert found.tempat.baris == "computed name"


def test_the_name_of_a_row_is_its_cell_in_the_column_that_names_rows():
    columns = (Column("no", "No"), Column("indikator", "Indikator"), Column("formulasi", "Formulasi"),
               Column("sumber", "Sumber data"))
    row = Row("sakip", (text("3"), text("Nilai SAKIP"), text("Hasil evaluasi"), text("Inspektorat")))
    assert row_label(Table("iku", None, "IKU", columns, (row,)), row) == "Nilai SAKIP"   # a table of texts: the first


def test_causes_of_writing_only_are_listed_without_marks():
    corrections = Corrections.of([koreksi(1, "sakip", "no", "4", "3", "tata_letak"),
                                  koreksi(2, "sakip", "serapan", "95,81%", "95,67%", "program"),
                                  koreksi(3, "asn", "serapan", "95,66%", "95,67%", pembulatan=True),
                                  koreksi(4, "anggaran", "no", "", "2", "tata_letak")])
    marks = group(corrections, writing=frozenset({"tata_letak"}))
    assert [(t.label, [k.nomor for k in t.tempat]) for t in marks.temuan] == [("P1", [2])]
    assert [[k.nomor for k in t.tempat] for t in marks.penulisan] == [[1, 4]]
    assert [k.nomor for k in marks.pembulatan] == [3]
    assert marks.cell("efisiensi", "sakip", "serapan").label == "P1"
    assert marks.cell("efisiensi", "sakip", "no") is None and marks.places == 1


def test_an_unknown_reason_named_as_writing_only_is_an_error(minimal):
    write(minimal, {"data/koreksi.yaml": "penulisan: [tata_letak, nama_indiktor]\nalasan:\n  tata_letak: Nomor lain.\n"
                                         "  nama_indikator: Nama lain.\n"})
    with pytest.raises(Exception) as failed:
        run(Project(minimal), Options(pdf=False, write=False))
    (e,) = [d for d in failed.value.diagnostics if d.is_error]
    assert (e.loc.file, e.loc.line) == ("data/koreksi.yaml", 1)
    assert e.message == "penulisan menyebut alasan 'nama_indiktor' yang tidak ada di 'alasan'"
    assert e.hint == "maksud Anda 'nama_indikator'?"


def test_an_introduction_and_its_heading_go_onto_the_page_of_the_landscape_table_they_introduce():
    md = make_parser()
    text = ("## C. Rencana Strategis\n\nDiuraikan sebagai berikut:\n\n{{ tabel: lebar }}\n\n"
            "Sebuah paragraf:\n\n{{ tabel: tegak }}\n")
    chapter = Chapter(parse(md, text, "content/x.md"), slug="bab-2")
    for ph in chapter.parsed.blocks:
        ph.token.type = "html_block"
        chapter.blocks[id(ph.token)] = (BlockKind.TABEL, ph.token.meta["id"])

    def placed(kind, ident, target, marks, number):
        wide = ident == "lebar"
        return Rendered(f'<figure class="tabel-cetak{" lebar" if wide else ""}" id="{ident}"></figure>\n',
                        TableBlock(ident, ident, ident, landscape=wide))
    out, entries, _ = render_document(md, chapter, placed, Shown(NO_MARKS), lambda mark, target: "", PRINT)
    # and in the one print document each heading's id is prefixed with its chapter's
    assert out.startswith('<h2 class="pengantar-lebar" id="bab-2--c-rencana-strategis">C. Rencana Strategis</h2>\n'
                          '<p class="pengantar-lebar">Diuraikan sebagai berikut:</p>')
    assert "<p>Sebuah paragraf:</p>" in out     # a paragraph before a portrait table stays where it is
    assert [getattr(e, "introduces_landscape", None) for e in entries] == [True, True, None, False, None]
