"""A new office's report: `python build.py baru PATH --instansi ... --jenis ... --tahun ...`.

Writes the four data files every LKjIP has, each commented, the chapter outline of the
regulation, the editors' schemas, and a README of what to fill in. Everything the office
alone knows is a placeholder (`ISI: ...`), so `check` on the new folder lists exactly what is
missing, at its file and line, and the report builds once each is filled in.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import outline


@dataclass(frozen=True)
class Office:
    instansi: str
    jenis: str
    tahun: int
    daerah: str | None = None

    @property
    def nama(self) -> str:
        """The office's own name without its kind: 'Kecamatan Sukamaju' -> 'Sukamaju'."""
        word = self.jenis.capitalize() + " "
        return self.instansi[len(word):] if self.instansi.lower().startswith(word.lower()) else self.instansi

    @property
    def pimpinan(self) -> tuple[str, str]:
        """The head's id and title: a Camat, a Lurah, or the Kepala of a dinas or badan."""
        if self.jenis == "kecamatan":
            return "camat", f"Camat {self.nama}"
        if self.jenis == "kelurahan":
            return "lurah", f"Lurah {self.nama}"
        return "kepala", f"Kepala {self.instansi}"

    @property
    def atasan(self) -> tuple[str, str]:
        """Who signs the Perjanjian Kinerja as the second party: the Camat for a kelurahan, else the
        Bupati or Wali Kota."""
        if self.jenis == "kelurahan":
            return "camat", "ISI: jabatan Camat, mis. Camat Sukamaju"
        return "kepala_daerah", "ISI: Bupati ... atau Wali Kota ..."


