"""Largest-remainder (quota) methods: Hare, Droop, Hagenbach-Bischoff (exact or rounded), Imperiali.

Each list first gets the integer part of ``votes / quota``; the seats still free go to
the largest remainders ``votes - quota * integer part``. The quotas are exact:

>>> hare_quota(1532, 5), droop_quota(1532, 5), hagenbach_bischoff_quota(1532, 5)
(Fraction(1532, 5), 256, Fraction(766, 3))
>>> imperiali_quota(1532, 5)
Fraction(1532, 7)

**Over-allocation.** With the Hagenbach-Bischoff and Imperiali quotas the integer parts
can add up to more seats than the house (by at most 1 and 2 seats; more with the rounded
Hagenbach-Bischoff quota when there are very few votes per seat). The documented policy,
:attr:`OverAllocation.SMALLEST_REMAINDERS_LOSE` (the default), takes the excess seats back
one by one from the lists whose last seat is the least covered: the smallest remainder
``votes - quota * integer part`` loses first (ties settled by ``tie_break``). A list gives
back a second seat only after every list holding a seat has given one back (a single list
under the Imperiali quota, for instance). :attr:`OverAllocation.RAISE` refuses instead.

**Under-allocation.** Symmetrically, when more seats are free than lists with votes (the
Droop quota with very few votes per seat), the remainder seats are given in rounds: every
list with votes gets one before any gets a second.

A tie on a remainder that the tie-break leaves unresolved (:attr:`IfUnresolved.REPORT
<electoral_rules.tiebreak.IfUnresolved.REPORT>`) leaves the seats at stake undetermined:
when seats are taken back, every tied list gives its seat back and the
:class:`~electoral_rules.Tie` records how many of them would keep one.

>>> dict(largest_remainder({"A": 1023, "B": 258, "C": 253}, 5))
{'A': 3, 'B': 1, 'C': 1}
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from fractions import Fraction

from .._exact import Share, as_count
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, NoEligibleListError
from ..outcome import Allocation, Method, Note, NoteKind, Step, StepKind, Threshold, Tie
from ..tally import Tally, votes_of
from ..tiebreak import TieBreak
from ._options import check_options
from .thresholds import apply_threshold

__all__ = [
    "OverAllocation",
    "Quota",
    "droop_quota",
    "hagenbach_bischoff_quota",
    "hagenbach_bischoff_rounded_quota",
    "hare_quota",
    "imperiali_quota",
    "largest_remainder",
]


def _check(votes: int, seats: int) -> tuple[int, int]:
    total = as_count(votes, "votes")
    house = as_count(seats, "seats")
    if house == 0:
        raise InvalidArgumentError("a quota needs at least one seat (seats = 0)")
    return total, house


def hare_quota(votes: int, seats: int) -> Fraction:
    """Hare quota ``votes / seats`` (the French quotient électoral), exact.

    >>> hare_quota(1534, 5)
    Fraction(1534, 5)
    """
    total, house = _check(votes, seats)
    return Fraction(total, house)


def droop_quota(votes: int, seats: int) -> int:
    """Droop quota ``floor(votes / (seats + 1)) + 1``, an integer by definition.

    >>> droop_quota(1534, 5), droop_quota(1530, 5)
    (256, 256)
    """
    total, house = _check(votes, seats)
    return total // (house + 1) + 1


def hagenbach_bischoff_quota(votes: int, seats: int) -> Fraction:
    """Hagenbach-Bischoff quota ``votes / (seats + 1)``, exact (not rounded).

    >>> hagenbach_bischoff_quota(1534, 5)
    Fraction(767, 3)
    """
    total, house = _check(votes, seats)
    return Fraction(total, house + 1)


def hagenbach_bischoff_rounded_quota(votes: int, seats: int) -> int:
    """Hagenbach-Bischoff quota rounded to the nearest integer, halves up: ``round(votes / (seats + 1))``.

    This is how votelib computes the Slovak National Council's *republikové volebné
    číslo* (valid votes of the qualifying parties / 151, rounded). The rounding rule of the
    Slovak statute itself is UNVERIFIED here.

    >>> hagenbach_bischoff_rounded_quota(2_061_100, 150), hagenbach_bischoff_rounded_quota(13, 1)
    (13650, 7)
    """
    total, house = _check(votes, seats)
    return (2 * total + house + 1) // (2 * (house + 1))


def imperiali_quota(votes: int, seats: int) -> Fraction:
    """Imperiali quota ``votes / (seats + 2)``, exact.

    >>> imperiali_quota(1534, 5)
    Fraction(1534, 7)
    """
    total, house = _check(votes, seats)
    return Fraction(total, house + 2)


class Quota(enum.Enum):
    """The quotas :func:`largest_remainder` accepts."""

    HARE = "Hare"
    DROOP = "Droop"
    HAGENBACH_BISCHOFF = "Hagenbach-Bischoff"
    HAGENBACH_BISCHOFF_ROUNDED = "Hagenbach-Bischoff (rounded)"
    IMPERIALI = "Imperiali"

    def of(self, votes: int, seats: int) -> Fraction:
        """The quota for ``votes`` and ``seats``, as an exact ``Fraction``.

        >>> Quota.DROOP.of(1534, 5), Quota.HAGENBACH_BISCHOFF_ROUNDED.of(1534, 5)
        (Fraction(256, 1), Fraction(256, 1))
        """
        return Fraction(_QUOTAS[self](votes, seats))


_QUOTAS: dict[Quota, Callable[[int, int], Fraction | int]] = {
    Quota.HARE: hare_quota,
    Quota.DROOP: droop_quota,
    Quota.HAGENBACH_BISCHOFF: hagenbach_bischoff_quota,
    Quota.HAGENBACH_BISCHOFF_ROUNDED: hagenbach_bischoff_rounded_quota,
    Quota.IMPERIALI: imperiali_quota,
}


class OverAllocation(enum.Enum):
    """What to do when the quota's integer parts exceed the house."""

    SMALLEST_REMAINDERS_LOSE = "smallest remainders lose"
    RAISE = "raise"


