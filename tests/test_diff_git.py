"""`python build.py diff` on the command line: which revisions it compares, that a revision can never
become a Git option, that the working tree is never touched, where it writes, and its exit status."""
import hashlib
import json
import os

import pytest

from lkjip.cli import main
from lkjip.diff import git as revisions

from diffrepo import EDITS, change, commit, git, init


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    """The bundled report at `dasar` on main, with `nrr` and `desa` as child commits."""
    root = init(tmp_path_factory.mktemp("git") / "laporan")
    for tag in ("nrr", "desa"):
        git(root, "checkout", "-q", "--detach", "dasar")
        EDITS[tag](root / "data", root / "content")
        commit(root, tag)
    git(root, "checkout", "-q", "main")
    return root


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exit:
        code = exit.code
    out = capsys.readouterr()
    return code, out.out, out.err


def snapshot(root):
    """Every file of the working tree with its content hash, and Git's view of it."""
    files = {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
             for p in sorted(root.rglob("*")) if p.is_file() and ".git" not in p.parts}
    return files, git(root, "status", "--porcelain"), git(root, "rev-parse", "HEAD")


@pytest.mark.parametrize("revision", ["--output=curian.txt", "-p", "--upload-pack=touch x", ""])
def test_a_revision_can_never_become_a_git_option(capsys, repo, revision):
    code, out, err = run(capsys, "diff", "--dir", str(repo), "--format", "json", "--", revision)
    assert code == 2 and out == ""
    assert err == (f"galat: revisi '{revision}' ditolak: revisi tidak boleh kosong atau diawali '-'\n"
                   "  petunjuk: tulis nama cabang, tag atau commit, mis. main, v1.0 atau HEAD~1\n")
    assert not (repo / "curian.txt").exists() and not (repo / "x").exists()


def test_an_unknown_revision_is_a_clear_message_and_exit_2(capsys, repo):
    code, out, err = run(capsys, "diff", "dasar", "tidak-ada", "--dir", str(repo))
    assert code == 2 and out == ""
    assert err.startswith(f"galat: revisi 'tidak-ada' tidak dikenal di repositori {repo}\n")


def test_a_folder_outside_git_is_a_clear_message_and_exit_2(capsys, report):
    code, _, err = run(capsys, "diff", "--dir", str(report))
    assert code == 2 and err.startswith(f"galat: folder laporan '{report}' bukan bagian dari repositori Git\n")


def test_a_wrong_format_is_a_wrong_command_line(capsys, repo):
    code, _, err = run(capsys, "diff", "--dir", str(repo), "--format", "pdf")
    assert code == 2 and "galat: perintah tidak valid" in err


def test_revisions_are_read_from_git_objects_and_the_working_tree_is_never_touched(capsys, repo):
    change(repo / "data/ikm.yaml", "nrr: 3.59", "nrr: 3.10")  # an uncommitted edit that must not leak in
    before = snapshot(repo)
    code, out, _ = run(capsys, "diff", "dasar", "desa", "--dir", str(repo), "--format", "json")
    assert code == 0 and snapshot(repo) == before
    assert [f["file"] for f in json.loads(out)["data"]] == ["data/penduduk.yaml"]
    change(repo / "data/ikm.yaml", "nrr: 3.10", "nrr: 3.59")


def test_new_defaults_to_the_working_tree_with_its_uncommitted_edits_and_old_to_the_merge_base(capsys, repo):
    git(repo, "checkout", "-q", "-b", "usulan", "nrr")
    try:
        EDITS["paragraf"](repo / "data", repo / "content")
        code, out, _ = run(capsys, "diff", "--dir", str(repo), "--format", "json")
        data = json.loads(out)
        assert code == 0
        assert (data["old"]["label"], data["old"]["commit"]) == ("merge-base main", git(repo, "rev-parse", "dasar"))
        assert (data["new"]["label"], data["new"]["commit"]) == ("folder kerja", None)
        assert [c["path"] for f in data["data"] for c in f["changes"]] == ["unsur[waktu].nrr"]
        assert [c["file"] for c in data["prose"]] == ["content/04-bab-4-penutup.md"]
    finally:
        git(repo, "checkout", "-q", "--", "content")
        git(repo, "checkout", "-q", "main")


