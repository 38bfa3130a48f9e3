"""`python build.py baru`: a new office's report, and next year's report from this one.

A new office: its `check` lists exactly what is missing, and once a test fills in exactly
the listed places it builds. Next year from the bundled report: the 2025 report checks with
only "belum diisi" findings, and the carried-forward history holds the seed report's values.
"""
import re
from decimal import Decimal as D

import pytest

from lkjip.authoring import nextchapters, nextdata, yamltext
from lkjip.cli import main
from lkjip.diagnostics import BuildFailed
from lkjip.domain import SUBJECTS
from lkjip.isian import CODE
from lkjip.pipeline import Options, run
from lkjip.project import Project
from lkjip.schema import fields_of
from lkjip.source.yamlfile import load_yaml

from conftest import REPO, shown

# --- filling in what check lists, the way an author would --------------------------------------


def _value_for(path: str) -> str:
    """What the author writes in place of a data placeholder, chosen by its data path."""
    if path.endswith("tanggal"):
        return "2025-01-20"
    if path.endswith(".nilai"):
        return "90"
    if ".realisasi" in path:
        return "92.5"
    if path.endswith("anggaran"):
        return "[]"
    return '"Contoh isian"'


def fill_listed(root, findings):
    """Replace exactly the placeholders `check` listed, at their file, line and column."""
    for d in sorted(findings, key=lambda d: (d.loc.file, d.loc.line, -d.loc.column)):
        path = root / d.loc.file
        lines = path.read_text("utf-8").split("\n")
        line, start = lines[d.loc.line - 1], d.loc.column - 1
        if d.loc.file.endswith(".md"):
            assert line.startswith("[ISI:", start)
            end = line.index("]", start) + 1
            new = "Teks bab yang ditulis penyusun."
        else:
            assert line.startswith('"ISI:', start)
            end = line.index('"', start + 1) + 1
            new = _value_for(d.loc.path)
        lines[d.loc.line - 1] = line[:start] + new + line[end:]
        path.write_text("\n".join(lines), "utf-8")


def _check(root):
    return run(Project(root), Options(pdf=False, write=False)).diagnostics


# --- a new office ------------------------------------------------------------------------------

def test_a_new_office_report_lists_what_is_missing_and_builds_once_it_is_filled(tmp_path, capsys):
    root = tmp_path / "kecamatan-contoh"
    assert main(["baru", str(root), "--instansi", "Kecamatan Contoh", "--jenis", "kecamatan", "--tahun", "2025"]) == 0
    out = capsys.readouterr().out
    assert out.endswith(f"Belum diisi: 28 isian; daftarnya: python build.py check --dir {root}\n")
    assert sorted(p.name for p in (root / "data").iterdir()) == [
        ".skema", "indikator.yaml", "laporan.yaml", "pejabat.yaml", "perjanjian_kinerja.yaml"]
    assert sorted(p.name for p in (root / "content").iterdir()) == [
        "00-ikhtisar-eksekutif.md", "01-bab-1-pendahuluan.md", "02-bab-2-perencanaan-kinerja.md",
        "03-bab-3-akuntabilitas-kinerja.md", "04-bab-4-penutup.md", "10-lampiran-perjanjian-kinerja.md"]
    assert "python build.py check --dir" in (root / "README.md").read_text("utf-8")
    findings = _check(root)
    assert {d.code for d in findings} == {CODE}  # the outline passes the structure check: only what is unfilled
    listed = {(d.loc.file, d.loc.line, d.message) for d in findings}
    assert ("data/laporan.yaml", 8, "belum diisi: pemerintah daerah induk, mis. Kabupaten Sukamaju") in listed
    assert ("data/perjanjian_kinerja.yaml", 8, "belum diisi: tanggal penandatanganan, mis. 2025-01-31") in listed
    assert ("content/03-bab-3-akuntabilitas-kinerja.md", 41, "belum diisi: realisasi anggaran yang digunakan untuk "
            "mewujudkan kinerja sesuai Perjanjian Kinerja") in listed
    assert main(["--dir", str(root), "--no-pdf", "-q"]) == 1  # not published while anything is unfilled
    fill_listed(root, findings)
    capsys.readouterr()
    assert main(["--dir", str(root), "--no-pdf"]) == 0
    assert capsys.readouterr().err == ""
    result = run(Project(root), Options(pdf=False, write=False))
    assert shown(result, "pejabat.camat.jabatan") == "Camat Contoh"
    assert shown(result, "indikator.indikator_1.capaian") == "102,78%"  # 92,5 of a target of 90


