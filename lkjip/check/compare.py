"""Compare what the signed document printed with what the data computes.

The original disagrees with itself in places. The build surfaces every such place and
never hides or silently fixes it: each is a `Difference`, printed and computed side by
side, which becomes a reader's correction (`lkjip.check.corrections`) and, while the author has
given no reason, a warning at the line of the printed value. A printed number is compared
at the precision it was printed with, so "95,81" matches 95,8109 but "95,66" does not
match 95,667. A word that judges (naik, tercapai, lebih tinggi) is compared by meaning
(`lkjip.check.words`), so "meningkat" agrees with "naik".
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .. import numbers
from ..diagnostics import Diagnostic, error, warning
from ..schema import Id, MapOf, Printed, PrintedValue, Quantity, Text, Type, Year
from ..schema.core import Context
from ..source.yamlfile import PathKey
from ..views.tables import Table
from ..views.values import TIDAK_DAPAT_DIHITUNG, Value
from .words import agrees, unqualified

TRUNCATED = "dokumen asli memotong angka, tidak membulatkan; laporan ini membulatkan setengah ke atas"


def compare_number(printed: Printed, computed: Decimal | int | None, what: str) -> Diagnostic | None:
    """Warn when the printed number differs from the computed one at the printed precision."""
    raw = printed.number
    if raw is None:
        return compare_text(printed, None if computed is None else numbers.as_written(computed), what)
    places = numbers.decimals_of(raw)
    if computed is None:
        return warning(printed.loc, f"{what}: tercetak {numbers.number(raw, places)}, tetapi nilai ini tidak dapat "
                       "dihitung dari data", "", "printed-mismatch")
    computed = Decimal(computed)
    if numbers.round_half_up(computed, places) == raw:
        return None
    hint = TRUNCATED if numbers.truncate(computed, places) == raw else ""
    whole = computed == computed.to_integral_value()
    shown = numbers.number(computed, 0 if whole else max(places, 2))
    return warning(printed.loc, f"{what}: tercetak {numbers.number(raw, places)}, dihitung {shown}", hint,
                   "printed-mismatch")


def rounding_only(printed: Printed, computed: Decimal | int | None) -> bool:
    """Whether a printed number differs from the computed one only in its last printed decimal, by
    one unit: the document rounded (or cut off) differently, nothing more."""
    raw = printed.number
    if raw is None or computed is None:
        return False
    places = numbers.decimals_of(raw)
    step = Decimal(1).scaleb(-places)
    return places > 0 and abs(numbers.round_half_up(computed, places) - raw) <= step


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).strip(".;:").casefold()


def printed_text(printed: Printed) -> str:
    if printed.tulisan is not None:
        return printed.tulisan
    value = printed.value
    if isinstance(value, Quantity):
        return numbers.as_written(value.value) + (f" {value.unit}" if value.unit else "")
    return value


def compare_text(printed: Printed, computed: str | None, what: str, words: str = "") -> Diagnostic | None:
    """Text against text; `words` names the group of a judging word, compared by meaning. A
    provisional qualifier alone is no departure: the printed word stands, and the reader sees
    "(sementara)" beside it as beside every figure drawn from a provisional realisasi."""
    shown = printed_text(printed)
    computed = unqualified(computed) if computed is not None else None
    if computed is not None and (_norm(shown) == _norm(computed) or (words and agrees(words, shown, computed))):
        return None
    return warning(printed.loc, f"{what}: tercetak '{shown}', menurut data '{computed}'", "", "printed-mismatch")


@dataclass(frozen=True)
class PrintedCell:
    """A figure the original printed in one cell of a table, named by table id, row id and column key."""

    table: str
    row: str
    column: str
    printed: Printed


@dataclass(frozen=True)
class Difference:
    """One place where the report shows something other than what the signed document printed:
    a table cell (`cell`) or a quote in a chapter (`cell` is None; the caller knows where)."""

    printed: Printed
    shown: str
    """What the report shows there instead, as the reader sees it."""
    diagnostic: Diagnostic
    """The warning it is while the author gives no reason."""
    cell: PrintedCell | None = None
    quoted: str = ""
    """A quote's printed text exactly as the author copied it ("4 Inovasi")."""
    pembulatan: bool = False
    """Only the document's rounding: one unit apart in the last decimal it printed (101,24 and 101,23)."""

    @property
    def tercetak(self) -> str:
        """What the signed document printed, as a reader would find it there."""
        if self.quoted:
            return self.quoted
        if self.printed.tulisan:
            return self.printed.tulisan
        value = self.printed.value
        if isinstance(value, Quantity):
            return numbers.as_written(value.value) + (value.unit if value.unit == "%" else
                                                      f" {value.unit}" if value.unit else "")
        return value


