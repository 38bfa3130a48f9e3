"""Year after year: a report carried forward twice (2025 -> 2026 -> 2027) never says something false.

A small library office of its own (the minimal sample with a Renstra 2024-2028 and a history
from 2024): its chapter quotes this year's and last year's values, the Renstra's first year, a
period, a regulation, and counts typed as text. After each `baru --dari`, every sentence is
read as the author gets it, then filled in the way an author would, and read again as the
published page shows it: each year it names goes with the value it shows.
"""
from __future__ import annotations

import html
import re
import shutil

import pytest

from lkjip.cli import main
from lkjip.isian import CODE
from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import REPO

RENSTRA = """\
periode: {mulai: 2024, akhir: 2028}
versi: [{id: renstra, judul: Renstra 2024-2028}]
tahun: [2025, 2026, 2027, 2028]
baris:
  - id: layanan
    tingkat: sasaran
    sasaran: Meningkatnya budaya baca masyarakat
    indikator_kinerja: layanan_tepat_waktu
    indikator: Persentase layanan perpustakaan yang selesai tepat waktu
    target: {renstra: {2025: {target: 90%}, 2026: {target: 91%}, 2027: {target: 92%}, 2028: {target: 93%}}}
  - id: pembinaan
    tingkat: sasaran
    indikator_kinerja: pembinaan
    indikator: Jumlah kegiatan pembinaan perpustakaan desa
    target: {renstra: {2025: {target: "12"}, 2026: {target: "12"}, 2027: {target: "13"}, 2028: {target: "14"}}}
"""

ANALISIS = """\

## C. Analisis Tahun {{ laporan.tahun }}

Layanan tepat waktu tahun 2025 sebesar {{ indikator.layanan_tepat_waktu.realisasi }}, \
{{ indikator.layanan_tepat_waktu.tren }} dari {{ indikator.layanan_tepat_waktu.realisasi_2024 }} pada tahun 2024.

Pada awal Renstra 2024-2028 layanan tepat waktu sebesar {{ indikator.layanan_tepat_waktu.realisasi_awal_renstra }}.

Sesuai RPJMD 2021-2026 dan Permendagri 86/2017 serta PermenPANRB Nomor 53 Tahun 2014.

Sebanyak 45 dari 60 perpustakaan desa dibina, dengan kehadiran 87,5%.
"""


@pytest.fixture(scope="module")
def years(tmp_path_factory):
    """The 2025 report and the two after it, each filled in as its author would."""
    base = tmp_path_factory.mktemp("tahun")
    first = base / "laporan-2025"
    shutil.copytree(REPO / "tests/samples/minimal/content", first / "content")
    shutil.copytree(REPO / "tests/samples/minimal/data", first / "data")
    (first / "data/renstra.yaml").write_text(RENSTRA, "utf-8")
    indikator = first / "data/indikator.yaml"
    text = indikator.read_text("utf-8")
    text = text.replace("realisasi: {2025: 92}", "target: {2024: 85}\n    realisasi: {2024: 88, 2025: 92}")
    text = text.replace("realisasi: {2025: 10}", "target: {2024: 10}\n    realisasi: {2024: 8, 2025: 10}")
    indikator.write_text(text, "utf-8")
    bab3 = first / "content/03-bab-3-akuntabilitas-kinerja.md"
    bab3.write_text(bab3.read_text("utf-8") + ANALISIS, "utf-8")
    reports = {2025: first}
    for year, filled in ((2026, {"layanan_tepat_waktu": "95", "pembinaan": "12"}),
                         (2027, {"layanan_tepat_waktu": "95", "pembinaan": "11"})):
        made = base / f"laporan-{year}"
        assert main(["baru", str(made), "--dari", str(reports[year - 1]), "--tahun", str(year), "-q"]) == 0
        _fill(made, year, filled)
        reports[year] = made
    return reports


def _fill(root, year, realisasi):
    """What the author writes where `check` lists a placeholder: this year's realisasi, the PK's date,
    and the chapter's figures and review notes."""
    found = [d for d in run(Project(root), Options(pdf=False, write=False)).diagnostics if d.code == CODE]
    assert found, "a carried report lists what to fill in"
    ind = root / "data/indikator.yaml"
    text = ind.read_text("utf-8")
    for id, value in realisasi.items():
        text = re.sub(rf'(id: {id}\n(?:.*\n)*?.*{year}: )"ISI:[^"]*"', rf"\g<1>{value}", text, count=1)
    ind.write_text(text, "utf-8")
    pk = root / "data/perjanjian_kinerja.yaml"
    pk.write_text(re.sub(r'tanggal: "ISI:[^"]*"', f"tanggal: {year}-01-20", pk.read_text("utf-8")), "utf-8")
    for md in (root / "content").glob("*.md"):
        text = re.sub(r"\n\n\[ISI: baca ulang[^\]]*\]", "", md.read_text("utf-8"))
        md.write_text(re.sub(r"\[ISI: angka tahun \d+; tahun \d+ tertulis ([^\]]*)\]", r"\1", text), "utf-8")
    left = [d for d in run(Project(root), Options(pdf=False, write=False)).diagnostics if d.code == CODE]
    assert left == [], [d.message for d in left]


def chapter(root) -> list[str]:
    return (root / "content/03-bab-3-akuntabilitas-kinerja.md").read_text("utf-8").split("\n")


def sentences(root) -> str:
    """Bab III as the published page reads, tags removed."""
    result = run(Project(root), Options(pdf=False, write=False))
    page = next(p for p in result.pages if p.slug == "bab-3-akuntabilitas-kinerja")
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", page.body)).split())


