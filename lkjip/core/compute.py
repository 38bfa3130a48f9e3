"""Derived figures: small pure functions, each declaring what it needs, run in dependency order.

Nothing here formats or rounds: results keep full Decimal precision. A figure is computed
only when the data files it needs exist; a figure that cannot be computed for one row
(a target of 0) is None with a reason, never 0% or 100%.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from graphlib import TopologicalSorter
from types import MappingProxyType
from typing import Any, Generic, TypeVar

from .model import DataFile, Report

T = TypeVar("T")


class Figures:
    """The computed figures of one build, by name; typed access through their `Figure`."""

    def __init__(self, values: Mapping[str, Any]):
        self._values = MappingProxyType(dict(values))

    def get(self, figure: Figure[T]) -> T | None:
        value: T | None = self._values.get(figure.name)
        return value

    def need(self, figure: Figure[T]) -> T:
        value = self.get(figure)
        if value is None:
            raise LookupError(f"figure {figure.name} was not computed")
        return value

    def names(self) -> list[str]:
        return list(self._values)


@dataclass(frozen=True)
class Figure(Generic[T]):
    name: str
    compute: Callable[[Report, Figures], T]
    files: tuple[DataFile[Any], ...] = ()
    """Computed only when all these files exist."""
    needs: tuple[str, ...] = ()
    """Figures computed first, when they exist."""


@dataclass(frozen=True)
class Source:
    """Computed numbers an indikator's realisasi may be taken from (`dihitung: ikm.nilai`)."""

    needs: tuple[str, ...]
    values: Callable[[Report, Figures], Iterable[tuple[str, Decimal | None]]]
    """The names are declared as ids of kind "nilai" (`subject.IdKind`), so a misspelt name is
    reported when the data is validated, before anything is computed."""


def _sources(report: Report, figures: Figures, sources: Sequence[Source]) -> Mapping[str, Decimal | None]:
    return MappingProxyType({name: value for s in sources for name, value in s.values(report, figures)})


SOURCES: Figure[Mapping[str, Decimal | None]] = Figure("sumber_realisasi", lambda r, f: MappingProxyType({}))
"""The numbers `Source`s supply, by name; the pipeline replaces the placeholder function."""


def plan(figures: Sequence[Figure[Any]], sources: Sequence[Source]) -> list[Figure[Any]]:
    """All figures in dependency order, the realisasi sources included as one figure."""
    gathered = Figure(SOURCES.name, lambda r, f: _sources(r, f, sources),
                      needs=tuple(n for s in sources for n in s.needs))
    everything = {f.name: f for f in figures}
    everything[gathered.name] = gathered
    graph = {name: {n for n in f.needs if n in everything} for name, f in everything.items()}
    return [everything[name] for name in TopologicalSorter(graph).static_order()]


def compute_all(report: Report, ordered: Sequence[Figure[Any]]) -> Figures:
    values: dict[str, Any] = {}
    for figure in ordered:
        if report.has(*figure.files):
            values[figure.name] = figure.compute(report, Figures(values))
    return Figures(values)
