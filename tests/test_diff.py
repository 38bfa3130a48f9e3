"""`diff` on a Git history of the bundled report: one commit per kind of change, each reported by
what it means (the row's identity, the column), with every computed figure it moved and where
the report shows that figure, the prose word by word, and the check status."""
import pytest

from lkjip.diff.fetch import diff

from diffrepo import make_history, remembered_revisions

BAB_I, BAB_II, BAB_III, BAB_IV = ("BAB I PENDAHULUAN", "BAB II RENCANA KINERJA", "BAB III AKUNTABILITAS KINERJA",
                                  "BAB IV PENUTUP")


@pytest.fixture(scope="module")
def changes(tmp_path_factory):
    """diff(OLD, NEW) on the history, each pair computed once."""
    root = make_history(tmp_path_factory.mktemp("diff") / "laporan")
    done = {}

    def get(old="dasar", new=None):
        if (old, new) not in done:
            done[old, new] = diff(root, old, new)
        return done[old, new]
    with remembered_revisions():
        yield get


def data_changes(result):
    return [(f.file, c.kind, c.path, c.label, c.old, c.new) for f in result.data for c in f.changes]


def cells(result):
    return [(t.id, c.row, c.column, c.old, c.new) for t in result.tables for c in t.cells]


def keys(result):
    return {k.key: (k.old, k.new, tuple((p.title, p.count) for p in k.where)) for k in result.keys}


def shown_in(result):
    return {t.id: (t.caption, tuple(p.title for p in t.where)) for t in result.tables}


def new_messages(result):
    return [(d.severity, d.loc.file, d.message) for d in result.status.new]


def test_a_target_is_named_by_its_document_and_indikator_and_moves_capaian_and_status(changes):
    result = changes("dasar", "target")
    assert data_changes(result) == [
        ("data/perjanjian_kinerja.yaml", "changed", "dokumen[pk_perubahan].target[inovasi].nilai",
         "Perjanjian Kinerja Perubahan Tahun 2024 › Jumlah Inovasi yang terinternalisasi dan tersosialisasi serta "
         "berkelanjutan › target", "2", "3")]
    assert ("capaian", "inovasi", "target", "2 Inovasi", "3 Inovasi") in cells(result)
    assert ("capaian", "inovasi", "capaian", "100%", "66,67%") in cells(result)
    assert ("status_capaian", "inovasi", "status", "tetap", "turun") in cells(result)
    assert ("pk_selisih", "target_inovasi", "selisih", "1 Inovasi", "2 Inovasi") in cells(result)
    assert keys(result)["indikator.inovasi.status"] == ("tercapai", "tidak tercapai", ((BAB_III, 1),))
    assert keys(result)["kinerja.cakupan_tercapai"] == ("semua", "sebagian", ((BAB_III, 1), (BAB_IV, 1)))
    assert keys(result)["kinerja.rata_rata_capaian"] == ("100,76% (sementara)", "95,99% (sementara)", ())
    assert shown_in(result)["pk_perubahan"] == ("PERJANJIAN KINERJA PERUBAHAN TAHUN 2024 KECAMATAN PUNGGING "
                                                "KABUPATEN MOJOKERTO",
                                                ("PERJANJIAN KINERJA PERUBAHAN TAHUN 2024",))
    # its Bab II copy, printed with a caption of its own, moves with it
    assert shown_in(result)["pk_perubahan_bab_ii"] == ("PERJANJIAN KINERJA PERUBAHAN TAHUN 2024 KECAMATAN PUNGGING",
                                                       (BAB_II,))
    assert ("pk_perubahan_bab_ii", "inovasi", "target", "2 Inovasi", "3 Inovasi") in cells(result)
    assert ("peringatan", "data/rkt.yaml", "target inovasi 2024 di Rencana Kerja Tahunan (RKT) Tahun 2024 (2) berbeda "
            "dengan Perjanjian Kinerja Perubahan Tahun 2024 (3, data/perjanjian_kinerja.yaml:92)") in new_messages(result)
    assert result.status.resolved == ()


