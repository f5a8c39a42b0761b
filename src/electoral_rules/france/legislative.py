"""Législatives: élection des députés, scrutin uninominal majoritaire à deux tours.

First round (L126): elected with an absolute majority of expressed votes **and** a number
of votes at least a quarter of registered. Otherwise those with at least 12,5 % of
registered may stand in the second round (L162); if only one does, the runner-up too; if
none, the top two. Second round (L126): relative majority; a tie goes to the oldest.

>>> from electoral_rules import Tally
>>> outcome = first_round(Tally(votes={"A": 420, "B": 310, "C": 130, "D": 90}, registered=1600))
>>> outcome.elected, outcome.qualified, outcome.eliminated
((), ('A', 'B'), ('C', 'D'))
>>> outcome.thresholds["absolute majority"].votes, outcome.thresholds["quarter of registered"].votes
(476, 400)

.. seealso:: Code électoral, art. L123, L126, L162.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from fractions import Fraction

from ..errors import InvalidArgumentError, NotImplementedRuleError, UnsupportedEraError
from ..outcome import RoundOutcome
from ..tally import Candidate, Tally
from .common import AgeRule, FirstRoundRule, Qualification, RunnerUpTie, first_round_outcome, people_of
from .common import relative_majority_outcome as _relative_majority

__all__ = ["first_round", "second_round"]

L123 = "Code électoral, art. L123"
L126 = "Code électoral, art. L126"
L162 = "Code électoral, art. L162"

FIFTH_REPUBLIC = _dt.date(1958, 10, 4)
TWELVE_AND_A_HALF_SINCE = _dt.date(1976, 7, 19)
"""Loi du 19 juillet 1976: 12,5 % of registered to stand in the second round (the date
comes from secondary sources: UNVERIFIED)."""
PROPORTIONAL_1986 = (_dt.date(1985, 7, 11), _dt.date(1986, 7, 11))
"""Loi 85-690 du 10 juillet 1985 to loi 86-825 du 11 juillet 1986: departmental
proportional representation (L123, 1985-86 version), used only at the 1986 election."""

Candidates = Mapping[str, Candidate] | Iterable[Candidate]


def _check_era(date: _dt.date | None) -> None:
    """Refuse dates whose rule is not implemented: before 1976 the thresholds are unverified."""
    if date is None:
        return
    if not isinstance(date, _dt.date) or isinstance(date, _dt.datetime):
        raise InvalidArgumentError(f"date {date!r} must be a datetime.date")
    if date < FIFTH_REPUBLIC:
        raise UnsupportedEraError(
            f"législatives of {date.isoformat()}: only elections under the Constitution of "
            "4 October 1958 are implemented"
        )
    if date < TWELVE_AND_A_HALF_SINCE:
        raise NotImplementedRuleError(
            f"législatives of {date.isoformat()}: the second-round threshold before the loi du "
            "19 juillet 1976 (5 % of expressed from 1958, 10 % of registered from 1966) is "
            "UNVERIFIED, so it is not implemented; only elections from 19 July 1976 are"
        )
    if PROPORTIONAL_1986[0] <= date <= PROPORTIONAL_1986[1]:
        raise UnsupportedEraError(
            f"législatives of {date.isoformat()}: from loi 85-690 to loi 86-825 (the 1986 "
            f"election) deputies were elected by departmental proportional representation "
            f"({L123}, 1985-1986 version), not by the two-round majoritarian vote"
        )


def first_round(
    tally: Tally,
    *,
    date: _dt.date | None = None,
    candidates: Candidates | None = None,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """The first round of a législative election in one circonscription.

    :param tally: the first-round count; ``registered`` is required.
    :param date: the election date (default: the rule in force today). Dates before
        19 July 1976 raise :class:`~electoral_rules.errors.NotImplementedRuleError`, the
        1986 proportional election :class:`~electoral_rules.errors.UnsupportedEraError`.
    :param candidates: :class:`~electoral_rules.Candidate` records, only used if an age
        tie-break is needed (it cannot be with one seat; accepted for symmetry).
    :returns: who is elected (majority **and** quarter of registered, L126), who may stand
        in the second round (at least 12,5 % of registered; the runner-up too if only one
        candidate reaches it; the top two if none: L162), who is eliminated. A tie for a
        fallback place lets every tied candidate stand (the text is silent; official
        practice, see ``runner_up_tie``).
    :param runner_up_tie: a tie for a fallback place: every tied candidate may stand
        (:attr:`~electoral_rules.RunnerUpTie.ALL_STAND`, the default, after the
        practice of the départementales 2015 in the canton d'Aureilhan) or the place is
        reported undetermined (:attr:`~electoral_rules.RunnerUpTie.UNDETERMINED`).
    :raises InvalidTallyError: without ``registered``.

    A candidate with exactly 12,5 % of registered qualifies (``8 * votes >= registered``);
    here A has an absolute majority of expressed votes (240 of 465) but not a quarter of
    registered (250), so A is not elected:

    >>> from electoral_rules import Tally
    >>> outcome = first_round(Tally(votes={"A": 240, "B": 125, "C": 100}, registered=1000))
    >>> outcome.qualified, outcome.eliminated
    (('A', 'B'), ('C',))

    Nobody at 12,5 %: the top two may stand.

    >>> first_round(Tally(votes={"A": 110, "B": 100, "C": 90}, registered=1000)).qualified
    ('A', 'B')

    .. seealso:: Code électoral, art. L126 (election in round 1), L162 (qualification).
    """
    _check_era(date)
    rule = FirstRoundRule(
        election="législatives",
        seats=1,
        majority_basis=L126,
        quarter_basis=L126,
        qualification=Qualification.SHARE_OR_TOP_TWO,
        qualification_share=Fraction(1, 8),
        qualification_basis=L162,
        runner_up_tie=runner_up_tie,
        age=AgeRule(people=people_of(candidates), legal_basis=L126),
    )
    return first_round_outcome(tally, rule)


def second_round(
    tally: Tally,
    candidates: Candidates | None = None,
    *,
    date: _dt.date | None = None,
) -> RoundOutcome:
    """The second round: relative majority; equal votes elect the oldest candidate.

    :param tally: the second-round count (``registered`` is not needed: "la majorité
        relative suffit").
    :param candidates: :class:`~electoral_rules.Candidate` records with birth dates, needed
        only when the leaders tie.
    :param date: the election date, checked as in :func:`first_round`.
    :raises UnresolvedTieError: on a tie when a tied candidate has no birth date.

    >>> import datetime as dt
    >>> from electoral_rules import Candidate, Tally
    >>> people = [Candidate(name="A", birth_date=dt.date(1970, 1, 1)),
    ...           Candidate(name="B", birth_date=dt.date(1960, 5, 2))]
    >>> second_round(Tally(votes={"A": 500, "B": 500}), people).elected
    ('B',)

    .. seealso:: Code électoral, art. L126.
    """
    _check_era(date)
    return _relative_majority(
        tally,
        election="législatives",
        seats=1,
        legal_basis=L126,
        age=AgeRule(people=people_of(candidates), legal_basis=L126),
    )
