"""The schema machinery on small records: one dataclass is the model, the validator, the docs
and the editors' JSON Schema."""
from dataclasses import dataclass
from decimal import Decimal as D

from lkjip.diagnostics import Collector
from lkjip.schema import (
    INVALID,
    Context,
    Entry,
    Id,
    ListOf,
    MapOf,
    Number,
    Record,
    Text,
    Year,
    describe,
    frozen_map,
    opt,
    req,
)
from lkjip.schema.scalars import NumberOrWord
from lkjip.source.yamlfile import parse_yaml


@dataclass(frozen=True, kw_only=True)
class Baris(Entry):
    id: str = req(Id(), "pengenal")
    nilai: D = req(Number(0), "nilai")
    catatan: str | None = opt(Text(), "catatan")
    per_tahun: dict = opt(MapOf(Year(), Number()), "nilai per tahun", frozen_map())


@dataclass(frozen=True, kw_only=True)
class Berkas(Entry):
    baris: tuple[Baris, ...] = req(ListOf(Record(Baris), 1, "id"), "baris")


def convert(text):
    collector = Collector()
    doc = parse_yaml(text, "data/contoh.yaml")
    value = Record(Berkas).convert(doc.data, (), Context(doc, collector))
    return value, collector.items


def test_a_valid_file_becomes_typed_records_with_defaults_and_positions():
    value, problems = convert("baris:\n  - id: a\n    nilai: 2.50\n    per_tahun: {2024: 1, 2023: 2}\n")
    assert problems == []
    (row,) = value.baris
    assert isinstance(row, Baris) and row.nilai == D("2.50") and row.catatan is None
    assert list(row.per_tahun) == [2024, 2023]            # the author's order is kept
    assert (row.loc.line, row.at("nilai").line, row.at("nilai").column) == (2, 3, 12)


def test_every_problem_is_collected_with_its_position():
    value, problems = convert("baris:\n  - id: A\n    nilai: -1\n    catatn: x\n  - nilai: 1\n")
    assert value is INVALID
    assert [(p.loc.line, p.message) for p in problems] == [
        (4, "kunci 'catatn' tidak dikenal"),
        (2, "pengenal 'A' tidak valid; diharapkan huruf kecil, angka dan '_'"),
        (3, "angka -1 terlalu kecil; diharapkan paling kecil 0"),
        (5, "kunci wajib 'id' tidak ada (pengenal)"),
    ]
    assert problems[0].hint == "maksud Anda 'catatan'?"


def test_a_number_or_a_category_word():
    collector = Collector()
    doc = parse_yaml("a: BB\nb: 81.5\nc: '81,5'\n", "x.yaml")
    ctx = Context(doc, collector)
    kind = NumberOrWord()
    assert kind.convert("BB", ("a",), ctx) == "BB" and kind.convert(D("81.5"), ("b",), ctx) == D("81.5")
    assert kind.convert("81,5", ("c",), ctx) is INVALID
    assert collector.items[0].hint == "YAML memakai titik sebagai pemisah desimal; tulis 81.5"


def test_documentation_and_json_schema_come_from_the_same_fields():
    lines = describe(Record(Berkas))
    assert lines[0] == "- `baris` (daftar pemetaan, wajib): baris"
    assert "  - `catatan` (teks, opsional): catatan" in lines
    schema = Record(Berkas).json()
    item = schema["properties"]["baris"]["items"]
    assert item["required"] == ["id", "nilai"] and item["additionalProperties"] is False
    assert item["properties"]["nilai"] == {"type": "number", "minimum": 0.0, "description": "nilai"}
    per_tahun, empty = item["properties"]["per_tahun"]["anyOf"]  # optional: may also be written empty
    assert per_tahun["propertyNames"]["pattern"] == "^(19[0-9]{2}|2[01][0-9]{2}|2200)$" and empty == {"type": "null"}
