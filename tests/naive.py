"""Simple seat-by-seat reference implementations, written for clarity, not speed.

The fast allocation in :mod:`electoral_rules.apportionment.divisors` must give exactly the
same seats, the same tie contenders and the same seats at stake as these loops on every
input (``tests/apportionment/test_divisors.py`` checks it with Hypothesis). Nothing here imports the
code under test except the :class:`Divisor` and :class:`Quota` names.

Conventions shared with the library:

* averages are exact ``Fraction`` values; Huntington–Hill compares squared averages
  ``votes² / (s(s+1))``;
* a zero divisor (Adams, Huntington–Hill, first seat) is an infinite average: every list
  with votes gets its first seat before any list gets a second one;
* a list with no votes never gets a seat;
* at each step the lists with the highest average all get a seat when there are enough
  seats left; otherwise they are tied, with the remaining seats at stake, and the loop
  stops (the seats already given are "sure").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from electoral_rules.apportionment import Divisor

__all__ = [
    "DIVISORS",
    "Result",
    "SeatLevel",
    "french_procedure",
    "naive_divisor",
    "naive_largest_remainder",
    "naive_seat_levels",
]


@dataclass(frozen=True)
class Result:
    """Sure seats per list (in input order), and the tie at the boundary if any.

    ``contenders`` are in input order; ``at_stake`` is how many seats they compete for
    (0 when there is no tie). For a take-back tie (over-allocating quota) ``at_stake`` is
    how many of the contenders keep their seat, and ``seats`` counts none of theirs.
    """

    seats: dict[str, int]
    contenders: tuple[str, ...] = ()
    at_stake: int = 0


def _squared_hh(s: int) -> Fraction:
    return Fraction(s * (s + 1))


DIVISORS: dict[Divisor, Callable[[int], Fraction]] = {
    Divisor.DHONDT: lambda s: Fraction(s + 1),
    Divisor.SAINTE_LAGUE: lambda s: Fraction(2 * s + 1),
    Divisor.MODIFIED_SAINTE_LAGUE: lambda s: Fraction(7, 5) if s == 0 else Fraction(2 * s + 1),
    Divisor.SWEDISH_SAINTE_LAGUE: lambda s: Fraction(6, 5) if s == 0 else Fraction(2 * s + 1),
    Divisor.DANISH: lambda s: Fraction(3 * s + 1),
    Divisor.IMPERIALI: lambda s: Fraction(s + 2),
    Divisor.ADAMS: lambda s: Fraction(s),
    Divisor.HUNTINGTON_HILL: _squared_hh,
}
"""``d(s)``, the divisor for a list holding ``s`` seats (squared for Huntington–Hill)."""

_INFINITY = None


def _average(divisor: Divisor, votes: int, held: int) -> Fraction | None:
    """The exact average, ``None`` for an infinite one (zero divisor)."""
    d = DIVISORS[divisor](held)
    if d == 0:
        return _INFINITY
    numerator = votes * votes if divisor is Divisor.HUNTINGTON_HILL else votes
    return Fraction(numerator) / d


def _best(values: dict[str, Fraction | None]) -> list[str]:
    """Names with the highest average (infinite beats everything), in input order."""
    infinite = [name for name, value in values.items() if value is None]
    if infinite:
        return infinite
    top = max(value for value in values.values() if value is not None)
    return [name for name, value in values.items() if value == top]


def naive_divisor(
    votes: Mapping[str, int], seats: int, divisor: Divisor, *, start: Mapping[str, int] | None = None
) -> Result:
    """Give the seats one level of averages at a time, from ``start`` (zero by default)."""
    held = dict.fromkeys(votes, 0) if start is None else {name: start.get(name, 0) for name in votes}
    left = seats - sum(held.values())
    with_votes = [name for name, count in votes.items() if count > 0]
    while left > 0:
        averages = {name: _average(divisor, votes[name], held[name]) for name in with_votes}
        top = _best(averages)
        if len(top) > left:
            return Result(dict(held), tuple(top), left)
        for name in top:
            held[name] += 1
        left -= len(top)
    return Result(dict(held))


@dataclass(frozen=True)
class SeatLevel:
    """The seats given at one level of averages by the seat-by-seat replay: the seat numbers
    ``first`` to ``last``, the average ``value`` (``None``: infinite), the lists that share
    it, and every list's average before the level (``averages``)."""

    first: int
    last: int
    value: Fraction | None
    names: tuple[str, ...]
    averages: dict[str, Fraction | None]


def naive_seat_levels(
    votes: Mapping[str, int], divisor: Divisor, start: Mapping[str, int], final: Mapping[str, int]
) -> list[SeatLevel]:
    """Replay the seats from ``start`` to ``final`` one level of averages at a time.

    The test reference for a rule's trace (the rule writes its trace from what it decided;
    this loop decides again, seat by seat): a ``SEAT`` step numbered ``n`` must give its
    seat to one of the ``names`` of the level holding ``n``, at that level's ``value``. At
    a tied level the order of the seats among the names is the tie-break's, not the replay's.
    """
    held = {name: start.get(name, 0) for name in votes}
    seat = sum(held.values())
    levels: list[SeatLevel] = []
    with_votes = [name for name, count in votes.items() if count > 0]
    while any(held[name] < final.get(name, 0) for name in votes):
        averages = {name: _average(divisor, votes[name], held[name]) for name in with_votes}
        top = [name for name in _best(averages) if held[name] < final.get(name, 0)]
        if not top:  # pragma: no cover - the seats given are always at the highest average
            raise AssertionError(f"final seats {dict(final)} are not at the highest averages from {held}")
        value = averages[top[0]]
        levels.append(SeatLevel(seat + 1, seat + len(top), value, tuple(top), averages))
        for name in top:
            held[name] += 1
        seat += len(top)
    return levels


def french_procedure(votes: Mapping[str, int], seats: int) -> Result:
    """The French "plus forte moyenne" as officials compute it.

    First each list gets the integer part of ``votes / quotient`` (quotient électoral =
    votes of the lists / seats); then the remaining seats go one by one to the highest
    average ``votes / (seats held + 1)``.
    """
    total = sum(votes.values())
    if seats == 0:
        return Result(dict.fromkeys(votes, 0))
    quotient = Fraction(total, seats)
    start = {name: int(count / quotient) for name, count in votes.items()}
    return naive_divisor(votes, seats, Divisor.DHONDT, start=start)


def naive_largest_remainder(votes: Mapping[str, int], seats: int, quota: Fraction) -> Result:
    """Integer parts of ``votes / quota``, then seats given (or taken back) one at a time.

    A seat goes to the largest current remainder ``votes - quota * seats held`` among the
    lists with votes; when the integer parts exceed the house, a seat is taken back from
    the smallest current remainder among the lists holding a seat. Lists at the same
    remainder move together when the seats left allow it; otherwise they are tied.
    """
    held = {name: int(count / quota) for name, count in votes.items()}
    left = seats - sum(held.values())
    while left > 0:
        pool = {name: count - quota * held[name] for name, count in votes.items() if count > 0}
        top = max(pool.values())
        group = [name for name, value in pool.items() if value == top]
        if len(group) > left:
            return Result(dict(held), tuple(group), left)
        for name in group:
            held[name] += 1
        left -= len(group)
    while left < 0:
        pool = {name: count - quota * held[name] for name, count in votes.items() if held[name] > 0}
        bottom = min(pool.values())
        group = [name for name, value in pool.items() if value == bottom]
        for name in group:
            held[name] -= 1
        if len(group) > -left:
            return Result(dict(held), tuple(group), len(group) + left)
        left += len(group)
    return Result(dict(held))
