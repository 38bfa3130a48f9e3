"""Benchmark: the speed and memory of the commands, as ratios, on a copy of the bundled report.

Run: python bench/build_time.py [--runs N]

Measures whole processes (wall time, CPU time, peak memory of the process), each the median of N
runs, with bytecode caching on as on a user's machine:
- floor: `python -c "import yaml, jinja2, markdown_it"`, the libraries every command needs;
- check: `build.py check`;
- imports: a process that only imports the modules of lkjip a `check` run loads, and does nothing else
  (what of `check` is start-up and what is work);
- cold: a full build (site and PDF) with an empty cache (`--tanpa-cache`);
- unchanged: a full build right after one with the same inputs (the cache's case);
- edit: a full build after a one-paragraph edit of a chapter where a table may end stranded (Bab IV:
  one of the PDF's parts, so which tables go tighter is decided again);
- edit_front: a full build after a one-paragraph edit of the Kata Pengantar (no part: the previous
  decision is taken as it is);
- no_pdf: `build --no-pdf --tanpa-cache`;
- with --besar, once: a cold full build of a report eight times the bundled one (every chapter and
  lampiran copied seven times over), against the cold build of the bundled one.
It prints JSON: the medians, and the ratios the speed issue names (check / floor, unchanged /
check, edit / cold, edit_front / cold, CPU / wall of a cold build), and imports / floor: how much of
check / floor is start-up. Never part of the test suite: machines here
are shared and noisy, so only medians and ratios mean anything.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHAPTER = "content/04-bab-4-penutup.md"
FRONT = "content/00-kata-pengantar.md"
CHILD = ("import resource, runpy, sys; sys.argv = ['build.py'] + sys.argv[1:]; "
         "sys.path.insert(0, {repo!r});\n"
         "try:\n    runpy.run_path({build!r}, run_name='__main__')\n"
         "except SystemExit:\n    pass\n"
         "u = resource.getrusage(resource.RUSAGE_SELF); c = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "sys.stderr.write('MAXRSS %d CPU %f\\n' % (max(u.ru_maxrss, c.ru_maxrss), "
         "u.ru_utime + u.ru_stime + c.ru_utime + c.ru_stime))")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)   # bytecode cached, as on a user's machine
    env.pop("LKJIP_CACHE", None)
    return env


def measure(root: Path, args: list[str]) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak MiB) of one build.py run."""
    code = CHILD.format(repo=str(REPO), build=str(REPO / "build.py"))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args, "--dir", str(root), "-q"],
                          capture_output=True, text=True, check=True, env=_env())
    wall = time.perf_counter() - started
    tail = done.stderr.rsplit("MAXRSS ", 1)[1].split()
    return wall, float(tail[2]), int(tail[0]) / 1024


def floor() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import yaml, jinja2, markdown_it"], check=True, env=_env())
    return time.perf_counter() - started


def loaded_modules(root: Path) -> list[str]:
    """The modules of lkjip that `build.py check` loads on this report."""
    code = ("import runpy, sys; sys.argv = ['build.py', 'check', '--dir', {root!r}, '-q']\n"
            "sys.path.insert(0, {repo!r})\n"
            "try:\n    runpy.run_path({build!r}, run_name='__main__')\nexcept SystemExit:\n    pass\n"
            "print('MODULES', *sorted(m for m in sys.modules if m.split('.')[0] == 'lkjip'))")
    code = code.format(root=str(root), repo=str(REPO), build=str(REPO / "build.py"))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=_env())
    return done.stdout.rsplit("MODULES ", 1)[1].split()


def imports(modules: list[str]) -> float:
    started = time.perf_counter()
    code = f"import sys; sys.path.insert(0, {str(REPO)!r}); import " + ", ".join(modules)
    subprocess.run([sys.executable, "-c", code], check=True, env=_env())
    return time.perf_counter() - started


def _edit(root: Path, n: int, chapter: str = CHAPTER) -> None:
    path = root / chapter
    text = path.read_text("utf-8")
    path.write_text(text.replace("\n\n", f"\n\nSuntingan ke-{n}.\n\n", 1), "utf-8")


def eightfold(root: Path) -> None:
    """The bundled report with every chapter and lampiran copied seven times over (front matter once)."""
    for name in ("content", "data"):
        shutil.copytree(REPO / name, root / name)
    originals = sorted(p for p in (root / "content").glob("*.md") if not p.name.startswith("00-"))
    for copy in range(2, 9):
        for path in originals:
            order, rest = path.name.split("-", 1)
            shutil.copy(path, path.with_name(f"{order}-{rest[:-3]}-salinan-{copy}.md"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--besar", action="store_true", help="also build a report eight times the bundled one")
    args = parser.parse_args()
    modes = ("check", "cold", "unchanged", "edit", "edit_front", "no_pdf")
    samples: dict[str, list[tuple[float, float, float]]] = {k: [] for k in modes}
    floors, imported = [], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "laporan"
        for name in ("content", "data"):
            shutil.copytree(REPO / name, root / name)
        measure(root, ["check"])           # warm-up: bytecode written, files in the page cache
        modules = loaded_modules(root)
        for n in range(args.runs):
            floors.append(floor())
            imported.append(imports(modules))
            samples["check"].append(measure(root, ["check"]))
            samples["no_pdf"].append(measure(root, ["--no-pdf", "--tanpa-cache"]))
            samples["cold"].append(measure(root, ["--tanpa-cache"]))
            measure(root, [])                # stores the entry the next run finds
            samples["unchanged"].append(measure(root, []))
            _edit(root, n)
            samples["edit"].append(measure(root, []))
            _edit(root, n, FRONT)
            samples["edit_front"].append(measure(root, []))
        if args.besar:
            big = Path(tmp) / "besar"
            eightfold(big)
            samples["eightfold"] = [measure(big, ["--tanpa-cache"])]
    report: dict[str, object] = {"floor_s": round(statistics.median(floors), 3),
                                 "imports_s": round(statistics.median(imported), 3)}
    for mode, runs in samples.items():
        report[mode] = {"wall_s": round(statistics.median(r[0] for r in runs), 3),
                        "cpu_s": round(statistics.median(r[1] for r in runs), 3),
                        "peak_mib": round(max(r[2] for r in runs), 1)}
    wall = {mode: statistics.median(r[0] for r in runs) for mode, runs in samples.items()}
    cold_cpu = statistics.median(r[1] / r[0] for r in samples["cold"])
    report["ratios"] = {"check/floor": round(wall["check"] / report["floor_s"], 2),  # type: ignore[operator]
                        "imports/floor": round(statistics.median(imported) / statistics.median(floors), 2),
                        "unchanged/check": round(wall["unchanged"] / wall["check"], 2),
                        "edit/cold": round(wall["edit"] / wall["cold"], 2),
                        "edit_front/cold": round(wall["edit_front"] / wall["cold"], 2),
                        "cold cpu/wall": round(cold_cpu, 2)}
    if args.besar:
        big_peak = samples["eightfold"][0][2] / max(r[2] for r in samples["cold"])
        report["ratios"].update({"eightfold/cold": round(wall["eightfold"] / wall["cold"], 2),   # type: ignore[union-attr]
                                 "eightfold peak/cold peak": round(big_peak, 2)})
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
