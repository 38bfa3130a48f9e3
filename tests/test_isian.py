"""Placeholders ("ISI: ..."): structurally valid where a value of the field's kind can stand in,
listed by `check` at their file, line and column, shown in a preview, never published by `build`."""
from lkjip.cli import main
from lkjip.diagnostics import BuildFailed
from lkjip.isian import CODE
from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import edit, line_of, shown


def _fill_placeholders(root):
    edit(root / "data/laporan.yaml", "daerah: Kabupaten Teladan", 'daerah: "ISI: Kabupaten atau Kota induk"')
    edit(root / "data/perjanjian_kinerja.yaml", "tanggal: 2025-01-20", 'tanggal: "ISI: tanggal penandatanganan"')
    edit(root / "data/perjanjian_kinerja.yaml", "nilai: 90}", 'nilai: "ISI: target 2025"}')
    edit(root / "data/indikator.yaml", "realisasi: {2025: 10}", 'realisasi: {2025: "ISI: realisasi 2025"}')
    edit(root / "content/04-bab-4-penutup.md", "{{ ttd: kepala }}", "[ISI: langkah perbaikan tahun depan]\n\n{{ ttd: kepala }}")


def test_check_lists_each_placeholder_at_its_place(minimal):
    _fill_placeholders(minimal)
    result = run(Project(minimal), Options(pdf=False, write=False))
    found = [(d.loc.file, d.loc.line, d.loc.column, d.message) for d in result.diagnostics if d.code == CODE]
    assert found == [
        ("content/04-bab-4-penutup.md", line_of(minimal / "content/04-bab-4-penutup.md", "[ISI:"), 1,
         "belum diisi: langkah perbaikan tahun depan"),
        ("data/indikator.yaml", line_of(minimal / "data/indikator.yaml", '"ISI: realisasi'), 23,
         "belum diisi: realisasi 2025"),
        ("data/laporan.yaml", 7, 9, "belum diisi: Kabupaten atau Kota induk"),
        ("data/perjanjian_kinerja.yaml", 6, 14, "belum diisi: tanggal penandatanganan"),
        ("data/perjanjian_kinerja.yaml", 10, 49, "belum diisi: target 2025"),
    ]
    assert [d for d in result.diagnostics if d.code != CODE] == []


def test_the_preview_shows_what_is_to_be_filled_in_and_waits_with_capaian(minimal):
    _fill_placeholders(minimal)
    result = run(Project(minimal), Options(pdf=False, write=False))
    assert shown(result, "laporan.daerah") == "ISI: Kabupaten atau Kota induk"
    assert shown(result, "dokumen.pk.tanggal") == "ISI: tanggal penandatanganan"
    assert shown(result, "indikator.layanan_tepat_waktu.target") == "ISI: target 2025"
    assert shown(result, "indikator.layanan_tepat_waktu.capaian") == "tidak dapat dihitung"
    assert shown(result, "indikator.pembinaan.realisasi") == "ISI: realisasi 2025"
    assert shown(result, "indikator.pembinaan.capaian") == "tidak dapat dihitung"
    page = result.files["bab-4-penutup.html"].decode()
    assert "[ISI: langkah perbaikan tahun depan]" in page


def test_check_passes_but_counts_them_and_build_refuses_to_publish(minimal, capsys):
    _fill_placeholders(minimal)
    assert main(["check", "--dir", str(minimal)]) == 0
    assert capsys.readouterr().out.startswith("Pemeriksaan selesai: tidak ada galat, 0 peringatan, "
                                              "5 isian belum diisi")
    assert main(["--dir", str(minimal), "--no-pdf", "-q"]) == 1
    err = capsys.readouterr().err
    assert err.endswith("(isian): galat: 5 isian belum diisi; laporan yang belum lengkap tidak diterbitkan\n"
                        "  petunjuk: isi setiap 'ISI: ...' (daftarnya: python build.py check); pratinjaunya: "
                        "python build.py serve\nGagal: 1 galat. site/ tidak diubah.\n")
    assert not (minimal / "site").exists()
    assert main(["check", "--strict", "--dir", str(minimal), "-q"]) == 1


def test_where_no_value_can_stand_in_the_schema_asks_for_the_real_one(minimal):
    edit(minimal / "data/pejabat.yaml", "{id: bupati,", '{id: "ISI: pengenal",')
    edit(minimal / "data/indikator.yaml", "arah: naik\n    realisasi: {2025: 92}", 'arah: "ISI: naik atau turun"\n'
         "    realisasi: {2025: 92}")
    try:
        run(Project(minimal), Options(pdf=False, write=False))
    except BuildFailed as failed:
        problems = [(d.loc.file, d.loc.line, d.message, d.hint) for d in failed.diagnostics]
    assert problems == [
        ("data/indikator.yaml", 9, "isian 'ISI: naik atau turun' tidak dapat dipakai di sini; diharapkan salah satu "
         "dari naik, turun", "tulis nilainya langsung"),
        ("data/pejabat.yaml", 4, "isian 'ISI: pengenal' tidak dapat dipakai di sini; diharapkan pengenal (huruf "
         "kecil, angka, garis bawah)", "tulis nilainya langsung"),
    ]


def test_an_optional_list_may_wait_as_a_whole(minimal):
    edit(minimal / "data/pejabat.yaml", 'nip: "19790303 200501 2 004"}', 'nip: "19790303 200501 2 004",\n'
         '      nama_lain: "ISI: ejaan lain nama ini, bila ada"}')
    result = run(Project(minimal), Options(pdf=False, write=False))
    assert [(d.loc.line, d.message) for d in result.diagnostics] == [(4, "belum diisi: ejaan lain nama ini, bila ada")]


def test_isi_without_the_colon_or_bracket_is_ordinary_text(minimal):
    edit(minimal / "content/01-bab-1-pendahuluan.md", "menyusun laporan", "menyusun DAFTAR ISI dan ISI laporan")
    edit(minimal / "data/laporan.yaml", "instansi: Dinas", "instansi: ISI Dinas")
    result = run(Project(minimal), Options(pdf=False, write=False))
    assert result.diagnostics == []
