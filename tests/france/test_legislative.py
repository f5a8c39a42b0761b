"""Législatives (Code électoral, art. L126, L162): first and second rounds, eras, bad input."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules import Candidate, PartyList, RunnerUpTie, Tally
from electoral_rules.errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    UnresolvedTieError,
    UnsupportedEraError,
)
from electoral_rules.france import legislative
from electoral_rules.tiebreak import IfUnresolved
from tests.naive_collectivity import admitted_by, bonus_then_averages

LITERAL = RunnerUpTie.UNDETERMINED


def test_elected_needs_majority_and_quarter() -> None:
    # 101 expressed, 1 001 registered: 251 votes is both a majority and a quarter.
    outcome = legislative.elect(Tally(votes={"A": 251, "B": 0}, registered=1001, expressed=251))
    assert outcome.elected == ("A",)
    assert outcome.qualified == ()
    assert outcome.eliminated == ("B",)


def test_majority_without_quarter_is_not_elected() -> None:
    outcome = legislative.elect(Tally(votes={"A": 250, "B": 10}, registered=1001))
    assert outcome.elected == ()
    assert outcome.qualified == ("A", "B")  # B via the runner-up fallback


def test_exact_majority_boundary_on_101_expressed() -> None:
    elected = legislative.elect(Tally(votes={"A": 51, "B": 50}, registered=200))
    assert elected.elected == ("A",)
    not_elected = legislative.elect(Tally(votes={"A": 50, "B": 50, "C": 1}, registered=200))
    assert not_elected.elected == ()


def test_exact_quarter_boundary_on_1001_registered() -> None:
    assert legislative.elect(Tally(votes={"A": 251, "B": 100}, registered=1001)).elected == ("A",)
    assert legislative.elect(Tally(votes={"A": 250, "B": 100}, registered=1001)).elected == ()


def test_exactly_twelve_and_a_half_percent_qualifies_and_one_vote_less_does_not() -> None:
    outcome = legislative.elect(
        Tally(votes={"A": 240, "B": 200, "C": 125, "D": 124}, registered=1000)
    )
    assert outcome.qualified == ("A", "B", "C")
    assert outcome.eliminated == ("D",)
    assert outcome.thresholds["qualification"].votes == 125


def test_thresholds_in_votes() -> None:
    outcome = legislative.elect(Tally(votes={"A": 51, "B": 30, "C": 20}, registered=1001))
    assert outcome.thresholds["absolute majority"].votes == 51
    assert outcome.thresholds["quarter of registered"].votes == 251
    assert outcome.thresholds["qualification"].votes == 126
    assert outcome.legal_basis == "Code électoral, art. L126, L162"


def test_only_one_reaches_the_threshold_runner_up_too() -> None:
    outcome = legislative.elect(Tally(votes={"A": 200, "B": 90, "C": 80}, registered=1000))
    assert outcome.qualified == ("A", "B")
    assert outcome.eliminated == ("C",)


def test_nobody_reaches_the_threshold_top_two() -> None:
    outcome = legislative.elect(Tally(votes={"A": 100, "B": 90, "C": 80}, registered=1000))
    assert outcome.qualified == ("A", "B")
    assert outcome.eliminated == ("C",)


def test_tie_for_the_runner_up_place_lets_all_tied_stand() -> None:
    outcome = legislative.elect(Tally(votes={"A": 200, "B": 90, "C": 90, "D": 5}, registered=1000))
    assert outcome.qualified == ("A", "B", "C")
    assert outcome.eliminated == ("D",)
    assert not outcome.undetermined
    (tie,) = outcome.ties
    assert tie.contenders == tie.winners == ("B", "C")
    assert "Aureilhan" in tie.resolved_by[0]


def test_tie_for_the_runner_up_place_is_undetermined_on_request() -> None:
    outcome = legislative.elect(Tally(votes={"A": 200, "B": 90, "C": 90, "D": 5}, registered=1000),
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
    outcome = legislative.elect(Tally(votes={"A": 100, "B": 90, "C": 90}, registered=1000))
    assert outcome.qualified == ("A", "B", "C")
    assert not outcome.undetermined
    outcome = legislative.elect(Tally(votes={"A": 100, "B": 90, "C": 90}, registered=1000),
                                      runner_up_tie=LITERAL)
    assert outcome.qualified == ("A",)
    assert outcome.ties[0].contenders == ("B", "C")
    assert outcome.undetermined


def test_three_way_tie_for_first_place_with_nobody_at_the_threshold() -> None:
    assert legislative.elect(Tally(votes={"A": 90, "B": 90, "C": 90}, registered=1000)).qualified == (
        "A", "B", "C")
    outcome = legislative.elect(Tally(votes={"A": 90, "B": 90, "C": 90}, registered=1000),
                                      runner_up_tie=LITERAL)
    assert outcome.qualified == ()
    assert outcome.ties[0].seats == 2
    assert outcome.ties[0].contenders == ("A", "B", "C")


def test_tie_at_the_threshold_is_no_tie() -> None:
    outcome = legislative.elect(Tally(votes={"A": 200, "B": 125, "C": 125}, registered=1000))
    assert outcome.qualified == ("A", "B", "C")
    assert outcome.ties == ()


def test_registered_is_required() -> None:
    with pytest.raises(InvalidTallyError, match=r"registered.*L126"):
        legislative.elect(Tally(votes={"A": 10, "B": 5}))


def test_votes_above_registered_are_refused() -> None:
    with pytest.raises(InvalidTallyError, match=r"exceeds? registered"):
        legislative.elect(Tally(votes={"A": 1200, "B": 5}, registered=1000))


def test_second_round_relative_majority() -> None:
    outcome = legislative.elect(Tally(votes={"A": 400, "B": 350, "C": 300}), round=2)
    assert outcome.elected == ("A",)
    assert outcome.eliminated == ("B", "C")
    assert outcome.round == 2


def test_second_round_tie_goes_to_the_oldest() -> None:
    people = [
        Candidate(name="A", birth_date=dt.date(1970, 6, 1)),
        Candidate(name="B", birth_date=dt.date(1970, 5, 31)),
    ]
    outcome = legislative.elect(Tally(votes={"A": 500, "B": 500}), round=2, people=people)
    assert outcome.elected == ("B",)
    assert outcome.eliminated == ("A",)
    assert outcome.ties[0].resolved
    assert "L126" in outcome.ties[0].resolved_by[0]


def test_second_round_tie_without_birth_dates_raises_naming_both() -> None:
    with pytest.raises(UnresolvedTieError, match=r"'A', 'B'"):
        legislative.elect(Tally(votes={"A": 500, "B": 500}), round=2, if_unresolved=IfUnresolved.RAISE)
    with pytest.raises(UnresolvedTieError, match="no birth date is known for 'B'"):
        legislative.elect(
            Tally(votes={"A": 500, "B": 500}), round=2, people=[Candidate(name="A", birth_date=dt.date(1950, 1, 1))], if_unresolved=IfUnresolved.RAISE)


def test_eras() -> None:
    tally = Tally(votes={"A": 100, "B": 90}, registered=1000)
    assert legislative.elect(tally, date=dt.date(2024, 6, 30)).qualified == ("A", "B")
    assert legislative.elect(tally, date=dt.date(1978, 3, 12)).qualified == ("A", "B")
    with pytest.raises(NotImplementedRuleError, match="UNVERIFIED"):
        legislative.elect(tally, date=dt.date(1973, 3, 4))
    with pytest.raises(InvalidArgumentError, match="proportional"):
        legislative.elect(tally, date=dt.date(1986, 3, 16))
    with pytest.raises(UnsupportedEraError):
        legislative.elect(tally, date=dt.date(1956, 1, 2))
    with pytest.raises(InvalidArgumentError, match="proportional"):
        legislative.elect(tally, round=2, date=dt.date(1986, 3, 16))
    assert legislative.elect(tally, date=dt.date(1988, 6, 5)).qualified == ("A", "B")


def test_date_must_be_a_date() -> None:
    with pytest.raises(ValueError, match=r"datetime\.date"):
        legislative.elect(Tally(votes={"A": 1}, registered=2), date="30/06/2024")
    with pytest.raises(ValueError, match=r"datetime\.date"):
        legislative.elect(Tally(votes={"A": 1}, registered=2), date=dt.datetime(2024, 6, 30))
    assert legislative.elect(Tally(votes={"A": 1}, registered=2), date="2024-06-30").elected == ("A",)


def test_runner_up_tie_must_be_the_enum() -> None:
    with pytest.raises(InvalidArgumentError, match="runner_up_tie must be a RunnerUpTie"):
        legislative.elect(Tally(votes={"A": 9, "B": 1}, registered=10),
                                runner_up_tie="undetermined")  # type: ignore[arg-type]


# --- 1986: departmental proportional representation (L123-L125, loi n° 85-690) ---------------

def test_1986_worked_example_and_five_percent_of_expressed() -> None:
    # 146 000 expressed: 5 % is 7 300, so E (4 000) is out; six highest averages:
    # A 61 000, B 58 000, A 30 500, B 29 000, A 20 333, B 19 333 (C 14 000 comes next)
    result = legislative.proportional({"A": 61000, "B": 58000, "C": 14000, "D": 9000, "E": 4000}, 6)
    assert dict(result) == {"A": 3, "B": 3, "C": 0, "D": 0, "E": 0}
    assert result.excluded == ("E",)
    assert "85-690" in result.legal_basis and "1986-03-16" in result.legal_basis
    # seats 7 to 9: A 15 250, B 14 500, then C 14 000 (before A 12 200)
    nine = legislative.proportional({"A": 61000, "B": 58000, "C": 14000, "D": 9000, "E": 4000}, 9)
    assert dict(nine) == {"A": 4, "B": 4, "C": 1, "D": 0, "E": 0}
    on_the_line = legislative.proportional({"A": 900, "B": 50, "C": 50}, 20)
    assert on_the_line.excluded == ()  # exactly 5 % is admitted ("au moins")


def test_1986_last_seat_tie_most_votes_then_oldest_candidate() -> None:
    # 2 seats: A 200 and B 100 both average 100 for the second seat -> most votes: A
    assert dict(legislative.proportional({"A": 200, "B": 100}, 2)) == {"A": 2, "B": 0}
    lists = [PartyList(name="A", candidates=[Candidate(name="a1", birth_date=dt.date(1950, 1, 1))]),
             PartyList(name="B", candidates=[Candidate(name="b1", birth_date=dt.date(1930, 1, 1))])]
    tied = legislative.proportional({"A": 100, "B": 100}, 1, people=lists)
    assert dict(tied) == {"A": 0, "B": 1}
    assert tied.elected == {"B": ("b1",)}
    unknown = legislative.proportional({"A": 100, "B": 100}, 1)
    assert unknown.undetermined == 1 and unknown.ties


@pytest.mark.parametrize("seats", [0, -1, True, 2.0])
def test_1986_department_seats_must_be_at_least_one(seats: object) -> None:
    with pytest.raises(InvalidArgumentError, match=r"seats=.*tableau n° 1"):
        legislative.proportional({"A": 100}, seats)  # type: ignore[arg-type]


def test_1986_outside_its_era_is_refused() -> None:
    assert legislative.proportional({"A": 1}, 1, date="1985-07-11")["A"] == 1
    for day in (dt.date(1985, 7, 10), dt.date(1986, 7, 12), dt.date(1988, 6, 5)):
        with pytest.raises(UnsupportedEraError, match="16 March 1986"):
            legislative.proportional({"A": 1}, 1, date=day)
    with pytest.raises(InvalidArgumentError):
        legislative.proportional({"A": 1}, 1, date="16/03/1986")


@given(st.dictionaries(st.sampled_from("ABCDEFGH"), st.integers(0, 10**6), min_size=1, max_size=8),
       st.integers(1, 40))
def test_1986_matches_the_seat_by_seat_reference(votes: dict[str, int], seats: int) -> None:
    if not any(votes.values()):
        return
    admitted = admitted_by(votes, 1, 20)
    expected = bonus_then_averages(votes, seats, winner=None, bonus=0, admitted=admitted)
    result = legislative.proportional(votes, seats)
    if expected is not None:
        assert dict(result) == expected
    assert sum(result.values()) + result.undetermined == seats
