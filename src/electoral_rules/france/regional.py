"""Régionales (regime since 2004): a bonus of a quarter of the seats, plus forte moyenne,
then each list's seats split between its departmental sections.

Code électoral, art. L338, L338-1 and L346 as set by loi n° 2003-327 du 11 avril 2003
(first applied at the March 2004 elections), L338-1 as amended by loi n° 2015-29 from
1 December 2015.

* **Bonus** (L.338): a quarter of the seats, always rounded up (:func:`bonus_seats`), to
  the list with an absolute majority of expressed votes in round 1 (without one, no seat
  is allocated: :class:`~electoral_rules.errors.NoMajorityError`), or to the list
  with the most votes in round 2; equal leading lists are separated by the **highest**
  average age of their candidates (loi n° 2003-327 replaced "moins" by "plus").
* **Other seats**: plus forte moyenne among the lists with at least 5 % of expressed
  votes, the bonus list included (averages on proportional seats only, as for
  municipales); last-seat tie: most votes, then the oldest candidate who could be elected.
* **Sections** (L.338-1, :func:`sections`): each list's seats are split between its
  departmental sections by plus forte moyenne on its votes in each department; tie: most
  votes, then the oldest candidate. Since 2015 each department has at least 2 councillors
  (4 from 100 000 inhabitants), the missing seats being taken from the last seats of the
  list that came first. That 2015 text is **PARTIAL** in the reference used here: the end of
  its clause on departments that give up seats was not read, so :func:`sections` refuses
  (:class:`~electoral_rules.errors.NotImplementedRuleError`) every case that clause might
  cover.
* **Second round** (L.346, :func:`second_round_qualification`): 10 % of expressed votes to
  stand, with a top-two fallback; 5 % to merge.

The reference for L.338 and L.346 is PARTIAL (reconstructed from the JO text of loi n°
2003-327 and official summaries). Corse (L.364 and following) and the collectivités of
Guyane and Martinique are not covered.

>>> import datetime
>>> result = allocate({"A": 4000, "B": 3500, "C": 2000, "D": 400}, 20, round=2,
...                   date=datetime.date(2021, 6, 27))
>>> dict(result), dict(result.bonus), result.excluded
({'A': 11, 'B': 6, 'C': 3, 'D': 0}, {'A': 5}, ('D',))

.. seealso:: Code électoral, art. L338, L338-1, L346.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from fractions import Fraction

from .._dates import as_date
from .._deprecation import renamed
from .._exact import as_count, as_counts, as_round, require
from .._mapping import FrozenMap
from ..apportionment import dhondt
from ..errors import (
    InvalidArgumentError,
    InvalidTallyError,
    NotImplementedRuleError,
    UnknownConstituencyError,
    UnsupportedEraError,
)
from ..outcome import Allocation, Note, NoteKind, RoundOutcome, Step, StepKind
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from .list_engine import (
    LastSeatTie,
    ListRule,
    check_round_tallies,
    list_qualification,
    party_lists,
    seat_candidates,
)
from .list_engine import allocate as _allocate_lists
from .round_engine import RunnerUpTie

__all__ = [
    "L338",
    "L338_1",
    "L346",
    "MINIMUM_FROM",
    "REGIME_FROM",
    "RULE",
    "SECTIONS",
    "THRESHOLD_BASIS",
    "allocate",
    "bonus_seats",
    "department_minimum",
    "second_round_qualification",
    "sections",
]

REGIME_FROM = _dt.date(2003, 4, 12)
"""Loi n° 2003-327 in force (first elections under it: March 2004)."""
MINIMUM_FROM = _dt.date(2015, 12, 1)
"""L.338-1 as amended by loi n° 2015-29 (minimum seats per department) in force."""

L338 = "Code électoral, art. L338 (loi n° 2003-327)"
L338_1 = "Code électoral, art. L338-1"
L346 = "Code électoral, art. L346 (loi n° 2003-327, art. 4)"
THRESHOLD_BASIS = "Code électoral, art. L338 (au moins 5 % des suffrages exprimés)"

RULE = ListRule(
    election="régionales",
    legal_basis=L338,
    bonus_share=Fraction(1, 4),
    majority_basis="Code électoral, art. L338 al.2",
    first_place_basis="Code électoral, art. L338 al.3",
    threshold=Fraction(1, 20),
    threshold_basis=THRESHOLD_BASIS,
    last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
    last_seat_basis=L338,
    seat_candidates=False,
)
"""The list vote of L.338: a quarter of the seats as bonus (rounded up), 5 % threshold."""

SECTIONS = ListRule(
    election="régionales (sections)",
    legal_basis=f"{L338_1} (loi n° 2003-327, art. 3)",
    last_seat_tie=LastSeatTie.MOST_VOTES_THEN_OLDEST,
    last_seat_basis=L338_1,
)
"""A list's seats split between its departmental sections (L.338-1): plus forte moyenne."""


