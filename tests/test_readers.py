"""What readers are given, each on small inputs of its own: judging words, reasons beside a
printed value, the numbering of corrections, charts, CSV, and the author report."""
from decimal import Decimal as D

import pytest

from lkjip.check import words
from lkjip.check.compare import Difference, PrintedCell, compare_text
from lkjip.check.corrections import PageOrder, Quote, collect
from lkjip.check.findings import Pemeriksaan
from lkjip.cli import main
from lkjip.diagnostics import BuildFailed, Loc, warning
from lkjip.pipeline import Options, run
from lkjip.project import Project
from lkjip.render.chapters import Chapter, Page, render_pages
from lkjip.render.charts import svg
from lkjip.render.document import FigureBlock, Rendered, figures
from lkjip.render.opendata import facts, table_csv
from lkjip.render.order import figure_number
from lkjip.render.search import entries
from lkjip.render.site import fit, open_data_list
from lkjip.render.templates import breakable
from lkjip.schema import Printed, Quantity
from lkjip.source.markdown import BlockKind, make_parser, parse
from lkjip.views.charts import Band, Bar, Chart, Group
from lkjip.views.tables import Column, Row, Table, cells
from lkjip.views.values import count, percent, rupiah, source

from conftest import edit, line_of, shown, write


@pytest.mark.parametrize("group, printed, computed, agree", [
    ("tren", "mengalami peningkatan", "naik", True),
    ("tren", "meningkat", "turun", False),
    ("tren", "konsisten", "tetap", True),
    ("status", "tercapai", "terlampaui", True),        # a target exceeded was reached
    ("status", "melampaui", "tercapai", False),        # but a target just reached was not exceeded
    ("status", "tidak tercapainya", "terlampaui", False),
    ("banding", "lebih rendah", "lebih tinggi", False),
    ("banding", "Lebih Tinggi", "lebih tinggi", True),
    ("tren", "membaik", "naik", False),                # an unknown phrasing is compared as text
])
def test_judging_words_are_compared_by_meaning(group, printed, computed, agree):
    assert words.agrees(group, printed, computed) is agree


def test_words_from_figures():
    assert [words.status(D(x)) for x in ("101.20", "100", "99.99")] == ["terlampaui", "tercapai", "tidak tercapai"]
    assert words.status(None) is None
    assert [words.compare(D(a), D(b)) for a, b in (("91.33", "91.28"), ("80", "82"), ("1", "1.00"))] == [
        "lebih tinggi", "lebih rendah", "sama"]


def _table(id="t"):
    return Table(id, "3.1", "Capaian", (Column("no", "No"), Column("nama", "Indikator"),
                                       Column("nilai", "Realisasi", "angka")),
                 (Row("a", cells("1", "IKM", count(91))), Row("b", cells("2", "SAKIP", count(82)))))


def _diff(table, row, column, loc_line, alasan=None):
    printed = Printed(Quantity(D(90)), Loc("data/x.yaml", loc_line, 5), alasan)
    return Difference(printed, "91", warning(printed.loc, f"beda {row}", "", "printed-mismatch"),
                      PrintedCell(table, row, column, printed))


def test_corrections_are_numbered_in_reading_order_with_their_place():
    quote_printed = Printed("80.750", Loc("content/a.md", 3, 9))
    quote = Quote(Difference(quote_printed, "81.574", warning(quote_printed.loc, "beda kutipan")), "content/a.md",
                  3, 9, "A. Umum", "jumlah penduduk sebesar")
    pages = [PageOrder("bab-1", "BAB I", (quote, "t"))]
    cells_ = [_diff("t", "b", "nilai", 7), _diff("t", "a", "nilai", 4, alasan="Dihitung ulang.")]
    corrections, problems = collect(pages, cells_, {"t": _table()}, {}, "data/koreksi.yaml")
    assert [(k.label, k.tercetak, k.ditampilkan, k.tempat.baris, k.alasan) for k in corrections.items] == [
        ("K1", "80.750", "81.574", None, None), ("K2", "90", "91", "IKM", "Dihitung ulang."),
        ("K3", "90", "91", "SAKIP", None)]
    assert corrections.items[1].tempat == corrections.items[1].tempat.__class__(
        "bab-1", "BAB I", tabel="Tabel 3.1 Capaian", baris="IKM", kolom="Realisasi")
    assert [p.message for p in problems] == ["beda kutipan", "beda b"]   # the explained one is no warning
    assert corrections.cell("t", "a", "nilai").label == "K2" and corrections.quote("content/a.md", 3, 9).nomor == 1


