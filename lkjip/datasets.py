"""One declarative schema per data file, each field documented on its line.

These schemas are the validator, the typed model (`record` builds the dataclasses) and
the documentation of `data/` at once. Keys use the domain's own words.
"""
from __future__ import annotations

from .scalars import Choice, Date, Flag, Id, Integer, Number, QuantityType, Ref, Rupiah, Text, Year
from .schema import AnyOf, Field as F, ListOf, MapOf, PrintedType, record

P = PrintedType
QUANTITY = QuantityType()
PRINTED_NUMBER = P(QuantityType())
CALCULATED_SOURCES = ("ikm", "serapan_anggaran")

TABLE_META = record("TableMeta", [
    F("nomor", Text(), "nomor tabel seperti dicetak, mis. '3.1'", required=False),
    F("judul", Text(), "judul tabel"),
    F("sumber", Text(), "catatan sumber di bawah tabel", required=False),
])

LAPORAN = record("Laporan", [
    F("judul", Text(), "judul laporan"),
    F("singkatan", Text(), "singkatan judul, mis. LKjIP"),
    F("instansi", Text(), "nama instansi pelapor"),
    F("kabupaten", Text(), "kabupaten"),
    F("provinsi", Text(), "provinsi", required=False),
    F("tahun", Year(), "tahun kinerja yang dilaporkan"),
    F("sampul", ListOf(Text(), min_items=1), "baris-baris judul pada sampul"),
    F("penandatangan", Ref("pejabat"), "pejabat yang menandatangani laporan"),
    F("pembulatan", record("Pembulatan", [
        F("desimal", Integer(0, 6), "jumlah angka di belakang koma"),
        F("cara", Choice("setengah_ke_atas"), "cara membulatkan"),
        F("catatan", Text(), "keterangan tambahan yang dicetak bersama aturan ini", required=False),
    ]), "aturan pembulatan satu-satunya untuk semua angka turunan"),
    F("tabel", MapOf(Id(), TABLE_META), "nomor dan judul setiap tabel, menurut pengenal tabel"),
])

PEJABAT = record("PejabatFile", [
    F("pejabat", ListOf(record("Pejabat", [
        F("id", Id(), "pengenal pejabat, mis. camat"),
        F("nama", Text(), "nama lengkap dengan gelar"),
        F("jabatan", Text(), "jabatan"),
        F("pangkat", Text(), "pangkat/golongan", required=False),
        F("nip", Text(), "NIP seperti dicetak", required=False),
        F("nama_lain", ListOf(Text()), "ejaan lain nama ini di dokumen asli", required=False),
    ]), min_items=1, unique_by="id"), "daftar penandatangan"),
])

WILAYAH = record("Wilayah", [
    F("jarak_ibukota_km", Number(0), "jarak ke ibukota kabupaten (km)"),
    F("arah", Text(), "arah dari ibukota kabupaten", required=False),
    F("luas_km2", Number(0), "luas wilayah (km²)"),
    F("kemiringan", Text(), "kemiringan lahan seperti dicetak"),
    F("ketinggian_m", record("Rentang", [F("min", Number(), "batas bawah"),
                                         F("max", Number(), "batas atas")]), "ketinggian (m dpl)"),
    F("curah_hujan_mm", Number(0), "curah hujan (mm)"),
    F("batas", ListOf(record("Batas", [F("arah", Text(), "Utara/Timur/Selatan/Barat"),
                                       F("wilayah", ListOf(Text(), 1), "wilayah yang berbatasan")])),
      "batas wilayah"),
    F("tercetak", record("WilayahTercetak", [
        F("jumlah_desa", P(Integer(0)), "jumlah desa menurut narasi", required=False),
        F("jumlah_penduduk", P(Integer(0)), "jumlah penduduk menurut narasi", required=False),
    ]), "angka narasi Bab I (pembanding)", required=False),
])

