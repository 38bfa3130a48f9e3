"""The README's test command on a machine without Chromium: the browser tests are skipped with
one line saying what to install; where CI requires the tools (LKJIP_WAJIB_ALAT=1), they fail."""
import os
import subprocess
import sys

from conftest import REPO, TOOLS_REQUIRED

SKIP_LINE = "test_browser.py needs chromium, which is not installed; install it with: apt-get install chromium"


def _pytest_without_chromium(tmp_path, **env):
    """tests/test_browser.py, with a quick module beside it, in a fresh pytest whose PATH has no browser."""
    clean = {k: v for k, v in os.environ.items() if k != TOOLS_REQUIRED}
    clean.update(PATH=str(tmp_path), **env)
    return subprocess.run([sys.executable, "-m", "pytest", "tests/test_browser.py", "tests/test_numbers.py", "-p", "no:cacheprovider",
                           "-q", "-rs"], cwd=REPO, env=clean, capture_output=True, text=True, timeout=300)


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
    assert f"export {TOOLS_REQUIRED}=1" in script
    assert script.rstrip().endswith("python -m pytest")
