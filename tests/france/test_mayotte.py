"""Assemblée de Mayotte (Code électoral, art. L558-9-3, PARTIAL): sections by population."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import InvalidArgumentError, NotImplementedRuleError, UnresolvedTieError
from electoral_rules.apportionment import Divisor
from electoral_rules.france import mayotte
from electoral_rules.tiebreak import IfUnresolved
from tests.naive import naive_divisor

POPULATIONS = {f"S{i}": p for i, p in enumerate(
    [40000, 30000, 25000, 22000, 20000, 18000, 16000, 15000, 14000, 13000, 12000, 12000, 11000], 1)}


def test_worked_example() -> None:
    result = mayotte.section_seats(POPULATIONS, 52)
    assert list(result.values()) == [9, 7, 5, 5, 4, 4, 3, 3, 3, 3, 2, 2, 2]
    assert "PARTIAL" in result.legal_basis and "L558-9-3" in result.legal_basis


def test_ties_largest_population_then_growth() -> None:
    # 13 equal sections and 14 seats: the 14th seat is a 13-way tie broken by population;
    # with equal populations too, by the growth since the previous census
    equal = {f"S{i}": 1000 for i in range(1, 14)}
    reported = mayotte.section_seats(equal, 26)
    assert set(reported.values()) == {2}
    grown = dict.fromkeys(equal, 900) | {"S7": 800}
    result = mayotte.section_seats(equal, 27, previous_populations=grown)
    assert result["S7"] == 3 and sum(result.values()) == 27
    open_tie = mayotte.section_seats(equal, 27)
    assert open_tie.undetermined == 1
    with pytest.raises(UnresolvedTieError):
        mayotte.section_seats(equal, 27, if_unresolved=IfUnresolved.RAISE)
    bigger = {**equal, "S3": 1001}
    assert mayotte.section_seats(bigger, 27)["S3"] == 3


def test_refusals() -> None:
    with pytest.raises(InvalidArgumentError, match="12 sections"):
        mayotte.section_seats(dict(list(POPULATIONS.items())[:12]), 52)
    with pytest.raises(NotImplementedRuleError, match="'S13'"):
        mayotte.section_seats({**POPULATIONS, "S13": 4000}, 52)
    with pytest.raises(NotImplementedRuleError, match="L558-9-4"):
        mayotte.allocate({"A": 60, "B": 40})
    with pytest.raises(InvalidArgumentError):
        mayotte.section_seats(POPULATIONS, 0)


@given(st.lists(st.integers(5000, 60000), min_size=13, max_size=13), st.integers(40, 60))
def test_matches_the_seat_by_seat_reference(pops: list[int], seats: int) -> None:
    populations = {f"S{i}": p for i, p in enumerate(pops, 1)}
    expected = naive_divisor(populations, seats, Divisor.DHONDT)
    if expected.at_stake or min(expected.seats.values()) < 2:
        return
    assert dict(mayotte.section_seats(populations, seats)) == expected.seats
