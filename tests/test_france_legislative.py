"""Législatives (Code électoral, art. L126, L162): first and second rounds, eras, bad input."""

from __future__ import annotations

import datetime as dt

import pytest

from electoral_rules import Candidate, Tally
from electoral_rules.errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.france import legislative
from electoral_rules.france.common import RunnerUpTie

LITERAL = RunnerUpTie.UNDETERMINED


def test_elected_needs_majority_and_quarter() -> None:
    # 101 expressed, 1 001 registered: 251 votes is both a majority and a quarter.
    outcome = legislative.first_round(Tally(votes={"A": 251, "B": 0}, registered=1001, expressed=251))
    assert outcome.elected == ("A",)
    assert outcome.qualified == ()
    assert outcome.eliminated == ("B",)


def test_majority_without_quarter_is_not_elected() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 250, "B": 10}, registered=1001))
    assert outcome.elected == ()
    assert outcome.qualified == ("A", "B")  # B via the runner-up fallback


def test_exact_majority_boundary_on_101_expressed() -> None:
    elected = legislative.first_round(Tally(votes={"A": 51, "B": 50}, registered=200))
    assert elected.elected == ("A",)
    not_elected = legislative.first_round(Tally(votes={"A": 50, "B": 50, "C": 1}, registered=200))
    assert not_elected.elected == ()


def test_exact_quarter_boundary_on_1001_registered() -> None:
    assert legislative.first_round(Tally(votes={"A": 251, "B": 100}, registered=1001)).elected == ("A",)
    assert legislative.first_round(Tally(votes={"A": 250, "B": 100}, registered=1001)).elected == ()


def test_exactly_twelve_and_a_half_percent_qualifies_and_one_vote_less_does_not() -> None:
    outcome = legislative.first_round(
        Tally(votes={"A": 240, "B": 200, "C": 125, "D": 124}, registered=1000)
    )
    assert outcome.qualified == ("A", "B", "C")
    assert outcome.eliminated == ("D",)
    assert outcome.thresholds["qualification"].votes == 125


def test_thresholds_in_votes() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 51, "B": 30, "C": 20}, registered=1001))
    assert outcome.thresholds["absolute majority"].votes == 51
    assert outcome.thresholds["quarter of registered"].votes == 251
    assert outcome.thresholds["qualification"].votes == 126
    assert outcome.legal_basis == "Code électoral, art. L126, L162"


def test_only_one_reaches_the_threshold_runner_up_too() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 200, "B": 90, "C": 80}, registered=1000))
    assert outcome.qualified == ("A", "B")
    assert outcome.eliminated == ("C",)


def test_nobody_reaches_the_threshold_top_two() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 100, "B": 90, "C": 80}, registered=1000))
    assert outcome.qualified == ("A", "B")
    assert outcome.eliminated == ("C",)


def test_tie_for_the_runner_up_place_lets_all_tied_stand() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 200, "B": 90, "C": 90, "D": 5}, registered=1000))
    assert outcome.qualified == ("A", "B", "C")
    assert outcome.eliminated == ("D",)
    assert not outcome.undetermined
    (tie,) = outcome.ties
    assert tie.contenders == tie.winners == ("B", "C")
    assert "Aureilhan" in tie.resolved_by[0]


def test_tie_for_the_runner_up_place_is_undetermined_on_request() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 200, "B": 90, "C": 90, "D": 5}, registered=1000),
                                      runner_up_tie=LITERAL)
    assert outcome.qualified == ("A",)
    assert outcome.eliminated == ("D",)
    assert outcome.undetermined
    (tie,) = outcome.ties
    assert tie.contenders == ("B", "C")
    assert tie.seats == 1
    assert tie.unresolved == ("B", "C")
    assert tie.stage == "runner-up place"


def test_tie_for_second_place_with_nobody_at_the_threshold() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 100, "B": 90, "C": 90}, registered=1000))
    assert outcome.qualified == ("A", "B", "C")
    assert not outcome.undetermined
    outcome = legislative.first_round(Tally(votes={"A": 100, "B": 90, "C": 90}, registered=1000),
                                      runner_up_tie=LITERAL)
    assert outcome.qualified == ("A",)
    assert outcome.ties[0].contenders == ("B", "C")
    assert outcome.undetermined


