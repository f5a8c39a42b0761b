"""Assemblée de Corse (Code électoral, art. L364, L366, L373): worked examples, eras, errors."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import (
    Candidate,
    IfUnresolved,
    InvalidArgumentError,
    InvalidTallyError,
    PartyList,
    StepKind,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.errors import NoMajorityError
from electoral_rules.france import corsica
from electoral_rules.outcome import Note, NoteKind
from tests.naive_collectivity import admitted_by, bonus_then_averages

DAY_2017 = dt.date(2017, 12, 10)
DAY_2015 = dt.date(2015, 12, 13)


def test_worked_example_round_two_2017() -> None:
    # 52 proportional seats; D'Hondt divisor about 190: 23 + 13 + 10 + 5 = 51, the 52nd seat
    # to A (4 500 / 24 = 187.5 beats C 2 000 / 11 = 181.8, B 2 500 / 14 = 178.6)
    result = corsica.allocate({"A": 4500, "B": 2500, "C": 2000, "D": 1000}, round=2, date=DAY_2017)
    assert dict(result) == {"A": 35, "B": 13, "C": 10, "D": 5}
    assert result.bonus == {"A": 11}
    assert dict(result.proportional_seats) == {"A": 24, "B": 13, "C": 10, "D": 5}
    assert result.house == 63
    assert "L366" in result.legal_basis and "2015-991" in result.legal_basis
    assert result.trace[0].kind is StepKind.BONUS


def test_round_one_needs_an_absolute_majority_of_expressed() -> None:
    result = corsica.allocate({"A": 5100, "B": 3000, "C": 1600, "D": 300}, date=DAY_2017)
    assert dict(result) == {"A": 39, "B": 16, "C": 8, "D": 0}
    assert result.excluded == ("D",)  # 300 of 10 000, under 5 %
    with pytest.raises(NoMajorityError):
        corsica.allocate({"A": 5000, "B": 3000, "C": 2000}, date=DAY_2017)


def test_five_percent_is_inclusive() -> None:
    result = corsica.allocate({"A": 7000, "B": 2500, "C": 500}, date=DAY_2017)
    assert result["C"] >= 1
    assert result.excluded == ()


def test_2010_2015_era_nine_bonus_seats_of_51() -> None:
    result = corsica.allocate({"A": 4500, "B": 2500, "C": 2000, "D": 1000}, round=2, date=DAY_2015)
    assert result.house == 51
    assert result.bonus == {"A": 9}
    assert sum(result.values()) == 51
    assert Note(kind=NoteKind.CORSICA_2010_2017_PARTIAL) in result.notes
    assert "PARTIAL" in result.explain("fr")
    assert corsica.house_seats(date=DAY_2015) == 51
    assert corsica.bonus_seats(date=DAY_2015) == 9


def test_seats_follow_the_law() -> None:
    assert corsica.allocate({"A": 60, "B": 40}, 63, date=DAY_2017).house == 63
    with pytest.raises(InvalidArgumentError, match=r"seats=51 but .*63"):
        corsica.allocate({"A": 60, "B": 40}, 51, date=DAY_2017)


def test_dates_outside_the_read_eras_are_refused() -> None:
    with pytest.raises(UnsupportedEraError, match="2004-03-28"):
        corsica.allocate({"A": 60, "B": 40}, date=dt.date(2004, 3, 28))
    with pytest.raises(InvalidArgumentError):
        corsica.allocate({"A": 60, "B": 40}, date=dt.datetime(2017, 12, 10, 8, 0))
    with pytest.raises(InvalidArgumentError):
        corsica.allocate({"A": 60, "B": 40}, date="10/12/2017")
    with pytest.raises(InvalidArgumentError, match="round"):
        corsica.allocate({"A": 60, "B": 40}, round=3, date=DAY_2017)


def test_bonus_tie_goes_to_the_highest_average_age() -> None:
    old = PartyList(name="A", candidates=(Candidate(name="a", birth_date=dt.date(1940, 1, 1)),))
    young = PartyList(name="B", candidates=(Candidate(name="b", birth_date=dt.date(1990, 1, 1)),))
    result = corsica.allocate({"A": 500, "B": 500}, round=2, date=DAY_2017, people=[old, young])
    assert result.bonus == {"A": 11}
    assert result.ties[0].winners == ("A",)
    reported = corsica.allocate({"A": 500, "B": 500}, round=2, date=DAY_2017)
    assert reported.bonus == {}
    assert reported.undetermined == 11 and reported.ties
    assert sum(reported.values()) == 52
    with pytest.raises(UnresolvedTieError):
        corsica.allocate({"A": 500, "B": 500}, round=2, date=DAY_2017, if_unresolved=IfUnresolved.RAISE)


def test_second_round_seven_percent_without_fallback() -> None:
    outcome = corsica.second_round_qualification({"A": 45, "B": 30, "C": 18, "D": 7}, date=DAY_2017)
    assert outcome.qualified == ("A", "B", "C", "D")
    lone = corsica.second_round_qualification({"A": 49, "B": 6, "C": 6, "D": 6, "E": 6, "F": 6, "G": 6,
                                                "H": 6, "I": 5, "J": 4}, date=DAY_2017)
    assert lone.qualified == ("A",)  # no top-two fallback (L.373)
    assert "7 %" in lone.legal_basis or "7 " in lone.legal_basis
    with pytest.raises(InvalidTallyError, match="7 %"):
        corsica.allocate({"A": 50, "D": 40}, round=2, date=DAY_2017, first_round={"A": 45, "B": 30, "C": 19, "D": 6})


@given(st.dictionaries(st.sampled_from("ABCDEFG"), st.integers(0, 5000), min_size=2, max_size=7),
       st.integers(1, 2))
def test_matches_the_seat_by_seat_reference(votes: dict[str, int], round: int) -> None:
    total = sum(votes.values())
    top = max(votes.values(), default=0)
    leaders = [name for name, count in votes.items() if count == top]
    if total == 0 or len(leaders) > 1 or (round == 1 and 2 * top <= total):
        return
    admitted = admitted_by(votes, 1, 20)
    expected = bonus_then_averages(votes, 63, winner=leaders[0], bonus=11, admitted=admitted)
    result = corsica.allocate(votes, round=round, date=DAY_2017)
    assert sum(result.values()) + result.undetermined == 63
    if expected is not None:
        assert dict(result) == expected
    else:
        assert result.ties
