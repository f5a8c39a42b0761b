"""Assemblée de la Polynésie française: a 19-seat bonus and plus forte moyenne, section by
section in eight sections.

Loi organique n° 2004-192 du 27 février 2004, art. 104 and 105 as amended by loi organique
n° 2011-918 (elections of 2013, 2018 and 2023), read in the LEGI dump (VERIFIED).

* **Members and sections** (art. 104): 57, in one constituency of eight sections of 13, 13,
  11, 8, 3, 3, 3 and 3 seats (every section at least 3). The library names the sections
  by their number in art. 104, ``"1"`` to ``"8"``.
* **Bonus** (art. 105): 19 seats to the list with an absolute majority of expressed votes in
  round 1 (without one no seat is allocated:
  :class:`~electoral_rules.errors.NoMajorityError`), or to the list with the most votes in
  round 2 (equal leading lists: the **highest** average age), placed 4, 4, 4, 3, 1, 1, 1 and 1
  in the sections.
* **Other seats** (art. 105): « répartis au sein de chaque section à la représentation
  proportionnelle selon la règle de la plus forte moyenne entre les listes ayant obtenu au
  moins 5 % des suffrages exprimés sur l'ensemble de la circonscription, au prorata des voix
  obtenues par chaque liste dans la section ». A section's last-seat tie: most votes (the
  library counts them in the section and says so), then the oldest candidate who could be
  elected.
* **Second round** (art. 105, :func:`second_round_qualification`): 12,5 % of expressed votes
  to stand, the top-two fallback, 5 % to merge.
* Partial elections (art. 107: one seat, two seats, three or more) are not implemented.

A worked example (figures made up): A has an absolute majority of 20 000 votes, spread
evenly over the eight sections:

>>> votes = {"A": 10400, "B": 6000, "C": 2800, "D": 800}
>>> by_section = {s: {"A": 1300, "B": 750, "C": 350, "D": 100} for s in SECTIONS}
>>> result = allocate(votes, section_votes=by_section, date="2023-04-16")
>>> dict(result), dict(result.bonus)
({'A': 40, 'B': 14, 'C': 3, 'D': 0}, {'A': 19})
>>> dict(sections(votes, section_votes=by_section, date="2023-04-16")["1"])
{'A': 9, 'B': 3, 'C': 1, 'D': 0}

.. seealso:: Loi organique n° 2004-192, art. 104, 105 (loi organique n° 2011-918).
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
    SECTION_TIE_NOTE,
    Lists,
    SectionedAssembly,
    house_of,
    when_of,
)
from .list_engine import list_qualification
from .round_engine import RunnerUpTie

__all__ = [
    "ART104",
    "ART105",
    "ASSEMBLY",
    "BONUS",
    "REGIME_FROM",
    "RULE",
    "SECTIONS",
    "SECTION_BONUS",
    "SECTION_TIE_NOTE",
    "allocate",
    "second_round_qualification",
    "sections",
]

REGIME_FROM = _dt.date(2013, 1, 1)
"""The elections under loi organique n° 2011-918 (first held in April and May 2013; the text's
own in-force day was not read, so earlier days are refused)."""
SECTIONS: Mapping[str, int] = FrozenMap(
    {"1": 13, "2": 13, "3": 11, "4": 8, "5": 3, "6": 3, "7": 3, "8": 3}
)
"""Seats per section, art. 104 (57 in all)."""
SECTION_BONUS: Mapping[str, int] = FrozenMap({"1": 4, "2": 4, "3": 4, "4": 3, "5": 1, "6": 1, "7": 1, "8": 1})
"""The bonus seats placed in each section, art. 105 (19 in all)."""
BONUS = 19
"""Art. 105: « dix-neuf sièges »."""

ART104 = "loi organique n° 2004-192, art. 104"
ART105 = "loi organique n° 2004-192, art. 105 (loi organique n° 2011-918)"
RULE = "the Assemblée de la Polynésie française (loi organique n° 2004-192, art. 104 and 105)"


ASSEMBLY = SectionedAssembly(
    election="Assemblée de la Polynésie française",
    rule=RULE,
    bonus_articles=(ART105, ART105),
    round_article=ART105,
    stand=Fraction(1, 8),
    tie_basis=ART105,
    threshold_basis=ART105,
    section_votes_help="the votes per list in sections 1 to 8, art. 105",
)
"""The section-by-section rule of art. 105, run by :func:`allocate` and :func:`sections`."""


def _run(
    tally: Tally | Mapping[str, int],
    seats: int | None,
    *,
    round: int,
    date: object,
    people: Lists | None,
    if_unresolved: IfUnresolved,
    section_votes: Mapping[str, Mapping[str, int]] | None,
    first_round: Tally | Mapping[str, int] | None,
) -> tuple[Allocation, FrozenMap[str, Allocation]]:
    when_of(date, first=REGIME_FROM, rule=RULE)
    votes = votes_of(tally)
    house_of(seats, sum(SECTIONS.values()), ART104)
    return ASSEMBLY.run(
        votes, round=round, people=people, if_unresolved=if_unresolved, first_round=first_round,
        section_votes=section_votes, section_seats=SECTIONS, section_bonus=SECTION_BONUS,
        legal_basis=f"{ART105}; {ART104}",
    )


def allocate(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    section_votes: Mapping[str, Mapping[str, int]] | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
) -> Allocation:
    """Seats per list in the Assemblée de la Polynésie française: the sum of :func:`sections`.

    :param tally: the votes per list in the whole constituency.
    :param seats: 57 (art. 104); ``None`` takes it, another number is an error.
    :param round: 1 or 2.
    :param date: the polling day (elections from 2013).
    :param people: the lists' candidates, for a tie for first place (average age).
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param section_votes: for sections ``"1"`` to ``"8"``, the votes per list there; they
        must add up to ``tally``.
    :param first_round: in round 2, the first-round tally, to check that every list could
        stand (12,5 % with the top-two fallback).
    :raises NoMajorityError: in round 1 without an absolute majority.

    .. seealso:: Loi organique n° 2004-192, art. 105.
    """
    total, _ = _run(tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved,
                    section_votes=section_votes, first_round=first_round)
    return total


def sections(
    tally: Tally | Mapping[str, int],
    seats: int | None = None,
    *,
    round: int = 1,
    date: object = None,
    people: Lists | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    section_votes: Mapping[str, Mapping[str, int]] | None = None,
    first_round: Tally | Mapping[str, int] | None = None,
) -> FrozenMap[str, Allocation]:
    """Each section's seats per list (art. 105): its share of the bonus, then plus forte
    moyenne on the votes in the section among the lists with 5 % in the whole constituency.

    Same parameters as :func:`allocate`; one :class:`~electoral_rules.Allocation` per
    section, ``"1"`` to ``"8"``.

    .. seealso:: Loi organique n° 2004-192, art. 104, 105.
    """
    _, parts = _run(tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved,
                    section_votes=section_votes, first_round=first_round)
    return parts


def second_round_qualification(
    tally: Tally | Mapping[str, int], *, date: object = None, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND
) -> RoundOutcome:
    """Which first-round lists may stand in the second round (art. 105): 12,5 % of expressed
    votes, with the top-two fallback; 5 % to merge.

    >>> second_round_qualification({"A": 45, "B": 30, "C": 13, "D": 12}, date="2023-04-16").qualified
    ('A', 'B', 'C')

    Lists tied for a fallback place all stand by default; ``runner_up_tie=RunnerUpTie.UNDETERMINED``
    reports the tie.

    .. seealso:: Loi organique n° 2004-192, art. 105.
    """
    when_of(date, first=REGIME_FROM, rule=RULE)
    return list_qualification(
        tally,
        election="Assemblée de la Polynésie française",
        stand=Fraction(1, 8),
        merge=Fraction(1, 20),
        top_two_fallback=True,
        legal_basis=ART105,
        majority_rule=ART105,
        runner_up_tie=runner_up_tie,
    )
