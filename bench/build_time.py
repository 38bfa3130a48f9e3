"""Benchmark: median wall time and peak memory of `check`, a build without PDF, and a full build.

Run: python bench/build_time.py [--runs N]
Timings on shared machines are noisy, so this reports medians over N runs and the ratio of
each mode to `check`; it is never part of the test suite.
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
MODES = {"check": ["check"], "no-pdf": ["--no-pdf"], "full": []}
CHILD = ("import resource, runpy, sys; sys.argv = ['build.py'] + sys.argv[1:]; "
         "sys.path.insert(0, {repo!r});\n"
         "try:\n    runpy.run_path({build!r}, run_name='__main__')\n"
         "except SystemExit:\n    pass\n"
         "sys.stderr.write('MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")


def measure(root: Path, args: list[str]) -> tuple[float, int]:
    code = CHILD.format(repo=str(REPO), build=str(REPO / "build.py"))
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args, "--dir", str(root), "-q"],
                          capture_output=True, text=True, check=True)
    elapsed = time.perf_counter() - started
    rss = int(done.stderr.rsplit("MAXRSS ", 1)[1].split()[0])
    return elapsed, rss


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "laporan"
        for name in ("content", "data"):
            shutil.copytree(REPO / name, root / name)
        report = {}
        for mode, extra in MODES.items():
            samples = [measure(root, extra) for _ in range(args.runs)]
            report[mode] = {"median_s": round(statistics.median(s[0] for s in samples), 3),
                            "max_rss_mib": round(max(s[1] for s in samples) / 1024, 1)}
        base = report["check"]["median_s"]
        for mode in report:
            report[mode]["ratio_to_check"] = round(report[mode]["median_s"] / base, 2)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
