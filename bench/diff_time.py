"""Benchmark: the median wall time of `diff` between two revisions against two `check` runs.

Run: python bench/diff_time.py [--runs N]
A diff checks both revisions as `check` does (each read from Git's objects), then compares
them, so its natural yardstick is two `check` runs. The revisions are the bundled report and
the same report with one NRR changed, in a temporary Git repository; every mode runs as a
fresh process, as an author or CI runs it. Medians over N runs, never part of the test suite.
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


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def history(root: Path) -> None:
    """Two commits: the bundled report (tag `lama`), and one NRR changed (tag `baru`)."""
    for name in ("content", "data"):
        shutil.copytree(REPO / name, root / name)
    git(root, "init", "-q", "-b", "main")
    git(root, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "--allow-empty",
        "-m", "kosong")
    for tag, text in (("lama", None), ("baru", ("nrr: 3.38", "nrr: 3.50"))):
        if text:
            path = root / "data/ikm.yaml"
            path.write_text(path.read_text("utf-8").replace(*text), "utf-8")
        git(root, "add", "-A")
        git(root, "-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-q", "-m", tag)
        git(root, "tag", tag)


def seconds(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "lkjip", *args], check=True, capture_output=True, cwd=REPO)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "laporan"
        root.mkdir()
        history(root)
        out = ["--dir", str(root), "-q", "--output"]
        modes = {
            "check": ["check", "--dir", str(root), "-q"],
            "diff_json": ["diff", "lama", "baru", "--format", "json", *out, str(root / "d.json")],
            "diff_html": ["diff", "lama", "baru", *out, str(root / "d.html")],
            "diff_worktree_md": ["diff", "lama", "--format", "md", *out, str(root / "d.md")],
        }
        samples: dict[str, list[float]] = {mode: [] for mode in modes}
        for _ in range(args.runs):  # interleaved, so a noisy moment hits every mode alike
            for mode, argv in modes.items():
                samples[mode].append(seconds(argv))
        medians = {mode: round(statistics.median(values), 3) for mode, values in samples.items()}
        two_checks = 2 * medians["check"]
        report = {"runs": args.runs, "median_s": medians, "two_checks_s": round(two_checks, 3),
                  "ratio_to_two_checks": {m: round(v / two_checks, 2) for m, v in medians.items() if m != "check"}}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
