"""Sainte-Laguë with a first divisor of 1.2 (Sweden's jämkade uddatalsmetod since 2018):
divisor sequence, exact ties at the 1.2 boundary, and a property against the naive loop."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules import Method
from electoral_rules.apportionment import Divisor, highest_averages
from tests.common import REPORT
from tests.naive import naive_divisor
from tests.strategies import house_sizes, votes_mappings

SWEDISH = Divisor.SWEDISH_SAINTE_LAGUE


def test_divisors_are_1_2_then_the_odd_numbers() -> None:
    assert [SWEDISH.divisor(s) for s in range(4)] == [Fraction(6, 5), 3, 5, 7]
    assert SWEDISH.average(6, 0) == 5 and SWEDISH.average(9, 1) == 3


def test_the_first_divisor_decides_between_1_2_and_1_4() -> None:
    """The fifth seat: A's fifth average is 1000 / 9 = 111.1; B's first is 135 / 1.2 = 112.5
    (a seat) but 135 / 1.4 = 96.4 (none); with 130 votes, 130 / 1.2 = 108.3 (none)."""
    votes = {"A": 1000, "B": 135}
    swedish = highest_averages(votes, 5, divisor=SWEDISH)
    assert dict(swedish) == {"A": 4, "B": 1} and swedish.method is Method.SWEDISH_SAINTE_LAGUE
    assert dict(highest_averages(votes, 5, divisor=Divisor.MODIFIED_SAINTE_LAGUE)) == {"A": 5, "B": 0}
    assert dict(highest_averages({"A": 1000, "B": 130}, 5, divisor=SWEDISH)) == {"A": 5, "B": 0}


def test_exact_tie_at_the_first_divisor() -> None:
    """A's fifth average 3000 / 9 and B's first 400 / 1.2 are both 1000/3: a tie, reported."""
    result = highest_averages({"A": 3000, "B": 400}, 5, divisor=SWEDISH, tie_break=REPORT)
    (tie,) = result.ties
    assert tie.contenders == ("A", "B") and tie.value == Fraction(1000, 3)
    assert dict(result) == {"A": 4, "B": 0} and result.undetermined == 1


def test_trace_shows_the_first_average_divided_by_1_2() -> None:
    result = highest_averages({"A": 600, "B": 120}, 3, divisor=SWEDISH)
    seats = [(step.subject, step.value) for step in result.trace if step.seat]
    assert seats == [("A", Fraction(500)), ("A", Fraction(200)), ("A", Fraction(120))]
    assert dict(result) == {"A": 3, "B": 0}  # B's 120 / 1.2 = 100 < 120 = 600 / 5


@given(votes_mappings(), house_sizes())
@example({"A": 3000, "B": 400}, 5)
@example({"A": 6, "B": 1}, 2)
def test_fast_equals_naive(votes: dict[str, int], seats: int) -> None:
    fast = highest_averages(votes, seats, divisor=SWEDISH, tie_break=REPORT)
    reference = naive_divisor(votes, seats, SWEDISH)
    assert dict(fast) == reference.seats
    if reference.contenders:
        (tie,) = fast.ties
        assert (tie.contenders, tie.seats) == (reference.contenders, reference.at_stake)
    else:
        assert fast.ties == () and fast.is_complete


@given(votes_mappings(min_lists=2, positive=True), st.integers(1, 40))
def test_between_sainte_lague_and_the_1_4_variant_for_a_list_s_first_seat(
    votes: dict[str, int], seats: int
) -> None:
    """A lower first divisor can only help lists without a seat: the set of lists seated under
    1.4 is seated under 1.2, and those seated under 1.2 are seated under plain Sainte-Laguë
    (when no tie is involved)."""
    results = [
        highest_averages(votes, seats, divisor=d, tie_break=REPORT)
        for d in (Divisor.MODIFIED_SAINTE_LAGUE, SWEDISH, Divisor.SAINTE_LAGUE)
    ]
    if any(r.ties for r in results):
        return
    seated = [{name for name, n in r.items() if n} for r in results]
    assert seated[0] <= seated[1] <= seated[2]
