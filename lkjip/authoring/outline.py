"""The chapter outline PermenPANRB 53/2014 asks of an LKjIP, as Markdown a new report starts from.

Ikhtisar Eksekutif; Bab I Pendahuluan (organisation, strategic issues); Bab II Perencanaan
Kinerja (Renstra, the year's Perjanjian Kinerja); Bab III Akuntabilitas Kinerja (A. Capaian
Kinerja Organisasi with the analyses the regulation lists, B. Realisasi Anggaran); Bab IV
Penutup; the Perjanjian Kinerja as lampiran. Titles and file names are those the structure
check (`domain.struktur`) recognises, so a new report passes it. What only the office can
write is a placeholder `[ISI: ...]`, which `check` lists until it is written; figures come
from data through `{{ ... }}`, never typed in.
"""
from __future__ import annotations

from ..domain.struktur import CHAPTERS

LAMPIRAN_PK_FILE = "10-lampiran-perjanjian-kinerja.md"


def _isi(text: str) -> str:
    return f"[ISI: {text}]\n"


def ikhtisar(instansi: str) -> str:
    return ("# IKHTISAR EKSEKUTIF\n\n"
            + _isi(f"tujuan dan sasaran strategis {instansi} menurut Renstra dan Perjanjian Kinerja tahun ini")
            + "\nRata-rata capaian {{ kinerja.jumlah_indikator }} indikator kinerja tahun {{ laporan.tahun }} adalah "
              "{{ kinerja.rata_rata_capaian }}.\n\n"
            + _isi("capaian kinerja utama, permasalahan yang dihadapi dan upaya pemecahannya"))


def pendahuluan(instansi: str) -> str:
    return ("# BAB I PENDAHULUAN\n\n## A. Latar Belakang\n\n"
            + _isi("dasar hukum penyusunan laporan kinerja (Perpres 29/2014, PermenPANRB 53/2014) dan maksudnya")
            + "\n## B. Tugas, Fungsi dan Struktur Organisasi\n\n"
            + _isi(f"tugas pokok dan fungsi {instansi} serta susunan organisasinya")
            + "\n## C. Aspek Strategis dan Permasalahan Utama\n\n"
            + _isi("aspek strategis organisasi dan permasalahan utama (isu strategis) yang sedang dihadapi")
            + "\n## D. Sistematika Penyajian\n\nLaporan ini terdiri atas Ikhtisar Eksekutif; Bab I Pendahuluan; "
              "Bab II Perencanaan Kinerja; Bab III Akuntabilitas Kinerja; Bab IV Penutup; dan Lampiran.\n")


def perencanaan() -> str:
    return ("# BAB II PERENCANAAN KINERJA\n\n## A. Rencana Strategis\n\n"
            + _isi("visi, misi, tujuan dan sasaran strategis dalam Renstra yang berlaku")
            + "\n## B. Perjanjian Kinerja Tahun {{ laporan.tahun }}\n\n"
              "Perjanjian Kinerja tahun {{ laporan.tahun }} menetapkan target kinerja berikut.\n\n{{ tabel: pk }}\n")


ANALISIS = (
    ("Perbandingan target dan realisasi tahun ini", "analisis capaian setiap indikator terhadap targetnya", ""),
    ("Perbandingan dengan tahun-tahun sebelumnya", "analisis perkembangan realisasi dan capaian dibandingkan "
     "tahun lalu dan beberapa tahun terakhir", "{{ tabel: perbandingan_tahunan }}\n\n"),
    ("Perbandingan dengan target jangka menengah", "realisasi sampai tahun ini dibandingkan target akhir Renstra",
     ""),
    ("Perbandingan dengan standar nasional", "realisasi dibandingkan standar nasional, bila ada", ""),
    ("Penyebab keberhasilan atau kegagalan", "penyebab keberhasilan atau kegagalan, atau peningkatan atau "
     "penurunan kinerja, dan alternatif solusinya", ""),
    ("Efisiensi penggunaan sumber daya", "analisis efisiensi penggunaan sumber daya", ""),
    ("Program dan kegiatan penunjang", "program dan kegiatan yang menunjang keberhasilan atau kegagalan "
     "pencapaian kinerja", ""),
)


def capaian_kinerja() -> str:
    """Section A of Bab III: the measurement and the seven analyses the regulation lists."""
    out = ("## A. Capaian Kinerja Organisasi\n\nCapaian kinerja diukur dengan membandingkan target dalam Perjanjian "
           "Kinerja tahun {{ laporan.tahun }} dengan realisasinya.\n\n{{ tabel: capaian }}\n")
    for number, (title, what, block) in enumerate(ANALISIS, 1):
        out += f"\n### {number}. {title}\n\n{block}" + _isi(what)
    return out


def realisasi_anggaran(heading: str = "## B. Realisasi Anggaran") -> str:
    return (f"{heading}\n\n"
            + _isi("realisasi anggaran yang digunakan untuk mewujudkan kinerja sesuai Perjanjian Kinerja"))


def akuntabilitas() -> str:
    return "# BAB III AKUNTABILITAS KINERJA\n\n" + capaian_kinerja() + "\n" + realisasi_anggaran()


def penutup(penandatangan: str) -> str:
    return ("# BAB IV PENUTUP\n\n## A. Simpulan\n\n" + _isi("simpulan umum atas capaian kinerja tahun ini")
            + "\n## B. Langkah ke Depan\n\n" + _isi("langkah yang akan dilakukan untuk meningkatkan kinerja")
            + f"\n{{{{ ttd: {penandatangan} }}}}\n")


def lampiran_pk(pihak_pertama: str, pihak_kedua: str) -> str:
    return ("# LAMPIRAN PERJANJIAN KINERJA\n\n{{ tabel: pk }}\n\n"
            f"{{{{ ttd: {pihak_kedua} }}}}\n\n{{{{ ttd: {pihak_pertama} }}}}\n")


def chapter(name: str, instansi: str, penandatangan: str) -> str:
    """A whole chapter by the regulation's name for it (`domain.struktur.CHAPTERS`)."""
    texts = {"Ikhtisar Eksekutif": ikhtisar(instansi), "Bab Pendahuluan": pendahuluan(instansi),
             "Bab Perencanaan Kinerja": perencanaan(), "Bab Akuntabilitas Kinerja": akuntabilitas(),
             "Bab Penutup": penutup(penandatangan)}
    return texts[name]


def new_report(instansi: str, pihak_pertama: str, pihak_kedua: str) -> dict[str, str]:
    """content/ of a new office: file name -> Markdown, in the regulation's order."""
    out = {file: chapter(name, instansi, pihak_pertama) for name, _, file, _ in CHAPTERS}
    out[LAMPIRAN_PK_FILE] = lampiran_pk(pihak_pertama, pihak_kedua)
    return out
