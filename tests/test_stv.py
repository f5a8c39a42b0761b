"""The STV engine and the count-sheet checker (:mod:`electoral_rules.stv`)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from electoral_rules.errors import InvalidArgumentError, InvalidTallyError, UnresolvedTieError
from electoral_rules.europe.stv_rules import IRELAND, MALTA, NORTHERN_IRELAND
from electoral_rules.stv import (
    GENERIC_DROOP,
    Ballot,
    CountSheet,
    SheetStage,
    StageKind,
    StvRule,
    TransferMethod,
    check_sheet,
    count,
    droop_quota,
)
from electoral_rules.tiebreak import IfUnresolved
from tests.naive_stv import naive_stv

RULES = [IRELAND, MALTA, NORTHERN_IRELAND, GENERIC_DROOP]


def _ballots(*items: tuple[tuple[str, ...], int]) -> list[Ballot]:
    return [Ballot(ranking=tuple(ranking), papers=papers) for ranking, papers in items]


# -- the quota ------------------------------------------------------------------------------


def test_droop_quota_examples_of_the_official_guides() -> None:
    # Citizens Information, "European elections - counting the votes": 1 000 valid papers,
    # 4 seats, quota 201; Kerry County Council's count guide: 40 000 papers, 4 seats, 8 001.
    assert droop_quota(1000, 4) == 201
    assert droop_quota(40000, 4) == 8001


# -- hand-made elections, worked by hand -----------------------------------------------------


def test_irish_whole_vote_surplus_and_the_earlier_stage_tie_rule() -> None:
    # 21 papers, 2 seats: quota 21 // 3 + 1 = 8. A has 12: 5 go on to B, 4 to C, 3 stop.
    # Surplus 4 of 9 transferable papers: B 5*4/9 = 2 rem 2/9, C 4*4/9 = 1 rem 7/9; the vote
    # left goes to the largest remainder (C): B +2, C +2.
    # Then B 5, C 4, D 4: C and D tie for the exclusion; at stage 1 C had 2, D 4: C goes.
    # C's 2 first preferences go to D (6); A's 2 papers in C's hands have no continuing
    # preference. One vacancy: D (6) exceeds B (5): D is elected.
    ballots = _ballots((("A", "B"), 5), (("A", "C"), 4), (("A",), 3), (("B",), 3), (("C", "D"), 2), (("D",), 4))
    result = count(ballots, 2, IRELAND)
    assert result.quota == 8
    surplus = result.stages[1]
    assert surplus.kind is StageKind.SURPLUS and surplus.subjects == ("A",)
    assert dict(surplus.changes) == {"A": -4, "B": 2, "C": 2, "D": 0}
    assert surplus.non_transferable == 0
    exclusion = result.stages[2]
    assert exclusion.subjects == ("C",) and exclusion.non_transferable == 2
    assert exclusion.totals["D"] == 6
    assert result.elected == ("A", "D") and result.excluded == ("C",)
    assert check_sheet(CountSheet.from_outcome(result), IRELAND).ok


def test_irish_surplus_moves_the_last_filed_papers() -> None:
    # 12 papers, 2 seats: quota 5. A has 6 (surplus 1), all going on to B: B receives one
    # paper, the last filed. Then B (1) is excluded and that paper goes to its next
    # preference, which elects D (4 against C's 3) when the paper is (A, B, D), C otherwise.
    first = (("A", "B", "C"), 4)
    last = (("A", "B", "D"), 2)
    others = [(("C",), 3), (("D",), 3)]
    names = ["A", "B", "C", "D"]
    assert count(_ballots(first, last, *others), 2, IRELAND, candidates=names).elected == ("A", "D")
    assert count(_ballots(last, first, *others), 2, IRELAND, candidates=names).elected == ("A", "C")


def test_northern_irish_transfer_value_truncated_to_two_decimals() -> None:
    # 100 papers, 2 seats: quota 34. A has 50: 30 go on to B, 13 to C, 7 stop. Surplus 16 of
    # 43 transferable: 16/43 = 0.372... -> 0.37; B +11.10, C +4.81, non-transferable
    # 16 - 15.91 = 0.09.
    ballots = _ballots((("A", "B"), 30), (("A", "C"), 13), (("A",), 7), (("B",), 20), (("C",), 18), (("D",), 12))
    result = count(ballots, 2, NORTHERN_IRELAND)
    surplus = result.stages[1]
    assert surplus.transfer_value == Fraction(37, 100)
    assert surplus.changes["B"] == Fraction("11.10") and surplus.changes["C"] == Fraction("4.81")
    assert surplus.non_transferable == Fraction("0.09")
    assert check_sheet(CountSheet.from_outcome(result), NORTHERN_IRELAND).ok


def test_a_tie_the_law_leaves_to_lot_is_reported_never_drawn() -> None:
    # 12 papers, 2 seats, quota 5: A is elected; B and C tie for the exclusion at every
    # stage: the law draws lots, the library stops and reports.
    ballots = _ballots((("A",), 5), (("B",), 2), (("C",), 2), (("D",), 3))
    result = count(ballots, 2, IRELAND)
    assert result.elected == ("A",) and result.undetermined == 1 and not result.is_complete
    (tie,) = result.ties
    assert set(tie.contenders) == {"B", "C"} and "exclusion" in tie.stage
    with pytest.raises(UnresolvedTieError) as caught:
        count(ballots, 2, IRELAND, if_unresolved=IfUnresolved.RAISE)
    assert caught.value.outcome == result


def test_equal_fractional_remainders_are_left_to_lot() -> None:
    # Quota 5 (12 papers, 1 seat... 2 seats: 12 // 3 + 1 = 5); A 8 papers: 3 to B, 3 to C,
    # surplus 3 of 6: 1.5 each, one vote left for two equal remainders: lot (rule 82).
    ballots = _ballots((("A", "B"), 3), (("A", "C"), 3), (("A",), 2), (("B",), 1), (("C",), 1), (("D",), 2))
    result = count(ballots, 2, IRELAND)
    assert result.ties and "fractional remainders" in result.ties[0].stage
    assert result.elected == ("A",)


def test_last_vacancies_filled_without_the_quota() -> None:
    ballots = _ballots((("A",), 4), (("B",), 3), (("C",), 2))
    result = count(ballots, 2, NORTHERN_IRELAND)
    assert set(result.elected) == {"A", "B"}


# -- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ranking", "papers"), [((), 1), (("A", "A"), 1), (("A", ""), 1), (("A",), 0), (("A",), True), ("AB", 1)]
)
def test_bad_ballots(ranking: object, papers: object) -> None:
    with pytest.raises(InvalidTallyError):
        Ballot(ranking=ranking, papers=papers)  # type: ignore[arg-type]


def test_bad_counts() -> None:
    good = _ballots((("A", "B"), 3), (("B",), 2), (("C",), 1))
    with pytest.raises(InvalidTallyError, match="no ballots"):
        count([], 1, IRELAND)
    with pytest.raises(InvalidTallyError, match="takes at most"):
        count([Ballot(ranking=("A",), papers=10**12), *good], 1, IRELAND)
    with pytest.raises(InvalidTallyError, match="ranks 'C', who is not a candidate"):
        count(good, 1, IRELAND, candidates=["A", "B"])
    for seats in (0, -1, 3, 4, True, 1.0):
        with pytest.raises(InvalidArgumentError):
            count(good, seats, IRELAND)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        count(good, 1, "IE")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        count(good, 1, IRELAND, if_unresolved="raise")  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError):
        StvRule(name="x", transfer=TransferMethod.FRACTIONAL)


# -- the checker -----------------------------------------------------------------------------


def _sheet(**changes: object) -> CountSheet:
    stages = (
        SheetStage(number=1, kind=StageKind.FIRST, changes={"A": 45, "B": 35, "C": 20}),
        SheetStage(number=2, kind=StageKind.EXCLUSION, subjects=("C",), changes={"C": -20, "A": 10, "B": 8},
                   non_transferable=2, totals={"A": 55, "B": 43, "C": 0}, elected=("A",)),
    )
    fields: dict[str, object] = {"candidates": ("A", "B", "C"), "seats": 1, "valid": 100, "quota": 51,
                                 "stages": stages, "elected": ("A",)}
    fields.update(changes)
    return CountSheet(**fields)  # type: ignore[arg-type]


def test_a_correct_sheet_has_no_finding() -> None:
    assert check_sheet(_sheet(), IRELAND).ok


def test_every_fault_is_reported_not_only_the_first() -> None:
    stages = (
        SheetStage(number=1, kind=StageKind.FIRST, changes={"A": 45, "B": 35, "C": 20}),
        SheetStage(number=2, kind=StageKind.EXCLUSION, subjects=("B",), changes={"B": -35, "A": Fraction(21, 2)},
                   totals={"A": 56, "B": 0, "C": 20}, elected=("C",)),
    )
    check = check_sheet(_sheet(stages=stages, quota=50, elected=("C",)), IRELAND)
    codes = [finding.code for finding in check.findings]
    assert codes == ["quota", "exclusion", "whole-votes", "arithmetic", "conservation", "election", "election"]
    assert check.findings[1].stage == 2 and check.findings[1].candidate == "B"


def test_malformed_sheets_name_the_stage_and_candidate() -> None:
    bad = SheetStage(number=2, kind=StageKind.EXCLUSION, subjects=("Z",), changes={"Z": -1, "A": 1})
    with pytest.raises(InvalidArgumentError, match=r"stage 2: changes name 'Z'.*stage 2: subjects name 'Z'"):
        _sheet(stages=(_sheet().stages[0], bad))
    with pytest.raises(InvalidArgumentError, match="stage 1: a first stage names no subject"):
        SheetStage(number=1, kind=StageKind.FIRST, subjects=("A",), changes={})


# -- properties against the naive reference ---------------------------------------------------

NAMES = ["A", "B", "C", "D", "E"]


@st.composite
def elections(draw: st.DrawFn) -> tuple[list[tuple[tuple[str, ...], int]], int, list[str]]:
    size = draw(st.integers(3, 5))
    names = NAMES[:size]
    rankings = st.permutations(names).flatmap(lambda order: st.integers(1, len(order)).map(lambda n: tuple(order[:n])))
    ballots = draw(st.lists(st.tuples(rankings, st.integers(1, 9)), min_size=1, max_size=8))
    seats = draw(st.integers(1, size - 1))
    return ballots, seats, names


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name.split(":")[0])
@settings(max_examples=60, deadline=None)
@given(case=elections())
def test_engine_equals_the_naive_reference(rule: StvRule, case: tuple[list[tuple[tuple[str, ...], int]], int, list[str]]) -> None:
    ballots, seats, names = case
    result = count([Ballot(ranking=r, papers=n) for r, n in ballots], seats, rule, candidates=names)
    naive = naive_stv(ballots, seats, rule, names)
    assert result.quota == naive.quota
    assert bool(result.ties) == naive.lot
    assert list(result.elected) == naive.elected
    assert list(result.excluded) == naive.excluded
    assert [dict(stage.totals) for stage in result.stages] == naive.totals


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name.split(":")[0])
@settings(max_examples=60, deadline=None)
@given(case=elections())
def test_invariants_and_the_checker_accepts_the_engine(
    rule: StvRule, case: tuple[list[tuple[tuple[str, ...], int]], int, list[str]]
) -> None:
    ballots, seats, names = case
    result = count([Ballot(ranking=r, papers=n) for r, n in ballots], seats, rule, candidates=names)
    valid = sum(n for _, n in ballots)
    lost = Fraction(0)
    for stage in result.stages:
        lost += stage.non_transferable
        assert sum(stage.totals.values()) + lost == valid  # votes conserved at each stage
        assert all(value >= 0 for value in stage.totals.values())
    assert len(set(result.elected)) == len(result.elected)
    assert len(result.elected) + result.undetermined == seats
    if result.is_complete:
        assert len(result.elected) == seats
        assert check_sheet(CountSheet.from_outcome(result), rule).ok


# -- the points where the three rules differ ---------------------------------------------------


def test_malta_transfers_the_surplus_of_the_earlier_count_first() -> None:
    # 100 papers, 4 seats: quota 21. Count 1 elects A (23, surplus 2) and C (26, surplus 5);
    # C's, the larger, goes first and elects D (25, surplus 4) at count 2. Pending then: A's 2
    # (count 1) and D's 4 (count 2): Malta takes A's (regulation 10(2)), Ireland D's.
    ballots = _ballots((("A", "E"), 23), (("C", "D"), 26), (("D", "F"), 20), (("E",), 10), (("F",), 11), (("G",), 10))
    malta, ireland = count(ballots, 4, MALTA), count(ballots, 4, IRELAND)
    assert [stage.subjects for stage in malta.stages[1:3]] == [("C",), ("A",)]
    assert [stage.subjects for stage in ireland.stages[1:3]] == [("C",), ("D",)]


def test_northern_ireland_defers_a_surplus_that_cannot_change_the_exclusion() -> None:
    # 36 papers, 2 seats: quota 13; A's surplus of 1 is smaller than the gap between the two
    # lowest (C 3, D 9): it waits, and C is excluded first (1985 Order rule 49(10)(a)).
    ballots = _ballots((("A", "B"), 14), (("B",), 10), (("C", "D"), 3), (("D",), 9))
    assert count(ballots, 2, NORTHERN_IRELAND).stages[1].kind is StageKind.EXCLUSION
    assert count(ballots, 2, GENERIC_DROOP).stages[1].kind is StageKind.SURPLUS


def test_northern_ireland_excludes_the_lowest_together() -> None:
    # C, D and E have 12 votes together, fewer than B's 35: excluded in one stage (rule 51(12)).
    ballots = _ballots((("A",), 40), (("B",), 35), (("C", "B"), 5), (("D", "B"), 4), (("E", "A"), 3))
    assert count(ballots, 1, NORTHERN_IRELAND).stages[1].subjects == ("E", "D", "C")
    assert count(ballots, 1, IRELAND).stages[1].subjects == ("E",)