def test_the_source_report_says_what_its_data_say(years):
    text = sentences(years[2025])
    assert "Layanan tepat waktu tahun 2025 sebesar 92%, naik dari 88% pada tahun 2024." in text
    assert "Pada awal Renstra 2024-2028 layanan tepat waktu sebesar 88%." in text


def test_next_year_names_last_years_value_relatively_and_keeps_periods_and_regulations(years):
    lines = chapter(years[2026])
    assert "Layanan tepat waktu tahun 2026 sebesar {{ indikator.layanan_tepat_waktu.realisasi }}, " \
           "{{ indikator.layanan_tepat_waktu.tren }} dari {{ indikator.layanan_tepat_waktu.realisasi_tahun_lalu }} " \
           "pada tahun 2025." in lines
    assert "Pada awal Renstra 2024-2028 layanan tepat waktu sebesar " \
           "{{ indikator.layanan_tepat_waktu.realisasi_awal_renstra }}." in lines
    assert "Sesuai RPJMD 2021-2026 dan Permendagri 86/2017 serta PermenPANRB Nomor 53 Tahun 2014." in lines
    assert "## C. Analisis Tahun {{ laporan.tahun }}" in lines


def test_figures_typed_last_year_were_placeholders_until_the_author_wrote_them(years):
    """The fixture replaced each listed "[ISI: angka tahun 2026; tahun 2025 tertulis …]" by its old text;
    without that, `check` listed them (the fixture asserts it) and `build` would refuse."""
    assert "Sebanyak 45 dari 60 perpustakaan desa dibina, dengan kehadiran 87,5%." in chapter(years[2026])


@pytest.mark.parametrize("year,sentence", [
    (2026, "Layanan tepat waktu tahun 2026 sebesar 95%, naik dari 92% pada tahun 2025."),
    (2027, "Layanan tepat waktu tahun 2027 sebesar 95%, tetap dari 95% pada tahun 2026."),
])
def test_every_year_the_sentence_names_the_year_of_the_value_it_shows(years, year, sentence):
    text = sentences(years[year])
    assert sentence in text
    assert "Pada awal Renstra 2024-2028 layanan tepat waktu sebesar 88%." in text   # the first year's, every year
    assert "Sesuai RPJMD 2021-2026 dan Permendagri 86/2017 serta PermenPANRB Nomor 53 Tahun 2014." in text


def test_the_year_after_next_carries_the_relative_keys_as_they_are(years):
    assert chapter(years[2027])[chapter(years[2027]).index("## C. Analisis Tahun {{ laporan.tahun }}") + 2] == (
        "Layanan tepat waktu tahun 2027 sebesar {{ indikator.layanan_tepat_waktu.realisasi }}, "
        "{{ indikator.layanan_tepat_waktu.tren }} dari {{ indikator.layanan_tepat_waktu.realisasi_tahun_lalu }} "
        "pada tahun 2026.")
    result = run(Project(years[2027]), Options(pdf=False, write=False))
    assert [d for d in result.diagnostics if d.severity == "galat"] == []
    assert result.catalog.value("indikator.pembinaan.tren").text() == "turun"        # 12 -> 11
    assert result.catalog.value("indikator.pembinaan.realisasi_2_tahun_lalu").text() == "10 kegiatan"
    # what a reviewer's diff names as the place a changed 2026 value is quoted
    assert result.catalog.absolute("indikator.layanan_tepat_waktu.realisasi_tahun_lalu") == \
        "indikator.layanan_tepat_waktu.realisasi_2026"
    assert result.catalog.absolute("indikator.layanan_tepat_waktu.realisasi_tahun_ini") == \
        "indikator.layanan_tepat_waktu.realisasi_2027"


def test_a_relative_key_before_the_first_year_of_data_is_one_clear_error(years, tmp_path):
    root = tmp_path / "laporan"
    shutil.copytree(years[2025], root)
    bab = root / "content/04-bab-4-penutup.md"
    bab.write_text(bab.read_text("utf-8") + "\nDulu {{ indikator.pembinaan.realisasi_3_tahun_lalu }}.\n", "utf-8")
    with pytest.raises(Exception) as failed:
        run(Project(root), Options(pdf=False, write=False))
    (e,) = failed.value.diagnostics
    assert (e.loc.file, e.loc.line, e.code) == ("content/04-bab-4-penutup.md", 7, "value-unavailable")
    assert e.message == ("nilai 'indikator.pembinaan.realisasi_3_tahun_lalu' menunjuk tahun 2022, sebelum tahun "
                         "pertama datanya (2024)")


def test_a_renstra_that_does_not_hold_the_report_year_is_one_clear_error(years, tmp_path):
    root = tmp_path / "laporan"
    shutil.copytree(years[2025], root)
    renstra = root / "data/renstra.yaml"
    renstra.write_text(renstra.read_text("utf-8").replace("mulai: 2024, akhir: 2028", "mulai: 2019, akhir: 2024"),
                       "utf-8")
    with pytest.raises(Exception) as failed:
        run(Project(root), Options(pdf=False, write=False))
    messages = [(e.loc.file, e.loc.line, e.message) for e in failed.value.diagnostics if e.code == "renstra-period"]
    assert messages == [("data/renstra.yaml", 1, "periode Renstra 2019-2024 tidak memuat tahun laporan 2025")]


def test_baru_refuses_a_year_that_is_not_after_the_source_and_an_existing_folder(years, tmp_path, capsys):
    assert main(["baru", str(tmp_path / "lagi"), "--dari", str(years[2026]), "--tahun", "2026"]) == 1
    assert "galat: tahun 2026 tidak sesudah tahun laporan asal (2026)" in capsys.readouterr().err
    assert not (tmp_path / "lagi").exists()
    assert main(["baru", str(years[2025]), "--dari", str(years[2026]), "--tahun", "2027"]) == 1
    assert "sudah ada dan berisi file" in capsys.readouterr().err
