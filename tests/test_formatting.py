"""The rounding rule and id-ID formats: one place, exact strings."""
import datetime as dt
from decimal import Decimal as D

import pytest

from lkjip import formatting as f


@pytest.mark.parametrize("value, places, expected", [
    ("101.2345", 2, "101.23"), ("102.855", 2, "102.86"), ("0.005", 2, "0.01"),
    ("99.445", 2, "99.45"), ("2.5", 0, "3"), ("-1.005", 2, "-1.01"),
])
def test_round_half_up(value, places, expected):
    assert f.round_half_up(D(value), places) == D(expected)


def test_truncate_is_what_the_original_did():
    assert f.truncate(D("95.6666"), 2) == D("95.66")


def test_numbers_rupiah_percent_dates_the_indonesian_way():
    assert f.number(D("1234567.891")) == "1.234.567,89"
    assert f.number(81574) == "81.574"
    assert f.rupiah(2615163480) == "Rp2.615.163.480"
    assert f.percent(D("95.81091")) == "95,81%"
    assert f.percent(D(100)) == "100%"
    assert f.date(dt.date(2024, 1, 29)) == "29 Januari 2024"
    assert f.date(dt.date(2024, 9, 23)) == "23 September 2024"
    assert f.month(dt.date(2024, 12, 31)) == "Desember 2024"


def test_rounding_precision_comes_from_the_report():
    with f.rounding(1):
        assert f.percent(D("95.8109")) == "95,8%"
    assert f.percent(D("95.8109")) == "95,81%"


@pytest.mark.parametrize("text, expected", [
    ("80.750", D(80750)), ("95,81%", D("95.81")), ("4 Inovasi", D(4)), ("Rp. 2.615.163.480,00", D(2615163480)),
    ("82.00", D("82.00")), ("101,24%", D("101.24")), ("tidak ada", None),
])
def test_parse_printed_number(text, expected):
    assert f.parse_printed_number(text) == expected
