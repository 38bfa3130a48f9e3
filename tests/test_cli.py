"""The command line through main(argv): messages, exit codes, and a site/ that is never lost."""
import pytest

from lkjip.cli import main

from conftest import REPO, edit, line_of


def run_cli(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_check_of_the_bundled_report(capsys, report):
    code, out, err = run_cli(capsys, "check", "--dir", str(report))
    assert code == 0
    assert out.startswith("Pemeriksaan selesai: tidak ada galat, 11 peringatan")
    assert "data/renja.yaml:90:5:" in err and "target realisasi_anggaran 2024 di Renja" in err
    assert "tercetak 80.750, dihitung 81.574" not in err  # explained: a correction, no longer a warning
    assert not (report / "site").exists()


def test_a_mistake_prints_file_line_column_the_line_a_caret_and_a_hint(capsys, report):
    edit(report / "data/rkt.yaml", "nilai: 90.25", "nilai: 90,25")
    line = line_of(report / "data/rkt.yaml", "90,25")
    code, out, err = run_cli(capsys, "check", "--dir", str(report), "-q")
    assert code == 1
    assert err.splitlines()[:4] == [
        f"data/rkt.yaml:{line}:12: galat: target[0].nilai: diharapkan angka atau kategori (mis. BB), ditemukan teks "
        "'90,25'",
        "        nilai: 90,25",
        "               ^",
        "  petunjuk: YAML memakai titik sebagai pemisah desimal; tulis 90.25",
    ]
    assert "Traceback" not in err and err.endswith("Gagal: 1 galat. site/ tidak diubah.\n")


def test_unknown_table_in_markdown(capsys, report):
    edit(report / "content/01-bab-1-pendahuluan.md", "{{ tabel: penduduk }}", "{{ tabel: pendudk }}")
    code, _, err = run_cli(capsys, "check", "--dir", str(report), "-q")
    line = line_of(report / "content/01-bab-1-pendahuluan.md", "pendudk")
    assert code == 1
    assert f"content/01-bab-1-pendahuluan.md:{line}:1: galat: tabel 'pendudk' tidak dikenal" in err
    assert "petunjuk: maksud Anda 'penduduk'?" in err


def test_wrong_command_line_exits_2(capsys):
    code = None
    with pytest.raises(SystemExit) as info:
        main(["terbitkan"])
    code = info.value.code
    err = capsys.readouterr().err
    assert code == 2 and "galat: perintah tidak valid" in err


def test_missing_project_folder(capsys, tmp_path):
    code, _, err = run_cli(capsys, "check", "--dir", str(tmp_path / "tidak-ada"))
    assert code == 1 and "folder proyek tidak ditemukan" in err


def test_strict_turns_warnings_into_failure(capsys, report):
    code, _, err = run_cli(capsys, "check", "--strict", "--dir", str(report))
    assert code == 1 and "11 peringatan dianggap galat karena --strict" in err


def test_build_writes_site_and_a_failed_build_leaves_it_intact(capsys, report):
    code, out, _ = run_cli(capsys, "--no-pdf", "--dir", str(report), "-q")
    assert code == 0 and out.startswith("Selesai: ")
    before = {p.relative_to(report / "site"): p.read_bytes() for p in (report / "site").rglob("*") if p.is_file()}
    assert "index.html" in {str(p) for p in before}
    edit(report / "data/ikm.yaml", "nrr: 3.51", "nrr: 3,51")
    code, _, _ = run_cli(capsys, "--no-pdf", "--dir", str(report), "-q")
    assert code == 1
    after = {p.relative_to(report / "site"): p.read_bytes() for p in (report / "site").rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in report.iterdir()) == [".lkjip-cache", "content", "data", "site"]   # and the cache


def test_a_report_overrides_one_template_and_keeps_the_rest(capsys, report):
    (report / "layouts").mkdir()
    (report / "layouts/_ttd.html").write_text('<div class="ttd-sendiri">{{ item.nama }}</div>\n', "utf-8")
    code, _, _ = run_cli(capsys, "--no-pdf", "--dir", str(report), "-q")
    assert code == 0
    assert '<div class="ttd-sendiri">AMSAR AZHARI SIREGAR, SH., MM.</div>' in \
        (report / "site/kata-pengantar.html").read_text("utf-8")
    assert (report / "site/assets/style.css").read_bytes() == (REPO / "layouts/style.css").read_bytes()


def test_a_template_edited_between_two_builds_of_one_process_is_compiled_again(capsys, report):
    """Templates are compiled once per process (`CompiledTemplates`, as `serve` and the portal build many
    times): an edited one is seen at once, by its source, whatever its file's time, and a runtime error
    in a template served from there still names its line."""
    import os

    from lkjip.render.templates import COMPILED
    (report / "layouts").mkdir()
    ttd = report / "layouts/_ttd.html"
    for text in ("Pertama {{ item.nama }}", "Kedua {{ item.nama }}", "Pertama {{ item.nama }}"):
        ttd.write_text(f'<div class="ttd-sendiri">{text}</div>\n', "utf-8")
        os.utime(ttd, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))   # the same time each save
        assert run_cli(capsys, "--no-pdf", "--tanpa-cache", "--dir", str(report), "-q")[0] == 0
        assert text.split()[0] in (report / "site/kata-pengantar.html").read_text("utf-8")
    assert len(COMPILED._entries) >= 1
    ttd.write_text('<div>\n{{ item.nama }}\n{{ item.tidak_ada }}</div>\n', "utf-8")
    code, _, err = run_cli(capsys, "--no-pdf", "--tanpa-cache", "--dir", str(report), "-q")
    assert code == 1 and "layouts/_ttd.html:3" in err


