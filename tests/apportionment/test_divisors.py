"""Highest-averages methods: unit tests, Hypothesis properties and the naive reference."""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules.apportionment import (
    Divisor,
    adams,
    dhondt,
    highest_averages,
    huntington_hill,
    sainte_lague,
)
from electoral_rules.errors import (
    ElectoralRulesError,
    InvalidArgumentError,
    InvalidTallyError,
    NoEligibleListError,
    UnresolvedTieError,
)
from electoral_rules.outcome import Allocation, Method, Note, NoteKind, StepKind
from electoral_rules.tally import Tally
from electoral_rules.tiebreak import TieBreak, given_order, most_votes
from tests.common import AFP, REPORT, decisive
from tests.naive import french_procedure, naive_divisor, naive_seat_levels
from tests.strategies import house_sizes, votes_mappings

ALL_DIVISORS = st.sampled_from(list(Divisor))


# -- unit tests ------------------------------------------------------------------------------


def test_afp_example() -> None:
    result = dhondt(AFP, seats=5)
    assert dict(result) == {"A": 4, "B": 1, "C": 0}
    assert result.method is Method.DHONDT
    assert result.method.value == "D'Hondt"  # the name earlier releases stored
    assert result.legal_basis == ""  # a generic method cites no law; the French rules do
    assert dhondt(AFP, 5, legal_basis="Code électoral, art. L295").legal_basis == "Code électoral, art. L295"
    assert result.votes == AFP
    assert result.threshold is None
    assert result.excluded == ()
    assert result.quotient == Fraction(1534, 5)
    assert result.house == 5
    assert result.is_complete
    assert result.ties == ()


def test_afp_trace_is_the_french_procedure() -> None:
    steps = dhondt(AFP, seats=5).trace
    initial = {s.subject: s.seats for s in steps if s.kind is StepKind.INITIAL}
    assert initial == {"A": 3, "B": 0, "C": 0}
    seats = [(s.seat, s.subject, s.value) for s in steps if s.kind is StepKind.SEAT]
    assert seats == [(4, "B", Fraction(258)), (5, "A", Fraction(1023, 4))]
    fifth = next(s for s in steps if s.kind is StepKind.SEAT and s.seat == 5)
    assert dict(fifth.values) == {"A": Fraction(1023, 4), "B": Fraction(129), "C": Fraction(253)}


@pytest.mark.parametrize(
    ("divisor", "expected"),
    [
        # 100 000 / 80 000 / 30 000 / 20 001 for 8 seats (the textbook example has D = 20 000,
        # which ties under modified Sainte-Laguë: 100 000 / 7 = 20 000 / 1.4)
        (Divisor.DHONDT, {"A": 4, "B": 3, "C": 1, "D": 0}),
        (Divisor.SAINTE_LAGUE, {"A": 3, "B": 3, "C": 1, "D": 1}),
        (Divisor.MODIFIED_SAINTE_LAGUE, {"A": 3, "B": 3, "C": 1, "D": 1}),
        (Divisor.DANISH, {"A": 3, "B": 3, "C": 1, "D": 1}),
        (Divisor.IMPERIALI, {"A": 5, "B": 3, "C": 0, "D": 0}),
        (Divisor.ADAMS, {"A": 3, "B": 3, "C": 1, "D": 1}),
        (Divisor.HUNTINGTON_HILL, {"A": 3, "B": 3, "C": 1, "D": 1}),
    ],
)
def test_textbook_example(divisor: Divisor, expected: dict[str, int]) -> None:
    votes = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_001}
    assert dict(highest_averages(votes, 8, divisor=divisor)) == expected
    assert naive_divisor(votes, 8, divisor).seats == expected


def test_modified_sainte_lague_exact_tie() -> None:
    votes = {"A": 100_000, "B": 80_000, "C": 30_000, "D": 20_000}
    result = highest_averages(votes, 8, divisor=Divisor.MODIFIED_SAINTE_LAGUE, tie_break=REPORT)
    (tie,) = result.ties
    assert (tie.contenders, tie.seats, tie.value) == (("A", "D"), 1, Fraction(100_000, 7))
    assert dict(result) == {"A": 3, "B": 3, "C": 1, "D": 0}


