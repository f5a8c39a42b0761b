"""Hypothesis properties of the French majoritarian rounds, some against a naive reference."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

from hypothesis import assume, example, given
from hypothesis import strategies as st

from electoral_rules import Candidate, RoundOutcome, Tally
from electoral_rules.france import departmental, legislative, municipal, presidential, regional

NAMES = tuple("ABCDEFGH")


@st.composite
def single_name_tallies(draw: st.DrawFn, min_size: int = 1, max_votes: int = 300) -> Tally:
    """A one-name-per-ballot tally with registered at or above the expressed votes."""
    size = draw(st.integers(min_value=min_size, max_value=len(NAMES)))
    votes = {name: draw(st.integers(min_value=0, max_value=max_votes)) for name in NAMES[:size]}
    expressed = sum(votes.values())
    registered = expressed + draw(st.integers(min_value=0, max_value=4 * max_votes))
    return Tally(votes=votes, registered=registered)


@st.composite
def plurinominal(draw: st.DrawFn) -> tuple[Tally, int]:
    """Ballots drawn one by one, each naming up to ``seats`` distinct candidates."""
    seats = draw(st.integers(min_value=1, max_value=4))
    size = draw(st.integers(min_value=1, max_value=len(NAMES)))
    names = NAMES[:size]
    ballots = draw(
        st.lists(
            st.sets(st.sampled_from(names), min_size=1, max_size=min(seats, size)), min_size=1, max_size=40
        )
    )
    votes = {name: sum(name in ballot for ballot in ballots) for name in names}
    registered = len(ballots) + draw(st.integers(min_value=0, max_value=60))
    tally = Tally(votes=votes, registered=registered, expressed=len(ballots), names_per_ballot=seats)
    return tally, seats


PEOPLE = [Candidate(name=name, birth_date=dt.date(1950 + index, 1, 1)) for index, name in enumerate(NAMES)]
MARCH_2020 = dt.date(2020, 3, 15)


def _contenders(outcome: RoundOutcome) -> set[str]:
    """Those who may stand in round 2, plus those tied for a place there."""
    tied = {name for tie in outcome.ties for name in tie.unresolved}
    return set(outcome.qualified) | tied


# -- reference ------------------------------------------------------------------------------


def reference_legislative(tally: Tally) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """L126 and L162 written naively with Fractions; ``None`` when a tie makes it ambiguous."""
    assert tally.registered is not None
    votes = dict(tally.votes)
    expressed, registered = tally.expressed, tally.registered
    if registered == 0:
        return None
    elected = tuple(
        name
        for name, v in votes.items()
        if Fraction(v, expressed or 1) > Fraction(1, 2) and Fraction(v, registered) >= Fraction(1, 4)
    )
    if elected:
        return elected, ()
    ranked = sorted(votes, key=lambda name: -votes[name])
    reached = [name for name in ranked if Fraction(votes[name], registered) >= Fraction(1, 8)]
    if len(reached) >= 2:
        return (), tuple(reached)
    others = [name for name in ranked if name not in reached]
    need = 2 - len(reached)
    if len(others) > need and votes[others[need - 1]] == votes[others[need]]:
        return None
    return (), tuple(reached + others[:need])


@given(single_name_tallies())
@example(Tally(votes={"A": 51, "B": 50}, registered=101))
@example(Tally(votes={"A": 125, "B": 124, "C": 100}, registered=1000))
def test_legislative_first_round_matches_the_reference(tally: Tally) -> None:
    expected = reference_legislative(tally)
    assume(expected is not None)
    outcome = legislative.elect(tally)
    assert (outcome.elected, outcome.qualified) == expected


# -- the properties -------------------------------------------------------------------


@given(plurinominal(), st.sampled_from([1, 2]))
def test_never_more_elected_than_seats(case: tuple[Tally, int], round_: int) -> None:
    tally, seats = case
    people = [person for person in PEOPLE if person.name in tally.votes]
    outcome = municipal.elect(tally, seats, round=round_, date=MARCH_2020, people=people)
    assert len(outcome.elected) <= seats
    assert len(set(outcome.elected)) == len(outcome.elected)
    everyone = set(outcome.elected) | set(outcome.qualified) | set(outcome.eliminated)
    assert everyone | {n for tie in outcome.ties for n in tie.unresolved} == set(tally.votes)
    if round_ == 2:
        assert len(outcome.elected) == min(seats, len(tally.votes))


@given(single_name_tallies())
def test_single_seat_winner_leaves_nobody_for_round_two(tally: Tally) -> None:
    for outcome in (
        legislative.elect(tally),
        departmental.elect(tally),
        presidential.elect(tally),
    ):
        assert len(outcome.elected) <= 1
        if outcome.elected:
            assert outcome.qualified == ()
            assert outcome.ties == ()
            assert set(outcome.eliminated) == set(tally.votes) - set(outcome.elected)


@given(single_name_tallies(min_size=2), st.data())
def test_adding_votes_to_a_qualified_candidate_never_disqualifies(tally: Tally, data: st.DataObject) -> None:
    assert tally.registered is not None
    for rule in (legislative.elect, departmental.elect, presidential.elect):
        before = rule(tally)
        if not before.qualified:
            continue
        name = data.draw(st.sampled_from(before.qualified))
        extra = data.draw(st.integers(min_value=1, max_value=200))
        votes = dict(tally.votes)
        votes[name] += extra
        after = rule(Tally(votes=votes, registered=tally.registered + extra))
        assert name in after.qualified or name in after.elected


@given(single_name_tallies(min_size=2))
def test_top_two_fallback_yields_at_least_two_contenders(tally: Tally) -> None:
    for rule in (legislative.elect, departmental.elect, presidential.elect):
        outcome = rule(tally)
        if not outcome.elected:
            assert len(_contenders(outcome)) >= 2


@given(single_name_tallies(min_size=2))
def test_presidential_never_uses_age(tally: Tally) -> None:
    outcome = presidential.elect(tally)
    for tie in outcome.ties:
        assert tie.resolved_by == ()
        assert not tie.resolved


@given(single_name_tallies(min_size=1))
def test_order_of_the_tally_only_breaks_display_order(tally: Tally) -> None:
    reversed_tally = Tally(votes=dict(reversed(list(tally.votes.items()))), registered=tally.registered)
    one, two = legislative.elect(tally), legislative.elect(reversed_tally)
    assert set(one.elected) == set(two.elected)
    assert set(one.qualified) == set(two.qualified)
    assert {frozenset(t.contenders) for t in one.ties} == {frozenset(t.contenders) for t in two.ties}


def reference_plurinominal_round_one(tally: Tally, seats: int) -> tuple[str, ...] | None:
    """L253/L294 naively: pass both tests, keep the ``seats`` best; ``None`` on a boundary tie."""
    assert tally.registered is not None
    passing = [
        name
        for name, v in tally.votes.items()
        if Fraction(v, tally.expressed) > Fraction(1, 2)
        and (tally.registered == 0 or Fraction(v, tally.registered) >= Fraction(1, 4))
    ]
    passing.sort(key=lambda name: -tally.votes[name])
    if len(passing) > seats and tally.votes[passing[seats - 1]] == tally.votes[passing[seats]]:
        return None
    return tuple(passing[:seats])


@given(plurinominal())
def test_plurinominal_round_one_matches_the_reference(case: tuple[Tally, int]) -> None:
    tally, seats = case
    expected = reference_plurinominal_round_one(tally, seats)
    assume(expected is not None)
    outcome = municipal.elect(tally, seats, date=MARCH_2020)
    assert set(outcome.elected) == set(expected or ())
    assert outcome.ties == ()
    if len(outcome.elected) < seats:
        assert set(outcome.qualified) == set(tally.votes) - set(outcome.elected)


@given(single_name_tallies(min_size=2))
def test_presidential_first_round_matches_the_reference(tally: Tally) -> None:
    ranked = sorted(tally.votes, key=lambda name: -tally.votes[name])
    majority = [name for name in ranked if 2 * tally.votes[name] > tally.expressed]
    outcome = presidential.elect(tally)
    if majority:
        assert outcome.elected == tuple(majority)
        return
    votes = [tally.votes[name] for name in ranked]
    if len(votes) > 2 and votes[1] == votes[2]:
        assert outcome.undetermined
    else:
        assert set(outcome.qualified) == set(ranked[:2])


def _naive_fallback(votes: dict[str, int], reached: set[str]) -> set[str]:
    """Who may stand when the top-two fallback lets every candidate tied for a place stand."""
    if len(reached) >= 2:
        return set(reached)
    others = sorted((name for name in votes if name not in reached), key=lambda name: -votes[name])
    need = 2 - len(reached)
    if len(others) <= need:
        return reached | set(others)
    cut = votes[others[need - 1]]
    return reached | {name for name in others if votes[name] >= cut}


@given(single_name_tallies(min_size=2, max_votes=12))
@example(Tally(votes={"A": 200, "B": 90, "C": 90, "D": 5}, registered=1000))
@example(Tally(votes={"A": 90, "B": 90, "C": 90}, registered=1000))
def test_legislative_fallback_against_naive_reference(tally: Tally) -> None:
    outcome = legislative.elect(tally)
    if outcome.elected:
        return
    assert tally.registered is not None
    reached = {name for name, count in tally.votes.items() if 8 * count >= tally.registered}
    assert set(outcome.qualified) == _naive_fallback(dict(tally.votes), reached)
    assert not outcome.undetermined
    assert set(outcome.qualified) | set(outcome.eliminated) == set(tally.votes)


@given(st.dictionaries(st.sampled_from(NAMES), st.integers(min_value=0, max_value=12), min_size=2))
def test_regional_fallback_against_naive_reference(votes: dict[str, int]) -> None:
    assume(sum(votes.values()) > 0)
    expressed = sum(votes.values())
    outcome = regional.second_round_qualification(votes, date=dt.date(2021, 6, 20))
    if outcome.elected:
        return
    reached = {name for name, count in votes.items() if 10 * count >= expressed}
    positive = {name: count for name, count in votes.items() if count > 0}
    assert set(outcome.qualified) == _naive_fallback(positive, reached)