@pytest.mark.parametrize("jenis,instansi,head,title,boss", [
    ("kelurahan", "Kelurahan Melati", "lurah", "Lurah Melati", "camat"),
    ("dinas", "Dinas Perpustakaan dan Kearsipan", "kepala", "Kepala Dinas Perpustakaan dan Kearsipan", "kepala_daerah"),
])
def test_the_signatories_follow_the_kind_of_office(tmp_path, jenis, instansi, head, title, boss):
    root = tmp_path / "laporan"
    assert main(["baru", str(root), "--instansi", instansi, "--jenis", jenis, "--tahun", "2026",
                 "--daerah", "Kota Teladan"]) == 0
    pejabat = load_yaml(root / "data/pejabat.yaml", "data/pejabat.yaml").data["pejabat"]
    assert [(p["id"], p["jabatan"]) for p in pejabat][0] == (head, title) and pejabat[1]["id"] == boss
    assert 'daerah: "Kota Teladan"' in (root / "data/laporan.yaml").read_text("utf-8")
    assert {d.code for d in _check(root)} == {CODE}


def test_baru_never_overwrites_and_says_what_it_needs(tmp_path, capsys):
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada/catatan.txt").write_text("x", "utf-8")
    assert main(["baru", str(tmp_path / "ada"), "--instansi", "Kecamatan A", "--jenis", "kecamatan",
                 "--tahun", "2025"]) == 1
    assert capsys.readouterr().err == (f"galat: folder '{tmp_path / 'ada'}' sudah ada dan berisi file\n"
                                       "petunjuk: pilih folder baru; 'baru' tidak pernah menimpa\n")
    assert main(["baru", str(tmp_path / "b"), "--tahun", "2025"]) == 2
    assert capsys.readouterr().err.startswith("galat: laporan instansi baru memerlukan --instansi dan --jenis")
    assert main(["baru", str(tmp_path / "c"), "--dari", str(REPO), "--tahun", "2024"]) == 1
    assert capsys.readouterr().err == "galat: tahun 2024 tidak sesudah tahun laporan asal (2024)\npetunjuk: tulis --tahun 2025\n"
    assert not (tmp_path / "b").exists() and not (tmp_path / "c").exists()


# --- next year's report from the bundled one ----------------------------------------------------

@pytest.fixture(scope="module")
def next_year(tmp_path_factory):
    from conftest import copy_report
    base = tmp_path_factory.mktemp("lanjut")
    source = copy_report(base / "laporan-2024")
    target = base / "laporan-2025"
    assert main(["baru", str(target), "--dari", str(source), "--tahun", "2025"]) == 0
    return source, target


def _data(root, name):
    return load_yaml(root / f"data/{name}.yaml", name).data


def test_next_year_checks_with_only_placeholders(next_year):
    _, root = next_year
    findings = _check(root)
    placeholders = [d for d in findings if d.code == CODE]
    # 0 errors; the 2 warnings are the Renstra's own (kondisi akhir against its 2026 targets), carried with it (README)
    assert len(placeholders) == 77 and [(d.code, d.loc.file) for d in findings if d.code != CODE] == [
        ("end-condition", "data/renstra.yaml"), ("end-condition", "data/renstra.yaml")]
    assert not any("tercetak" in p.read_text("utf-8") for p in (root / "data").glob("*.yaml"))
    assert not any("tercetak" in p.read_text("utf-8") for p in (root / "content").glob("*.md"))


