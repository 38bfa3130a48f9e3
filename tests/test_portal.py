"""`portal`: every report under a folder built into one site, with pages comparing the offices.

One kabupaten tree is built once for the module (without PDFs: the PDF is the subject of the
campaign tests only): the Dinas Perpustakaan (the minimal sample) in a folder per year, 2024 and
2025; the Dinas Kesehatan (the dinas sample) and Kecamatan Contoh (the kecamatan sample, signed)
at other depths; a Badan whose data do not validate; and folders that must be skipped (hidden,
site/). The figures asserted are the ones each sample's own pages show, computed by hand in
tests/test_samples.py and below.
"""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from lkjip.cli import main

from conftest import SAMPLES, copy_sample, edit

DINKES = "dinas-kesehatan-kabupaten-teladan"
PERPUS = "dinas-perpustakaan-dan-kearsipan"
BAB3 = "bab-3-akuntabilitas-kinerja.html"


def kabupaten(root: Path) -> Path:
    """SUMBER with four good reports, one that fails, and two folders that are not reports."""
    copy_sample("minimal", root / "perpustakaan" / "2025")
    old = copy_sample("minimal", root / "perpustakaan" / "2024")
    for name in ("laporan.yaml", "indikator.yaml", "perjanjian_kinerja.yaml"):
        path = old / "data" / name
        path.write_text(path.read_text("utf-8").replace("2025", "2024"), "utf-8")
    # 2024: 95 of 90 = 105,56% (2025: 92 of 90 = 102,22%, turun); pembinaan 10 of 12 = 83,33% both years (tetap)
    edit(old / "data/indikator.yaml", "realisasi: {2024: 92}", "realisasi: {2024: 95}")
    dinkes = copy_sample("dinas", root / "opd" / "kesehatan")
    edit(dinkes / "data/laporan.yaml", "daerah: Kabupaten Teladan", 'daerah: "=Kabupaten Teladan"')  # a formula?
    copy_sample("kecamatan", root / "kecamatan" / "contoh" / "lkjip")
    bad = copy_sample("minimal", root / "badan")
    edit(bad / "data/laporan.yaml", "instansi: Dinas Perpustakaan dan Kearsipan\njenis: dinas",
         "instansi: Badan Kepegawaian Daerah\njenis: badan")
    edit(bad / "data/indikator.yaml", "realisasi: {2025: 92}", 'realisasi: {2025: "92,5"}')
    copy_sample("kota", root / ".arsip")
    copy_sample("kota", root / "opd" / "kesehatan" / "site")
    return root


