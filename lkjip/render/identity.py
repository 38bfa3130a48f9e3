"""Who publishes the report and where it stands, as every page says it: the report's identity.

Its title and office, the cover's lines, the file names (slugs: nothing in the data can place
a file outside site/), whether it is a draft, when it was signed, which edition it is, who
publishes it with their address and contact, and what it calls its figures.
"""
from __future__ import annotations

from dataclasses import dataclass

from .. import numbers
from ..domain.laporan import Laporan, day_text
from ..source.markdown import slugify

SITE_PAGES = frozenset({"index.html", "data.html", "cari.html", "catatan-pemeriksaan.html", "lembar-ralat.html"})
"""The site's own pages, besides one per chapter: no chapter may take one of their names."""


@dataclass(frozen=True)
class SiteInfo:
    judul: str
    instansi: str
    daerah: str
    tahun: int
    sampul: tuple[str, ...]
    pdf_name: str
    draf: bool = True
    ditandatangani: str = ""
    """The day it was signed, as readers read a date ('31 Januari 2025'); empty for a draft."""
    edisi: str = ""
    """For a revised edition, the line every page carries: 'Edisi Revisi 2, 10 Maret 2025;
    menggantikan edisi 31 Januari 2025'."""
    penerbit: tuple[str, ...] = ()
    """Who publishes the site and how to reach them: name, address, telephone, e-mail, website."""
    diterbitkan: str = ""
    gambar: str = "Gambar"
    """What the office calls its figures, in their captions ('Gambar 1.') and their list ('Daftar Gambar')."""

    @property
    def base(self) -> str:
        return self.pdf_name.removesuffix(".pdf")


def site_info(lap: Laporan) -> SiteInfo:
    """The report's file names come from a slug of its abbreviation, office and year (letters,
    digits and hyphens only), so no value in the data can place a file outside site/."""
    name = slugify(f"{lap.singkatan}-{lap.instansi}-{lap.tahun}")
    signed = day_text(lap.ditandatangani.tanggal) if lap.signed and lap.ditandatangani else ""
    edisi = (f"Edisi Revisi {lap.edisi.nomor}, {numbers.date(lap.edisi.tanggal)}; menggantikan edisi {signed}"
             if lap.edisi and signed else "")
    pub = lap.penerbit
    publisher = tuple(x for x in ((pub.nama if pub else None) or lap.instansi, *(
        (pub.alamat, pub.telepon and f"telepon {pub.telepon}", pub.surel, pub.situs) if pub else ())) if x)
    return SiteInfo(lap.judul, lap.instansi, lap.daerah, lap.tahun, lap.cover, f"{name}.pdf", not lap.signed,
                    signed, edisi, publisher, numbers.date(lap.diterbitkan) if lap.diterbitkan else "",
                    lap.sebutan_gambar)
