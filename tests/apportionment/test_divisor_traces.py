"""Traces of the divisor methods for large houses: a closed-form start, then the seats
around the boundary one by one, agreeing with the naive seat-by-seat replay."""

from __future__ import annotations

import random
from fractions import Fraction

from hypothesis import example, given
from hypothesis import strategies as st

from electoral_rules.apportionment import Divisor, highest_averages, sainte_lague
from electoral_rules.outcome import StepKind
from tests.common import REPORT
from tests.naive import DIVISORS, naive_divisor
from tests.strategies import votes_mappings

ALL_DIVISORS = st.sampled_from(list(Divisor))


def naive_sequence(
    votes: dict[str, int], seats: int, divisor: Divisor, start: dict[str, int]
) -> list[tuple[str, Fraction | None]]:
    """The seats given one by one from ``start``: (list, average), in order, up to a tie.

    As :func:`tests.naive.naive_divisor`: at each step the lists with the highest average
    all take a seat (in input order) when enough seats are left; otherwise they are tied
    and the replay stops.
    """
    held = {name: start.get(name, 0) for name in votes}
    left = seats - sum(held.values())
    order: list[tuple[str, Fraction | None]] = []
    with_votes = [name for name, count in votes.items() if count > 0]
    while left > 0:
        averages: dict[str, Fraction | None] = {}
        for name in with_votes:
            d = DIVISORS[divisor](held[name])
            numerator = votes[name] ** 2 if divisor is Divisor.HUNTINGTON_HILL else votes[name]
            averages[name] = None if d == 0 else Fraction(numerator) / d
        infinite = [name for name, value in averages.items() if value is None]
        if infinite:
            top, level = infinite, None
        else:
            level = max(value for value in averages.values() if value is not None)
            top = [name for name, value in averages.items() if value == level]
        if len(top) > left:
            break
        for name in top:
            held[name] += 1
            order.append((name, level))
        left -= len(top)
    return order


@given(votes_mappings(max_lists=6), st.integers(31, 250), ALL_DIVISORS)
@example({"A": 1023, "B": 258, "C": 253}, 100, Divisor.SAINTE_LAGUE)
@example({"A": 7, "B": 7, "C": 7}, 31, Divisor.ADAMS)
@example({"A": 10, "B": 10, "C": 10, "D": 0}, 62, Divisor.HUNTINGTON_HILL)
def test_boundary_part_agrees_with_the_naive_replay(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    result = highest_averages(votes, seats, divisor=divisor, tie_break=REPORT)
    steps = result.trace
    start = {step.subject: step.seats or 0 for step in steps if step.kind is StepKind.INITIAL and step.subject}
    full = naive_divisor(votes, seats, divisor)
    # the start gives no seat that the replay from zero does not give for sure
    assert all(start.get(name, 0) <= full.seats[name] for name in votes)
    # replaying from the start gives the same seats and the same tie as from zero
    assert naive_divisor(votes, seats, divisor, start=start) == full
    # the seats told one by one are the naive replay's, in order, at the same averages
    told = [(step.subject, step.value) for step in steps if step.kind is StepKind.SEAT]
    assert told == naive_sequence(votes, seats, divisor, start)


@given(votes_mappings(max_lists=6), st.integers(1, 120), ALL_DIVISORS)
@example({"A": 13780, "B": 7800, "C": 3900}, 53, Divisor.DHONDT)
@example({"A": 5, "B": 5, "C": 1}, 3, Divisor.DHONDT)
def test_each_seat_shows_the_averages_as_they_stand(votes: dict[str, int], seats: int, divisor: Divisor) -> None:
    """Every average a seat's line shows is the list's votes over its divisor at the seats it
    holds when that seat is given: two lists sharing the highest average and both taking a
    seat once showed, on the second seat's line, the first list's average before its seat
    (the explanation printed "7,800 ÷ (16 + 1) = 487.5")."""
    result = highest_averages(votes, seats, divisor=divisor, tie_break=REPORT)
    held = {step.subject: step.seats or 0 for step in result.trace if step.kind is StepKind.INITIAL and step.subject}
    for step in result.trace:
        if step.kind is not StepKind.SEAT or step.subject is None:
            continue
        for name, value in step.values:
            # a list without votes is shown at 0, never at an infinite average
            expected = divisor.average(votes[name], held.get(name, 0)) if votes[name] else 0
            assert value == expected, (step.seat, name)
        held[step.subject] = held.get(step.subject, 0) + 1


@given(st.integers(2, 40), ALL_DIVISORS, st.randoms(use_true_random=False))
def test_large_houses_tell_only_the_seats_near_the_boundary(
    lists: int, divisor: Divisor, rng: random.Random
) -> None:
    votes = {f"L{i}": rng.randint(1, 10**7) for i in range(lists)}
    result = highest_averages(votes, 100_000, divisor=divisor, tie_break=REPORT)
    told = [step for step in result.trace if step.kind is StepKind.SEAT]
    # each list is within a couple of seats of the start: never a replay of the house
    assert len(told) <= 2 * lists


def test_a_100_000_seat_sainte_lague_explanation_starts_from_the_cut_off() -> None:
    votes = {"A": 9_549_657, "B": 2_254_258, "C": 1_058_757}
    text = sainte_lague(votes, 100_000).explain("en")
    assert text.splitlines()[1].startswith("Starting average: ")
    assert "  A: 9,549,657 votes → " in text
    assert text.count(" seat: ") <= 6
    assert text.splitlines()[-1].startswith("Result: A ")
