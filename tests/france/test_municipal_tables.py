"""The municipal tables: CGCT L2121-2 council sizes, L2121-2-1 réputé complet, PLM sectors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.errors import (
    ElectoralRulesError,
    InvalidArgumentError,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from electoral_rules.france import municipal_tables as tables

DAY_2026 = dt.date(2026, 3, 15)

# CGCT, art. L2121-2 (Légifrance copy, version of 23 March 2014): lower bound of each band
# and its number of councillors.
TABLE_2014 = [
    (1, 7), (100, 11), (500, 15), (1_500, 19), (2_500, 23), (3_500, 27), (5_000, 29),
    (10_000, 33), (20_000, 35), (30_000, 39), (40_000, 43), (50_000, 45), (60_000, 49),
    (80_000, 53), (100_000, 55), (150_000, 59), (200_000, 61), (250_000, 65), (300_000, 69),
]


@pytest.mark.parametrize(("low", "size"), TABLE_2014)
def test_each_band_at_both_ends(low: int, size: int) -> None:
    assert tables.council_size(low, date=DAY_2026) == size
    following = [lower for lower, _ in TABLE_2014 if lower > low]
    if following:
        assert tables.council_size(following[0] - 1, date=DAY_2026) == size


def test_the_2014_version_starts_on_the_2014_renewal() -> None:
    assert tables.council_size(50, date=dt.date(2014, 3, 23)) == 7
    assert tables.council_size(50, date=dt.date(2014, 3, 22)) == 9
    assert tables.council_size(50, date="1996-02-24") == 9
    assert tables.council_size(150, date=dt.date(2001, 3, 11)) == 11


@given(st.integers(min_value=1, max_value=10**7), st.integers(min_value=1, max_value=10**7))
def test_size_grows_with_population_and_is_odd(a: int, b: int) -> None:
    small, large = sorted((a, b))
    assert tables.council_size(small, date=DAY_2026) <= tables.council_size(large, date=DAY_2026)
    assert tables.council_size(small, date=DAY_2026) % 2 == 1


@pytest.mark.parametrize("bad", [0, -1, True, 12.0, "100", None])
def test_bad_population_is_refused_naming_it(bad: object) -> None:
    with pytest.raises(InvalidArgumentError, match="population"):
        tables.council_size(bad, date=DAY_2026)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="population"):
        tables.complete_council_minimum(bad)  # type: ignore[arg-type]


def test_before_the_cgct_is_an_unsupported_era() -> None:
    with pytest.raises(UnsupportedEraError, match="L121-2"):
        tables.council_size(500, date=dt.date(1995, 6, 11))


@pytest.mark.parametrize("bad", [dt.datetime(2026, 3, 15, 8), "15/03/2026", 2026])
def test_bad_dates(bad: object) -> None:
    with pytest.raises(InvalidArgumentError, match="date"):
        tables.council_size(500, date=bad)  # type: ignore[arg-type]


def test_reputed_complete_bands() -> None:
    # CGCT, art. L2121-2-1 (loi n° 2025-444, art. 5): 5, 9, 13.
    assert [tables.complete_council_minimum(p) for p in (1, 99, 100, 499, 500, 999, 1000, 10**6)] == [
        5, 5, 9, 9, 13, 13, None, None,
    ]


def test_reputed_complete_is_two_under_the_council_size() -> None:
    for population in range(1, 1000):
        minimum = tables.complete_council_minimum(population)
        assert minimum == tables.council_size(population, date=DAY_2026) - 2


def test_sector_tables_add_up() -> None:
    paris = [tables.sector_seats("Paris", n) for n in tables.sector_numbers("Paris")]
    lyon = [tables.sector_seats("Lyon", n) for n in tables.sector_numbers("Lyon")]
    assert (len(paris), sum(paris)) == (17, 503)
    assert (len(lyon), sum(lyon)) == (9, 221)


def test_sectors_decided_in_round_one_of_2026() -> None:
    # The five sectors decided on 15 March 2026 (shared reference, AZUKI data).
    assert [tables.sector_seats("Paris", n) for n in (7, 13, 16)] == [11, 43, 38]
    assert [tables.sector_seats("Lyon", n) for n in (5, 6)] == [20, 22]


def test_city_council_sizes() -> None:
    assert {city: tables.city_council_seats(city) for city in ("Paris", "Lyon", "Marseille")} == {
        "Paris": 163, "Lyon": 73, "Marseille": 101,
    }


@pytest.mark.parametrize("city", ["Toulouse", "paris", "", None, 75])
def test_other_cities_are_refused(city: object) -> None:
    with pytest.raises(UnknownConstituencyError, match="Paris, Lyon or Marseille"):
        tables.city_council_seats(city)  # type: ignore[arg-type]
    with pytest.raises(UnknownConstituencyError):
        tables.sector_seats(city, 1)  # type: ignore[arg-type]


@pytest.mark.parametrize(("city", "sector"), [("Paris", 2), ("Paris", 21), ("Lyon", 10), ("Lyon", 0),
                                               ("Marseille", 9)])
def test_unknown_sector_names_the_sector(city: str, sector: int) -> None:
    with pytest.raises(UnknownConstituencyError, match=f"no sector {sector}"):
        tables.sector_seats(city, sector)


def test_paris_2nd_arrondissement_points_to_sector_1() -> None:
    with pytest.raises(UnknownConstituencyError, match="Paris Centre"):
        tables.sector_seats("Paris", 3)
    assert [tables.paris_sector_of(n) for n in (1, 2, 3, 4, 5, 20)] == [1, 1, 1, 1, 5, 20]
    with pytest.raises(UnknownConstituencyError):
        tables.paris_sector_of(21)


@pytest.mark.parametrize("sector", [3, 4, 5, 6, 7, 8])
def test_marseille_unread_sectors_ask_for_seats(sector: int) -> None:
    with pytest.raises(InvalidArgumentError, match=f"Marseille's sector {sector} .*seats="):
        tables.sector_seats("Marseille", sector)


def test_sector_must_be_an_int() -> None:
    with pytest.raises(ElectoralRulesError, match="sector must be an int"):
        tables.sector_seats("Lyon", "3")  # type: ignore[arg-type]
    with pytest.raises(ElectoralRulesError):
        tables.sector_seats("Lyon", True)