def test_the_history_is_carried_forward_with_the_reports_values(next_year):
    _, root = next_year
    ind = {i["id"]: i for i in _data(root, "indikator")["indikator"]}
    assert ind["ikm"]["target"] == {2022: 82, 2023: 87, 2024: D("90.25")}
    # computed from the nine NRR (91,33), but the signed report printed 90,25: the record is carried
    assert ind["ikm"]["realisasi"][2024] == {"nilai": D("90.25"), "catatan": "seperti ditandatangani dalam laporan "
                                             "tahun 2024; hitung ulang dari data memberi 91,33"}
    assert ind["ikm"]["realisasi"][2025].startswith("ISI: realisasi 2025 IKM Kecamatan (tahun 2024 dihitung dari "
                                                    "ikm.nilai")
    assert (ind["sakip"]["target"][2024], ind["sakip"]["realisasi"][2024]) == (81, 82)
    assert ind["realisasi_anggaran"]["realisasi"][2024] == D("95.81")   # anggaran.serapan, frozen
    assert ind["inovasi"]["target"][2024] == 2                   # the PK Perubahan's target counted, not the PK's 1
    assert ind["ip_asn"]["realisasi"][2024] == {
        "nilai": D("87.5"), "sementara": True, "catatan": "IP ASN 2024 belum dikeluarkan BKPSDM Kabupaten Mojokerto",
        "sumber": "nilai IP ASN Kecamatan Pungging tahun 2023 (BKPSDM Kabupaten Mojokerto)"}
    assert [list(i["realisasi"]) for i in ind.values()] == [[2022, 2023, 2024, 2025]] * 7
    assert all("tercetak" not in i for i in ind.values())


def test_the_draft_perjanjian_kinerja_takes_the_renstra_targets(next_year):
    _, root = next_year
    (pk,) = _data(root, "perjanjian_kinerja")["dokumen"]
    assert (pk["id"], pk["judul"], pk["tahun"], pk["pihak_pertama"], pk["pihak_kedua"]) == \
        ("pk", "Perjanjian Kinerja Tahun 2025", 2025, "camat", "bupati")
    assert pk["tanggal"] == "ISI: tanggal penandatanganan, mis. 2025-01-31"
    targets = {t["indikator"]: t["nilai"] for t in pk["target"]}
    assert (targets["ikm"], targets["sakip"], targets["inovasi"]) == (D("90.50"), D("81.10"), 1)  # Renstra Baru 2025
    assert targets["ip_asn"] == "ISI: target 2025 Indeks Profesionalitas ASN (Renstra tidak memuatnya)"
    laporan = _data(root, "laporan")
    assert laporan["tahun"] == 2025 and laporan["sampul"][-1] == "TAHUN 2025" and "lampiran_tercetak" not in laporan
    assert not {"status", "ditandatangani", "edisi"} & set(laporan)   # next year starts as a draft
    assert "pk_perubahan" not in laporan["tabel"]


def test_the_preview_of_next_years_report_shows_last_year_as_history(next_year):
    _, root = next_year
    result = run(Project(root), Options(pdf=False, write=False))
    assert shown(result, "indikator.ikm.capaian_2024") == "100%"   # 90,25 of 90,25, as signed
    assert shown(result, "indikator.ikm.capaian") == "tidak dapat dihitung"
    assert shown(result, "indikator.ikm.target") == "90,50"


def test_the_chapters_are_kept_with_the_years_figures_as_placeholders(next_year):
    source, root = next_year
    bab3 = (root / "content/03-bab-3-akuntabilitas-kinerja.md").read_text("utf-8")
    assert bab3.split("\n")[2] == ("[ISI: baca ulang dan perbarui bab ini untuk tahun 2025; narasi, analisis dan "
                                   "rencana tindak lanjut tahun 2024 masih tertulis]")
    assert "tahun 2025 terealisasi sebesar {{ indikator.ikm.realisasi }} dan tingkat capaian sebesar " \
           "{{ indikator.ikm.capaian }}" in bab3
    assert "[ISI: tabel 'ikm_unsur' memerlukan data/ikm.yaml, yang tidak ada dalam data tahun 2025; tulis datanya " \
           "lalu rujuk lagi, atau hapus]" in bab3
    assert bab3.rstrip().endswith("## REALISASI ANGGARAN\n\n[ISI: realisasi anggaran yang digunakan untuk mewujudkan "
                                  "kinerja sesuai Perjanjian Kinerja]")
    assert (root / "content/005-ikhtisar-eksekutif.md").read_text("utf-8").startswith("# IKHTISAR EKSEKUTIF")
    kata = (root / "content/00-kata-pengantar.md").read_text("utf-8")
    assert "Nomor 53 Tahun 2014" in kata and "Tahun Anggaran 2025" in kata and "Januari 2026" in kata
    assert "[ISI: baca ulang" not in (root / "content/16-lampiran-iku.md").read_text("utf-8")
    assert (root / "content/10-lampiran-struktur-organisasi.md").read_text("utf-8").count("ISI") == 0


