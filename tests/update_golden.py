"""Regenerate the golden output of the sample report: `python tests/update_golden.py`.

Review the resulting diff of tests/golden/ like any code change: it shows exactly how a
change to the compiler alters the published pages of a small report.
"""
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lkjip.pipeline import Options, run  # noqa: E402
from lkjip.project import Project  # noqa: E402

SAMPLE, GOLDEN = HERE / "sample", HERE / "golden"


def build_sample(target: Path) -> Path:
    for name in ("content", "data"):
        shutil.copytree(SAMPLE / name, target / name)
    run(Project(target), Options(pdf=False))
    return target / "site"


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        site = build_sample(Path(tmp) / "contoh")
        shutil.rmtree(GOLDEN, ignore_errors=True)
        shutil.copytree(site, GOLDEN)
    print(f"golden output written to {GOLDEN.relative_to(HERE.parent)}/")