def portal(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["portal", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("portal")
    source = kabupaten(root / "sumber")
    code = main(["portal", str(source), "--output", str(root / "keluaran"), "--tanpa-pdf", "--jobs", "2"])
    return source, root / "keluaran", code


def test_every_report_at_any_depth_goes_to_its_office_and_year(built):
    _, out, _ = built
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("*/*/index.html")) == [
        f"{DINKES}/2025/index.html", f"{PERPUS}/2024/index.html", f"{PERPUS}/2025/index.html",
        "kecamatan-contoh/2025/index.html"]
    assert not (out / "kecamatan-sukamulya").exists()          # hidden folder and site/ skipped
    assert not (out / "badan-kepegawaian-daerah" / "2025").exists()   # failed: nothing published


def test_a_report_is_written_as_its_own_build_writes_its_site(built, tmp_path):
    source, out, _ = built
    own = shutil.copytree(source / "kecamatan/contoh/lkjip", tmp_path / "lkjip", ignore=shutil.ignore_patterns("site"))
    assert main(["--dir", str(own), "--no-pdf", "-q"]) == 0
    assert tree(out / "kecamatan-contoh/2025") == tree(own / "site")


def test_a_failed_report_does_not_stop_the_others_and_is_listed_with_its_first_error(built):
    _, out, code = built
    assert code == 1
    page = (out / "index.html").read_text("utf-8")
    assert "<strong>Badan Kepegawaian Daerah tahun 2025</strong>: diharapkan angka atau kategori (mis. BB), " \
           "ditemukan teks &#39;92,5&#39;" in page
    assert "indikator.yaml" not in page and "realisasi[" not in page


def test_the_failed_reports_messages_name_its_folder(tmp_path, capsys):
    source = tmp_path / "s"
    bad = copy_sample("minimal", source / "badan")
    edit(bad / "data/indikator.yaml", "realisasi: {2025: 92}", 'realisasi: {2025: "92,5"}')
    code, out, err = portal(capsys, source, "--output", tmp_path / "o", "--tanpa-pdf")
    assert code == 1
    assert "Laporan 'badan' gagal disusun:\nbadan/data/indikator.yaml:10:23: galat: indikator[0].realisasi[2025]" in err
    assert out.startswith("0 laporan disusun, 0 tidak berubah (dilewati), 1 gagal.\n")


def test_the_index_sets_every_office_side_by_side_with_the_figures_its_report_shows(built):
    _, out, _ = built
    page = (out / "index.html").read_text("utf-8")
    # Dinas Kesehatan: Tabel 3.6 (rata-rata 85,53%), Tabel 3.3 (3 Sangat Baik, 2 Baik, 0 Cukup, 1 Kurang), Tabel 3.7
    assert f'<a href="{DINKES}/2025/{BAB3}#tabel-3-6">85,53%</a>' in page
    assert f'<a class="predikat" href="{DINKES}/2025/{BAB3}#tabel-3-3"><span>Sangat Baik: 3</span>' in page
    assert f'<a href="{DINKES}/2025/{BAB3}#tabel-3-7">96,22%</a>' in page
    # Kecamatan Contoh is signed: its Tabel 3.2 prints 86,94 under '% Capaian'; no rata-rata table is shown
    assert '<a href="kecamatan-contoh/2025/bab-3.html#tabel-3-2">86,94%</a>' in page
    row = page.split('<a href="kecamatan-contoh/index.html">')[1].split("</tr>")[0]
    assert row.count("tidak dimuat") == 2          # rata-rata capaian and IKM
    assert "Berhasil (sementara): 1" in row         # tallied from the predikat column of Tabel 3.1 as shown
    assert page.count('<tr class="baris-data" data-jenis=') == 4
    assert '<tr class="baris-data" data-jenis="dinas" data-tahun="2024">' in page
    assert '<option value="kecamatan">Kecamatan</option>' in page and '<option value="2024">2024</option>' in page


def test_the_filter_is_a_small_script_and_without_it_every_row_shows(built):
    _, out, _ = built
    page = (out / "index.html").read_text("utf-8")
    assert 'id="saring" action="index.html" method="get" aria-label="Saring laporan" hidden>' in page
    assert '<script src="assets/portal.js"></script>' in page
    assert ' hidden' not in page.split("<tbody>")[1]
    assert "form.hidden = false;" in (out / "assets/portal.js").read_text("utf-8")


def test_the_office_page_lists_its_years_and_each_indikator_over_them(built):
    _, out, _ = built
    page = (out / PERPUS / "index.html").read_text("utf-8")
    assert page.index('<a href="2025/index.html">') < page.index('<a href="2024/index.html">')
    rows = page.split('<tr class="baris-data">')[1:]
    assert [r.split("</th>")[0].split(">")[-1] for r in rows] == [
        "Persentase layanan perpustakaan yang selesai tepat waktu", "Jumlah kegiatan pembinaan perpustakaan desa"]
    assert f'<a href="../{PERPUS}/2024/{BAB3}#tabel-pencapaian-kinerja">105,56%</a></td>' in rows[0]
    assert f'<a href="../{PERPUS}/2025/{BAB3}#tabel-pencapaian-kinerja">102,22%</a><br><span class="status-turun">turun</span>' in rows[0]
    assert '83,33%</a><br><span class="status-tetap">tetap</span>' in rows[1]


def test_every_link_of_the_portal_pages_is_relative_and_leads_to_a_file(built):
    _, out, _ = built
    for page in [out / "index.html", out / "data.html", out / "cari.html", *out.glob("*/index.html")]:
        for href in re.findall(r'(?:href|src)="([^"]+)"', page.read_text("utf-8")):
            assert "://" not in href and not href.startswith("/"), (page, href)
            path, _, anchor = href.partition("#")
            target = (page.parent / path).as_posix() if path else page.as_posix()
            assert Path(target).is_file(), (page, href)
            if anchor:
                assert f'id="{anchor}"' in Path(target).read_text("utf-8"), (page, href)


def test_one_search_over_every_report(built):
    _, out, _ = built
    script = (out / "assets/indeks-cari.js").read_text("utf-8")
    entries = json.loads(script.split("window.INDEKS_CARI = ")[1].rstrip().rstrip(";"))
    assert {e["u"].split("/")[0] for e in entries} == {DINKES, PERPUS, "kecamatan-contoh"}
    assert all((out / e["u"].partition("#")[0]).is_file() for e in entries)
    assert any(e["j"].startswith("Kecamatan Contoh 2025 — ") for e in entries)
    assert (out / "assets/cari.js").read_bytes() == (SAMPLES.parent.parent / "layouts/cari.js").read_bytes()


def test_open_data_one_csv_per_comparison_and_one_json(built):
    _, out, _ = built
    text = (out / "data/capaian.csv").read_bytes().decode("utf-8")
    assert text.startswith("\ufeffInstansi,Jenis,Daerah,Tahun,Rata-rata capaian (%),Halaman\r\n")
    assert list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))[1:] == [
        ["Dinas Kesehatan Kabupaten Teladan", "dinas", "'=Kabupaten Teladan", "2025", "85.53",
         f"{DINKES}/2025/{BAB3}#tabel-3-6"]]
    predikat = list(csv.reader(io.StringIO((out / "data/predikat.csv").read_text("utf-8-sig"))))
    assert ["Kecamatan Contoh", "kecamatan", "Kabupaten Teladan", "2025", "Berhasil (sementara)", "1",
            "kecamatan-contoh/2025/bab-3.html#tabel-3-1"] in predikat
    indikator = list(csv.reader(io.StringIO((out / "data/indikator.csv").read_text("utf-8-sig"))))
    # text that a spreadsheet would take for a formula is made inert (the Dinas Kesehatan's daerah, above)
    assert ["Dinas Perpustakaan dan Kearsipan", "dinas", "Kabupaten Teladan",
            "Persentase layanan perpustakaan yang selesai tepat waktu", "2025", "102.22", "turun",
            f"{PERPUS}/2025/{BAB3}#tabel-pencapaian-kinerja"] in indikator
    data = json.loads((out / "data/portal.json").read_text("utf-8"))
    assert [(r["instansi"], r["tahun"], r["status"]) for r in data["laporan"]] == [
        ("Badan Kepegawaian Daerah", 2025, "gagal"), ("Dinas Kesehatan Kabupaten Teladan", 2025, "ok"),
        ("Dinas Perpustakaan dan Kearsipan", 2024, "ok"), ("Dinas Perpustakaan dan Kearsipan", 2025, "ok"),
        ("Kecamatan Contoh", 2025, "ok")]
    assert data["laporan"][1]["angka"]["serapan"] == {"nilai": 96.22, "teks": "96,22%",
                                                      "tautan": f"{DINKES}/2025/{BAB3}#tabel-3-7"}


