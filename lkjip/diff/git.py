"""Reading a revision of the report straight from Git's objects, never from the working tree.

A reviewer's `diff` must not disturb what the author has open: no checkout, no stash, no
temporary branch. Each revision is resolved to a commit id with
`git rev-parse --verify --end-of-options REV^{commit}` after refusing anything that starts
with '-', so a revision can never become a Git option; from then on only the 40-hex id
is passed to Git. The report's files are listed with `git ls-tree` and read with one
`git cat-file --batch`, then written to a temporary folder the pipeline reads like any
report folder. Only what the pipeline reads is taken (content/, data/, layouts/), and only
regular files: a symbolic link or a submodule in history cannot point the build elsewhere.
"""
from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

READ = ("content", "data", "layouts")
"""The folders of a report the pipeline reads; site/ and everything else is never extracted."""

DEFAULT_BRANCHES = ("refs/heads/main", "refs/heads/master", "refs/remotes/origin/main", "refs/remotes/origin/master")


class GitProblem(Exception):
    """A revision or repository the diff cannot use; the message and hint are for the author."""

    def __init__(self, message: str, hint: str = ""):
        super().__init__(message)
        self.message, self.hint = message, hint


@dataclass(frozen=True)
class Repository:
    """The Git repository holding a report, and the report's folder inside it ('' or 'laporan/')."""

    root: Path
    prefix: str

    def git(self, *args: str, stdin: bytes | None = None, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
        done = subprocess.run(["git", "-C", str(self.root), *args], input=stdin, capture_output=True, env=env)
        if check and done.returncode != 0:
            raise GitProblem(f"perintah git gagal: git {' '.join(args[:2])}",
                             done.stderr.decode("utf-8", "replace").strip())
        return done

    def text(self, *args: str) -> str:
        return self.git(*args).stdout.decode("utf-8", "replace").strip()


def open_repository(folder: Path) -> Repository:
    """The repository that contains `folder` (the report folder given with --dir)."""
    if not folder.is_dir():
        raise GitProblem(f"folder laporan '{folder}' tidak ditemukan")
    try:
        done = subprocess.run(["git", "-C", str(folder), "rev-parse", "--show-toplevel", "--show-prefix"],
                              capture_output=True, env={**os.environ, "LC_ALL": "C"})
    except FileNotFoundError:
        raise GitProblem("program 'git' tidak ditemukan", "pasang Git, lalu ulangi") from None
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().split("\n")[0]
        raise GitProblem(f"folder laporan '{folder}' bukan bagian dari repositori Git",
                         "'diff' membandingkan revisi Git; jalankan di dalam repositori laporan atau pakai --dir"
                         + (f" (git: {said})" if said else ""))
    top, prefix = (done.stdout.decode("utf-8", "replace").split("\n") + ["", ""])[:2]
    return Repository(Path(top), prefix.strip())


def resolve(repo: Repository, revision: str) -> str:
    """The commit id of `revision`, or a clear refusal: never passed to Git as an option."""
    if not revision.strip() or revision.startswith("-"):
        raise GitProblem(f"revisi '{revision}' ditolak: revisi tidak boleh kosong atau diawali '-'",
                         "tulis nama cabang, tag atau commit, mis. main, v1.0 atau HEAD~1")
    done = repo.git("rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}", check=False)
    sha = done.stdout.decode("ascii", "replace").strip()
    if done.returncode != 0 or len(sha) != 40:
        raise GitProblem(f"revisi '{revision}' tidak dikenal di repositori {repo.root}",
                         "periksa ejaannya dengan 'git log --oneline' atau 'git branch -a'")
    return sha


def default_branch(repo: Repository) -> str:
    """The branch pull requests merge into: origin/HEAD where a clone recorded it, else main or master."""
    done = repo.git("symbolic-ref", "--quiet", "refs/remotes/origin/HEAD", check=False)
    candidates = ([done.stdout.decode().strip()] if done.returncode == 0 else []) + list(DEFAULT_BRANCHES)
    for ref in candidates:
        if repo.git("rev-parse", "--verify", "--quiet", ref + "^{commit}", check=False).returncode == 0:
            return ref
    raise GitProblem("cabang utama (origin/HEAD, main atau master) tidak ditemukan",
                     "sebutkan revisi LAMA, mis. 'python build.py diff v1.0'")


def merge_base(repo: Repository) -> tuple[str, str]:
    """The default OLD revision: where HEAD left the default branch. Returns (label, commit id)."""
    branch = default_branch(repo)
    head = resolve(repo, "HEAD")
    sha = repo.text("merge-base", head, branch)
    short = branch.removeprefix("refs/heads/").removeprefix("refs/remotes/")
    return f"merge-base {short}", sha


def extract(repo: Repository, commit: str, target: Path) -> int:
    """Write the report folder of `commit` (content/, data/, layouts/) under `target`; the file count.

    A report folder absent at that commit gives an empty folder: the revision then does
    not build, and the diff says so."""
    listing = repo.git("ls-tree", "-r", "-z", "--full-tree", commit, check=True).stdout
    wanted: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split()
        path = raw_path.decode("utf-8", "surrogateescape")
        if kind != "blob" or mode not in ("100644", "100755") or not path.startswith(repo.prefix):
            continue
        inside = PurePosixPath(path[len(repo.prefix):])
        hidden = any(part.startswith(".") for part in inside.parts[1:])   # e.g. data/.skema/: never read
        if inside.parts and inside.parts[0] in READ and ".." not in inside.parts and not hidden:
            wanted.append((sha, inside.as_posix()))
    target.mkdir(parents=True, exist_ok=True)
    if not wanted:
        return 0
    blobs = repo.git("cat-file", "--batch", stdin="".join(sha + "\n" for sha, _ in wanted).encode()).stdout
    position = 0
    for _, inner in wanted:
        header_end = blobs.index(b"\n", position)
        _, _, size = blobs[position:header_end].decode("ascii").split()
        start = header_end + 1
        written = target / inner
        written.parent.mkdir(parents=True, exist_ok=True)
        written.write_bytes(blobs[start:start + int(size)])
        position = start + int(size) + 1
    return len(wanted)
