"""Présidentielle: election of the President of the Republic, two rounds (Constitution, art. 7).

"Le Président de la République est élu à la majorité absolue des suffrages exprimés. Si
celle-ci n'est pas obtenue au premier tour de scrutin, il est procédé [...] à un second
tour. Seuls peuvent s'y présenter les deux candidats qui, le cas échéant après retrait de
candidats plus favorisés, se trouvent avoir recueilli le plus grand nombre de suffrages au
premier tour."

* Blank ballots are not expressed (Code électoral, art. L65, applied by loi 62-1292 art. 3).
* There is **no** quarter-of-registered condition.
* A better-placed candidate who withdraws is replaced by the next one.
* Neither the Constitution nor loi 62-1292 settles a tie: a tie for second place, or in the
  second round, leaves the outcome undetermined (``outcome.undetermined``). Age never decides.

>>> from electoral_rules import Tally
>>> elect(Tally(votes={"A": 40, "B": 30, "C": 30})).undetermined
1

.. seealso:: Constitution, art. 7; loi n° 62-1292 du 6 novembre 1962, art. 3.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from .._dates import as_date
from .._deprecation import deprecated
from .._exact import as_round
from ..errors import InvalidArgumentError, UnsupportedEraError
from ..outcome import RoundOutcome
from ..tally import Candidate, Tally, as_tally
from ..tiebreak import IfUnresolved
from .round_engine import FirstRoundRule, Qualification, first_round_outcome, people_of
from .round_engine import relative_majority_outcome as _relative_majority

__all__ = ["ARTICLE_7", "DIRECT_ELECTION_FROM", "elect", "first_round", "second_round"]

ARTICLE_7 = "Constitution, art. 7"

DIRECT_ELECTION_FROM = _dt.date(1962, 11, 7)
"""Loi n° 62-1292 du 6 novembre 1962 (election by direct universal suffrage), published in the
Journal officiel of 7 November 1962: the day it took effect is UNVERIFIED; the first
election under it was held on 5 December 1965."""


def elect(
    tally: Tally | Mapping[str, int],
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    withdrawn: Iterable[str] = (),
) -> RoundOutcome:
    """One round of the presidential election: the absolute majority of expressed votes wins;
    else the two leading candidates (after withdrawals) stand in round 2.

    :param tally: the national count, a :class:`~electoral_rules.Tally` (blank ballots in
        ``blank``, not in votes) or a mapping ``{name: votes}``: no figure beyond the votes
        is needed (no quarter-of-registered condition).
    :param round: 1 or 2 (round 2 has exactly two candidates).
    :param date: the polling day (``None``: today); days before loi n° 62-1292 (direct
        election, in force 7 November 1962) are refused.
    :param people: the candidates' records; accepted for the contract, never used: age
        decides nothing here.
    :param if_unresolved: a tie for a second-round place, or in round 2, is left open by
        the Constitution: ``REPORT`` leaves it undetermined (``outcome.undetermined``),
        ``RAISE`` raises :class:`~electoral_rules.errors.UnresolvedTieError`.
    :param withdrawn: round 1 only: candidates who withdrew before the second round; the
        next ones move up.
    :raises InvalidArgumentError: when a withdrawn name is not a candidate, or round 2 does
        not have exactly two candidates.

    >>> from electoral_rules import Tally
    >>> outcome = elect(Tally(votes={"A": 40, "B": 35, "C": 25}), withdrawn=["B"])
    >>> outcome.qualified, outcome.eliminated
    (('A', 'C'), ('B',))
    >>> elect({"A": 51, "B": 49}).elected
    ('A',)
    >>> elect({"A": 20743128, "B": 10638475}, round=2).elected
    ('A',)
    >>> outcome = elect({"A": 100, "B": 100}, round=2)
    >>> outcome.elected, outcome.undetermined, outcome.ties[0].contenders
    ((), 1, ('A', 'B'))

    .. seealso:: Constitution, art. 7, al. 1; loi n° 62-1292 du 6 novembre 1962.
    """
    when = as_date(date, rule="présidentielle")
    if when < DIRECT_ELECTION_FROM:
        raise UnsupportedEraError(
            f"présidentielle of {when.isoformat()}: only the direct election (loi n° 62-1292, in force "
            f"from {DIRECT_ELECTION_FROM.isoformat()}) is implemented"
        )
    number = as_round(round, "présidentielle")
    votes = as_tally(tally)
    people_of(people, votes.votes)
    names = _withdrawn(withdrawn)
    if number == 1:
        rule = FirstRoundRule(
            election="présidentielle",
            seats=1,
            majority_basis=ARTICLE_7,
            quarter_basis=None,
            qualification=Qualification.TOP_TWO,
            qualification_basis=ARTICLE_7,
            age=None,
            withdrawn=names,
        )
        return first_round_outcome(votes, rule, if_unresolved=if_unresolved)
    if names:
        raise InvalidArgumentError(f"withdrawn is for round 1 only ({ARTICLE_7}), got {list(names)!r}")
    if len(votes.votes) != 2:
        raise InvalidArgumentError(
            f"the presidential second round has exactly two candidates ({ARTICLE_7}), "
            f"got {len(votes.votes)}: {', '.join(map(repr, votes.votes))}"
        )
    return _relative_majority(
        votes,
        election="présidentielle",
        seats=1,
        legal_basis=ARTICLE_7,
        age=None,
        majority_required=True,
        if_unresolved=if_unresolved,
    )


def _withdrawn(withdrawn: object) -> tuple[str, ...]:
    if isinstance(withdrawn, (str, bytes)) or not isinstance(withdrawn, Iterable):
        raise InvalidArgumentError(
            f"withdrawn must be a sequence of candidates' names, got {withdrawn!r} ({ARTICLE_7})"
        )
    names = tuple(withdrawn)
    for name in names:
        if not isinstance(name, str):
            raise InvalidArgumentError(f"withdrawn must hold candidates' names (strings), got {name!r} ({ARTICLE_7})")
    return names


def first_round(tally: Tally | Mapping[str, int], *, withdrawn: Iterable[str] = ()) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``round=1``)."""
    deprecated("presidential.first_round", "presidential.elect(tally, round=1, withdrawn=...)")
    return elect(tally, round=1, withdrawn=withdrawn)


def second_round(tally: Tally | Mapping[str, int]) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``round=2``)."""
    deprecated("presidential.second_round", "presidential.elect(tally, round=2)")
    return elect(tally, round=2)
