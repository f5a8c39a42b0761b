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
lists, not with the number of seats (see ``docs/performance.md``).

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
        """
        spec = self._spec
        held = as_count(seats_held, "seats_held")
        if spec.squared:
            return Fraction(held * (held + 1))
        scale = 2 if self in (Divisor.SAINTE_LAGUE, Divisor.MODIFIED_SAINTE_LAGUE) else (
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
    Divisor.DANISH: _Spec(q=3, r=1),
    Divisor.IMPERIALI: _Spec(q=1, r=2),
    Divisor.ADAMS: _Spec(q=1, r=0),
    Divisor.HUNTINGTON_HILL: _Spec(q=1, r=0, squared=True),
}


@dataclass(frozen=True, slots=True)
class _Core:
    """Result of the fast allocation: sure seats and the contested boundary."""

    sure: list[int]
    contenders: list[int]
    at_stake: int


def _allocate(votes: list[int], seats: int, spec: _Spec) -> _Core:
    """Seats per list by the divisor ``spec``; no loop over seats (see module docs).

    Keys are ``floor(weight * scale / N(s))`` with ``scale > N(s) * N(t)`` for every pair of
    divisors compared, so that equal keys mean equal averages; a zero divisor has a key
    above every finite one.
    """
    n = len(votes)
    if seats == 0:
        return _Core([0] * n, [], 0)
    total = sum(votes)
    with_votes = n - votes.count(0)
    q, r = spec.q, spec.r
    linear = not spec.squared and spec.first is None
    # Estimated cut-off: with signposts s + c, a list gets about y - c + 1/2 seats at
    # y = votes * z / total; z = seats + lists * (c - 1/2) = zn / zd makes them add up
    # to about `seats`. Any z gives valid seats; a good one leaves few to move.
    if spec.squared:
        zn, zd = seats, 1
    else:
        zn, zd = 2 * q * seats + with_votes * (2 * r - q), 2 * q
        if zn <= 0:
            zn, zd = seats, 1
    if linear:
        # #{s >= 0 : q s + r < q v zn / (total zd)} = max(0, ceil((a v - b) / c))
        a, b, c = q * zn, r * total * zd, q * total * zd
        counts = [k if (k := -((b - a * v) // c)) > 0 else 0 for v in votes]
    elif spec.squared:
        den = (total * zd) ** 2
        counts = [spec.count_below((v * zn) ** 2, den) if v else 0 for v in votes]
    else:
        den = total * zd
        counts = [spec.count_below(q * v * zn, den) if v else 0 for v in votes]
    given = sum(counts)
    if given == seats:
        # The estimate gives exactly the seats whose average exceeds the cut-off
        # total * zd / zn: the lowest average given is above it and the highest not given
        # is at or below it, so the boundary is strict and there is no tie.
        return _Core(counts, [], 0)
    scale = spec.n(max(max(counts), seats) + 1) ** 2 + 1
    top = max(votes)
    infinite = ((top * top if spec.squared else top) + 1) * scale  # above every finite key
    positive = [i for i, v in enumerate(votes) if v]
    weights = [v * v * scale for v in votes] if spec.squared else [v * scale for v in votes]

    def keys(who: list[int], offset: int) -> list[int]:
        """The key of seat ``counts[i] + offset + 1`` of each list ``i`` in ``who``."""
        if linear:  # one pass: N(s) = q s + r inline
            return [weights[i] // d if (d := q * (counts[i] + offset) + r) else infinite for i in who]
        held = [counts[i] + offset for i in who]
        return [weights[i] // d if d else infinite for i, d in zip(who, spec.ns(held), strict=True)]

    if given != seats:
        if given < seats:  # add the seats with the highest next averages
            heap = [(-k, i) for k, i in zip(keys(positive, 0), positive, strict=True)]
            step = 1
        else:  # take back the seats with the lowest last averages
            holding = [i for i in positive if counts[i]]
            heap = [(k, i) for k, i in zip(keys(holding, -1), holding, strict=True)]
            step = -1
        heapq.heapify(heap)
        for _ in range(abs(given - seats)):
            _, i = heapq.heappop(heap)
            counts[i] += step
            held = counts[i] if step > 0 else counts[i] - 1
            if held >= 0:
                d = spec.n(held)
                k = weights[i] // d if d else infinite
                heapq.heappush(heap, (-k if step > 0 else k, i))
    # The boundary: the lowest average given against the highest average not given.
    holding = [i for i in positive if counts[i]]
    last = keys(holding, -1)
    following = keys(positive, 0)
    lowest = min(last)
    if max(following) < lowest:
        return _Core(counts, [], 0)
    holders = [i for i, k in zip(holding, last, strict=True) if k == lowest]
    challengers = [i for i, k in zip(positive, following, strict=True) if k == lowest]
    for i in holders:
        counts[i] -= 1
    return _Core(counts, sorted(holders + challengers), len(holders))


def _prepare(
    votes: Tally | Mapping[str, int],
    seats: int,
    threshold: Share | None,
    threshold_base: int | None,
) -> tuple[Tally, int, dict[str, int], tuple[str, ...], Threshold | None]:
    tally = votes_of(votes)
    house = as_count(seats, "seats")
    if threshold is None:
        admitted = dict(tally.votes.items())
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
    spec = divisor._spec
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
    final = FrozenMap({name: seats_of.get(name, 0) for name in tally.votes})
    frozen_admitted = FrozenMap(admitted)

    def trace() -> tuple[Step, ...]:
        return _trace(divisor, frozen_admitted, final, house, quotient, rule, excluded, ties)

    return Allocation(
        seats=final,
        votes=tally.votes,
        house=house,
        method=Method[divisor.name],
        quotient=quotient,
        threshold=rule,
        excluded=excluded,
        ties=ties,
        legal_basis=legal_basis,
        trace_factory=trace,
    )


def _start(
    divisor: Divisor, admitted: Mapping[str, int], house: int, quotient: Fraction | None
) -> tuple[dict[str, int], list[Step]]:
    """Where the seat-by-seat part of the trace starts: the quotient's integer parts for
    D'Hondt, the first seat of every list for zero-divisor methods, else nothing."""
    steps: list[Step] = []
    if divisor is Divisor.DHONDT and quotient is not None:
        steps.append(Step(kind=StepKind.QUOTIENT, value=quotient, seats=house))
        start = {name: int(v / quotient) for name, v in admitted.items()}
        steps.extend(
            Step(kind=StepKind.INITIAL, subject=name, seats=n, value=Fraction(admitted[name]) / quotient)
            for name, n in start.items()
        )
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
    """Rebuild the calculation seat by seat from its starting point (on demand only)."""
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
    while seat < total:
        averages = _averages(divisor, admitted, held)
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
    result = []
    for name, v in admitted.items():
        value = divisor.average(v, held[name]) if v else Fraction(0)
        result.append((name, _INFINITE if value is None else value))
    return result


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