def largest_remainder(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    quota: Quota = Quota.HARE,
    threshold: Share | None = None,
    threshold_base: int | None = None,
    over_allocation: OverAllocation = OverAllocation.SMALLEST_REMAINDERS_LOSE,
    tie_break: TieBreak | None = None,
    legal_basis: str = "",
) -> Allocation:
    """Allocate ``seats`` by integer parts of ``votes / quota``, then largest remainders.

    The quota is computed on the votes of the lists admitted by the threshold.

    :param quota: the :class:`Quota`; Hare by default.
    :param threshold: inclusive share of ``threshold_base`` (the suffrages exprimés by default).
    :param over_allocation: the policy when integer parts exceed the house (see module docs).
    :param tie_break: settles equal remainders at the boundary; raises by default.
    :raises InvalidArgumentError: with ``OverAllocation.RAISE`` when the quota over-allocates.

    >>> dict(largest_remainder({"A": 47, "B": 16, "C": 15, "D": 12, "E": 6, "F": 4}, 5))
    {'A': 2, 'B': 1, 'C': 1, 'D': 1, 'E': 0, 'F': 0}
    >>> dict(largest_remainder({"A": 47, "B": 16, "C": 15, "D": 12, "E": 6, "F": 4}, 5,
    ...                        quota=Quota.DROOP))
    {'A': 3, 'B': 1, 'C': 1, 'D': 0, 'E': 0, 'F': 0}
    """
    if not isinstance(quota, Quota):
        raise InvalidArgumentError(f"quota must be a Quota member, not {quota!r}")
    if not isinstance(over_allocation, OverAllocation):
        raise InvalidArgumentError(f"over_allocation must be an OverAllocation member, not {over_allocation!r}")
    check_options(
        threshold=threshold, threshold_base=threshold_base, tie_break=tie_break, legal_basis=legal_basis
    )
    tally = votes_of(votes)
    house = as_count(seats, "seats")
    rule: Threshold | None = None
    excluded: tuple[str, ...] = ()
    admitted: Mapping[str, int] = tally.votes
    if threshold is not None:
        base = tally.expressed if threshold_base is None else threshold_base
        admitted, excluded, rule = apply_threshold(tally.votes, threshold, base=base)
    names = list(admitted)
    values = list(admitted.values())
    total = sum(values)
    if house and total == 0:
        raise NoEligibleListError(f"no list has any vote: the {house} seats cannot be allocated")
    counts = [0] * len(values)
    q: Fraction | None = None
    ties: tuple[Tie, ...] = ()
    notes: list[Note] = []
    if house:
        num, den = _ratio(quota, total, house)
        if num <= 0:
            raise InvalidArgumentError(
                f"the {quota.value} quota of {total} votes for {house} seats is 0: "
                "no list can be given a seat by it"
            )
        q = Fraction(num, den)
        # The quota is num / den: votes / quota = votes * den / num, and the remainder
        # votes - quota * seats is rests[i] / den, so remainders compare as integers.
        parts = [divmod(v * den, num) for v in values]
        counts = [whole for whole, _ in parts]
        rests = [rest for _, rest in parts]
        free = house - sum(counts)
        policy = tie_break if tie_break is not None else TieBreak()
        if free > 0:
            ties = _give(free, num, den, names, values, counts, rests, policy, admitted)
        elif free < 0:
            if over_allocation is OverAllocation.RAISE:
                raise InvalidArgumentError(
                    f"the {quota.value} quota gives {house - free} seats as integer parts, "
                    f"more than the {house} to fill"
                )
            notes.append(Note.of(NoteKind.OVER_ALLOCATION, quota=quota.value, excess=-free))
            ties = _take_back(-free, num, den, names, values, counts, rests, policy, admitted)
    seats_of = dict(zip(names, counts, strict=True))
    final = FrozenMap.wrap(seats_of if not excluded else {name: seats_of.get(name, 0) for name in tally.votes})
    given = FrozenMap.wrap(dict(admitted)) if excluded else tally.votes

    def trace() -> tuple[Step, ...]:
        return _trace(quota, q, house, given, final, rule, excluded)

    return Allocation(
        seats=final,
        votes=tally.votes,
        house=house,
        method=Method["LR_" + quota.name],
        quotient=q,
        threshold=rule,
        excluded=excluded,
        ties=ties,
        legal_basis=legal_basis,
        notes=tuple(notes),
        trace_factory=trace,
    )


