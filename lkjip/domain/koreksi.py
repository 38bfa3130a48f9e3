"""Reasons for corrections written once and shared: data/koreksi.yaml.

The report recomputes what the signed document printed; where they differ, the author says
why beside the printed value (`alasan`). One cause often explains many places (IKM
recomputed from its NRR changes Tabel 3.1, 3.2, 3.3, 3.4 and six sentences), so a reason
may be written here once under an id and named by that id everywhere it applies.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from ..model import DataFile, Report
from ..schema import Entry, Id, MapOf, Text, req
from ..subject import Subject


@dataclass(frozen=True, kw_only=True)
class KoreksiFile(Entry):
    alasan: Mapping[str, str] = req(MapOf(Id(), Text()), "alasan koreksi per pengenal, dirujuk dari `alasan: ID` "
                                    "di samping angka tercetak (YAML) atau kutipan (Markdown)")


KOREKSI = DataFile("koreksi", KoreksiFile, "alasan koreksi yang dipakai bersama oleh beberapa angka tercetak")


def reasons(report: Report) -> Mapping[str, str]:
    data = report.get(KOREKSI)
    return data.alasan if data else MappingProxyType({})


SUBJECT = Subject(name="koreksi", files=(KOREKSI,))
