"""Départementales (cantonales before 2015): two rounds in each canton.

Since the 2015 elections (loi 2013-403) each canton elects a **binôme**: two candidates of
different sexes on one ballot (L191). The tests are those of the législatives:

* first round (L193): absolute majority of expressed votes **and** a quarter of registered;
* second round (L210-1): binômes with at least 12,5 % of registered (10 % before the
  2011 elections, loi 2010-1563); if only one reaches it, the runner-up too; if none, the top
  two;
* second round result (L193): relative majority; equal votes elect "le binôme qui comporte
  le candidat le plus âgé": the binôme holding the single oldest person, **not** the binôme
  with the older average age.

How binômes are given. The tally's names are the binômes' names (e.g. ``"DUPONT-MARTIN"``).
Their candidates, needed only for a tie, are given as ``candidates=``: either a mapping
``{binôme name: (Candidate, Candidate)}`` or :class:`~electoral_rules.PartyList` records
of two candidates named like the tally. Before 2015 each name is one
:class:`~electoral_rules.Candidate` (one conseiller général per canton).

>>> import datetime as dt
>>> from electoral_rules import Candidate, Tally
>>> binomes = {"A-B": (Candidate(name="A", birth_date=dt.date(1980, 1, 1)),
...                    Candidate(name="B", birth_date=dt.date(1950, 1, 1))),
...            "C-D": (Candidate(name="C", birth_date=dt.date(1955, 1, 1)),
...                    Candidate(name="D", birth_date=dt.date(1956, 1, 1)))}
>>> second_round(Tally(votes={"A-B": 900, "C-D": 900}), binomes).elected
('A-B',)

Here C-D has the older average age (born 1955 and 1956, against 1950 and 1980) but A-B
holds the oldest candidate, B.

.. seealso:: Code électoral, art. L191, L193, L210-1.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from ..errors import InvalidArgumentError, NotImplementedRuleError
from ..outcome import RoundOutcome
from ..tally import Candidate, PartyList, Tally
from .round_engine import AgeRule, FirstRoundRule, Qualification, RunnerUpTie, first_round_outcome, people_of
from .round_engine import relative_majority_outcome as _relative_majority

__all__ = ["first_round", "qualification_share", "second_round"]

L191 = "Code électoral, art. L191"
L193 = "Code électoral, art. L193"
L210_1 = "Code électoral, art. L210-1"

BINOMES_SINCE = _dt.date(2015, 1, 1)
"""Loi 2013-403 du 17 mai 2013: binômes from the 2015 general elections (March 2015)."""
TWELVE_AND_A_HALF_SINCE = _dt.date(2011, 1, 1)
"""Loi 2010-1563 du 16 décembre 2010: 12,5 % of registered, first used in March 2011."""
TEN_PERCENT_IMPLEMENTED_SINCE = _dt.date(1970, 1, 31)
"""The 10 % text of L210-1 (with its top-two fallback) is in the LEGI history from the version
dated 31 January 1970 to loi 2010-1563 (PARTIAL: the start is inferred from the date of that
version, which also inserts L57-1 of loi n° 69-419); cantonales from 1970 to 2008 are
accepted under it."""

Binomes = (
    Mapping[str, tuple[Candidate, Candidate] | Candidate | PartyList | Sequence[Candidate]]
    | Iterable[PartyList | Candidate]
)


def qualification_share(date: _dt.date | None = None) -> Fraction:
    """The share of registered needed to stand in the second round on ``date``.

    >>> import datetime as dt
    >>> qualification_share(), qualification_share(dt.date(2008, 3, 9))
    (Fraction(1, 8), Fraction(1, 10))

    :raises NotImplementedRuleError: before 31 January 1970, the first LEGI version of the
        10 % text (its start is inferred: PARTIAL).

    .. seealso:: Code électoral, art. L210-1 (loi 2010-1563 du 16 décembre 2010).
    """
    if date is None:
        return Fraction(1, 8)
    if not isinstance(date, _dt.date) or isinstance(date, _dt.datetime):
        raise InvalidArgumentError(f"date {date!r} must be a datetime.date")
    if date >= TWELVE_AND_A_HALF_SINCE:
        return Fraction(1, 8)
    if date >= TEN_PERCENT_IMPLEMENTED_SINCE:
        return Fraction(1, 10)
    raise NotImplementedRuleError(
        f"départementales/cantonales of {date.isoformat()}: the 10 % of registered rule of {L210_1} "
        "is read in the LEGI history from its version dated 31 January 1970; the rule before it was "
        "not read, so only elections from that day are implemented"
    )


def _people(candidates: Binomes | None, date: _dt.date | None) -> dict[str, tuple[Candidate, ...]]:
    people = people_of(candidates)
    size = 2 if date is None or date >= BINOMES_SINCE else 1
    for name, persons in people.items():
        if len(persons) != size:
            what = "a binôme of two candidates (L191, since 2015)" if size == 2 else (
                "one candidate (one conseiller général per canton before 2015)"
            )
            raise InvalidArgumentError(f"{name!r} must be {what}, got {len(persons)} candidate(s)")
    return people


def first_round(
    tally: Tally,
    *,
    date: _dt.date | None = None,
    candidates: Binomes | None = None,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """The first round in one canton.

    :param tally: votes per binôme; ``registered`` is required.
    :param date: the election date; it sets the qualification share (12,5 % of registered
        since 2011, 10 % from 31 January 1970 to 2010, earlier dates refused).
    :param candidates: the binômes' candidates (see the module docstring); only needed for a
        tie decided by age, which cannot happen with one seat.
    :returns: elected (majority and quarter, L193), qualified (L210-1 with the top-two
        fallback), eliminated, thresholds in votes, ties, legal basis.
    :param runner_up_tie: a tie for a fallback place: every tied binôme may stand (the
        default, as in the canton d'Aureilhan in 2015, where one binôme reached 12,5 % and the
        next two tied at 1 248 votes) or, with
        :attr:`~electoral_rules.RunnerUpTie.UNDETERMINED`, the place is reported
        undetermined.

    >>> from electoral_rules import Tally
    >>> t = Tally(votes={"A-B": 5200, "C-D": 3100, "E-F": 2500}, registered=24000)
    >>> outcome = first_round(t)
    >>> outcome.qualified, outcome.thresholds["qualification"].votes
    (('A-B', 'C-D'), 3000)
    >>> import datetime as dt
    >>> first_round(t, date=dt.date(2008, 3, 9)).qualified  # 10 % of registered then
    ('A-B', 'C-D', 'E-F')

    .. seealso:: Code électoral, art. L193 (election), L210-1 (qualification).
    """
    share = qualification_share(date)
    rule = FirstRoundRule(
        election="départementales",
        seats=1,
        majority_basis=L193,
        quarter_basis=L193,
        qualification=Qualification.SHARE_OR_TOP_TWO,
        qualification_share=share,
        qualification_basis=L210_1,
        runner_up_tie=runner_up_tie,
        age=AgeRule(people=_people(candidates, date), legal_basis=L193),
    )
    return first_round_outcome(tally, rule)


def second_round(
    tally: Tally,
    candidates: Binomes | None = None,
    *,
    date: _dt.date | None = None,
) -> RoundOutcome:
    """The second round: relative majority; a tie goes to the binôme holding the oldest person.

    :param candidates: the binômes' candidates with birth dates, needed only for a tie.
    :raises UnresolvedTieError: on a tie when a tied binôme's birth dates are missing.

    >>> from electoral_rules import Tally
    >>> second_round(Tally(votes={"A-B": 5200, "C-D": 4800})).elected
    ('A-B',)

    .. seealso:: Code électoral, art. L193, al. 2 and 3.
    """
    qualification_share(date)  # refuses dates outside the implemented eras
    return _relative_majority(
        tally,
        election="départementales",
        seats=1,
        legal_basis=L193,
        age=AgeRule(people=_people(candidates, date), legal_basis=L193),
    )
