"""The build cache: a rebuild with nothing changed renders nothing and writes nothing; a change to any
kind of input is seen in the output; `--tanpa-cache` and LKJIP_CACHE do what they say.

On the minimal sample, built without the PDF (the PDF is one more file of the same entry)."""
from __future__ import annotations

import os

import pytest
from test_print import png

from lkjip import cache
from lkjip.cli import main
from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import REPO, edit

SITE_ONLY = ["--no-pdf", "-q"]


def build(root, *extra) -> int:
    return main([*SITE_ONLY, *extra, "--dir", str(root)])


def snapshot(site):
    """Every file of site/ with its bytes and the moment it was last written."""
    return {p.relative_to(site).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture
def renders(monkeypatch):
    """How many times the site was rendered."""
    from lkjip.render import site
    calls = []
    original = site.build_site

    def counted(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)
    monkeypatch.setattr(site, "build_site", counted)
    return calls


def test_a_rebuild_with_nothing_changed_renders_nothing_and_rewrites_no_byte(minimal, renders, capsys):
    assert build(minimal) == 0 and len(renders) == 1
    before = snapshot(minimal / "site")
    capsys.readouterr()
    assert build(minimal) == 0 and len(renders) == 1
    assert snapshot(minimal / "site") == before
    assert "diambil dari tembolok" in capsys.readouterr().out
    assert (minimal / ".lkjip-cache").is_dir() and not (minimal / "site/.lkjip-cache").exists()


def test_the_cached_build_gives_the_same_bytes_and_messages_as_a_build_without_it(minimal, capsys):
    (minimal / "content/04-bab-4-penutup.md").write_text(
        (minimal / "content/04-bab-4-penutup.md").read_text("utf-8") + "\n{{ isian_tak_dikenal }}\n", "utf-8")
    assert build(minimal) == 1   # a failed build is not stored
    assert not (minimal / ".lkjip-cache").exists() or not any((minimal / ".lkjip-cache").iterdir())
    edit(minimal / "content/04-bab-4-penutup.md", "\n{{ isian_tak_dikenal }}\n", "\n")
    build(minimal)
    fresh = snapshot(minimal / "site")
    capsys.readouterr()
    main(["--no-pdf", "--dir", str(minimal)])
    first = capsys.readouterr().err
    main(["--no-pdf", "--dir", str(minimal)])
    assert capsys.readouterr().err == first     # the warnings again, from the cache
    main(["--no-pdf", "--tanpa-cache", "--dir", str(minimal)])
    assert capsys.readouterr().err == first
    assert {k: v[0] for k, v in snapshot(minimal / "site").items()} == {k: v[0] for k, v in fresh.items()}


@pytest.mark.parametrize("kind", ["data", "content", "layouts", "image", "code", "option"])
def test_a_change_to_any_kind_of_input_is_seen_in_the_output(minimal, renders, monkeypatch, kind):
    (minimal / "gambar").mkdir()
    (minimal / "gambar/kantor.png").write_bytes(png(4, 4))
    with (minimal / "content/01-bab-1-pendahuluan.md").open("a", encoding="utf-8") as f:
        f.write("\n![Kantor kecamatan](../gambar/kantor.png)\n")
    assert build(minimal) == 0
    before = {k: v[0] for k, v in snapshot(minimal / "site").items()}
    if kind == "data":
        edit(minimal / "data/laporan.yaml", "instansi: Dinas Perpustakaan", "instansi: Dinas Perpustakaan Daerah")
    elif kind == "content":
        edit(minimal / "content/04-bab-4-penutup.md", "Layanan tepat waktu", "Layanan yang tepat waktu")
    elif kind == "layouts":
        (minimal / "layouts").mkdir()
        (minimal / "layouts/style.css").write_text((REPO / "layouts/style.css").read_text("utf-8") + "\n.nilai { color: #123456; }\n", "utf-8")
    elif kind == "image":
        (minimal / "gambar/kantor.png").write_bytes(png(6, 6))
    elif kind == "code":
        monkeypatch.setattr(cache, "code_version", lambda: "lkjip versi lain")
    code = main(["-q", "--dir", str(minimal)]) if kind == "option" else build(minimal)   # with the PDF
    after = {k: v[0] for k, v in snapshot(minimal / "site").items()}
    assert code == 0 and len(renders) == 2, "the build was made again"
    changed = {k for k in after if before.get(k) != after[k]}
    expected = {"data": "index.html", "content": "bab-4-penutup.html", "layouts": "assets/style.css",
                "image": "media/gambar/kantor.png", "option": "lkjip-dinas-perpustakaan-dan-kearsipan-2025.pdf",
                "code": None}[kind]
    assert changed == set() if expected is None else expected in changed   # other code, the same pages


def test_undoing_an_edit_finds_the_build_before_it(minimal, renders):
    build(minimal)
    edit(minimal / "content/04-bab-4-penutup.md", "Layanan tepat waktu", "Layanan yang tepat waktu")
    build(minimal)
    edit(minimal / "content/04-bab-4-penutup.md", "Layanan yang tepat waktu", "Layanan tepat waktu")
    build(minimal)
    assert len(renders) == 2


def test_tanpa_cache_builds_again_and_stores_nothing(minimal, renders):
    assert build(minimal, "--tanpa-cache") == 0 and build(minimal, "--tanpa-cache") == 0
    assert len(renders) == 2 and not (minimal / ".lkjip-cache").exists()


def test_the_cache_goes_where_lkjip_cache_points_and_is_shared_by_equal_reports(minimal, tmp_path, renders,
                                                                                    monkeypatch):
    import shutil
    shared = tmp_path / "tembolok"
    monkeypatch.setenv("LKJIP_CACHE", str(shared))
    other = shutil.copytree(minimal, tmp_path / "salinan")
    build(minimal)
    build(other)
    assert len(renders) == 1 and not (minimal / ".lkjip-cache").exists() and len(list(shared.iterdir())) == 1
    assert snapshot(minimal / "site").keys() == snapshot(other / "site").keys()


def test_a_damaged_entry_is_a_miss_never_an_error(minimal, renders):
    build(minimal)
    (entry,) = (minimal / ".lkjip-cache").iterdir()
    page = next((entry / "files").glob("*.html"))
    page.write_bytes(b"rusak")
    assert build(minimal) == 0 and len(renders) == 2
    assert b"rusak" not in (minimal / "site" / page.name).read_bytes()
    (entry / "entry.json").write_text("{", "utf-8")
    assert build(minimal) == 0


def test_a_build_that_changes_nothing_leaves_site_untouched_even_without_the_cache(minimal):
    build(minimal, "--tanpa-cache")
    before = snapshot(minimal / "site")
    build(minimal, "--tanpa-cache")
    assert snapshot(minimal / "site") == before


def test_partial_builds_and_check_never_use_the_cache(minimal, renders):
    with pytest.raises(BuildFailed):
        run(Project(minimal / "tidak-ada"), Options(pdf=False))
    main(["html", "-q", "--dir", str(minimal)])
    main(["html", "-q", "--dir", str(minimal)])
    assert len(renders) == 2 and not (minimal / ".lkjip-cache").exists()
    assert os.environ.get("LKJIP_CACHE") is None


def test_what_a_build_killed_while_storing_left_behind_is_cleared_by_the_next_store(minimal):
    cache_dir = minimal / ".lkjip-cache"
    stale = cache_dir / ".baru-terputus"
    (stale / "files").mkdir(parents=True)
    os.utime(stale, (1, 1))
    fresh = cache_dir / ".baru-sedang-ditulis"   # another build storing right now
    fresh.mkdir()
    assert build(minimal) == 0
    assert not stale.exists() and fresh.exists()
    assert len([p for p in cache_dir.iterdir() if not p.name.startswith(".")]) == 1


def test_a_file_saved_while_the_build_runs_is_never_served_for_the_inputs_before_it(minimal, renders, monkeypatch):
    """The build read the chapter after the author saved it: its output is not stored under the key of
    the chapter as it was, so undoing the save later builds again instead of serving the saved text."""
    from lkjip import pipeline
    chapter = minimal / "content/04-bab-4-penutup.md"
    original = chapter.read_text("utf-8")
    real = pipeline._run

    def saved_meanwhile(*args, **kwargs):
        chapter.write_text(original.replace("Layanan tepat waktu", "Layanan yang disimpan"), "utf-8")
        return real(*args, **kwargs)
    monkeypatch.setattr(pipeline, "_run", saved_meanwhile)
    assert build(minimal) == 0
    monkeypatch.setattr(pipeline, "_run", real)
    chapter.write_text(original, "utf-8")
    assert build(minimal) == 0 and len(renders) == 2
    assert "Layanan yang disimpan" not in (minimal / "site/bab-4-penutup.html").read_text("utf-8")


def test_the_pdf_decision_is_noted_with_the_setting_it_was_made_in(minimal):
    """A build with its PDF notes which tables it set tighter and the digest they were decided on; the
    setting changes with the report's own layouts (and lkjip's code, the libraries and the theme)."""
    from lkjip.print.pdf import Decision
    project = Project(minimal)
    before = cache.layout_setting(project)
    assert cache.layout_setting(project) == before
    run(project, Options(pdf=True))
    note = cache.Store(project).hint("pdf-padat")
    decided = Decision.read(note)
    assert decided is not None and len(decided.key) == 64 and decided.tables == ()
    (minimal / "layouts").mkdir()
    (minimal / "layouts" / "_padat.css").write_text("/* lebih rapat */\n", "utf-8")
    assert cache.layout_setting(Project(minimal)) != before
    for damaged in (None, [], {"kunci": 1, "padat": []}, {"kunci": "k"}):
        assert Decision.read(damaged) is None
