"""The preview's short path (`lkjip/preview/incremental.py`): after a prose edit only the edited
chapter's page is rendered again, and after any series of edits every file served is exactly
what a fresh full build serves.

Each step edits a copy of a signed sample with note marks (the hardest case: an edit can renumber
marks or rename the section a mark stands in), rebuilds the preview in place and compares it with
a fresh full build of the same folder: every file's bytes, the error page, the bar's counts (a
served page is those bytes with the bar and the reload script). What was rendered is read from
`Preview.work`, never from a clock.
"""
import pytest

from lkjip.pipeline import Stage, run
from lkjip.preview.state import Preview
from lkjip.project import Project

from conftest import REPO, copy_sample, edit

WHOLE = (None, True)
"""Every chapter rendered from Markdown, every file laid out."""


def alone(page):
    """Only this chapter's page (and the search index) rendered; every other file kept."""
    return ((page,), False)


def around(page):
    """This chapter rendered; the whole site laid out again around the other chapters' kept bodies."""
    return ((page,), True)


STEPS = [
    # (what, file, old text, new text, what is rendered again)
    ("the same table placed again in an earlier chapter: every chapter's anchors", "content/01-bab-1.md",
     "{{ tabel: penduduk }}", "{{ tabel: penduduk }}\n\n{{ tabel: capaian }}", WHOLE),
    ("a prose edit after it (anchors counted from the earlier placement)", "content/02-bab-3.md",
     "Ditetapkan", "Telah ditetapkan", alone("bab-3.html")),
    ("a line above a marked quote", "content/02-bab-3.md", "IKM {{ ikm.nilai", "Baris baru.\n\nIKM {{ ikm.nilai",
     alone("bab-3.html")),
    ("a new section (no mark under it)", "content/02-bab-3.md", "Telah ditetapkan", "## Penetapan\n\nTelah ditetapkan",
     alone("bab-3.html")),
    ("a section above a marked quote: the Catatan Pemeriksaan names it", "content/01-bab-1.md",
     "{{ laporan.instansi }} terdiri", "## Wilayah\n\n{{ laporan.instansi }} terdiri", around("bab-1.html")),
    ("a chapter title: in every page's navigation", "content/02-bab-3.md", "# BAB III AKUNTABILITAS KINERJA",
     "# BAB III AKUNTABILITAS", around("bab-3.html")),
    ("words just before a marked quote: the Catatan Pemeriksaan quotes them", "content/01-bab-1.md",
     "desa dengan {{ penduduk.jumlah", "desa, dengan {{ penduduk.jumlah", around("bab-1.html")),
    ("a new differing quote before the others: every mark renumbered", "content/01-bab-1.md", "{{ laporan.instansi }}",
     "Serapan {{ anggaran.serapan | tercetak: 1% | alasan: Salah ketik. }}. {{ laporan.instansi }}", WHOLE),
    ("a data edit", "data/laporan.yaml", "tahun: 2025", "tahun: 2025  # diubah", WHOLE),
    ("an error in a chapter", "content/02-bab-3.md", "Telah ditetapkan", "Telah {{ tidak.dikenal }} ditetapkan",
     "galat"),
    ("the error fixed", "content/02-bab-3.md", "Telah {{ tidak.dikenal }} ditetapkan", "Telah ditetapkan",
     ((), False)),
    ("prose again", "content/02-bab-3.md", "Baris baru.", "Baris yang baru.", alone("bab-3.html")),
]


def fresh(root):
    return Preview(Project(root), build=run).rebuild()


def test_every_served_file_matches_a_fresh_build_after_each_edit(tmp_path):
    root = copy_sample("kecamatan", tmp_path / "laporan")
    preview = Preview(Project(root))
    preview.rebuild()
    assert (preview.work.pages, preview.work.whole_site) == WHOLE and preview.work.stages[0] is Stage.LOAD
    for what, file, old, new, rendered in STEPS:
        edit(root / file, old, new)
        served, full = preview.rebuild(), fresh(root)
        if rendered == "galat":
            assert served.failure is not None and served.failure == full.failure, what
            continue
        assert served.failure is None and full.failure is None, what
        assert dict(served.files) == dict(full.files), (what, [p for p in full.files
                                                               if served.files.get(p) != full.files[p]])
        assert served.counts == full.counts, what
        assert (preview.work.pages, preview.work.whole_site) == rendered, (what, preview.work)
        assert (Stage.LOAD in preview.work.stages) == file.startswith("data/"), what


def test_only_the_edited_page_and_the_search_index_change(tmp_path):
    root = copy_sample("kecamatan", tmp_path / "laporan")
    preview = Preview(Project(root))
    preview.rebuild()
    edit(root / "content/02-bab-3.md", "Ditetapkan", "Telah ditetapkan")
    snapshot = preview.rebuild()
    assert preview.work.stages == (Stage.CHECK,) and (preview.work.pages, preview.work.whole_site) == alone("bab-3.html")
    assert snapshot.changed_since(1) == ["assets/indeks-cari.js", "bab-3.html"]
    assert snapshot.page_version("bab-3.html") == 2 and snapshot.page_version("bab-1.html") == 1


@pytest.mark.parametrize("chapter,old,new,page", [
    # Bab IV shows Tabel 3.1 again: its anchor counts the placement in Bab III
    ("04-bab-4-penutup.md", "Secara garis besar terlihat", "Secara garis besar sekali terlihat", "bab-4-penutup.html"),
])
def test_the_bundled_report(tmp_path, chapter, old, new, page):
    root = tmp_path / "laporan"
    for part in ("content", "data"):
        (root / part).mkdir(parents=True)
        for path in (REPO / part).iterdir():
            if path.is_file():
                (root / part / path.name).write_bytes(path.read_bytes())
    preview = Preview(Project(root))
    preview.rebuild()
    edit(root / "content" / chapter, old, new)
    served = preview.rebuild()
    assert preview.work.pages == (page,)
    assert dict(served.files) == dict(fresh(root).files)