def test_an_unchanged_report_is_not_built_again_and_one_change_rebuilds_only_that(built, capsys):
    source, out, _ = built
    before = tree(out)
    code, said, _ = portal(capsys, source, "--output", out, "--tanpa-pdf")
    assert (code, said.splitlines()[0]) == (1, "0 laporan disusun, 4 tidak berubah (dilewati), 1 gagal.")
    assert tree(out) == before
    edit(source / "opd/kesehatan/data/laporan.yaml", "provinsi: Jawa Tengah", "provinsi: Jawa Tengah  # diubah")
    code, said, _ = portal(capsys, source, "--output", out, "--tanpa-pdf")
    assert said.splitlines()[0] == "1 laporan disusun, 3 tidak berubah (dilewati), 1 gagal."
    after = tree(out)
    assert {k for k in after if after[k] != before[k]} == {f".portal/{DINKES}-2025.json"}   # its new fingerprint
    edit(source / "opd/kesehatan/data/laporan.yaml", "provinsi: Jawa Tengah  # diubah", "provinsi: Jawa Tengah")
    portal(capsys, source, "--output", out, "--tanpa-pdf")
    assert tree(out) == before


def test_shards_then_the_index_give_the_bytes_of_one_build(built, tmp_path, capsys):
    source, out, _ = built
    shards = tmp_path / "keluaran"
    for i in (1, 2):
        code, said, _ = portal(capsys, source, "--output", shards, "--tanpa-pdf", "--shard", f"{i}/2")
        assert not (shards / "index.html").exists()
    code, said, _ = portal(capsys, source, "--output", shards, "--indeks")
    assert code == 1      # the failed report is still failed
    assert tree(shards) == tree(out)


def test_the_index_refuses_reports_no_shard_has_built(built, tmp_path, capsys):
    source, _, _ = built
    portal(capsys, source, "--output", tmp_path / "k", "--tanpa-pdf", "--shard", "1/3")
    code, _, err = portal(capsys, source, "--output", tmp_path / "k", "--indeks")
    assert code == 1
    assert err.startswith("galat: 3 laporan belum disusun ke k/: ")
    assert "petunjuk: jalankan dulu setiap --shard" in err


@pytest.mark.parametrize("spec, why", [
    ("3/2", "'3/2': bagian I harus 1 sampai N (N paling sedikit 1)"),
    ("0/4", "'0/4': bagian I harus 1 sampai N (N paling sedikit 1)"),
    ("x", "diharapkan I/N (mis. 1/4), ditemukan 'x'"),
])
def test_a_wrong_shard_is_a_command_line_mistake(tmp_path, capsys, spec, why):
    code = None
    with pytest.raises(SystemExit) as exit_:
        main(["portal", str(tmp_path), "--output", str(tmp_path / "o"), "--shard", spec])
    code = exit_.value.code
    err = capsys.readouterr().err
    assert code == 2
    assert f"galat: perintah tidak valid (argument --shard: {why})" in err


