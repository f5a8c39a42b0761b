"""Sénatoriales, majoritarian departments (Code électoral, art. L294): Allier and Ardennes 2026."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from electoral_rules import Candidate, Tally
from electoral_rules.errors import (
    InvalidArgumentError,
    InvalidTallyError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.france import senate
from electoral_rules.tiebreak import IfUnresolved
from tests import common
from tests.common import load_json

DATA = common.DATA / "senate_majoritarian"


def _load(name: str) -> dict[str, Any]:
    return load_json(DATA / name)


def _tally(round_: dict[str, Any], names_per_ballot: int) -> Tally:
    return Tally(
        votes={c["name"]: c["votes"] for c in round_["candidates"]},
        registered=round_["registered"],
        voters=round_["voters"],
        blank=round_["blank"],
        null=round_["null"],
        expressed=round_["expressed"],
        names_per_ballot=names_per_ballot,
    )


def test_allier_2026_both_seats_in_round_one() -> None:
    data = _load("allier_2026.json")
    (round1,) = data["rounds"]
    tally = _tally(round1, data["seats"])
    assert sum(tally.votes.values()) > tally.expressed  # two names per ballot
    outcome = senate.elect(tally, data["seats"], date=dt.date(2026, 9, 27))
    official = {c["name"] for c in round1["candidates"] if c["official"] == "OUI"}
    assert outcome.elected == ("ROJOUAN", "MALHURET")
    assert set(outcome.elected) == official
    assert outcome.qualified == ()
    assert outcome.thresholds["absolute majority"].votes == 476  # 950 valid ballots
    assert outcome.thresholds["quarter of registered"].votes == 243  # 970 electors


def test_ardennes_2026_one_seat_per_round() -> None:
    data = _load("ardennes_2026.json")
    round1, round2 = data["rounds"]
    first = senate.elect(_tally(round1, 2), 2, date=dt.date(2026, 9, 27))
    assert first.elected == ("JOSEPH",)
    official_t2 = {c["name"] for c in round1["candidates"] if c["official"] == "QUALIFIE(E) AU T2"}
    assert set(first.qualified) == official_t2
    assert first.qualified[0] == "LAMÉNIE"  # ranked by votes: 284
    assert not first.thresholds["absolute majority"].met_by(284)
    remaining = data["seats"] - len(first.elected)
    second = senate.elect(
        _tally(round2, remaining), remaining, round=2, date=dt.date(2026, 9, 27)
    )
    assert second.elected == ("LAMÉNIE",)
    assert {c["name"] for c in round2["candidates"] if c["official"] == "OUI"} == {"LAMÉNIE"}
    assert second.eliminated == ("VILLENET", "LANGRENEZ", "GERARD")
    # A reader may keep the first round's two names per ballot for round 2: same result.
    kept = senate.elect(_tally(round2, 2), remaining, round=2, date=dt.date(2026, 9, 27))
    assert kept.elected == ("LAMÉNIE",)


def test_expressed_is_valid_ballots_not_the_sum_of_votes() -> None:
    # 100 valid ballots, votes add up to 190: 51 is a majority of ballots.
    tally = Tally(votes={"A": 51, "B": 50, "C": 89}, registered=120, expressed=100, names_per_ballot=2)
    assert senate.elect(tally, 2).elected == ("C", "A")


def test_round_one_tie_at_the_seat_boundary_goes_to_the_oldest() -> None:
    tally = Tally(votes={"A": 60, "B": 60, "C": 60}, registered=100, expressed=100, names_per_ballot=2)
    people = [
        Candidate(name="A", birth_date=dt.date(1960, 1, 1)),
        Candidate(name="B", birth_date=dt.date(1950, 1, 1)),
        Candidate(name="C", birth_date=dt.date(1955, 1, 1)),
    ]
    outcome = senate.elect(tally, 2, people=people)
    assert outcome.elected == ("B", "C")
    assert outcome.eliminated == ("A",)
    with pytest.raises(UnresolvedTieError, match="'A', 'B', 'C'"):
        senate.elect(tally, 2, if_unresolved=IfUnresolved.RAISE)


def test_round_two_tie_goes_to_the_oldest() -> None:
    tally = Tally(votes={"A": 40, "B": 40})
    people = {"A": Candidate(name="A", birth_date=dt.date(1960, 1, 1)),
              "B": Candidate(name="B", birth_date=dt.date(1961, 1, 1))}
    assert senate.elect(tally, 1, round=2, people=people).elected == ("A",)


def test_bad_input() -> None:
    plurinominal = Tally(votes={"A": 60, "B": 50}, registered=100, expressed=100, names_per_ballot=2)
    with pytest.raises(InvalidArgumentError, match="L295"):
        senate.elect(plurinominal, 3)
    with pytest.raises(InvalidTallyError, match="names_per_ballot >= 2"):
        senate.elect(Tally(votes={"A": 60, "B": 50}, registered=200), 2)
    with pytest.raises(InvalidTallyError, match="registered"):
        senate.elect(Tally(votes={"A": 60, "B": 50}, expressed=100, names_per_ballot=2), 2)
    with pytest.raises(InvalidArgumentError, match="round"):
        senate.elect(plurinominal, 2, round=3)
    with pytest.raises(InvalidTallyError, match="exceed the 40 valid ballots"):
        Tally(votes={"A": 60, "B": 20}, registered=100, expressed=40, names_per_ballot=2)


def test_eras_of_the_majoritarian_limit() -> None:
    assert senate.majoritarian_seat_limit(dt.date(1998, 9, 27)) == 4
    assert senate.majoritarian_seat_limit(dt.date(2001, 9, 23)) == 2
    assert senate.majoritarian_seat_limit(dt.date(2011, 9, 25)) == 3
    assert senate.majoritarian_seat_limit(dt.date(2014, 9, 28)) == 2
    tally = Tally(votes={"A": 60, "B": 50, "C": 40}, registered=100, expressed=100, names_per_ballot=3)
    assert senate.elect(tally, 3, date=dt.date(2011, 9, 25)).elected == ("A",)
    with pytest.raises(InvalidArgumentError, match="between 1 and 2"):
        senate.elect(tally, 3, date=dt.date(2014, 9, 28))
    with pytest.raises(UnsupportedEraError):
        senate.elect(tally, 3, date=dt.date(1959, 4, 26))