def test_modified_sainte_lague_first_divisor_keeps_small_lists_out() -> None:
    votes = {"A": 1000, "B": 139}
    # B's first average: 139 / 1.4 = 99.3 < 1000 / 9 = 111.1 (Sainte-Laguë would give B 100 vs 1000/11)
    assert dict(highest_averages(votes, 5, divisor=Divisor.MODIFIED_SAINTE_LAGUE)) == {"A": 5, "B": 0}
    assert dict(sainte_lague(votes, 5)) == {"A": 4, "B": 1}


@pytest.mark.parametrize(
    ("divisor", "first"),
    [
        (Divisor.DHONDT, [1, 2, 3, 4]),
        (Divisor.SAINTE_LAGUE, [1, 3, 5, 7]),
        (Divisor.MODIFIED_SAINTE_LAGUE, [Fraction(7, 5), 3, 5, 7]),
        (Divisor.DANISH, [1, 4, 7, 10]),
        (Divisor.IMPERIALI, [2, 3, 4, 5]),
        (Divisor.ADAMS, [0, 1, 2, 3]),
        (Divisor.HUNTINGTON_HILL, [0, 2, 6, 12]),  # squared: s(s+1)
    ],
)
def test_divisor_sequences(divisor: Divisor, first: list[Fraction | int]) -> None:
    assert [divisor.divisor(s) for s in range(4)] == first


def test_average_is_exact_and_infinite_for_zero_divisor() -> None:
    assert Divisor.DHONDT.average(1023, 3) == Fraction(1023, 4)
    assert Divisor.ADAMS.average(5, 0) is None
    assert Divisor.HUNTINGTON_HILL.average(10, 1) == Fraction(100, 2)


def test_allocation_keeps_every_list_in_input_order() -> None:
    votes = {"Z": 10, "excluded": 1, "A": 0, "M": 30}
    result = dhondt(votes, 4, threshold="5%")
    assert list(result) == ["Z", "excluded", "A", "M"]
    assert result.excluded == ("excluded", "A")  # 0 votes are under any positive threshold
    assert dict(result) == {"Z": 1, "excluded": 0, "A": 0, "M": 3}
    assert isinstance(result, Allocation)
    with pytest.raises(TypeError):
        result["Z"] = 3  # type: ignore[index]


def test_threshold_base_can_be_stated() -> None:
    votes = {"A": 60, "B": 36, "C": 4}
    # 4 votes reach 4 % of 100, not 4 % of 101 (e.g. blank ballots counted in the base)
    assert dhondt(votes, 10, threshold="4%").excluded == ()
    assert dhondt(votes, 10, threshold="4%", threshold_base=101).excluded == ("C",)


def test_tally_is_accepted() -> None:
    tally = Tally(votes=AFP, registered=2000, voters=1560, blank=12, null=14)
    assert dict(dhondt(tally, 5)) == {"A": 4, "B": 1, "C": 0}


def test_shortcuts_match_highest_averages() -> None:
    votes = {"A": 900, "B": 50, "C": 50, "D": 7}
    assert dict(adams(votes, 4)) == dict(highest_averages(votes, 4, divisor=Divisor.ADAMS))
    assert dict(huntington_hill(votes, 6)) == dict(
        highest_averages(votes, 6, divisor=Divisor.HUNTINGTON_HILL)
    )
    assert dict(sainte_lague(votes, 6)) == dict(highest_averages(votes, 6, divisor=Divisor.SAINTE_LAGUE))


def test_zero_seats() -> None:
    result = dhondt(AFP, 0)
    assert dict(result) == {"A": 0, "B": 0, "C": 0}
    assert result.quotient is None
    assert dict(dhondt({"A": 0, "B": 0}, 0)) == {"A": 0, "B": 0}


def test_single_list_takes_every_seat() -> None:
    for divisor in Divisor:
        assert dict(highest_averages({"only": 3}, 17, divisor=divisor)) == {"only": 17}


