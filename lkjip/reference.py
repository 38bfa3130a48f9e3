"""Reference documentation generated from the code itself: data file schemas and Markdown keys.

`python build.py skema` and `python build.py kunci` print these, so staff see exactly
what the validator accepts and what Markdown may quote, never an outdated copy.
"""
from __future__ import annotations

from . import blocks, figures, formatting
from .datasets_more import DESCRIPTIONS, FILES
from .diagnostics import Collector
from .namespace import describe_keys
from .schema import describe
from .validate import load_model


def data_files() -> str:
    out = ["# File data (data/*.yaml)\n"]
    for name, schema in FILES.items():
        out.append(f"\n## data/{name}.yaml\n\n{DESCRIPTIONS[name][0].upper() + DESCRIPTIONS[name][1:]}.\n\n")
        out.extend(line + "\n" for line in describe(schema))
    return "".join(out)


def markdown_keys(project) -> str:
    collector = Collector()
    model = load_model(project, collector)
    collector.raise_if_errors()
    with formatting.rounding(model.laporan.pembulatan.desimal):
        results = figures.compute_all(model)
        keys = describe_keys(model, results)
    known = blocks.known_ids(model)
    out = ["# Kunci untuk Markdown\n\n## Nilai: {{ kunci }} atau {{ kunci | tercetak: teks asli }}\n\n"]
    out += [f"- `{k}`\n" for k in keys]
    for kind in ("tabel", "daftar", "ttd"):
        out.append(f"\n## {{{{ {kind}: ID }}}}\n\n")
        out += [f"- `{i}`\n" for i in known[kind]]
    return "".join(out)