def _era(date: object) -> _dt.date:
    when = as_date(date, rule="régionales")
    if when < REGIME_FROM:
        raise UnsupportedEraError(
            f"regional election on {when.isoformat()}: only the regime of loi n° 2003-327 (elections "
            "from 2004) is implemented; the 1986–1998 departmental vote and the never-applied loi "
            "n° 99-36 regime are not"
        )
    return when


def bonus_seats(seats: int) -> int:
    """A quarter of the seats, rounded up (L.338).

    >>> [bonus_seats(s) for s in (1, 4, 5, 41, 209)]
    [1, 1, 2, 11, 53]

    .. seealso:: Code électoral, art. L338 ("le quart du nombre des sièges à pourvoir,
       arrondi à l'entier supérieur").
    """
    house = as_count(seats, "seats")
    return -(-house // 4)


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    first_round: Tally | Mapping[str, int] | None = None,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
    lists: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
) -> Allocation:
    """Seats per list in a regional council (L.338): bonus, then plus forte moyenne.

    :param tally: the region-wide votes per list in this round.
    :param seats: the council's seats.
    :param round: 1 or 2.
    :param date: the polling day (from 12 April 2003; ``None``: today).
    :param people: only for ties decided by age (``lists=`` is its deprecated name). For the first place (round 2), each
        tied list's candidates (average age). For the last seat, the law looks at "the
        candidate who could be elected" next on each list, who depends on the section that
        would take the seat: give each tied list as a :class:`~electoral_rules.PartyList`
        whose candidates are in the order it would seat them (its candidates in list order
        in a one-department region). Candidates are seated by :func:`sections`, not here.
    :param first_round: in round 2, the first-round tally, to check that every list could
        stand (L.346, with its top-two fallback).
    :param runner_up_tie: how the check treats lists tied for a fallback place (see
        :func:`second_round_qualification`).
    :raises NoMajorityError: in round 1 without an absolute majority (no seat allocated).
    :param if_unresolved: a tie decided by age that lacks ``people`` or birth dates, or
        whose ages are equal: ``REPORT`` leaves its seats undetermined and records it,
        ``RAISE`` raises :class:`~electoral_rules.errors.UnresolvedTieError`.
    :raises UnsupportedEraError: before 12 April 2003.

    >>> import datetime
    >>> allocate({"A": 5100, "B": 4900}, 10, date=datetime.date(2015, 12, 6)).bonus
    FrozenMap({'A': 3})

    .. seealso:: Code électoral, art. L338.
    """
    _era(date)
    votes = votes_of(tally)
    number = as_round(round, "régionales")
    check_round_tallies(votes, number, first_round, stand=Fraction(1, 10), rule=L346, top_two_fallback=True,
                        runner_up_tie=runner_up_tie)
    given: Mapping[str, PartyList] | Iterable[PartyList] | None = renamed(
        people, lists, old="lists", new="people", where="regional.allocate"
    )
    return _allocate_lists(votes, seats, RULE, round=number, people=given, if_unresolved=if_unresolved)


