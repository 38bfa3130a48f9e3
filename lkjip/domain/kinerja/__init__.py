"""Kinerja and targets: sasaran, indikator, the documents that set targets, and what follows.

This subject keeps side by side its data files (`model`), figures (`figures`), tables
(`tables`), Markdown keys (`keys`) and rules (`rules`).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from ...check.compare import PrintedCell, row_cells
from ...core.model import Report
from ...core.nextyear import BAWA, TINGGAL, UBAH
from ...core.subject import ChartSpec, IdKind, ListSpec, Subject, TableSpec
from ...views.blocks import DataList, Item
from ..anggaran import ANGGARAN
from ..laporan import laporan
from ..perencanaan import RENSTRA
from . import charts, next_year, sebaran, tables
from .averages import AVERAGES
from .figures import KINERJA, PK_CHANGES, TARGETS
from .keys import keys
from .model import IKU, INDIKATOR, PERJANJIAN, RKT, SKALA, Dokumen
from .rules import checks, validate


def _documents(report: Report) -> list[Dokumen]:
    docs: list[Dokumen] = list(report.need(PERJANJIAN).dokumen)
    return docs + [d for d in (report.get(RKT), report.get(IKU)) if d is not None]


def _document_tables(report: Report) -> Iterator[TableSpec]:
    for doc in _documents(report):
        origin = doc.loc.file
        yield TableSpec(doc.id, doc.judul, tables.document_table(doc), about="target per indikator dalam dokumen ini",
                        origin=origin)
        if doc.anggaran:
            yield TableSpec(f"{doc.id}_anggaran", f"Program dan Anggaran {doc.judul}", tables.budget_table(doc),
                            (ANGGARAN,), "anggaran per program dalam dokumen ini, dengan jumlah", origin=origin)


def _fixed(data: DataList, report: Report) -> DataList:
    return data


def _statements(report: Report) -> Iterator[ListSpec]:
    for doc in report.need(PERJANJIAN).dokumen:
        if doc.pernyataan:
            data = DataList(f"pk_pernyataan_{doc.id}", tuple(Item("", p) for p in doc.pernyataan), paragraphs=True)
            yield ListSpec(data.id, partial(_fixed, data))


def _printed(report: Report) -> Iterator[PrintedCell]:
    for ind in report.need(INDIKATOR).indikator:
        yield from row_cells(ind.tercetak, ind.id)


def _one_pk_only(report: Report) -> str | None:
    year = laporan(report).tahun
    if sum(1 for d in report.need(PERJANJIAN).dokumen if d.tahun == year) < 2:
        return (f"memerlukan dua Perjanjian Kinerja tahun {year} (perjanjian dan perubahannya) di "
                "data/perjanjian_kinerja.yaml")
    return None


def _no_definitions(report: Report) -> str | None:
    iku = report.get(IKU)
    return None if iku is None or iku.definisi else "memerlukan 'definisi' di data/iku.yaml"


SUBJECT = Subject(
    name="kinerja",
    files=(INDIKATOR, PERJANJIAN, SKALA, RKT, IKU),
    id_kinds=(IdKind("indikator", INDIKATOR, lambda r: [i.id for i in r.need(INDIKATOR).indikator]),
              IdKind("sasaran", INDIKATOR, lambda r: [s.id for s in r.need(INDIKATOR).sasaran])),
    validate=validate,
    figures=(TARGETS, KINERJA, AVERAGES, PK_CHANGES),
    tables=(
        TableSpec("capaian", "Pencapaian Kinerja", tables.capaian_table,
                  about="target, realisasi, capaian dan predikat tahun laporan per indikator"),
        TableSpec("perbandingan_tahunan", "Perbandingan Realisasi Kinerja", tables.perbandingan_table,
                  about="target dan realisasi setiap tahun yang ada datanya"),
        TableSpec("status_capaian", "Status Capaian Kinerja", tables.status_table,
                  about="capaian setiap tahun, perubahannya dari tahun sebelumnya, naik/turun/tetap"),
        TableSpec("status_tahunan", "Capaian dan Status Kinerja per Tahun", tables.status_tahunan_table,
                  about="capaian setiap tahun dan naik/turun/tetap per indikator (dasar 'tren' di "
                        "data/indikator.yaml) dan per sasaran (rata-rata capaiannya)"),
        TableSpec("rata_rata_capaian", "Rata-rata Capaian Kinerja", tables.rata_rata_table,
                  about="rata-rata capaian per sasaran dan seluruhnya, per tahun"),
        TableSpec("kemajuan_renstra", "Perbandingan Realisasi Kinerja s/d Akhir Periode Renstra",
                  tables.kemajuan_table, (RENSTRA,), "target akhir Renstra, realisasi dan tingkat kemajuan"),
        TableSpec("predikat_skala", "Skala Predikat Capaian Kinerja", tables.predikat_table, (SKALA,),
                  "batas capaian setiap predikat"),
        TableSpec("sebaran_predikat", "Jumlah Indikator per Predikat Capaian", sebaran.table, (SKALA,),
                  "berapa indikator dan berapa persen pada setiap predikat tahun ini"),
        TableSpec("pk_selisih", "Perubahan Target dan Anggaran Perjanjian Kinerja", tables.pk_changes_table,
                  about="apa yang diubah Perjanjian Kinerja yang berlaku dari yang digantikannya",
                  unavailable=_one_pk_only),
        TableSpec("iku_formulasi", "Formulasi dan Sumber Data Indikator Kinerja Utama", tables.iku_formulasi_table,
                  (IKU,), "formulasi dan sumber data setiap indikator IKU", unavailable=_no_definitions),
    ),
    dynamic_tables=_document_tables,
    dynamic_tables_about="pengenal dokumen di data/perjanjian_kinerja.yaml, data/rkt.yaml dan data/iku.yaml "
                         "(ditambah _anggaran bila dokumen itu memuat anggaran)",
    dynamic_lists=_statements,
    keys=keys,
    key_files=(("indikator.*.predikat*", SKALA), ("kinerja.predikat*", SKALA), ("indikator.*.kemajuan", RENSTRA),
               ("indikator.*.target_akhir", RENSTRA), ("indikator", INDIKATOR), ("kinerja", INDIKATOR),
               ("sasaran", INDIKATOR),
               ("dokumen", PERJANJIAN), ("iku", IKU)),
    printed=_printed,
    checks=checks,
    charts=(ChartSpec("capaian", "capaian", charts.target_realisasi, about="target dan realisasi per indikator"),
            ChartSpec("perbandingan_tahunan", "perbandingan_tahunan", charts.over_the_years,
                      about="realisasi setiap indikator per tahun")),
    cards=charts.cards,
    next_year={"indikator": UBAH, "perjanjian_kinerja": UBAH, "skala": BAWA, "rkt": TINGGAL, "iku": UBAH},
    rewrites={"indikator": next_year.indikator, "perjanjian_kinerja": next_year.perjanjian, "iku": next_year.iku},
)
