"""The WeasyPrint adapter (`lkjip.print.engine`) on small HTML of its own: pages and their sizes,
boxes measured where they are laid out, files served only as the resolver allows, the PDF's bytes
and labels, the log and the font clock kept to one job, and a WeasyPrint without the parts we read
named in Bahasa Indonesia instead of a traceback."""
from __future__ import annotations

import io
import logging
import os
import tomllib

import pytest
import weasyprint
from pypdf import PdfReader

from lkjip.diagnostics import BuildFailed
from lkjip.print import engine
from lkjip.print.document import PrintDocument
from lkjip.print.pdf import make_pdf

from conftest import REPO

A4 = (210 / 25.4 * 96, 297 / 25.4 * 96)   # in CSS pixels, as WeasyPrint measures
SMALL = """<!DOCTYPE html><html lang="id"><head><title>Uji</title><style>
@page { size: 200px 100px; margin: 10px 20px; }
body { margin: 0; font-size: 8px; line-height: 10px; }
p, figure { margin: 0; }
table { border-collapse: collapse; } td { padding: 0; height: 20px; }
</style></head><body>
<p id="awal">Satu.</p>
<figure id="tabel"><table><thead><tr><td>Kepala</td></tr></thead>
<tbody><tr><td>a</td></tr><tr><td>b</td></tr></tbody></table></figure>
<p id="akhir" style="break-before: page"><img alt="Grafik" src="gambar.svg"></p>
</body></html>"""
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="30"></svg>'


def memory(url: str) -> engine.InMemory | None:
    return engine.InMemory(SVG, "image/svg+xml") if url == "file:///laporan/gambar.svg" else None


def walk(box: engine.Box) -> list[engine.Box]:
    return [box] + [inner for child in box.children for inner in walk(child)]


def boxes(page: engine.Page) -> list[engine.Box]:
    return [inner for box in page.content() for inner in walk(box)]


def test_pages_have_their_size_their_content_area_and_their_anchors():
    pages = engine.render(SMALL, "file:///laporan/", memory).pages
    assert len(pages) == 2
    assert [(p.width, p.height, p.content_top, p.content_height) for p in pages] == [(200, 100, 10, 80)] * 2
    assert [p.anchors for p in pages] == [{"awal", "tabel"}, {"akhir"}]
    named = ('<style>@page { size: A4 } @page lebar { size: A4 landscape } .lebar { page: lebar }</style>'
             '<p>Tegak</p><p class="lebar">Melintang</p>')
    sizes = [(p.width, p.height) for p in engine.render(named, "file:///laporan/").pages]
    assert sizes == [pytest.approx(A4), pytest.approx(A4[::-1])]


def test_boxes_are_measured_where_they_are_laid_out():
    first, second = engine.render(SMALL, "file:///laporan/", memory).pages
    table = next(b for b in boxes(first) if b.kind == "table")
    groups = [g for g in table.children if g.kind == "row-group"]
    assert [(g.header, len(g.children)) for g in groups] == [(True, 1), (False, 2)]
    # the line of "Satu." (10 px), then the header row and two rows of 20 px each
    assert [b.bottom for b in boxes(first) if b.kind == "row"] == [40, 60, 80]
    assert next(b for b in boxes(first) if b.tag == "figure").attribute("id") == "tabel"
    assert next(b for b in boxes(first) if b.kind == "line").bottom == 20
    image = next(b for b in boxes(second) if b.kind == "replaced")
    assert (image.tag, image.bottom) == ("img", 40)            # the SVG from memory, 30 px high
    assert all(b.attribute("class") is None for b in boxes(second))


def test_only_what_the_resolver_allows_is_fetched():
    asked: list[str] = []

    def refuse(url: str) -> None:
        asked.append(url)
        return None
    markup = SMALL.replace('src="gambar.svg"', 'src="https://contoh.invalid/x.png"')
    with engine.session() as messages:
        second = engine.render(markup, "file:///laporan/", refuse).pages[1]
    assert asked == ["https://contoh.invalid/x.png"]
    assert not [b for b in boxes(second) if b.kind == "replaced"]
    assert any("akses ditolak: https://contoh.invalid/x.png" in m for m in messages)


def test_the_pdf_carries_its_labels_opens_with_its_bookmarks_and_is_the_same_bytes_each_time():
    def pdf() -> bytes:
        document = engine.render(SMALL, "file:///laporan/", memory, b"0" * 32, "pdf/ua-1")
        return document.write_pdf([(0, {"P": "Sampul"}), (1, {"S": "D"})], outlines=True)
    with engine.session():
        data = pdf()
        assert pdf() == data
    reader = PdfReader(io.BytesIO(data))
    assert data.startswith(b"%PDF-") and len(reader.pages) == 2
    assert reader.page_labels == ["Sampul", "1"]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.trailer["/ID"][0] == "0" * 32             # the identifier given, not a random one
    plain = PdfReader(io.BytesIO(engine.render(SMALL, "file:///laporan/", memory).write_pdf()))
    assert "/PageLabels" not in plain.trailer["/Root"] and "/PageMode" not in plain.trailer["/Root"]


def test_a_session_collects_the_warnings_and_dates_the_fonts_for_its_time_only(monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    logger = logging.getLogger("weasyprint")
    handlers = list(logger.handlers)
    with engine.session() as messages:
        assert os.environ["SOURCE_DATE_EPOCH"] == engine.FONT_EPOCH
        logger.warning("Ignored `widows: x` at 3:1, invalid value.")
    assert messages == ["Ignored `widows: x` at 3:1, invalid value."]
    assert "SOURCE_DATE_EPOCH" not in os.environ and logger.handlers == handlers
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    with engine.session():
        assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


def test_a_weasyprint_without_the_page_boxes_is_a_build_error_in_bahasa_indonesia(monkeypatch, minimal, capsys):
    from lkjip.cli import main
    monkeypatch.setattr(engine, "PAGE_BOX", "_kotak_halaman")   # as a WeasyPrint that renamed it would be
    page = engine.render(SMALL, "file:///laporan/", memory).pages[0]
    with pytest.raises(engine.Unsupported) as raised:
        page.content()
    message = (f"WeasyPrint {weasyprint.__version__} tidak dapat dipakai untuk mengukur halaman PDF: bagian "
               f"'_kotak_halaman' tidak ada (lkjip diperiksa dengan WeasyPrint {engine.CHECKED_WITH})")
    assert str(raised.value) == message
    with pytest.raises(BuildFailed) as failed:
        make_pdf(PrintDocument(lambda tight: SMALL, parts=("bab-1",), render_parts=lambda parts, tight: SMALL),
                 [REPO / "layouts"], REPO, "layouts/print.html")
    (problem,) = failed.value.diagnostics
    assert (problem.is_error, problem.loc.file, problem.message) == (True, "layouts/print.html", message)
    assert problem.hint == f"pasang WeasyPrint yang diuji bersama lkjip: pip install '{engine.requirement()}'"
    assert main(["pdf", "--dir", str(minimal)]) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and "galat internal" not in err
    assert not (minimal / "site").exists()


def test_the_weasyprint_checked_is_the_one_installed_and_the_one_required():
    dependencies = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["dependencies"]
    assert engine.requirement() in dependencies
    assert weasyprint.__version__.split(".")[0] == engine.CHECKED_WITH.split(".")[0]
