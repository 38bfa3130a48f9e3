"""Schemas of the budget, planning-matrix and administrative data files, and the file registry.

Split from `datasets` only to keep modules small; `FILES` is the one list of data files
the project knows (name, schema, whether a report must have it).
"""
from __future__ import annotations

from .datasets import (IKM, IKU, INDIKATOR, LAPORAN, ORGANISASI, P, PEJABAT, PENDUDUK, PERJANJIAN,
                       PRINTED_NUMBER, QUANTITY, RKT, SKALA, WILAYAH)
from .scalars import Choice, Date, Id, Number, Ref, Rupiah, Text, Year
from .schema import Field as F, ListOf, MapOf, record

ANGGARAN = record("AnggaranFile", [
    F("judul", Text(), "judul lampiran"),
    F("periode", Date(), "akhir periode realisasi"),
    F("sumber", Text(), "sumber data"),
    F("urusan", ListOf(record("Urusan", [F("kode", Text(), "kode"), F("uraian", Text(), "uraian")])),
      "baris judul urusan/perangkat daerah", required=False),
    F("program", ListOf(record("Program", [
        F("id", Id(), "pengenal program"), F("kode", Text(), "kode rekening program, mis. 7.01.01"),
        F("nama", Text(), "nama program"), F("pengampu", Text(), "pejabat yang mengampu", required=False),
        F("sasaran", Text(), "sasaran yang didukung", required=False)]), 1, "id"), "program"),
    F("sub_kegiatan", ListOf(record("SubKegiatan", [
        F("kode", Text(), "kode rekening sub-kegiatan (pengenal baris); awalannya kode program"),
        F("uraian", Text(), "nama sub-kegiatan"),
        F("anggaran", Rupiah(), "pagu (Rp)"), F("kontrak", Rupiah(), "nilai kontrak (Rp)"),
        F("sd_bulan_lalu", Rupiah(), "realisasi s/d bulan lalu (Rp)"),
        F("bulan_ini", Rupiah(), "realisasi bulan ini (Rp)")]), 1, "kode"), "realisasi per sub-kegiatan"),
    F("tercetak", record("AnggaranTercetak", [
        F("jumlah", record("JumlahTercetak", [
            F("anggaran", P(Rupiah()), "jumlah anggaran"), F("kontrak", P(Rupiah()), "jumlah kontrak"),
            F("sd_bulan_lalu", P(Rupiah()), "jumlah s/d bulan lalu"),
            F("bulan_ini", P(Rupiah()), "jumlah bulan ini")]), "baris Jumlah", required=False),
        F("tabel_3_8", MapOf(Id(), record("T38", [
            F("pagu", P(Rupiah()), "pagu"), F("realisasi", P(Rupiah()), "realisasi"),
            F("persen", PRINTED_NUMBER, "% capaian")])), "Tabel 3.8 per program dan 'jumlah'", required=False),
    ]), "angka tercetak (pembanding)", required=False),
])

EFISIENSI = record("EfisiensiFile", [
    F("rumus", Choice("capaian_dikurangi_serapan", "sisa_anggaran"), "rumus tingkat efisiensi yang dipakai"),
    F("baris", ListOf(record("BarisEfisiensi", [
        F("indikator", Ref("indikator"), "indikator"),
        F("anggaran", Id(), "serapan yang dipakai: 'total' atau pengenal program"),
        F("tercetak", record("EfisiensiTercetak", [
            F("capaian", PRINTED_NUMBER, "capaian", required=False),
            F("serapan", PRINTED_NUMBER, "penyerapan anggaran", required=False),
            F("efisiensi", PRINTED_NUMBER, "tingkat efisiensi", required=False)]), "pembanding", required=False),
    ]), 1, "indikator"), "baris Tabel 3.7"),
    F("tercetak", record("EfisiensiRataTercetak", [
        F("rata_rata", PRINTED_NUMBER, "rata-rata efisiensi", required=False),
        F("serapan", PRINTED_NUMBER, "serapan", required=False),
        F("rata_rata_capaian", PRINTED_NUMBER, "rata-rata capaian", required=False)]),
      "angka paragraf di bawah tabel", required=False),
])

