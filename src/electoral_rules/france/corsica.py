"""Assemblée de Corse: a bonus of 11 seats, then plus forte moyenne among the lists with 5 %.

Code électoral, art. L364 to L373 (livre II, titre II: the collectivité de Corse). Two eras
are implemented:

===============================  =======  =====  ===========  ========================
era (polling day)                seats    bonus  to stand     source read
===============================  =======  =====  ===========  ========================
from 1 December 2017 (the        63       11     7 %          L.366 and L.373 as in force
collectivité unique, elected                                  on 1 January 2018 (loi n°
3 and 10 December 2017)                                       2015-991, art. 30; ordonnance
                                                              n° 2016-1563, art. 8): VERIFIED;
                                                              L.364's 63 seats: secondary
                                                              sources only (PARTIAL)
1 January 2010 to 30 November    51       9      7 %          Ministry of the Interior's
2017 (elections of 2010, 2015)                                dossier of 2015 only: PARTIAL
===============================  =======  =====  ===========  ========================

Before 2010 (1991: 3 bonus seats and 5 % to stand; 1999: the bonus tie to the youngest
list) the texts were not read: :class:`~electoral_rules.errors.UnsupportedEraError`.

* **Bonus** (L.366): to the list with an absolute majority of expressed votes in round 1
  (without one no seat is allocated and a second round is held:
  :class:`~electoral_rules.errors.NoMajorityError`), or to the list with the most votes in
  round 2; leading lists with equal votes are separated by the **highest** average age of
  their candidates.
* **Other seats** (L.366): plus forte moyenne among all lists with at least 5 % of
  expressed votes, the bonus list included (its average on its proportional seats only);
  last-seat tie: most votes, then the oldest candidate who could be elected.
* **Second round** (L.373, :func:`second_round_qualification`): 7 % of expressed votes to
  stand, 5 % to merge, **no** top-two fallback.

A worked example on the text (figures made up): in round 2, A leads with 4 500 of
10 000 expressed votes and takes the 11 bonus seats; the 52 others go by plus forte moyenne
to the four lists, all above 5 %:

>>> result = allocate({"A": 4500, "B": 2500, "C": 2000, "D": 1000}, round=2, date="2017-12-10")
>>> dict(result), dict(result.bonus)
({'A': 35, 'B': 13, 'C': 10, 'D': 5}, {'A': 11})

.. seealso:: Code électoral, art. L364, L365, L366, L373.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from fractions import Fraction

from ..outcome import Allocation, Note, NoteKind, RoundOutcome
from ..tally import Tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import (
    Lists,
    bonus_allocation,
    check_if_unresolved,
    check_round,
    house_of,
    people_of,
    when_of,
)
from .list_engine import check_round_tallies, list_qualification

__all__ = [
    "COLLECTIVITE_UNIQUE_FROM",
    "FROM_2010",
    "L364",
    "L366",
    "L373",
    "PARTIAL_NOTE",
    "RULE",
    "allocate",
    "bonus_seats",
    "house_seats",
    "second_round_qualification",
]

COLLECTIVITE_UNIQUE_FROM = _dt.date(2017, 12, 1)
"""The election of the collectivité unique (3 and 10 December 2017; L.366 as in force on
1 January 2018, loi n° 2015-991, art. 30)."""
FROM_2010 = _dt.date(2010, 1, 1)
"""The earliest day implemented: the 2010 and 2015 elections (9 bonus seats, 7 %), from the
Ministry's 2015 dossier (PARTIAL: the text itself was not read)."""

L364 = "Code électoral, art. L364"
L366 = "Code électoral, art. L366"
L373 = "Code électoral, art. L373"
PARTIAL_NOTE = Note(kind=NoteKind.CORSICA_2010_2017_PARTIAL)
"""The 2010–2017 rule (9 bonus seats, 7 % to stand) comes from the Ministry's 2015 dossier: the
text of that era was not read (PARTIAL)."""
RULE = "the Assemblée de Corse (Code électoral, art. L364 to L373)"


def _era(date: object) -> tuple[_dt.date, bool]:
    """The polling day, and whether it is in the collectivité unique era."""
    when = when_of(date, first=FROM_2010, rule=RULE)
    return when, when >= COLLECTIVITE_UNIQUE_FROM