def test_a_realisasi_changes_a_capaian_its_words_and_the_averages(changes):
    result = changes("dasar", "realisasi")
    assert data_changes(result) == [
        ("data/indikator.yaml", "changed", "indikator[koordinasi].realisasi.2024",
         "Persentase hasil koordinasi yang ditindaklanjuti › realisasi › 2024", "100", "80")]
    assert [c for c in cells(result) if c[0] == "capaian"] == [
        ("capaian", "koordinasi", "realisasi", "100%", "80%"),
        ("capaian", "koordinasi", "capaian", "100%", "80%")]
    assert ("kemajuan_renstra", "koordinasi", "kemajuan", "100%", "80%") in cells(result)
    assert keys(result)["indikator.koordinasi.capaian"] == ("100%", "80%", ((BAB_III, 2),))
    assert keys(result)["indikator.koordinasi.tren"] == ("tetap", "turun", ())
    assert keys(result)["indikator.koordinasi.tren_capaian"] == ("tetap", "turun", ((BAB_III, 1),))
    # koordinasi's efisiensi 100 - 97,26 = 2,74 becomes 80 - 97,26 = -17,26: the mean of seven falls by 20 / 7
    assert keys(result)["efisiensi.rata_rata"] == ("4,21% (sementara)", "1,35% (sementara)", ((BAB_III, 1),))


def test_one_nrr_moves_the_ikm_its_capaian_the_averages_and_the_efisiensi_everywhere_they_appear(changes):
    result = changes("dasar", "nrr")
    assert data_changes(result) == [
        ("data/ikm.yaml", "changed", "unsur[waktu].nrr", "Waktu Penyelesaian › nrr", "3,38", "3,50")]
    assert cells(result) == [
        ("capaian", "ikm", "realisasi", "91,33", "91,67"),
        ("capaian", "ikm", "capaian", "101,20%", "101,57%"),
        ("ikm_unsur", "waktu", "nrr", "3,38", "3,50"),
        ("ikm_unsur", "nrr_rata_rata", "nrr", "3,6533", "3,6667"),
        ("ikm_unsur", "ikm", "nrr", "91,33", "91,67"),
        ("perbandingan_tahunan", "ikm", "realisasi_2024", "91,33", "91,67"),
        ("kemajuan_renstra", "ikm", "realisasi", "91,33", "91,67"),
        ("kemajuan_renstra", "ikm", "kemajuan", "100,64%", "101,01%"),
        ("pembanding", "ikm", "realisasi", "91,33", "91,67"),
        ("efisiensi", "ikm", "capaian", "101,20%", "101,57%"),
        ("efisiensi", "ikm", "efisiensi", "5,39%", "5,76%"),
        ("efisiensi", "rata_rata", "capaian", "100,76% (sementara)", "100,81% (sementara)"),
        ("efisiensi", "rata_rata", "efisiensi", "4,21% (sementara)", "4,26% (sementara)"),
        ("capaian_bab_iv", "ikm", "realisasi", "91,33", "91,67"),
        ("capaian_bab_iv", "ikm", "capaian", "101,20%", "101,57%"),
        ("status_capaian", "ikm", "capaian_2024", "101,20%", "101,57%"),
        ("status_capaian", "ikm", "perubahan", "-2,39%", "-2,02%"),
        ("status_tahunan", "ikm", "capaian_2024", "101,20%", "101,57%"),
        ("status_tahunan", "rata_rata_pelayanan_publik_optimal", "capaian_2024", "101,20%", "101,57%"),
        ("rata_rata_capaian", "pelayanan_publik_optimal", "capaian_2024", "101,20%", "101,57%"),
        ("rata_rata_capaian", "rata_rata", "capaian_2024", "100,76% (sementara)", "100,81% (sementara)"),
    ]
    assert {id: where for id, (_, where) in shown_in(result).items()} == {
        "capaian": (BAB_III,), "ikm_unsur": (BAB_III,), "perbandingan_tahunan": (BAB_III,),
        "kemajuan_renstra": (BAB_III,), "pembanding": (BAB_III,), "efisiensi": (BAB_III,),
        "capaian_bab_iv": (BAB_IV,), "status_capaian": (), "status_tahunan": (), "rata_rata_capaian": ()}
    assert [shown_in(result)[id][0] for id in ("capaian", "kemajuan_renstra", "efisiensi", "capaian_bab_iv")] == [
        "Tabel 3.1 Pencapaian Kinerja", "Tabel 3.3 Perbandingan Realisasi Kinerja s/d Akhir Periode RPJMD/RENSTRA",
        "Tabel 3.7 EFISIENSI PENGGUNAAN SUMBER DAYA", "Tabel 3.1 Pencapaian Kinerja"]
    found = keys(result)
    assert found["ikm.nilai"] == ("91,33", "91,67", ((BAB_III, 1),))
    assert found["indikator.ikm.realisasi"] == ("91,33", "91,67", ((BAB_III, 3),))
    assert found["indikator.ikm.capaian"] == ("101,20%", "101,57%", ((BAB_III, 1),))
    assert found["indikator.ikm.kemajuan"] == ("100,64%", "101,01%", ())
    assert found["kinerja.rata_rata_capaian"] == ("100,76% (sementara)", "100,81% (sementara)", ())
    assert found["efisiensi.rata_rata"] == ("4,21% (sementara)", "4,26% (sementara)", ((BAB_III, 1),))
    assert "indikator.ikm.status" not in found  # still terlampaui: an unchanged figure is not listed
    assert result.status.new == () and result.status.resolved == ()
    # the differences from the signed document it moves are explained corrections, not warnings
    assert result.status.changed == ()