def test_a_million_seats() -> None:
    votes = {"A": 5_000_001, "B": 3_000_000, "C": 1_999_999}
    result = dhondt(votes, 1_000_000)
    assert dict(result) == {"A": 500_000, "B": 300_000, "C": 200_000}


def test_huge_counts_are_exact() -> None:
    # 10**15 and 10**15 + 1 have the same float average at the boundary; the exact ones differ
    votes = {"A": 10**15 + 1, "B": 10**15}
    assert dict(dhondt(votes, 1)) == {"A": 1, "B": 0}
    assert dict(dhondt(votes, 3)) == {"A": 2, "B": 1}
    with pytest.raises(UnresolvedTieError):
        dhondt({"A": 10**15, "B": 10**15}, 1)


# -- ties ----------------------------------------------------------------------------------


def test_tie_raises_by_default_naming_the_contenders() -> None:
    with pytest.raises(UnresolvedTieError, match=r"'A' and 'B' \(1 seat at stake\)") as info:
        dhondt({"A": 10, "B": 10, "C": 3}, 1)
    assert info.value.tie.contenders == ("A", "B")
    assert info.value.tie.seats == 1


def test_tie_reported_leaves_seats_undetermined() -> None:
    result = dhondt({"A": 6, "B": 4, "C": 2}, 3, tie_break=REPORT)
    # averages 6, 4, 3, 2, 2: the third seat is between A (6/3) and C (2/1)... no: 6, 4, 3 -> A 2, B 1
    assert dict(result) == {"A": 2, "B": 1, "C": 0}
    result = dhondt({"A": 6, "B": 4, "C": 2}, 4, tie_break=REPORT)
    (tie,) = result.ties
    assert tie.contenders == ("A", "B", "C")
    assert tie.seats == 1
    assert tie.value == 2
    assert not tie.resolved
    assert result.undetermined == 1
    assert dict(result) == {"A": 2, "B": 1, "C": 0}
    assert result.trace[-1].kind is StepKind.TIE


def test_tie_settled_by_policy() -> None:
    policy = TieBreak(criteria=(most_votes(), given_order(["C", "B", "A"])))
    result = dhondt({"A": 6, "B": 4, "C": 2}, 4, tie_break=policy)
    (tie,) = result.ties
    assert tie.winners == ("A",)
    assert tie.resolved_by == ("most votes",)
    assert dict(result) == {"A": 3, "B": 1, "C": 0}
    result = dhondt({"A": 5, "B": 5}, 1, tie_break=policy)
    assert dict(result) == {"A": 0, "B": 1}
    assert result.ties[0].resolved_by == ("most votes", "given order")


def test_several_seats_at_stake() -> None:
    result = dhondt({"A": 7, "B": 7, "C": 7}, 2, tie_break=REPORT)
    (tie,) = result.ties
    assert (tie.contenders, tie.seats, result.undetermined) == (("A", "B", "C"), 2, 2)


@pytest.mark.parametrize(
    ("big", "seats", "divisor"),
    [
        (8, 25, Divisor.ADAMS),
        (35, 54, Divisor.HUNTINGTON_HILL),
        (5, 4, Divisor.MODIFIED_SAINTE_LAGUE),
        (9, 18, Divisor.SWEDISH_SAINTE_LAGUE),
    ],
)
def test_ties_found_when_seats_are_added_to_the_estimate(big: int, seats: int, divisor: Divisor) -> None:
    """Four lists of one vote and one larger list tie for the last seat (each case found by a
    search against the naive reference). Adding seats to the estimate once compared -floor
    keys with -ceil keys: the tie was missed and the last seat given to the large list."""
    votes = {"S0": 1, "S1": 1, "S2": 1, "S3": 1, "B": big}
    fast = highest_averages(votes, seats, divisor=divisor, tie_break=REPORT)
    reference = naive_divisor(votes, seats, divisor)
    assert reference.at_stake == 1 and "B" in reference.contenders  # the case is a tie
    assert (dict(fast), fast.undetermined) == (reference.seats, 1)
    assert fast.ties[0].contenders == reference.contenders


