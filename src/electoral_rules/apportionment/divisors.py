"""Highest-averages (divisor) methods: D'Hondt ("plus forte moyenne"), Sainte-Laguë and others.

A divisor method gives the seats one at a time to the list with the highest average
``votes / d(s)``, where ``s`` is the number of seats the list already holds. The methods
differ only by their divisors ``d(0), d(1), d(2), ...``:

=========================  ===============================  ===============================
member                     divisors                         also known as
=========================  ===============================  ===============================
``DHONDT``                 1, 2, 3, 4, ...                  Jefferson, plus forte moyenne
``SAINTE_LAGUE``           1, 3, 5, 7, ...                  Webster, major fractions
``MODIFIED_SAINTE_LAGUE``  1.4, 3, 5, 7, ...                Scandinavian Sainte-Laguë
``SWEDISH_SAINTE_LAGUE``   1.2, 3, 5, 7, ...                Sweden's jämkade uddatalsmetod
``DANISH``                 1, 4, 7, 10, ...
``IMPERIALI``              2, 3, 4, 5, ...                  (divisor method, not the quota)
``ADAMS``                  0, 1, 2, 3, ...                  smallest divisors
``HUNTINGTON_HILL``        0, √2, √6, √12, ... √(s(s+1))    equal proportions
=========================  ===============================  ===============================

Adams and Huntington–Hill start with a zero divisor: every list with votes gets its
first seat before any list gets a second one (an infinite average). If there are more
such lists than seats, they are all tied for those seats. Huntington–Hill averages are
irrational; they are compared exactly through their squares ``votes² / (s(s+1))``, and
that square is what the trace records.

**Speed.** The allocation does not loop once per seat. Every list starts from the seats
whose average exceeds an estimated cut-off (a closed-form count, exact on integers),
then the few seats still missing or in excess are moved with a heap. When the estimate
fills the house exactly it is the answer, with no tie: every average given is above the
cut-off and every other one at or below it. Averages are compared through exact integer
keys ``floor(votes * M / d)`` with ``M`` larger than the square of every divisor involved,
so two averages get equal keys exactly when they are equal. Cost grows with the number of
lists, not with the number of seats (see ``docs/performance.md``). The trace, built on
first access, starts the same way: D'Hondt from the quotient électoral, the other methods
(above 30 seats) from a closed-form average that the seats reaching it can never
outnumber the house; only the seats after it are told one by one.

**Ties.** Seats are given in decreasing order of averages; only the seats at the lowest
average given can be contested. When more lists share that average than seats remain,
the :class:`~electoral_rules.Tie` is settled by ``tie_break`` (by default: raise
:class:`~electoral_rules.errors.UnresolvedTieError`). A list with no votes never gets a seat.

>>> result = dhondt({"A": 1023, "B": 258, "C": 253}, seats=5)
>>> dict(result), result.quotient
({'A': 4, 'B': 1, 'C': 0}, Fraction(1534, 5))

(The AFP text this example comes from says 1 532 suffrages exprimés and a quotient of
306,4, but its three lists add up to 1 023 + 258 + 253 = 1 534; the seats are the same.)
>>> dict(sainte_lague({"A": 1023, "B": 258, "C": 253}, seats=5))
{'A': 3, 'B': 1, 'C': 1}
"""

from __future__ import annotations

import enum
import heapq
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from math import isqrt

from .._exact import Share, as_count
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, NoEligibleListError
from ..outcome import Allocation, Method, Note, NoteKind, Step, StepKind, Threshold, Tie
from ..tally import Tally, votes_of
from ..tiebreak import TieBreak
from ._options import check_options
from .thresholds import apply_threshold

__all__ = [
    "Divisor",
    "adams",
    "dhondt",
    "highest_averages",
    "huntington_hill",
    "sainte_lague",
]


