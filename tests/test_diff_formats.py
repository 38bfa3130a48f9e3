"""The three layouts of a diff: the pull-request comment (md), the reviewer's page (html) and the
machine-readable JSON, each asserted on every kind of change of the history in tests/diffrepo.py."""
import json
import re

import pytest

from lkjip.diff import to_html, to_json, to_md
from lkjip.diff.fetch import diff

from diffrepo import commit, init, make_history, remembered_revisions

BAB_III = "BAB III AKUNTABILITAS KINERJA"
BAB_III_FILE = "content/03-bab-3-akuntabilitas-kinerja.md"


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    return make_history(tmp_path_factory.mktemp("formats") / "laporan")


@pytest.fixture(scope="module")
def rendered(history):
    """(md, html, parsed json) of `diff dasar TAG`, each computed once."""
    root = history
    done, raw = {}, {}

    def get(tag, old="dasar"):
        if (old, tag) not in done:
            result = diff(root, old, tag)
            raw[old, tag] = to_json.render(result)
            done[old, tag] = (to_md.render(result), to_html.render(result), json.loads(raw[old, tag]))
        return done[old, tag]
    get.json_text = raw
    with remembered_revisions():
        yield get


def lines(md):
    return md.split("\n")


def section(html, title):
    """The HTML of one chapter's section of the page."""
    start = html.index(f"<h2>{title}</h2>")
    end = html.find("<h2>", start + 1)
    return html[start:end if end > 0 else None]


def test_a_target_in_every_format(rendered):
    md, html, data = rendered("target")
    assert ("  - Perjanjian Kinerja Perubahan Tahun 2024 › Jumlah Inovasi yang terinternalisasi dan tersosialisasi … "
            "› target: 2 → 3 <sub>`dokumen[pk_perubahan].target[inovasi].nilai`</sub>") in lines(md)
    assert ("| Tabel 3.1 Pencapaian Kinerja › Jumlah Inovasi yang terinternalisasi dan tersosialisasi … › CAPAIAN "
            f"KINERJA | 100% | 66,67% | {BAB_III} |") in lines(md)
    assert "| `indikator.inovasi.capaian` | 100% | 66,67% | BAB III AKUNTABILITAS KINERJA |" in lines(md)
    assert "| `kinerja.cakupan_tercapai` | semua | sebagian | BAB III AKUNTABILITAS KINERJA, BAB IV PENUTUP |" \
        in lines(md)
    assert ("<td class=\"lama\" data-label=\"Lama\">tercapai</td><td class=\"baru\" data-label=\"Baru\">"
            "tidak tercapai</td>") in section(html, BAB_III)
    assert data["data"][0]["changes"] == [{
        "kind": "changed", "path": "dokumen[pk_perubahan].target[inovasi].nilai",
        "label": "Perjanjian Kinerja Perubahan Tahun 2024 › Jumlah Inovasi yang terinternalisasi dan tersosialisasi "
                 "serta berkelanjutan › target", "old": "2", "new": "3"}]
    assert [(d["file"], d["code"]) for d in data["check"]["new"]][-1] == ("data/rkt.yaml", "target-lineage")


def test_a_realisasi_in_every_format(rendered):
    md, html, data = rendered("realisasi")
    assert ("  - Persentase hasil koordinasi yang ditindaklanjuti › realisasi › 2024: 100 → 80 "
            "<sub>`indikator[koordinasi].realisasi.2024`</sub>") in lines(md)
    assert ("| Tabel 3.1 Pencapaian Kinerja › 2.1 Persentase hasil koordinasi yang ditindaklanjuti › CAPAIAN "
            f"KINERJA | 100% | 80% | {BAB_III} |") in lines(md)
    assert "80%</td>" in section(html, "BAB IV PENUTUP")
    capaian = next(t for t in data["figures"]["tables"] if t["id"] == "capaian")
    assert capaian["cells"][1] == {"row": "koordinasi", "row_label": "2.1 Persentase hasil koordinasi yang "
                                   "ditindaklanjuti", "column": "capaian", "column_label": "CAPAIAN KINERJA",
                                   "old": "100%", "new": "80%"}