def test_adams_with_more_lists_than_seats_is_a_tie_for_first_seats() -> None:
    votes = {"A": 900, "B": 50, "C": 1, "D": 0}
    result = adams(votes, 2, tie_break=REPORT)
    (tie,) = result.ties
    assert tie.contenders == ("A", "B", "C")
    assert tie.seats == 2
    assert tie.value is None
    assert dict(result) == {"A": 0, "B": 0, "C": 0, "D": 0}
    settled = adams(votes, 2, tie_break=TieBreak(criteria=(most_votes(),)))
    assert dict(settled) == {"A": 1, "B": 1, "C": 0, "D": 0}
    assert any(step.kind is StepKind.TIE for step in result.trace)


def test_adams_tie_settled_is_traced_as_seats_not_undetermined() -> None:
    policy = TieBreak(criteria=(most_votes(),))
    steps = adams({"A": 900, "B": 50, "C": 1}, 2, tie_break=policy).trace
    assert [(s.subject, s.seat, s.value) for s in steps if s.kind is StepKind.SEAT] == [
        ("A", 1, None), ("B", 2, None)
    ]
    zero = Note(kind=NoteKind.ZERO_DIVISOR_FIRST_SEAT)
    assert [s.detail for s in steps if s.kind is StepKind.TIE] == [zero]
    reported = adams({"A": 900, "B": 50, "C": 1}, 2, tie_break=REPORT).trace
    assert [s.note for s in reported if s.kind is StepKind.TIE] == ["undetermined"]


def test_huntington_hill_gives_every_list_its_first_seat_first() -> None:
    result = huntington_hill({"A": 10**6, "B": 1, "C": 0}, 3)
    assert dict(result) == {"A": 2, "B": 1, "C": 0}


# -- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("votes", "seats", "fragment"),
    [
        ({"A": -3, "B": 4}, 2, "-3"),
        ({"A": True, "B": 4}, 2, "True"),
        ({"A": 2.0, "B": 4}, 2, "2.0"),
        ({"A": "12", "B": 4}, 2, "'12'"),
        ({"A": None, "B": 4}, 2, "None"),
        ({"": 3}, 2, "''"),
        ({"   ": 3}, 2, "'   '"),
        ({}, 2, "at least one"),
        ({"A": 0, "B": 0}, 2, "no list has any vote"),
        ({"A": 3}, -1, "-1"),
        ({"A": 3}, True, "True"),
        ({"A": 3}, 2.0, "2.0"),
        ({"A": 3}, "2", "'2'"),
    ],
)
@pytest.mark.parametrize("divisor", list(Divisor))
def test_bad_input_is_a_library_value_error(
    votes: dict[str, object], seats: object, fragment: str, divisor: Divisor
) -> None:
    with pytest.raises(ElectoralRulesError) as info:
        highest_averages(votes, seats, divisor=divisor)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert fragment in str(info.value)


def test_every_list_under_threshold() -> None:
    with pytest.raises(NoEligibleListError, match="5 %"):
        dhondt({"A": 0, "B": 0, "C": 1}, 3, threshold="5%", threshold_base=100)


def test_not_a_mapping() -> None:
    with pytest.raises(InvalidTallyError, match="mapping"):
        dhondt([("A", 3)], 1)  # type: ignore[arg-type]


def test_divisor_must_be_a_member() -> None:
    with pytest.raises(InvalidArgumentError, match="'dhondt'"):
        highest_averages(AFP, 5, divisor="dhondt")  # type: ignore[arg-type]


def test_float_threshold_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match=r"0\.05"):
        dhondt(AFP, 5, threshold=0.05)  # type: ignore[arg-type]


# -- properties ----------------------------------------------------------------------------


