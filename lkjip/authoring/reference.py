"""Reference documentation generated from the code itself: data file schemas and Markdown keys.

`python build.py skema` and `python build.py kunci` print these, so staff see exactly what
the validator accepts and what Markdown may quote, never an outdated copy.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..core.subject import Subject
from ..diagnostics import Collector
from ..domain import SUBJECTS
from ..pipeline import analyse
from ..project import Project
from ..schema import Record, describe, jsonschema
from ..years import YearAnchors


def data_files(subjects: Sequence[Subject] = SUBJECTS) -> str:
    out = ["# File data (data/*.yaml)\n\nHanya file bertanda *wajib* yang harus ada; file lain ditulis bila "
           "instansi memilikinya.\n"]
    for subject in subjects:
        for f in subject.files:
            need = "wajib" if f.required else "opsional"
            extra = f"; memerlukan {', '.join(f'data/{n}.yaml' for n in f.needs)}" if f.needs else ""
            out.append(f"\n## {f.path} ({need}{extra})\n\n{f.description[0].upper() + f.description[1:]}.\n\n")
            out.extend(line + "\n" for line in describe(f.record()))  # type: ignore[arg-type]
        for folder in subject.folders:
            out.append(f"\n## {folder.path}*.yaml (opsional)\n\n{folder.description[0].upper()}"
                       f"{folder.description[1:]}; pengenal tabel = nama file.\n\n")
            record = getattr(folder.kind, "head", None)
            if isinstance(record, Record):
                out.extend(line + "\n" for line in describe(record))
    return "".join(out)


def editor_schemas(subjects: Sequence[Subject] = SUBJECTS) -> dict[str, dict[str, Any]]:
    docs = {}
    for subject in subjects:
        for f in subject.files:
            docs[f.name] = jsonschema.document(f.path, f.description, f.record())
        for folder in subject.folders:
            docs[folder.name] = jsonschema.document(f"{folder.path}*.yaml", folder.description, folder.kind)
    return docs


def markdown_keys(project: Project, subjects: Sequence[Subject] = SUBJECTS) -> str:
    _, _, catalog = analyse(project, Collector(), subjects)
    out = ["# Kunci untuk Markdown\n\n## Nilai: {{ kunci }} atau {{ kunci | tercetak: teks asli }}\n\n"]
    out += [f"- `{k}`: {v.text()}\n" for k, v in catalog.keys.items()]
    out.append(_relative_years(catalog.anchors))
    out.append("\n## Tabel: {{ tabel: ID }}\n\nKolom (pengenal: judul) dipakai untuk angka `tercetak`.\n\n")
    for id in catalog.known("tabel"):
        reason = catalog.why_not_table(id)
        spec = catalog.tables[id]
        if reason:
            out.append(f"- `{id}`: {spec.about or spec.judul} (tidak tersedia: {reason})\n")
            continue
        table = catalog.table(id, full=True)
        out.append(f"- `{id}`: {table.caption}" + (f" — {spec.about}" if spec.about else "") + "\n")
        out.append("  kolom: " + ", ".join(f"`{c.key}`" for c in table.columns) + "\n")
    for kind, title in (("daftar", "Daftar: {{ daftar: ID }}"), ("ttd", "Tanda tangan: {{ ttd: ID }}")):
        out.append(f"\n## {title}\n\n")
        out += [f"- `{i}`\n" for i in catalog.known(kind)]
    return "".join(out)


def _relative_years(anchors: YearAnchors) -> str:
    """How a key ending in a year may name that year instead, so the sentence stays true next year."""
    now = anchors.tahun
    lines = [f"\nKunci yang diakhiri tahun (`..._{now - 1}`) dapat menyebut tahunnya menurut tahun laporan, "
             "agar kalimatnya tetap benar pada laporan tahun berikutnya:\n\n",
             f"- `..._tahun_ini`: tahun laporan ({now})\n",
             f"- `..._tahun_lalu`: tahun sebelumnya ({now - 1})\n",
             f"- `..._2_tahun_lalu`, `..._3_tahun_lalu`, ...: dua, tiga, ... tahun sebelumnya "
             f"({now - 2}, {now - 3}, ...)\n"]
    if anchors.renstra is not None:
        first, last = anchors.renstra
        lines += [f"- `..._awal_renstra`: tahun pertama periode Renstra ({first})\n",
                  f"- `..._akhir_renstra`: tahun terakhir periode Renstra ({last})\n"]
    return "".join(lines)