def cell_differences(tables: Mapping[str, Table], printed: Iterable[PrintedCell]) -> \
        tuple[list[Diagnostic], list[Difference]]:
    """Every printed cell against the computed table: errors for printed cells that name no cell,
    and the differences found."""
    errors: list[Diagnostic] = []
    found: list[Difference] = []
    reported: set[tuple[str, ...]] = set()
    for p in printed:
        problem = _missing(tables, p)
        if problem:
            # one message per unknown table or row, not one per printed cell of it
            key = (p.table,) if p.table not in tables else (p.table, p.row) if tables[p.table].row(p.row) is None \
                else (p.table, p.row, p.column)
            if key not in reported:
                errors.append(problem)
            reported.add(key)
            continue
        table = tables[p.table]
        cell = table.cell(p.row, p.column)
        index = table.column(p.column)
        assert index is not None
        what = f"{table.name}, baris '{p.row}', kolom '{_label(table, index)}'"
        value = cell.value if cell is not None else None
        if value is not None and value.kind in ("teks", "tanggal"):
            diag = compare_text(p.printed, value.text(), what, value.kata)
        else:
            diag = compare_number(p.printed, value.number if value is not None else None, what)
        if diag:
            # no value: a figure that cannot be computed, or a place the table leaves empty (a row
            # number or name covered by the merged cell above)
            shown = value.text() if value is not None else "" if table.columns[index].kind == "teks" \
                else TIDAK_DAPAT_DIHITUNG
            found.append(Difference(p.printed, shown, diag, p, _as_in_table(p.printed, value),
                                    rounding_only(p.printed, value.number if value is not None else None)))
    return errors, found


def _as_in_table(printed: Printed, value: Value | None) -> str:
    """A printed number written the way its column writes it (a percentage with its sign)."""
    number = printed.number
    if number is None or value is None or not isinstance(printed.value, Quantity) or printed.value.unit:
        return ""
    if value.kind == "persen":
        return numbers.as_written(number) + "%"
    return numbers.rupiah(number) if value.kind == "rupiah" else ""


def _label(table: Table, index: int) -> str:
    col = table.columns[index]
    return " ".join((*col.group, col.label))


def _missing(tables: Mapping[str, Table], p: PrintedCell) -> Diagnostic | None:
    loc = p.printed.loc
    if p.table not in tables:
        return error(loc, f"angka tercetak untuk tabel '{p.table}', yang tidak ada",
                     f"{_close(p.table, tables)} (salinan tabel didaftar pada 'tabel' di data/laporan.yaml; "
                     "lihat 'python build.py kunci')", "printed-unknown")
    table = tables[p.table]
    if table.row(p.row) is None:
        return error(loc, f"{table.name} tidak memiliki baris '{p.row}'", _close(p.row, [r.id for r in table.rows]),
                     "printed-unknown")
    if table.column(p.column) is None:
        return error(loc, f"{table.name} tidak memiliki kolom '{p.column}'",
                     _close(p.column, [c.key for c in table.columns]), "printed-unknown")
    return None


def _close(word: str, known: Iterable[str]) -> str:
    known = list(known)
    close = difflib.get_close_matches(word, known, n=1)
    return f"maksud Anda '{close[0]}'?" if close else "yang ada: " + ", ".join(known)


class _PrintedCell(Type):
    """A printed value, the same with its reason (`{nilai: 90.25, alasan: ...}`), or a map of
    years to printed values (`{2022: 82}`) for a column per year."""

    def __init__(self) -> None:
        self.value, self.years = PrintedValue(), MapOf(Year(), PrintedValue())
        self.expected = f"{self.value.expected}, atau pemetaan tahun -> angka tercetak"

    def convert(self, value: Any, path: PathKey, ctx: Context) -> Any:
        if isinstance(value, dict) and not ("nilai" in value or "alasan" in value):
            return self.years.convert(value, path, ctx)
        return self.value.convert(value, path, ctx)

    def describe(self) -> str:
        return self.value.describe()

    def json(self) -> dict[str, Any]:
        return {"anyOf": [self.value.json(), self.years.json()]}


PRINTED_CELL = _PrintedCell()
PRINTED_ROW = MapOf(Id(), MapOf(Id(), PRINTED_CELL))
"""`tercetak` on a row: table id -> column key -> value (a map of years for per-year columns)."""
PRINTED_TABLES = MapOf(Id(), MapOf(Text(), MapOf(Id(), PRINTED_CELL)))
"""`tercetak` of a file: table id -> row id -> column key -> value."""


def row_cells(printed: Mapping[str, Mapping[str, Any]] | None, row: str) -> Iterator[PrintedCell]:
    """The cells one row's `tercetak` names; `{target: {2022: 82}}` names column `target_2022`."""
    for table, columns in (printed or {}).items():
        for column, value in columns.items():
            if isinstance(value, Printed):
                yield PrintedCell(table, row, column, value)
            else:
                for year, by_year in value.items():
                    yield PrintedCell(table, row, f"{column}_{year}", by_year)


def table_cells(printed: Mapping[str, Mapping[str, Mapping[str, Any]]] | None) -> Iterator[PrintedCell]:
    for table, rows in (printed or {}).items():
        for row, columns in rows.items():
            yield from row_cells({table: columns}, row)