def test_a_broken_template_of_the_report_is_named(capsys, report):
    (report / "layouts").mkdir()
    (report / "layouts/page.html").write_text("{% extends 'base.html' %}\n{% block main %}{{ x }\n", "utf-8")
    code, _, err = run_cli(capsys, "--no-pdf", "--dir", str(report), "-q")
    assert code == 1 and "layouts/page.html:2: galat: template tidak valid" in err


def test_internal_errors_hide_the_traceback_unless_debug(capsys, report, monkeypatch):
    import lkjip.pipeline
    def boom(*a, **k):
        raise RuntimeError("rusak")
    monkeypatch.setattr(lkjip.pipeline, "run", boom)
    code, _, err = run_cli(capsys, "check", "--dir", str(report))
    assert code == 1 and "Traceback" not in err and "--debug" in err
    code, _, err = run_cli(capsys, "check", "--dir", str(report), "--debug")
    assert "Traceback" in err and "RuntimeError: rusak" in err


def test_build_py_defaults_to_its_own_folder(tmp_path):
    import subprocess
    import sys

    from conftest import REPO
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "check", "-q"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.startswith("Pemeriksaan selesai: tidak ada galat")


def test_skema_documents_every_data_file_from_the_schemas(capsys):
    from lkjip.domain import SUBJECTS
    assert main(["skema"]) == 0
    out = capsys.readouterr().out
    assert all(f"## {f.path} (" in out for s in SUBJECTS for f in s.files)
    assert "## data/laporan.yaml (wajib)" in out and "## data/efisiensi.yaml (opsional; memerlukan data/anggaran.yaml)" in out
    assert "## data/tabel/*.yaml (opsional)" in out
    assert "- `jenis` (salah satu dari angka, persen, indeks, kategori, opsional)" in out


def test_kunci_lists_what_markdown_may_quote(capsys, report):
    assert main(["kunci", "--dir", str(report)]) == 0
    out = capsys.readouterr().out
    assert "- `anggaran.serapan`: 95,81%" in out and "- `camat`" in out
    assert "- `capaian`: Tabel 3.1 Pencapaian Kinerja" in out
    # no predikat column: the signed document names no scale to judge by (data/skala.yaml)
    assert "  kolom: `no`, `sasaran`, `indikator`, `target`, `realisasi`, `capaian`\n" in out


def test_skema_json_writes_an_editor_schema_per_data_file(capsys, tmp_path):
    import json

    from lkjip.domain import SUBJECTS
    assert main(["skema", "--json", str(tmp_path / "skema")]) == 0
    written = sorted(p.name for p in (tmp_path / "skema").iterdir())
    names = [f.name for s in SUBJECTS for f in s.files] + [f.name for s in SUBJECTS for f in s.folders]
    assert written == sorted(f"{name}.schema.json" for name in names)
    rkt = json.loads((tmp_path / "skema/rkt.schema.json").read_text("utf-8"))
    target = rkt["properties"]["target"]["items"]
    assert target["additionalProperties"] is False and target["required"] == ["indikator", "nilai"]
    assert [branch.get("type") for branch in target["properties"]["nilai"]["anyOf"]] == ["number", "string", "string"]


def test_strict_passes_once_the_inconsistencies_are_resolved(capsys, tmp_path):
    """What an office's CI runs: `--strict` fails on every warning, and passes on a clean report."""
    import shutil
    root = tmp_path / "kota"
    for name in ("content", "data"):
        shutil.copytree(REPO / "tests/samples/kota" / name, root / name)
    assert main(["check", "--strict", "--dir", str(root), "-q"]) == 1
    edit(root / "data/indikator.yaml", "capaian: {realisasi: 52.8}", "capaian: {realisasi: 52.65}")
    edit(root / "data/tabel/musrenbang.yaml", "tercetak: {persen: 52.8}", "tercetak: {persen: 52.65}")
    edit(root / "content/03-bab-3-akuntabilitas-kinerja.md", "tercetak: 52,8%", "tercetak: 52,65%")
    capsys.readouterr()
    assert main(["check", "--strict", "--dir", str(root)]) == 0
    assert capsys.readouterr().out.startswith("Pemeriksaan selesai: tidak ada galat, 0 peringatan")
