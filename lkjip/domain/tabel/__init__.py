"""Tables an office defines itself, entirely in YAML: one file per table in `data/tabel/`.

Columns are typed (teks, angka, rupiah, persen); a column may be computed from others
(jumlah, selisih, persen, capaian) and rows may be computed from the data rows (jumlah,
rata_rata). Such tables are placed, validated, exported and compared with printed figures
like the built-in ones, and their numbers can be quoted (`tabel.ID.BARIS.KOLOM`) or be an
indikator's realisasi (`dihitung: tabel.ID.BARIS.KOLOM`).

In a computed row, typed columns are summed (or averaged); a computed column is then
worked out from that row's own values, except that a `rata_rata` row averages the data
rows' computed percentages (the average capaian, not the capaian of the averages).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from ...check.compare import PrintedCell
from ...core.compute import Figure, Figures, Source
from ...core.model import Report
from ...core.nextyear import TINGGAL
from ...core.subject import IdKind, Subject, TableSpec
from ...views import values as v
from ...views.tables import Built, Column, Row, RowKind, cells
from ...views.values import EMPTY, Value
from ..kinerja.averages import mean
from ..kinerja.figures import capaian
from ..laporan import LAPORAN, places
from .model import TABEL, BarisHitung, Kolom, TabelSendiri


@dataclass(frozen=True)
class Hasil:
    """One office table's values, data rows then computed rows, by row id and column id."""

    rows: tuple[tuple[str, Mapping[str, Any], RowKind], ...]  # (row id, values, kind)


Number_ = Decimal | int


def _apply(col: Kolom, values: Mapping[str, Any]) -> Number_ | None:
    args: list[Number_] = [x for x in (values.get(c) for c in col.dari) if isinstance(x, (Decimal, int))]
    if len(args) < len(col.dari):
        return None
    if col.rumus == "jumlah":
        return sum(args)
    if col.rumus == "selisih":
        return args[0] - args[1]
    a, b = Decimal(args[0]), Decimal(args[1])
    if col.rumus == "persen":
        return None if b == 0 else a / b * 100
    return capaian(b, a, col.arah)


