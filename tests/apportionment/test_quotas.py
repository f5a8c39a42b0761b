"""Largest-remainder methods and the quota functions."""

from __future__ import annotations

import random
from collections.abc import Mapping
from fractions import Fraction

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from electoral_rules.apportionment import (
    OverAllocation,
    Quota,
    droop_quota,
    hagenbach_bischoff_quota,
    hagenbach_bischoff_rounded_quota,
    hare_quota,
    imperiali_quota,
    largest_remainder,
)
from electoral_rules.errors import (
    ElectoralRulesError,
    InvalidArgumentError,
    InvalidTallyError,
    NoEligibleListError,
    UnresolvedTieError,
)
from electoral_rules.outcome import Method, Note, NoteKind, StepKind
from electoral_rules.tiebreak import TieBreak, given_order
from tests.common import AFP, REPORT, decisive
from tests.naive import naive_largest_remainder
from tests.strategies import house_sizes, votes_mappings

ALL_QUOTAS = st.sampled_from(list(Quota))
EXACT_QUOTAS = st.sampled_from([Quota.HARE, Quota.HAGENBACH_BISCHOFF, Quota.IMPERIALI])


def allocate(votes: Mapping[str, int], seats: int, quota: Quota, policy: TieBreak) -> dict[str, int] | None:
    """The seats, or ``None`` when the rounded quota is 0 (too few votes for the house)."""
    if quota is Quota.HAGENBACH_BISCHOFF_ROUNDED and seats and quota.of(sum(votes.values()), seats) == 0:
        with pytest.raises(InvalidArgumentError, match="is 0"):
            largest_remainder(votes, seats, quota=quota, tie_break=policy)
        return None
    return dict(largest_remainder(votes, seats, quota=quota, tie_break=policy))


# -- quota functions -----------------------------------------------------------------------


def test_quota_values_are_exact() -> None:
    assert hare_quota(1534, 5) == Fraction(1534, 5)
    assert droop_quota(1534, 5) == 256
    assert isinstance(droop_quota(1534, 5), int)
    assert droop_quota(1530, 5) == 256  # floor(1530 / 6) + 1: an integer by definition
    assert hagenbach_bischoff_quota(1534, 5) == Fraction(1534, 6)
    assert imperiali_quota(1534, 5) == Fraction(1534, 7)


@pytest.mark.parametrize(
    ("votes", "seats", "expected"),
    [(2_061_100, 150, 13_650), (13, 1, 7), (12, 3, 3), (14, 3, 4), (1, 1, 1), (1, 2, 0)],
)
def test_rounded_hagenbach_bischoff_rounds_half_up(votes: int, seats: int, expected: int) -> None:
    assert hagenbach_bischoff_rounded_quota(votes, seats) == expected


@given(st.integers(0, 10**15), st.integers(1, 10**6))
def test_rounded_hagenbach_bischoff_is_nearest_integer(votes: int, seats: int) -> None:
    quota = hagenbach_bischoff_rounded_quota(votes, seats)
    exact = Fraction(votes, seats + 1)
    assert abs(quota - exact) <= Fraction(1, 2)
    assert exact - quota < Fraction(1, 2)  # halves go up


@pytest.mark.parametrize(
    "function",
    [hare_quota, droop_quota, hagenbach_bischoff_quota, hagenbach_bischoff_rounded_quota, imperiali_quota],
)
def test_quota_bad_input(function: object) -> None:
    assert callable(function)
    with pytest.raises(InvalidArgumentError, match="seats = 0"):
        function(100, 0)
    with pytest.raises(InvalidTallyError, match="-5"):
        function(-5, 3)
    with pytest.raises(InvalidTallyError, match=r"2\.5"):
        function(100, 2.5)


def test_quota_enum_of() -> None:
    assert Quota.DROOP.of(1534, 5) == Fraction(256)
    assert [quota.of(100, 4) for quota in Quota] == [
        Fraction(25), Fraction(21), Fraction(20), Fraction(20), Fraction(50, 3)
    ]


# -- unit tests ----------------------------------------------------------------------------


def test_afp_votes() -> None:
    result = largest_remainder(AFP, 5)
    assert dict(result) == {"A": 3, "B": 1, "C": 1}
    assert result.quotient == Fraction(1534, 5)
    assert result.method is Method.LR_HARE
    assert result.method.value == "largest remainder (Hare quota)"  # the name earlier releases stored


def test_hare_and_droop_differ() -> None:
    votes = {"A": 47, "B": 16, "C": 15, "D": 12, "E": 6, "F": 4}
    assert dict(largest_remainder(votes, 5)) == {"A": 2, "B": 1, "C": 1, "D": 1, "E": 0, "F": 0}
    droop = largest_remainder(votes, 5, quota=Quota.DROOP)
    assert dict(droop) == {"A": 3, "B": 1, "C": 1, "D": 0, "E": 0, "F": 0}
    assert droop.quotient == 17


