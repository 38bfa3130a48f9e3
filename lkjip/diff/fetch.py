"""The two revisions a `diff` compares, as the author names them, loaded side by side.

OLD defaults to where the current branch left the default branch (what a pull request
changes); NEW to the working tree, uncommitted edits included (what the author is about
to commit). Every revision is resolved before anything is loaded, so a misspelt one stops
the command at once with a clear message.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from ..project import Project
from . import git
from .changes import ReportDiff, compare
from .load import load
from .revision import Revision

WORKING_TREE = "folder kerja"


def diff(folder: Path, old: str | None, new: str | None) -> ReportDiff:
    """Compare two revisions of the report in `folder`; raises git.GitProblem on a bad revision."""
    repo = git.open_repository(folder)
    old_label, old_commit = git.merge_base(repo) if old is None else (old, git.resolve(repo, old))
    new_commit = None if new is None else git.resolve(repo, new)
    with tempfile.TemporaryDirectory(prefix="lkjip-diff-") as tmp:
        before = _load(repo, old_label, old_commit, Path(tmp) / "lama")
        if new_commit is None:
            after = load(Project(folder), WORKING_TREE, None)
        else:
            assert new is not None
            after = _load(repo, new, new_commit, Path(tmp) / "baru")
    return compare(before, after)


def _load(repo: git.Repository, label: str, commit: str, where: Path) -> Revision:
    git.extract(repo, commit, where)
    return load(Project(where), label, commit)