def _computed_row(table: TabelSendiri, extra: BarisHitung, data_rows: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for col in table.kepala.kolom:
        if col.jenis == "teks":
            continue
        column: list[Number_] = [x for x in (r.get(col.id) for r in data_rows) if isinstance(x, (Decimal, int))]
        if not col.rumus:
            if not column:
                values[col.id] = None
            else:
                values[col.id] = sum(column) if extra.cara == "jumlah" else mean([Decimal(x) for x in column])
        elif extra.cara == "rata_rata" and col.rumus in ("persen", "capaian"):
            values[col.id] = mean([Decimal(x) for x in column])
        else:
            values[col.id] = _apply(col, values)
    return values


def _compute(table: TabelSendiri) -> Hasil:
    rows: list[tuple[str, Mapping[str, Any], RowKind]] = []
    data_rows = []
    for row in table.baris:
        values = dict(row.nilai)
        for col in table.kepala.kolom:
            if col.rumus:
                values[col.id] = _apply(col, values)
        data_rows.append(values)
        rows.append((row.id, MappingProxyType(values), "data"))
    for extra in table.kepala.baris_hitung:
        rows.append((extra.id, MappingProxyType(_computed_row(table, extra, data_rows)), "jumlah"))
    return Hasil(tuple(rows))


def _figure(report: Report, figures: Figures) -> Mapping[str, Hasil]:
    return MappingProxyType({id: _compute(t) for id, t in report.items(TABEL).items()})


TABEL_FIGURE = Figure("tabel_sendiri", _figure, files=(LAPORAN,))


def _value(col: Kolom, raw: Any, computed: bool, p: int) -> Value:
    if raw is None:
        return v.Value("kosong", note=v.TIDAK_DAPAT_DIHITUNG) if computed else EMPTY
    if col.jenis == "teks":
        return v.text(str(raw))
    if col.jenis == "rupiah" and isinstance(raw, int):
        return v.rupiah(raw)
    if col.jenis == "persen":
        return v.percent(raw, p if computed else None)
    return v.computed(raw, p, col.satuan) if computed else v.source(raw, col.satuan)


def _builder(id: str) -> Any:
    def build(report: Report, figures: Figures) -> Built:
        table, p = report.items(TABEL)[id], places(report)
        labels = {e.id: e.label for e in table.kepala.baris_hitung}
        first_text = next((c.id for c in table.kepala.kolom if c.jenis == "teks"), None)
        rows = []
        for row_id, values, kind in figures.need(TABEL_FIGURE)[id].rows:
            made = []
            for col in table.kepala.kolom:
                if kind != "data" and col.id == first_text:
                    made.append(v.text(labels[row_id]))
                else:
                    derived = bool(col.rumus) or kind != "data"
                    made.append(_value(col, values.get(col.id), derived and col.jenis != "teks", p))
            rows.append(Row(row_id, cells(*made), kind))
        columns = tuple(Column(c.id, c.judul, c.jenis, (c.kelompok,) if c.kelompok else ())
                        for c in table.kepala.kolom)
        return Built(columns, tuple(rows), table.kepala.catatan, table.kepala.lebar)
    return build


def _tables(report: Report) -> Iterator[TableSpec]:
    for id, table in report.items(TABEL).items():
        head = table.kepala
        yield TableSpec(id, head.judul, _builder(id), about="tabel instansi sendiri (data/tabel/)",
                        nomor=head.nomor, sumber=head.sumber, origin=f"{TABEL.path}{id}.yaml")


def _numeric_cells(report: Report, figures: Figures) -> Iterator[tuple[str, Any]]:
    for id, result in figures.need(TABEL_FIGURE).items():
        kolom = {c.id: c for c in report.items(TABEL)[id].kepala.kolom}
        for row_id, values, kind in result.rows:
            for col_id, col in kolom.items():
                if col.jenis != "teks":
                    yield f"tabel.{id}.{row_id}.{col_id}", (col, values.get(col_id), bool(col.rumus) or kind != "data")


def _keys(report: Report, figures: Figures) -> Iterator[tuple[str, Value]]:
    p = places(report)
    for key, (col, raw, computed) in _numeric_cells(report, figures):
        yield key, _value(col, raw, computed, p)


def _names(report: Report) -> Iterator[str]:
    for id, table in report.items(TABEL).items():
        row_ids = [r.id for r in table.baris] + [e.id for e in table.kepala.baris_hitung]
        for row_id in row_ids:
            for col in table.kepala.kolom:
                if col.jenis != "teks":
                    yield f"tabel.{id}.{row_id}.{col.id}"


def _sources(report: Report, figures: Figures) -> Iterator[tuple[str, Decimal | None]]:
    for key, (_, raw, _) in _numeric_cells(report, figures):
        yield key, None if raw is None else Decimal(raw)


def _printed(report: Report) -> Iterator[PrintedCell]:
    for id, table in report.items(TABEL).items():
        for row in table.baris:
            for col, printed in row.tercetak.items():
                yield PrintedCell(id, row.id, col, printed)
        for extra in table.kepala.baris_hitung:
            for col, printed in extra.tercetak.items():
                yield PrintedCell(id, extra.id, col, printed)


SUBJECT = Subject(
    name="tabel",
    folders=(TABEL,),
    id_kinds=(IdKind("nilai", LAPORAN, _names),),
    figures=(TABEL_FIGURE,),
    sources=(Source((TABEL_FIGURE.name,), _sources),),
    dynamic_tables=_tables,
    dynamic_tables_about="nama file di data/tabel/",
    keys=_keys,
    printed=_printed,
    next_year={"tabel": TINGGAL},
)
