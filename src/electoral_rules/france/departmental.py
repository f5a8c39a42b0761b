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
Their candidates, needed only for a tie, are given as ``people=``: either a mapping
``{binôme name: (Candidate, Candidate)}`` or :class:`~electoral_rules.PartyList` records
of two candidates named like the tally. Before 2015 each name is one
:class:`~electoral_rules.Candidate` (one conseiller général per canton).

>>> import datetime as dt
>>> from electoral_rules import Candidate, Tally
>>> binomes = {"A-B": (Candidate(name="A", birth_date=dt.date(1980, 1, 1)),
...                    Candidate(name="B", birth_date=dt.date(1950, 1, 1))),
...            "C-D": (Candidate(name="C", birth_date=dt.date(1955, 1, 1)),
...                    Candidate(name="D", birth_date=dt.date(1956, 1, 1)))}
>>> elect(Tally(votes={"A-B": 900, "C-D": 900}), round=2, people=binomes).elected
('A-B',)

Here C-D has the older average age (born 1955 and 1956, against 1950 and 1980) but A-B
holds the oldest candidate, B.

.. seealso:: Code électoral, art. L191, L193, L210-1.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

from .._dates import as_date
from .._deprecation import deprecated
from .._exact import as_round
from ..errors import InvalidArgumentError, NotImplementedRuleError
from ..outcome import RoundOutcome
from ..tally import Candidate, PartyList, Tally, as_tally
from ..tiebreak import IfUnresolved
from .round_engine import AgeRule, FirstRoundRule, Qualification, RunnerUpTie, first_round_outcome, people_of
from .round_engine import relative_majority_outcome as _relative_majority

__all__ = [
    "BINOMES_SINCE",
    "L191",
    "L193",
    "L210_1",
    "TEN_PERCENT_IMPLEMENTED_SINCE",
    "TWELVE_AND_A_HALF_SINCE",
    "Binomes",
    "elect",
    "first_round",
    "qualification_share",
    "second_round",
]

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


def qualification_share(date: _dt.date | str | None = None) -> Fraction:
    """The share of registered needed to stand in the second round on ``date``.

    >>> import datetime as dt
    >>> qualification_share(), qualification_share(dt.date(2008, 3, 9))
    (Fraction(1, 8), Fraction(1, 10))

    :raises NotImplementedRuleError: before 31 January 1970, the first LEGI version of the
        10 % text (its start is inferred: PARTIAL).

    .. seealso:: Code électoral, art. L210-1 (loi 2010-1563 du 16 décembre 2010).
    """
    date = as_date(date, rule="départementales")
    if date >= TWELVE_AND_A_HALF_SINCE:
        return Fraction(1, 8)
    if date >= TEN_PERCENT_IMPLEMENTED_SINCE:
        return Fraction(1, 10)
    raise NotImplementedRuleError(
        f"départementales/cantonales of {date.isoformat()}: the 10 % of registered rule of {L210_1} "
        "is read in the LEGI history from its version dated 31 January 1970; the rule before it was "
        "not read, so only elections from that day are implemented"
    )


def _people(
    candidates: Binomes | None, date: _dt.date | str | None, names: Iterable[str]
) -> dict[str, tuple[Candidate, ...]]:
    people = people_of(candidates, names)
    size = 2 if as_date(date, rule="départementales") >= BINOMES_SINCE else 1
    for name, persons in people.items():
        if len(persons) != size:
            what = "a binôme of two candidates (L191, since 2015)" if size == 2 else (
                "one candidate (one conseiller général per canton before 2015)"
            )
            raise InvalidArgumentError(f"{name!r} must be {what}, got {len(persons)} candidate(s)")
    return people


def elect(
    tally: Tally | Mapping[str, int],
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Binomes | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """One round in one canton.

    :param tally: votes per binôme (a :class:`~electoral_rules.Tally` or a mapping). Round 1
        needs ``registered`` (a quarter of registered to be elected, 12,5 % to stand again),
        so it takes a ``Tally``; round 2 accepts a mapping.
    :param round: 1 or 2.
    :param date: the polling day (``None``: today's rule); it sets the qualification share
        (12,5 % of registered since 2011, 10 % from 31 January 1970 to 2010, earlier days refused) and
        whether a name is a binôme (since 2015) or one candidate.
    :param people: the binômes' candidates (see the module docstring), used only when the
        leaders of round 2 tie: the binôme holding the oldest person wins.
    :param if_unresolved: a round-2 tie without birth dates (or a fallback place left open
        with ``RunnerUpTie.UNDETERMINED``): ``REPORT`` leaves the place undetermined,
        ``RAISE`` raises :class:`~electoral_rules.errors.UnresolvedTieError`.
    :param runner_up_tie: a tie for a fallback place: every tied binôme may stand (the
        default, as in the canton d'Aureilhan in 2015, where one binôme reached 12,5 % and the
        next two tied at 1 248 votes) or, with
        :attr:`~electoral_rules.RunnerUpTie.UNDETERMINED`, the place is reported
        undetermined.
    :returns: elected (majority and quarter, L193), qualified (L210-1 with the top-two
        fallback), eliminated, thresholds in votes, ties, legal basis.

    >>> from electoral_rules import Tally
    >>> t = Tally(votes={"A-B": 5200, "C-D": 3100, "E-F": 2500}, registered=24000)
    >>> outcome = elect(t)
    >>> outcome.qualified, outcome.thresholds["qualification"].votes
    (('A-B', 'C-D'), 3000)
    >>> import datetime as dt
    >>> elect(t, date=dt.date(2008, 3, 9)).qualified  # 10 % of registered then
    ('A-B', 'C-D', 'E-F')
    >>> elect({"A-B": 5200, "C-D": 4800}, round=2).elected
    ('A-B',)

    .. seealso:: Code électoral, art. L193 (election), L210-1 (qualification).
    """
    share = qualification_share(date)
    number = as_round(round, "départementales")
    votes = as_tally(tally)
    age = AgeRule(people=_people(people, date, votes.votes), legal_basis=L193)
    if number == 1:
        rule = FirstRoundRule(
            election="départementales",
            seats=1,
            majority_basis=L193,
            quarter_basis=L193,
            qualification=Qualification.SHARE_OR_TOP_TWO,
            qualification_share=share,
            qualification_basis=L210_1,
            runner_up_tie=runner_up_tie,
            age=age,
        )
        return first_round_outcome(votes, rule, if_unresolved=if_unresolved)
    return _relative_majority(
        votes, election="départementales", seats=1, legal_basis=L193, age=age, if_unresolved=if_unresolved
    )


def first_round(
    tally: Tally | Mapping[str, int],
    *,
    date: _dt.date | str | None = None,
    candidates: Binomes | None = None,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``round=1``, ``people=``)."""
    deprecated("departmental.first_round(candidates=...)", "departmental.elect(tally, round=1, people=...)")
    return elect(tally, round=1, date=date, people=candidates, runner_up_tie=runner_up_tie)


def second_round(
    tally: Tally | Mapping[str, int],
    candidates: Binomes | None = None,
    *,
    date: _dt.date | str | None = None,
) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``round=2``, ``people=``; a tie without birth dates
    is then reported unless ``if_unresolved=IfUnresolved.RAISE``)."""
    deprecated("departmental.second_round(tally, candidates)", "departmental.elect(tally, round=2, people=...)")
    return elect(tally, round=2, date=date, people=candidates, if_unresolved=IfUnresolved.RAISE)
