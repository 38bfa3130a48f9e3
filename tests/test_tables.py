"""Tables as data: headers from column groups, empty columns dropped, cells found by row and column."""
from decimal import Decimal as D

from lkjip.views.tables import Cell, Column, HeadCell, Row, Table, cells, section
from lkjip.views.values import EMPTY, percent, source


def table(columns, rows):
    return Table("t", "9.9", "Contoh", tuple(columns), tuple(rows))


def test_header_rows_follow_the_column_groups():
    t = table([Column("no", "No"), Column("t24", "Target", group=("Renstra", "2024")),
               Column("r24", "Rp", group=("Renstra", "2024")), Column("t25", "Target", group=("Renstra", "2025")),
               Column("akhir", "Target", group=("Kondisi Akhir",)), Column("lokasi", "Lokasi")], [])
    assert t.head() == (
        (HeadCell("No", 1, 3), HeadCell("Renstra", 3, 1), HeadCell("Kondisi Akhir", 1, 1), HeadCell("Lokasi", 1, 3)),
        (HeadCell("2024", 2, 1), HeadCell("2025", 1, 1), HeadCell("Target", 1, 2)),
        (HeadCell("Target", 1, 1), HeadCell("Rp", 1, 1), HeadCell("Target", 1, 1)),
    )


def test_a_single_header_row_without_groups():
    t = table([Column("a", "A"), Column("b", "B")], [])
    assert t.head() == ((HeadCell("A"), HeadCell("B")),)


def test_columns_no_row_fills_are_dropped_with_their_group():
    rows = [Row("x", cells("Satu", EMPTY, percent(D(50)))), Row("y", cells("Dua", None, EMPTY)),
            section("bagian", "Bagian", 3)]
    t = table([Column("nama", "Nama"), Column("nasional", "Nasional", group=("Realisasi",)),
               Column("pemda", "Pemda", "persen", ("Realisasi",))], rows).without_empty_columns()
    assert [c.key for c in t.columns] == ["nama", "pemda"]
    assert t.head() == ((HeadCell("Nama", 1, 2), HeadCell("Realisasi", 1, 1)), (HeadCell("Pemda"),))
    assert t.rows[2].kind == "bagian" and t.rows[2].label == "Bagian"


def test_a_kept_column_stays_and_a_note_counts_as_content():
    from lkjip.views.values import Value
    rows = [Row("x", (Cell(Value("kosong", note="tidak dapat dihitung")), Cell(EMPTY)))]
    t = table([Column("capaian", "Capaian"), Column("catatan", "Catatan", keep=True)], rows)
    assert t.without_empty_columns() is t


def test_cells_are_found_by_row_id_and_column_key():
    t = table([Column("nama", "Nama"), Column("jumlah", "Jumlah", "angka")],
              [Row("purworejo", cells("Purworejo", source(2857)))])
    assert t.cell("purworejo", "jumlah").value.text() == "2.857"
    assert t.cell("purworejo", "tidak_ada") is None and t.cell("tidak_ada", "nama") is None
    assert t.name == "Tabel 9.9 Contoh"


def test_a_unit_follows_its_number_after_a_space():
    assert source(D("48.16"), "km²").text() == "48,16 km²"
    assert source(1504, "mm").text() == "1.504 mm"
    assert source(D("87.5"), sementara=True).text() == "87,5 (sementara)"