def test_what_stayed_behind_is_named_in_the_readme(next_year):
    source, root = next_year
    readme = (root / "README.md").read_text("utf-8")
    for name in ("anggaran", "ikm", "efisiensi", "pembanding", "penduduk", "renja", "rkt", "ratl", "prestasi"):
        assert f"- `data/{name}.yaml` (contoh: `{source}/data/{name}.yaml`)" in readme
        assert not (root / f"data/{name}.yaml").exists()
    for name in ("pejabat", "renstra", "organisasi", "wilayah", "sop", "inovasi"):
        assert (root / f"data/{name}.yaml").read_text("utf-8") == (source / f"data/{name}.yaml").read_text("utf-8")


def test_next_years_report_builds_once_its_placeholders_are_filled(next_year, tmp_path):
    import shutil
    _, made = next_year
    root = tmp_path / "laporan-2025"
    shutil.copytree(made, root)
    fill_listed(root, [d for d in _check(root) if d.code == CODE])
    result = run(Project(root), Options(pdf=False, write=True))
    assert [d for d in result.diagnostics if d.code == CODE] == []
    assert (root / "site/index.html").is_file()


# --- the pieces ---------------------------------------------------------------------------------

def test_every_subject_owns_the_next_year_rule_of_each_of_its_files_and_carried_files_hold_no_printed_figures():
    for s in SUBJECTS:
        assert sorted(s.next_year) == sorted([f.name for f in s.files] + [f.name for f in s.folders]), s.name
        assert sorted(s.rewrites) == sorted(n for n, p in s.next_year.items() if p == nextdata.UBAH), s.name
    policy = nextdata.policies(SUBJECTS)
    for f in (f for s in SUBJECTS for f in s.files if policy[f.name] == nextdata.BAWA):
        assert "tercetak" not in _field_names(f.record().nested()), f.name


def _field_names(record, seen=None):
    seen = seen if seen is not None else set()
    names = set()
    for field in fields_of(record.cls) if record else ():
        names.add(field.name)
        inner = field.kind.nested()
        if inner is not None and inner.cls not in seen:
            seen.add(inner.cls)
            names |= _field_names(inner, seen)
    return names


def test_years_move_in_the_prose_but_not_in_references_links_or_regulations():
    text = ("# BAB I\n\nLaporan Tahun 2024 (tahun lalu 2023) menurut Nomor 12 Tahun 2024 dan [data 2024](a/2024.pdf), "
            "capaian {{ indikator.ikm.capaian_2024 | tercetak: 95,81% }} dari 2.360.146.480 rupiah, 95,81% dan 4 orang.")
    assert nextchapters.carry(text, 2024, 2025, review=False).split("\n")[2] == (
        "Laporan Tahun 2025 (tahun lalu 2024) menurut Nomor 12 Tahun 2024 dan [data 2025](a/2024.pdf), capaian "
        "{{ indikator.ikm.capaian_tahun_ini }} dari [ISI: angka tahun 2025; tahun 2024 tertulis 2.360.146.480] "
        "rupiah, [ISI: angka tahun 2025; tahun 2024 tertulis 95,81%] dan 4 orang.")
    assert nextchapters.carry("# LAMPIRAN X\n\nTeks.", 2024, 2025, review=False) == "# LAMPIRAN X\n\nTeks."


def carried(line: str, old: int = 2024, new: int = 2025) -> str:
    return nextchapters.carry(f"# BAB\n\n{line}", old, new, review=False).split("\n")[2]


@pytest.mark.parametrize("line", [
    "sesuai RPJMD 2019-2023 dan Renstra 2021 – 2026",          # spans of years
    "Renstra 2021-2025 (Reviu), periode 2024 s/d 2026, 2023 sampai dengan 2025, 2024 hingga 2026",
    "RPJMD Tahun 2024 dan Renstra 2025",                      # a multi-year plan named by its first year
    "Permendagri 86/2024 dan PP Nomor 8 Tahun 2023",          # a regulation's year
])
def test_a_period_never_moves_with_the_report_year(line):
    """A 2024 report's "RPJMD 2019-2023" stays as written in the 2025 report (not "2019-2024")."""
    assert carried(line) == line


