"""WeasyPrint behind one small door: the only module of lkjip that imports it (tested).

What the print stage needs from a typesetting engine, and nothing more: lay out an HTML
document (`render`) with the files it may read given by a callback (`Resolve`), look at the
laid-out pages (`Page`: size, anchors, the content area and its boxes as `Box`), write the
PDF with page labels (`Document.write_pdf`), and, for the time of one job (`session`), its
log warnings collected and its subset fonts dated so the same input gives the same bytes;
`machine_notes` tells its log lines about the machine apart from those about the report.

WeasyPrint's public API (its documented `Page`: width, height, bleed, bookmarks, links,
anchors, forms) says where anchors and links are, but not where content ends on a page nor
which rows of a table a page holds, which pagination needs. That is read from the laid-out
box tree: `Page._page_box` and the classes of `weasyprint.formatting_structure.boxes`, both
private. They are read here only, through `_read` and `_box_classes`, checked against
WeasyPrint CHECKED_WITH; another WeasyPrint without them stops the build with `Unsupported`
(a Bahasa Indonesia message naming the version to install), not with a traceback.

Same input, same bytes, on any one machine: WeasyPrint subsets the fonts with HarfBuzz-Subset
where the system has it, and otherwise with fontTools, which stamps each subset font with
the current time; that time is fixed during a `session` (SOURCE_DATE_EPOCH, the
reproducible-builds convention fontTools honours), so both ways give the same bytes run after
run. The two ways give different bytes from each other (in about the same time; bench/ measures
it), so a machine without HarfBuzz-Subset is told
once, as a note about the machine, not as a warning about the report: WeasyPrint's own log
line named `layouts/print.html`, a file the author never touched, and failed `--strict`.
"""
from __future__ import annotations

import functools
import logging
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

import pydyf
import weasyprint

CHECKED_WITH = "70.0"
"""The WeasyPrint the private reads below were checked against (pyproject.toml allows its major only)."""
PAGE_BOX = "_page_box"
"""The private attribute of WeasyPrint's `Page` holding its laid-out box tree."""
FONT_EPOCH = "0"
"""The time written into subset fonts when fontTools makes them (unless SOURCE_DATE_EPOCH is set)."""
NO_HARFBUZZ_SUBSET = ("PDF dibuat tanpa pustaka HarfBuzz-Subset (fontTools dipakai untuk huruf): isinya sama dan "
                      "tetap sama setiap kali disusun di mesin ini, tetapi berkasnya tidak sama byte demi byte dengan "
                      "PDF dari mesin yang memiliki pustaka itu. Pasang: apt-get install libharfbuzz-subset0")
_MACHINE = ("HarfBuzz-Subset", "install", "Install", "version")
"""Words of WeasyPrint's log lines that are about the machine's libraries, not about the report."""

Kind = Literal["table", "row-group", "row", "line", "replaced", "other"]
_KINDS: tuple[tuple[str, Kind], ...] = (("TableBox", "table"), ("TableRowGroupBox", "row-group"),
                                        ("TableRowBox", "row"), ("LineBox", "line"), ("ReplacedBox", "replaced"))
"""WeasyPrint's box classes pagination tells apart, checked in this order (a subclass counts as its class)."""


def requirement() -> str:
    """The WeasyPrint requirement lkjip is tested with, as pip takes it."""
    major = int(CHECKED_WITH.split(".")[0])
    return f"weasyprint>={major},<{major + 1}"


class Unsupported(Exception):
    """The installed WeasyPrint lacks a part lkjip reads from its laid-out pages."""

    def __init__(self, part: str):
        self.part = part
        self.hint = f"pasang WeasyPrint yang diuji bersama lkjip: pip install '{requirement()}'"
        version = getattr(weasyprint, "__version__", "?")
        super().__init__(f"WeasyPrint {version} tidak dapat dipakai untuk mengukur halaman PDF: "
                         f"bagian '{part}' tidak ada (lkjip diperiksa dengan WeasyPrint {CHECKED_WITH})")


def _read(obj: Any, name: str) -> Any:
    """A private or undocumented attribute of WeasyPrint's, or `Unsupported` naming it."""
    try:
        return getattr(obj, name)
    except AttributeError:
        raise Unsupported(name) from None


@functools.cache
def _box_classes() -> SimpleNamespace:
    """The classes of WeasyPrint's box tree that pagination tells apart."""
    try:
        from weasyprint.formatting_structure import boxes
    except ImportError:
        raise Unsupported("weasyprint.formatting_structure.boxes") from None
    names = ("MarginBox", "ParentBox") + tuple(name for name, _ in _KINDS)
    return SimpleNamespace(**{name: _read(boxes, name) for name in names})


class Box:
    """A laid-out box, read-only, as pagination sees it; lengths in CSS pixels from the top of the page."""

    __slots__ = ("_box",)

    def __init__(self, box: Any):
        self._box = box

    @property
    def kind(self) -> Kind:
        classes = _box_classes()
        return next((kind for name, kind in _KINDS if isinstance(self._box, getattr(classes, name))), "other")

    @property
    def tag(self) -> str:
        """The element's tag (an anonymous box has its parent's)."""
        return str(_read(self._box, "element_tag"))

    def attribute(self, name: str) -> str | None:
        """An attribute of the element the box was made for (None when it has none, or no element)."""
        element = getattr(self._box, "element", None)
        return None if element is None else element.get(name)

    @property
    def header(self) -> bool:
        """A row group that is a table's header (repeated on every page)."""
        return self.kind == "row-group" and bool(_read(self._box, "is_header"))

    @property
    def bottom(self) -> float:
        """Where its margin box ends."""
        return float(_read(self._box, "position_y") + _read(self._box, "margin_height")())

    @property
    def children(self) -> list[Box]:
        if not isinstance(self._box, _box_classes().ParentBox):
            return []
        return [Box(child) for child in _read(self._box, "children")]


