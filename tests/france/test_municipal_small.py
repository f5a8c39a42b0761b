"""Municipales in small communes (Code électoral, art. L252, L253, L255-3), 1983-2020."""

from __future__ import annotations

import datetime as dt

import pytest

from electoral_rules import Candidate, Tally
from electoral_rules.errors import (
    InvalidArgumentError,
    InvalidTallyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.france import municipal
from electoral_rules.tiebreak import IfUnresolved

MARCH_2020 = dt.date(2020, 3, 15)
MARCH_2008 = dt.date(2008, 3, 9)


def _tally(votes: dict[str, int], *, registered: int | None, ballots: int, seats: int) -> Tally:
    return Tally(votes=votes, registered=registered, expressed=ballots, names_per_ballot=seats)


def test_first_round_majority_of_ballots_and_quarter() -> None:
    tally = _tally({"A": 60, "B": 51, "C": 50, "D": 40}, registered=201, ballots=101, seats=3)
    outcome = municipal.elect(tally, 3, date=MARCH_2020)
    assert outcome.elected == ("A", "B")  # C: 50 of 101 ballots is not a majority
    assert outcome.qualified == ("C", "D")
    assert outcome.legal_basis == "Code électoral, art. L253, L255-3"


def test_quarter_of_registered_is_required() -> None:
    tally = _tally({"A": 60, "B": 55}, registered=230, ballots=100, seats=2)
    assert municipal.elect(tally, 2, date=MARCH_2020).elected == ("A",)  # 4*55 < 230


def test_second_round_relative_majority_and_oldest() -> None:
    tally = _tally({"C": 40, "D": 40, "E": 10}, registered=None, ballots=90, seats=1)
    people = [
        Candidate(name="C", birth_date=dt.date(1945, 1, 1)),
        Candidate(name="D", birth_date=dt.date(1944, 1, 1)),
    ]
    outcome = municipal.elect(tally, 1, round=2, date=MARCH_2020, people=people)
    assert outcome.elected == ("D",)
    with pytest.raises(UnresolvedTieError, match="'C', 'D'"):
        municipal.elect(tally, 1, round=2, date=MARCH_2020, if_unresolved=IfUnresolved.RAISE)


def test_eras_and_population() -> None:
    tally = _tally({"A": 60, "B": 51}, registered=100, ballots=100, seats=2)
    assert municipal.small_commune_limit(MARCH_2008) == 3500
    assert municipal.small_commune_limit(dt.date(2014, 3, 23)) == 1000
    assert municipal.elect(tally, 2, date=MARCH_2008, population=2000).elected == ("A", "B")
    with pytest.raises(InvalidArgumentError, match="votes by list"):
        municipal.elect(tally, 2, date=MARCH_2020, population=2000)
    with pytest.raises(UnsupportedEraError, match=r"2025-444.*municipal\.allocate"):
        municipal.elect(tally, 2, date=dt.date(2026, 3, 15))
    with pytest.raises(UnsupportedEraError, match="1983"):
        municipal.elect(tally, 2, date=dt.date(1977, 3, 13))


def test_bad_input() -> None:
    tally = _tally({"A": 60, "B": 50}, registered=100, ballots=100, seats=2)
    with pytest.raises(InvalidTallyError, match="names_per_ballot >= 3"):
        municipal.elect(tally, 3, date=MARCH_2020)
    with pytest.raises(InvalidArgumentError, match="round"):
        municipal.elect(tally, 2, round=0, date=MARCH_2020)
    with pytest.raises(InvalidTallyError, match="registered"):
        municipal.elect(
            _tally({"A": 60, "B": 50}, registered=None, ballots=100, seats=2), 2, date=MARCH_2020
        )