PENDUDUK = record("PendudukFile", [
    F("judul", Text(), "judul"),
    F("periode", Date(), "tanggal data"),
    F("sumber", Text(), "sumber data"),
    F("tautan", Text(), "tautan data terbuka", required=False),
    F("desa", ListOf(record("Desa", [
        F("nama", Text(), "nama desa (pengenal baris)"),
        F("l", Integer(0), "penduduk laki-laki"),
        F("p", Integer(0), "penduduk perempuan"),
        F("tercetak", record("DesaTercetak", [F("jumlah", P(Integer(0)), "kolom JUMLAH")]),
          "jumlah seperti dicetak (pembanding)", required=False),
    ]), min_items=1, unique_by="nama"), "penduduk per desa"),
    F("tercetak", record("PendudukTercetak", [F("jumlah", record("PendudukTotal", [
        F("l", P(Integer(0)), "total L"), F("p", P(Integer(0)), "total P"),
        F("jumlah", P(Integer(0)), "total jumlah")]), "baris TOTAL")]), "total seperti dicetak",
      required=False),
])

ORGANISASI = record("Organisasi", [
    F("tugas", ListOf(record("Tugas", [F("id", Text(), "huruf butir"), F("uraian", Text(), "uraian tugas")]),
                      1, "id"), "tugas kecamatan"),
    F("dasar_hukum", Text(), "dasar hukum susunan organisasi"),
    F("susunan", ListOf(Text(), 1), "susunan organisasi menurut Perbup"),
    F("struktur", ListOf(record("Unit", [
        F("id", Text(), "huruf butir"), F("nama", Text(), "nama unit"),
        F("bagian", ListOf(record("SubUnit", [F("id", Text(), "nomor"), F("nama", Text(), "nama")])),
          "sub-unit", required=False)]), 1, "id"), "struktur organisasi"),
])

TARGET = record("Target", [
    F("indikator", Ref("indikator"), "pengenal indikator"),
    F("nilai", Number(0), "target (persentase ditulis sebagai angka persen)"),
    F("keterangan", Text(), "label dalam kurung, mis. A atau Tinggi", required=False),
])
PROGRAM_BUDGET = record("AnggaranProgram", [
    F("program", Ref("program"), "pengenal program"),
    F("pagu", Rupiah(), "anggaran (Rp)"),
    F("keterangan", Text(), "mis. APBD 2024 / P APBD 2024", required=False),
])
_DOCUMENT_FIELDS = [
    F("id", Id(), "pengenal dokumen"),
    F("judul", Text(), "judul dokumen"),
    F("tahun", Year(), "tahun target"),
    F("target", ListOf(TARGET, 1, "indikator"), "target per indikator"),
    F("anggaran", ListOf(PROGRAM_BUDGET, unique_by="program"), "anggaran per program", required=False),
]
RKT = record("Rkt", _DOCUMENT_FIELDS)
PERJANJIAN = record("PerjanjianFile", [F("dokumen", ListOf(record("Perjanjian", _DOCUMENT_FIELDS + [
    F("tanggal", Date(), "tanggal penandatanganan"),
    F("tempat", Text(), "tempat penandatanganan"),
    F("pihak_pertama", Ref("pejabat"), "pihak pertama"),
    F("pihak_kedua", Ref("pejabat"), "pihak kedua"),
    F("pernyataan", ListOf(Text(), 1), "paragraf pernyataan"),
]), 1, "id"), "perjanjian kinerja dan perubahannya, urut waktu")])

IKU = record("Iku", [
    F("judul", Text(), "judul"), F("tahun", Year(), "tahun"),
    F("visi", Text(), "visi"), F("misi", Text(), "misi"), F("tujuan", Text(), "tujuan"),
    F("indikator_tujuan", Text(), "indikator tujuan"),
    F("target", ListOf(TARGET, 1, "indikator"), "target IKU"),
    F("definisi", ListOf(record("DefinisiIku", [
        F("indikator", Ref("indikator"), "indikator"), F("nomor", Text(), "nomor tercetak"),
        F("sasaran", Text(), "sasaran seperti dicetak"), F("formulasi", Text(), "rumus"),
        F("sumber_data", Text(), "sumber data")]), 1, "indikator"), "formulasi dan sumber data"),
    F("penandatangan", Ref("pejabat"), "penandatangan", required=False),
])