def test_a_shared_reason_is_written_once_and_later_places_refer_to_it():
    cells_ = [_diff("t", "a", "nilai", 4, alasan="ikm_ulang"), _diff("t", "b", "nilai", 7, alasan="ikm_ulang")]
    corrections, problems = collect([PageOrder("bab-1", "BAB I", ("t",))], cells_, {"t": _table()},
                                    {"ikm_ulang": "IKM dihitung ulang dari NRR."}, "data/koreksi.yaml")
    assert problems == []
    assert [(k.label, k.alasan, k.sama_dengan) for k in corrections.items] == [
        ("K1", "IKM dihitung ulang dari NRR.", None), ("K2", "IKM dihitung ulang dari NRR.", 1)]


def test_an_own_reason_is_never_folded_into_another():
    cells_ = [_diff("t", "a", "nilai", 4, alasan="Sama."), _diff("t", "b", "nilai", 7, alasan="Sama.")]
    corrections, _ = collect([PageOrder("bab-1", "BAB I", ("t",))], cells_, {"t": _table()}, {}, "data/koreksi.yaml")
    assert [k.sama_dengan for k in corrections.items] == [None, None]


def test_a_table_shown_on_no_page_comes_last():
    corrections, _ = collect([PageOrder("bab-1", "BAB I", ())], [_diff("t", "a", "nilai", 4)], {"t": _table()}, {},
                             "data/koreksi.yaml")
    assert corrections.items[0].tempat.halaman is None and corrections.items[0].tempat.tabel == "Tabel 3.1 Capaian"


def test_a_reason_in_yaml_beside_the_printed_value(report):
    edit(report / "data/pembanding.yaml", "realisasi: {nilai: 90.25, alasan: ikm_dihitung_ulang}",
         "realisasi: {nilai: 90.25, alasn: ikm_dihitung_ulang}")
    code = main(["check", "--dir", str(report), "-q"])
    assert code == 1


def test_an_unknown_key_beside_a_printed_value_is_named(report, capsys):
    edit(report / "data/pembanding.yaml", "realisasi: {nilai: 90.25, alasan: ikm_dihitung_ulang}",
         "realisasi: {nilai: 90.25, alasn: ikm_dihitung_ulang}")
    main(["check", "--dir", str(report), "-q"])
    err = capsys.readouterr().err
    line = line_of(report / "data/pembanding.yaml", "alasn:")
    assert f"data/pembanding.yaml:{line}:" in err
    assert "kunci 'alasn' tidak dikenal pada angka tercetak" in err and "maksud Anda 'alasan'?" in err


def test_check_writes_the_author_report_outside_site(report, tmp_path, capsys):
    edit(report / "data/pembanding.yaml", "realisasi: {nilai: 90.25, alasan: ikm_dihitung_ulang}", "realisasi: 90.25")
    out = tmp_path / "pemeriksaan.html"
    # one printed value left without its reason: a warning again, and the report counts it
    assert main(["check", "--dir", str(report), "--laporan", str(out), "-q"]) == 0
    page = " ".join(out.read_text("utf-8").split())
    assert "<h1>Laporan pemeriksaan untuk penyusun</h1>" in page
    assert f"data/pembanding.yaml:{line_of(report / 'data/pembanding.yaml', 'realisasi: 90.25')}" in page
    assert "belum ada (masih peringatan)" in page and "120 koreksi (1 belum beralasan)" in page
    assert not (report / "site").exists()
    assert main(["check", "--dir", str(report), "--laporan", str(report / "site/x.html")]) == 2
    assert "berada di dalam site/" in capsys.readouterr().err


