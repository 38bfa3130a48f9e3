"""Reasons for corrections written once and shared: data/koreksi.yaml.

The report recomputes what the signed document printed; where they differ, the author says
why beside the printed value (`alasan`). One cause often explains many places (IKM
recomputed from its NRR changes Tabel 3.1, 3.2, 3.3, 3.4 and six sentences), so a reason
may be written here once under an id and named by that id everywhere it applies.

Some reasons concern only how the document writes a thing, not what it says: a row number,
the label of a total, a name spelled otherwise, a zero written "-". The author lists those
ids under `penulisan`; readers of a signed report find their places listed in the Catatan
Pemeriksaan all the same, but without a mark beside each one, so that the marks in the text
lead only to figures and words that differ.
"""
from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..core.model import DataFile, Report
from ..core.nextyear import TINGGAL
from ..core.subject import Reasons, Subject
from ..diagnostics import Diagnostic, error
from ..schema import Entry, Id, ListOf, MapOf, Text, opt, req


@dataclass(frozen=True, kw_only=True)
class KoreksiFile(Entry):
    alasan: Mapping[str, str] = req(MapOf(Id(), Text()), "alasan koreksi per pengenal, dirujuk dari `alasan: ID` "
                                    "di samping angka tercetak (YAML) atau kutipan (Markdown)")
    penulisan: tuple[str, ...] = opt(ListOf(Id()), "pengenal alasan yang hanya menyangkut cara dokumen menulis "
                                     "(nomor urut, label jumlah, ejaan nama, nol ditulis \"-\"): tempatnya "
                                     "didaftar di Catatan Pemeriksaan tanpa tanda di samping angka", ())


KOREKSI = DataFile("koreksi", KoreksiFile, "alasan koreksi yang dipakai bersama oleh beberapa angka tercetak")


def reasons(report: Report) -> Mapping[str, str]:
    data = report.get(KOREKSI)
    return data.alasan if data else MappingProxyType({})


def writing_only(report: Report) -> frozenset[str]:
    """The ids of reasons about how the document writes a thing, not what it says."""
    data = report.get(KOREKSI)
    return frozenset(data.penulisan) if data else frozenset()


def _validate(report: Report) -> Iterator[Diagnostic]:
    data = report.get(KOREKSI)
    if data is None:
        return
    for id in data.penulisan:
        if id not in data.alasan:
            close = difflib.get_close_matches(id, list(data.alasan), n=1)
            yield error(data.at("penulisan"), f"penulisan menyebut alasan '{id}' yang tidak ada di 'alasan'",
                        f"maksud Anda '{close[0]}'?" if close else "tulis alasannya di bawah 'alasan' dahulu",
                        "unknown-reason")


SUBJECT = Subject(name="koreksi", files=(KOREKSI,), validate=_validate,
                  reasons=Reasons(KOREKSI, reasons, writing_only), next_year={"koreksi": TINGGAL})
