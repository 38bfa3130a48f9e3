"""What Markdown may place and quote in this report: tables, lists, signatures and values.

Gathered from every subject for the report at hand. A table, list or value whose data is
absent is known by name, so a chapter that places it is told which file is missing rather
than that the name is unknown. Tables get their number and title from data/laporan.yaml;
`salinan` entries there show a table again under another id (with printed figures of its own).
"""
from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

from ..diagnostics import Diagnostic, Loc, error
from ..domain.laporan import LAPORAN, JudulTabel, laporan
from ..source.markdown import BlockKind
from ..views.blocks import BLOCK_KINDS, DataList, Signature
from ..views.charts import Chart, default_title
from ..views.tables import Table
from ..views.values import Value
from ..years import RelativeKey, YearAnchors, candidates, relative, years_of
from .compute import Figures
from .model import DataFile, Report
from .subject import ChartSpec, ListSpec, Subject, TableSpec, period_of
from .validate import missing_file_for_key


class Unavailable(Exception):
    """A known block or value that this report's data cannot provide; the message says why."""


def _close_to(word: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f"maksud Anda '{close[0]}'?" if close else "yang ada: " + ", ".join(known)


def as_printed(table: Table, meta: JudulTabel) -> Table:
    """The table laid out as its document prints it: column and group labels, and row order."""
    columns = tuple(replace(c, label=meta.kolom.get(c.key, c.label),
                            group=tuple(meta.kelompok.get(g, g) for g in c.group)) for c in table.columns)
    rows = table.rows
    if meta.urutan:
        place = {id: i for i, id in enumerate(meta.urutan)}
        rows = tuple(sorted(rows, key=lambda r: place.get(r.id, len(place))))
    return replace(table, columns=columns, rows=rows)


def _missing(needs: Sequence[DataFile[Any]], report: Report) -> str | None:
    absent = [f.path for f in needs if not report.has(f)]
    return f"memerlukan {' dan '.join(absent)}, yang tidak ada" if absent else None


@dataclass
class Catalog:
    report: Report
    figures: Figures
    subjects: Sequence[Subject]
    tables: dict[str, TableSpec] = field(default_factory=dict)
    charts: dict[str, ChartSpec] = field(default_factory=dict)
    lists: dict[str, ListSpec] = field(default_factory=dict)
    signatures: dict[str, Signature] = field(default_factory=dict)
    keys: Mapping[str, Value] = field(default_factory=dict)
    copies: dict[str, str] = field(default_factory=dict)
    clashes: list[TableSpec] = field(default_factory=list)
    _built: dict[str, Table] = field(default_factory=dict)
    _defaults: dict[str, Table] = field(default_factory=dict)
    """Each built table before data/laporan.yaml renamed its columns (to check the names it renames)."""

    @classmethod
    def of(cls, report: Report, figures: Figures, subjects: Sequence[Subject]) -> Catalog:
        cat = cls(report, figures, subjects)
        for s in subjects:
            for spec in list(s.tables) + (list(s.dynamic_tables(report)) if _files_present(s, report) else []):
                if spec.id in cat.tables:
                    cat.clashes.append(spec)
                    continue
                cat.tables[spec.id] = spec
            cat.charts.update({c.id: c for c in s.charts})
            for lst in list(s.lists) + list(s.dynamic_lists(report)):
                cat.lists.setdefault(lst.id, lst)
            cat.signatures.update({sig.id: sig for sig in s.signatures(report)})
        for id, meta in report.need(LAPORAN).tabel.items():
            if meta.salinan and meta.salinan in cat.tables and id not in cat.tables:
                cat.tables[id] = replace(cat.tables[meta.salinan], id=id)
                cat.copies[id] = meta.salinan
        cat.keys = MappingProxyType({k: val for s in subjects for k, val in s.keys(report, figures)})
        return cat

    def problems(self) -> list[Diagnostic]:
        """Entries of data/laporan.yaml `tabel` that name no table, or copy one that does not exist."""
        doc = self.report.documents.get(LAPORAN.path)
        out = [error(Loc(spec.origin or LAPORAN.path), f"pengenal tabel '{spec.id}' sudah dipakai tabel lain "
                     f"({self.tables[spec.id].judul})", "ganti pengenal dokumen atau nama file tabelnya",
                     "table-id-taken") for spec in self.clashes]
        if doc is None:
            return out
        for id, meta in self.report.need(LAPORAN).tabel.items():
            if meta.salinan is not None and meta.salinan not in self.tables:
                out.append(error(doc.loc(("tabel", id, "salinan")), f"tabel '{meta.salinan}' tidak dikenal",
                                 _suggest(meta.salinan, self.tables), "unknown-table"))
            elif id not in self.tables:
                out.append(error(doc.loc(("tabel", id), key=True), f"tabel '{id}' tidak dikenal",
                                 f"{_suggest(id, self.tables)} ({self.where_tables_come_from()})", "unknown-table"))
        return out

    def where_tables_come_from(self) -> str:
        sources = [s.dynamic_tables_about for s in self.subjects if s.dynamic_tables_about]
        return "selain tabel bawaan, pengenal tabel berasal dari " + "; ".join(sources)

    def why_not_table(self, id: str) -> str | None:
        spec = self.tables[id]
        return _missing(spec.needs, self.report) or spec.unavailable(self.report)

    def table(self, id: str, full: bool = False) -> Table:
        """The numbered, titled table; `full` keeps the columns no row fills (for comparisons)."""
        if id not in self._built:
            reason = self.why_not_table(id)
            if reason:
                raise Unavailable(f"tabel '{id}' {reason}")
            spec = self.tables[id]
            built = spec.build(self.report, self.figures)
            meta = self.report.need(LAPORAN).tabel.get(id)
            table = Table(id, meta.nomor if meta and meta.nomor else spec.nomor,
                          meta.judul if meta and meta.judul else spec.judul, built.columns, built.rows,
                          built.notes, meta.sumber if meta and meta.sumber else spec.sumber or built.sumber, built.wide,
                          self.copies.get(id))
            self._defaults[id] = table
            self._built[id] = as_printed(table, meta) if meta else table
        table = self._built[id]
        return table if full else table.without_empty_columns()

    def layout_problems(self) -> list[Diagnostic]:
        """Column labels, group labels and row orders of data/laporan.yaml that name nothing in their table."""
        doc = self.report.documents.get(LAPORAN.path)
        out: list[Diagnostic] = []
        for id, meta in self.report.need(LAPORAN).tabel.items():
            if doc is None or id not in self.tables or self.why_not_table(id) is not None:
                continue
            table = self.table(id, full=True)
            out += [error(meta.at("kolom"), f"{table.name} tidak memiliki kolom '{key}'",
                          _close_to(key, [c.key for c in table.columns]), "layout-unknown")
                    for key in meta.kolom if table.column(key) is None]
            groups = {g for c in self._defaults[id].columns for g in c.group}   # the labels before renaming
            out += [error(meta.at("kelompok"), f"{table.name} tidak memiliki kelompok kolom '{label}'",
                          _close_to(label, sorted(groups)), "layout-unknown")
                    for label in meta.kelompok if label not in groups]
            out += [error(meta.at("urutan"), f"{table.name} tidak memiliki baris '{row}'",
                          _close_to(row, [r.id for r in table.rows]), "layout-unknown")
                    for row in meta.urutan if table.row(row) is None]
        return out

    def available_tables(self, full: bool = False) -> dict[str, Table]:
        return {id: self.table(id, full) for id in self.tables if self.why_not_table(id) is None}

    def chart(self, id: str) -> Chart:
        """The chart titled as its table is; Unavailable when its data are absent or hold nothing to draw."""
        spec = self.charts[id]
        reason = _missing(spec.needs, self.report) or (self.why_not_table(spec.tabel) if spec.tabel in self.tables
                                                        else None)
        if reason:
            raise Unavailable(f"grafik '{id}' {reason}")
        chart = spec.build(self.report, self.figures)
        if chart is None:
            raise Unavailable(f"grafik '{id}' tidak memiliki angka untuk digambar")
        table = self.table(spec.tabel) if spec.tabel in self.tables else None
        return replace(chart, judul=chart.judul or default_title(table, id, laporan(self.report).sebutan_gambar),
                       tabel=spec.tabel)

    def data_list(self, id: str) -> DataList:
        spec = self.lists[id]
        reason = _missing(spec.needs, self.report)
        if reason:
            raise Unavailable(f"daftar '{id}' {reason}")
        return spec.build(self.report)

    @property
    def signed(self) -> bool:
        """Whether readers see what was signed (quotes in the words of the signed document)."""
        return laporan(self.report).signed

    @property
    def anchors(self) -> YearAnchors:
        """What relative years (`_tahun_lalu`, `_akhir_renstra`) count from."""
        return YearAnchors(laporan(self.report).tahun, period_of(self.subjects, self.report)[1])

    def value(self, key: str) -> Value:
        if key in self.keys:
            return self.keys[key]
        found = relative(key, self.anchors)
        if found is not None:
            return self._relative(key, found)
        owner = missing_file_for_key(key, self.report, [kf for s in self.subjects for kf in s.key_files])
        if owner is not None:
            raise Unavailable(f"nilai '{key}' memerlukan {owner.path}, yang tidak ada")
        raise KeyError(key)

    def absolute(self, key: str) -> str:
        """The key a relative key stands for in this report (`…_tahun_lalu` -> `…_2023`), else the key itself."""
        found = relative(key, self.anchors) if key not in self.keys else None
        if found is not None and found.year is not None:
            return next((k for k in candidates(found, self.anchors) if k in self.keys), key)
        return key

    def _relative(self, key: str, found: RelativeKey) -> Value:
        """A value named by where its year stands (`lkjip.years`); Unavailable, saying which year, where the
        data hold none for that year."""
        if found.year is None:
            plan = period_of(self.subjects, self.report)[0]
            where = f" di {plan.file.path}" if plan is not None else ""
            raise Unavailable(f"nilai '{key}' memerlukan periode Renstra{where}, yang tidak ada")
        for absolute in candidates(found, self.anchors):
            if absolute in self.keys:
                return self.keys[absolute]
        years = years_of(found.base, list(self.keys))
        if found.base in self.keys:
            years = sorted({*years, self.anchors.tahun})
        if not years:
            return self.value(found.base)   # unknown, or its data file is absent: that message
        if found.year < years[0]:
            raise Unavailable(f"nilai '{key}' menunjuk tahun {found.year}, sebelum tahun pertama datanya "
                              f"({years[0]})")
        raise Unavailable(f"nilai '{key}' menunjuk tahun {found.year}, yang tidak ada datanya (ada: "
                          f"{', '.join(map(str, years))})")

    def source_of(self, key: str) -> DataFile[Any] | None:
        """The data file a value key is drawn from, so a message about a missing key can point there."""
        for pattern, file in (kf for s in self.subjects for kf in s.key_files):
            if fnmatch.fnmatchcase(key, pattern) or key.startswith(pattern + "."):
                return file
        return None

    def signature(self, id: str) -> Signature:
        return self.signatures[id]

    def block(self, kind: BlockKind, id: str) -> object | None:
        """The object a chapter places (`{{ tabel: capaian }}`), None for an id this report does not know;
        Unavailable where its data cannot give it."""
        spec = BLOCK_KINDS[kind]
        if id not in getattr(self, spec.known):
            return None
        found: object = getattr(self, spec.lookup)(id)
        return found

    def known(self, kind: str) -> list[str]:
        return sorted(getattr(self, BLOCK_KINDS[BlockKind(kind)].known))


def _files_present(subject: Subject, report: Report) -> bool:
    return all(report.has(f) for f in subject.files if f.required)


def _suggest(name: str, known: Mapping[str, Any]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"maksud Anda '{close[0]}'?" if close else "tabel yang dikenal: " + ", ".join(sorted(known))