def test_chart_svg_has_title_words_and_bands():
    chart = Chart("ikm", "Grafik NRR <per unsur>", ("NRR",), (Group("Persyaratan", (Bar(0, D("3.51"), "3,51"),)),),
                  minimum=D(1), maximum=D(4), bands=(Band(D(1), D("2.5996"), "D"), Band(D("3.5324"), D(4), "A")))
    drawn = svg(chart, "grafik-a")
    assert drawn.startswith('<svg xmlns="http://www.w3.org/2000/svg" class="grafik-svg" viewBox="0 0 400 ')
    assert '<title id="grafik-a-judul">Grafik NRR &lt;per unsur&gt;</title>' in drawn
    assert '<desc id="grafik-a-isi">Persyaratan: NRR 3,51.</desc>' in drawn
    assert drawn.count("<rect") == 3 and ">3,51</text>" in drawn and ">A</text>" in drawn
    assert svg(chart, "grafik-a") == drawn


def test_csv_has_one_header_row_and_raw_numbers():
    table = Table("t", None, "Anggaran", (Column("nama", "Program"), Column("pagu", "Pagu", "rupiah", ("Tahun 2024",)),
                                          Column("persen", "%", "persen")),
                  (Row("a", cells("Pelayanan, publik", rupiah(22500000), percent(D("99.964444"), 2))),))
    assert table_csv(table) == "\ufeffProgram,Tahun 2024 - Pagu,%\r\n\"Pelayanan, publik\",22500000,99.964444\r\n"


def test_open_data_lists_tables_in_reading_order_and_tells_a_copy_from_its_original():
    def table(id, nomor, judul, copy_of=None):
        return Table(id, nomor, judul, (Column("nama", "Nama"),), (Row("a", cells("x")),), copy_of=copy_of)
    tables = {"status": table("status", None, "Status Capaian"), "copy": table("copy", "3.1", "Capaian", "capaian"),
              "capaian": table("capaian", "3.1", "Capaian"), "penduduk": table("penduduk", "1.1", "Penduduk")}
    pages = [Page("bab-1", "content/01.md", "BAB I PENDAHULUAN", "bab", "", (), ("penduduk",)),
             Page("bab-3", "content/03.md", "BAB III AKUNTABILITAS", "bab", "", (), ("capaian", "penduduk")),
             Page("bab-4", "content/04.md", "BAB IV PENUTUP", "bab", "", (), ("copy",))]
    listed = open_data_list(tables, pages)
    assert [(t["caption"], (t["where"] or "#").split("#")[0]) for t in listed] == [
        ("Tabel 1.1 Penduduk", "bab-1.html"), ("Tabel 3.1 Capaian (di BAB III AKUNTABILITAS)", "bab-3.html"),
        ("Tabel 3.1 Capaian (dimuat lagi di BAB IV PENUTUP)", "bab-4.html"), ("Status Capaian", "")]
    assert len({t["csv"] for t in listed}) == 4


def test_open_data_json_leaves_out_what_the_data_leave_out():
    from lkjip.domain.anggaran import Program
    program = Program(id="desa", kode="7.01.06", nama="Pembinaan Desa", pengampu=None, sasaran=None, pagu=None,
                      realisasi=None)
    assert facts(program) == {"id": "desa", "kode": "7.01.06", "nama": "Pembinaan Desa"}
    assert facts({"program": (program,), "urusan": (), "tabel": {}, "tercetak": {"a": Printed(Quantity(D(90)), Loc("x"), "alasan_a")}}) \
        == {"program": [{"id": "desa", "kode": "7.01.06", "nama": "Pembinaan Desa"}],
            "tercetak": {"a": {"nilai": 90, "alasan": "alasan_a"}}}