def test_over_allocation_smallest_remainder_loses() -> None:
    votes = {"A": 60, "B": 30, "C": 10}
    # quota 100 / 3 = 33.3: A 1 (26.7), B 0 (30), C 0 (10): B then A
    assert dict(largest_remainder(votes, 2, quota=Quota.HAGENBACH_BISCHOFF)) == {"A": 1, "B": 1, "C": 0}
    # quota 100 / 4 = 25 for 2 seats under Imperiali: A 2 (10), B 1 (5): 3 > 2 -> B loses
    result = largest_remainder({"A": 60, "B": 30, "C": 10}, 2, quota=Quota.IMPERIALI)
    assert dict(result) == {"A": 2, "B": 0, "C": 0}
    assert result.notes == (Note.of(NoteKind.OVER_ALLOCATION, quota="Imperiali", excess=1),)
    assert "exceed the house by 1 seat" in result.explain("en")
    with pytest.raises(InvalidArgumentError, match="more than the 2 to fill"):
        largest_remainder({"A": 60, "B": 30, "C": 10}, 2, quota=Quota.IMPERIALI,
                          over_allocation=OverAllocation.RAISE)


def test_single_list_with_imperiali_quota_gives_back_two_seats() -> None:
    # quota 100 / 5 = 20: the integer part is 5 for a house of 3
    assert dict(largest_remainder({"A": 100}, 3, quota=Quota.IMPERIALI)) == {"A": 3}


def test_droop_with_few_votes_gives_remainder_seats_in_rounds() -> None:
    # quota floor(5 / 5) + 1 = 2: integer part 2, then two more seats for the only list
    assert dict(largest_remainder({"A": 5}, 4, quota=Quota.DROOP)) == {"A": 4}
    assert dict(largest_remainder({"A": 2, "B": 1}, 5, quota=Quota.DROOP)) == {"A": 3, "B": 2}


def test_droop_with_a_huge_house_gives_the_rounds_at_once() -> None:
    # quota 1: integer parts 3 and 1, then 10**12 - 4 seats in rounds of two
    result = largest_remainder({"A": 3, "B": 1}, 10**12, quota=Quota.DROOP)
    assert dict(result) == {"A": 10**12 // 2 + 1, "B": 10**12 // 2 - 1}
    tied = largest_remainder({"A": 3, "B": 1}, 10**12 + 1, quota=Quota.DROOP, tie_break=REPORT)
    assert tied.ties[0].contenders == ("A", "B")
    assert tied.undetermined == 1


def test_rounded_quota_far_below_the_exact_one_takes_back_many_seats_at_once() -> None:
    # quota round(14 / 10) = 1: integer part 14 for a house of 9
    assert dict(largest_remainder({"A": 14}, 9, quota=Quota.HAGENBACH_BISCHOFF_ROUNDED)) == {"A": 9}
    # quota round(1.49) = 1: 490 000 seats to take back, in rounds over both lists
    result = largest_remainder({"A": 745_000, "B": 745_000}, 10**6, quota=Quota.HAGENBACH_BISCHOFF_ROUNDED)
    assert dict(result) == {"A": 500_000, "B": 500_000}


def test_unresolved_take_back_tie_never_exceeds_the_house() -> None:
    # quota 30 / 3 = 10 for 2 seats: each list has 1 seat, remainder 0: one must give it back
    votes = {"A": 10, "B": 10, "C": 10}
    result = largest_remainder(votes, 2, quota=Quota.HAGENBACH_BISCHOFF, tie_break=REPORT)
    (tie,) = result.ties
    assert tie.contenders == ("A", "B", "C")
    assert tie.seats == 2
    assert tie.stage == "smallest remainder"
    assert dict(result) == {"A": 0, "B": 0, "C": 0}
    assert result.undetermined == 2
    settled = largest_remainder(
        {"A": 10, "B": 10, "C": 10}, 2, quota=Quota.HAGENBACH_BISCHOFF,
        tie_break=TieBreak(criteria=(given_order(["C", "A", "B"]),)),
    )
    assert dict(settled) == {"A": 1, "B": 0, "C": 1}


def test_remainder_tie() -> None:
    with pytest.raises(UnresolvedTieError, match="largest remainder"):
        largest_remainder({"A": 10, "B": 10, "C": 10}, 2)
    result = largest_remainder({"A": 10, "B": 10, "C": 10}, 2, tie_break=REPORT)
    assert result.undetermined == 2
    assert result.ties[0].contenders == ("A", "B", "C")


def test_threshold_and_trace() -> None:
    result = largest_remainder({"A": 60, "B": 36, "C": 4}, 10, threshold="5%")
    assert result.excluded == ("C",)
    assert dict(result) == {"A": 6, "B": 4, "C": 0}  # quota 96 / 10 on the admitted lists
    assert result.quotient == Fraction(96, 10)
    kinds = [step.kind for step in result.trace]
    assert kinds.count(StepKind.THRESHOLD) == 3
    assert StepKind.QUOTIENT in kinds


def test_zero_seats() -> None:
    result = largest_remainder(AFP, 0)
    assert dict(result) == {"A": 0, "B": 0, "C": 0}
    assert result.quotient is None


def test_rounded_quota_too_small_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"quota of 1 votes for 5 seats is 0"):
        largest_remainder({"A": 1}, 5, quota=Quota.HAGENBACH_BISCHOFF_ROUNDED)