def test_an_added_desa_is_a_new_row_and_moves_the_totals(changes):
    result = changes("dasar", "desa")
    assert data_changes(result) == [("data/penduduk.yaml", "added", "wilayah[Sumberwaru]", "Sumberwaru", None,
                                     "nama: Sumberwaru, l: 1.000, p: 1.200")]
    table = result.tables[0]
    assert (table.id, [(r.kind, r.row, r.row_label, r.new) for r in table.rows]) == (
        "penduduk", [("added", "sumberwaru", "Sumberwaru", "DESA: Sumberwaru; L: 1.000; P: 1.200; JUMLAH: 2.200")])
    assert cells(result) == [("penduduk", "jumlah", "l", "40.968", "41.968"),
                             ("penduduk", "jumlah", "p", "40.606", "41.806"),
                             ("penduduk", "jumlah", "jumlah", "81.574", "83.774")]
    assert shown_in(result)["penduduk"] == ("Tabel 1.1 Jumlah Penduduk Kecamatan Pungging (Per Desember 2024)",
                                            (BAB_I, "JUMLAH PENDUDUK"))
    assert keys(result)["penduduk.jumlah_wilayah"] == ("19", "20", ((BAB_I, 1),))


def test_a_removed_sub_kegiatan_is_named_by_its_kode_and_moves_its_program(changes):
    result = changes("dasar", "sub_kegiatan")
    [(file, kind, path, label, old, new), printed] = data_changes(result)
    # what the signed realisasi printed for the row ("-" for its kontrak) goes with it
    assert printed[:3] == ("data/anggaran.yaml", "removed", "tercetak.realisasi_anggaran.7.01.01.2.06.06")
    assert (file, kind, path, label, new) == ("data/anggaran.yaml", "removed", "sub_kegiatan[7.01.01.2.06.06]",
                                              "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan", None)
    assert old.startswith("kode: 7.01.01.2.06.06, uraian: Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan, "
                          "anggaran: Rp5.000.000")
    [removed] = [r for t in result.tables for r in t.rows]
    assert (removed.kind, removed.row, removed.row_label) == (
        "removed", "7.01.01.2.06.06", "Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan")
    assert ("anggaran_program", "penunjang", "pagu", "Rp2.415.383.480", "Rp2.410.383.480") in cells(result)
    assert ("realisasi_anggaran", "7.01.01", "sisa", "Rp104.683.064", "Rp104.617.864") in cells(result)
    assert keys(result)["anggaran.pagu"] == ("Rp2.615.163.480", "Rp2.610.163.480", ((BAB_IV, 1),))


def test_an_edited_paragraph_is_a_word_diff_with_the_rest_of_its_chapter_collapsed(changes):
    result = changes("dasar", "paragraf")
    assert (result.data, result.tables, result.keys) == ((), (), ())
    [chapter] = result.prose
    assert (chapter.file, chapter.title, chapter.status) == ("content/04-bab-4-penutup.md", BAB_IV, "changed")
    assert [(b.kind, b.count) for b in chapter.blocks] == [("same", 3), ("changed", 0), ("same", 8)]
    assert [(w.op, w.text) for w in chapter.blocks[1].words] == [
        ("=", "Pencapaian target indikator kinerja Kecamatan Pungging Kabupaten Mojokerto pada Tahun 2024 dapat"),
        ("-", "di samapaikan"), ("+", "disampaikan"), ("=", "sebagai berikut :")]