def second_round_qualification(
    tally: Tally | Mapping[str, int], *, date: _dt.date | str | None = None, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND
) -> RoundOutcome:
    """Which first-round lists may stand in the second round (L.346).

    10 % of expressed votes to stand; when only one list reaches it, the next list may
    also stand, and when none does, the two leading lists may; 5 % to merge. The text read
    has no rule for a tie for a fallback place: by default every tied list may stand (the
    practice of the départementales 2015 in the canton d'Aureilhan, applied to the same
    words); ``runner_up_tie=RunnerUpTie.UNDETERMINED`` reports the tie instead.

    >>> import datetime
    >>> second_round_qualification({"A": 40, "B": 35, "C": 25}, date=datetime.date(2021, 6, 20)).qualified
    ('A', 'B', 'C')
    >>> second_round_qualification({"A": 45, "B": 9, "C": 8, "D": 8, "E": 30},
    ...                            date=datetime.date(2021, 6, 20)).qualified
    ('A', 'E')
    >>> tied = {"A": 48, "B": 9, "C": 9, "D": 9, "E": 9, "F": 8, "G": 8}
    >>> second_round_qualification(tied, date=datetime.date(2021, 6, 20)).qualified
    ('A', 'B', 'C', 'D', 'E')
    >>> outcome = second_round_qualification(tied, date=datetime.date(2021, 6, 20),
    ...                                      runner_up_tie=RunnerUpTie.UNDETERMINED)
    >>> outcome.qualified, outcome.ties[0].unresolved
    (('A',), ('B', 'C', 'D', 'E'))

    .. seealso:: Code électoral, art. L346 (loi n° 2003-327, art. 4).
    """
    _era(date)
    return list_qualification(
        tally,
        election="régionales",
        stand=Fraction(1, 10),
        merge=Fraction(1, 20),
        top_two_fallback=True,
        legal_basis=L346,
        majority_rule="Code électoral, art. L338 al.2",
        runner_up_tie=runner_up_tie,
    )


def department_minimum(population: int) -> int:
    """The fewest councillors a department must have since 2015: 2, or 4 from 100 000
    inhabitants (L.338-1 as amended by loi n° 2015-29; PARTIAL).

    >>> department_minimum(76_000), department_minimum(100_000)
    (2, 4)
    """
    return 4 if as_count(population, "population") >= 100_000 else 2


