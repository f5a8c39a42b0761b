"""Tie-break policies: the criteria the law applies, in order, when votes or averages are equal.

A :class:`TieBreak` is an ordered tuple of :class:`Criterion` and what to do when they are
exhausted (:class:`IfUnresolved`). Each criterion ranks the tied contenders; the first
criterion that separates those competing for the last seats decides, the next ones are
used only among those still tied. Nothing depends on dict or set order.

>>> policy = TieBreak(criteria=(most_votes(), given_order(["B", "A"])))
>>> tie = policy.settle(("A", "B"), seats=1, votes={"A": 10, "B": 10})
>>> tie.winners, tie.resolved_by
(('B',), ('most votes', 'given order'))

Without a criterion that separates them, the default is to raise:

>>> TieBreak().settle(("A", "B"), seats=1, votes={"A": 10, "B": 10})  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
electoral_rules.errors.UnresolvedTieError: tie for the last seat between 'A' and 'B' (1 seat at stake): ...
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .errors import InvalidArgumentError, UnresolvedTieError
from .outcome import Tie
from .tally import Candidate, PartyList

__all__ = [
    "Criterion",
    "IfUnresolved",
    "Key",
    "TieBreak",
    "as_if_unresolved",
    "given_order",
    "highest_list_average_age",
    "lowest_list_average_age",
    "most_votes",
    "oldest_candidate",
]

Key = Callable[[str, Mapping[str, int]], Fraction | int]


@dataclass(frozen=True, slots=True)
class Criterion:
    """One tie-break criterion: a name (with its legal basis) and a key; the larger key wins.

    :ivar name: shown in explanations, e.g. ``"most votes (Code électoral, art. L262)"``.
    :ivar key: ``key(contender, votes)`` returns a number; it may raise
        :class:`~electoral_rules.errors.UnresolvedTieError` when data it needs is missing.
    """

    name: str
    key: Key


class IfUnresolved(enum.Enum):
    """What happens when every criterion has been applied and contenders remain tied."""

    RAISE = "raise"
    """Raise :class:`~electoral_rules.errors.UnresolvedTieError` (the default)."""
    REPORT = "report"
    """Leave the seats at stake undetermined and record the :class:`~electoral_rules.Tie`."""


def as_if_unresolved(value: object) -> IfUnresolved:
    """``value`` as an :class:`IfUnresolved` member, else
    :class:`~electoral_rules.errors.InvalidArgumentError` (a string is refused too).

    >>> as_if_unresolved(IfUnresolved.REPORT)
    <IfUnresolved.REPORT: 'report'>
    """
    if not isinstance(value, IfUnresolved):
        raise InvalidArgumentError(
            f"if_unresolved must be IfUnresolved.REPORT or IfUnresolved.RAISE, got {value!r}"
        )
    return value


def _describe(contenders: Sequence[str]) -> str:
    quoted = [repr(name) for name in contenders]
    if len(quoted) <= 2:
        return " and ".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


@dataclass(frozen=True, slots=True, kw_only=True)
class TieBreak:
    """An ordered list of criteria, and the policy once they are exhausted."""

    criteria: tuple[Criterion, ...] = ()
    if_unresolved: IfUnresolved = IfUnresolved.RAISE
    criteria_from_seats: Callable[[Mapping[str, int]], tuple[Criterion, ...]] | None = None
    """Criteria that depend on the seats each contender holds before the tied seat (the
    next candidate a list would seat, for "le plus âgé des candidats susceptibles d'être
    proclamés élus"): called with those seats and applied after :attr:`criteria`."""

    def settle(
        self,
        contenders: Sequence[str],
        seats: int,
        *,
        votes: Mapping[str, int],
        value: Fraction | None = None,
        stage: str = "last seat",
        held: Mapping[str, int] | None = None,
    ) -> Tie:
        """Choose ``seats`` winners among ``contenders`` and return the :class:`Tie` record.

        :raises UnresolvedTieError: when the criteria do not separate the contenders and
            the policy is :attr:`IfUnresolved.RAISE`.
        :raises InvalidArgumentError: unless ``0 < seats < len(contenders)``.

        ``held`` (seats per contender before the tied seat) is what
        :attr:`criteria_from_seats` is called with; the divisor methods pass it.

        >>> policy = TieBreak(criteria=(most_votes(),), if_unresolved=IfUnresolved.REPORT)
        >>> tie = policy.settle(("A", "B", "C"), 1, votes={"A": 4, "B": 4, "C": 1})
        >>> tie.winners, tie.undetermined, tie.unresolved
        ((), 1, ('A', 'B'))
        """
        contenders = tuple(contenders)
        if not 0 < seats < len(contenders):
            raise InvalidArgumentError(
                f"a tie needs fewer seats ({seats}) than contenders ({len(contenders)})"
            )
        winners: list[str] = []
        open_group = list(contenders)
        need = seats
        used: list[str] = []
        criteria = self.criteria
        if self.criteria_from_seats is not None:
            criteria = criteria + self.criteria_from_seats(dict(held or {}))
        for criterion in criteria:
            keys = {name: criterion.key(name, votes) for name in open_group}
            ranked = sorted(set(keys.values()), reverse=True)
            used.append(criterion.name)
            next_group: list[str] = []
            for level in ranked:
                group = [name for name in open_group if keys[name] == level]
                if len(group) <= need:
                    winners.extend(group)
                    need -= len(group)
                else:
                    next_group = group
                    break
                if need == 0:
                    break
            open_group = next_group
            if need == 0:
                break
        tie = Tie(
            contenders=contenders,
            seats=seats,
            value=value,
            stage=stage,
            winners=tuple(winners),
            resolved_by=tuple(used),
            still_tied=tuple(name for name in contenders if name in open_group) if need else (),
        )
        if need and self.if_unresolved is IfUnresolved.RAISE:
            still = tuple(name for name in contenders if name in open_group)
            plural = "s" if need > 1 else ""
            applied = f" after {', '.join(used)}" if used else ""
            raise UnresolvedTieError(
                f"tie for the {stage} between {_describe(still)} ({need} seat{plural} at stake)"
                f"{applied}: no rule settles it; pass tie_break= (e.g. TieBreak(criteria="
                "(most_votes(), given_order([...])))) or if_unresolved=IfUnresolved.REPORT",
                tie=tie,
            )
        return tie


def most_votes(legal_basis: str = "") -> Criterion:
    """The contender with the most votes wins (French list elections' first tie-break).

    :raises InvalidArgumentError: (when used) if a contender has no votes in the mapping.

    >>> TieBreak(criteria=(most_votes(),)).settle(("A", "B", "C"), 1, votes={"A": 5, "B": 7, "C": 7})
    Traceback (most recent call last):
    ...
    electoral_rules.errors.UnresolvedTieError: tie for the last seat between 'B' and 'C' (1 seat at stake) after most votes: no rule settles it; pass tie_break= (e.g. TieBreak(criteria=(most_votes(), given_order([...])))) or if_unresolved=IfUnresolved.REPORT
    >>> TieBreak(criteria=(most_votes(),)).settle(("A", "B"), 1, votes={"A": 5, "B": 7}).winners
    ('B',)
    """
    name = f"most votes ({legal_basis})" if legal_basis else "most votes"

    def key(contender: str, votes: Mapping[str, int]) -> int:
        if contender not in votes:
            raise InvalidArgumentError(
                f"the tie involving {contender!r} is decided by votes, but no votes given for {contender!r}"
            )
        return votes[contender]

    return Criterion(name, key)


def given_order(order: Iterable[str], *, name: str = "given order") -> Criterion:
    """The contender given first in ``order`` wins (a drawing of lots, or a caller's choice).

    Contenders missing from ``order`` rank after every listed one, all equal.

    :raises InvalidArgumentError: when ``order`` names someone twice.

    >>> TieBreak(criteria=(given_order(["C", "A"]),)).settle(("A", "B", "C"), 2, votes={}).winners
    ('C', 'A')
    """
    if isinstance(order, (str, bytes)) or not isinstance(order, Iterable):
        raise InvalidArgumentError(f"given_order takes a sequence of names, not {order!r}")
    ranks: dict[str, int] = {}
    for index, item in enumerate(order):
        if not isinstance(item, str):
            raise InvalidArgumentError(f"given_order names must be strings, not {item!r}")
        if item in ranks:
            raise InvalidArgumentError(f"given_order names {item!r} twice: each contender needs one rank")
        ranks[item] = index
    missing = len(ranks)
    return Criterion(name, lambda contender, _votes: -ranks.get(contender, missing))


def _age_key(person: Candidate, holder: str) -> int:
    if person.birth_date is None:
        raise UnresolvedTieError(
            f"the tie involving {holder!r} is decided by age, but {person.name!r} has no birth date"
        )
    return -person.birth_date.toordinal()


def oldest_candidate(
    people: Mapping[str, Candidate | PartyList | Sequence[Candidate]],
    *,
    legal_basis: str = "",
    eligible: Mapping[str, int] | None = None,
) -> Criterion:
    """The contender holding the oldest person wins.

    ``people`` maps each contender to a :class:`Candidate`, to a :class:`PartyList`, or to
    the candidates that count (e.g. a binôme, or the candidates "susceptibles d'être
    proclamés élus" on a list). With ``eligible`` (contender -> index), only the candidate at
    that index of a list counts: the next person the list would seat.

    :raises UnresolvedTieError: (when used) if a person who counts has no birth date.

    >>> people = {"A": Candidate(name="Ana", birth_date=_dt.date(1950, 1, 2)),
    ...           "B": Candidate(name="Bo", birth_date=_dt.date(1949, 12, 31))}
    >>> TieBreak(criteria=(oldest_candidate(people),)).settle(("A", "B"), 1, votes={}).winners
    ('B',)
    """
    name = f"oldest candidate ({legal_basis})" if legal_basis else "oldest candidate"

    def key(contender: str, _votes: Mapping[str, int]) -> int:
        if contender not in people:
            raise UnresolvedTieError(
                f"the tie involving {contender!r} is decided by age, but no candidate is known for it"
            )
        held = people[contender]
        if isinstance(held, Candidate):
            group: Sequence[Candidate] = (held,)
        elif isinstance(held, PartyList):
            group = held.candidates
        else:
            group = tuple(held)
        if eligible is not None and contender in eligible:
            index = eligible[contender]
            group = group[index : index + 1]
        if not group:
            raise UnresolvedTieError(
                f"the tie involving {contender!r} is decided by age, but it has no candidate left"
            )
        return max(_age_key(person, contender) for person in group)

    return Criterion(name, key)


def _average_birth_ordinal(party: PartyList) -> Fraction:
    if not party.candidates:
        raise UnresolvedTieError(
            f"the tie involving {party.name!r} is decided by average age, but the list has no candidates"
        )
    return Fraction(sum(-_age_key(person, party.name) for person in party.candidates), len(party.candidates))


def highest_list_average_age(lists: Mapping[str, PartyList], *, legal_basis: str = "") -> Criterion:
    """The list whose candidates have the highest average age wins (earliest mean birth date).

    >>> old = PartyList(name="A", candidates=[Candidate(name="x", birth_date=_dt.date(1950, 1, 1)),
    ...                                       Candidate(name="y", birth_date=_dt.date(1990, 1, 1))])
    >>> young = PartyList(name="B", candidates=[Candidate(name="z", birth_date=_dt.date(1971, 1, 1))])
    >>> lists = {"A": old, "B": young}
    >>> TieBreak(criteria=(highest_list_average_age(lists),)).settle(("A", "B"), 1, votes={}).winners
    ('A',)
    >>> TieBreak(criteria=(lowest_list_average_age(lists),)).settle(("A", "B"), 1, votes={}).winners
    ('B',)
    """
    name = f"highest average age ({legal_basis})" if legal_basis else "highest average age"
    return Criterion(name, lambda contender, _v: -_average_birth_ordinal(_list(lists, contender)))


def lowest_list_average_age(lists: Mapping[str, PartyList], *, legal_basis: str = "") -> Criterion:
    """The list whose candidates have the lowest average age wins (latest mean birth date).

    >>> lists = {"A": PartyList(name="A", candidates=[Candidate(name="x", birth_date=_dt.date(1950, 1, 1))]),
    ...          "B": PartyList(name="B", candidates=[Candidate(name="y", birth_date=_dt.date(1980, 1, 1))])}
    >>> TieBreak(criteria=(lowest_list_average_age(lists),)).settle(("A", "B"), 1, votes={}).winners
    ('B',)
    """
    name = f"lowest average age ({legal_basis})" if legal_basis else "lowest average age"
    return Criterion(name, lambda contender, _v: _average_birth_ordinal(_list(lists, contender)))


def _list(lists: Mapping[str, PartyList], contender: str) -> PartyList:
    if contender not in lists:
        raise UnresolvedTieError(
            f"the tie involving {contender!r} is decided by age, but its list of candidates is unknown"
        )
    return lists[contender]


def _age_on(person: Candidate, day: _dt.date) -> int | None:
    """Age in whole years on ``day``, or ``None`` without a birth date (for explanations)."""
    if person.birth_date is None:
        return None
    born = person.birth_date
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