def test_three_way_tie_for_first_place_with_nobody_at_the_threshold() -> None:
    assert legislative.first_round(Tally(votes={"A": 90, "B": 90, "C": 90}, registered=1000)).qualified == (
        "A", "B", "C")
    outcome = legislative.first_round(Tally(votes={"A": 90, "B": 90, "C": 90}, registered=1000),
                                      runner_up_tie=LITERAL)
    assert outcome.qualified == ()
    assert outcome.ties[0].seats == 2
    assert outcome.ties[0].contenders == ("A", "B", "C")


def test_tie_at_the_threshold_is_no_tie() -> None:
    outcome = legislative.first_round(Tally(votes={"A": 200, "B": 125, "C": 125}, registered=1000))
    assert outcome.qualified == ("A", "B", "C")
    assert outcome.ties == ()


def test_registered_is_required() -> None:
    with pytest.raises(InvalidTallyError, match=r"registered.*L126"):
        legislative.first_round(Tally(votes={"A": 10, "B": 5}))


def test_votes_above_registered_are_refused() -> None:
    with pytest.raises(InvalidTallyError, match=r"exceeds? registered"):
        legislative.first_round(Tally(votes={"A": 1200, "B": 5}, registered=1000))


def test_second_round_relative_majority() -> None:
    outcome = legislative.second_round(Tally(votes={"A": 400, "B": 350, "C": 300}))
    assert outcome.elected == ("A",)
    assert outcome.eliminated == ("B", "C")
    assert outcome.round == 2


def test_second_round_tie_goes_to_the_oldest() -> None:
    people = [
        Candidate(name="A", birth_date=dt.date(1970, 6, 1)),
        Candidate(name="B", birth_date=dt.date(1970, 5, 31)),
    ]
    outcome = legislative.second_round(Tally(votes={"A": 500, "B": 500}), people)
    assert outcome.elected == ("B",)
    assert outcome.eliminated == ("A",)
    assert outcome.ties[0].resolved
    assert "L126" in outcome.ties[0].resolved_by[0]


def test_second_round_tie_without_birth_dates_raises_naming_both() -> None:
    with pytest.raises(UnresolvedTieError, match=r"'A', 'B'"):
        legislative.second_round(Tally(votes={"A": 500, "B": 500}))
    with pytest.raises(UnresolvedTieError, match="no birth date is known for 'B'"):
        legislative.second_round(
            Tally(votes={"A": 500, "B": 500}), [Candidate(name="A", birth_date=dt.date(1950, 1, 1))]
        )


def test_eras() -> None:
    tally = Tally(votes={"A": 100, "B": 90}, registered=1000)
    assert legislative.first_round(tally, date=dt.date(2024, 6, 30)).qualified == ("A", "B")
    assert legislative.first_round(tally, date=dt.date(1978, 3, 12)).qualified == ("A", "B")
    with pytest.raises(NotImplementedRuleError, match="UNVERIFIED"):
        legislative.first_round(tally, date=dt.date(1973, 3, 4))
    with pytest.raises(UnsupportedEraError, match="proportional"):
        legislative.first_round(tally, date=dt.date(1986, 3, 16))
    with pytest.raises(UnsupportedEraError):
        legislative.first_round(tally, date=dt.date(1956, 1, 2))
    with pytest.raises(UnsupportedEraError, match="proportional"):
        legislative.second_round(tally, date=dt.date(1986, 3, 16))
    assert legislative.first_round(tally, date=dt.date(1988, 6, 5)).qualified == ("A", "B")


def test_date_must_be_a_date() -> None:
    with pytest.raises(ValueError, match=r"datetime\.date"):
        legislative.first_round(Tally(votes={"A": 1}, registered=2), date="2024-06-30")  # type: ignore[arg-type]


def test_runner_up_tie_must_be_the_enum() -> None:
    with pytest.raises(InvalidArgumentError, match="runner_up_tie must be a RunnerUpTie"):
        legislative.first_round(Tally(votes={"A": 9, "B": 1}, registered=10),
                                runner_up_tie="undetermined")  # type: ignore[arg-type]
