"""Charts drawn as SVG, on small charts of their own: labels wrapped by their width and never cut,
short labels beside the bars, the PDF's drawing in points at a readable size, tall charts in pieces."""
from __future__ import annotations

import re
from decimal import Decimal as D

from lkjip.print.blocks import PAPER, PRINT_FONT, TALLEST_PT
from lkjip.render.charts import SCREEN, Size, pieces, svg
from lkjip.render.textwidth import width, wrap
from lkjip.views.charts import Band, Bar, Chart, Group

LONG = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik Tingkat Kecamatan serta Kelurahan"
TEXT = re.compile(r'<text x="([\d.]+)" y="[\d.]+" font-size="([\d.]+)"( font-weight="bold")?( text-anchor="\w+")?>'
                  r"([^<]*)</text>")


def pair(label: str, a: int = 2415383480, b: int = 2310700416, note: str = "") -> Group:
    return Group(label, (Bar(0, D(a), f"Rp{a:,}".replace(",", ".")), Bar(1, D(b), f"Rp{b:,}".replace(",", "."))), note)


def budget(*groups: Group) -> Chart:
    return Chart("anggaran", "Grafik anggaran", ("Pagu", "Realisasi"), groups, shared_scale=False)


def texts(drawn: str) -> list[tuple[float, float, bool, str, str]]:
    """(x, font size, bold, anchor, text) of every text of a drawing."""
    return [(float(x), float(size), bool(bold), anchor or "", text) for x, size, bold, anchor, text in TEXT.findall(drawn)]


def drawing_width(drawn: str) -> float:
    return float(re.search(r'viewBox="0 0 ([\d.]+) ', drawn).group(1))


def test_text_is_measured_in_dejavu_sans_and_wrapped_between_words_without_losing_any():
    assert width("Pagu", 10) == 10 * (0.60 + 0.61 + 0.63 + 0.63) and width("Pagu", 10, True) > width("Pagu", 10)
    lines = wrap(LONG, 13, 200, bold=True)
    assert " ".join(lines) == LONG and len(lines) == 5
    assert all(width(line, 13, True) <= 200 for line in lines)
    address = wrap("https://bit.ly/AgregatKependudukan3516", 10, 100)       # wider than the room: between letters
    assert "".join(address) == "https://bit.ly/AgregatKependudukan3516" and len(address) == 3
    assert all(width(line, 10) <= 100 for line in address)


def test_a_long_label_wraps_onto_lines_above_its_bars_and_no_text_runs_past_the_drawing():
    for size in (SCREEN, PAPER):
        drawn = svg(budget(pair(LONG, note="95,67% terserap"), pair("Program Lain")), size=size)
        labels = [t for t in texts(drawn) if t[2]]
        assert " ".join(t[4] for t in labels[:-1]) == LONG + " (95,67% terserap)"   # whole, over several lines
        assert 2 <= len(labels) - 1 <= 3
        for x, font, bold, anchor, text in texts(drawn):
            right = x if anchor == ' text-anchor="end"' else x + width(text, font, bold)
            assert right <= drawing_width(drawn), text


def test_short_labels_stand_beside_the_bars_and_long_ones_above():
    desa = svg(Chart("penduduk", "Penduduk", ("Laki-laki", "Perempuan"),
                     tuple(pair(name, 1429, 1428) for name in ("Purworejo", "Kembangringgit", "Jatilangkung"))))
    bars = [float(x) for x in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="14"', desa)]
    label_right = max(width(t[4], t[1], True) for t in texts(desa) if t[2])
    assert min(bars) > label_right                        # beside: every bar starts right of every label
    above = svg(budget(pair(LONG)))
    bars = [float(x) for x in re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="14"', above)]
    assert max(width(t[4], t[1], True) for t in texts(above) if t[2]) > min(bars)   # above: labels over the bars


def test_on_paper_a_chart_is_drawn_in_points_at_the_text_width_with_text_of_7_to_9_pt():
    drawn = svg(budget(pair(LONG), pair("Program B", 22500000, 22492000)), font=PRINT_FONT, size=PAPER)
    assert re.search(r'width="467\.7pt" height="[\d.]+pt"', drawn) and 'font-family="Laporan"' in drawn
    assert {t[1] for t in texts(drawn)} == {8.5, 7.5}


def test_a_chart_taller_than_a_page_comes_in_pieces_on_one_scale():
    chart = Chart("penduduk", "Penduduk per desa", ("Laki-laki", "Perempuan"),
                  tuple(pair(f"Desa {n}", 1000 + n, 900 + n) for n in range(60)))
    drawn = pieces(chart, "grafik-p", PRINT_FONT, PAPER, TALLEST_PT)
    assert len(drawn) == 3
    heights = [float(re.search(r'height="([\d.]+)pt"', d).group(1)) for d in drawn]
    assert all(h <= TALLEST_PT for h in heights)
    assert [re.search(r"<title[^>]*>([^<]*)<", d).group(1) for d in drawn] == [
        "Penduduk per desa", "Penduduk per desa (lanjutan)", "Penduduk per desa (lanjutan)"]
    labels = [[t[4] for t in texts(d) if t[2]] for d in drawn]
    assert [name for piece in labels for name in piece] == [f"Desa {n}" for n in range(60)]   # cut between groups
    assert "Laki-laki" in drawn[0].split("<text", 2)[1] and ">Laki-laki<" in drawn[1]   # legend on the first only
    starts = {re.search(r'<rect x="([\d.]+)" y="[\d.]+" width="[\d.]+" height="8"', d).group(1) for d in drawn}
    assert len(starts) == 1                                                              # bars start alike
    assert pieces(chart.__class__(chart.id, chart.judul, chart.series, chart.groups[:5]), "g", PRINT_FONT,
                  PAPER, TALLEST_PT) == [svg(chart.__class__(chart.id, chart.judul, chart.series, chart.groups[:5]),
                                             "g", PRINT_FONT, PAPER)]


def test_bands_sit_behind_the_bars_with_their_letters_on_top():
    chart = Chart("ikm", "NRR", ("NRR",), (Group("Persyaratan", (Bar(0, D("3.51"), "3,51"),)),),
                  minimum=D(1), maximum=D(4), bands=(Band(D(1), D("2.5996"), "D"), Band(D("3.5324"), D(4), "A")))
    drawn = svg(chart, size=Size(400, 13, 11, 14, 4, 8))
    assert drawn.index(">D</text>") < drawn.index('fill="#0b5d8a"') and drawn.count("<rect") == 3