def test_two_reports_of_one_office_and_year_are_refused_naming_both_folders(tmp_path, capsys):
    copy_sample("minimal", tmp_path / "s" / "a")
    copy_sample("minimal", tmp_path / "s" / "b" / "c")
    code, _, err = portal(capsys, tmp_path / "s", "--output", tmp_path / "o")
    assert code == 1
    assert err == ("galat: dua laporan untuk instansi dan tahun yang sama: Dinas Perpustakaan dan Kearsipan tahun "
                   "2025: 'a' dan 'b/c'\npetunjuk: setiap instansi hanya boleh memiliki satu laporan per tahun; "
                   "hapus atau pindahkan salah satunya dari SUMBER\n")
    assert not (tmp_path / "o").exists()


def test_no_folder_or_no_report_is_one_message(tmp_path, capsys):
    code, _, err = portal(capsys, tmp_path / "tidak-ada", "--output", tmp_path / "o")
    assert (code, err.splitlines()[0]) == (1, f"galat: SUMBER '{tmp_path / 'tidak-ada'}' bukan folder")
    (tmp_path / "kosong").mkdir()
    code, _, err = portal(capsys, tmp_path / "kosong", "--output", tmp_path / "o")
    assert (code, err.splitlines()[0]) == (1, f"galat: tidak ada laporan di '{tmp_path / 'kosong'}'")


@pytest.mark.kampanye
def test_with_pdfs_three_shards_give_one_builds_bytes_and_each_site_its_own_builds(tmp_path, capsys):
    source = tmp_path / "s"
    copy_sample("minimal", source / "perpustakaan")
    copy_sample("dinas", source / "kesehatan")
    copy_sample("kecamatan", source / "contoh")
    code, _, _ = portal(capsys, source, "--output", tmp_path / "satu", "--jobs", "2")
    assert code == 0
    for i in (1, 2, 3):
        assert portal(capsys, source, "--output", tmp_path / "tiga", "--shard", f"{i}/3")[0] == 0
    assert portal(capsys, source, "--output", tmp_path / "tiga", "--indeks")[0] == 0
    assert tree(tmp_path / "tiga") == tree(tmp_path / "satu")
    own = shutil.copytree(source / "kesehatan", tmp_path / "own")
    assert main(["--dir", str(own), "-q"]) == 0
    assert tree(tmp_path / "satu" / DINKES / "2025") == tree(own / "site")
    assert (tmp_path / "satu" / DINKES / "2025" / "lkjip-dinas-kesehatan-kabupaten-teladan-2025.pdf").is_file()
    assert f'<a href="{DINKES}/2025/lkjip-dinas-kesehatan-kabupaten-teladan-2025.pdf">PDF</a>' in \
        (tmp_path / "satu" / "index.html").read_text("utf-8")


def test_a_report_withdrawn_from_sumber_leaves_the_portal_whole(tmp_path, capsys):
    """Its site, its summary and an office page without a year left are removed, and said; what the
    portal did not make is never touched."""
    source = tmp_path / "sumber"
    copy_sample("minimal", source / "perpustakaan")
    copy_sample("kecamatan", source / "kecamatan")
    out = tmp_path / "keluaran"
    assert portal(capsys, source, "--output", out, "--tanpa-pdf")[0] == 0
    (out / "catatan-admin.txt").write_text("milik pengelola situs\n", "utf-8")
    kecamatan = next(p.name for p in out.iterdir() if p.name.startswith("kecamatan-"))
    shutil.rmtree(source / "kecamatan")
    code, said, _ = portal(capsys, source, "--output", out, "--tanpa-pdf")
    assert code == 0 and f"1 laporan yang tidak ada lagi di SUMBER dihapus dari portal: {kecamatan}/2025" in said
    assert not (out / kecamatan).exists() and not list((out / ".portal").glob(f"{kecamatan}-*"))
    assert kecamatan not in (out / "index.html").read_text("utf-8")
    assert (out / "catatan-admin.txt").is_file() and (out / "dinas-perpustakaan-dan-kearsipan/2025/index.html").is_file()


def test_the_index_pages_are_made_again_only_when_what_they_show_changed(tmp_path, capsys, monkeypatch):
    from lkjip.portal import pages
    source, out = tmp_path / "sumber", tmp_path / "keluaran"
    copy_sample("minimal", source / "perpustakaan")
    made = []
    original = pages.files
    monkeypatch.setattr(pages, "files", lambda summaries: made.append(1) or original(summaries))
    portal(capsys, source, "--output", out, "--tanpa-pdf")
    portal(capsys, source, "--output", out, "--tanpa-pdf")
    assert len(made) == 1
    (out / "index.html").write_text("diubah tangan\n", "utf-8")      # a page altered or lost is made again
    portal(capsys, source, "--output", out, "--tanpa-pdf")
    assert len(made) == 2 and "diubah tangan" not in (out / "index.html").read_text("utf-8")