@dataclass(frozen=True, slots=True)
class _Spec:
    """A divisor sequence in integer form: ``d(s) = N(s) / q`` (squared for Huntington–Hill).

    ``first`` replaces ``N(0)`` when not ``None``; ``squared`` compares ``votes**2 / N(s)``.
    """

    q: int
    r: int
    first: int | None = None
    squared: bool = False

    def n(self, s: int) -> int:
        if self.squared:
            return s * (s + 1)
        if s == 0 and self.first is not None:
            return self.first
        return self.q * s + self.r

    def ns(self, held: list[int]) -> list[int]:
        """``N(s)`` for each ``s`` in ``held`` (one pass, for speed)."""
        if self.squared:
            return [s * (s + 1) for s in held]
        q, r, first = self.q, self.r, self.first
        if first is None:
            return [q * s + r for s in held]
        return [q * s + r if s else first for s in held]

    def count_below(self, num: int, den: int) -> int:
        """How many ``s >= 0`` have ``N(s) < num / den`` (num, den > 0)."""
        if self.squared:
            if num <= 0:
                return 0
            s = isqrt(num // den)
            while s > 0 and s * (s + 1) * den >= num:
                s -= 1
            while (s + 1) * (s + 2) * den < num:
                s += 1
            return s + 1  # s = 0 always counts when num > 0
        if self.first is None:
            return max(0, -((self.r * den - num) // (self.q * den)))
        head = 1 if self.first * den < num else 0
        tail = max(0, -((self.r * den - num) // (self.q * den)) - 1)
        return head + tail


class Divisor(enum.Enum):
    """The divisor sequences; see the module documentation for the table."""

    DHONDT = "D'Hondt"
    SAINTE_LAGUE = "Sainte-Laguë"
    MODIFIED_SAINTE_LAGUE = "modified Sainte-Laguë"
    SWEDISH_SAINTE_LAGUE = "modified Sainte-Laguë (first divisor 1.2)"
    DANISH = "Danish"
    IMPERIALI = "Imperiali (divisors)"
    ADAMS = "Adams"
    HUNTINGTON_HILL = "Huntington–Hill"

    @property
    def _spec(self) -> _Spec:
        return _SPECS[self]

    def divisor(self, seats_held: int) -> Fraction:
        """The divisor applied to a list that holds ``seats_held`` seats.

        For Huntington–Hill this is the **square** of the divisor, ``s(s+1)``.

        >>> [Divisor.MODIFIED_SAINTE_LAGUE.divisor(s) for s in range(3)]
        [Fraction(7, 5), Fraction(3, 1), Fraction(5, 1)]
        >>> [Divisor.SWEDISH_SAINTE_LAGUE.divisor(s) for s in range(3)]
        [Fraction(6, 5), Fraction(3, 1), Fraction(5, 1)]
        """
        spec = self._spec
        held = as_count(seats_held, "seats_held")
        if spec.squared:
            return Fraction(held * (held + 1))
        scale = 2 if self in _ODD else (
            3 if self is Divisor.DANISH else 1
        )
        return Fraction(spec.n(held) * scale, spec.q)

    def average(self, votes: int, seats_held: int) -> Fraction | None:
        """``votes / divisor``, exactly; ``None`` stands for an infinite average (zero divisor).

        For Huntington–Hill the value is the square of the average, ``votes² / (s(s+1))``.

        >>> Divisor.DHONDT.average(1023, 3), Divisor.ADAMS.average(5, 0)
        (Fraction(1023, 4), None)
        """
        d = self.divisor(seats_held)
        if d == 0:
            return None
        base = votes * votes if self._spec.squared else votes
        return Fraction(base) / d


_SPECS: dict[Divisor, _Spec] = {
    Divisor.DHONDT: _Spec(q=1, r=1),
    Divisor.SAINTE_LAGUE: _Spec(q=2, r=1),
    Divisor.MODIFIED_SAINTE_LAGUE: _Spec(q=10, r=5, first=7),
    Divisor.SWEDISH_SAINTE_LAGUE: _Spec(q=10, r=5, first=6),
    Divisor.DANISH: _Spec(q=3, r=1),
    Divisor.IMPERIALI: _Spec(q=1, r=2),
    Divisor.ADAMS: _Spec(q=1, r=0),
    Divisor.HUNTINGTON_HILL: _Spec(q=1, r=0, squared=True),
}


_ODD = frozenset({Divisor.SAINTE_LAGUE, Divisor.MODIFIED_SAINTE_LAGUE, Divisor.SWEDISH_SAINTE_LAGUE})
"""The odd-number divisors (1, 3, 5... with a first divisor of their own): ``N(s) / q`` is half of ``d(s)``."""

_METHODS = {divisor: Method[divisor.name] for divisor in Divisor}
"""The outcome's :class:`~electoral_rules.Method` for each divisor (looked up once)."""


@dataclass(frozen=True, slots=True)
class _Core:
    """Result of the fast allocation: sure seats and the contested boundary."""

    sure: list[int]
    contenders: list[int]
    at_stake: int


_FEW = 4
"""Up to this many seats to move, passes of ``min`` over the keys; beyond, a heap."""

_SMALL = 1 << 29
"""Integers below this are one digit of CPython's int: dividing by them is fast."""


def _estimate(votes: list[int], seats: int, spec: _Spec) -> tuple[list[int], int, int]:
    """Each list's seats whose average exceeds an estimated cut-off ``cut_num / cut_den``.

    Returns the counts and the cut-off. With signposts ``s + c``, a list gets about
    ``y - c + 1/2`` seats at ``y = votes * z / total``; ``z = seats + lists * (c - 1/2)``
    makes them add up to about ``seats``, at the cut-off ``total / z`` (an average, in
    votes per divisor). Any cut-off gives exactly the seats above it; a good one leaves
    few to move. A large cut-off is rounded down to a fraction ``m / 2**k`` with ``m``
    below ``2**30`` (a relative change below ``2**-29``), so that every division below is
    by a one-digit integer, several times faster than by a long one.
    """
    total = sum(votes)
    q, r = spec.q, spec.r
    if spec.squared:
        cut_num, cut_den = total, seats
    else:
        with_votes = len(votes) - votes.count(0)
        cut_num, cut_den = 2 * q * total, 2 * q * seats + with_votes * (2 * r - q)
        if cut_den <= 0:
            cut_num, cut_den = total, seats
    if cut_num >= _SMALL:
        shift = max(0, 29 - (cut_num // cut_den).bit_length() - q.bit_length())
        cut_num, cut_den = (cut_num << shift) // cut_den, 1 << shift
    # A seat s is above the cut-off when votes * q / N(s) > cut_num / cut_den, that is
    # N(s) < votes * q * cut_den / cut_num (squared for Huntington–Hill).
    if not spec.squared and spec.first is None:
        # #{s >= 0 : q s + r < q v cut_den / cut_num} = max(0, ceil((q v cut_den - r cut_num) / (q cut_num)))
        # ceil(x / c) = (x + c - 1) // c: a multiplication, an addition, a division
        a, b, c = q * cut_den, q * cut_num - 1 - r * cut_num, q * cut_num
        counts = [(a * v + b) // c for v in votes]
        if min(counts) < 0:
            counts = [k if k > 0 else 0 for k in counts]
    elif spec.squared:
        den = cut_num * cut_num
        counts = [spec.count_below((v * cut_den) ** 2, den) if v else 0 for v in votes]
    else:
        counts = [spec.count_below(q * v * cut_den, cut_num) if v else 0 for v in votes]
    return counts, cut_num, cut_den


def _allocate(votes: list[int], seats: int, spec: _Spec) -> _Core:
    """Seats per list by the divisor ``spec``; no loop over seats (see module docs).

    Keys are ``floor(weight * scale / N(s))`` with ``scale > N(s) * N(t)`` for every pair of
    divisors compared, so that equal keys mean equal averages; a zero divisor has a key
    above every finite one.
    """
    n = len(votes)
    if seats == 0:
        return _Core([0] * n, [], 0)
    counts, _, _ = _estimate(votes, seats, spec)
    given = sum(counts)
    if given == seats:
        # The estimate gives exactly the seats whose average exceeds its cut-off: the
        # lowest average given is above it and the highest not given is at or below it,
        # so the boundary is strict and there is no tie.
        return _Core(counts, [], 0)
    q, r = spec.q, spec.r
    linear = not spec.squared and spec.first is None
    squared = spec.squared
    scale = spec.n(max(max(counts), seats) + 1) ** 2 + 1
    top = max(votes)
    infinite = ((top * top if squared else top) + 1) * scale  # above every finite key
    positive = [i for i, v in enumerate(votes) if v] if 0 in votes else list(range(n))

    def keys(who: list[int], offset: int) -> list[int]:
        """The key of seat ``counts[i] + offset + 1`` of each list ``i`` in ``who``."""
        if linear:  # one pass: N(s) = q s + r inline
            return [votes[i] * scale // d if (d := q * (counts[i] + offset) + r) else infinite for i in who]
        held = [counts[i] + offset for i in who]
        weights = [votes[i] ** 2 * scale if squared else votes[i] * scale for i in who]
        return [w // d if d else infinite for w, d in zip(weights, spec.ns(held), strict=True)]

    # The seats to move are the lowest keys: -ceil(weight / N) for a seat to add (the
    # highest average first), floor(weight / N) for a seat to take back (the lowest first);
    # either way equal keys mean equal averages.
    gone = infinite + 1  # a list with no seat left to take back
    step = 1 if given < seats else -1

    def moved_key(i: int) -> int:
        """List ``i``'s key once it has moved."""
        held = counts[i] if step > 0 else counts[i] - 1
        if held < 0:
            return gone
        d = spec.n(held)
        if not d:
            return -infinite if step > 0 else infinite
        weight = votes[i] ** 2 * scale if squared else votes[i] * scale
        return -weight // d if step > 0 else weight // d

    if step > 0:
        who = positive
        if linear and r > 0 and len(positive) == n:  # the common case, at C speed
            nscale = -scale
            lowest = [v * nscale // (q * c + r) for v, c in zip(votes, counts, strict=True)]
        else:  # -ceil, as moved_key: mixing -floor and -ceil keys hid ties at the boundary
            lowest = [moved_key(i) for i in positive]
    elif linear and r > 0:  # the common case, at C speed: lists without a seat are gone
        who = list(range(n))
        back = r - q
        lowest = [v * scale // (q * c + back) if c else gone for v, c in zip(votes, counts, strict=True)]
    else:
        who = [i for i in positive if counts[i]]
        lowest = keys(who, -1)
    moved = 0
    if abs(given - seats) <= _FEW:  # a few passes of min() cost less than a heap
        for _ in range(abs(given - seats)):
            moved = min(lowest)
            j = lowest.index(moved)
            counts[who[j]] += step
            lowest[j] = moved_key(who[j])
        after = min(lowest)
    else:
        heap = list(zip(lowest, who, strict=True))
        heapq.heapify(heap)
        for _ in range(abs(given - seats)):
            moved, i = heapq.heappop(heap)
            counts[i] += step
            if (k := moved_key(i)) != gone:
                heapq.heappush(heap, (k, i))
        after = heap[0][0] if heap else gone
    # The estimate gave every seat above its cut-off and no other, so the seats moved are
    # the ones nearest the boundary: the last seat moved and the next one that would move
    # are the two sides of it (lowest average given, highest not given). Different: no tie.
    if after != moved:
        return _Core(counts, [], 0)
    # A tie at the boundary: every list whose last average given or next average equals it.
    holding = [i for i in positive if counts[i]]
    last = keys(holding, -1)
    following = keys(positive, 0)
    boundary = min(last)
    if max(following) < boundary:
        return _Core(counts, [], 0)
    holders = [i for i, k in zip(holding, last, strict=True) if k == boundary]
    challengers = [i for i, k in zip(positive, following, strict=True) if k == boundary]
    for i in holders:
        counts[i] -= 1
    return _Core(counts, sorted(holders + challengers), len(holders))


def _prepare(
    votes: Tally | Mapping[str, int],
    seats: int,
    threshold: Share | None,
    threshold_base: int | None,
) -> tuple[Tally, int, Mapping[str, int], tuple[str, ...], Threshold | None]:
    tally = votes_of(votes)
    house = as_count(seats, "seats")
    admitted: Mapping[str, int]
    if threshold is None:
        admitted = tally.votes
        excluded: tuple[str, ...] = ()
        rule = None
    else:
        base = tally.expressed if threshold_base is None else threshold_base
        admitted, excluded, rule = apply_threshold(tally.votes, threshold, base=base)
    if house and not any(admitted.values()):
        raise NoEligibleListError(f"no list has any vote: the {house} seats cannot be allocated")
    return tally, house, admitted, excluded, rule


def highest_averages(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    divisor: Divisor = Divisor.DHONDT,
    threshold: Share | None = None,
    threshold_base: int | None = None,
    tie_break: TieBreak | None = None,
    legal_basis: str = "",
) -> Allocation:
    """Allocate ``seats`` among lists by a divisor method.

    :param votes: a :class:`~electoral_rules.Tally` or a mapping of list names to votes.
    :param seats: the number of seats to fill (``>= 0``).
    :param divisor: the :class:`Divisor` sequence; D'Hondt by default.
    :param threshold: the share of ``threshold_base`` a list must reach (inclusive, "au
        moins"), e.g. ``"5%"``; lists below it get no seat and are listed in
        :attr:`~electoral_rules.Allocation.excluded`.
    :param threshold_base: the count the threshold applies to; the suffrages exprimés
        (``tally.expressed``) by default.
    :param tie_break: how to settle a tie for the last seat(s); by default it raises
        :class:`~electoral_rules.errors.UnresolvedTieError`.
    :param legal_basis: the articles to record in the outcome; the French rules fill it,
        the generic methods leave it empty (they are not tied to a law).
    :returns: an :class:`~electoral_rules.Allocation` with every list, in the order given.
    :raises InvalidTallyError: for invalid votes; :class:`~electoral_rules.errors.NoEligibleListError`
        when seats are to be filled but no admitted list has a vote.

    >>> dict(highest_averages({"A": 100, "B": 80, "C": 30}, 7, divisor=Divisor.IMPERIALI))
    {'A': 4, 'B': 3, 'C': 0}
    >>> r = highest_averages({"A": 91, "B": 5, "C": 4}, 3, threshold="5%")
    >>> dict(r), r.excluded
    ({'A': 3, 'B': 0, 'C': 0}, ('C',))

    .. seealso:: Code électoral, art. L262, L295, L338; loi n° 77-729, art. 3 ("représentation
       proportionnelle suivant la règle de la plus forte moyenne").
    """
    if not isinstance(divisor, Divisor):
        raise InvalidArgumentError(f"divisor must be a Divisor member, not {divisor!r}")
    check_options(
        threshold=threshold, threshold_base=threshold_base, tie_break=tie_break, legal_basis=legal_basis
    )
    tally, house, admitted, excluded, rule = _prepare(votes, seats, threshold, threshold_base)
    names = list(admitted)
    counts = list(admitted.values())
    spec = _SPECS[divisor]
    core = _allocate(counts, house, spec)
    seats_of = dict(zip(names, core.sure, strict=True))
    ties: tuple[Tie, ...] = ()
    if core.contenders:
        policy = tie_break if tie_break is not None else TieBreak()
        tie = policy.settle(
            [names[i] for i in core.contenders],
            core.at_stake,
            votes=admitted,
            value=divisor.average(counts[core.contenders[0]], core.sure[core.contenders[0]]),
            stage="last seat" if core.at_stake == 1 else "last seats",
            held={names[i]: core.sure[i] for i in core.contenders},
        )
        for name in tie.winners:
            seats_of[name] += 1
        ties = (tie,)
    quotient = Fraction(tally.expressed, house) if divisor is Divisor.DHONDT and house else None
    final = FrozenMap.wrap(seats_of if not excluded else {name: seats_of.get(name, 0) for name in tally.votes})
    frozen_admitted = FrozenMap.wrap(dict(admitted)) if excluded else tally.votes

    def trace() -> tuple[Step, ...]:
        return _trace(divisor, frozen_admitted, final, house, quotient, rule, excluded, ties)

    return Allocation(
        seats=final,
        votes=tally.votes,
        house=house,
        method=_METHODS[divisor],
        quotient=quotient,
        threshold=rule,
        excluded=excluded,
        ties=ties,
        legal_basis=legal_basis,
        trace_factory=trace,
    )


_REPLAYED = 30
"""Houses of at most this many seats are told seat by seat from the first (D'Hondt
excepted, which starts from the quotient électoral as French officials do)."""

_SLOPES: dict[Divisor, tuple[int, int]] = {
    Divisor.SAINTE_LAGUE: (2, 1),
    Divisor.MODIFIED_SAINTE_LAGUE: (2, 1),  # its first divisor, 1.4, is above Sainte-Laguë's 1
    Divisor.SWEDISH_SAINTE_LAGUE: (2, 1),  # 1.2, also above 1
    Divisor.DANISH: (3, 1),
    Divisor.IMPERIALI: (1, 2),
    Divisor.ADAMS: (1, 0),
    Divisor.HUNTINGTON_HILL: (1, 0),  # sqrt(s(s+1)) >= s: never more seats than Adams
}
"""``(a, b)`` with the divisor ``d(s) >= a s + b`` for every ``s``: what the cut-off needs."""


def _cutoff(divisor: Divisor, admitted: Mapping[str, int], house: int) -> Fraction | None:
    """An average that the seats reaching it can never outnumber the house, or ``None``.

    With ``d(s) >= a s + b``, a list with ``v`` votes has at most ``v / (a c) + (a - b) / a``
    seats whose average ``v / d(s)`` reaches ``c`` (at most ``v / (a c)`` when ``b >= a``);
    over ``n`` lists with votes these add up to at most ``house`` for
    ``c = total / (a house - n (a - b))`` (``total / (a house)`` when ``b >= a``). For
    D'Hondt (``a = b = 1``) this is the quotient électoral. Every seat whose average
    reaches it is therefore given (the boundary is below it, or the seats reaching it are
    exactly the house's).
    """
    a, b = _SLOPES[divisor]
    with_votes = [v for v in admitted.values() if v]
    spread = a * house - (len(with_votes) * (a - b) if a > b else 0)
    if spread <= 0 or not with_votes:
        return None
    return Fraction(sum(with_votes), spread)


def _reaching(divisor: Divisor, votes: int, cut: Fraction) -> int:
    """How many seats of a list with ``votes`` have an average at or above ``cut``."""
    if not votes:
        return 0
    a, _ = _SLOPES[divisor]
    count = max(0, int(votes / (cut * a)) - 1)  # a guess, then exact steps

    def reaches(s: int) -> bool:
        value = divisor.average(votes, s)
        return value is None or value >= (cut * cut if divisor is Divisor.HUNTINGTON_HILL else cut)

    while count > 0 and not reaches(count - 1):
        count -= 1
    while reaches(count):
        count += 1
    return count


def _start(
    divisor: Divisor, admitted: Mapping[str, int], house: int, quotient: Fraction | None
) -> tuple[dict[str, int], list[Step]]:
    """Where the seat-by-seat part of the trace starts.

    D'Hondt: the quotient's integer parts. Other divisors, above :data:`_REPLAYED` seats:
    every seat whose average reaches the :func:`_cutoff` (a ``QUOTIENT`` step noted
    ``"cut-off"``, then each list's seats), so that only the seats around the boundary
    are told one by one. Otherwise the first seat of every list for zero-divisor methods,
    else nothing.
    """
    steps: list[Step] = []
    if divisor is Divisor.DHONDT and quotient is not None:
        steps.append(Step(kind=StepKind.QUOTIENT, value=quotient, seats=house))
        start = {name: int(v / quotient) for name, v in admitted.items()}
        steps.extend(
            Step(kind=StepKind.INITIAL, subject=name, seats=n, value=Fraction(admitted[name]) / quotient)
            for name, n in start.items()
        )
        return start, steps
    cut = _cutoff(divisor, admitted, house) if divisor is not Divisor.DHONDT and house > _REPLAYED else None
    if cut is not None:
        start = {name: _reaching(divisor, v, cut) for name, v in admitted.items()}
        steps.append(Step(kind=StepKind.QUOTIENT, value=cut, seats=house, note="cut-off"))
        steps.extend(Step(kind=StepKind.INITIAL, subject=name, seats=n) for name, n in start.items())
        return start, steps
    start = dict.fromkeys(admitted, 0)
    if divisor._spec.n(0) == 0:
        with_votes = [name for name, v in admitted.items() if v > 0]
        if len(with_votes) <= house:
            for name in with_votes:
                start[name] = 1
            steps.extend(Step(kind=StepKind.INITIAL, subject=name, seats=1) for name in with_votes)
    return start, steps


def _trace(
    divisor: Divisor,
    admitted: Mapping[str, int],
    final: Mapping[str, int],
    house: int,
    quotient: Fraction | None,
    rule: Threshold | None,
    excluded: tuple[str, ...],
    ties: tuple[Tie, ...],
) -> tuple[Step, ...]:
    """Rebuild the calculation seat by seat from its starting point (on demand only).

    Each seat recomputes only the average of the list that took the previous one.
    """
    steps: list[Step] = []
    if rule is not None:
        steps.extend(
            Step(kind=StepKind.THRESHOLD, subject=name, passed=name not in excluded, value=rule.share)
            for name in final
        )
    held, start_steps = _start(divisor, admitted, house, quotient)
    steps.extend(start_steps)
    seat = sum(held.values())
    total = sum(final.values())
    names = list(admitted)
    index = {name: i for i, name in enumerate(names)}
    averages = _averages(divisor, admitted, held)
    while seat < total:
        best = _best(averages)
        tied = [name for name, value in averages if value == best]
        value: Fraction | None = best
        shown: tuple[tuple[str, Fraction], ...] = tuple(averages)
        detail: Note | None = None
        if best is _INFINITE:  # zero divisor: first seats, more lists than seats
            value, shown, detail = None, (), _ZERO_DIVISOR
        if len(tied) > total - seat or any(held[n] == final.get(n, 0) for n in tied):
            steps.append(
                Step(kind=StepKind.TIE, value=value, seats=total - seat, detail=detail,
                     values=tuple((n, v) for n, v in shown if v == best))
            )
        moved = False
        for name in tied:
            if held[name] < final[name]:
                seat += 1
                held[name] += 1
                moved = True
                steps.append(
                    Step(kind=StepKind.SEAT, seat=seat, subject=name, value=value, values=shown, detail=detail)
                )
                averages[index[name]] = (name, _average(divisor, admitted[name], held[name]))
        if not moved:  # pragma: no cover - the seats given are always at the highest average
            break
    if seat < house:
        steps.append(Step(kind=StepKind.TIE, seats=house - seat, note="undetermined"))
    return tuple(steps)


_INFINITE = Fraction(-1)
_ZERO_DIVISOR = Note(kind=NoteKind.ZERO_DIVISOR_FIRST_SEAT)


def _averages(
    divisor: Divisor, admitted: Mapping[str, int], held: Mapping[str, int]
) -> list[tuple[str, Fraction]]:
    return [(name, _average(divisor, v, held[name])) for name, v in admitted.items()]


def _average(divisor: Divisor, votes: int, held: int) -> Fraction:
    """The average shown for a list holding ``held`` seats; :data:`_INFINITE` for a zero divisor."""
    value = divisor.average(votes, held) if votes else Fraction(0)
    return _INFINITE if value is None else value


def _best(averages: list[tuple[str, Fraction]]) -> Fraction:
    values = [value for _, value in averages]
    return _INFINITE if any(v is _INFINITE for v in values) else max(values)


def dhondt(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    threshold: Share | None = None,
    threshold_base: int | None = None,
    tie_break: TieBreak | None = None,
    legal_basis: str = "",
) -> Allocation:
    """D'Hondt, the French "plus forte moyenne": :func:`highest_averages` with ``Divisor.DHONDT``.

    The result is the same as the French two-step procedure: each list first gets the
    integer part of ``votes / quotient`` (quotient électoral = exprimés / seats), then the
    remaining seats go one by one to the highest average ``votes / (seats + 1)``.

    >>> dict(dhondt({"A": 1023, "B": 258, "C": 253}, seats=5))
    {'A': 4, 'B': 1, 'C': 0}

    .. seealso:: Code électoral, art. L262, L295, L338; loi n° 77-729, art. 3.
    """
    return highest_averages(
        votes,
        seats,
        divisor=Divisor.DHONDT,
        threshold=threshold,
        threshold_base=threshold_base,
        tie_break=tie_break,
        legal_basis=legal_basis,
    )


def sainte_lague(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    threshold: Share | None = None,
    threshold_base: int | None = None,
    tie_break: TieBreak | None = None,
) -> Allocation:
    """Sainte-Laguë (Webster): :func:`highest_averages` with divisors 1, 3, 5, ...

    >>> dict(sainte_lague({"A": 53, "B": 24, "C": 23}, seats=7))
    {'A': 3, 'B': 2, 'C': 2}
    """
    return highest_averages(
        votes, seats, divisor=Divisor.SAINTE_LAGUE, threshold=threshold,
        threshold_base=threshold_base, tie_break=tie_break,
    )


def adams(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    tie_break: TieBreak | None = None,
) -> Allocation:
    """Adams (smallest divisors 0, 1, 2, ...): every list with votes gets a seat first.

    >>> dict(adams({"A": 900, "B": 50, "C": 50}, seats=3))
    {'A': 1, 'B': 1, 'C': 1}
    """
    return highest_averages(votes, seats, divisor=Divisor.ADAMS, tie_break=tie_break)


def huntington_hill(
    votes: Tally | Mapping[str, int],
    seats: int,
    *,
    tie_break: TieBreak | None = None,
) -> Allocation:
    """Huntington–Hill (equal proportions), compared exactly through squared averages.

    >>> dict(huntington_hill({"A": 900, "B": 50, "C": 50}, seats=5))
    {'A': 3, 'B': 1, 'C': 1}
    """
    return highest_averages(votes, seats, divisor=Divisor.HUNTINGTON_HILL, tie_break=tie_break)
