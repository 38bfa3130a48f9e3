"""The outline PermenPANRB 53/2014 asks of an LKjIP: a missing part is a warning, never a failure."""
from lkjip.domain.struktur import role_of
from lkjip.pipeline import check
from lkjip.project import Project

from conftest import edit


def structure(root):
    return [(d.loc.file, d.message) for d in check(Project(root)).diagnostics if d.code == "structure"]


def test_a_complete_outline_gives_no_warning(minimal):
    assert structure(minimal) == []


def test_missing_chapters_sections_and_the_perjanjian_lampiran(minimal):
    (minimal / "content/00-ikhtisar-eksekutif.md").unlink()
    (minimal / "content/10-lampiran-perjanjian-kinerja.md").unlink()
    edit(minimal / "content/03-bab-3-akuntabilitas-kinerja.md", "## B. Realisasi Anggaran", "## B. Keuangan")
    assert structure(minimal) == [
        ("content/", "Ikhtisar Eksekutif yang diwajibkan PermenPANRB 53/2014 tidak ada"),
        ("content/", "lampiran Perjanjian Kinerja yang diwajibkan PermenPANRB 53/2014 tidak ada"),
        ("content/03-bab-3-akuntabilitas-kinerja.md",
         "Bab Akuntabilitas Kinerja tidak memuat bagian 'Realisasi Anggaran' yang diwajibkan PermenPANRB 53/2014"),
    ]


def test_the_signed_documents_list_of_lampiran(minimal):
    edit(minimal / "data/laporan.yaml", "penandatangan: kepala\n", """penandatangan: kepala
lampiran_tercetak:
  - {judul: Perjanjian Kinerja, bagian: lampiran-perjanjian-kinerja}
  - {judul: Pengukuran Kinerja}
  - {judul: Capaian, bagian: capaian}
  - {judul: Rencana Aksi, bagian: lampiran-rencana-aksi}
""")
    assert structure(minimal) == [
        ("data/laporan.yaml", "Daftar Isi dokumen asli mencantumkan lampiran 'Pengukuran Kinerja', tetapi laporan "
                              "ini tidak memuatnya"),
        ("data/laporan.yaml", "lampiran 'Rencana Aksi' disebut dimuat di 'lampiran-rencana-aksi', tetapi tidak ada "
                              "halaman atau tabel dengan nama itu"),
    ]


def test_chapters_are_recognised_by_the_regulations_words():
    assert role_of("BAB II RENCANA KINERJA") == "Bab Perencanaan Kinerja"
    assert role_of("Ringkasan Eksekutif") == "Ikhtisar Eksekutif"
    assert role_of("KATA PENGANTAR") is None