def test_the_row_name_stays_put_not_a_column_of_figures_written_as_text():
    columns = (Column("no", "No"), Column("kode", "Kode"), Column("indikator", "Indikator Kinerja"),
               Column("awal", "Data Capaian Awal"), Column("target", "Target", "angka", ("Renstra",)))
    rows = tuple(Row(str(i), cells(str(i), "7.01", name, source(22, "orang"), count(25))) for i, name in
                 enumerate(("Jumlah Pegawai", "Nilai SAKIP"), 1))
    assert Table("t", None, "T", columns, rows).name_column() == 2
    texts = Table("s", None, "SOP", (Column("no", "No"), Column("unsur", "Unsur"), Column("isi", "Isi")),
                  (Row("a", cells("1", "Dasar hukum", "Peraturan")),))
    assert texts.name_column() == 1


def test_a_table_of_many_columns_is_wide_and_says_how_wide_a_screen_it_needs():
    def table(n, wide=False):
        columns = (Column("nama", "Nama"),) + tuple(Column(f"c{i}", "Rp", "rupiah") for i in range(n - 1))
        return Table("t", None, "T", columns, (Row("a", cells("Desa", *[rupiah(2415383480)] * (n - 1))),), wide=wide)
    assert fit(table(3)).classes == "geser-25" and not fit(table(3)).wide
    assert fit(table(3, wide=True)).wide and fit(table(7)).classes == "lebar geser-50"
    assert fit(table(21)).classes == "lebar geser-selalu"


def test_words_joined_by_a_slash_may_wrap_in_a_table_cell():
    assert breakable("Program/Kegiatan/Sub Kegiatan") == "Program/<wbr>Kegiatan/<wbr>Sub Kegiatan"
    assert breakable("s/d 01/02/2024 <b>") == "s/d 01/02/2024 &lt;b&gt;"


def test_a_chart_placed_for_data_that_is_absent_says_which_file(minimal):
    write(minimal, {"content/05-grafik.md": "# GRAFIK\n\n{{ grafik: penduduk }}\n"})
    from lkjip.diagnostics import BuildFailed
    from lkjip.pipeline import Options, run
    from lkjip.project import Project
    with pytest.raises(BuildFailed) as failed:
        run(Project(minimal), Options(pdf=False, write=False))
    (e,) = [d for d in failed.value.diagnostics if d.is_error]
    assert (e.loc.file, e.loc.line, e.message) == ("content/05-grafik.md", 3,
                                                   "grafik 'penduduk' memerlukan data/penduduk.yaml, yang tidak ada")


def test_how_many_of_a_set_in_words():
    assert [words.cakupan(c, t) for c, t in ((7, 7), (6, 7), (0, 7), (0, 0))] == [
        "semua", "sebagian", "tidak satu pun", None]
    assert words.agrees("cakupan", "Seluruh", "semua") and not words.agrees("cakupan", "semua", "sebagian")


def test_a_provisional_word_means_what_its_word_means():
    assert words.agrees("status", "tercapai", "tercapai (sementara)")
    assert not words.agrees("status", "tidak tercapai", "tercapai (sementara)")


