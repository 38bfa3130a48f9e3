"""Charts drawn as SVG at build time, in plain Python: readable without JavaScript, and the same
vectors in the site and the PDF.

No chart library fits better: matplotlib would add a large dependency and a font cache to
draw a few bars, and would have to be made byte-deterministic; the charts of an LKjIP are
labelled horizontal bars, which a few dozen lines draw exactly. Horizontal bars, because
labels (long indikator names, desa names) then read as text on a line of their own and the
drawing narrows gracefully to a phone. Every bar carries its value as the table writes it,
the SVG has a <title> and a <desc> with the whole chart in words, and sits next to its table.

`svg(chart)` returns the markup; templates only place it.
"""
from __future__ import annotations

import textwrap
from decimal import Decimal
from html import escape

from ..charts import Chart, Group

WIDTH = 400
LEFT = 78            # series labels ("Realisasi", "2024") left of the bars
BAR, GAP, LINE = 14, 4, 17
FONT = 'font-family="DejaVu Sans, Verdana, sans-serif"'
TWO = ("#0b5d8a", "#c2570c")
SCALE = ("#8fb3cc", "#4d88b0", "#0b5d8a", "#073d5c")
BANDS = ("#f3e0e0", "#f6ecd9", "#e3eef5", "#dcefdf", "#d5e8f0")


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def colours(chart: Chart) -> tuple[str, ...]:
    n = len(chart.series)
    if n <= 2:
        return TWO[:n]
    return tuple(SCALE[round(i * (len(SCALE) - 1) / (n - 1))] for i in range(n))


def _range(chart: Chart, group: Group) -> tuple[Decimal, Decimal]:
    low = chart.minimum
    if chart.maximum is not None:
        return low, chart.maximum
    values = [b.value for g in (chart.groups if chart.shared_scale else (group,)) for b in g.bars]
    high = max(values, default=Decimal(1))
    return low, high if high > low else low + 1


def _right(chart: Chart) -> float:
    """Room after the longest bar for its value."""
    return 10 + 6.6 * max((len(b.text) for g in chart.groups for b in g.bars), default=4)


def _x(value: Decimal, low: Decimal, high: Decimal, right: float) -> float:
    span = WIDTH - LEFT - right
    share = (min(max(value, low), high) - low) / (high - low)
    return LEFT + float(share) * span


def _group(chart: Chart, group: Group, y: float, fills: tuple[str, ...]) -> tuple[list[str], float]:
    out = []
    label = group.label + (f" ({group.note})" if group.note else "")
    for line in textwrap.wrap(label, 52) or [""]:
        y += LINE
        out.append(f'<text x="0" y="{_n(y - 4)}" font-size="13" font-weight="bold">{escape(line)}</text>')
    low, high = _range(chart, group)
    for bar in group.bars:
        end = _x(bar.value, low, high, _right(chart))
        if len(chart.series) > 1:
            out.append(f'<text x="{LEFT - 6}" y="{_n(y + BAR - 3)}" font-size="11" text-anchor="end">'
                       f'{escape(chart.series[bar.series])}</text>')
        out.append(f'<rect x="{LEFT}" y="{_n(y)}" width="{_n(max(end - LEFT, 1))}" height="{BAR}" '
                   f'fill="{fills[bar.series]}"/>')
        out.append(f'<text x="{_n(end + 4)}" y="{_n(y + BAR - 3)}" font-size="11">{escape(bar.text)}</text>')
        y += BAR + GAP
    return out, y + 8


def _bands(chart: Chart, top: float, bottom: float) -> list[str]:
    out = []
    low, high = chart.minimum, chart.maximum or max(b.end for b in chart.bands)
    for i, band in enumerate(chart.bands):
        a, b = _x(band.start, low, high, _right(chart)), _x(band.end, low, high, _right(chart))
        out.append(f'<rect x="{_n(a)}" y="{_n(top)}" width="{_n(b - a)}" height="{_n(bottom - top)}" '
                   f'fill="{BANDS[i % len(BANDS)]}"/>')
        out.append(f'<text x="{_n((a + b) / 2)}" y="{_n(top - 4)}" font-size="11" text-anchor="middle">'
                   f'{escape(band.label)}</text>')
    return out


def _legend(chart: Chart, fills: tuple[str, ...]) -> list[str]:
    out, x = [], 0.0
    for name, fill in zip(chart.series, fills, strict=True):
        out.append(f'<rect x="{_n(x)}" y="2" width="12" height="12" fill="{fill}"/>')
        out.append(f'<text x="{_n(x + 16)}" y="12" font-size="11">{escape(name)}</text>')
        x += 28 + 7 * len(name)
    return out


def svg(chart: Chart, prefix: str = "grafik", font: str = FONT) -> str:
    """The chart as an inline SVG element, with a title and the whole chart in words; `prefix`
    makes the ids of its title and description unique in the page; `font` is the SVG's
    font-family attribute (the PDF uses its own embedded font)."""
    fills = colours(chart)
    head = _legend(chart, fills) if len(chart.series) > 1 else []
    top = (22.0 if head else 0.0) + (18 if chart.bands else 0)
    body: list[str] = []
    y = top
    for group in chart.groups:
        lines, y = _group(chart, group, y, fills)
        body += lines
    bands = _bands(chart, top, y - 8) if chart.bands else []
    ident = prefix
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik-svg" viewBox="0 0 {WIDTH} {_n(y)}" '
            f'width="{WIDTH}" height="{_n(y)}" role="img" aria-labelledby="{ident}-judul {ident}-isi" {font} '
            f'fill="#1d2428">\n<title id="{ident}-judul">{escape(chart.judul)}</title>\n'
            f'<desc id="{ident}-isi">{escape(chart.summary())}</desc>\n'
            + "\n".join(bands + head + body) + "\n</svg>")

