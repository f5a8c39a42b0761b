"""The list-vote engine: ListRule and allocate (electoral_rules.france.list_engine)."""

from __future__ import annotations

import datetime as dt
import warnings
from fractions import Fraction

import pytest

from electoral_rules import Candidate, IfUnresolved, Note, NoteKind, PartyList, Tally, dhondt
from electoral_rules.errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NoMajorityError,
    UnresolvedTieError,
)
from electoral_rules.france.list_engine import (
    BonusRounding,
    FirstPlaceTie,
    LastSeatTie,
    ListRule,
    ThresholdBase,
    allocate,
    allocate_with_bonus,
)

HALF = ListRule(
    election="municipales", legal_basis="L262", bonus_share=Fraction(1, 2),
    bonus_rounding=BonusRounding.UP_ABOVE_FOUR_SEATS, majority_basis="L262 al.2", threshold=Fraction(1, 20),
    last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
)


@pytest.mark.parametrize(("seats", "bonus"), [(1, 0), (2, 1), (3, 1), (4, 2), (5, 3), (15, 8), (19, 10)])
def test_bonus_rounding_of_l262(seats: int, bonus: int) -> None:
    assert HALF.bonus_for(seats) == bonus


def test_quarter_rounded_up_and_fixed_bonus() -> None:
    quarter = ListRule(election="r", legal_basis="L338", bonus_share=Fraction(1, 4), majority_basis="L338")
    assert [quarter.bonus_for(s) for s in (1, 4, 5, 41)] == [1, 1, 2, 11]
    down = ListRule(election="r", legal_basis="x", bonus_share=Fraction(1, 4), majority_basis="x",
                    bonus_rounding=BonusRounding.DOWN)
    assert [down.bonus_for(s) for s in (1, 4, 5, 41)] == [0, 1, 1, 10]
    fixed = ListRule(election="g", legal_basis="x", bonus_seats=11, majority_basis="x")
    assert fixed.bonus_for(51) == 11
    with pytest.raises(InvalidArgumentError, match="exceeds"):
        fixed.bonus_for(5)


@pytest.mark.parametrize(
    "changes",
    [
        {"bonus_share": Fraction(1, 2), "bonus_seats": 3, "majority_basis": "x"},
        {"bonus_share": Fraction(1, 2)},
        {"bonus_share": Fraction(3, 2), "majority_basis": "x"},
        {"threshold": Fraction(0)},
        {"threshold": 0.05},
        {"last_seat_tie": "none"},
        {"election": ""},
    ],
)
def test_bad_rules_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(InvalidArgumentError):
        ListRule(**{"election": "e", "legal_basis": "b", **changes})  # type: ignore[arg-type]


def test_without_bonus_it_is_dhondt_with_threshold() -> None:
    rule = ListRule(election="e", legal_basis="b", threshold=Fraction(1, 20))
    votes = {"A": 5000, "B": 3000, "C": 1500, "D": 499}
    assert allocate(votes, 10, rule) == dhondt(votes, 10, threshold=Fraction(1, 20))


def test_first_round_needs_a_majority_even_when_the_bonus_rounds_to_no_seat() -> None:
    # L262 al.2: without an absolute majority in round 1 no seat is allocated, whatever the
    # bonus: one seat (L262 rounds half of it down to 0, L273-8 applies L262) included
    assert HALF.bonus_for(1) == 0
    with pytest.raises(NoMajorityError, match=r"L262 al\.2"):
        allocate({"A": 45, "B": 35, "C": 20}, 1, HALF)
    with pytest.raises(NoMajorityError):
        allocate({"A": 50, "B": 50}, 1, HALF)
    one = allocate({"A": 60, "B": 40}, 1, HALF)
    assert dict(one) == {"A": 1, "B": 0} and one.bonus == {}
    assert dict(allocate({"A": 45, "B": 35, "C": 20}, 1, HALF, round=2)) == {"A": 1, "B": 0, "C": 0}
    # a rule without a bonus has no majority condition: round 1 still allocates
    plain = ListRule(election="e", legal_basis="b", threshold=Fraction(1, 20))
    assert dict(allocate({"A": 45, "B": 35, "C": 20}, 1, plain)) == {"A": 1, "B": 0, "C": 0}


def test_first_round_needs_a_majority_second_round_most_votes() -> None:
    with pytest.raises(NoMajorityError):
        allocate({"A": 50, "B": 50}, 15, HALF)
    result = allocate({"A": 413, "B": 350}, 15, HALF, round=2)
    assert dict(result) == {"A": 12, "B": 3} and dict(result.bonus) == {"A": 8}