PEMBANDING = record("PembandingFile", [F("baris", ListOf(record("BarisPembanding", [
    F("indikator", Ref("indikator"), "indikator kecamatan"),
    F("nama", Text(), "nama indikator seperti dicetak di Tabel 3.4", required=False),
    F("indikator_pemda", Text(), "indikator sejenis Pemda", required=False),
    F("realisasi_pemda", Number(0), "realisasi Pemda", required=False),
    F("indikator_nasional", Text(), "indikator sejenis nasional", required=False),
    F("realisasi_nasional", Number(0), "realisasi nasional", required=False),
    F("keterangan", Text(), "keterangan", required=False),
    F("tercetak", record("PembandingTercetak", [F("realisasi", PRINTED_NUMBER, "realisasi kecamatan")]),
      "pembanding", required=False),
]), 1, "indikator"), "baris Tabel 3.4")])

_CELL = record("SelRenstra", [F("target", QUANTITY, "target", required=False),
                              F("rp", Rupiah(), "anggaran (Rp)", required=False)])
_LEVELS = Choice("tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan")
RENSTRA = record("RenstraFile", [
    F("periode", record("Periode", [F("mulai", Year(), "tahun awal"), F("akhir", Year(), "tahun akhir")]),
      "periode Renstra"),
    F("tahun", ListOf(Year(), 1), "tahun yang ditampilkan matriks"),
    F("baris", ListOf(record("BarisRenstra", [
        F("id", Text(), "pengenal baris (slug)"), F("tingkat", _LEVELS, "tingkat baris"),
        F("tujuan", Text(), "tujuan", required=False), F("sasaran", Text(), "sasaran", required=False),
        F("kode", Text(), "kode", required=False), F("uraian", Text(), "program/kegiatan", required=False),
        F("indikator_kinerja", Ref("indikator"), "indikator laporan yang diwakili baris ini", required=False),
        F("indikator", Text(), "indikator seperti dicetak", required=False),
        F("data_awal", QUANTITY, "data capaian awal", required=False),
        F("renstra_lama", MapOf(Year(), _CELL), "target Renstra lama", required=False),
        F("renstra_baru", MapOf(Year(), _CELL), "target Renstra baru (reviu)", required=False),
        F("kondisi_akhir", _CELL, "kondisi kinerja akhir periode", required=False),
        F("unit_kerja", Text(), "unit penanggung jawab", required=False),
        F("lokasi", Text(), "lokasi", required=False)]), 1, "id"), "baris matriks"),
])

_KEBUTUHAN = record("Kebutuhan", [
    F("program_kegiatan", Text(), "program/kegiatan", required=False), F("lokasi", Text(), "lokasi", required=False),
    F("indikator", Text(), "indikator"), F("target", QUANTITY, "target", required=False),
    F("target_keterangan", Text(), "label target", required=False),
    F("keterangan", Text(), "kolom terakhir (terpotong di dokumen asli)", required=False)])
RENJA = record("RenjaFile", [
    F("judul", Text(), "judul"),
    F("baris", ListOf(record("BarisRenja", [
        F("id", Text(), "pengenal baris"), F("tingkat", _LEVELS, "tingkat"),
        F("program", Ref("program"), "program induk"),
        F("kode", Text(), "kode rekening sub-kegiatan", required=False),
        F("uraian", Text(), "program/kegiatan/sub-kegiatan; kosong pada baris indikator lanjutan", required=False),
        F("indikator_kinerja", Ref("indikator"), "indikator laporan yang diwakili", required=False),
        F("lokasi", Text(), "lokasi", required=False), F("indikator", Text(), "indikator kinerja"),
        F("target", QUANTITY, "target", required=False),
        F("target_keterangan", Text(), "label target", required=False),
        F("pagu", Rupiah(), "pagu indikatif (Rp)"), F("kebutuhan", _KEBUTUHAN, "hasil analisis kebutuhan",
                                                       required=False)]), 1, "id"), "baris matrik"),
    F("tercetak", record("RenjaTercetak", [F("jumlah_pagu", P(Rupiah()), "jumlah pagu")]), "pembanding",
      required=False),
])

_DECREE = record("Keputusan", [
    F("id", Id(), "pengenal inovasi"), F("nama", Text(), "nama inovasi"),
    F("kepanjangan", Text(), "kepanjangan/makna"), F("nomor", Text(), "nomor keputusan"),
    F("tentang", Text(), "judul keputusan"), F("tanggal", Date(), "tanggal penetapan"),
    F("ditetapkan_di", Text(), "tempat penetapan"), F("menimbang", ListOf(Text(), 1), "menimbang"),
    F("mengingat", ListOf(Text(), 1), "mengingat"),
    F("memutuskan", ListOf(record("Diktum", [F("diktum", Text(), "KESATU, KEDUA, ..."),
                                              F("isi", Text(), "isi")]), 1), "diktum"),
    F("penandatangan", Ref("pejabat"), "penandatangan")])
