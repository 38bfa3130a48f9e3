"""Nothing is lost: Ctrl-C, a killed process, a failure; and Windows/phone editors' files just work."""
import subprocess
import sys

import pytest

from lkjip.cli import main
from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import REPO, edit


def snapshot(root):
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def leftovers(root):
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".site-"))


@pytest.fixture
def built_once(report):
    run(Project(report), Options(pdf=False))
    edit(report / "data/wilayah.yaml", "curah_hujan_mm: 1504", "curah_hujan_mm: 1600")
    return report, snapshot(report)


def test_ctrl_c_while_writing_keeps_the_previous_site(built_once, monkeypatch):
    root, before = built_once
    import pathlib
    original, calls = pathlib.Path.write_bytes, []

    def interrupted(self, data):
        calls.append(self)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return original(self, data)
    monkeypatch.setattr(pathlib.Path, "write_bytes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        run(Project(root), Options(pdf=False))
    assert snapshot(root) == before and leftovers(root) == []


def test_ctrl_c_in_the_cli_is_a_clean_message(capsys, report, monkeypatch):
    import lkjip.pipeline

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt
    monkeypatch.setattr(lkjip.pipeline, "run", interrupted)
    assert main(["--dir", str(report)]) == 130
    assert capsys.readouterr().err == "Dibatalkan. site/ tidak diubah.\n"


KILLER = """
import os, signal, pathlib, sys
sys.path.insert(0, {repo!r})
target, after = {target!r}, {after}
calls = []
if target == "write_bytes":
    original = pathlib.Path.write_bytes
    def patched(self, data):
        calls.append(1)
        if len(calls) == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(self, data)
    pathlib.Path.write_bytes = patched
else:
    import lkjip.output
    lkjip.output.exchange = lambda a, b: False  # the two-rename swap of systems without RENAME_EXCHANGE
    original = os.replace
    def patched(a, b):
        calls.append(1)
        if len(calls) == after:
            os.kill(os.getpid(), signal.SIGKILL)
        return original(a, b)
    os.replace = patched
from lkjip.cli import main
main(["--no-pdf", "--dir", {root!r}, "-q"])
"""


def killed_build(root, target, after):
    code = KILLER.format(repo=str(REPO), target=target, after=after, root=str(root))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert done.returncode == -9


def test_killed_while_writing_keeps_the_previous_site_and_the_next_build_cleans_up(built_once):
    root, before = built_once
    killed_build(root, "write_bytes", after=4)
    assert snapshot(root) == before
    assert len(leftovers(root)) == 1
    assert main(["--no-pdf", "--dir", str(root), "-q"]) == 0
    assert leftovers(root) == [] and snapshot(root) != before


def test_killed_between_the_two_renames_restores_site_on_the_next_run(built_once):
    root, before = built_once
    killed_build(root, "replace", after=2)  # site/ already moved aside, the new one not yet in place
    assert not (root / "site").exists()
    edit(root / "data/wilayah.yaml", "curah_hujan_mm: 1600", "curah_hujan_mm: banyak")
    assert main(["--no-pdf", "--dir", str(root), "-q"]) == 1  # an invalid build...
    assert snapshot(root) == before and leftovers(root) == []  # ...still puts the old site back


def test_bom_and_crlf_everywhere_give_the_same_site(report, tmp_path):
    run(Project(report), Options(pdf=False))
    plain = snapshot(report)
    for path in list((report / "data").glob("*.yaml")) + list((report / "content").glob("*.md")):
        text = path.read_text("utf-8")
        path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    run(Project(report), Options(pdf=False))
    assert snapshot(report) == plain


def test_a_content_file_that_is_not_utf8(capsys, report):
    (report / "content/05-catatan.md").write_bytes(b"# Catatan\n\nCaf\xe9\n")
    assert main(["check", "--dir", str(report), "-q"]) == 1
    assert "content/05-catatan.md:3:4: galat: file bukan teks UTF-8" in capsys.readouterr().err


def test_empty_content_file(capsys, report):
    (report / "content/05-catatan.md").write_text("")
    assert main(["check", "--dir", str(report), "-q"]) == 1
    assert "content/05-catatan.md:1:1: galat: bab tidak memiliki judul" in capsys.readouterr().err


def test_two_chapters_with_one_output_path(capsys, report):
    (report / "content/05-kata-pengantar.md").write_text("# Lagi\n")
    assert main(["--no-pdf", "--dir", str(report), "-q"]) == 1
    err = capsys.readouterr().err
    assert "content/05-kata-pengantar.md: galat: dua sumber menulis berkas keluaran yang sama: " \
           "'kata-pengantar.html'" in err


def test_yaml_alias_bomb_is_refused_quickly(capsys, report):
    bomb = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n"
        for i in range(8))
    (report / "data/prestasi.yaml").write_text(bomb)
    assert main(["check", "--dir", str(report), "-q"]) == 1
    assert "alias/anchor YAML" in capsys.readouterr().err


def test_a_very_large_file_is_refused(capsys, report):
    (report / "data/prestasi.yaml").write_text("prestasi:\n" + "  - {id: x, uraian: y}\n" * 100_000)
    assert main(["check", "--dir", str(report), "-q"]) == 1
    assert "data/prestasi.yaml: galat: file terlalu besar" in capsys.readouterr().err


def test_an_image_inside_the_project_is_published(minimal):
    import base64
    png = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")
    report = minimal
    (report / "content/gambar").mkdir()
    (report / "content/gambar/peta.png").write_bytes(png)
    edit(report / "content/01-bab-1-pendahuluan.md", "menyusun laporan kinerja",
         "menyusun laporan kinerja\n\n![Peta wilayah](gambar/peta.png)")
    result = run(Project(report), Options(pdf=True))
    assert (report / "site/media/content/gambar/peta.png").read_bytes() == png
    assert not [d for d in result.diagnostics if d.code == "pdf"]  # the PDF found the image too
    page = (report / "site/bab-1-pendahuluan.html").read_text("utf-8")
    assert '<img src="media/content/gambar/peta.png" alt="Peta wilayah"' in page


def test_images_whose_paths_would_flatten_alike_are_both_published(report):
    """`a/b.png` and `a_b.png` once became the same published file; each keeps its own path now."""
    satu, dua, tiga = (b"\x89PNG\r\n\x1a\n" + name for name in (b"satu", b"dua", b"tiga"))
    (report / "content/a").mkdir()
    (report / "content/a/b.png").write_bytes(satu)
    (report / "content/a_b.png").write_bytes(dua)
    (report / "content/gambar dan peta.png").write_bytes(tiga)
    edit(report / "content/01-bab-1-pendahuluan.md", "{{ daftar: batas_wilayah }}",
         "{{ daftar: batas_wilayah }}\n\n![satu](a/b.png) ![dua](a_b.png) ![tiga](<gambar dan peta.png>) ![lagi](a/b.png)")
    run(Project(report), Options(pdf=False))
    assert (report / "site/media/content/a/b.png").read_bytes() == satu
    assert (report / "site/media/content/a_b.png").read_bytes() == dua
    assert (report / "site/media/content/gambar dan peta.png").read_bytes() == tiga
    page = (report / "site/bab-1-pendahuluan.html").read_text("utf-8")
    assert 'src="media/content/gambar%20dan%20peta.png"' in page
