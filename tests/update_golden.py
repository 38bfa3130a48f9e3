"""Regenerate the golden output of the sample reports: `python tests/update_golden.py`.

Review the resulting diff of tests/golden/ like any code change: it shows exactly how a
change to the compiler alters the published pages of four small reports of different
shapes (tests/samples/dinas, kecamatan, kota, minimal).
"""
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from lkjip.pipeline import Options, Result, run  # noqa: E402
from lkjip.project import Project  # noqa: E402

SAMPLES, GOLDEN = HERE / "samples", HERE / "golden"
NAMES = ("dinas", "kecamatan", "kota", "minimal")


def build_sample(name: str, target: Path) -> tuple[Path, Result]:
    """Build a copy of one sample (site only, no PDF); returns its site folder and the build result."""
    for part in ("content", "data"):
        shutil.copytree(SAMPLES / name / part, target / part)
    result = run(Project(target), Options(pdf=False))
    return target / "site", result


if __name__ == "__main__":
    for name in NAMES:
        with tempfile.TemporaryDirectory() as tmp:
            site, _ = build_sample(name, Path(tmp) / name)
            shutil.rmtree(GOLDEN / name, ignore_errors=True)
            shutil.copytree(site, GOLDEN / name)
        print(f"golden output written to {(GOLDEN / name).relative_to(HERE.parent)}/")