@pytest.mark.parametrize(
    ("votes", "seats", "fragment"),
    [
        ({"A": -3, "B": 4}, 2, "-3"),
        ({"A": True, "B": 4}, 2, "True"),
        ({"A": 2.5, "B": 4}, 2, "2.5"),
        ({"A": "x", "B": 4}, 2, "'x'"),
        ({"": 3}, 2, "''"),
        ({}, 2, "at least one"),
        ({"A": 0, "B": 0}, 2, "no list has any vote"),
        ({"A": 3}, -2, "-2"),
        ({"A": 3}, False, "False"),
    ],
)
@pytest.mark.parametrize("quota", list(Quota))
def test_bad_input(votes: dict[str, object], seats: object, fragment: str, quota: Quota) -> None:
    with pytest.raises(ElectoralRulesError) as info:
        largest_remainder(votes, seats, quota=quota)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert fragment in str(info.value)


def test_every_list_under_threshold() -> None:
    with pytest.raises(NoEligibleListError, match="no list reaches"):
        largest_remainder({"A": 1, "B": 1}, 2, threshold="60%")


def test_quota_must_be_a_member() -> None:
    with pytest.raises(InvalidArgumentError, match="'hare'"):
        largest_remainder(AFP, 5, quota="hare")  # type: ignore[arg-type]


# -- properties ----------------------------------------------------------------------------


@given(votes_mappings(), house_sizes(), ALL_QUOTAS)
@example(AFP, 5, Quota.HARE)
@example({"A": 100}, 3, Quota.IMPERIALI)
@example({"A": 5}, 4, Quota.DROOP)
@example({"A": 10, "B": 10, "C": 10}, 2, Quota.HAGENBACH_BISCHOFF)
@example({"A": 10**15, "B": 10**15 + 1, "C": 7}, 30, Quota.DROOP)
def test_fast_equals_naive(votes: dict[str, int], seats: int, quota: Quota) -> None:
    assume(quota is not Quota.HAGENBACH_BISCHOFF_ROUNDED or not seats or quota.of(sum(votes.values()), seats))
    fast = largest_remainder(votes, seats, quota=quota, tie_break=REPORT)
    if seats == 0:
        assert dict(fast) == dict.fromkeys(votes, 0)
        return
    reference = naive_largest_remainder(votes, seats, quota.of(sum(votes.values()), seats))
    assert dict(fast) == reference.seats
    assert [(t.contenders, t.seats) for t in fast.ties] == (
        [(reference.contenders, reference.at_stake)] if reference.contenders else []
    )
    assert fast.undetermined == (reference.at_stake if reference.contenders else 0)


@given(votes_mappings(), house_sizes(), ALL_QUOTAS)
def test_seats_sum_to_the_house(votes: dict[str, int], seats: int, quota: Quota) -> None:
    result = allocate(votes, seats, quota, decisive(votes))
    assume(result is not None)
    assert result is not None
    assert sum(result.values()) == seats
    assert all(result[name] == 0 for name, count in votes.items() if count == 0)


@given(votes_mappings(), house_sizes(), ALL_QUOTAS)
def test_reported_ties_never_overfill(votes: dict[str, int], seats: int, quota: Quota) -> None:
    assume(quota is not Quota.HAGENBACH_BISCHOFF_ROUNDED or not seats or quota.of(sum(votes.values()), seats))
    result = largest_remainder(votes, seats, quota=quota, tie_break=REPORT)
    assert 0 <= result.undetermined == sum(tie.undetermined for tie in result.ties)


@given(votes_mappings(), st.integers(1, 60))
@example({"A": 47, "B": 16, "C": 15, "D": 12, "E": 6, "F": 4}, 10)
def test_hare_stays_within_floor_and_ceiling_of_the_exact_quota(votes: dict[str, int], seats: int) -> None:
    result = largest_remainder(votes, seats, tie_break=decisive(votes))
    total = sum(votes.values())
    for name, count in votes.items():
        share = Fraction(count * seats, total)
        assert share - 1 < result[name] < share + 1


@given(votes_mappings(), house_sizes(), ALL_QUOTAS, st.randoms(use_true_random=False))
def test_anonymity(votes: dict[str, int], seats: int, quota: Quota, rnd: random.Random) -> None:
    items = list(votes.items())
    rnd.shuffle(items)
    before = allocate(votes, seats, quota, REPORT)
    after = allocate(dict(items), seats, quota, REPORT)
    assert before == after  # same seats per name (dict equality ignores order)


@given(votes_mappings(), house_sizes(), EXACT_QUOTAS, st.integers(2, 100))  # k x votes stays under MAX_COUNT
def test_scaling_votes_changes_nothing(votes: dict[str, int], seats: int, quota: Quota, k: int) -> None:
    before = largest_remainder(votes, seats, quota=quota, tie_break=REPORT)
    after = largest_remainder({n: v * k for n, v in votes.items()}, seats, quota=quota, tie_break=REPORT)
    assert dict(before) == dict(after)
    assert [(t.contenders, t.seats) for t in before.ties] == [(t.contenders, t.seats) for t in after.ties]