def test_the_default_branch_is_origin_head_where_a_clone_recorded_it(capsys, tmp_path):
    root = init(tmp_path / "laporan")
    git(root, "checkout", "-q", "--detach", "dasar")
    EDITS["nrr"](root / "data", root / "content")
    commit(root, "nrr")
    git(root, "update-ref", "refs/remotes/origin/trunk", "nrr")
    git(root, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/trunk")
    git(root, "checkout", "-q", "-b", "usulan")
    EDITS["desa"](root / "data", root / "content")
    commit(root, "desa")
    code, out, _ = run(capsys, "diff", "--dir", str(root), "--format", "json")
    data = json.loads(out)
    assert data["old"]["label"] == "merge-base origin/trunk"
    assert [f["file"] for f in data["data"]] == ["data/penduduk.yaml"]  # not the NRR, already on trunk


def test_without_a_default_branch_old_must_be_named(capsys, tmp_path):
    root = init(tmp_path / "laporan")
    git(root, "branch", "-m", "main", "kerja")
    code, _, err = run(capsys, "diff", "--dir", str(root))
    assert code == 2
    assert err == ("galat: cabang utama (origin/HEAD, main atau master) tidak ditemukan\n"
                   "  petunjuk: sebutkan revisi LAMA, mis. 'python build.py diff v1.0'\n")


def test_the_report_may_live_in_a_folder_of_the_repository(capsys, tmp_path):
    root = tmp_path / "repo"
    init(root, root / "laporan")
    EDITS["nrr"](root / "laporan/data", root / "laporan/content")
    (root / "catatan.md").write_text("bukan bagian laporan\n", "utf-8")
    commit(root, "nrr")
    code, out, _ = run(capsys, "diff", "dasar", "nrr", "--dir", str(root / "laporan"), "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["old"]["builds"] and data["new"]["builds"]
    assert [c["path"] for f in data["data"] for c in f["changes"]] == ["unsur[waktu].nrr"]


def test_a_revision_without_the_report_does_not_build_and_is_reported_so(capsys, tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text("laporan menyusul\n", "utf-8")
    git(root, "init", "-q", "-b", "main")
    for key, value in (("user.name", "Penguji"), ("user.email", "penguji@example.org"), ("commit.gpgsign", "false")):
        git(root, "config", key, value)
    commit(root, "kosong")
    init_files = init(tmp_path / "sumber")
    for name in ("content", "data"):
        os.rename(init_files / name, root / name)
    commit(root, "laporan")
    code, out, _ = run(capsys, "diff", "kosong", "laporan", "--dir", str(root), "--format", "json")
    data = json.loads(out)
    assert code == 0 and not data["old"]["builds"] and data["new"]["builds"]
    assert "data/laporan.yaml" in [f["file"] for f in data["data"] if f["status"] == "added"]
    assert ("galat", "data/laporan.yaml", "file data wajib tidak ditemukan") in [
        (d["severity"], d["file"], d["message"]) for d in data["check"]["resolved"]]


def test_only_regular_files_of_content_data_and_layouts_are_read_from_a_revision(tmp_path):
    root = init(tmp_path / "laporan")
    (root / "content/99-bocor.md").symlink_to("/etc/passwd")
    (root / "site").mkdir()
    (root / "site/index.html").write_text("hasil susun lama\n", "utf-8")
    commit(root, "tautan")
    repo = revisions.open_repository(root)
    target = tmp_path / "revisi"
    count = revisions.extract(repo, revisions.resolve(repo, "tautan"), target)
    assert not (target / "content/99-bocor.md").exists() and not (target / "site").exists()
    assert count == len(list((root / "content").glob("*.md"))) - 1 + len(list((root / "data").rglob("*.yaml")))


@pytest.mark.kampanye   # each compares the bundled report's two revisions several times
def test_exit_code_says_whether_anything_changed(capsys, repo):
    assert run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--format", "md", "--exit-code")[0] == 1
    assert run(capsys, "diff", "nrr", "nrr", "--dir", str(repo), "--format", "md", "--exit-code")[0] == 0
    assert run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--format", "md")[0] == 0


@pytest.mark.kampanye   # each compares the bundled report's two revisions several times
def test_html_goes_to_diff_html_beside_site_and_md_and_json_to_standard_output(capsys, repo, tmp_path):
    code, out, err = run(capsys, "diff", "dasar", "nrr", "--dir", str(repo))
    page = repo / "diff.html"
    assert code == 0 and out == "" and page.read_text("utf-8").startswith("<!DOCTYPE html>")
    assert err == ("1 perubahan data, 21 sel tabel dan 19 nilai berubah, 0 bab berubah teks, 0 galat dan 0 peringatan "
                   f"baru. Ditulis ke {page}.\n")
    page.unlink()
    code, out, _ = run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--format", "md")
    assert out.startswith("<!-- lkjip-diff -->\n")
    target = tmp_path / "artefak/baru/pr.md"
    code, out, _ = run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--format", "md", "--output", str(target),
                       "-q")
    assert (code, out) == (0, "") and target.read_text("utf-8").startswith("<!-- lkjip-diff -->\n")
    code, out, _ = run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--output", "-")
    assert out.startswith("<!DOCTYPE html>") and not page.exists()


def test_several_formats_of_one_comparison_go_into_one_folder(capsys, repo, tmp_path):
    folder = tmp_path / "hasil"
    code, out, err = run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--format", "json,md,html",
                         "--output", str(folder))
    assert (code, out) == (0, "")
    assert sorted(p.name for p in folder.iterdir()) == ["diff.html", "diff.json", "diff.md"]
    assert (folder / "diff.md").read_text("utf-8").startswith("<!-- lkjip-diff -->\n")
    assert json.loads((folder / "diff.json").read_text("utf-8"))["changed"] is True
    assert err.count("Ditulis ke ") == 3
    code, _, err = run(capsys, "diff", "dasar", "nrr", "--dir", str(repo), "--format", "json,md")
    assert code == 2 and err.startswith("galat: beberapa format sekaligus memerlukan --output FOLDER\n")
    code, _, err = run(capsys, "diff", "--dir", str(repo), "--format", "json,pdf")
    assert code == 2 and "format tidak dikenal: 'json,pdf'" in err
