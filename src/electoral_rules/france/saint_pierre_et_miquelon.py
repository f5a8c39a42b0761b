"""Conseil territorial de Saint-Pierre-et-Miquelon: half of each section's seats as a bonus,
the others by plus forte moyenne on the votes in the whole constituency.

Code électoral, art. LO537 to LO541 (livre VI, titre IV, loi organique n° 2007-223 du 21
février 2007), read in the LEGI dump at its state of about 2015 (VERIFIED; later amendments
not checked).

* **Members** (LO537): 19, in one constituency of two sections: Saint-Pierre 15 seats,
  Miquelon-Langlade 4; lists of seats + 3 candidates in Saint-Pierre, + 1 in
  Miquelon-Langlade (LO539).
* **Round 1** (LO540): the list with an absolute majority of expressed votes **and** at least
  a quarter of registered voters takes « la moitié du nombre des sièges à pourvoir dans chaque
  section arrondi, le cas échéant, à l'entier supérieur »: 8 in Saint-Pierre, 2 in
  Miquelon-Langlade. The other seats are shared « au sein de chaque section, entre toutes les
  listes [...] au prorata des voix obtenues par chaque liste dans l'ensemble de la
  circonscription »: each section by plus forte moyenne on the **collectivity-wide** votes,
  with **no threshold**. Without an absolute majority no seat is allocated; an absolute
  majority short of a quarter of registered voters is left open by the text and refused
  (:class:`~electoral_rules.errors.NotImplementedRuleError`).
* **Round 2** (LO540): the same bonus to the list with the most votes (equal leaders: the
  **highest** average age).
* **Last-seat tie in a section** (LO540): most votes in the whole constituency, then the
  oldest candidate who could be elected.
* **Second round** (LO541): 10 % of expressed votes to stand, the top-two fallback, 5 % to merge.

A worked example (figures made up): round 2, A leads with 1 700 of 3 500 votes and takes 8
seats in Saint-Pierre and 2 in Miquelon-Langlade. Saint-Pierre's 7 others go by the averages
1 700, 1 300, 850 (A), 650 (B), 566,6 (A), 500 (C), 433,3 (B); Miquelon-Langlade's 2 others
to A and B:

>>> result = allocate({"A": 1700, "B": 1300, "C": 500}, round=2, date="2022-03-27")
>>> dict(result), dict(result.bonus)
({'A': 14, 'B': 4, 'C': 1}, {'A': 10})
>>> {section: dict(part) for section, part in sections({"A": 1700, "B": 1300, "C": 500}, round=2,
...                                                    date="2022-03-27").items()}
{'Saint-Pierre': {'A': 11, 'B': 3, 'C': 1}, 'Miquelon-Langlade': {'A': 3, 'B': 1, 'C': 0}}

.. seealso:: Code électoral, art. LO537, LO539, LO540, LO541.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from fractions import Fraction

from .._mapping import FrozenMap
from ..outcome import Allocation, RoundOutcome
from ..tally import Tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import (
    Lists,
    SectionedAssembly,
    half_rounded_up,
    house_of,
    when_of,
)
from .list_engine import list_qualification
from .round_engine import RunnerUpTie

__all__ = [
    "ASSEMBLY",
    "BASIS",
    "FIRST_ELECTION",
    "LO537",
    "LO540",
    "LO541",
    "RULE",
    "SECTIONS",
    "SECTION_BONUS",
    "allocate",
    "second_round_qualification",
    "sections",
]

FIRST_ELECTION = _dt.date(2007, 3, 1)
"""The first election of the conseil territorial under loi organique n° 2007-223 (March 2007)."""
SECTIONS: Mapping[str, int] = FrozenMap({"Saint-Pierre": 15, "Miquelon-Langlade": 4})
"""LO537: seats per section (19 in all)."""
SECTION_BONUS: Mapping[str, int] = FrozenMap(
    (section, half_rounded_up(seats)) for section, seats in SECTIONS.items()
)
"""LO540: half of each section's seats, rounded up (8 and 2)."""