class Page:
    """One laid-out page: its size and anchors (WeasyPrint's public `Page`), its content area and boxes."""

    def __init__(self, page: Any):
        self._page = page

    @property
    def width(self) -> float:
        return float(self._page.width)

    @property
    def height(self) -> float:
        return float(self._page.height)

    @property
    def anchors(self) -> set[str]:
        """The anchors (element ids) on this page."""
        return set(self._page.anchors)

    @property
    def _box(self) -> Any:
        return _read(self._page, PAGE_BOX)

    @property
    def content_top(self) -> float:
        """Where the page's content area begins (below the top margin)."""
        return float(_read(self._box, "content_box_y")())

    @property
    def content_height(self) -> float:
        return float(_read(self._box, "height"))

    def content(self) -> list[Box]:
        """The boxes of the page's content area: the margin boxes (running header, folio) left out."""
        margin = _box_classes().MarginBox
        return [Box(child) for child in _read(self._box, "children") if not isinstance(child, margin)]


@dataclass(frozen=True)
class InMemory:
    """A file served from memory (an image of the output map): its bytes and media type."""

    data: bytes
    content_type: str


Resolve = Callable[[str], Path | InMemory | None]
"""What a URL the document asks for stands for: a local file, bytes in memory, or None (refused)."""


def _fetcher(resolve: Resolve) -> Any:
    class Fetcher(weasyprint.URLFetcher):  # type: ignore[misc,unused-ignore]  # untyped: Any under --strict
        """Only what `resolve` allows: local files and bytes in memory, never the network."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            found = resolve(url)
            if isinstance(found, InMemory):
                return weasyprint.urls.URLFetcherResponse(url, found.data, {"Content-Type": found.content_type})
            if found is not None:
                return super().fetch(found.as_uri(), headers)
            raise ValueError(f"akses ditolak: {url}")

    return Fetcher(allowed_protocols=["file"])


class Document:
    """A laid-out document: its pages, ready to be written as PDF."""

    def __init__(self, document: Any, options: Mapping[str, Any]):
        self._document = document
        self._options = dict(options)   # the PDF options it was laid out with, written with the same

    @property
    def pages(self) -> list[Page]:
        return [Page(page) for page in self._document.pages]

    def write_pdf(self, labels: Sequence[tuple[int, Mapping[str, str]]] = (), outlines: bool = False) -> bytes:
        """The PDF; `labels` are page label ranges (first page index, {"S": "r"|"D"|..., "P": prefix}),
        written as /PageLabels, which WeasyPrint does not write itself; `outlines` opens the viewer
        with the bookmarks shown."""
        def finish(document: Any, pdf: Any) -> None:
            if labels:
                nums: list[Any] = []
                for index, style in labels:
                    entry = pydyf.Dictionary({"S": f"/{style['S']}"} if "S" in style
                                             else {"P": pydyf.String(style["P"])})
                    nums += [index, entry]
                pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(nums)})
            if outlines:
                pdf.catalog["PageMode"] = "/UseOutlines"
        return bytes(self._document.write_pdf(finisher=finish, **self._options))


def render(markup: str, base_url: str, resolve: Resolve | None = None, identifier: bytes | None = None,
           variant: str | None = None) -> Document:
    """`markup` laid out; relative URLs against `base_url`, fetched through `resolve` (else
    WeasyPrint's own fetcher); `identifier` is the PDF's /ID, `variant` WeasyPrint's PDF variant
    (pdf/ua-1, say)."""
    options: dict[str, Any] = {}
    if identifier is not None:
        options["pdf_identifier"] = identifier
    if variant is not None:
        options["pdf_variant"] = variant
    fetcher = {"url_fetcher": _fetcher(resolve)} if resolve is not None else {}
    return Document(weasyprint.HTML(string=markup, base_url=base_url, **fetcher).render(**options), options)


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def session(messages: list[str] | None = None) -> Iterator[list[str]]:
    """For the time of one step of a job: WeasyPrint's warnings collected into the list given (`messages`,
    else a new one), and subset fonts dated FONT_EPOCH unless SOURCE_DATE_EPOCH is set; both undone
    afterwards."""
    capture = _Capture()
    if messages is not None:
        capture.messages = messages
    logger = logging.getLogger("weasyprint")
    logger.addHandler(capture)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch or FONT_EPOCH
    try:
        yield capture.messages
    finally:
        logger.removeHandler(capture)
        if epoch is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = epoch


def machine_notes(messages: list[str]) -> tuple[list[str], list[str]]:
    """WeasyPrint's log lines split into (about the report, about the machine), each once; the
    machine's in plain words where we know them."""
    report, machine = [], []
    for m in dict.fromkeys(messages):
        if "HarfBuzz-Subset" in m:
            machine.append(NO_HARFBUZZ_SUBSET)
        elif any(word in m for word in _MACHINE):
            machine.append(f"WeasyPrint: {m}")
        else:
            report.append(m)
    return report, list(dict.fromkeys(machine))