def test_a_value_of_this_year_or_the_year_before_is_named_relatively_and_moves_with_its_prose():
    """ "rata-rata capaian tahun 2023 adalah {{ …_2023 }}" in 2024 becomes "tahun 2024 adalah {{ …_tahun_lalu }}"
    in 2025, which is the 2024 value; a year further back stays absolute, as does its prose year."""
    assert carried("rata-rata capaian tahun 2023 adalah {{ kinerja.rata_rata_capaian_2023 }}") == \
        "rata-rata capaian tahun 2024 adalah {{ kinerja.rata_rata_capaian_tahun_lalu }}"
    assert carried("turun dari {{ indikator.x.realisasi_2023 }} pada tahun 2023 menjadi {{ indikator.x.realisasi }}") \
        == "turun dari {{ indikator.x.realisasi_tahun_lalu }} pada tahun 2024 menjadi {{ indikator.x.realisasi }}"
    assert carried("pada tahun 2021 sebesar {{ indikator.x.realisasi_2021 }}") == \
        "pada tahun 2021 sebesar {{ indikator.x.realisasi_2021 }}"
    assert carried("{{ indikator.x.realisasi_2024 | banding: indikator.y.realisasi_2023 }}") == \
        "{{ indikator.x.realisasi_tahun_ini | banding: indikator.y.realisasi_tahun_lalu }}"


def test_counts_typed_in_the_prose_become_placeholders():
    """ "397 dari 754 usulan" are last year's counts: never carried silently."""
    assert carried("sebanyak 397 dari 754 usulan, 19 Desa") == \
        "sebanyak [ISI: angka tahun 2025; tahun 2024 tertulis 397 dari 754] usulan, 19 Desa"


def test_the_yaml_writer_reads_back_every_real_data_file_exactly():
    for path in sorted(REPO.glob("data/*.yaml")) + sorted(REPO.glob("tests/samples/*/data/**/*.yaml")):
        data = load_yaml(path, path.name).data
        again = load_yaml.__globals__["parse_yaml"](yamltext.document(data, ["x"]), "x").data
        assert _exact(data) == _exact(again), path


def _exact(value):
    if isinstance(value, dict):
        return [(k, _exact(v)) for k, v in value.items()]
    if isinstance(value, list):
        return [_exact(v) for v in value]
    return (type(value).__name__, str(value))


def test_the_yaml_writer_keeps_numbers_as_written_and_quotes_only_what_needs_it():
    data = {"realisasi": {2022: D("94.50"), 2024: {"dihitung": "ikm.nilai"}}, "nip": "19780610 199809 1 001",
            "tahun": "2024", "nama": "A, B", "daftar": ["x, y", "z"], "kosong": [], "isi": "ISI: tanggal"}
    assert yamltext.lines(data) == [
        "realisasi:", "  2022: 94.50", "  2024: {dihitung: ikm.nilai}", "nip: 19780610 199809 1 001",
        'tahun: "2024"', "nama: A, B", 'daftar: ["x, y", z]', "kosong: []", 'isi: "ISI: tanggal"']


def test_a_report_that_does_not_check_is_not_carried_forward(report, tmp_path, capsys):
    from conftest import edit
    edit(report / "data/laporan.yaml", "tahun: 2024", "tahun: dua ribu")
    with pytest.raises(BuildFailed):
        from lkjip.authoring.create import next_year
        next_year(report, tmp_path / "baru", 2025, "baru", "laporan")
    assert main(["baru", str(tmp_path / "baru"), "--dari", str(report), "--tahun", "2025"]) == 1
    assert re.search(r"data/laporan.yaml:\d+:8: galat: tahun: diharapkan tahun", capsys.readouterr().err)
    assert not (tmp_path / "baru").exists()


def test_an_interrupted_baru_leaves_nothing_half_made(tmp_path, monkeypatch, capsys):
    from lkjip.authoring import editor

    def interrupted(project):
        raise KeyboardInterrupt
    monkeypatch.setattr(editor, "write", interrupted)
    assert main(["baru", str(tmp_path / "baru"), "--instansi", "Dinas A", "--jenis", "dinas", "--tahun", "2025"]) == 130
    assert list(tmp_path.iterdir()) == []