REALISASI = AnyOf(Number(0), record("Realisasi", [
    F("nilai", Number(0), "nilai realisasi", required=False),
    F("dihitung", Choice(*CALCULATED_SOURCES), "realisasi diturunkan dari data lain", required=False),
    F("sementara", Flag(), "nilai sementara (belum final)", required=False),
    F("catatan", Text(), "penjelasan", required=False),
]))
INDIKATOR = record("IndikatorFile", [
    F("sasaran", ListOf(record("Sasaran", [
        F("id", Id(), "pengenal sasaran"), F("jenis", Choice("strategis", "lainnya"), "jenis sasaran"),
        F("nomor", Integer(1), "nomor urut tercetak"), F("nama", Text(), "rumusan sasaran")]), 1, "id"),
      "sasaran strategis dan kinerja lainnya"),
    F("indikator", ListOf(record("Indikator", [
        F("id", Id(), "pengenal indikator"), F("sasaran", Ref("sasaran"), "sasaran induk"),
        F("nomor", Text(), "nomor tercetak, mis. 3.1", required=False),
        F("nama", Text(), "nama indikator"),
        F("nama_lain", ListOf(Text()), "nama lain di dokumen asli", required=False),
        F("satuan", Text(allow_empty=True), "satuan tampilan: '%', kata satuan, atau kosong"),
        F("arah", Choice("naik", "turun"), "naik: makin tinggi makin baik; turun: sebaliknya"),
        F("target", MapOf(Id(), MapOf(Year(), Number(0))), "target dari dokumen yang tidak punya file sendiri",
          required=False),
        F("realisasi", MapOf(Year(), REALISASI), "realisasi per tahun"),
        F("tercetak", record("IndikatorTercetak", [
            F("tabel_3_1", record("T31", [F("target", PRINTED_NUMBER, "target"),
                                          F("realisasi", PRINTED_NUMBER, "realisasi"),
                                          F("capaian", PRINTED_NUMBER, "capaian")]), "Tabel 3.1", required=False),
            F("tabel_3_1_bab_iv", record("T31b", [F("capaian", PRINTED_NUMBER, "capaian")]),
              "salinan Tabel 3.1 di Bab IV", required=False),
            F("tabel_3_2", record("T32", [F("target", MapOf(Year(), PRINTED_NUMBER), "target per tahun"),
                                          F("realisasi", MapOf(Year(), PRINTED_NUMBER), "realisasi per tahun")]),
              "Tabel 3.2", required=False),
            F("tabel_3_3", record("T33", [F("target_akhir", PRINTED_NUMBER, "target akhir Renstra"),
                                          F("realisasi", PRINTED_NUMBER, "realisasi"),
                                          F("kemajuan", PRINTED_NUMBER, "tingkat kemajuan")]),
              "Tabel 3.3", required=False),
        ]), "angka Tabel 3.1-3.3 seperti dicetak (pembanding)", required=False),
    ]), 1, "id"), "indikator kinerja"),
])

SKALA = record("SkalaFile", [F("predikat", record("Skala", [
    F("nama", Text(), "nama skala"), F("keterangan", Text(), "dasar/penjelasan skala"),
    F("tingkat", ListOf(record("Tingkat", [F("min", Number(0), "batas bawah capaian (%)"),
                                           F("predikat", Text(), "predikat")]), 1), "dari tertinggi"),
]), "skala predikat capaian")])

IKM = record("IkmFile", [
    F("dasar", Text(), "dasar perhitungan"),
    F("konversi", Number(1), "faktor konversi NRR ke IKM (25)"),
    F("unsur", ListOf(record("Unsur", [F("id", Id(), "pengenal"), F("nama", Text(), "nama unsur"),
                                       F("nrr", Number(1, 4), "nilai rata-rata 1-4")]), 1, "id"), "unsur SKM"),
    F("interval", ListOf(record("Interval", [
        F("nilai_persepsi", Integer(1, 4), "nilai persepsi"),
        F("ni_min", Number(0), "NI bawah"), F("ni_max", Number(0), "NI atas"),
        F("nik_min", Number(0), "NIK bawah"), F("nik_max", Number(0), "NIK atas"),
        F("mutu", Text(), "mutu pelayanan A-D"), F("kinerja", Text(), "kinerja unit pelayanan")]), 1),
      "Tabel 3.5 interval nilai SKM"),
    F("tercetak", record("IkmTercetak", [F("nilai", PRINTED_NUMBER, "IKM", required=False),
                                         F("kinerja", P(Text()), "kategori", required=False)]),
      "pembanding", required=False),
])