def house_seats(*, date: object = None) -> int:
    """Members of the Assemblée de Corse: 63 since the December 2017 election, 51 before.

    >>> house_seats(date="2017-12-10"), house_seats(date="2015-12-13")
    (63, 51)

    .. seealso:: Code électoral, art. L364 (63 from secondary sources; the 51-member
       version was read).
    """
    _, unique = _era(date)
    return 63 if unique else 51


def bonus_seats(*, date: object = None) -> int:
    """The bonus: 11 seats since the December 2017 election, 9 in 2010 and 2015.

    >>> bonus_seats(date="2021-06-27"), bonus_seats(date="2010-03-21")
    (11, 9)

    .. seealso:: Code électoral, art. L366 (version of 1 January 2018: « onze sièges »).
    """
    _, unique = _era(date)
    return 11 if unique else 9


def _basis(unique: bool) -> str:
    if unique:
        return (
            f"{L366} (rédaction en vigueur au 1er janvier 2018, loi n° 2015-991, art. 30); {L364} (63 "
            "membres : sources secondaires, PARTIAL)"
        )
    return f"{L366} (2010–2017 : 9 sièges de prime, d'après le dossier 2015 du ministère de l'Intérieur ; PARTIAL)"


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
    """Seats per list in the Assemblée de Corse (L.366): the bonus, then plus forte moyenne.

    :param tally: the votes per list in this round.
    :param seats: the members, which the law sets (63, or 51 before December 2017);
        ``None`` takes it, another number is an error.
    :param round: 1 or 2.
    :param date: the polling day (a :class:`datetime.date` or ISO string; ``None``: today).
    :param people: the lists' candidates, for ties decided by age and to seat candidates in
        list order.
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param first_round: in round 2, the first-round tally, to check that every list could
        stand (7 %, L.373).
    :raises NoMajorityError: in round 1 without an absolute majority.
    :raises UnsupportedEraError: before 2010.

    >>> dict(allocate({"A": 5100, "B": 3000, "C": 1600, "D": 300}, date="2021-06-20"))
    {'A': 39, 'B': 16, 'C': 8, 'D': 0}

    .. seealso:: Code électoral, art. L366.
    """
    when, unique = _era(date)
    votes = votes_of(tally)
    house = house_of(seats, 63 if unique else 51, L364)
    number = check_round(round)
    policy = check_if_unresolved(if_unresolved)
    lists = people_of(people, votes.votes)
    check_round_tallies(votes, number, first_round, stand=Fraction(7, 100), rule=L373, top_two_fallback=False)
    return bonus_allocation(
        votes,
        house,
        bonus=11 if unique else 9,
        round=number,
        people=lists,
        if_unresolved=policy,
        threshold=Fraction(1, 20),
        legal_basis=_basis(unique),
        bonus_rule=f"{L366} al.{1 if number == 1 else 2}",
        threshold_basis=f"{L366} (au moins 5 % des suffrages exprimés)",
        tie_basis=L366,
        election="Assemblée de Corse",
        notes=() if when >= COLLECTIVITE_UNIQUE_FROM else (PARTIAL_NOTE,),
    )


def second_round_qualification(tally: Tally | Mapping[str, int], *, date: object = None) -> RoundOutcome:
    """Which first-round lists may stand in the second round (L.373).

    7 % of expressed votes to stand, 5 % to merge, and no fallback: when fewer than two
    lists reach 7 %, only they stand.

    >>> second_round_qualification({"A": 40, "B": 33, "C": 20, "D": 7}, date="2017-12-03").qualified
    ('A', 'B', 'C', 'D')
    >>> second_round_qualification({"A": 40, "B": 33, "C": 21, "D": 6}, date="2017-12-03").eliminated
    ('D',)

    .. seealso:: Code électoral, art. L373 (version of ordonnance n° 2016-1563).
    """
    _era(date)
    return list_qualification(
        tally,
        election="Assemblée de Corse",
        stand=Fraction(7, 100),
        merge=Fraction(1, 20),
        top_two_fallback=False,
        legal_basis=f"{L373} (au moins 7 % des suffrages exprimés pour se présenter, 5 % pour fusionner)",
        majority_rule=f"{L366} al.1",
    )