def test_one_nrr_in_every_format_with_the_ripple_and_its_places(rendered):
    md, html, data = rendered("nrr")
    assert lines(md)[:2] == ["<!-- lkjip-diff -->", "### Perbedaan laporan"]
    table = lines(md)[lines(md).index("#### Angka yang berubah") + 2:]
    assert table[:4] == ["| Angka | Lama | Baru | Tampil di |", "|---|---|---|---|",
                         f"| Tabel 3.1 Pencapaian Kinerja › IKM Kecamatan › REALISASI | 91,33 | 91,67 | {BAB_III} |",
                         f"| Tabel 3.1 Pencapaian Kinerja › IKM Kecamatan › CAPAIAN KINERJA | 101,20% | 101,57% | "
                         f"{BAB_III} |"]
    assert f"| `indikator.ikm.realisasi` | 91,33 | 91,67 | {BAB_III} (3×) |" in table
    assert f"| `ikm.nilai` | 91,33 | 91,67 | {BAB_III} |" in table
    assert "| Tabel 3.1 Pencapaian Kinerja › IKM Kecamatan › REALISASI | 91,33 | 91,67 | BAB IV PENUTUP |" in table
    assert ("| Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode … › IKM Kecamatan › TINGKAT KEMAJUAN | "
            f"100,64% | 101,01% | {BAB_III} |") in table
    assert "| `kinerja.rata_rata_capaian` | 100,76% (sementara) | 100,81% (sementara) | tidak ditampilkan di bab |" in lines(md)
    assert "<summary>Semua angka terhitung yang berubah (21 sel tabel, 19 nilai)</summary>" in lines(md)
    bab_iii = section(html, BAB_III)
    assert "<h3>Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA</h3>" in bab_iii
    assert ("<td data-label=\"Baris\">IKM Kecamatan</td><td data-label=\"Kolom\">TINGKAT EFISIENSI</td>\n"
            "<td class=\"lama\" data-label=\"Lama\">5,39%</td><td class=\"baru\" data-label=\"Baru\">5,76%</td>") in bab_iii
    assert "<code>capaian_bab_iv</code>" in section(html, "BAB IV PENUTUP")
    assert "<code>kinerja.rata_rata_capaian</code>" in section(html, "Tidak ditampilkan di bab mana pun")
    assert next(k for k in data["figures"]["keys"] if k["key"] == "ikm.nilai") == {
        "key": "ikm.nilai", "old": "91,33", "new": "91,67",
        "where": [{"file": BAB_III_FILE, "title": BAB_III, "count": 1}]}
    assert data["summary"] == {"data_changes": 1, "keys": 19, "cells": 21, "tables": 10, "lists": 0, "chapters": 0,
                               "new_errors": 0, "new_warnings": 0, "resolved": 0, "changed_findings": 0}


def test_an_added_desa_in_every_format(rendered):
    md, html, data = rendered("desa")
    assert ("  - Sumberwaru: ditambah: nama: Sumberwaru, l: 1.000, p: 1.200 <sub>`wilayah[Sumberwaru]`</sub>"
            in lines(md))
    assert "- baris ditambah: Sumberwaru (DESA: Sumberwaru; L: 1.000; P: 1.200; JUMLAH: 2.200)" in lines(md)
    assert ("| Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember … › Sumberwaru (baris ditambah) | – | DESA: "
            "Sumberwaru; L: 1.000; P: 1.200; JUMLAH: 2.200 | BAB I PENDAHULUAN, JUMLAH PENDUDUK |") in lines(md)
    assert "<span class=\"jenis added\">ditambah</span>\nSumberwaru</td>" in section(html, "BAB I PENDAHULUAN")
    assert data["figures"]["tables"][0]["rows"] == [{
        "kind": "added", "row": "sumberwaru", "label": "Sumberwaru", "old": None,
        "new": "DESA: Sumberwaru; L: 1.000; P: 1.200; JUMLAH: 2.200"}]


def test_a_removed_sub_kegiatan_in_every_format(rendered):
    md, html, data = rendered("sub_kegiatan")
    assert any(line.startswith("  - Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan: dihapus (sebelumnya "
                               "kode: 7.01.01.2.06.06,") for line in lines(md))
    assert any(line.startswith("- baris dihapus: Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan (Kode "
                               "Rekening: 7.01.01.2.06.06;") for line in lines(md))
    assert "<span class=\"jenis removed\">dihapus</span>" in section(html, "REALISASI ANGGARAN")
    assert [c["path"] for c in data["data"][0]["changes"]] == ["sub_kegiatan[7.01.01.2.06.06]",
                                                               "tercetak.realisasi_anggaran.7.01.01.2.06.06"]


