"""Charts drawn as SVG at build time, in plain Python: readable without JavaScript, and the same
vectors in the site and the PDF.

No chart library fits better: matplotlib would add a large dependency and a font cache to
draw a few bars, and would have to be made byte-deterministic; the charts of an LKjIP are
labelled horizontal bars, which a few dozen lines draw exactly. Horizontal bars, because
labels (long indikator names, desa names) then read as text and the drawing narrows
gracefully to a phone. Every bar carries its value as the table writes it, the SVG has a
<title> and a <desc> with the whole chart in words, and sits next to its table.

Labels are wrapped by their measured width (`textwidth`), never cut: a long label takes as
many lines above its bars as it needs; when every label fits in two lines of a column
beside the bars (desa names, IKM unsur), the labels stand in that column, which keeps a
chart of many groups compact. A `Size` says how big the drawing is: the site's is scaled to
the column of the page; the PDF's is drawn in points at the width of the text, so its
text is printed at exactly its size. A chart taller than a page is drawn in pieces
(`pieces`) that break between its groups.

`svg(chart)` returns the markup; templates only place it.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from ..views.charts import Chart, Group
from .textwidth import width, wrap

FONT = 'font-family="DejaVu Sans, Verdana, sans-serif"'
TWO = ("#0b5d8a", "#c2570c")
SCALE = ("#8fb3cc", "#4d88b0", "#0b5d8a", "#073d5c")
BANDS = ("#f3e0e0", "#f6ecd9", "#e3eef5", "#dcefdf", "#d5e8f0")
LEADING = 1.2        # line height of a label, in its font size
INSET = 0.1          # labels start this far in (in their font size): a "J" reaches left of its origin
SLACK = 0.97         # labels fill at most this share of their room: Verdana, the site's fallback, is wider
BESIDE_LINES = 2     # labels stand beside their bars when each fits, whole words, in this many lines of the column


@dataclass(frozen=True)
class Size:
    """How big a chart is drawn, in the units of its drawing."""

    width: float
    label: float             # group labels (bold)
    small: float             # series names, values, the legend and band labels
    bar: float
    gap: float               # between the bars of a group
    space: float             # between groups
    unit: str = ""           # of the svg's width and height: "pt" on paper; none (px) on screen
    column: float = 0.35     # the share of the width a column of labels beside the bars may take


SCREEN = Size(400, 13, 11, 14, 4, 8)


@dataclass(frozen=True)
class _Plan:
    """Where things go, worked out once for the whole chart so that every piece shares it."""

    size: Size
    beside: bool             # labels in a column beside the bars, else above them
    room: float              # the width a label may take
    start: float             # where bars start
    end: float               # where the longest bar ends (values follow it)
    fills: tuple[str, ...]


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def colours(chart: Chart) -> tuple[str, ...]:
    n = len(chart.series)
    if n <= 2:
        return TWO[:n]
    return tuple(SCALE[round(i * (len(SCALE) - 1) / (n - 1))] for i in range(n))


def _label(group: Group) -> str:
    return group.label + (f" ({group.note})" if group.note else "")


def _plan(chart: Chart, size: Size) -> _Plan:
    inset = size.label * INSET
    limit = size.column * size.width * SLACK - inset
    wrapped = [wrap(_label(g), size.label, limit, True) for g in chart.groups]
    whole = all(width(word, size.label, True) <= limit for g in chart.groups for word in _label(g).split())
    beside = whole and all(len(lines) <= BESIDE_LINES for lines in wrapped)
    if beside:      # the column as wide as its widest line (wrapping at that width breaks the same lines)
        room = max((width(line, size.label, True) for lines in wrapped for line in lines), default=0.0)
        column = room / SLACK + inset + size.small
    else:
        room, column = size.width * SLACK - inset, 0.0
    series = max((width(s, size.small) for s in chart.series), default=0.0) + size.small / 2 \
        if len(chart.series) > 1 else 0.0
    values = max((width(b.text, size.small) for g in chart.groups for b in g.bars), default=0.0)
    end = size.width - values - size.small / 2
    return _Plan(size, beside, room, column + series, end, colours(chart))


def _range(chart: Chart, group: Group) -> tuple[Decimal, Decimal]:
    low = chart.minimum
    if chart.maximum is not None:
        return low, chart.maximum
    values = [b.value for g in (chart.groups if chart.shared_scale else (group,)) for b in g.bars]
    high = max(values, default=Decimal(1))
    return low, high if high > low else low + 1


def _x(plan: _Plan, value: Decimal, low: Decimal, high: Decimal) -> float:
    share = (min(max(value, low), high) - low) / (high - low)
    return plan.start + float(share) * (plan.end - plan.start)


def _text(x: float, y: float, size: float, text: str, extra: str = "") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" font-size="{_n(size)}"{extra}>{escape(text)}</text>'


def _extent(plan: _Plan, group: Group) -> tuple[list[str], float, float, float]:
    """A group's label lines, the heights of its label and of its bars, and its whole height."""
    s = plan.size
    lines = wrap(_label(group), s.label, plan.room, True) or [""]
    block = len(lines) * s.label * LEADING
    bars = len(group.bars) * (s.bar + s.gap) - s.gap
    return lines, block, bars, max(block, bars) if plan.beside else block + bars