LO537 = "Code électoral, art. LO537"
LO540 = "Code électoral, art. LO540"
LO541 = "Code électoral, art. LO541"
RULE = "the conseil territorial de Saint-Pierre-et-Miquelon (Code électoral, art. LO537 to LO541)"
BASIS = f"{LO540} (rédaction d'environ 2015, loi organique n° 2007-223 ; modifications ultérieures non vérifiées); {LO537}"


ASSEMBLY = SectionedAssembly(
    election="conseil territorial de Saint-Pierre-et-Miquelon",
    rule=RULE,
    bonus_articles=(f"{LO540} al.1", f"{LO540} al.2"),
    round_article=LO541,
    stand=Fraction(1, 10),
    tie_basis=LO540,
    votes_by_section=False,
    quarter_basis=LO540,
)
"""The section-by-section rule of LO540 (on the votes of the whole constituency), run by
:func:`allocate` and :func:`sections`."""


def _run(
    tally: Tally | Mapping[str, int],
    seats: int | None,
    *,
    round: int,
    date: object,
    people: Lists | None,
    if_unresolved: IfUnresolved,
    first_round: Tally | Mapping[str, int] | None,
) -> tuple[Allocation, FrozenMap[str, Allocation]]:
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    votes = votes_of(tally)
    house_of(seats, sum(SECTIONS.values()), LO537)
    return ASSEMBLY.run(
        votes, round=round, people=people, if_unresolved=if_unresolved, first_round=first_round,
        section_votes=None, section_seats=SECTIONS, section_bonus=SECTION_BONUS, legal_basis=BASIS,
    )


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
    """Seats per list in the conseil territorial: the sum of :func:`sections` (LO540).

    :param tally: the votes per list in the whole constituency; in round 1 ``registered`` is
        required (a quarter of registered voters).
    :param seats: 19 (LO537); ``None`` takes it, another number is an error.
    :param round: 1 or 2.
    :param date: the polling day (from March 2007).
    :param people: the lists' candidates, for a tie for first place (average age).
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param first_round: in round 2, the first-round tally, to check that every list could stand.
    :raises NoMajorityError: in round 1 without an absolute majority.
    :raises NotImplementedRuleError: in round 1, for a majority short of a quarter of registered.

    .. seealso:: Code électoral, art. LO540.
    """
    total, _ = _run(tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved,
                    first_round=first_round)
    return total


def sections(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    first_round: Tally | Mapping[str, int] | None = None,
) -> FrozenMap[str, Allocation]:
    """Each section's seats per list (LO540): half its seats to the bonus list, the others by
    plus forte moyenne on the votes in the whole constituency.

    Same parameters as :func:`allocate`.

    .. seealso:: Code électoral, art. LO537, LO540.
    """
    _, parts = _run(tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved,
                    first_round=first_round)
    return parts


def second_round_qualification(
    tally: Tally | Mapping[str, int], *, date: object = None, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND
) -> RoundOutcome:
    """Which first-round lists may stand in the second round (LO541): 10 % of expressed
    votes, with the top-two fallback; 5 % to merge.

    >>> second_round_qualification({"A": 45, "B": 40, "C": 15}, date="2022-03-20").qualified
    ('A', 'B', 'C')

    Lists tied for a fallback place all stand by default; ``runner_up_tie=RunnerUpTie.UNDETERMINED``
    reports the tie.

    .. seealso:: Code électoral, art. LO541.
    """
    when_of(date, first=FIRST_ELECTION, rule=RULE)
    return list_qualification(
        tally,
        election="conseil territorial de Saint-Pierre-et-Miquelon",
        stand=Fraction(1, 10),
        merge=Fraction(1, 20),
        top_two_fallback=True,
        legal_basis=LO541,
        majority_rule=LO540,
        runner_up_tie=runner_up_tie,
    )