def test_an_edited_paragraph_in_every_format(rendered):
    md, html, data = rendered("paragraf")
    assert lines(md)[lines(md).index("**BAB IV PENUTUP** `content/04-bab-4-penutup.md`"):][2:7] == [
        "> _… 3 paragraf tidak berubah …_", ">",
        "> Pencapaian target indikator kinerja Kecamatan Pungging Kabupaten Mojokerto pada Tahun 2024 dapat "
        "<del>di samapaikan</del> <ins>disampaikan</ins> sebagai berikut :", ">", "> _… 8 paragraf tidak berubah …_"]
    bab_iv = section(html, "BAB IV PENUTUP")
    assert "<del>di samapaikan</del>" in bab_iv and "<ins>disampaikan</ins>" in bab_iv
    assert "… 3 paragraf tidak berubah …" in bab_iv
    assert data["prose"][0]["blocks"][1] == {"kind": "changed", "words": [
        {"op": "=", "text": "Pencapaian target indikator kinerja Kecamatan Pungging Kabupaten Mojokerto pada Tahun "
                            "2024 dapat"},
        {"op": "-", "text": "di samapaikan"}, {"op": "+", "text": "disampaikan"},
        {"op": "=", "text": "sebagai berikut :"}]}


def test_a_renamed_indikator_in_every_format(rendered):
    md, html, data = rendered("nama")
    assert ("  - Indeks Kepuasan Masyarakat Kecamatan › nama: IKM Kecamatan → Indeks Kepuasan Masyarakat Kecamatan "
            "<sub>`indikator[ikm].nama`</sub>") in lines(md)
    # the data change, 14 tables (the two Perjanjian Kinerja in their lampiran and their Bab II copies) and the key
    assert html.count("<td class=\"lama\" data-label=\"Lama\">IKM Kecamatan</td>") == 1 + 14 + 1
    assert data["summary"]["cells"] == 14


def test_a_moved_row_in_every_format(rendered):
    md, html, data = rendered("pindah")
    assert "  - Biaya/Tarif: dipindah dari posisi 4 ke posisi 9 <sub>`unsur[biaya]`</sub>" in lines(md)
    assert "- baris dipindah: Biaya/Tarif (baris 4 → baris 9)" in lines(md)
    assert "<span class=\"jenis moved\">dipindah</span>\nBiaya/Tarif</td>" in html
    assert data["data"][0]["changes"] == [{"kind": "moved", "path": "unsur[biaya]", "label": "Biaya/Tarif",
                                           "old": "posisi 4", "new": "posisi 9"}]


def test_an_edited_statement_and_a_renumbered_table_in_every_format(rendered):
    md, html, data = rendered("pernyataan")
    assert "**Daftar `pk_pernyataan_pk_perubahan`** — PERJANJIAN KINERJA PERUBAHAN TAHUN 2024" in lines(md)
    assert [line[:40] for line in lines(md) if line.startswith("- d")] == [
        "- dihapus: Pihak kedua akan melakukan su", "- ditambah: Pihak kedua akan melakukan s"]
    lampiran = section(html, "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024")
    assert "<h3>Daftar <code>pk_pernyataan_pk_perubahan</code></h3>" in lampiran
    assert "penghargaan dan sanksi yang adil.</ins>" in lampiran
    changed = section(html, "Perubahan data")  # a long text is compared word by word
    assert "dalam rangka pemberian penghargaan dan <del>sanksi.</del> </td>" in changed
    assert "dalam rangka pemberian penghargaan dan <ins>sanksi yang adil.</ins> </td>" in changed
    assert data["figures"]["lists"][0]["id"] == "pk_pernyataan_pk_perubahan"
    md, html, data = rendered("nomor")
    assert ("- judul: Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu) → Tabel 2.2 Capaian Kinerja Pada "
            "Renstra 2021-2026 (Reviu)") in lines(md)
    assert "<p>Judul: <del>Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)</del> → <ins>Tabel 2.2" in html
    assert data["figures"]["tables"][0]["heading"] == {
        "old": "Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)",
        "new": "Tabel 2.2 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)"}