def sections(
    seats: Mapping[str, int],
    votes: Mapping[str, Mapping[str, int]],
    *,
    date: _dt.date,
    populations: Mapping[str, int] | None = None,
    candidates: Mapping[str, Mapping[str, PartyList] | Iterable[PartyList]] | None = None,
) -> FrozenMap[str, Allocation]:
    """Split each list's seats between its departmental sections (L.338-1).

    :param seats: seats per list, e.g. the :func:`allocate` result.
    :param votes: for each list, its votes per department (one section per department of
        the region, L.338). When ``seats`` is an :class:`~electoral_rules.Allocation`, each
        list's departmental votes must add up to its regional votes.
    :param date: the day of the election; from 1 December 2015 the minimum seats per
        department apply and ``populations`` is required.
    :param populations: inhabitants per department (the region's departments).
    :param candidates: for each list, its sections' candidates as
        :class:`~electoral_rules.PartyList` records named by department; seats go to them
        in order, and ties by age use them.
    :returns: for each list, in the order of ``seats``, an
        :class:`~electoral_rules.Allocation` of its seats between departments.
    :raises InvalidArgumentError: when a list lacks a department of the region, or
        ``candidates`` names a department where the list has no section;
        :class:`~electoral_rules.errors.UnknownConstituencyError` for a department outside
        ``populations``; :class:`~electoral_rules.errors.InvalidTallyError` when the
        departmental votes do not add up.
    :raises NotImplementedRuleError: when the 2015 minimum must take seats in a case the
        unread end of L.338-1 may govern (see below).

    The 2003–2015 rule is D'Hondt across the sections on the list's departmental votes
    ("au prorata des voix", then "la plus forte moyenne"); section tie: most votes, then
    the oldest candidate who could be elected. **Since 2015 (PARTIAL):** when a department
    falls short of its minimum, the leading list (most regional votes) gives up its last
    seats (lowest averages among its sections) to its section in that department. The
    text read breaks off at "sous réserve du cas où les départements prélevés seraient
    attributaires d'un seul ou de deux sièges…": this function refuses, rather than
    guesses, whenever a donor section holds two seats or fewer, a donor department would
    fall below its own minimum, or the leading list's last seats are tied.

    >>> import datetime
    >>> split = sections({"A": 5, "B": 2}, {"A": {"01": 620, "03": 380}, "B": {"01": 200, "03": 150}},
    ...                  date=datetime.date(2010, 3, 21))
    >>> dict(split["A"]), dict(split["B"])
    ({'01': 3, '03': 2}, {'01': 1, '03': 1})

    .. seealso:: Code électoral, art. L338-1 (loi n° 2003-327, art. 3; loi n° 2015-29, art. 6).
    """
    when = _era(date)
    require(seats, Mapping, f"seats per list ({L338_1})")
    won = {name: as_count(n, f"seats of {name!r}") for name, n in as_counts(seats, "seats per list").items()}
    regional_votes = seats.votes if isinstance(seats, Allocation) else None
    require(votes, Mapping, f"departmental votes per list ({L338_1})")
    votes = {name: as_counts(by_list, f"votes of list {name!r}") for name, by_list in votes.items()}
    require(populations, (Mapping, type(None)), f"populations ({L338_1})")
    if populations is not None:
        populations = as_counts(populations, f"populations ({L338_1})")
    departments = _departments(won, votes, populations)
    require(candidates, (Mapping, type(None)), f"candidates per list ({L338_1})")
    people = candidates or {}
    for name in people:
        if name not in won:
            raise InvalidArgumentError(f"candidates are given for list {name!r}, which has no seat count")
    result: dict[str, Allocation] = {}
    for name, n in won.items():
        by_department = as_counts(votes[name], f"votes of list {name!r}")
        if regional_votes is not None and sum(by_department.values()) != regional_votes[name]:
            raise InvalidTallyError(
                f"the departmental votes of list {name!r} add up to {sum(by_department.values())} "
                f"but its regional votes are {regional_votes[name]}"
            )
        sections_of = party_lists(people.get(name), by_department)
        split = Tally(votes={d: by_department[d] for d in departments})
        if n == 0:
            result[name] = dhondt(split, 0, legal_basis=SECTIONS.legal_basis)
        else:
            result[name] = _allocate_lists(
                split, n, SECTIONS, people=sections_of, if_unresolved=IfUnresolved.RAISE
            )
    if when >= MINIMUM_FROM:
        if populations is None:
            raise InvalidArgumentError(
                f"from 1 December 2015 {L338_1} sets a minimum of seats per department: give "
                "populations= (inhabitants per department)"
            )
        result = _apply_minimum(result, populations, regional_votes or _totals(votes, won), people)
    return FrozenMap(result)


def _departments(
    won: Mapping[str, int], votes: Mapping[str, Mapping[str, int]], populations: Mapping[str, int] | None
) -> tuple[str, ...]:
    if populations is not None:
        region = tuple(populations)
    else:
        ordered: dict[str, None] = {}
        for name in won:
            for department in votes.get(name, {}):
                ordered[department] = None
        region = tuple(ordered)
    for name in votes:
        if name not in won:
            raise InvalidArgumentError(
                f"departmental votes are given for list {name!r}, which has no seat count"
            )
    for name in won:
        if name not in votes:
            raise InvalidArgumentError(f"list {name!r} has no departmental votes (L.338-1 needs them)")
        for department in votes[name]:
            if department not in region:
                raise UnknownConstituencyError(
                    f"list {name!r} has votes in department {department!r}, which is not one of the "
                    f"region's departments ({', '.join(region)})"
                )
        for department in region:
            if department not in votes[name]:
                raise InvalidArgumentError(
                    f"list {name!r} has no section for department {department!r}: a regional list has one "
                    "section per department of the region (Code électoral, art. L338)"
                )
    return region