def test_a_renamed_indikator_is_one_data_change_and_every_table_that_names_it(changes):
    result = changes("dasar", "nama")
    assert data_changes(result) == [("data/indikator.yaml", "changed", "indikator[ikm].nama",
                                     "Indeks Kepuasan Masyarakat Kecamatan › nama", "IKM Kecamatan",
                                     "Indeks Kepuasan Masyarakat Kecamatan")]
    assert {c[0] for c in cells(result)} == {"rkt", "pk", "pk_perubahan", "pk_bab_ii", "pk_perubahan_bab_ii", "capaian", "perbandingan_tahunan",
                                             "kemajuan_renstra", "efisiensi", "capaian_bab_iv", "iku",
                                             "iku_formulasi", "status_capaian", "status_tahunan"}
    assert all(c[1:] == ("ikm", "indikator", "IKM Kecamatan", "Indeks Kepuasan Masyarakat Kecamatan")
               for c in cells(result))
    assert keys(result) == {"indikator.ikm.nama": ("IKM Kecamatan", "Indeks Kepuasan Masyarakat Kecamatan", ())}


def test_a_moved_row_is_one_move_not_a_change_of_every_row_below_it(changes):
    result = changes("dasar", "pindah")
    assert data_changes(result) == [("data/ikm.yaml", "moved", "unsur[biaya]", "Biaya/Tarif", "posisi 4", "posisi 9")]
    [table] = result.tables
    assert [(r.kind, r.row, r.old, r.new) for r in table.rows] == [("moved", "biaya", "baris 4", "baris 9")]
    assert table.cells == () and result.keys == ()  # the numbering column follows the order


def test_a_change_that_breaks_validation_is_reported_with_its_error_not_a_crash(changes):
    result = changes("dasar", "rusak")
    assert (result.old.builds, result.new.builds, result.new.errors, result.figures_compared) == (True, False, 1, False)
    # YAML would read {nrr: 3,38} as nrr 3 and a key '38': the file is refused as written, with the cause
    assert data_changes(result) == [
        ("data/ikm.yaml", "changed", "", "isi file", "(dapat dibaca)", "(YAML tidak dapat dibaca)")]
    [error] = result.status.new
    assert (error.severity, error.loc.file, error.loc.line, error.message) == (
        "galat", "data/ikm.yaml", 10, "angka '3,38' memakai koma desimal; di dalam '{...}' koma memisahkan "
                                      "pasangan kunci: nilai")
    assert result.status.resolved == () and not result.status.warnings_compared
    assert (result.keys, result.tables) == ((), ())


def test_a_statement_edited_in_a_document_is_a_changed_item_of_the_list_its_lampiran_places(changes):
    result = changes("dasar", "pernyataan")
    [(file, kind, path, label, old, new)] = data_changes(result)
    assert (file, kind, path, label) == ("data/perjanjian_kinerja.yaml", "changed", "dokumen[pk_perubahan].pernyataan[1]",
                                         "Perjanjian Kinerja Perubahan Tahun 2024 › pernyataan › butir 2")
    assert (old[-23:], new[-33:]) == ("penghargaan dan sanksi.", "penghargaan dan sanksi yang adil.")
    [listed] = result.lists
    assert (listed.id, [(p.file, p.title) for p in listed.where]) == (
        "pk_pernyataan_pk_perubahan",
        [("content/15-lampiran-perjanjian-kinerja-perubahan.md", "PERJANJIAN KINERJA PERUBAHAN TAHUN 2024")])
    assert [i for i in listed.new if i not in listed.old] == [new]


def test_a_renumbered_table_reports_its_old_and_new_caption(changes):
    result = changes("dasar", "nomor")
    [table] = result.tables
    assert (table.id, table.heading, table.cells, table.rows) == (
        "renstra", ("Tabel 2.1 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)",
                    "Tabel 2.2 Capaian Kinerja Pada Renstra 2021-2026 (Reviu)"), (), ())
    assert [(p.title, p.count) for p in table.where] == [(BAB_II, 1)]


@pytest.mark.parametrize("revision", ["dasar", "nrr", "rusak"])
def test_a_revision_against_itself_reports_nothing(changes, revision):
    result = changes(revision, revision)
    assert not result.changed
    assert (result.data, result.keys, result.tables, result.lists, result.prose) == ((), (), (), (), ())
    assert (result.status.new, result.status.resolved, result.status.changed) == ((), (), ())


def test_the_working_tree_at_the_base_reports_nothing(changes):
    result = changes("dasar", None)
    assert not result.changed and result.new.label == "folder kerja" and result.new.commit is None
