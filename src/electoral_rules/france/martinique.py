"""Assemblée de Martinique: an 11-seat bonus, plus forte moyenne, then each list's seats split
between its four sections.

Code électoral, art. L558-5 to L558-9 and L558-19 (livre VI bis, titre II, created by loi n°
2011-884 du 27 juillet 2011; first election in December 2015), read in the LEGI dump
(VERIFIED, state of about 2015; later amendments not checked).

* **Members** (L.558-6): 51, in one constituency of four sections (L.558-7): Centre, Nord,
  Fort-de-France and Sud (the four circonscriptions of the députés), whose lists carry 17, 16,
  15 and 16 candidates.
* **Bonus** (L.558-8): 11 seats to the list with an absolute majority of expressed votes in
  round 1 (without one no seat is allocated:
  :class:`~electoral_rules.errors.NoMajorityError`), or to the list with the most votes in
  round 2; leading lists with equal votes: the **highest** average age of their candidates.
* **Other seats** (L.558-8): plus forte moyenne among the lists with at least 5 % of
  expressed votes in the whole constituency, the bonus list included; last-seat tie: most
  votes, then the oldest candidate who could be elected.
* **Sections** (L.558-9, :func:`sections`): each list's seats are split between its
  sections « au prorata des voix obtenues par la liste dans chaque section », the remaining
  seats by plus forte moyenne (D'Hondt on the list's section votes); a tie goes to the
  section with the most votes, then to the oldest candidate who could be elected.
* **Second round** (L.558-19, :func:`second_round_qualification`): 10 % of expressed votes
  to stand, the top-two fallback, 5 % to merge.

A worked example (figures made up): round 2, A 40 %, B 35 %, C 20 %, D 5 %:

>>> result = allocate({"A": 40000, "B": 35000, "C": 20000, "D": 5000}, round=2, date="2021-06-27")
>>> dict(result), dict(result.bonus)
({'A': 27, 'B': 14, 'C': 8, 'D': 2}, {'A': 11})
>>> split = sections(result, {"A": {"Centre": 12000, "Nord": 9000, "Fort-de-France": 11000, "Sud": 8000},
...                           "B": {"Centre": 9000, "Nord": 10000, "Fort-de-France": 7000, "Sud": 9000},
...                           "C": {"Centre": 5000, "Nord": 5000, "Fort-de-France": 5000, "Sud": 5000},
...                           "D": {"Centre": 2000, "Nord": 1000, "Fort-de-France": 1000, "Sud": 1000}},
...                  date="2021-06-27")
>>> dict(split["A"])
{'Centre': 8, 'Nord': 6, 'Fort-de-France': 8, 'Sud': 5}

.. seealso:: Code électoral, art. L558-5 to L558-9, L558-19.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from fractions import Fraction

from .._exact import as_count, as_counts, grouped, require
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, InvalidTallyError, UnknownConstituencyError
from ..outcome import Allocation, Method, RoundOutcome
from ..tally import PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import (
    Lists,
    bonus_allocation,
    check_if_unresolved,
    check_round,
    house_of,
    people_of,
    proportional_run,
    when_of,
)
from .list_engine import check_round_tallies, list_qualification
from .round_engine import RunnerUpTie

__all__ = [
    "BONUS",
    "FIRST_ELECTION",
    "L558_6",
    "L558_8",
    "L558_9",
    "L558_19",
    "RULE",
    "SEATS",
    "SECTIONS",
    "allocate",
    "second_round_qualification",
    "sections",
]

FIRST_ELECTION = _dt.date(2015, 12, 1)
"""The first election of the Assemblée de Martinique (6 and 13 December 2015)."""
SEATS = 51
"""L.558-6."""
BONUS = 11
"""L.558-8: « un nombre de onze sièges »."""
SECTIONS: Mapping[str, int] = FrozenMap({"Centre": 17, "Nord": 16, "Fort-de-France": 15, "Sud": 16})
"""The four sections (L.558-7) and the number of candidates each list presents in them."""

L558_6 = "Code électoral, art. L558-6"
L558_8 = "Code électoral, art. L558-8"
L558_9 = "Code électoral, art. L558-9"
L558_19 = "Code électoral, art. L558-19"
RULE = "the Assemblée de Martinique (Code électoral, art. L558-5 to L558-9)"


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    first_round: Tally | Mapping[str, int] | None = None,
) -> Allocation:
    """Seats per list in the Assemblée de Martinique (L.558-8): 11 bonus seats, then plus
    forte moyenne among lists with 5 % of expressed votes.

    :param tally: the votes per list in the whole constituency.
    :param seats: 51 (L.558-6); ``None`` takes it, another number is an error.
    :param round: 1 or 2.
    :param date: the polling day (from December 2015).
    :param people: the lists' candidates, for ties decided by age.
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param first_round: in round 2, the first-round tally, to check that every list could stand.
    :raises NoMajorityError: in round 1 without an absolute majority.

    .. seealso:: Code électoral, art. L558-8.
    """
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    votes = votes_of(tally)
    house = house_of(seats, SEATS, L558_6)
    number = check_round(round)
    policy = check_if_unresolved(if_unresolved)
    lists = people_of(people, votes.votes)
    check_round_tallies(votes, number, first_round, stand=Fraction(1, 10), rule=L558_19, top_two_fallback=True)
    return bonus_allocation(
        votes,
        house,
        bonus=BONUS,
        round=number,
        people=lists,
        if_unresolved=policy,
        threshold=Fraction(1, 20),
        legal_basis=f"{L558_8} (loi n° 2011-884)",
        bonus_rule=f"{L558_8} al.{2 if number == 1 else 4}",
        threshold_basis=f"{L558_8} (au moins 5 % des suffrages exprimés sur l'ensemble de la circonscription)",
        tie_basis=L558_8,
        election="Assemblée de Martinique",
    )


def sections(
    seats: Mapping[str, int],
    votes: Mapping[str, Mapping[str, int]],
    *,
    date: object = None,
    people: Mapping[str, Mapping[str, PartyList] | Iterable[PartyList]] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> FrozenMap[str, Allocation]:
    """Split each list's seats between its four sections (L.558-9).

    :param seats: seats per list, e.g. the :func:`allocate` result (then each list's
        section votes must add up to its votes in the whole constituency).
    :param votes: for each list, its votes in each of the four sections.
    :param date: the polling day (from December 2015).
    :param people: for each list, its sections' candidates as
        :class:`~electoral_rules.PartyList` records named by section: seats go to them in
        order, and a tie by age uses them.
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :returns: for each list, an :class:`~electoral_rules.Allocation` of its seats between
        the sections (a section's seats beyond its candidates are reported as vacancies).
    :raises UnknownConstituencyError: for a section Martinique does not have.
    :raises InvalidTallyError: when section votes do not add up to the list's votes.

    .. seealso:: Code électoral, art. L558-9.
    """
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    policy = check_if_unresolved(if_unresolved)
    require(seats, Mapping, f"seats per list ({L558_9})")
    won = {name: as_count(n, f"seats of {name!r}") for name, n in as_counts(seats, "seats per list").items()}
    totals = seats.votes if isinstance(seats, Allocation) else None
    require(votes, Mapping, f"section votes per list ({L558_9})")
    require(people, (Mapping, type(None)), f"people (candidates per list, {L558_9})")
    given = people or {}
    for name in given:
        if name not in won:
            raise InvalidArgumentError(f"candidates are given for list {name!r}, which has no seat count")
    for name in votes:
        if name not in won:
            raise InvalidArgumentError(f"section votes are given for list {name!r}, which has no seat count")
    result: dict[str, Allocation] = {}
    for name, n in won.items():
        if name not in votes:
            raise InvalidArgumentError(f"list {name!r} has no section votes ({L558_9} needs them)")
        counts = as_counts(votes[name], f"section votes of list {name!r}")
        for section in counts:
            if section not in SECTIONS:
                raise UnknownConstituencyError(
                    f"list {name!r} has votes in section {section!r}, which is not one of Martinique's four "
                    f"sections ({', '.join(SECTIONS)}; Code électoral, art. L558-7)"
                )
        for section in SECTIONS:
            if section not in counts:
                raise InvalidArgumentError(
                    f"list {name!r} has no votes for section {section!r}: a list has four sections (L558-8)"
                )
        if totals is not None and sum(counts.values()) != totals[name]:
            raise InvalidTallyError(
                f"the section votes of list {name!r} add up to {grouped(sum(counts.values()))} but its votes "
                f"in the whole constituency are {grouped(totals[name])} ({L558_9})"
            )
        candidates = people_of(given.get(name), counts)
        split = proportional_run(
            {section: counts[section] for section in SECTIONS},
            n,
            election="Assemblée de Martinique (sections)",
            legal_basis=f"{L558_9} (loi n° 2011-884)",
            tie_basis=L558_9,
            people=candidates,
            if_unresolved=policy,
        ) if n else _empty(counts)
        result[name] = split
    return FrozenMap(result)


def _empty(counts: Mapping[str, int]) -> Allocation:
    return Allocation(
        seats=FrozenMap((section, 0) for section in SECTIONS),
        votes=FrozenMap((section, counts[section]) for section in SECTIONS),
        house=0,
        method=Method.DHONDT,
        legal_basis=f"{L558_9} (loi n° 2011-884)",
    )


def second_round_qualification(
    tally: Tally | Mapping[str, int], *, date: object = None, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND
) -> RoundOutcome:
    """Which first-round lists may stand in the second round (L.558-19).

    10 % of expressed votes to stand; when only one list reaches it, the next list may
    stand too, and when none does, the two leading lists; 5 % to merge.

    >>> second_round_qualification({"A": 48, "B": 9, "C": 9, "D": 34}, date="2021-06-20").qualified
    ('A', 'D')

    Lists tied for a fallback place all stand by default (the practice of the départementales
    2015 in the canton d'Aureilhan); ``runner_up_tie=RunnerUpTie.UNDETERMINED`` reports the tie.

    .. seealso:: Code électoral, art. L558-19.
    """
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    return list_qualification(
        tally,
        election="Assemblée de Martinique",
        stand=Fraction(1, 10),
        merge=Fraction(1, 20),
        top_two_fallback=True,
        legal_basis=L558_19,
        majority_rule=f"{L558_8} al.2",
        runner_up_tie=runner_up_tie,
    )
