"""Législatives: élection des députés, scrutin uninominal majoritaire à deux tours.

First round (L126): elected with an absolute majority of expressed votes **and** a number
of votes at least a quarter of registered. Otherwise those with at least 12,5 % of
registered may stand in the second round (L162); if only one does, the runner-up too; if
none, the top two. Second round (L126): relative majority; a tie goes to the oldest.
The 12,5 % text is the first version of L162 in the LEGI history, in force from 20 July
1976 (VERIFIED); earlier thresholds are refused.

The one exception of the Fifth Republic, the election of 16 March 1986, was held by
departmental proportional representation (loi n° 85-690): :func:`proportional`.

>>> from electoral_rules import Tally
>>> outcome = first_round(Tally(votes={"A": 420, "B": 310, "C": 130, "D": 90}, registered=1600))
>>> outcome.elected, outcome.qualified, outcome.eliminated
((), ('A', 'B'), ('C', 'D'))
>>> outcome.thresholds["absolute majority"].votes, outcome.thresholds["quarter of registered"].votes
(476, 400)

.. seealso:: Code électoral, art. L123, L126, L162; L123 to L125 as worded by loi n° 85-690.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from fractions import Fraction

from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, NotImplementedRuleError, UnsupportedEraError
from ..outcome import Allocation, RoundOutcome
from ..tally import Candidate, PartyList, Tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import proportional_run
from .list_engine import party_lists
from .round_engine import AgeRule, FirstRoundRule, Qualification, RunnerUpTie, first_round_outcome, people_of
from .round_engine import relative_majority_outcome as _relative_majority

__all__ = ["PROPORTIONAL_1986", "TWELVE_AND_A_HALF_SINCE", "first_round", "proportional", "second_round"]

L123 = "Code électoral, art. L123"
L126 = "Code électoral, art. L126"
L162 = "Code électoral, art. L162"

FIFTH_REPUBLIC = _dt.date(1958, 10, 4)
TWELVE_AND_A_HALF_SINCE = _dt.date(1976, 7, 20)
"""Loi du 19 juillet 1976: 12,5 % of registered to stand in the second round,
the first version of L162 in the LEGI history, in force from 20 July 1976 (VERIFIED)."""
PROPORTIONAL_1986 = (_dt.date(1985, 7, 11), _dt.date(1986, 7, 11))
"""Loi 85-690 du 10 juillet 1985 to loi 86-825 du 11 juillet 1986: departmental
proportional representation (L123, 1985-86 version), used only at the 1986 election."""

ELECTION_1986 = _dt.date(1986, 3, 16)
"""The one election held under the 1985 proportional text."""

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
            "UNVERIFIED, so it is not implemented; only elections from 20 July 1976 are"
        )
    if PROPORTIONAL_1986[0] <= date <= PROPORTIONAL_1986[1]:
        raise InvalidArgumentError(
            f"législatives of {date.isoformat()}: from loi 85-690 to loi 86-825 (the 1986 "
            f"election) deputies were elected by departmental proportional representation "
            f"({L123}, 1985-1986 version), not by the two-round majoritarian vote: use "
            "legislative.proportional"
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
        20 July 1976 raise :class:`~electoral_rules.errors.NotImplementedRuleError`, the
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
    return first_round_outcome(tally, _first_round_rule(candidates, runner_up_tie))


def _first_round_rule(candidates: Candidates | None, runner_up_tie: RunnerUpTie) -> FirstRoundRule:
    """L126 and L162 as a :class:`FirstRoundRule`; the default one is the same record each time."""
    if candidates is None and runner_up_tie is RunnerUpTie.ALL_STAND:
        return _RULE
    return FirstRoundRule(
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


_RULE = FirstRoundRule(
    election="législatives",
    seats=1,
    majority_basis=L126,
    quarter_basis=L126,
    qualification=Qualification.SHARE_OR_TOP_TWO,
    qualification_share=Fraction(1, 8),
    qualification_basis=L162,
    age=AgeRule(people=FrozenMap(), legal_basis=L126),
)


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


L124_1985 = "Code électoral, art. L124 (loi n° 85-690 du 10 juillet 1985)"
L123_1985 = "Code électoral, art. L123 (loi n° 85-690 du 10 juillet 1985)"


def proportional(
    tally: Tally | Mapping[str, int],
    seats: int,
    *,
    date: object = None,
    people: Mapping[str, PartyList] | Iterable[PartyList] | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
) -> Allocation:
    """The législatives of 16 March 1986: one department's seats by plus forte moyenne.

    Loi n° 85-690 du 10 juillet 1985 (in force from 11 July 1985 until loi n° 86-825 of
    11 July 1986) made each department one constituency electing its deputies « au scrutin
    de liste à la représentation proportionnelle à la plus forte moyenne, sans panachage ni
    vote préférentiel » (L.123), in one round. L.124: only the lists with « au moins 5 % des
    suffrages exprimés » share the seats (``20 * v >= E``); seats go to candidates in list
    order; a tie for the last seat goes to the list with the most votes, then to the oldest
    of the candidates who could be elected. VERIFIED (the LEGI history of L.123 and L.124).

    :param tally: the department's votes per list.
    :param seats: the department's deputies. L.125 set them « conformément au tableau n° 1 »,
        which was not read: give them (an ``int >= 1``).
    :param date: the polling day, inside the 1985–1986 era; ``None`` means the one election
        held under it, 16 March 1986.
    :param people: the lists' candidates (:class:`~electoral_rules.PartyList`), to seat them
        in list order and to settle a tie by the oldest candidate.
    :param if_unresolved: what to do with a tie that equal votes and ages leave open.
    :raises InvalidArgumentError: for ``seats`` that is not an ``int >= 1`` (a department
        with 0 deputies does not exist).
    :raises UnsupportedEraError: for a day outside 11 July 1985 – 11 July 1986.

    A department of 6 seats (figures made up): E, with 4 000 of 146 000 expressed votes, is
    under 5 % (7 300); the six highest averages are A 61 000, B 58 000, A 30 500, B 29 000,
    A 20 333⅓ and B 19 333⅓:

    >>> result = proportional({"A": 61000, "B": 58000, "C": 14000, "D": 9000, "E": 4000}, 6,
    ...                       date="1986-03-16")
    >>> dict(result), result.excluded
    ({'A': 3, 'B': 3, 'C': 0, 'D': 0, 'E': 0}, ('E',))

    .. seealso:: Code électoral, art. L123, L124, L125 (loi n° 85-690 du 10 juillet 1985);
       art. LO119 (570 deputies in the departments) and LO176 (lists of seats + 2
       candidates), loi organique n° 85-688.
    """
    when = _proportional_day(date)
    votes = votes_of(tally)
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidArgumentError(
            f"seats={seats!r}: a department elected at least one deputy in 1986 ({L123_1985}; its seats "
            "come from tableau n° 1 of L.125, which is an input here)"
        )
    if not isinstance(if_unresolved, IfUnresolved):
        raise InvalidArgumentError(f"if_unresolved must be an IfUnresolved member, got {if_unresolved!r}")
    lists = party_lists(people, votes.votes)
    return proportional_run(
        votes,
        seats,
        election="législatives (1986)",
        legal_basis=f"{L123_1985}; {L124_1985}; scrutin du {when.isoformat()}",
        tie_basis=L124_1985,
        people=lists,
        if_unresolved=if_unresolved,
        threshold=Fraction(1, 20),
        threshold_basis=f"{L124_1985} (au moins 5 % des suffrages exprimés)",
    )


def _proportional_day(date: object) -> _dt.date:
    if date is None:
        return ELECTION_1986
    if isinstance(date, str):
        try:
            date = _dt.date.fromisoformat(date)
        except ValueError:
            raise InvalidArgumentError(f"date {date!r} is not an ISO date such as '1986-03-16'") from None
    if not isinstance(date, _dt.date) or isinstance(date, _dt.datetime):
        raise InvalidArgumentError(f"date {date!r} must be a datetime.date or an ISO string")
    first, last = PROPORTIONAL_1986
    if not first <= date <= last:
        raise UnsupportedEraError(
            f"législatives of {date.isoformat()}: the departmental proportional vote ({L123_1985}) was in "
            f"force only from {first.isoformat()} to {last.isoformat()} (the election of 16 March 1986)"
        )
    return date