def _totals(votes: Mapping[str, Mapping[str, int]], won: Mapping[str, int]) -> dict[str, int]:
    return {name: sum(votes[name].values()) for name in won}


def _apply_minimum(
    result: dict[str, Allocation],
    populations: Mapping[str, int],
    regional_votes: Mapping[str, int],
    people: Mapping[str, Mapping[str, PartyList] | Iterable[PartyList]],
) -> dict[str, Allocation]:
    minimum = {department: department_minimum(count) for department, count in populations.items()}
    totals = {d: sum(split[d] for split in result.values()) for d in minimum}
    short = {d: minimum[d] - totals[d] for d in minimum if totals[d] < minimum[d]}
    checked = f"{L338_1} (loi n° 2015-29, art. 6 ; PARTIAL)"
    if not short:
        met = Note(kind=NoteKind.DEPARTMENT_MINIMUM_MET)
        return {name: split.with_changes(notes=(*split.notes, met)) for name, split in result.items()}
    top = max(regional_votes.values())
    leaders = [name for name, count in regional_votes.items() if count == top]
    if len(leaders) > 1:
        raise NotImplementedRuleError(
            f"lists {', '.join(map(repr, leaders))} tie for first place: which one gives up seats under "
            f"{L338_1} (2015) is not in the text read"
        )
    leader = leaders[0]
    split = result[leader]
    held = dict(split.seats)
    section_votes = split.votes
    steps: list[Step] = []
    for receiver, missing in short.items():
        for _ in range(missing):
            donors = [d for d in held if held[d] > 0 and d not in short]
            if not donors:
                raise NotImplementedRuleError(
                    f"list {leader!r} has no seat left to give to department {receiver!r} ({L338_1}, 2015)"
                )
            lowest = min(Fraction(section_votes[d], held[d]) for d in donors)
            last = [d for d in donors if Fraction(section_votes[d], held[d]) == lowest]
            if len(last) > 1:
                raise NotImplementedRuleError(
                    f"the last seats of list {leader!r} are tied between departments "
                    f"{', '.join(map(repr, last))}: which one gives up a seat is not in the text read "
                    f"({L338_1})"
                )
            donor = last[0]
            department_total = sum(result[name][donor] for name in result if name != leader) + held[donor]
            if held[donor] <= 2 or department_total - 1 < minimum[donor]:
                raise NotImplementedRuleError(
                    f"the seat for department {receiver!r} would be taken from department {donor!r}, where "
                    f"list {leader!r} holds {held[donor]} seat(s) and the department {department_total}: the "
                    f"end of {L338_1} (2015) on such departments was not read, so it is not implemented"
                )
            held[donor] -= 1
            held[receiver] += 1
            moved_note = Note.of(NoteKind.SEAT_MOVED, donor=donor, receiver=receiver)
            steps.append(Step(kind=StepKind.NOTE, subject=receiver, seats=1, detail=moved_note))
    base_trace = split.trace_factory
    moved = tuple(steps)

    def trace() -> tuple[Step, ...]:
        return base_trace() + moved

    changed = split.with_changes(
        seats=FrozenMap(held),
        notes=(*split.notes, Note.of(NoteKind.DEPARTMENT_MINIMUM_MOVED, seats=len(moved))),
        legal_basis=f"{split.legal_basis}; {checked}",
        trace_factory=trace,
    )
    if leader in people:
        cleared = changed.with_changes(elected=FrozenMap(), vacancies=FrozenMap())
        changed = seat_candidates(cleared, people[leader])
    updated = dict(result)
    updated[leader] = changed
    for name, other in updated.items():
        if name != leader:
            applied = Note.of(NoteKind.DEPARTMENT_MINIMUM_APPLIED, list=leader)
            updated[name] = other.with_changes(notes=(*other.notes, applied))
    return updated
