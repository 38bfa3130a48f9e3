"""Tables whose last rows would stand alone on a page: found in laid-out pages, set tighter where that
spares a page, decided part by part on the sections where it may happen, and the whole document laid
out once; the print jobs that do it, forked or in one process, give the same bytes."""
from __future__ import annotations

import io
import logging
import os

import pytest
from pypdf import PdfReader
from test_print import table

from lkjip.print.pagination import Laid, laid, tails
from lkjip.render.document import TableBlock
from lkjip.views.tables import Column, Row, cells
from lkjip.views.values import rupiah, text


def test_a_page_holding_only_the_last_rows_of_a_table_is_found():
    def page(used, *fragments):
        return Laid(tuple(fragments), used)
    pages = [page(0.9, ("tabel-a", 30)), page(0.2, ("tabel-a", 3)),                  # a's tail alone
             page(0.9, ("tabel-b", 30)), page(0.2, ("tabel-b", 3), ("tabel-c", 4)),  # c shares the page
             page(0.9, ("tabel-d", 30)), page(0.5, ("tabel-d", 12)),                 # half a page: not near-empty
             page(0.1, ("tabel-e", 5))]                                              # e whole, short
    assert tails(pages) == ["tabel-a"]


def long_table_document(minimal, *rows: int):
    """A print document of long portrait tables, each ending a section of its own (`bab-t0`, `bab-t1`, ...:
    the parts where a table may end stranded, their tables `tabel-t0`, ...), then a last short chapter,
    with the tighter form styled by the layouts' own `_padat.css`; and its project."""
    from lkjip.print.blocks import PrintBlocks
    from lkjip.print.document import PrintDocument
    from lkjip.project import Project
    from lkjip.render.templates import Templates
    project = Project(minimal)
    templates = Templates(project)
    columns = [Column("no", "No"), Column("nama", "Uraian"), Column("pagu", "Pagu", "rupiah")]
    sections = {f"bab-t{n}": PrintBlocks(templates).table(
        table(columns, [Row(f"r{i}", cells(text(str(i)), text(f"Kegiatan {i}"), rupiah(1000 * i))) for i in range(count)]),
        f"tabel-t{n}") for n, count in enumerate(rows)}

    def render_parts(anchors, tight):
        style = f"<style>{templates.render('_padat.css', padat=list(tight))}</style>" if tight else ""
        body = "".join(f'<section class="bagian-cetak bab" id="{anchor}">{markup}</section>'
                       for anchor, markup in sections.items() if anchor in anchors)
        return f'<!DOCTYPE html><html lang="id"><head><link rel="stylesheet" href="print.css">{style}</head><body>{body}'

    def render(tight):
        return render_parts(list(sections), tight) + \
            '<section class="bagian-cetak bab" id="bab-akhir"><h1>BAB BERIKUT</h1><p>Isi.</p></section></body></html>'
    return PrintDocument(render, parts=tuple(sections), part_sizes=tuple(len(m) for m in sections.values()),
                         render_parts=render_parts), project


def pages_of(document, project, tight=()):
    from lkjip.print import engine
    return [laid(p) for p in engine.render(document.tighter(tight), str(project.layout_dirs[-1].resolve()) + "/").pages]


_ROWS_PER_PAGE: list[int] = []


def rows_per_page(minimal) -> int:
    """The rows one page holds of the long table at the usual size (measured once)."""
    if not _ROWS_PER_PAGE:
        document, project = long_table_document(minimal, 120)
        _ROWS_PER_PAGE.append(pages_of(document, project)[0].fragments[0][1])
    return _ROWS_PER_PAGE[0]


def test_a_table_whose_last_rows_would_stand_alone_on_a_page_is_set_tighter_to_spare_that_page(minimal):
    from lkjip.print.pdf import make_pdf
    per_page = rows_per_page(minimal)
    document, project = long_table_document(minimal, per_page + 4)
    plain = pages_of(document, project)
    assert [p.fragments for p in plain] == [(("tabel-t0", per_page),), (("tabel-t0", 4),), ()]
    assert tails(plain) == ["tabel-t0"]
    found = []
    data, _, _ = make_pdf(document, project.layout_dirs, project.root, "print.html", found=found.append)
    assert len(PdfReader(io.BytesIO(data)).pages) == 2        # the table on one page, then the next chapter
    assert [d.tables for d in found] == [("tabel-t0",)]
    assert make_pdf(document, project.layout_dirs, project.root, "print.html")[0] == data