def _q(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def laporan(o: Office) -> str:
    head, _ = o.pimpinan
    daerah = _q(o.daerah) if o.daerah else _q("ISI: pemerintah daerah induk, mis. Kabupaten Sukamaju")
    return f"""# Identitas laporan. Ganti setiap "ISI: ..." (dengan tanda kutipnya) dengan isinya;
# 'python build.py check' menyebut yang belum diisi. Semua kunci: 'python build.py skema'.
judul: Laporan Kinerja Instansi Pemerintah
singkatan: LKjIP
instansi: {_q(o.instansi)}
jenis: {o.jenis}
daerah: {daerah}
# provinsi: Jawa Timur
tahun: {o.tahun}
# Pejabat yang menandatangani laporan (pengenalnya di data/pejabat.yaml).
penandatangan: {head}
# Nomor dan judul tabel, menurut pengenal tabel ('python build.py kunci'), mis.:
# tabel:
#   capaian: {{nomor: "3.1", judul: Pencapaian Kinerja}}
"""


def pejabat(o: Office) -> str:
    head, title = o.pimpinan
    boss, boss_title = o.atasan
    return f"""# Penandatangan laporan dan Perjanjian Kinerja.
pejabat:
  - id: {head}
    nama: {_q("ISI: nama lengkap dengan gelar")}
    jabatan: {_q(title)}
    pangkat: {_q("ISI: pangkat/golongan, mis. Pembina (IV/a)")}
    nip: {_q("ISI: NIP, mis. 19800101 200501 1 001")}
  - id: {boss}
    nama: {_q("ISI: nama lengkap dengan gelar")}
    jabatan: {_q(boss_title)}
"""


def indikator(o: Office) -> str:
    return f"""# Sasaran dan indikator kinerja, dari Renstra dan Perjanjian Kinerja. Capaian, predikat
# dan rata-rata dihitung sendiri: jangan diketik. Tambahkan sasaran dan indikator lain
# dengan pola yang sama; pengenal (id) ditulis dengan huruf kecil, angka dan '_'.
sasaran:
  - id: sasaran_1
    nomor: 1
    nama: {_q("ISI: rumusan sasaran strategis dari Renstra")}
indikator:
  - id: indikator_1          # ganti dengan pengenal yang bermakna, mis. ikm
    sasaran: sasaran_1
    nama: {_q("ISI: nama indikator kinerja")}
    jenis: persen            # angka (dengan satuan), persen, indeks, atau kategori
    arah: naik               # naik: makin tinggi makin baik; turun: sebaliknya
    # target: {{{o.tahun - 2}: 85, {o.tahun - 1}: 87}}      target tahun-tahun sebelumnya
    realisasi:
      # {o.tahun - 1}: 88.5                          realisasi tahun-tahun sebelumnya
      {o.tahun}: {_q(f"ISI: realisasi {o.tahun} (angka; persen tanpa tanda %, desimal dengan titik)")}
"""


def perjanjian(o: Office) -> str:
    head, _ = o.pimpinan
    boss, _ = o.atasan
    return f"""# Perjanjian Kinerja tahun {o.tahun}. Bila ada Perjanjian Kinerja Perubahan, tambahkan dokumen
# kedua dengan tanggal yang lebih akhir: yang terakhir ditandatangani yang berlaku.
dokumen:
  - id: pk
    judul: Perjanjian Kinerja Tahun {o.tahun}
    tahun: {o.tahun}
    tanggal: {_q("ISI: tanggal penandatanganan, mis. " + f"{o.tahun}-01-31")}
    tempat: {_q("ISI: tempat penandatanganan")}
    pihak_pertama: {head}
    pihak_kedua: {boss}
    target:
      - indikator: indikator_1
        nilai: {_q(f"ISI: target {o.tahun}")}
    # anggaran per program (memerlukan data/anggaran.yaml yang mendefinisikan programnya):
    # anggaran:
    #   - {{program: penunjang, pagu: 1500000000}}
"""


def readme(o: Office, folder: str) -> str:
    return f"""# LKjIP {o.instansi} {o.tahun}

Folder ini dibuat oleh `python build.py baru`. Isinya kerangka laporan kinerja menurut
PermenPANRB 53/2014: empat file data yang wajib ada dan bab-bab laporan.

## Yang harus diisi

Setiap isian yang belum diketahui ditandai `ISI: ...` (di `data/*.yaml`) atau `[ISI: ...]`
(di `content/*.md`). Daftar lengkapnya, dengan nama file dan nomor baris:

    python build.py check --dir {folder}

1. `data/laporan.yaml`: pemerintah daerah induk (dan provinsi).
2. `data/pejabat.yaml`: nama, pangkat dan NIP pimpinan; nama dan jabatan atasannya.
3. `data/indikator.yaml`: sasaran strategis dan indikator kinerja dari Renstra, dengan
   realisasi tahun {o.tahun} dan tahun-tahun sebelumnya.
4. `data/perjanjian_kinerja.yaml`: tanggal, tempat dan target setiap indikator.
5. `content/*.md`: teks setiap bab. Angka (target, realisasi, capaian, rata-rata) tidak
   diketik: tulis kuncinya, mis. `{{{{ indikator.indikator_1.capaian }}}}`; daftarnya:
   `python build.py kunci --dir {folder}`.

File data lain (anggaran, IKM, Renstra, ...) ditambahkan bila instansi memilikinya; isi
setiap file: `python build.py skema`.

## Melihat hasilnya

- Pratinjau yang diperbarui setiap kali file disimpan: `python build.py serve --dir {folder}`
- Laporan yang belum lengkap tidak diterbitkan; setelah semua isian terisi:
  `python build.py --dir {folder}` menulis `site/` (HTML dan PDF).

Editor seperti VS Code (dengan ekstensi YAML) memeriksa file data sambil mengetik: baris
pertama setiap file menunjuk skemanya di `data/.skema/`.
"""


def files(o: Office, folder: str) -> dict[str, str]:
    """Every file of the new report folder except the editors' schemas, by relative path."""
    head, _ = o.pimpinan
    boss, _ = o.atasan
    out = {"README.md": readme(o, folder), "data/laporan.yaml": laporan(o), "data/pejabat.yaml": pejabat(o),
           "data/indikator.yaml": indikator(o), "data/perjanjian_kinerja.yaml": perjanjian(o)}
    out.update({f"content/{name}": text for name, text in outline.new_report(o.instansi, head, boss).items()})
    return out