def test_threshold_of_registered_needs_registered() -> None:
    rule = ListRule(election="e", legal_basis="b", threshold=Fraction(1, 20), threshold_base=ThresholdBase.REGISTERED,
                    threshold_basis="art. X")
    with pytest.raises(InvalidTallyError, match=r"registered.*art\. X"):
        allocate({"A": 60, "B": 40}, 5, rule)
    # 4 votes of 100 expressed pass 5 % of expressed, not 5 % of 200 registered
    tally = Tally(votes={"A": 60, "B": 36, "C": 4}, registered=200)
    result = allocate(tally, 10, rule)
    assert result.excluded == ("C",) and result.threshold is not None and result.threshold.base == "registered"
    assert allocate(tally.votes, 10, ListRule(election="e", legal_basis="b", threshold=Fraction(1, 20)))["C"] == 0


def test_bonus_list_may_be_kept_out_of_the_rest() -> None:
    apart = ListRule(election="e", legal_basis="b", bonus_seats=2, majority_basis="m", bonus_list_shares=False)
    result = allocate({"A": 60, "B": 30, "C": 10}, 6, apart)
    assert dict(result) == {"A": 2, "B": 3, "C": 1}
    assert result.votes == {"A": 60, "B": 30, "C": 10}


def test_first_place_tie_without_rule_is_reported_or_raised() -> None:
    rule = ListRule(election="e", legal_basis="b", bonus_seats=2, majority_basis="m",
                    first_place_tie=FirstPlaceTie.NO_RULE)
    result = allocate({"A": 50, "B": 50}, 4, rule, round=2)
    assert result.bonus == {} and result.undetermined == 2 and dict(result) == {"A": 1, "B": 1}
    assert result.ties[0].stage == "majority bonus"
    assert result.notes[-1] == Note.of(NoteKind.TIE_UNSETTLED, stage="majority bonus", contenders=("A", "B"),
                                       seats=1, criteria=(), reason="no-rule")
    with pytest.raises(UnresolvedTieError, match="majority bonus") as caught:
        allocate({"A": 50, "B": 50}, 4, rule, round=2, if_unresolved=IfUnresolved.RAISE)
    assert caught.value.outcome == result


def test_last_seat_by_the_next_candidate_of_each_list_one_run() -> None:
    # A 200 and B 100 for 3 proportional seats: averages 100 (A's 2nd) and 100 (B's 1st) tie;
    # most votes gives it to A.
    rule = ListRule(election="e", legal_basis="b", last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST)
    assert dict(allocate({"A": 200, "B": 100}, 2, rule)) == {"A": 2, "B": 0}
    # equal votes: the next candidate of each list, by age
    lists = [PartyList(name="A", candidates=[Candidate(name="a1", birth_date=dt.date(1990, 1, 1)),
                                             Candidate(name="a2", birth_date=dt.date(1980, 1, 1))]),
             PartyList(name="B", candidates=[Candidate(name="b1", birth_date=dt.date(1960, 1, 1)),
                                             Candidate(name="b2", birth_date=dt.date(1985, 1, 1))])]
    result = allocate({"A": 100, "B": 100}, 3, rule, people=lists)
    # after one seat each the third is tied: the next candidates are a2 (1980) and b2 (1985)
    assert dict(result) == {"A": 2, "B": 1}
    assert dict(result.elected) == {"A": ("a1", "a2"), "B": ("b1",)}
    missing = allocate({"A": 100, "B": 100}, 3, rule)
    assert missing.undetermined == 1 and missing.notes[-1].kind is NoteKind.TIE_UNSETTLED
    assert missing.notes[-1]["reason"] == "missing-data"


def test_allocate_with_bonus_is_deprecated_and_agrees() -> None:
    with pytest.warns(DeprecationWarning, match="ListRule"):
        old = allocate_with_bonus({"A": 362, "B": 188}, 15, bonus={"A": 8}, threshold=Fraction(1, 20),
                                  legal_basis="L262")
    assert old == allocate({"A": 362, "B": 188}, 15, HALF) == {"A": 13, "B": 2}


def test_old_module_names_warn_and_resolve() -> None:
    import importlib
    import sys

    for old, new in (("common", "round_engine"), ("list_vote", "list_engine")):
        sys.modules.pop(f"electoral_rules.france.{old}", None)
        with pytest.warns(DeprecationWarning, match=new):
            module = importlib.import_module(f"electoral_rules.france.{old}")
        engine = importlib.import_module(f"electoral_rules.france.{new}")
        assert module.__all__ == engine.__all__
        for name in engine.__all__:
            assert getattr(module, name) is getattr(engine, name)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        importlib.import_module("electoral_rules.france.round_engine")