def test_the_whole_document_is_laid_out_once_after_its_parts_decide_which_tables_go_tighter(minimal, monkeypatch):
    """The parts where a table may end stranded are laid out alone, then only the parts with a stranded
    table set tighter; the whole document once, with what they decided: never a second complete layout."""
    from lkjip.print import engine
    from lkjip.print.pdf import make_pdf
    per_page = rows_per_page(minimal)
    document, project = long_table_document(minimal, per_page + 4, per_page - 10)   # t1 fits its page
    laid_out = []
    real = engine.render
    monkeypatch.setattr(engine, "render", lambda markup, *a, **k: laid_out.append(markup) or real(markup, *a, **k))
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    handlers = list(logging.getLogger("weasyprint").handlers)
    found = []
    data, _, _ = make_pdf(document, project.layout_dirs, project.root, "print.html", found=found.append)
    assert laid_out == [document.alone(("bab-t0", "bab-t1")), document.alone(("bab-t0",), ("tabel-t0",)),
                        document.tighter(("tabel-t0",))]
    assert [d.tables for d in found] == [("tabel-t0",)] and len(PdfReader(io.BytesIO(data)).pages) == 3
    # the jobs ran one after the other in this process, and left nothing set (the build cache's key reads it)
    assert "SOURCE_DATE_EPOCH" not in os.environ and logging.getLogger("weasyprint").handlers == handlers


def test_a_decision_made_on_the_same_parts_in_the_same_setting_is_taken_as_it_is(minimal, monkeypatch):
    """The next build of an unchanged part lays out only the whole document; a changed part, or another
    setting (code, libraries, layouts), decides again; the PDF is the same either way."""
    from lkjip.print import engine
    from lkjip.print.pdf import make_pdf
    per_page = rows_per_page(minimal)
    document, project = long_table_document(minimal, per_page + 4, per_page - 10)
    laid_out = []
    real = engine.render
    monkeypatch.setattr(engine, "render", lambda markup, *a, **k: laid_out.append(markup) or real(markup, *a, **k))
    found = []
    first = make_pdf(document, project.layout_dirs, project.root, "print.html", None, found.append, "setelan-1")[0]
    decided = found[-1]
    assert decided.tables == ("tabel-t0",) and decided.key and len(laid_out) == 3
    laid_out.clear()
    again = make_pdf(document, project.layout_dirs, project.root, "print.html", decided, found.append, "setelan-1")[0]
    assert again == first and laid_out == [document.tighter(("tabel-t0",))] and found[-1] == decided
    for other, setting in ((document, "setelan-2"), (long_table_document(minimal, per_page + 4, per_page - 9)[0],
                                                     "setelan-1")):
        laid_out.clear()
        make_pdf(other, project.layout_dirs, project.root, "print.html", decided, found.append, setting)
        assert len(laid_out) == 3 and found[-1].key != decided.key


def test_a_part_keeps_its_tables_tighter_only_where_that_spares_it_a_page():
    from lkjip.print.pagination import holders, kept, owners
    anchors = [{"bab-a", "tabel-a"}, set(), {"bab-b"}, set(), set()]
    plain_owners = owners(anchors, ["bab-a", "bab-b"])
    assert plain_owners == ["bab-a", "bab-a", "bab-b", "bab-b", "bab-b"]
    plain = [Laid((("tabel-a", 40),), 0.98), Laid((("tabel-a", 3),), 0.1),
             Laid((("tabel-b", 40),), 0.98), Laid((("tabel-b", 40),), 0.98), Laid((("tabel-b", 5),), 0.2)]
    holding = holders(["tabel-a", "tabel-b"], plain, plain_owners)
    assert holding == {"tabel-a": "bab-a", "tabel-b": "bab-b"}
    assert kept(holding, plain_owners, ["bab-a", "bab-b", "bab-b"]) == ("tabel-a", "tabel-b")
    assert kept(holding, plain_owners, ["bab-a", "bab-b", "bab-b", "bab-b"]) == ("tabel-a",)   # b spares nothing
    assert kept(holding, plain_owners, ["bab-a", "bab-a", "bab-b", "bab-b", "bab-b"]) == ()