def _ratio(quota: Quota, total: int, house: int) -> tuple[int, int]:
    """The quota as ``numerator, denominator`` integers (not reduced): one division each."""
    if quota is Quota.HARE:
        return total, house
    if quota is Quota.HAGENBACH_BISCHOFF:
        return total, house + 1
    if quota is Quota.IMPERIALI:
        return total, house + 2
    return int(_QUOTAS[quota](total, house)), 1


def _trace(
    quota: Quota,
    q: Fraction | None,
    house: int,
    admitted: Mapping[str, int],
    final: Mapping[str, int],
    rule: Threshold | None,
    excluded: tuple[str, ...],
) -> tuple[Step, ...]:
    """The threshold, the quota, each list's integer part and the seats moved by remainder."""
    steps: list[Step] = []
    if rule is not None:
        steps.extend(
            Step(kind=StepKind.THRESHOLD, subject=name, passed=name not in excluded, value=rule.share)
            for name in final
        )
    if q is None:
        return tuple(steps)
    steps.append(Step(kind=StepKind.QUOTIENT, value=q, seats=house, note=quota.value))
    whole = {name: int(v / q) for name, v in admitted.items()}
    steps.extend(
        Step(kind=StepKind.INITIAL, subject=name, seats=n, value=Fraction(admitted[name]) / q)
        for name, n in whole.items()
    )
    remainders = {name: v - q * whole[name] for name, v in admitted.items()}
    for name in sorted(remainders, key=lambda item: -remainders[item]):
        change = final[name] - whole[name]
        if change:
            steps.append(Step(kind=StepKind.REMAINDER, subject=name, seats=change, value=remainders[name]))
    return tuple(steps)


def _give(
    count: int,
    num: int,
    den: int,
    names: list[str],
    values: list[int],
    counts: list[int],
    rests: list[int],
    policy: TieBreak,
    votes: Mapping[str, int],
) -> tuple[Tie, ...]:
    """Give ``count`` seats to the largest remainders ``rests[i] / den``, in rounds; settle a tie.

    Only lists with votes take part; a list moves at most once per round, so a second seat
    moves only when every list has moved once. Full rounds first (every list one seat),
    then one sort of the remainders: the seats go to the first ``left``, unless the
    remainder at the boundary is shared across it (a tie for the seats left at that level).
    """
    pool = [i for i, v in enumerate(values) if v > 0]
    rounds = (count - 1) // len(pool)
    left = count - rounds * len(pool)  # 1 <= left <= len(pool)
    if rounds:
        for i in pool:
            counts[i] += rounds
            rests[i] -= num * rounds
    order = sorted(pool, key=rests.__getitem__, reverse=True)
    if left == len(order) or rests[order[left - 1]] != rests[order[left]]:
        for i in order[:left]:
            counts[i] += 1
        return ()
    level = rests[order[left - 1]]
    group = [names[i] for i in pool if rests[i] == level]
    for i in pool:
        if rests[i] > level:
            counts[i] += 1
            left -= 1
    tie = policy.settle(group, left, votes=votes, value=Fraction(level, den), stage="largest remainder")
    index = {name: i for i, name in enumerate(names)}
    for name in tie.winners:
        counts[index[name]] += 1
    return (tie,)


def _take_back(
    count: int,
    num: int,
    den: int,
    names: list[str],
    values: list[int],
    counts: list[int],
    rests: list[int],
    policy: TieBreak,
    votes: Mapping[str, int],
) -> tuple[Tie, ...]:
    """Take back ``count`` seats from the smallest remainders, in rounds; settle a tie.

    Each round ranks the lists holding a seat by their current remainder
    ``rests[i] / den``; a list gives back at most one seat per round. Equal remainders that
    the seats left cannot all cover form a tie: every tied list gives its seat back and
    those the tie-break prefers keep it.
    """
    left = count
    while True:
        pool = [i for i, n in enumerate(counts) if n > 0]
        # full rounds first, as long as every list in the pool keeps a seat
        rounds = min((left - 1) // len(pool), min(counts[i] for i in pool) - 1)
        if rounds:
            for i in pool:
                counts[i] -= rounds
                rests[i] += num * rounds
            left -= rounds * len(pool)
        order = sorted(pool, key=rests.__getitem__)
        start = 0
        while start < len(order):
            level = rests[order[start]]
            end = start + 1
            while end < len(order) and rests[order[end]] == level:
                end += 1
            if end - start <= left:
                for i in order[start:end]:
                    counts[i] -= 1
                    rests[i] += num
                left -= end - start
                if left == 0:
                    return ()
                start = end
                continue
            tied = order[start:end]  # in input order: the sort is stable
            group = [names[i] for i in tied]
            tie = policy.settle(
                group, len(group) - left, votes=votes, value=Fraction(level, den), stage="smallest remainder"
            )
            for i in tied:
                if names[i] not in tie.winners:
                    counts[i] -= 1
            return (tie,)