def test_figures_are_numbered_on_the_tokens_in_reading_order_for_site_and_print_alike():
    md = make_parser()

    def chapter(slug, title, kind, *figures):
        text = f"# {title}\n\n" + "".join(f"{{{{ grafik: {f} }}}}\n\n" for f in figures)
        ch = Chapter(parse(md, text, f"content/{slug}.md"), slug, kind)
        ch.blocks = {id(ph.token): (BlockKind.GRAFIK, ph.token.meta["id"]) for ph in ch.parsed.blocks}
        for ph in ch.parsed.blocks:
            ph.token.type = "html_block"
        return ch

    def renderer(kind, obj, target, marks, number):
        return Rendered(f"<figure>{figure_number('Grafik', number)}{obj}</figure>\n",
                        FigureBlock(obj, obj, f"{target}-{obj}", number))

    chapters = [chapter("lampiran", "LAMPIRAN PENDUDUK", "lampiran", "penduduk"),
                chapter("bab-3", "BAB III AKUNTABILITAS KINERJA", "bab", "capaian", "nrr"),
                chapter("kata-pengantar", "KATA PENGANTAR", "bab")]
    pages = {p.slug: p for p in render_pages(chapters, renderer, Pemeriksaan(), lambda k, t: "", renderer)}
    assert '<b class="nomor-gambar">Grafik 1.</b> capaian' in pages["bab-3"].body
    assert '<b class="nomor-gambar">Grafik 3.</b> penduduk' in pages["lampiran"].body_cetak
    assert [(f.title, f.number, f.anchor) for f in figures(pages["bab-3"].blocks_cetak)] == [
        ("capaian", 1, "cetak-capaian"), ("nrr", 2, "cetak-nrr")]
    assert [(type(e).__name__, getattr(e, "number", None)) for e in pages["lampiran"].blocks] == [
        ("Heading", None), ("FigureBlock", 3)]
    assert figures(pages["kata-pengantar"].blocks) == []


def test_a_provisional_qualifier_alone_is_no_departure_from_the_printed_word():
    loc = Loc("content/04-bab-4-penutup.md", 5, 493)
    assert compare_text(Printed("sangat berhasil", loc), "Sangat Berhasil (sementara)", "predikat") is None
    found = compare_text(Printed("berhasil", loc), "Sangat Berhasil (sementara)", "predikat")
    assert found is not None and found.message == "predikat: tercetak 'berhasil', menurut data 'Sangat Berhasil'"


def test_an_average_that_counts_a_provisional_capaian_is_provisional(minimal):
    """92 of target 90 (provisional) and 10 of 12, in two sasaran: 102,22% and 83,33%."""
    path = minimal / "data/indikator.yaml"
    edit(path, "realisasi: {2025: 92}", "realisasi: {2025: {nilai: 92, sementara: true, sumber: rekap Oktober}}")
    edit(path, "    sasaran: literasi\n    nama: Jumlah", "    sasaran: desa\n    nama: Jumlah")
    edit(path, "indikator:\n", "  - {id: desa, nomor: 2, nama: Meningkatnya perpustakaan desa}\nindikator:\n")
    result = run(Project(minimal), Options(pdf=False, write=False))
    assert shown(result, "indikator.layanan_tepat_waktu.capaian") == "102,22% (sementara)"
    assert shown(result, "sasaran.literasi.rata_rata_capaian") == "102,22% (sementara)"
    assert shown(result, "sasaran.desa.rata_rata_capaian") == "83,33%"
    assert shown(result, "kinerja.rata_rata_capaian") == "92,78% (sementara)"   # (102,22 + 83,33) / 2


def test_a_provisional_value_is_used_only_with_its_source(minimal):
    edit(minimal / "data/indikator.yaml", "realisasi: {2025: 92}", "realisasi: {2025: {nilai: 92, sementara: true}}")
    with pytest.raises(BuildFailed) as failed:
        run(Project(minimal), Options(pdf=False, write=False))
    [problem] = [d for d in failed.value.diagnostics if d.is_error]
    assert (problem.loc.file, problem.loc.line, problem.code) == ("data/indikator.yaml", 10, "provisional-source")
    assert problem.message == "realisasi 2025 layanan_tepat_waktu sementara tanpa sumber"


