"""Conseil territorial de Saint-Barthélemy: a bonus of a third of the seats, then plus forte moyenne
among all lists.

Code électoral, art. LO482 to LO486 (livre VI, titre II, loi organique n° 2007-223 du 21
février 2007), read in the LEGI dump at its state of about 2015 (VERIFIED; later amendments not
checked).

* **Members** (LO482): 19, one constituency; lists of 19 + 3 candidates.
* **Round 1** (LO485): the list with an absolute majority of expressed votes **and** at
  least a quarter of registered voters takes a third of the seats rounded up (7); the
  other seats go « entre toutes les listes » by plus forte moyenne: **no threshold**. Without
  an absolute majority no seat is allocated and a second round is held
  (:class:`~electoral_rules.errors.NoMajorityError`). An absolute majority short of a quarter
  of registered voters is a case the text leaves open (it gives no bonus, and calls a second
  round only without a majority): the library refuses it
  (:class:`~electoral_rules.errors.NotImplementedRuleError`).
* **Round 2** (LO485): the bonus to the list with the most votes (equal leaders: the
  **highest** average age), the rest as in round 1.
* **Last-seat tie** (LO485): most votes in the whole constituency, then the oldest
  candidate who could be elected.
* **Second round** (LO486, :func:`second_round_qualification`): 10 % of expressed votes
  to stand, the top-two fallback, 5 % to merge.

A worked example (figures made up): round 1, A has 2 600 of 5 000 expressed votes and 2 600
of 8 000 registered (over a quarter, 2 000):

>>> from electoral_rules import Tally
>>> result = allocate(Tally(votes={"A": 2600, "B": 1500, "C": 700, "D": 200}, registered=8000), date="2022-03-20")
>>> dict(result), dict(result.bonus)
({'A': 14, 'B': 4, 'C': 1, 'D': 0}, {'A': 7})

.. seealso:: Code électoral, art. LO482, LO485, LO486.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping

from ..outcome import Allocation, RoundOutcome
from ..tally import Tally
from ..tiebreak import IfUnresolved
from ._collectivity import Lists, TerritorialCouncil
from .round_engine import RunnerUpTie

__all__ = ["BONUS", "COUNCIL", "FIRST_ELECTION", "SEATS", "allocate", "second_round_qualification"]

FIRST_ELECTION = _dt.date(2007, 7, 1)
"""The first election of the conseil territorial (July 2007, loi organique n° 2007-223)."""
COUNCIL = TerritorialCouncil(
    election="conseil territorial de Saint-Barthélemy",
    seats=19,
    members_article="Code électoral, art. LO482",
    bonus_article="Code électoral, art. LO485",
    round_article="Code électoral, art. LO486",
    rule="the conseil territorial de Saint-Barthélemy (Code électoral, art. LO482 to LO486)",
    version="rédaction d'environ 2015 (loi organique n° 2007-223) ; modifications ultérieures non vérifiées",
    first_election=FIRST_ELECTION,
)
"""The council's rule; the version read is cited in the legal basis (in French, as the law)."""
SEATS = COUNCIL.seats
"""LO482: « dix-neuf membres »."""
BONUS = COUNCIL.bonus
"""LO485: a third of the seats, rounded up."""


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
    """Seats per list in the conseil territorial (LO485).

    :param tally: the votes per list; in round 1 ``registered`` is required (a quarter of
        registered voters).
    :param seats: 19; ``None`` takes it, another number is an error.
    :param round: 1 or 2.
    :param date: the polling day (from July 2007).
    :param people: the lists' candidates, for ties decided by age and to seat candidates.
    :param if_unresolved: what to do with a tie the law's criteria do not settle.
    :param first_round: in round 2, the first-round tally, to check that every list could stand.
    :raises NoMajorityError: in round 1 without an absolute majority.
    :raises NotImplementedRuleError: in round 1, for a majority short of a quarter of registered.

    .. seealso:: Code électoral, art. LO485.
    """
    return COUNCIL.allocate(
        tally, seats, round=round, date=date, people=people, if_unresolved=if_unresolved, first_round=first_round
    )


def second_round_qualification(
    tally: Tally | Mapping[str, int], *, date: object = None, runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND
) -> RoundOutcome:
    """Which first-round lists may stand in the second round (LO486): 10 % of expressed
    votes, with the top-two fallback; 5 % to merge.

    >>> second_round_qualification({"A": 45, "B": 40, "C": 15}, date="2022-03-20").qualified
    ('A', 'B', 'C')

    Lists tied for a fallback place all stand by default; ``runner_up_tie=RunnerUpTie.UNDETERMINED``
    reports the tie.

    .. seealso:: Code électoral, art. LO486.
    """
    return COUNCIL.second_round_qualification(tally, date=date, runner_up_tie=runner_up_tie)
