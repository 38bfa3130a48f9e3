"""The pull-request workflow: a file GitHub accepts, and the very commands it runs, executed here on
a Git history of the bundled report (with a stand-in for the `gh` command that records its calls)."""
import os
import re
import stat
import subprocess
import sys

import pytest
import yaml

from lkjip.diff.to_md import MARKER

from conftest import REPO
from diffrepo import EDITS, commit, git, init

WORKFLOW = REPO / ".github/workflows/laporan.yml"
RUN_HERE = ("Perbedaan", "Komentar di pull request", "Pemeriksaan", "Galat dan peringatan baru")
"""The steps executed by these tests; installing and the PDF build are left to CI (the PDF is slow)."""

FAKE_GH = """#!/usr/bin/env bash
printf '%s\\n' "$*" >> "$GH_LOG"
for arg in "$@"; do
  case "$arg" in body=@*) head -n 1 "${arg#body=@}" >> "$GH_LOG" ;; esac
done
case "$*" in *--paginate*) [ -n "$FAKE_COMMENT_ID" ] && printf '%s\\n%s\\n' "$FAKE_COMMENT_ID" 99 ;; esac
exit 0
"""


def workflow():
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def steps():
    return {step["name"]: step for job in workflow()["jobs"].values() for step in job["steps"]}


PINNED = re.compile(r"actions/(checkout|setup-python|upload-artifact|download-artifact)@[0-9a-f]{40}")