INOVASI = record("InovasiFile", [
    F("kop", record("Kop", [F("instansi", ListOf(Text(), 1), "baris kop"), F("alamat", Text(), "alamat"),
                            F("telepon", Text(), "telepon", required=False)]), "kop surat"),
    F("keputusan", ListOf(_DECREE, 1, "id"), "keputusan camat penetapan inovasi"),
])
RATL = record("RatlFile", [
    F("judul", Text(), "judul"), F("tahun", Year(), "tahun"),
    F("rekomendasi", ListOf(record("Rekomendasi", [
        F("id", Text(), "huruf butir"), F("rekomendasi", Text(), "rekomendasi"),
        F("tindak_lanjut", Text(), "tindak lanjut"), F("tautan", Text(), "tautan bukti (seperti dicetak)",
                                                       required=False)]), 1, "id"), "rekomendasi"),
    F("penandatangan", Ref("pejabat"), "penandatangan"),
])
SOP = record("Sop", [
    F("nomor", Text(), "nomor SOP"), F("tanggal_pembuatan", Date(), "tanggal pembuatan"),
    F("tanggal_revisi", Date(), "tanggal revisi", required=False), F("tanggal_efektif", Date(), "tanggal efektif"),
    F("disahkan_oleh", Ref("pejabat"), "pengesah"), F("nama", Text(), "nama SOP"),
    F("dasar_hukum", ListOf(Text(), 1), "dasar hukum"),
    F("kualifikasi_pelaksana", ListOf(Text(), 1), "kualifikasi pelaksana"),
    F("keterkaitan", ListOf(Text(), 1), "keterkaitan"), F("peralatan", ListOf(Text(), 1), "peralatan"),
    F("peringatan", Text(), "peringatan"), F("pencatatan", Text(), "pencatatan dan pendataan"),
])
PRESTASI = record("PrestasiFile", [F("prestasi", ListOf(record("Prestasi", [
    F("id", Id(), "pengenal"), F("uraian", Text(), "uraian prestasi")]), 0, "id"), "prestasi")])

DESCRIPTIONS = {
    "laporan": "identitas laporan, sampul, aturan pembulatan, nomor dan judul tabel",
    "pejabat": "penandatangan (nama, jabatan, pangkat, NIP)",
    "wilayah": "fakta wilayah Bab I dan angka narasinya (pembanding)",
    "penduduk": "penduduk per desa (Tabel 1.1 dan salinan lampirannya)",
    "organisasi": "tugas, susunan dan struktur organisasi",
    "indikator": "sasaran, indikator, realisasi per tahun, angka Tabel 3.1-3.3 tercetak",
    "skala": "skala predikat capaian",
    "rkt": "Rencana Kerja Tahunan: target dan anggaran program",
    "perjanjian_kinerja": "Perjanjian Kinerja dan Perubahannya: pihak, tanggal, target, anggaran",
    "iku": "Indikator Kinerja Utama: visi, misi, target, formulasi, sumber data",
    "renstra": "matriks Renstra (Tabel 2.1)",
    "renja": "Matrik Renja (Perubahan RKPD)",
    "ikm": "sembilan unsur SKM dengan NRR dan tabel interval (Tabel 3.5)",
    "anggaran": "program dan realisasi anggaran per sub-kegiatan (bulan terakhir)",
    "efisiensi": "rumus efisiensi yang dipilih dan baris Tabel 3.7",
    "pembanding": "perbandingan dengan Kabupaten dan Nasional (Tabel 3.4)",
    "inovasi": "keputusan camat penetapan inovasi",
    "ratl": "rekomendasi evaluasi SAKIP dan tindak lanjutnya",
    "sop": "SOP pengumpulan data kinerja",
    "prestasi": "prestasi yang dicapai",
}

# name -> schema. Every file is required: a report without one of them is incomplete.
FILES = {
    "laporan": LAPORAN, "pejabat": PEJABAT, "wilayah": WILAYAH, "penduduk": PENDUDUK,
    "organisasi": ORGANISASI, "indikator": INDIKATOR, "skala": SKALA, "rkt": RKT,
    "perjanjian_kinerja": PERJANJIAN, "iku": IKU, "renstra": RENSTRA, "renja": RENJA, "ikm": IKM,
    "anggaran": ANGGARAN, "efisiensi": EFISIENSI, "pembanding": PEMBANDING, "inovasi": INOVASI,
    "ratl": RATL, "sop": SOP, "prestasi": PRESTASI,
}
