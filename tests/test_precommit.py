"""pre-commit: the hook this repository offers runs `lkjip check` in an office's report repository
(a commit with an error is stopped, a draft with placeholders is not); this repository's own
configuration checks the bundled report and the samples and keeps the editors' schemas current."""
import os
import re
import shlex
import subprocess
import sys
import tomllib

import yaml

from conftest import REPO, copy_sample, edit, line_of

MANIFEST = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
CONFIG = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))


def test_the_offered_hook_runs_check_on_the_report_files():
    (hook,) = MANIFEST
    assert {k: hook[k] for k in ("id", "entry", "language", "pass_filenames")} == \
        {"id": "lkjip-check", "entry": "lkjip check -q", "language": "python", "pass_filenames": False}
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["lkjip"] == "lkjip.cli:console"  # what `language: python` installs and `entry` calls
    files = re.compile(hook["files"])
    assert [bool(files.search(p)) for p in ("data/indikator.yaml", "content/01-bab-1.md", "layouts/style.css",
                                            "README.md", "site/index.html")] == [True, True, True, False, False]


def _entry(tmp_path, *args):
    """The offered hook's command as pre-commit runs it: in the repository's top folder."""
    command = [sys.executable, "-m", "lkjip", *shlex.split(MANIFEST[0]["entry"])[1:], *args]
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # this checkout's lkjip, as the hook's environment would hold
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env)


def test_the_offered_hook_stops_a_commit_with_an_error_but_not_a_draft(tmp_path):
    root = copy_sample("minimal", tmp_path / "repo")
    edit(root / "data/indikator.yaml", "realisasi: {2025: 10}", 'realisasi: {2025: "ISI: realisasi 2025"}')
    assert _entry(root).returncode == 0
    edit(root / "data/laporan.yaml", "tahun: 2025", "tahun: dua ribu")
    done = _entry(root)
    line = line_of(root / "data/laporan.yaml", "tahun: dua ribu")
    assert done.returncode == 1 and f"data/laporan.yaml:{line}:8: galat: tahun: diharapkan tahun" in done.stderr


def test_this_repositorys_hooks_pass_on_a_clean_checkout():
    (repo,) = CONFIG["repos"]
    assert repo["repo"] == "local"
    assert [h["id"] for h in repo["hooks"]] == ["lkjip-check", "lkjip-check-samples", "lkjip-skema"]
    for hook in repo["hooks"]:
        assert {"id", "name", "entry", "language"} <= set(hook) and hook["language"] == "system"
    check = shlex.split(repo["hooks"][0]["entry"])
    assert check[:2] == ["python", "build.py"]
    assert subprocess.run([sys.executable, *check[1:]], cwd=REPO, capture_output=True, timeout=300).returncode == 0
