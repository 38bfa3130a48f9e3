"""Average capaian per year: over all indikator, or as the mean of each sasaran's mean, as the office
declares; the office's rule for a capaian below 0% applies here (`as_counted`); an average that counts
a provisional capaian is provisional too. Trends and changes of a sasaran are judged as shown."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

from ...core.compute import Figure, Figures
from ...core.model import Report
from ...numbers import round_half_up
from .figures import KINERJA, as_counted, capaian_rule, trend
from .model import INDIKATOR


def mean(values: list[Decimal]) -> Decimal | None:
    return sum(values, Decimal(0)) / len(values) if values else None


@dataclass(frozen=True)
class RataRata:
    """The average capaian, per year: over all indikator and per sasaran."""

    cara: str
    keseluruhan: Mapping[int, Decimal | None]
    per_sasaran: Mapping[str, Mapping[int, Decimal | None]]
    dihitung_dari: Mapping[int, int]       # how many indikator had a computable capaian
    jumlah: int                            # how many indikator the report measures
    anggota: Mapping[str, frozenset[str]]  # the indikator of each sasaran
    sementara: frozenset[tuple[str, int]]
    """(indikator, year) whose capaian rests on a provisional realisasi: an average that counts one
    of them is provisional too, and says so as its members do."""

    def tahun(self) -> list[int]:
        return sorted(self.keseluruhan)

    def cakupan(self, year: int) -> str:
        """'7 dari 8 indikator' where some could not be measured that year, else ''."""
        counted = self.dihitung_dari.get(year, 0)
        return f"{counted} dari {self.jumlah} indikator" if counted < self.jumlah else ""

    def is_sementara(self, year: int, sasaran: str | None = None) -> bool:
        """Whether the year's average (over all indikator, or of one sasaran) counts a provisional capaian."""
        return any(y == year and (sasaran is None or i in self.anggota.get(sasaran, ())) for i, y in self.sementara)

    def _pair(self, sasaran: str, year: int) -> tuple[Decimal | None, Decimal | None]:
        by_year = self.per_sasaran.get(sasaran, {})
        return by_year.get(year), by_year.get(year - 1)

    def tren(self, sasaran: str, year: int, places: int) -> str | None:
        """naik, turun or tetap: the sasaran's average capaian against the year before, as both are shown."""
        return trend(*self._pair(sasaran, year), places)

    def perubahan(self, sasaran: str, year: int, places: int) -> Decimal | None:
        """The change in percentage points between the two averages as shown, so that it agrees with the
        two figures and with `tren` (98,504 after 98,50 is a change of 0,00, tetap)."""
        now, before = self._pair(sasaran, year)
        if now is None or before is None:
            return None
        return round_half_up(now, places) - round_half_up(before, places)

    def perubahan_sementara(self, year: int, sasaran: str | None = None) -> bool:
        """Whether a comparison of the year with the year before rests on a provisional capaian."""
        return self.is_sementara(year, sasaran) or self.is_sementara(year - 1, sasaran)


def _averages(report: Report, figures: Figures) -> RataRata:
    data = report.need(INDIKATOR)
    kinerja = figures.need(KINERJA)
    years = sorted({t.tahun for k in kinerja.values() for t in k.riwayat})
    per_sasaran: dict[str, dict[int, Decimal | None]] = {}
    overall: dict[int, Decimal | None] = {}
    counted: dict[int, int] = {}
    provisional = frozenset((i, t.tahun) for i, k in kinerja.items() for t in k.riwayat
                            if t.capaian is not None and t.realisasi.sementara)
    rule = capaian_rule(report)
    below_zero = rule.di_bawah_nol if rule else "apa_adanya"
    for y in years:
        by_ind = {i: c for i, k in kinerja.items() for t in k.riwayat
                  if t.tahun == y and (c := as_counted(t.capaian, below_zero)) is not None}
        counted[y] = len(by_ind)
        for s in data.sasaran:
            members = [by_ind[i.id] for i in data.indikator if i.sasaran == s.id and i.id in by_ind]
            per_sasaran.setdefault(s.id, {})[y] = mean(members)
        if data.rata_rata_capaian == "sasaran":
            overall[y] = mean([m for m in (per_sasaran[s.id][y] for s in data.sasaran) if m is not None])
        else:
            overall[y] = mean(list(by_ind.values()))
    return RataRata(data.rata_rata_capaian, MappingProxyType(overall),
                    MappingProxyType({k: MappingProxyType(v) for k, v in per_sasaran.items()}),
                    MappingProxyType(counted), len(data.indikator),
                    MappingProxyType({s.id: frozenset(i.id for i in data.indikator if i.sasaran == s.id)
                                      for s in data.sasaran}), provisional)


AVERAGES = Figure("rata_rata_capaian", _averages, needs=(KINERJA.name,))