def test_the_workflow_is_yaml_with_the_structure_github_expects():
    flow = workflow()
    assert flow[True] == {"pull_request": None}  # YAML 1.1 reads the key `on` as true, as GitHub's parser does not
    assert flow["permissions"] == {}
    assert list(flow["jobs"]) == ["laporan", "komentar"]
    job = flow["jobs"]["laporan"]
    assert job["runs-on"] == "ubuntu-latest" and set(job["env"]) == {"LAPORAN", "BASE_SHA", "PYTHONUTF8"}
    assert job["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    for step in [s for j in flow["jobs"].values() for s in j["steps"]]:
        assert isinstance(step["name"], str) and (("uses" in step) != ("run" in step)), step
        if "uses" in step:
            assert PINNED.fullmatch(step["uses"]), f"an action pinned by commit, not by tag: {step['uses']}"
        else:
            assert "${{" not in step["run"], "expressions reach scripts only through env"
    assert job["steps"][0]["with"] == {"fetch-depth": 0, "persist-credentials": False}
    ids = {step.get("id") for step in job["steps"]}
    for step in job["steps"]:
        for used in re.findall(r"steps\.(\w+)\.", str(step.get("if", ""))):
            assert used in ids
    uploads = [step["with"]["path"] for step in job["steps"] if step.get("uses", "").startswith("actions/upload")]
    assert uploads == ["${{ env.LAPORAN }}/site/", "hasil/"]
    assert steps()["Susun situs dan PDF"]["run"] == 'python -m lkjip build --dir "$LAPORAN"'


def test_the_job_that_runs_the_pull_requests_files_cannot_write_and_the_one_that_can_runs_none_of_them():
    flow = workflow()
    laporan, komentar = flow["jobs"]["laporan"], flow["jobs"]["komentar"]
    assert laporan["permissions"] == {"contents": "read"}
    assert not any("GH_TOKEN" in step.get("env", {}) for step in laporan["steps"])
    assert komentar["permissions"] == {"pull-requests": "write"}
    assert komentar["needs"] == "laporan"
    assert komentar["if"] == "always() && needs.laporan.outputs.perbedaan == 'success'"
    assert laporan["outputs"] == {"perbedaan": "${{ steps.perbedaan.outcome }}"}
    # no checkout, no install, no lkjip: only the diff file, downloaded, and gh
    uses = [step.get("uses", "") for step in komentar["steps"]]
    assert [u.split("@")[0] for u in uses if u] == ["actions/download-artifact"]
    assert komentar["steps"][0]["with"]["path"] == "hasil/"
    runs = " ".join(step.get("run", "") for step in komentar["steps"])
    assert "lkjip " not in runs and "python" not in runs and "pip " not in runs
    assert MARKER in steps()["Komentar di pull request"]["run"]
    assert "GH_TOKEN" in steps()["Komentar di pull request"]["env"]


@pytest.fixture
def pull_request(tmp_path):
    """A repository checked out at a pull request's commit, and a way to run a workflow step in it."""
    root = init(tmp_path / "repo")
    tools = tmp_path / "alat"
    tools.mkdir()
    (tools / "gh").write_text(FAKE_GH, "utf-8")
    (tools / "gh").chmod((tools / "gh").stat().st_mode | stat.S_IXUSR)
    # the stand-in `python` runs this interpreter by its own path: a symbolic link to a venv's python
    # would start the base interpreter, which does not see the venv's packages
    (tools / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', "utf-8")
    (tools / "python").chmod(0o755)
    log = tmp_path / "gh.log"
    env = {**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(REPO),
           "LAPORAN": ".", "BASE_SHA": git(root, "rev-parse", "dasar"), "PYTHONUTF8": "1", "GH_LOG": str(log),
           "GH_TOKEN": "token-uji", "PR": "7", "REPO": "kantor/laporan", "FAKE_COMMENT_ID": ""}

    def open_pr(change):
        git(root, "checkout", "-q", "-b", f"pr-{change}", "dasar")
        EDITS[change](root / "data", root / "content")
        commit(root, change)

    def step(name, **extra):
        assert name in RUN_HERE
        done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", steps()[name]["run"]],
                              cwd=root, env={**env, **extra}, capture_output=True, text=True)
        return done.returncode, done.stdout, done.stderr

    return root, open_pr, step, log


def test_a_pull_request_that_only_moves_figures_passes_and_gets_one_new_comment(pull_request):
    root, open_pr, step, log = pull_request
    open_pr("nrr")
    assert step("Perbedaan")[0] == 0
    comment = (root / "hasil/diff.md").read_text("utf-8")
    assert comment.startswith(MARKER + "\n")
    base = git(root, "rev-parse", "dasar")[:7]  # the base commit id CI passes in full, shortened for the reader
    assert f"**Lama:** `{base}`, dapat disusun, 11 peringatan  " in comment.split("\n")
    assert (root / "hasil/diff.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    commented = step("Komentar di pull request")
    assert commented[0] == 0, commented
    assert log.read_text("utf-8").split("\n") == [
        "api repos/kantor/laporan/issues/7/comments --paginate --jq .[]",
        '       | select(.user.login == "github-actions[bot]" and (.body | startswith("<!-- lkjip-diff -->")))',
        "       | .id",
        "api --method POST repos/kantor/laporan/issues/7/comments -F body=@hasil/diff.md", MARKER, ""]
    assert step("Pemeriksaan")[0] == 0
    code, out, _ = step("Galat dan peringatan baru")
    assert (code, out) == (0, "0 galat/peringatan baru dari pull request ini, 0 selesai.\n")


def test_a_pull_request_that_adds_warnings_fails_with_them_annotated_and_updates_its_comment(pull_request):
    root, open_pr, step, log = pull_request
    open_pr("target")
    assert step("Perbedaan")[0] == 0
    assert step("Komentar di pull request", FAKE_COMMENT_ID="42")[0] == 0
    assert log.read_text("utf-8").split("\n")[-3:] == [
        "api --method PATCH repos/kantor/laporan/issues/comments/42 -F body=@hasil/diff.md", MARKER, ""]
    assert step("Pemeriksaan")[0] == 0  # existing warnings never block
    code, out, _ = step("Galat dan peringatan baru")
    assert code == 1
    assert ("::error file=data/rkt.yaml,line=25,col=5::peringatan: target inovasi 2024 di Rencana Kerja Tahunan (RKT) "
            "Tahun 2024 (2) berbeda dengan Perjanjian Kinerja Perubahan Tahun 2024 (3, data/perjanjian_kinerja.yaml:92)"
            ) in out.split("\n")
    assert out.endswith("12 galat/peringatan baru dari pull request ini, 0 selesai.\n")
    # inovasi no longer reaches its target: both sentences that say "Semua" are flagged
    assert sum("kinerja.cakupan_tercapai di narasi" in line for line in out.split("\n")) == 2


def test_a_pull_request_that_breaks_the_report_fails_the_check_and_the_gate(pull_request):
    root, open_pr, step, _ = pull_request
    open_pr("rusak")
    assert step("Perbedaan")[0] == 0
    code, _, err = step("Pemeriksaan")
    assert code == 1 and "data/ikm.yaml:10:48: galat: unsur[2].nrr: angka '3,38' memakai koma desimal" in err
    code, out, _ = step("Galat dan peringatan baru")
    assert code == 1 and out.split("\n")[:2] == [
        "::error file=data/ikm.yaml,line=10,col=48::galat: angka '3,38' memakai koma desimal; di dalam '{...}' koma "
        "memisahkan pasangan kunci: nilai",
        "Peringatan tidak dibandingkan: sebuah revisi berhenti pada galat."]


def test_annotations_escape_what_would_end_a_workflow_command(pull_request, tmp_path):
    root, _, step, _ = pull_request
    (root / "hasil").mkdir()
    (root / "hasil/diff.json").write_text(
        '{"check": {"warnings_compared": true, "resolved": [], "new": [{"severity": "peringatan", "file": '
        '"data/a,b:c.yaml", "line": null, "column": null, "message": "baris 1\\nbaris 2 100%"}]}}', "utf-8")
    code, out, _ = step("Galat dan peringatan baru")
    assert code == 1 and out.split("\n")[0] == "::error file=data/a%2Cb%3Ac.yaml::peringatan: baris 1%0Abaris 2 100%25"
