"""What a subject of LKjIP knowledge gives the engine: the protocol between the two axes.

The engine (reading, validation, computation, checks, rendering, writing) knows nothing
about kinerja, anggaran or IKM. Each subject in `lkjip.domain` declares, side by side, its
data files, the ids other files may refer to, its cross-file rules, figures, tables, lists,
Markdown keys, printed figures and checks. `domain.SUBJECTS` lists the subjects; nothing is
registered as a side effect of an import.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..check.compare import PrintedCell
from ..diagnostics import Diagnostic
from ..views.blocks import Card, DataList, Signature
from ..views.charts import Chart
from ..views.tables import Built
from ..views.values import Value
from .compute import Figure, Figures, Source
from .model import DataFile, DataFolder, Report
from .nextyear import Policy, Rewrite


def nothing(*args: Any) -> tuple[()]:
    return ()


@dataclass(frozen=True)
class TableSpec:
    """A table Markdown can place with `{{ tabel: ID }}`."""

    id: str
    judul: str
    """The title when data/laporan.yaml gives none."""
    build: Callable[[Report, Figures], Built]
    needs: tuple[DataFile[Any], ...] = ()
    about: str = ""
    """One line for `kunci`: what the table shows."""
    unavailable: Callable[[Report], str | None] = lambda report: None
    """Why the table cannot be made from this report's data although its files exist, or None."""
    nomor: str | None = None
    sumber: str | None = None
    origin: str | None = None
    """The data file a table from the data comes from, for messages about its id."""


@dataclass(frozen=True)
class ChartSpec:
    """A chart Markdown can place with `{{ grafik: ID }}`, beside the table it draws (`tabel`)."""

    id: str
    tabel: str
    build: Callable[[Report, Figures], Chart | None]
    """The chart, or None when the data hold nothing to draw."""
    needs: tuple[DataFile[Any], ...] = ()
    about: str = ""


@dataclass(frozen=True)
class ListSpec:
    """A list Markdown can place with `{{ daftar: ID }}`."""

    id: str
    build: Callable[[Report], DataList]
    needs: tuple[DataFile[Any], ...] = ()


@dataclass(frozen=True)
class IdKind:
    """Ids one data file defines that other files may refer to (`Ref("program")`). Several
    subjects may define ids of one kind: the kind "nilai" gathers every computed value an
    indikator's realisasi may be taken from."""

    kind: str
    file: DataFile[Any]
    ids: Callable[[Report], Iterable[str]]


@dataclass(frozen=True)
class PageInfo:
    """What a structure check may know of a chapter: its title, kind, headings and placed blocks."""

    file: str
    slug: str
    title: str
    kind: str
    headings: tuple[str, ...]
    tables: tuple[str, ...]


@dataclass(frozen=True)
class Period:
    """The multi-year plan a subject's data declare (the Renstra): relative years such as
    `_akhir_renstra` count from it."""

    file: DataFile[Any]
    span: Callable[[Report], tuple[int, int] | None]


@dataclass(frozen=True)
class Reasons:
    """The reasons a subject's data give for places where the signed document differs from the data
    (`alasan: ID`), and those about writing only, which readers see listed without a mark."""

    file: DataFile[Any]
    reasons: Callable[[Report], Mapping[str, str]]
    writing_only: Callable[[Report], frozenset[str]]


def period_of(subjects: Sequence[Subject], report: Report) -> tuple[Period | None, tuple[int, int] | None]:
    """The plan period some subject declares, and its span in this report (None without its data)."""
    found = next((s.period for s in subjects if s.period is not None), None)
    return found, found.span(report) if found is not None else None


def reasons_of(subjects: Sequence[Subject]) -> Reasons | None:
    return next((s.reasons for s in subjects if s.reasons is not None), None)


@dataclass(frozen=True)
class Subject:
    name: str
    files: tuple[DataFile[Any], ...] = ()
    folders: tuple[DataFolder[Any], ...] = ()
    id_kinds: tuple[IdKind, ...] = ()
    validate: Callable[[Report], Iterable[Diagnostic]] = nothing
    """Rules across files, run once every file is valid and every reference resolves."""
    figures: tuple[Figure[Any], ...] = ()
    sources: tuple[Source, ...] = ()
    tables: tuple[TableSpec, ...] = ()
    dynamic_tables: Callable[[Report], Iterable[TableSpec]] = nothing
    """Tables whose ids come from the data (one per Perjanjian Kinerja, one per office table)."""
    dynamic_tables_about: str = ""
    """Where those ids come from, for the message about an id that names no table."""
    charts: tuple[ChartSpec, ...] = ()
    lists: tuple[ListSpec, ...] = ()
    dynamic_lists: Callable[[Report], Iterable[ListSpec]] = nothing
    signatures: Callable[[Report], Iterable[Signature]] = nothing
    keys: Callable[[Report, Figures], Iterable[tuple[str, Value]]] = nothing
    key_files: tuple[tuple[str, DataFile[Any]], ...] = ()
    """Key prefixes and the file their values come from, to say which file is missing."""
    printed: Callable[[Report], Iterable[PrintedCell]] = nothing
    checks: Callable[[Report, Figures], Iterable[Diagnostic]] = nothing
    page_checks: Callable[[Report, Sequence[PageInfo]], Iterable[Diagnostic]] = nothing
    cards: Callable[[Report, Figures], Iterable[Card]] = nothing
    """Headline figures for the home page (capaian per sasaran, IKM, serapan, penduduk)."""
    next_year: Mapping[str, Policy] = field(default_factory=dict)
    """What next year's report does with each of its data files and folders (`lkjip.core.nextyear`)."""
    rewrites: Mapping[str, Rewrite] = field(default_factory=dict)
    """Its rule for each file it rewrites for the new year (`ubah`)."""
    period: Period | None = None
    reasons: Reasons | None = None