def test_an_indikator_without_a_realisasi_is_not_yet_measurable_and_left_out_of_the_averages(minimal):
    """Of 2 indikator only pembinaan (10 of 12: 83,33%) has a realisasi in 2025."""
    edit(minimal / "data/indikator.yaml", "    realisasi: {2025: 92}\n", "")
    result = run(Project(minimal), Options(pdf=False, write=False))
    assert shown(result, "indikator.layanan_tepat_waktu.capaian") == "belum dapat diukur"
    assert shown(result, "kinerja.rata_rata_capaian") == "83,33%"
    assert shown(result, "kinerja.cakupan_rata_rata") == "1 dari 2 indikator"
    rows = {r.id: [c.value.text() for c in r.cells if c] for r in result.catalog.table("rata_rata_capaian").rows}
    assert rows["rata_rata"] == ["–", "Rata-rata capaian (1 dari 2 indikator)", "83,33%"]
    capaian = result.catalog.table("capaian")
    assert any("belum dapat diukur dan tidak ikut dirata-rata" in n for n in capaian.notes)


def test_efisiensi_uses_the_budget_of_the_programs_declared_for_its_indikator(tmp_path):
    """Kecamatan sample: Program Pelayanan 133.333 of 200.000 (66,67%), both programs 1.043.333 of 1.200.000
    (86,94%); with `sisa_anggaran`, efisiensi = 100 - serapan."""
    from conftest import copy_sample
    root = copy_sample("kecamatan", tmp_path / "laporan")
    edit(root / "data/efisiensi.yaml", "{indikator: ikm, anggaran: total}", "{indikator: ikm, anggaran: [pelayanan]}")
    edit(root / "data/efisiensi.yaml", "{indikator: serapan, anggaran: penunjang}",
         "{indikator: serapan, anggaran: [penunjang, pelayanan]}")
    table = run(Project(root), Options(pdf=False, write=False)).catalog.table("efisiensi")
    rows = {r.id: {c.key: r.cells[i].value.text() for i, c in enumerate(table.columns) if r.cells[i]}
            for r in table.rows}
    assert (rows["ikm"]["serapan"], rows["ikm"]["efisiensi"]) == ("66,67%", "33,33%")
    assert (rows["serapan"]["serapan"], rows["serapan"]["efisiensi"]) == ("86,94%", "13,06%")


def test_an_unknown_program_in_an_efisiensi_row_is_an_error(tmp_path):
    from conftest import copy_sample
    root = copy_sample("kecamatan", tmp_path / "laporan")
    edit(root / "data/efisiensi.yaml", "{indikator: ikm, anggaran: total}", "{indikator: ikm, anggaran: [pelayanan, umum]}")
    with pytest.raises(BuildFailed) as failed:
        run(Project(root), Options(pdf=False, write=False))
    [problem] = [d for d in failed.value.diagnostics if d.is_error]
    assert (problem.loc.file, problem.loc.line) == ("data/efisiensi.yaml", 3)
    assert (problem.loc.path, problem.message) == ("baris[0].anggaran", "anggaran 'umum' tidak dikenal")


def test_the_search_index_holds_the_report_and_not_what_the_page_says_about_itself():
    """A snippet of Tabel 3.8 reads its figures, not "Unduh tabel ini (CSV)" or the scrolling hint."""
    body = ('<h2 id="anggaran">Anggaran</h2><p class="petunjuk-geser" aria-hidden="true">Geser tabel ke samping '
            '<span>untuk melihat semua kolom →</span></p><table><tr><td>Penunjang<sup>P12</sup></td><td>95,66</td>'
            '</tr></table><p class="unduh"><a href="data/tabel-3-8.csv" download>Unduh tabel ini (CSV)</a></p>'
            '<svg><text>95,66% terserap</text></svg><p>Total pagu <a href="#t">Rp2.615.163.480</a>.</p>')
    page = Page("bab-3", "content/03.md", "BAB III", "bab", body, (), ())
    assert [e["t"] for e in entries([page])] == ["Anggaran Penunjang 95,66 Total pagu Rp2.615.163.480."]
