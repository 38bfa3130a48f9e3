"""The named stages: a run stops where it is told, and a failure carries what the stages before it made.

On the bundled report: stopping after COMPUTE gives the figures (IKM 91,33 from the nine NRR) and
no page; a chapter that quotes an unknown key fails in CHECK, and the failure still holds the
catalog that COMPUTE built, which is what a reviewer's diff compares.
"""
from __future__ import annotations

import pytest

from lkjip.diagnostics import BuildFailed
from lkjip.pipeline import STEPS, Options, Stage, run
from lkjip.project import Project

from conftest import REPO, edit

CHECK_ONLY = Options(pdf=False, write=False)


def test_the_stages_come_in_their_order():
    assert [stage.name for stage, _ in STEPS] == ["LOAD", "COMPUTE", "CHECK", "RENDER", "PRINT", "WRITE"]


def test_a_run_stops_after_the_stage_it_is_told():
    state = run(Project(REPO), CHECK_ONLY, until=Stage.COMPUTE)
    assert state.reached is Stage.COMPUTE
    assert state.catalog is not None and state.catalog.value("ikm.nilai").text() == "91,33"
    assert (state.chapters, state.pages, state.files) == ((), [], {})
    checked = run(Project(REPO), CHECK_ONLY, until=Stage.CHECK)
    assert checked.reached is Stage.CHECK and len(checked.corrections.items) == 120 and checked.pages == []


def test_a_failure_carries_the_state_the_stages_before_it_made(report):
    edit(report / "content/04-bab-4-penutup.md", "Pencapaian target", "{{ indikator.tidak_ada }} Pencapaian target")
    with pytest.raises(BuildFailed) as failed:
        run(Project(report), CHECK_ONLY)
    state = failed.value.state
    assert [d.code for d in failed.value.diagnostics if d.is_error] == ["unknown-value"]
    assert state.reached is Stage.COMPUTE and state.catalog.value("ikm.nilai").text() == "91,33"


def test_a_failure_while_loading_carries_no_figures(report):
    edit(report / "data/ikm.yaml", "nrr: 3.38", "nrr: tiga")
    with pytest.raises(BuildFailed) as failed:
        run(Project(report), CHECK_ONLY)
    assert failed.value.state.reached is None and failed.value.state.catalog is None


def test_check_renders_no_page_where_rendering_can_find_nothing_new(tmp_path):
    """`check` renders with the report's own templates only (or to compare a signed edition): the
    default theme renders every report that passed CHECK, so its pages are left unmade."""
    import shutil

    from lkjip.pipeline import check
    for name in ("data", "content"):
        shutil.copytree(REPO / name, tmp_path / name)
    checked = check(Project(tmp_path))
    assert checked.output is None and checked.pages == [] and checked.files == {}
    assert len(checked.corrections.items) == 120 and sum(not d.is_error for d in checked.diagnostics) == 11
    (tmp_path / "layouts").mkdir()
    (tmp_path / "layouts/page.html").write_text("{{ halaman.tidak_ada }}", "utf-8")   # the author's own template
    with pytest.raises(BuildFailed) as failed:
        check(Project(tmp_path))
    assert [d.loc.file for d in failed.value.diagnostics if d.is_error] == ["layouts/page.html"]


def test_a_chapter_may_not_take_the_name_of_one_of_the_sites_own_pages(tmp_path):
    import shutil

    from lkjip.pipeline import check
    from lkjip.render.identity import SITE_PAGES
    built = run(Project(REPO), CHECK_ONLY, until=Stage.RENDER)
    own = {p for p in built.files if "/" not in p and p.endswith(".html")} - {p.path for p in built.pages}
    assert own <= SITE_PAGES and {"index.html", "cari.html", "data.html"} <= own
    shutil.copytree(REPO / "tests/samples/minimal", tmp_path / "r")
    shutil.copy(tmp_path / "r/content/04-bab-4-penutup.md", tmp_path / "r/content/50-cari.md")
    with pytest.raises(BuildFailed) as failed:
        check(Project(tmp_path / "r"))
    (clash,) = [d for d in failed.value.diagnostics if d.is_error]
    assert (clash.loc.file, clash.code, clash.message) == (
        "content/50-cari.md", "output-clash", "dua sumber menulis berkas keluaran yang sama: 'cari.html'")
