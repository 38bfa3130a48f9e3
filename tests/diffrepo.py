"""A Git repository made from the bundled report, with one commit (and tag) per kind of change.

Shared by the diff tests: each tag is one reviewer's case, a commit whose parent is the
bundled report as it is (`dasar`), so `diff dasar TAG` shows exactly one change against the
real figures of the seed report. Commits are made with a local identity and no signing, so the tests run
on any machine whatever its global Git configuration.
"""
from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO

CHANGES = ("target", "realisasi", "nrr", "desa", "sub_kegiatan", "paragraf", "nama", "pindah", "rusak",
           "pernyataan", "nomor")
"""One tag per kind of change, each a child of the first commit, tagged `dasar` (on branch main)."""

BIAYA = "  - {id: biaya, nama: Biaya/Tarif, nrr: 4.00}\n"


@contextlib.contextmanager
def remembered_revisions():
    """While open, each committed revision is loaded once: the diff tests compare a dozen tags
    with the same `dasar`, and a commit's files never change. (A working tree is loaded anew.)"""
    import lkjip.diff.fetch as fetch
    real, seen = fetch._load, {}

    def load(repo, label, commit, where):
        if (repo.root, label, commit) not in seen:
            seen[repo.root, label, commit] = real(repo, label, commit, where)
        return seen[repo.root, label, commit]
    load.__wrapped__ = real
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(fetch, "_load", load)
        yield


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def init(root: Path, report: Path | None = None) -> Path:
    """A repository whose first commit holds the bundled report's content/ and data/ (under `report`)."""
    folder = report or root
    for name in ("content", "data"):
        shutil.copytree(REPO / name, folder / name)
    git(root, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Penguji"), ("user.email", "penguji@example.org"), ("commit.gpgsign", "false"),
                       ("tag.gpgsign", "false")):
        git(root, "config", key, value)
    commit(root, "dasar")
    return root


def commit(root: Path, tag: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", tag)
    git(root, "tag", tag)


def change(path: Path, old: str, new: str, after: str = "") -> None:
    """Replace the first `old` that follows `after`, failing loudly when it is not there."""
    text = path.read_text("utf-8")
    at = text.index(old, text.index(after) if after else 0)
    path.write_text(text[:at] + new + text[at + len(old):], "utf-8")


def _sub_kegiatan_removed(data: Path) -> None:
    text = (data / "anggaran.yaml").read_text("utf-8")
    block = re.search(r'  - kode: "7\.01\.01\.2\.06\.06"\n(    .*\n)+', text)
    assert block is not None
    text = text.replace(block.group(0), "")
    # what the signed realisasi printed for that row goes with it (a printed value needs its row)
    text = re.sub(r'    "7\.01\.01\.2\.06\.06": .*\n', "", text)
    (data / "anggaran.yaml").write_text(text, "utf-8")


def _row_moved(data: Path) -> None:
    change(data / "ikm.yaml", BIAYA, "")
    change(data / "ikm.yaml", "# Tabel 3.5", BIAYA + "# Tabel 3.5")


EDITS = {
    "target": lambda d, c: change(d / "perjanjian_kinerja.yaml", "nilai: 2 ", "nilai: 3 ", after="id: pk_perubahan"),
    "realisasi": lambda d, c: change(d / "indikator.yaml", "2024: 100}", "2024: 80}", after="id: koordinasi"),
    "nrr": lambda d, c: change(d / "ikm.yaml", "nrr: 3.38", "nrr: 3.50"),
    "desa": lambda d, c: change(d / "penduduk.yaml", "  - nama: Bangun\n",
                                "  - nama: Sumberwaru\n    l: 1000\n    p: 1200\n  - nama: Bangun\n"),
    "sub_kegiatan": lambda d, c: _sub_kegiatan_removed(d),
    "paragraf": lambda d, c: change(c / "04-bab-4-penutup.md", "dapat di samapaikan", "dapat disampaikan"),
    "nama": lambda d, c: change(d / "indikator.yaml", "nama: IKM Kecamatan", "nama: Indeks Kepuasan Masyarakat Kecamatan"),
    "pindah": lambda d, c: _row_moved(d),
    "rusak": lambda d, c: change(d / "ikm.yaml", "nrr: 3.38", "nrr: 3,38"),
    "pernyataan": lambda d, c: change(d / "perjanjian_kinerja.yaml", "penghargaan dan sanksi.",
                                      "penghargaan dan sanksi yang adil.", after="id: pk_perubahan"),
    "nomor": lambda d, c: change(d / "laporan.yaml", 'renstra: {nomor: "2.1"', 'renstra: {nomor: "2.2"'),
}


def make_history(root: Path) -> Path:
    """Tags, each one change on top of `dasar`: a target, a realisasi, an NRR, an added desa, a removed
    sub-kegiatan, an edited paragraph, a renamed indikator, a moved row, a change that breaks
    validation; and a PK statement and a table number. The working tree is left at `dasar` on main."""
    init(root)
    for tag in CHANGES:
        git(root, "checkout", "-q", "--detach", "dasar")
        EDITS[tag](root / "data", root / "content")
        commit(root, tag)
    git(root, "checkout", "-q", "main")
    return root
