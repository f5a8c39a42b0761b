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
>>> first_round(Tally(votes={"A": 40, "B": 30, "C": 30})).undetermined
True

.. seealso:: Constitution, art. 7; loi n° 62-1292 du 6 novembre 1962, art. 3.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import InvalidArgumentError
from ..outcome import RoundOutcome
from ..tally import Tally
from .round_engine import FirstRoundRule, Qualification, first_round_outcome
from .round_engine import relative_majority_outcome as _relative_majority

__all__ = ["first_round", "second_round"]

ARTICLE_7 = "Constitution, art. 7"


def first_round(tally: Tally, *, withdrawn: Iterable[str] = ()) -> RoundOutcome:
    """The first round: elected with an absolute majority of expressed votes, else the top two.

    :param tally: the national first-round count (blank ballots in ``blank``, not in votes).
    :param withdrawn: candidates who withdrew before the second round; the next ones move up.
    :returns: the outcome; a tie for a second-round place is an unresolved
        :class:`~electoral_rules.Tie` (``outcome.undetermined`` is ``True``) with the tied
        candidates, who are neither qualified nor eliminated.
    :raises InvalidArgumentError: when a withdrawn name is not a candidate.

    >>> from electoral_rules import Tally
    >>> outcome = first_round(Tally(votes={"A": 40, "B": 35, "C": 25}), withdrawn=["B"])
    >>> outcome.qualified, outcome.eliminated
    (('A', 'C'), ('B',))
    >>> first_round(Tally(votes={"A": 51, "B": 49})).elected
    ('A',)

    .. seealso:: Constitution, art. 7, al. 1.
    """
    if isinstance(withdrawn, str):
        raise InvalidArgumentError(f"withdrawn must be a sequence of names, not the string {withdrawn!r}")
    rule = FirstRoundRule(
        election="présidentielle",
        seats=1,
        majority_basis=ARTICLE_7,
        quarter_basis=None,
        qualification=Qualification.TOP_TWO,
        qualification_basis=ARTICLE_7,
        age=None,
        withdrawn=tuple(withdrawn),
    )
    return first_round_outcome(tally, rule)


def second_round(tally: Tally) -> RoundOutcome:
    """The second round between the two remaining candidates: the absolute majority wins.

    With two candidates the one with more votes has the absolute majority of expressed
    votes; equal votes leave the election undetermined (no rule in the Constitution).

    :raises InvalidArgumentError: unless the tally has exactly two candidates.

    >>> from electoral_rules import Tally
    >>> second_round(Tally(votes={"A": 20743128, "B": 10638475})).elected
    ('A',)
    >>> outcome = second_round(Tally(votes={"A": 100, "B": 100}))
    >>> outcome.elected, outcome.undetermined, outcome.ties[0].contenders
    ((), True, ('A', 'B'))

    .. seealso:: Constitution, art. 7, al. 1.
    """
    if len(tally.votes) != 2:
        raise InvalidArgumentError(
            f"the presidential second round has exactly two candidates ({ARTICLE_7}), "
            f"got {len(tally.votes)}: {', '.join(map(repr, tally.votes))}"
        )
    return _relative_majority(
        tally,
        election="présidentielle",
        seats=1,
        legal_basis=ARTICLE_7,
        age=None,
        majority_required=True,
    )
