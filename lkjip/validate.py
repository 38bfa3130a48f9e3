"""Load and validate every data file into one immutable, typed model.

All files are read and checked before anything is computed; references between files
(an indikator id in a target list, a program id, a pejabat) are resolved here, so later
stages can trust every id they meet.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from types import MappingProxyType

from .datasets_more import FILES
from .diagnostics import Collector, Loc, error
from .project import Project
from .schema import INVALID, Context, Reference
from .yamlload import YamlDocument, YamlError, load_yaml


@dataclass(frozen=True)
class Model:
    """The validated data: one attribute per data file (see `datasets_more.FILES`)."""

    files: MappingProxyType
    documents: MappingProxyType  # name -> YamlDocument, for messages that quote lines

    def __getattr__(self, name):
        try:
            return self.files[name]
        except KeyError:
            raise AttributeError(name) from None


def load_model(project: Project, collector: Collector) -> Model | None:
    docs: dict[str, YamlDocument] = {}
    for path in project.data_files():
        file = project.relative(path)
        name = path.stem
        if name not in FILES:
            close = difflib.get_close_matches(name, list(FILES), n=1)
            collector.add(error(Loc(file), f"file data '{path.name}' tidak dikenal",
                                f"maksud Anda '{close[0]}.yaml'?" if close else
                                "file data yang dikenal: " + ", ".join(f"{n}.yaml" for n in FILES), "unknown-file"))
            continue
        try:
            docs[name] = load_yaml(path, file)
        except YamlError as exc:
            collector.add(exc.diagnostic)
    for name in FILES:
        if name not in docs and not any(d.loc.file.endswith(f"/{name}.yaml") for d in collector.items):
            collector.add(error(Loc(f"data/{name}.yaml"), "file data wajib tidak ditemukan",
                                f"buat data/{name}.yaml; lihat README untuk isinya", "missing-file"))
    values, references = {}, []
    for name, doc in docs.items():
        if doc.data is None:
            collector.add(error(Loc(doc.file, 1, 1), "file data kosong",
                                "isi file sesuai skema di README", "empty-file"))
            continue
        ctx = Context(doc, collector)
        value = FILES[name].convert(doc.data, (), ctx)
        references.extend(ctx.references)
        if value is not INVALID:
            values[name] = value
    if collector.errors:
        return None
    _check_references(values, references, collector)
    if collector.errors:
        return None
    return Model(MappingProxyType(values), MappingProxyType(docs))


def known_ids(values: dict) -> dict[str, set[str]]:
    return {
        "indikator": {i.id for i in values["indikator"].indikator},
        "sasaran": {s.id for s in values["indikator"].sasaran},
        "program": {p.id for p in values["anggaran"].program},
        "pejabat": {p.id for p in values["pejabat"].pejabat},
    }


_KIND_FILE = {"indikator": "data/indikator.yaml", "sasaran": "data/indikator.yaml",
              "program": "data/anggaran.yaml", "pejabat": "data/pejabat.yaml"}


def _check_references(values: dict, references: list[Reference], collector: Collector) -> None:
    ids = known_ids(values)
    for ref in references:
        if ref.id not in ids[ref.kind]:
            close = difflib.get_close_matches(ref.id, sorted(ids[ref.kind]), n=1)
            hint = f"maksud Anda '{close[0]}'?" if close else f"pengenal yang ada: {', '.join(sorted(ids[ref.kind]))}"
            collector.add(error(ref.loc, f"{ref.kind} '{ref.id}' tidak didefinisikan di {_KIND_FILE[ref.kind]}",
                                hint, "unknown-ref"))
    _check_measured(values, collector)
    for i, row in enumerate(values["efisiensi"].baris):
        if row.anggaran != "total" and row.anggaran not in ids["program"]:
            collector.add(error(row.loc.at(f"baris[{i}].anggaran"), f"anggaran '{row.anggaran}' tidak dikenal",
                                "tulis 'total' atau pengenal program dari data/anggaran.yaml: "
                                + ", ".join(sorted(ids["program"])), "unknown-ref"))
    programs = values["anggaran"].program
    for i, sub in enumerate(values["anggaran"].sub_kegiatan):
        if not any(sub.kode.startswith(p.kode + ".") for p in programs):
            collector.add(error(sub.loc.at(f"sub_kegiatan[{i}].kode"),
                                f"kode sub-kegiatan '{sub.kode}' tidak termasuk program mana pun",
                                "kode harus diawali kode program: " + ", ".join(p.kode for p in programs),
                                "orphan-kode"))


def _check_measured(values: dict, collector: Collector) -> None:
    """Every indikator must be measured by the report year's Perjanjian Kinerja, and a percentage
    indikator cannot exceed 100% in a target or a realisasi."""
    year = values["laporan"].tahun
    agreed = {t.indikator for d in values["perjanjian_kinerja"].dokumen if d.tahun == year for t in d.target}
    for i, ind in enumerate(values["indikator"].indikator):
        if ind.id not in agreed:
            collector.add(error(ind.loc.at(f"indikator[{i}].id"), f"indikator '{ind.id}' tidak ditetapkan dalam "
                                f"Perjanjian Kinerja tahun {year} (data/perjanjian_kinerja.yaml)",
                                "tambahkan targetnya ke Perjanjian Kinerja atau hapus indikator ini", "unmeasured"))
        if ind.satuan != "%":
            continue
        for y, entry in ind.realisasi.items():
            number = entry if not hasattr(entry, "nilai") else entry.nilai
            if number is not None and number > 100:
                collector.add(error(ind.loc.at(f"indikator[{i}].realisasi.{y}"), f"realisasi {ind.id} {y} "
                                    f"{number}% melebihi 100%", "indikator persentase paling besar 100", "range"))
    percent_ids = {ind.id for ind in values["indikator"].indikator if ind.satuan == "%"}
    documents = [values["rkt"], values["iku"], *values["perjanjian_kinerja"].dokumen]
    for doc in documents:
        for t in doc.target:
            if t.indikator in percent_ids and t.nilai > 100:
                collector.add(error(t.loc, f"target {t.indikator} {t.nilai}% melebihi 100%",
                                    "indikator persentase paling besar 100", "range"))
