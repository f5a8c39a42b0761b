"""Exact boundaries of the shared majoritarian tests (electoral_rules.france.round_engine)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from fractions import Fraction

import pytest

from electoral_rules import Candidate, PartyList, Tally
from electoral_rules.errors import InvalidArgumentError, InvalidTallyError, UnresolvedTieError
from electoral_rules.france.round_engine import (
    AgeRule,
    FirstRoundRule,
    Qualification,
    absolute_majority,
    absolute_majority_threshold,
    first_round_outcome,
    people_of,
    quarter_of_registered,
    quarter_threshold,
    relative_majority_outcome,
    share_of_expressed_reached,
    share_of_registered_reached,
    share_of_registered_threshold,
)
from electoral_rules.tiebreak import IfUnresolved


def test_absolute_majority_of_101_is_51() -> None:
    assert absolute_majority(51, 101)
    assert not absolute_majority(50, 101)


def test_absolute_majority_of_100_is_51_not_50() -> None:
    assert not absolute_majority(50, 100)
    assert absolute_majority(51, 100)


def test_quarter_of_1001_registered_is_251() -> None:
    assert quarter_of_registered(251, 1001)
    assert not quarter_of_registered(250, 1001)


def test_quarter_of_1000_registered_is_exactly_250() -> None:
    assert quarter_of_registered(250, 1000)
    assert not quarter_of_registered(249, 1000)


def test_exactly_twelve_and_a_half_percent_qualifies() -> None:
    eighth = Fraction(1, 8)
    assert share_of_registered_reached(125, 1000, eighth)
    assert not share_of_registered_reached(124, 1000, eighth)
    # 1 001 inscrits: 125,125 votes needed, so 126
    assert share_of_registered_reached(126, 1001, eighth)
    assert not share_of_registered_reached(125, 1001, eighth)


def test_share_of_expressed() -> None:
    assert share_of_expressed_reached(5, 100, Fraction(1, 20))
    assert not share_of_expressed_reached(4, 100, Fraction(1, 20))


@pytest.mark.parametrize("bad", [-1, 1.0, True, "3"])
def test_predicates_refuse_non_counts(bad: object) -> None:
    with pytest.raises(InvalidTallyError):
        absolute_majority(bad, 10)  # type: ignore[arg-type]
    with pytest.raises(InvalidTallyError):
        quarter_of_registered(3, bad)  # type: ignore[arg-type]


def test_share_must_be_a_fraction() -> None:
    with pytest.raises(InvalidArgumentError, match="Fraction"):
        share_of_registered_reached(1, 8, 0.125)  # type: ignore[arg-type]


def test_threshold_records_give_votes_and_basis() -> None:
    majority = absolute_majority_threshold(101, "Code électoral, art. L126")
    assert (majority.votes, majority.met_by(51), majority.met_by(50)) == (51, True, False)
    assert majority.legal_basis == "Code électoral, art. L126"
    quarter = quarter_threshold(1001, "Code électoral, art. L126")
    assert (quarter.votes, quarter.met_by(251), quarter.met_by(250)) == (251, True, False)
    share = share_of_registered_threshold(Fraction(1, 8), 1000, "Code électoral, art. L162")
    assert (share.votes, share.met_by(125), share.met_by(124)) == (125, True, False)


def test_people_of_accepts_records_mappings_and_lists() -> None:
    a = Candidate(name="A", birth_date=dt.date(1950, 1, 1))
    b = Candidate(name="B")
    assert people_of([a, b]) == {"A": (a,), "B": (b,)}
    assert people_of({"X": a}) == {"X": (a,)}
    assert people_of({"A-B": (a, b)}) == {"A-B": (a, b)}
    assert people_of([PartyList(name="A-B", candidates=(a, b))]) == {"A-B": (a, b)}
    assert people_of(None) == {}


@pytest.mark.parametrize("bad", ["AB", [1], {"A": 3}, [Candidate(name="A"), Candidate(name="A")]])
def test_people_of_refuses_bad_input(bad: object) -> None:
    with pytest.raises(InvalidArgumentError):
        people_of(bad)  # type: ignore[arg-type]


def _plurinominal_rule(seats: int, people: Mapping[str, tuple[Candidate, ...]]) -> FirstRoundRule:
    return FirstRoundRule(
        election="sénatoriales",
        seats=seats,
        majority_basis="Code électoral, art. L294",
        quarter_basis="Code électoral, art. L294",
        qualification=Qualification.ALL_NOT_ELECTED,
        age=AgeRule(people=people, legal_basis="Code électoral, art. L294"),
    )


def test_more_passing_than_seats_goes_to_the_highest_then_oldest() -> None:
    # 3 candidates pass for 2 seats; B and C tie for the second seat; C is older.
    tally = Tally(votes={"A": 70, "B": 60, "C": 60, "D": 10}, registered=120, expressed=100,
                  names_per_ballot=2)
    people = {
        "B": (Candidate(name="B", birth_date=dt.date(1960, 1, 1)),),
        "C": (Candidate(name="C", birth_date=dt.date(1950, 1, 1)),),
    }
    outcome = first_round_outcome(tally, _plurinominal_rule(2, people))
    assert outcome.elected == ("A", "C")
    assert outcome.qualified == ()
    assert outcome.eliminated == ("B", "D")
    (tie,) = outcome.ties
    assert tie.contenders == ("B", "C")
    assert tie.winners == ("C",)
    assert tie.resolved


def test_age_tie_without_birth_dates_names_every_tied_candidate() -> None:
    tally = Tally(votes={"A": 70, "B": 60, "C": 60}, registered=120, expressed=100, names_per_ballot=2)
    people = {"B": (Candidate(name="B", birth_date=dt.date(1960, 1, 1)),)}
    with pytest.raises(UnresolvedTieError, match=r"'B', 'C'.*no birth date is known for 'C'") as info:
        first_round_outcome(tally, _plurinominal_rule(2, people), if_unresolved=IfUnresolved.RAISE)
    assert info.value.tie is not None
    assert info.value.tie.contenders == ("B", "C")


def test_same_birth_date_leaves_the_tie_unresolved() -> None:
    born = dt.date(1960, 1, 1)
    people = {name: (Candidate(name=name, birth_date=born),) for name in "AB"}
    outcome = relative_majority_outcome(
        Tally(votes={"A": 10, "B": 10}),
        election="législatives",
        seats=1,
        legal_basis="Code électoral, art. L126",
        age=AgeRule(people=people, legal_basis="Code électoral, art. L126"),
    )
    assert outcome.elected == ()
    assert outcome.undetermined
    assert outcome.ties[0].unresolved == ("A", "B")


def test_rule_validation() -> None:
    with pytest.raises(InvalidArgumentError):
        FirstRoundRule(election="x", seats=0, majority_basis="", quarter_basis=None,
                       qualification=Qualification.TOP_TWO)
    with pytest.raises(InvalidArgumentError):
        FirstRoundRule(election="x", seats=1, majority_basis="", quarter_basis=None,
                       qualification=Qualification.TOP_TWO, qualification_share=Fraction(1, 8))


def test_legal_basis_merges_articles_of_one_text() -> None:
    outcome = first_round_outcome(
        Tally(votes={"A": 3, "B": 2}, registered=10),
        FirstRoundRule(election="législatives", seats=1, majority_basis="Code électoral, art. L126",
                       quarter_basis="Code électoral, art. L126",
                       qualification=Qualification.SHARE_OR_TOP_TWO, qualification_share=Fraction(1, 8),
                       qualification_basis="Code électoral, art. L162"),
    )
    assert outcome.legal_basis == "Code électoral, art. L126, L162"
