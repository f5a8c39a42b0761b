"""Input records: :class:`Tally` (one round in one constituency), :class:`Candidate`, :class:`PartyList`.

Every record is a frozen, slotted dataclass with keyword-only construction that
validates itself, so an invalid tally cannot exist:

>>> t = Tally(votes={"A": 1023, "B": 258, "C": 253}, registered=1700, voters=1560,
...           blank=12, null=14)
>>> t.expressed, t.abstentions
(1534, 140)

Counts that do not add up are refused with a message that names the rule:

>>> Tally(votes={"A": 1023, "B": 258, "C": 253}, voters=1560, blank=12, null=16)
... # doctest: +ELLIPSIS
Traceback (most recent call last):
...
electoral_rules.errors.InvalidTallyError: blank + null + expressed = 12 + 16 + 1 534 = 1 562 but ...
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ._exact import MAX_COUNT, as_bounded_count, as_counts, as_name, grouped
from ._mapping import FrozenMap
from .errors import InvalidTallyError

__all__ = ["Candidate", "PartyList", "Tally", "as_tally", "votes_of"]



@dataclass(frozen=True, slots=True, init=False)
class Tally:
    """The count of one round in one constituency.

    :param votes: votes per option (candidate, binôme or list), in the order given;
        names are non-empty strings without spaces around them, in Unicode NFC (names
        that print the same are the same string: see :func:`~electoral_rules._exact.as_name`);
        counts are ``int`` from 0 to :data:`~electoral_rules._exact.MAX_COUNT`
        (10**18 - 1), as are the other counts.
    :param registered: électeurs inscrits, if known (the base of the "quart des
        inscrits" and 12,5 % tests).
    :param voters: votants (signatures on the roll), if known.
    :param blank: bulletins blancs, if known.
    :param null: bulletins nuls, if known.
    :param expressed: suffrages exprimés. With one name per ballot it is the sum of
        the votes; give it to have it checked. With plurinominal ballots
        (``names_per_ballot > 1``) it is the number of valid ballots and must be given.
    :param names_per_ballot: how many names one ballot may carry (1 for a list or a
        single-member vote; the number of seats in a plurinominal vote with panachage).
    :raises InvalidTallyError: when a count is not a non-negative ``int`` or the counts do
        not add up: ``blank + null + expressed == voters``, ``voters <= registered``, no
        option above ``registered``, and for plurinominal ballots
        ``max(votes) <= expressed <= sum(votes) <= names_per_ballot * expressed``.

    .. seealso:: Code électoral, art. L65 (counting) and L66 (null ballots); blank
       ballots are counted apart and are never expressed (loi 2014-172).
    """

    votes: FrozenMap[str, int]
    expressed: int
    registered: int | None
    voters: int | None
    blank: int | None
    null: int | None
    names_per_ballot: int

    def __init__(
        self,
        *,
        votes: Mapping[str, int],
        registered: int | None = None,
        voters: int | None = None,
        blank: int | None = None,
        null: int | None = None,
        expressed: int | None = None,
        names_per_ballot: int = 1,
    ) -> None:
        counts = as_counts(votes)
        if not counts:
            raise InvalidTallyError("a tally needs at least one option with votes")
        setattr_ = object.__setattr__
        setattr_(self, "votes", FrozenMap.wrap(counts))  # a fresh dict: no copy
        for field_name, value in (
            ("registered", registered),
            ("voters", voters),
            ("blank", blank),
            ("null", null),
        ):
            setattr_(self, field_name, None if value is None else as_bounded_count(value, field_name))
        per_ballot = as_bounded_count(names_per_ballot, "names_per_ballot")
        if per_ballot < 1:
            raise InvalidTallyError("names_per_ballot (0) must be >= 1")
        setattr_(self, "names_per_ballot", per_ballot)
        setattr_(self, "expressed", self._checked_expressed(counts, expressed))
        self._check_totals()

    def _checked_expressed(self, counts: dict[str, int], expressed: int | None) -> int:
        total = sum(counts.values())
        given = None if expressed is None else as_bounded_count(expressed, "expressed")
        if self.names_per_ballot == 1:
            if total > MAX_COUNT:
                raise InvalidTallyError(
                    f"the votes add up to {grouped(total)}, above the largest count accepted "
                    f"({grouped(MAX_COUNT)})"
                )
            if given is not None and given != total:
                raise InvalidTallyError(
                    f"expressed = {grouped(given)} but the votes add up to {grouped(total)} "
                    "(with one name per ballot, suffrages exprimés = the sum of the votes)"
                )
            return total
        if given is None:
            raise InvalidTallyError(
                f"expressed (the number of valid ballots) must be given when a ballot may carry "
                f"{self.names_per_ballot} names"
            )
        top_name, top = max(counts.items(), key=lambda item: item[1])
        if top > given:
            raise InvalidTallyError(
                f"votes for {top_name!r} ({grouped(top)}) exceed the {grouped(given)} valid ballots"
            )
        if given > total and total > 0:
            raise InvalidTallyError(
                f"expressed = {grouped(given)} valid ballots but only {grouped(total)} names were voted for"
            )
        if total > self.names_per_ballot * given:
            raise InvalidTallyError(
                f"the votes add up to {grouped(total)}, more than {self.names_per_ballot} names "
                f"on each of the {grouped(given)} valid ballots"
            )
        return given

    def _check_totals(self) -> None:
        expressed = self.expressed
        if self.voters is not None and self.blank is not None and self.null is not None:
            total = self.blank + self.null + expressed
            if total != self.voters:
                raise InvalidTallyError(
                    f"blank + null + expressed = {grouped(self.blank)} + {grouped(self.null)} + "
                    f"{grouped(expressed)} = {grouped(total)} but voters = {grouped(self.voters)} "
                    "(Code électoral, art. L65 and L66: voters = blank + null + expressed)"
                )
        elif self.voters is not None:
            known = expressed + (self.blank or 0) + (self.null or 0)
            if known > self.voters:
                raise InvalidTallyError(
                    f"blank + null + expressed = {grouped(known)} exceeds voters = {grouped(self.voters)}"
                )
        if self.registered is not None:
            for name, count in (("voters", self.voters), ("expressed", expressed)):
                if count is not None and count > self.registered:
                    raise InvalidTallyError(
                        f"{name} = {grouped(count)} exceeds registered = {grouped(self.registered)}"
                    )
            for name, count in self.votes.items():
                if count > self.registered:
                    raise InvalidTallyError(
                        f"votes for {name!r} ({grouped(count)}) exceed registered = "
                        f"{grouped(self.registered)}"
                    )

    @property
    def abstentions(self) -> int | None:
        """``registered - voters``, when both are known.

        >>> Tally(votes={"A": 5}, registered=9, voters=6, blank=1, null=0).abstentions
        3
        """
        if self.registered is None or self.voters is None:
            return None
        return self.registered - self.voters

    @property
    def names(self) -> tuple[str, ...]:
        """The options, in the order given.

        >>> Tally(votes={"B": 1, "A": 2}).names
        ('B', 'A')
        """
        return tuple(self.votes)

    def __repr__(self) -> str:
        return (
            f"Tally(votes={dict(self.votes)!r}, expressed={self.expressed}, "
            f"registered={self.registered}, voters={self.voters}, blank={self.blank}, "
            f"null={self.null})"
            if self.names_per_ballot == 1
            else f"Tally(votes={dict(self.votes)!r}, expressed={self.expressed}, "
            f"registered={self.registered}, voters={self.voters}, blank={self.blank}, "
            f"null={self.null}, names_per_ballot={self.names_per_ballot})"
        )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any]) -> Tally:
        """Build a tally from a plain mapping, e.g. one read from JSON.

        The keys are the constructor's: ``votes`` (required), ``registered``, ``voters``,
        ``blank``, ``null``, ``expressed``, ``names_per_ballot``. Unknown keys are refused.

        >>> Tally.from_mapping({"votes": {"A": 3, "B": 2}, "registered": 10}).expressed
        5
        """
        if not isinstance(data, Mapping):
            raise InvalidTallyError(f"a tally mapping must be a mapping, not {type(data).__name__}")
        allowed = {"votes", "registered", "voters", "blank", "null", "expressed", "names_per_ballot"}
        unknown = sorted(repr(key) for key in data if key not in allowed)
        if unknown:
            raise InvalidTallyError(
                f"unknown tally field(s) {', '.join(unknown)}; expected some of "
                f"{', '.join(sorted(allowed))}"
            )
        if "votes" not in data:
            raise InvalidTallyError("a tally mapping needs a 'votes' field")
        return cls(**dict(data))

    def to_mapping(self) -> dict[str, Any]:
        """The plain mapping :meth:`from_mapping` reads (``None`` fields left out).

        >>> Tally(votes={"A": 3, "B": 2}, registered=10).to_mapping()
        {'votes': {'A': 3, 'B': 2}, 'registered': 10, 'expressed': 5}
        """
        result: dict[str, Any] = {"votes": dict(self.votes)}
        for key in ("registered", "voters", "blank", "null"):
            value = getattr(self, key)
            if value is not None:
                result[key] = value
        result["expressed"] = self.expressed
        if self.names_per_ballot != 1:
            result["names_per_ballot"] = self.names_per_ballot
        return result


def as_tally(tally: Tally | Mapping[str, int]) -> Tally:
    """A :class:`Tally` as given, or one made of a plain mapping ``{name: votes}`` (validated).

    Majoritarian rules take it: a mapping gives the votes only (no registered voters, and
    ``expressed`` is their sum), which is enough where the rule needs nothing more.

    >>> as_tally({"A": 3, "B": 2}).expressed
    5
    """
    if isinstance(tally, Tally):
        return tally
    return Tally(votes=tally)


def votes_of(votes: Tally | Mapping[str, int]) -> Tally:
    """Accept either a :class:`Tally` or a plain mapping of votes (validated), for a vote
    where each ballot names one list or candidate (every proportional method).

    >>> votes_of({"A": 3}).expressed
    3
    >>> votes_of(Tally(votes={"A": 3, "B": 2}, expressed=4, names_per_ballot=2))
    Traceback (most recent call last):
    ...
    electoral_rules.errors.InvalidTallyError: a proportional allocation needs one list per ballot, but this tally allows 2 names per ballot (a plurinominal vote: use a majoritarian rule)
    """
    if isinstance(votes, Tally):
        if votes.names_per_ballot != 1:
            raise InvalidTallyError(
                "a proportional allocation needs one list per ballot, but this tally allows "
                f"{votes.names_per_ballot} names per ballot (a plurinominal vote: use a majoritarian rule)"
            )
        return votes
    return Tally(votes=votes)


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """A person standing for election.

    :param name: as printed on the ballot; a non-empty string.
    :param birth_date: needed only where the law breaks ties by age.

    >>> Candidate(name="Jeanne Martin", birth_date=_dt.date(1950, 3, 1)).birth_date.year
    1950
    """

    name: str
    birth_date: _dt.date | None = None

    def __post_init__(self) -> None:
        as_name(self.name, "a candidate's name")
        if self.birth_date is not None and (
            not isinstance(self.birth_date, _dt.date) or isinstance(self.birth_date, _dt.datetime)
        ):
            raise InvalidTallyError(
                f"birth_date of {self.name!r} must be a datetime.date, got {self.birth_date!r}"
            )


@dataclass(frozen=True, slots=True, init=False)
class PartyList:
    """A list of candidates in the order of presentation (seats go to them in that order).

    :param name: the list's name as used in the tally.
    :param candidates: :class:`Candidate` records, or plain names, in list order (any
        iterable; kept as a tuple of :class:`Candidate`).

    >>> PartyList(name="A", candidates=["Ana", "Bo"]).candidates[1].name
    'Bo'
    """

    name: str
    candidates: tuple[Candidate, ...]

    def __init__(self, *, name: str, candidates: Iterable[Candidate | str] = ()) -> None:
        object.__setattr__(self, "name", as_name(name, "a list's name"))
        people = tuple(_candidate(item) for item in _iterable(candidates, name))
        seen: set[str] = set()
        for person in people:
            if person.name in seen:
                raise InvalidTallyError(f"list {self.name!r} names candidate {person.name!r} twice")
            seen.add(person.name)
        object.__setattr__(self, "candidates", people)


def _iterable(items: object, list_name: str) -> Iterable[object]:
    if isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise InvalidTallyError(f"candidates of list {list_name!r} must be a sequence, got {items!r}")
    return items


def _candidate(item: object) -> Candidate:
    if isinstance(item, Candidate):
        return item
    if isinstance(item, str):
        return Candidate(name=item)
    raise InvalidTallyError(f"a candidate must be a Candidate or a name, got {item!r}")
