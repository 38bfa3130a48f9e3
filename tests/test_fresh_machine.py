"""The README's test command on a machine without Chromium: the browser tests are skipped with
one line saying what to install; where CI requires the tools (LKJIP_WAJIB_ALAT=1), they fail."""
import os
import subprocess
import sys
import time

from conftest import CAMPAIGN, REPO, TOOLS_REQUIRED

SKIP_LINE = "test_browser.py needs chromium, which is not installed; install it with: apt-get install chromium"


def _pytest_without_chromium(tmp_path, **env):
    """tests/test_browser.py, with a quick module beside it, in a fresh pytest whose PATH has no browser."""
    clean = {k: v for k, v in os.environ.items() if k != TOOLS_REQUIRED}
    clean.update(PATH=str(tmp_path), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "tests/test_browser.py", "tests/test_numbers.py", "-p", "no:cacheprovider",
                           "-n", "0", "-q", "-rs"], cwd=REPO, env=clean, capture_output=True, text=True, timeout=300)


def test_without_chromium_the_browser_tests_are_skipped_with_one_line(tmp_path):
    done = _pytest_without_chromium(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    skipped = [line for line in done.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 1 and skipped[0].startswith("SKIPPED [1] tests/conftest.py:")
    assert skipped[0].endswith(SKIP_LINE)
    assert " passed, 1 skipped in " in done.stdout


def test_in_ci_a_missing_chromium_is_a_failure(tmp_path):
    done = _pytest_without_chromium(tmp_path, **{TOOLS_REQUIRED: "1"})
    assert done.returncode == 2  # a collection error: pytest stops, nothing is reported as skipped
    assert f"{SKIP_LINE} ({TOOLS_REQUIRED}=1: required here)" in done.stdout
    assert "1 error during collection" in done.stdout and "skipped" not in done.stdout


def test_ci_requires_the_tools():
    script = (REPO / ".ci/run").read_text("utf-8")
    assert f"export {TOOLS_REQUIRED}=1 {CAMPAIGN}=1" in script
    assert script.rstrip().endswith("python -m pytest")


WITHOUT_HARFBUZZ_SUBSET = """
import sys
sys.path.insert(0, {repo!r})
import weasyprint.pdf.fonts
weasyprint.pdf.fonts.harfbuzz_subset = None  # as on a machine without libharfbuzz-subset0
from lkjip.cli import main
sys.exit(main(["build", "--strict", "--dir", {root!r}]))
"""


def test_without_harfbuzz_subset_the_pdf_is_still_reproducible_and_the_machine_is_named_once(tmp_path):
    from lkjip.print.engine import NO_HARFBUZZ_SUBSET

    from conftest import copy_sample
    root = copy_sample("minimal", tmp_path / "laporan")
    runs = []
    for n in range(2):  # a second apart at least: fontTools would stamp each subset font with the time
        if n:
            time.sleep(1.1)
        done = subprocess.run([sys.executable, "-c", WITHOUT_HARFBUZZ_SUBSET.format(repo=str(REPO), root=str(root))],
                              capture_output=True, text=True, timeout=300, env={**os.environ, "SOURCE_DATE_EPOCH": ""})
        assert done.returncode == 0, done.stderr  # --strict: a note about the machine is no warning
        runs.append(((root / "site/lkjip-dinas-perpustakaan-dan-kearsipan-2025.pdf").read_bytes(), done.stderr))
    (first, err), (second, _) = runs
    assert first == second
    assert err == f"catatan mesin: {NO_HARFBUZZ_SUBSET}\n"
    assert "layouts/print.html" not in err and "peringatan" not in err


def test_weasyprints_log_lines_about_the_machine_are_not_warnings_about_the_report():
    from lkjip.print.engine import NO_HARFBUZZ_SUBSET, machine_notes
    report, machine = machine_notes([
        'Using fontTools instead of HarfBuzz-Subset for font "Laporan". This will be unsupported ...',
        'Using fontTools instead of HarfBuzz-Subset for font "Laporan Tebal". This will be unsupported ...',
        "Please install HarfBuzz version 13+ with harfbuzz-vector",
        "Ignored `widows: x` at 3:1, invalid value.",
        "Ignored `widows: x` at 3:1, invalid value."])
    assert report == ["Ignored `widows: x` at 3:1, invalid value."]
    assert machine == [NO_HARFBUZZ_SUBSET, "WeasyPrint: Please install HarfBuzz version 13+ with harfbuzz-vector"]