@given(votes_mappings(), house_sizes(), ALL_DIVISORS)
@example(AFP, 5, Divisor.DHONDT)
@example({"only": 7}, 3, Divisor.ADAMS)
@example({"A": 5, "B": 0}, 0, Divisor.HUNTINGTON_HILL)
@example({"A": 3, "B": 2, "C": 1, "D": 1}, 2, Divisor.ADAMS)
@example({"A": 10**15, "B": 10**15 - 1, "C": 3}, 40, Divisor.SAINTE_LAGUE)
@example({"A": 6, "B": 4, "C": 2}, 4, Divisor.DHONDT)
@example({"A": 8, "B": 8, "AA": 104, "AAA": 8, "AAAA": 8}, 103, Divisor.ADAMS)
def test_fast_equals_naive(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    fast = highest_averages(votes, seats, divisor=divisor, tie_break=REPORT)
    reference = naive_divisor(votes, seats, divisor)
    assert dict(fast) == reference.seats
    if reference.contenders:
        (tie,) = fast.ties
        assert (tie.contenders, tie.seats) == (reference.contenders, reference.at_stake)
        assert fast.undetermined == reference.at_stake
    else:
        assert fast.ties == ()
        assert fast.is_complete


@given(votes_mappings(), house_sizes(), ALL_DIVISORS)
@example({"only": 1}, 40, Divisor.DHONDT)
@example({"A": 1, "B": 1, "C": 1, "D": 0}, 2, Divisor.ADAMS)
@example({"A": 10**15, "B": 10**15, "C": 10**15 - 1}, 40, Divisor.HUNTINGTON_HILL)
def test_seats_sum_to_the_house(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    result = highest_averages(votes, seats, divisor=divisor, tie_break=decisive(votes))
    assert sum(result.values()) == seats == result.house
    assert all(result[name] == 0 for name, count in votes.items() if count == 0)


@given(votes_mappings(), st.integers(0, 10**6), ALL_DIVISORS)
@example({"A": 1, "B": 0, "C": 2}, 10**6, Divisor.HUNTINGTON_HILL)
@example({"A": 0, "B": 10**15}, 10**6, Divisor.ADAMS)
def test_zero_votes_never_win_even_in_big_houses(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    result = highest_averages(votes, seats, divisor=divisor, tie_break=decisive(votes))
    assert sum(result.values()) == seats
    assert all(result[name] == 0 for name, count in votes.items() if count == 0)


@given(votes_mappings(), house_sizes(), ALL_DIVISORS, st.randoms(use_true_random=False))
def test_anonymity(votes: dict[str, int], seats: int, divisor: Divisor, rnd: random.Random) -> None:
    names = list(votes)
    renamed = names[:]
    rnd.shuffle(renamed)
    new_name = dict(zip(names, renamed, strict=False))
    items = [(new_name[name], count) for name, count in votes.items()]
    rnd.shuffle(items)
    permuted = dict(items)
    before = highest_averages(votes, seats, divisor=divisor, tie_break=REPORT)
    after = highest_averages(permuted, seats, divisor=divisor, tie_break=REPORT)
    assert {new_name[name]: n for name, n in before.items()} == dict(after)
    assert [set(map(new_name.__getitem__, t.contenders)) for t in before.ties] == [
        set(t.contenders) for t in after.ties
    ]
    assert [t.seats for t in before.ties] == [t.seats for t in after.ties]


@given(votes_mappings(), house_sizes())
@example(AFP, 5)
@example({"A": 5, "B": 5, "C": 0}, 3)
def test_dhondt_is_the_french_procedure(votes: dict[str, int], seats: int) -> None:
    fast = dhondt(votes, seats, tie_break=REPORT)
    french = french_procedure(votes, seats)
    assert dict(fast) == french.seats
    assert [(t.contenders, t.seats) for t in fast.ties] == (
        [(french.contenders, french.at_stake)] if french.contenders else []
    )


@given(votes_mappings(), house_sizes(), st.sampled_from([None, "3%", "5%", "1/8"]))
def test_dhondt_gives_at_least_the_integer_part_of_the_quotient(
    votes: dict[str, int], seats: int, threshold: str | None
) -> None:
    try:
        result = dhondt(votes, seats, threshold=threshold, tie_break=decisive(votes))
    except NoEligibleListError:
        return
    admitted = {name: count for name, count in votes.items() if name not in result.excluded}
    if seats == 0:
        return
    for total in (sum(admitted.values()), sum(votes.values())):  # admitted lists, or all exprimés
        for name, count in admitted.items():
            assert result[name] >= count * seats // total
    assert result.quotient == Fraction(sum(votes.values()), seats)


@given(votes_mappings(), house_sizes(), ALL_DIVISORS)
def test_house_monotonicity(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    policy = decisive(votes)
    smaller = highest_averages(votes, seats, divisor=divisor, tie_break=policy)
    larger = highest_averages(votes, seats + 1, divisor=divisor, tie_break=policy)
    assert all(larger[name] >= smaller[name] for name in votes)


@given(votes_mappings(min_lists=2), house_sizes(), ALL_DIVISORS, st.data())
def test_vote_monotonicity(votes: dict[str, int], seats: int, divisor: Divisor, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(list(votes)))
    more = dict(votes)
    more[name] += data.draw(st.integers(1, 10**6))
    policy = decisive(votes)
    before = highest_averages(votes, seats, divisor=divisor, tie_break=policy)
    after = highest_averages(more, seats, divisor=divisor, tie_break=policy)
    assert after[name] >= before[name]


@given(votes_mappings(), house_sizes(), ALL_DIVISORS, st.integers(2, 100))  # k x votes stays under MAX_COUNT
def test_scaling_votes_changes_nothing(votes: dict[str, int], seats: int, divisor: Divisor, k: int) -> None:
    before = highest_averages(votes, seats, divisor=divisor, tie_break=REPORT)
    after = highest_averages({n: v * k for n, v in votes.items()}, seats, divisor=divisor, tie_break=REPORT)
    assert dict(before) == dict(after)
    assert [(t.contenders, t.seats) for t in before.ties] == [(t.contenders, t.seats) for t in after.ties]


@given(votes_mappings(), house_sizes(), st.sampled_from([Divisor.ADAMS, Divisor.HUNTINGTON_HILL]))
def test_zero_divisor_methods_seat_every_list_first(
    votes: dict[str, int], seats: int, divisor: Divisor
) -> None:
    result = highest_averages(votes, seats, divisor=divisor, tie_break=decisive(votes))
    with_votes = [name for name, count in votes.items() if count > 0]
    if seats >= len(with_votes):
        assert all(result[name] >= 1 for name in with_votes)
    else:
        assert all(result[name] <= 1 for name in votes)


@given(votes_mappings(), house_sizes(), ALL_DIVISORS)
def test_trace_seats_agree_with_the_seat_by_seat_replay(
    votes: dict[str, int], seats: int, divisor: Divisor
) -> None:
    """Every SEAT step the rule writes is a seat the naive replay gives at the same number,
    to a list of that level, at that level's average (the replay is the test reference, not
    the production path)."""
    result = highest_averages(votes, seats, divisor=divisor, tie_break=decisive(votes))
    start = dict.fromkeys(votes, 0)
    for step in result.trace:
        if step.kind is StepKind.INITIAL and step.subject is not None:
            start[step.subject] = step.seats or 0
    levels = naive_seat_levels(votes, divisor, start, dict(result))
    for step in result.trace:
        if step.kind is not StepKind.SEAT:
            continue
        assert step.seat is not None
        level = next(level for level in levels if level.first <= step.seat <= level.last)
        assert step.subject in level.names
        if level.value is not None:  # a first seat at an infinite average has no value
            assert step.value == level.value


@given(votes_mappings(), house_sizes(), ALL_DIVISORS)
def test_trace_replays_the_allocation(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    result = highest_averages(votes, seats, divisor=divisor, tie_break=decisive(votes))
    given_seats: dict[str, int] = dict.fromkeys(votes, 0)
    for step in result.trace:
        if step.kind is StepKind.INITIAL and step.subject is not None:
            given_seats[step.subject] = step.seats or 0
        elif step.kind is StepKind.SEAT and step.subject is not None:
            given_seats[step.subject] += 1
            if step.values:  # empty for first seats at an infinite average
                assert step.value == max(value for _, value in step.values)
    if not any(step.kind is StepKind.TIE for step in result.trace):
        assert given_seats == dict(result)
