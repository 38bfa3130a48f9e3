"""Benchmark: the portal of many reports, serial against parallel, and rebuilds.

Run: python bench/portal_time.py [--reports 40] [--runs 3] [--tanpa-pdf]
Generates `--reports` report folders from the four samples and the bundled report (each copy a
different office, with a realisasi or a name changed in its YAML), then times, in fresh
processes: a cold portal build with --jobs 1 and with --jobs 2, a rebuild with nothing changed,
and a rebuild with one report changed. Prints the medians and the ratios as JSON (goals: parallel
<= 0.6 x serial on two cores; no change <= 0.1 x cold). Never part of the test suite.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCES = [REPO / "tests/samples" / n for n in ("minimal", "kecamatan", "dinas", "kota")] + [REPO]
NUMBER = {"minimal": ("realisasi: {2025: 92}", "realisasi: {{2025: {}}}", 92)}


def generate(target: Path, count: int) -> list[Path]:
    folders = []
    for i in range(count):
        source = SOURCES[i % len(SOURCES)]
        folder = target / f"laporan-{i:02d}"
        for part in ("content", "data"):
            shutil.copytree(source / part, folder / part)
        lap = folder / "data/laporan.yaml"
        text = lap.read_text("utf-8")
        name = next(line.split(":", 1)[1].strip() for line in text.splitlines() if line.startswith("instansi:"))
        lap.write_text(text.replace(f"instansi: {name}", f"instansi: {name} {i:02d}", 1), "utf-8")
        if source.name in NUMBER:
            old, new, value = NUMBER[source.name]
            ind = folder / "data/indikator.yaml"
            ind.write_text(ind.read_text("utf-8").replace(old, new.format(value + i % 7)), "utf-8")
        folders.append(folder)
    return folders


def portal(source: Path, output: Path, jobs: int, pdf: bool) -> float:
    args = [sys.executable, str(REPO / "build.py"), "portal", str(source), "--output", str(output),
            "--jobs", str(jobs)] + ([] if pdf else ["--tanpa-pdf"])
    started = time.perf_counter()
    subprocess.run(args, capture_output=True, text=True, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tanpa-pdf", action="store_true", help="build the reports without their PDFs")
    args = parser.parse_args()
    pdf = not args.tanpa_pdf
    times: dict[str, list[float]] = {"serial": [], "parallel": [], "no_change": [], "one_change": []}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folders = generate(root / "sumber", args.reports)
        for run in range(args.runs):
            for jobs, key in ((1, "serial"), (2, "parallel")):
                out = root / f"keluaran-{key}-{run}"
                times[key].append(portal(root / "sumber", out, jobs, pdf))
            times["no_change"].append(portal(root / "sumber", out, 2, pdf))
            chapter = sorted((folders[run % len(folders)] / "content").glob("*.md"))[0]
            chapter.write_text(chapter.read_text("utf-8") + f"\nTambahan {run}.\n", "utf-8")
            times["one_change"].append(portal(root / "sumber", out, 2, pdf))
    medians = {k: round(statistics.median(v), 3) for k, v in times.items()}
    print(json.dumps({"reports": args.reports, "pdf": pdf, "runs": args.runs, "median_seconds": medians,
                      "parallel_over_serial": round(medians["parallel"] / medians["serial"], 3),
                      "no_change_over_cold": round(medians["no_change"] / medians["parallel"], 3),
                      "one_change_over_cold": round(medians["one_change"] / medians["parallel"], 3)}, indent=1))


if __name__ == "__main__":
    main()
