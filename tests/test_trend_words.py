"""Trend words agree with the two figures the reader sees (hand-computed at the boundary of precision).

The minimal sample's two indikator are given a history: each case is a realisasi last year and
this year, as written in data/indikator.yaml, and the word and change the report must show.
A typed value is shown as written, so 0,035% after 0,04% went down, though both round to 0,04,
and the change quoted beside the word is the difference of the two figures shown (-0,005%).
"""
from __future__ import annotations

import shutil

import pytest

from lkjip.pipeline import Options, run
from lkjip.project import Project

from conftest import REPO


def shown_with(tmp_path, before: str, now: str) -> tuple[str, str, str, str]:
    root = tmp_path / "laporan"
    shutil.copytree(REPO / "tests/samples/minimal", root)
    path = root / "data/indikator.yaml"
    path.write_text(path.read_text("utf-8").replace("realisasi: {2025: 92}", f"realisasi: {{2024: {before}, "
                                                                           f"2025: {now}}}"), "utf-8")
    keys = run(Project(root), Options(pdf=False, write=False)).catalog.keys
    base = "indikator.layanan_tepat_waktu"
    return (keys[f"{base}.realisasi_2024"].text(), keys[f"{base}.realisasi"].text(), keys[f"{base}.tren"].text(),
            keys[f"{base}.perubahan"].text())


@pytest.mark.parametrize("before,now,expected", [
    ("0.04", "0.035", ("0,04%", "0,035%", "turun", "-0,005%")),    # not a rounded -0,01%, nor 0%
    ("0.04", "0.04", ("0,04%", "0,04%", "tetap", "0,00%")),
    ("98.50", "98.504", ("98,50%", "98,504%", "naik", "0,004%")),  # written to 3 decimals, shown so: it rose
    ("92", "95", ("92%", "95%", "naik", "3%")),
    ("95", "92.5", ("95%", "92,5%", "turun", "-2,5%")),
])
def test_the_trend_word_agrees_with_the_figures_as_shown(tmp_path, before, now, expected):
    assert shown_with(tmp_path, before, now) == expected