def test_without_a_prediction_the_parts_are_laid_out_on_two_cores_in_runs_of_about_equal_size():
    from lkjip.print.pagination import Laid, PartsLaid, halves
    assert halves(["a", "b", "c", "d"], [10, 10, 10, 10]) == [("a", "b"), ("c", "d")]
    assert halves(["a", "b", "c"], [50, 10, 10]) == [("a",), ("b", "c")]
    assert halves(["a", "b", "c"], [10, 10, 50]) == [("a", "b"), ("c",)]
    assert halves(["a"], [10]) == [("a",)] and halves(["a", "b"], []) == [("a", "b")]
    first, second = PartsLaid((Laid((), 0.5),), ("a",)), PartsLaid((Laid((), 0.2), Laid((), 0.1)), ("b", "b"))
    assert PartsLaid.join([first, second]) == PartsLaid((Laid((), 0.5), Laid((), 0.2), Laid((), 0.1)), ("a", "b", "b"))


def test_the_pdf_is_the_same_bytes_whatever_the_prediction_and_the_number_of_processes(minimal, monkeypatch):
    """Where a second core is spare, the whole document is laid out on the previous build's decision (or
    on the first guess) while the parts decide; a right, wrong or absent prediction, forked or not, gives
    the same file."""
    import multiprocessing

    from lkjip.print import jobs
    from lkjip.print.pdf import Decision, make_pdf
    per_page = rows_per_page(minimal)
    document, project = long_table_document(minimal, per_page + 4, per_page - 10)
    monkeypatch.setenv(jobs.PARALLEL, "1")   # the test run does its print work one job at a time (conftest.py)
    if not jobs.parallel():
        pytest.skip("one core: no second job beside the first")
    found: list[Decision] = []
    made = {name: make_pdf(document, project.layout_dirs, project.root, "print.html", previous, found.append)[0]
            for name, previous in (("right", Decision("", ("tabel-t0",))), ("wrong", Decision("", ("tabel-t1",))),
                                   ("nothing tighter", Decision("", ())), ("no note: parts on both cores", None))}
    monkeypatch.setenv(jobs.PARALLEL, "0")
    made["none, one process"] = make_pdf(document, project.layout_dirs, project.root, "print.html")[0]
    made["wrong, one process"] = make_pdf(document, project.layout_dirs, project.root, "print.html",
                                          Decision("", ("tabel-t1",)))[0]
    assert len(set(made.values())) == 1 and len(PdfReader(io.BytesIO(made["right"])).pages) == 3
    assert [d.tables for d in found] == [("tabel-t0",)] * 4
    assert multiprocessing.active_children() == []     # every job ended


def test_a_section_may_strand_a_table_where_its_last_placed_block_is_one_or_the_orientation_changes():
    from lkjip.render.document import FigureBlock, Heading, Text, may_strand
    portrait, landscape = TableBlock("a", "A", "tabel-a"), TableBlock("b", "B", "tabel-b", landscape=True)
    assert may_strand((Heading(1, "LAMPIRAN", "l"), portrait))
    assert may_strand((Heading(1, "BAB", "b"), portrait, Text("paragraph"), landscape, Text("paragraph")))
    assert may_strand((Heading(1, "BAB", "b"), portrait, Text("paragraph")))   # a line or two after it: still
    assert not may_strand((Heading(1, "BAB", "b"), Text("paragraph"), Text("bullet_list")))
    chart = FigureBlock("g", "Grafik", "gambar-g", 1)
    assert not may_strand((Heading(1, "BAB", "b"), portrait, Text("paragraph"), chart))   # the chart fills its page
    assert may_strand((Heading(1, "BAB", "b"), landscape, chart))          # the chart turns the pages back to portrait
    assert may_strand((Heading(1, "BAB", "b"), portrait, Text("paragraph", True, introduces_landscape=True),
                       landscape, chart))
