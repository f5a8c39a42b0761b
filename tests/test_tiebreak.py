"""Tie-break policies: criteria in order, partial resolution, ages, and bad input."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from electoral_rules.errors import ElectoralRulesError, InvalidArgumentError, UnresolvedTieError
from electoral_rules.tally import Candidate, PartyList
from electoral_rules.tiebreak import (
    Criterion,
    IfUnresolved,
    TieBreak,
    _age_on,
    given_order,
    highest_list_average_age,
    lowest_list_average_age,
    most_votes,
    oldest_candidate,
)
from tests.strategies import list_names

VOTES = {"A": 10, "B": 10, "C": 7, "D": 10}


def test_most_votes_then_given_order() -> None:
    policy = TieBreak(criteria=(most_votes("art. L262"), given_order(["D", "B", "A", "C"])))
    tie = policy.settle(("A", "B", "C", "D"), seats=2, votes=VOTES, value=None, stage="last seats")
    assert tie.winners == ("D", "B")
    assert tie.resolved
    assert tie.resolved_by == ("most votes (art. L262)", "given order")
    assert (tie.contenders, tie.seats, tie.stage) == (("A", "B", "C", "D"), 2, "last seats")


def test_first_criterion_alone_can_settle() -> None:
    tie = TieBreak(criteria=(most_votes(), given_order(["C"]))).settle(("A", "C"), 1, votes=VOTES)
    assert tie.winners == ("A",)
    assert tie.resolved_by == ("most votes",)


def test_winners_at_a_higher_level_are_kept_before_narrowing() -> None:
    # 3 seats: A, B, D have 10 (too many for... no: 3 seats, 3 lists at 10 -> all win)
    tie = TieBreak(criteria=(most_votes(),)).settle(("A", "B", "C", "D"), 3, votes=VOTES)
    assert tie.winners == ("A", "B", "D")
    # 1 seat among C (7) and two lists at 10: most votes narrows to A and B, order decides
    tie = TieBreak(criteria=(most_votes(), given_order(["B", "A"]))).settle(("A", "B", "C"), 2, votes=VOTES)
    assert tie.winners == ("A", "B")


def test_given_order_ranks_missing_names_last_and_equal() -> None:
    policy = TieBreak(criteria=(given_order(["C"]),), if_unresolved=IfUnresolved.REPORT)
    tie = policy.settle(("A", "B", "C"), 2, votes=VOTES)
    assert tie.winners == ("C",)
    assert not tie.resolved
    assert tie.undetermined == 1
    assert tie.unresolved == ("A", "B")


def test_given_order_refuses_duplicates() -> None:
    with pytest.raises(InvalidArgumentError, match="'A' twice"):
        given_order(["A", "B", "A"])


def test_report_without_criteria() -> None:
    tie = TieBreak(if_unresolved=IfUnresolved.REPORT).settle(("A", "B"), 1, votes=VOTES, value=None)
    assert tie.winners == ()
    assert tie.unresolved == ("A", "B")
    assert tie.resolved_by == ()


def test_raise_names_contenders_and_criteria() -> None:
    policy = TieBreak(criteria=(most_votes(),))
    expected = r"between 'A', 'B' and 'D' \(1 seat at stake\) after most votes"
    with pytest.raises(UnresolvedTieError, match=expected) as info:
        policy.settle(("A", "B", "C", "D"), 2, votes={**VOTES, "C": 11})
    assert info.value.tie.winners == ("C",)
    assert info.value.tie.undetermined == 1


@pytest.mark.parametrize("seats", [0, 2, 3, -1])
def test_seats_must_be_fewer_than_contenders(seats: int) -> None:
    with pytest.raises(InvalidArgumentError, match=f"fewer seats \\({seats}\\)"):
        TieBreak().settle(("A", "B"), seats, votes=VOTES)


def test_most_votes_needs_the_contenders_votes() -> None:
    with pytest.raises(InvalidArgumentError, match="no votes given for 'E'") as info:
        TieBreak(criteria=(most_votes(),)).settle(("A", "E"), 1, votes=VOTES)
    assert isinstance(info.value, ElectoralRulesError)


def test_custom_criterion() -> None:
    shortest = Criterion("shortest name", lambda name, _votes: -len(name))
    tie = TieBreak(criteria=(shortest,)).settle(("Alpha", "Bo"), 1, votes={"Alpha": 1, "Bo": 1})
    assert tie.winners == ("Bo",)


# -- ages ----------------------------------------------------------------------------------

OLD = Candidate(name="Old", birth_date=dt.date(1940, 1, 1))
YOUNG = Candidate(name="Young", birth_date=dt.date(1990, 6, 30))
MID = Candidate(name="Mid", birth_date=dt.date(1965, 5, 5))
UNKNOWN = Candidate(name="Unknown")


def test_oldest_candidate_for_single_candidates() -> None:
    policy = TieBreak(criteria=(oldest_candidate({"A": YOUNG, "B": OLD}, legal_basis="art. L126"),))
    tie = policy.settle(("A", "B"), 1, votes={"A": 5, "B": 5})
    assert tie.winners == ("B",)
    assert tie.resolved_by == ("oldest candidate (art. L126)",)


def test_oldest_candidate_on_lists_and_binomes() -> None:
    lists: dict[str, PartyList | tuple[Candidate, ...]] = {
        "A": PartyList(name="A", candidates=[YOUNG, MID]),
        "B": (OLD, YOUNG),
    }
    tie = TieBreak(criteria=(oldest_candidate(lists),)).settle(("A", "B"), 1, votes={"A": 1, "B": 1})
    assert tie.winners == ("B",)
    # only the next candidate each list would seat counts: A's 2nd (Mid) against B's 2nd (Young)
    eligible = oldest_candidate(lists, eligible={"A": 1, "B": 1})
    assert TieBreak(criteria=(eligible,)).settle(("A", "B"), 1, votes={"A": 1, "B": 1}).winners == ("A",)


def test_age_criteria_fail_loudly_without_data() -> None:
    policy = TieBreak(criteria=(oldest_candidate({"A": OLD, "B": UNKNOWN}),))
    with pytest.raises(UnresolvedTieError, match="'Unknown' has no birth date"):
        policy.settle(("A", "B"), 1, votes={"A": 1, "B": 1})
    with pytest.raises(UnresolvedTieError, match="no candidate is known for it"):
        TieBreak(criteria=(oldest_candidate({"A": OLD}),)).settle(("A", "B"), 1, votes={"A": 1, "B": 1})
    beyond = oldest_candidate({"A": (OLD,), "B": (YOUNG,)}, eligible={"A": 1})
    with pytest.raises(UnresolvedTieError, match="no candidate left"):
        TieBreak(criteria=(beyond,)).settle(("A", "B"), 1, votes={"A": 1, "B": 1})


def test_list_average_ages() -> None:
    lists = {
        "A": PartyList(name="A", candidates=[OLD, YOUNG]),  # mean birth 1965
        "B": PartyList(name="B", candidates=[MID]),  # 1965-05-05, a little later
    }
    votes = {"A": 3, "B": 3}
    oldest = TieBreak(criteria=(highest_list_average_age(lists, legal_basis="art. L338"),))
    assert oldest.settle(("A", "B"), 1, votes=votes).winners == ("A",)
    assert oldest.settle(("A", "B"), 1, votes=votes).resolved_by == ("highest average age (art. L338)",)
    youngest = TieBreak(criteria=(lowest_list_average_age(lists),))
    assert youngest.settle(("A", "B"), 1, votes=votes).winners == ("B",)


def test_list_average_age_needs_lists_and_candidates() -> None:
    with pytest.raises(UnresolvedTieError, match="list of candidates is unknown"):
        TieBreak(criteria=(lowest_list_average_age({}),)).settle(("A", "B"), 1, votes={"A": 1, "B": 1})
    empty = {"A": PartyList(name="A"), "B": PartyList(name="B")}
    with pytest.raises(UnresolvedTieError, match="has no candidates"):
        TieBreak(criteria=(highest_list_average_age(empty),)).settle(("A", "B"), 1, votes={"A": 1, "B": 1})


def test_age_on() -> None:
    assert _age_on(YOUNG, dt.date(2020, 6, 29)) == 29
    assert _age_on(YOUNG, dt.date(2020, 6, 30)) == 30
    assert _age_on(UNKNOWN, dt.date(2020, 1, 1)) is None


# -- properties ----------------------------------------------------------------------------


@given(list_names(2, 8), st.data(), st.randoms(use_true_random=False))
def test_decisive_policy_always_settles_and_ignores_contender_order(
    names: list[str], data: st.DataObject, rnd: random.Random
) -> None:
    votes = {name: data.draw(st.integers(0, 3)) for name in names}
    seats = data.draw(st.integers(1, len(names) - 1))
    policy = TieBreak(criteria=(most_votes(), given_order(sorted(names))))
    tie = policy.settle(names, seats, votes=votes)
    assert tie.resolved
    assert len(tie.winners) == len(set(tie.winners)) == seats
    assert set(tie.winners) <= set(names)
    # every winner has at least as many votes as every loser
    losers = [name for name in names if name not in tie.winners]
    assert min(votes[w] for w in tie.winners) >= max(votes[name] for name in losers)
    shuffled = names[:]
    rnd.shuffle(shuffled)
    assert set(policy.settle(shuffled, seats, votes=votes).winners) == set(tie.winners)


@given(list_names(2, 8), st.data())
def test_reported_tie_is_consistent(names: list[str], data: st.DataObject) -> None:
    votes = {name: data.draw(st.integers(0, 2)) for name in names}
    seats = data.draw(st.integers(1, len(names) - 1))
    policy = TieBreak(criteria=(most_votes(),), if_unresolved=IfUnresolved.REPORT)
    tie = policy.settle(names, seats, votes=votes)
    assert len(tie.winners) + tie.undetermined == seats
    assert set(tie.unresolved).isdisjoint(tie.winners)
    if not tie.resolved:
        assert len(tie.unresolved) > tie.undetermined


def test_unresolved_names_only_those_still_tied() -> None:
    policy = TieBreak(criteria=(most_votes(),), if_unresolved=IfUnresolved.REPORT)
    tie = policy.settle(("A", "B", "C"), 1, votes={"A": 0, "B": 1, "C": 1})
    assert tie.unresolved == ("B", "C")