def _group(chart: Chart, plan: _Plan, group: Group, y: float) -> tuple[list[str], float]:
    """The group's label and bars from `y`; returns them and where the next group starts."""
    s = plan.size
    lines, block, bars, height = _extent(plan, group)
    if plan.beside:
        label_top, bar_top = y + (height - block) / 2, y + (height - bars) / 2
    else:
        label_top, bar_top = y, y + block
    out = [_text(s.label * INSET, label_top + s.label * (LEADING * i + 0.95), s.label, line, ' font-weight="bold"')
           for i, line in enumerate(lines)]
    low, high = _range(chart, group)
    for bar in group.bars:
        end = _x(plan, bar.value, low, high)
        middle = bar_top + s.bar / 2 + s.small * 0.35       # the baseline that centres text on the bar
        if len(chart.series) > 1:
            out.append(_text(plan.start - s.small / 2, middle, s.small, chart.series[bar.series],
                             ' text-anchor="end"'))
        out.append(f'<rect x="{_n(plan.start)}" y="{_n(bar_top)}" width="{_n(max(end - plan.start, 1))}" '
                   f'height="{_n(s.bar)}" fill="{plan.fills[bar.series]}"/>')
        out.append(_text(end + s.small / 3, middle, s.small, bar.text))
        bar_top += s.bar + s.gap
    return out, y + height + s.space


def _bands(chart: Chart, plan: _Plan, top: float, bottom: float) -> list[str]:
    """The bands behind the bars, from top to bottom, with their labels above them."""
    out = []
    low, high = chart.minimum, chart.maximum or max(b.end for b in chart.bands)
    for i, band in enumerate(chart.bands):
        a, b = _x(plan, band.start, low, high), _x(plan, band.end, low, high)
        out.append(f'<rect x="{_n(a)}" y="{_n(top)}" width="{_n(b - a)}" height="{_n(bottom - top)}" '
                   f'fill="{BANDS[i % len(BANDS)]}"/>')
        out.append(_text((a + b) / 2, top - plan.size.small * 0.4, plan.size.small, band.label,
                         ' text-anchor="middle"'))
    return out


def _legend(chart: Chart, plan: _Plan) -> tuple[list[str], float]:
    """The series' colours and names, on as many lines as the width needs; returns them and their height."""
    s = plan.size
    out: list[str] = []
    x = y = 0.0
    if len(chart.series) < 2:
        return out, 0.0
    for name, fill in zip(chart.series, plan.fills, strict=True):
        item = s.small * 1.4 + width(name, s.small)
        if x and x + item > s.width:
            x, y = 0.0, y + s.small * 1.6
        out.append(f'<rect x="{_n(x)}" y="{_n(y + s.small * 0.15)}" width="{_n(s.small)}" height="{_n(s.small)}" '
                   f'fill="{fill}"/>')
        out.append(_text(x + s.small * 1.4, y + s.small * 1.05, s.small, name))
        x += item + s.small * 1.5
    return out, y + s.small * 2.2


def _top(chart: Chart, plan: _Plan, legend: bool) -> tuple[list[str], float]:
    """The legend (when asked for) and where the groups start: below it and the bands' labels."""
    head, top = _legend(chart, plan) if legend else ([], 0.0)
    return head, top + (plan.size.small * 1.6 if chart.bands else 0.0)


def _draw(chart: Chart, plan: _Plan, groups: tuple[Group, ...], ident: str, title: str, font: str,
          legend: bool) -> str:
    head, top = _top(chart, plan, legend)
    body: list[str] = []
    y = top
    for group in groups:
        lines, y = _group(chart, plan, group, y)
        body += lines
    height = y - plan.size.space
    bands = _bands(chart, plan, top, height) if chart.bands else []
    words = Chart(chart.id, title, chart.series, groups).summary()
    unit = plan.size.unit
    return (f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik-svg" viewBox="0 0 {_n(plan.size.width)} '
            f'{_n(height)}" width="{_n(plan.size.width)}{unit}" height="{_n(height)}{unit}" role="img" '
            f'aria-labelledby="{ident}-judul {ident}-isi" {font} fill="#1d2428">\n'
            f'<title id="{ident}-judul">{escape(title)}</title>\n<desc id="{ident}-isi">{escape(words)}</desc>\n'
            + "\n".join(bands + head + body) + "\n</svg>")


def svg(chart: Chart, prefix: str = "grafik", font: str = FONT, size: Size = SCREEN) -> str:
    """The chart as an inline SVG element, with a title and the whole chart in words; `prefix`
    makes the ids of its title and description unique in the page; `font` is the SVG's
    font-family attribute (the PDF uses its own embedded font)."""
    return _draw(chart, _plan(chart, size), chart.groups, prefix, chart.judul, font, True)


def pieces(chart: Chart, prefix: str, font: str, size: Size, tallest: float) -> list[str]:
    """The chart as SVG elements no taller than `tallest` each (one when it fits), cut between
    groups, on one scale; the legend heads the first, each later piece is titled as continued."""
    plan = _plan(chart, size)
    runs: list[list[Group]] = [[]]
    height = _top(chart, plan, True)[1]
    for group in chart.groups:
        extra = _extent(plan, group)[3] + (size.space if runs[-1] else 0.0)
        if runs[-1] and height + extra > tallest:
            runs.append([])
            height, extra = _top(chart, plan, False)[1], extra - size.space
        runs[-1].append(group)
        height += extra
    if len(runs) == 1:
        return [_draw(chart, plan, chart.groups, prefix, chart.judul, font, True)]
    return [_draw(chart, plan, tuple(run), f"{prefix}-{n}", chart.judul + ("" if n == 1 else " (lanjutan)"),
                  font, n == 1) for n, run in enumerate(runs, 1)]