def test_a_revision_that_does_not_build_in_every_format(rendered):
    md, html, data = rendered("rusak")
    commit_id = data["new"]["commit"]
    assert f"**Baru:** `rusak` ({commit_id[:7]}), **tidak dapat disusun: 1 galat**, 0 peringatan" in lines(md)
    assert ("- **baru** `data/ikm.yaml:10:48` galat: unsur\\[2\\].nrr: angka '3,38' memakai koma desimal; di dalam "
            "'{...}' koma memisahkan pasangan kunci: nilai") in lines(md)
    assert "  - isi file: (dapat dibaca) → (YAML tidak dapat dibaca)" in lines(md)
    assert "> **Angka terhitung tidak dapat dibandingkan**: data salah satu revisi tidak valid (lihat Pemeriksaan)." \
        in lines(md)
    assert "tidak dapat disusun: 1 galat" in html and "angka &#39;3,38&#39; memakai koma desimal" in html
    assert "1 galat baru</strong>" in html
    assert (data["new"]["builds"], data["figures"]["compared"], data["check"]["warnings_compared"]) == (
        False, False, False)
    [found] = data["check"]["new"]
    assert (found["severity"], found["file"], found["line"], found["column"], found["path"]) == (
        "galat", "data/ikm.yaml", 10, 48, "unsur[2].nrr")
    assert found["hint"] == "YAML memakai titik sebagai pemisah desimal; tulis 3.38"


def test_no_change_in_every_format(rendered):
    md, html, data = rendered("nrr", old="nrr")
    assert "Tidak ada perubahan pada data, angka, teks bab, maupun hasil pemeriksaan." in lines(md)
    assert "<details>" not in md
    assert "<p>Tidak ada perubahan pada data, angka, teks bab, maupun hasil pemeriksaan.</p>" in html
    assert (data["changed"], data["data"], data["figures"]["keys"], data["prose"], data["check"]["new"]) == (
        False, [], [], [], [])


def test_json_keys_come_in_a_fixed_order_and_the_same_diff_gives_the_same_bytes(rendered, history):
    md, html, data = rendered("nrr")
    assert list(data) == ["format", "old", "new", "changed", "summary", "data", "figures", "prose", "check"]
    assert list(data["figures"]["tables"][0]) == ["id", "caption", "status", "heading", "where", "rows", "cells"]
    import lkjip.diff.fetch as fetch
    with pytest.MonkeyPatch.context() as patch:  # both revisions loaded anew, not remembered
        patch.setattr(fetch, "_load", fetch._load.__wrapped__)
        again = diff(history, "dasar", "nrr")  # the same bytes in every format
    assert (to_md.render(again), to_html.render(again), to_json.render(again)) == \
        (md, html, rendered.json_text["dasar", "nrr"])


def test_the_page_stands_alone(rendered):
    for tag in ("nrr", "paragraf", "rusak"):
        _, html, _ = rendered(tag)
        assert not re.search(r"<script|<link|<img|<iframe|src=|url\(|@import|https?://", html), tag
        assert html.startswith("<!DOCTYPE html>\n<html lang=\"id\">")


def test_the_comment_is_cut_to_fit_github_and_says_where_the_rest_is(rendered):
    md, _, _ = rendered("nama")
    from lkjip.diff.to_md import _fit
    assert len(md) < 60_000
    short = _fit(["kepala"], [("Bagian", ["baris panjang " * 40] * 20)], 2_000)
    assert len(short) <= 2_000
    assert "_Bagian ini terlalu panjang untuk komentar; lihat halaman HTML (artefak `diff.html`)._" in short


def test_text_from_chapters_cannot_inject_markup_into_the_page_or_the_comment(tmp_path):
    root = init(tmp_path / "laporan")
    path = root / "content/04-bab-4-penutup.md"
    text = path.read_text("utf-8")
    path.write_text(text.replace("dapat di samapaikan", "<script>alert(1)</script> | **tebal** `kode` [x](y) dapat"),
                    "utf-8")
    commit(root, "jahat")
    result = diff(root, "dasar", "jahat")
    html, md = to_html.render(result), to_md.render(result)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>" not in md
    assert ("<ins>&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*tebal\\*\\* \\`kode\\` \\[x\\](y)</ins>" in md)
