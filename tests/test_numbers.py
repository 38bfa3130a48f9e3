"""The rounding rule and id-ID formats: one place, exact strings, precision passed in (no global state)."""
import datetime as dt
from decimal import Decimal as D

import pytest

from lkjip import numbers as n
from lkjip.views import values as v


@pytest.mark.parametrize("value, places, expected", [
    ("101.2345", 2, "101.23"), ("102.855", 2, "102.86"), ("0.005", 2, "0.01"),
    ("99.445", 2, "99.45"), ("2.5", 0, "3"), ("-1.005", 2, "-1.01"),
])
def test_round_half_up(value, places, expected):
    assert n.round_half_up(D(value), places) == D(expected)


def test_truncate_is_what_the_original_did():
    assert n.truncate(D("95.6666"), 2) == D("95.66")


def test_numbers_rupiah_dates_the_indonesian_way():
    assert n.number(D("1234567.891"), 2) == "1.234.567,89"
    assert n.number(81574, 0) == "81.574"
    assert n.rupiah(2615163480) == "Rp2.615.163.480"
    assert n.rupiah(-5) == "-Rp5"
    assert n.date(dt.date(2024, 1, 29)) == "29 Januari 2024"
    assert n.date(dt.date(2024, 9, 23)) == "23 September 2024"
    assert n.month(dt.date(2024, 12, 31)) == "Desember 2024"


def test_source_values_keep_the_precision_they_were_written_with():
    """Tabel 3.5 prints 2,5996 and 3,0644: rule data must not be rounded into overlapping bands."""
    assert n.as_written(D("2.5996")) == "2,5996"
    assert n.as_written(D("1.00")) == "1,00"
    assert n.as_written(D("87.5")) == "87,5"
    assert v.source(D("94.50")).text() == "94,50"
    assert v.percent(D("93.15")).text() == "93,15%"


def test_computed_figures_use_the_precision_they_carry():
    assert n.computed(D("95.81091"), 2) == "95,81"
    assert n.computed(D("100.004"), 2) == "100"
    assert v.percent(D("95.8109"), 1).text() == "95,8%"
    assert v.percent(D("95.8109"), 2).text() == "95,81%"
    assert v.computed(D("91.3333"), 2, "Inovasi").text() == "91,33 Inovasi"
    assert v.computed(None, 2).text() == "tidak dapat dihitung"


def test_provisional_values_say_so():
    assert v.source(D("87.5"), sementara=True).text() == "87,5 (sementara)"
    assert v.percent(D(100), 2, sementara=True).text() == "100% (sementara)"


@pytest.mark.parametrize("text, expected", [
    ("80.750", D(80750)), ("95,81%", D("95.81")), ("4 Inovasi", D(4)), ("Rp. 2.615.163.480,00", D(2615163480)),
    ("82.00", D("82.00")), ("101,24%", D("101.24")), ("tidak ada", None),
])
def test_parse_printed_number(text, expected):
    assert n.parse_printed_number(text) == expected
