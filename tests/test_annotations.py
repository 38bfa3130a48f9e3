"""`check --format github`: diagnostics as GitHub workflow annotations on the pull request's lines,
with GitHub's escaping and paths from the repository root."""
import shutil
import subprocess

from lkjip.check.annotate import annotation, escape_data, escape_property, normal_prefix
from lkjip.cli import main
from lkjip.diagnostics import Loc, error, warning

from conftest import SAMPLES, edit, line_of


def test_escaping_follows_github():
    assert escape_data("50% naik\r\nbaris: 2, kolom: 3") == "50%25 naik%0D%0Abaris: 2, kolom: 3"
    assert escape_property("data/a,b:c%.yaml") == "data/a%2Cb%3Ac%25.yaml"


def test_an_error_with_its_position_path_and_hint():
    d = error(Loc("data/rkt.yaml", 11, 12, "target[0].nilai"), "diharapkan angka, ditemukan teks '90,25'",
              "YAML memakai titik sebagai pemisah desimal; tulis 90.25", "type")
    assert annotation(d, "laporan/") == (
        "::error file=laporan/data/rkt.yaml,line=11,col=12,title=lkjip%3A galat (type)::target[0].nilai: "
        "diharapkan angka, ditemukan teks '90,25'%0Apetunjuk: YAML memakai titik sebagai pemisah desimal; tulis 90.25")


def test_a_warning_about_a_folder_names_it_in_the_message():
    d = warning(Loc("content/"), "Ikhtisar Eksekutif yang diwajibkan PermenPANRB 53/2014 tidak ada", "", "structure")
    assert annotation(d) == ("::warning title=lkjip%3A peringatan (structure)::content/: Ikhtisar Eksekutif yang "
                             "diwajibkan PermenPANRB 53/2014 tidak ada")
    assert annotation(warning(Loc("data/a.yaml"), "x")) == "::warning file=data/a.yaml,title=lkjip%3A peringatan::x"


def test_prefix_option_spellings():
    assert [normal_prefix(p) for p in ("", ".", "./", "laporan", "./laporan/", "a\\b")] == \
        ["", "", "", "laporan/", "laporan/", "a/b/"]


def _report_in_a_repository(tmp_path):
    root = tmp_path / "repo" / "laporan"
    for part in ("content", "data"):
        shutil.copytree(SAMPLES / "kota" / part, root / part)
    subprocess.run(["git", "init", "-q", str(tmp_path / "repo")], check=True)
    return root


def test_check_prints_annotations_with_paths_from_the_repository_root(tmp_path, capsys):
    root = _report_in_a_repository(tmp_path)
    edit(root / "data/laporan.yaml", "tahun: 2025", "tahun: dua ribu")
    assert main(["check", "--dir", str(root), "--format", "github"]) == 1
    out, err = capsys.readouterr()
    line = line_of(root / "data/laporan.yaml", "tahun: dua ribu")
    assert out == (f"::error file=laporan/data/laporan.yaml,line={line},col=8,title=lkjip%3A galat (type)::tahun: "
                   "diharapkan tahun, ditemukan teks 'dua ribu'\n")
    assert err == "Gagal: 1 galat. site/ tidak diubah.\n"


def test_warnings_become_warning_annotations_and_the_prefix_may_be_given(tmp_path, capsys):
    root = _report_in_a_repository(tmp_path)
    assert main(["check", "--dir", str(root), "--format", "github", "--awalan", "laporan-2025"]) == 0
    out = capsys.readouterr().out.splitlines()
    line = line_of(root / "data/indikator.yaml", "capaian: {realisasi: 52.8}")
    assert f"::warning file=laporan-2025/data/indikator.yaml,line={line},col=28,title=lkjip%3A peringatan " \
           "(printed-mismatch)::indikator[1].tercetak.capaian.realisasi: Tabel 3.1 Pencapaian Kinerja, baris " \
           "'usulan_musrenbang', kolom 'Realisasi': tercetak 52,8, dihitung 52,65" in out
    assert [x.split(",")[0] for x in out[:-1]] == ["::warning file=laporan-2025/content/03-bab-3-akuntabilitas-kinerja.md",
                                                   "::warning file=laporan-2025/data/indikator.yaml",
                                                   "::warning file=laporan-2025/data/tabel/musrenbang.yaml"]
    assert out[-1].startswith("Pemeriksaan selesai: tidak ada galat, 3 peringatan")


def test_outside_a_repository_paths_stay_relative_to_the_report(tmp_path, capsys):
    root = tmp_path / "laporan"
    for part in ("content", "data"):
        shutil.copytree(SAMPLES / "kota" / part, root / part)
    edit(root / "data/laporan.yaml", "tahun: 2025", "tahun: dua ribu")
    assert main(["check", "--dir", str(root), "--format", "github", "-q"]) == 1
    assert capsys.readouterr().out.startswith("::error file=data/laporan.yaml,")
