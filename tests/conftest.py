"""Shared fixtures: the repository, a disposable copy of the bundled report, one full build,
and the external programs some tests need (skipped locally when absent, required in CI)."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from lkjip.pipeline import Options, run
from lkjip.project import Project

os.environ.setdefault("LKJIP_PDF_PARALEL", "0")
"""The test run keeps every core busy with its workers: a build does its print work one job at a time
(lkjip/print/jobs.py); tests/test_pagination.py runs two at once where the jobs are the subject."""

REPO = Path(__file__).resolve().parent.parent

TOOLS_REQUIRED = "LKJIP_WAJIB_ALAT"
"""Set to 1 (as .ci/run does), a missing external program fails its tests instead of skipping them."""

CAMPAIGN = "LKJIP_KAMPANYE"
"""Set to 1 (as .ci/run does), the long campaigns run too: the fuzzing of the bundled report, axe
on every page, the byte-identity of the bundled PDF. The default run covers the same ground on
the small samples and a few pages, so that it answers in under two minutes."""


def campaign() -> bool:
    return os.environ.get(CAMPAIGN) == "1"


def pytest_configure(config):
    config.addinivalue_line("markers", f"kampanye: a long campaign, run only with {CAMPAIGN}=1 (.ci/run sets it)")


def pytest_collection_modifyitems(config, items):
    if campaign():
        return
    skip = pytest.mark.skip(reason=f"long campaign: runs with {CAMPAIGN}=1, as .ci/run sets it")
    for item in items:
        if "kampanye" in item.keywords:
            item.add_marker(skip)


def require_tool(name: str, install: str, *other_names: str) -> str:
    """The path of an external program (Chromium, a validator) some tests need.

    Call it at the top of the test module that needs the program. A fresh machine need not
    have it: there the whole module is skipped with one line saying what to install, so
    `python -m pytest` passes. CI exports LKJIP_WAJIB_ALAT=1, and there a missing program is
    a failure (at module level a collection error, which stops the run): CI never skips.
    Called from a fixture instead, it skips or fails the tests using that fixture.
    """
    for candidate in (name, *other_names):
        path = shutil.which(candidate)
        if path:
            return path
    caller = Path(sys._getframe(1).f_globals.get("__file__", "?")).name
    message = f"{caller} needs {name}, which is not installed; install it with: {install}"
    if os.environ.get(TOOLS_REQUIRED) == "1":
        pytest.fail(f"{message} ({TOOLS_REQUIRED}=1: required here)", pytrace=False)
    pytest.skip(message, allow_module_level=True)


def require_file(path: Path, install: str) -> Path:
    """A file some tests need that an installer puts in the repository (axe-core, vnu-jar from npm):
    skipped locally with one line saying how to get it, required in CI, as `require_tool`."""
    if path.is_file():
        return path
    message = f"{path.relative_to(REPO) if path.is_relative_to(REPO) else path} is missing; get it with: {install}"
    if os.environ.get(TOOLS_REQUIRED) == "1":
        pytest.fail(f"{message} ({TOOLS_REQUIRED}=1: required here)", pytrace=False)
    pytest.skip(message)


def copy_report(target: Path) -> Path:
    """A copy of the bundled report (content/ and data/ only: layouts come from the package)."""
    for name in ("content", "data"):
        shutil.copytree(REPO / name, target / name)
    return target


@pytest.fixture
def report(tmp_path) -> Path:
    return copy_report(tmp_path / "laporan")


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a copied file, failing loudly if the text is not there."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), "utf-8")


@pytest.fixture(scope="session")
def built(tmp_path_factory, request):
    """The bundled report built once, with its PDF, into a temporary copy: (folder, result).

    Under pytest-xdist the workers share one build (the PDF is most of a build's time): the
    first to need it builds into a folder beside their own temporary folders while holding a
    lock; the others wait, then take its site/ and compute the figures again without the PDF
    (the same model, catalog and pages, in a second)."""
    worker_id = getattr(request.config, "workerinput", {}).get("workerid")
    if worker_id is None:
        root = copy_report(tmp_path_factory.mktemp("build") / "laporan")
        return root, run(Project(root), Options(pdf=True))
    import fcntl
    shared = tmp_path_factory.getbasetemp().parent / "susunan-bersama"
    shared.mkdir(exist_ok=True)
    with open(shared / "kunci", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        root, done = shared / "laporan", shared / "selesai"
        if not done.exists():
            result = run(Project(copy_report(root)), Options(pdf=True))
            done.write_text(worker_id, "utf-8")
            return root, result
    return root, run(Project(root), Options(pdf=False, write=False))


def as_draft(root: Path) -> Path:
    """The bundled report before signing: the same data, every figure computed and shown, every
    disagreement with what the paper printed the author's to fix (`check`)."""
    edit(root / "data/laporan.yaml", "status: ditandatangani", "status: draf")
    edit(root / "data/laporan.yaml", "ditandatangani: {tanggal: 2025-01}", "")
    edit(root / "data/laporan.yaml", "catatan_pemeriksaan: true", "")
    return root


@pytest.fixture(scope="session")
def drafted(tmp_path_factory):
    """The bundled report as a draft, built without its PDF: (folder, result)."""
    root = as_draft(copy_report(tmp_path_factory.mktemp("draf") / "laporan"))
    return root, run(Project(root), Options(pdf=False))


@pytest.fixture(scope="session")
def checked(tmp_path_factory):
    root = copy_report(tmp_path_factory.mktemp("check") / "laporan")
    return run(Project(root), Options(pdf=False, write=False))


def shown(result, key: str) -> str:
    """A Markdown key's value as the report shows it."""
    return result.catalog.keys[key].text()


def line_of(path: Path, text: str) -> int:
    """1-based line of the first occurrence of `text`, so tests assert exact positions robustly."""
    for number, line in enumerate(path.read_text("utf-8").split("\n"), 1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path}")


SAMPLES = REPO / "tests" / "samples"


def copy_sample(name: str, target: Path) -> Path:
    for part in ("content", "data"):
        shutil.copytree(SAMPLES / name / part, target / part)
    return target


@pytest.fixture
def minimal(tmp_path) -> Path:
    """A copy of the smallest valid report (four data files), to extend in a test."""
    return copy_sample("minimal", tmp_path / "minimal")


def write(root: Path, files: dict[str, str]) -> Path:
    """Write (or overwrite) files of a report, creating folders."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    return root
