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
>>> outcome = elect(Tally(votes={"A": 420, "B": 310, "C": 130, "D": 90}, registered=1600))
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

from .._dates import as_date
from .._deprecation import deprecated
from .._exact import as_round
from .._mapping import FrozenMap
from ..errors import InvalidArgumentError, NotImplementedRuleError, UnsupportedEraError
from ..outcome import Allocation, RoundOutcome
from ..tally import Candidate, PartyList, Tally, as_tally, votes_of
from ..tiebreak import IfUnresolved
from ._collectivity import proportional_run
from .list_engine import party_lists
from .round_engine import AgeRule, FirstRoundRule, Qualification, RunnerUpTie, first_round_outcome, people_of
from .round_engine import relative_majority_outcome as _relative_majority

__all__ = [
    "ELECTION_1986",
    "FIFTH_REPUBLIC",
    "L123",
    "L123_1985",
    "L124_1985",
    "L126",
    "L162",
    "PROPORTIONAL_1986",
    "TWELVE_AND_A_HALF_SINCE",
    "Candidates",
    "elect",
    "first_round",
    "proportional",
    "second_round",
]

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


def _check_era(value: object) -> _dt.date:
    """The polling day, refused where the rule is not implemented: before 1976 the
    thresholds are unverified."""
    date = as_date(value, rule="législatives")
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
    return date


def elect(
    tally: Tally | Mapping[str, int],
    *,
    round: int = 1,
    date: _dt.date | str | None = None,
    people: Candidates | None = None,
    if_unresolved: IfUnresolved = IfUnresolved.REPORT,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """One round of a législative election in one circonscription.

    :param tally: the round's count, a :class:`~electoral_rules.Tally` or a mapping
        ``{name: votes}``. Round 1 needs ``registered`` (a quarter of registered to be
        elected, 12,5 % of registered to stand again), so it takes a ``Tally``; round 2 ("la
        majorité relative suffit") accepts a mapping.
    :param round: 1 or 2.
    :param date: the polling day (``datetime.date`` or ISO string; ``None``: today's rule).
        Days before 20 July 1976 raise :class:`~electoral_rules.errors.NotImplementedRuleError`;
        the 1986 proportional election is :func:`proportional`.
    :param people: :class:`~electoral_rules.Candidate` records with birth dates, used only
        when the leaders of round 2 tie (the oldest is elected).
    :param if_unresolved: a round-2 tie without birth dates (or a fallback place left
        open with ``RunnerUpTie.UNDETERMINED``): ``REPORT`` leaves the place undetermined,
        ``RAISE`` raises :class:`~electoral_rules.errors.UnresolvedTieError`.
    :param runner_up_tie: a tie for a fallback place of round 1: every tied candidate may
        stand (:attr:`~electoral_rules.RunnerUpTie.ALL_STAND`, the default, after the
        practice of the départementales 2015 in the canton d'Aureilhan) or the place is
        reported undetermined (:attr:`~electoral_rules.RunnerUpTie.UNDETERMINED`).
    :returns: round 1: elected (majority **and** quarter of registered, L126), qualified (at
        least 12,5 % of registered; the runner-up too if only one reaches it; the top two if
        none: L162), eliminated. Round 2: the candidate with the most votes.
    :raises InvalidTallyError: in round 1 without ``registered``.

    A candidate with exactly 12,5 % of registered qualifies (``8 * votes >= registered``);
    here A has an absolute majority of expressed votes (240 of 465) but not a quarter of
    registered (250), so A is not elected:

    >>> from electoral_rules import Candidate, Tally
    >>> outcome = elect(Tally(votes={"A": 240, "B": 125, "C": 100}, registered=1000))
    >>> outcome.qualified, outcome.eliminated
    (('A', 'B'), ('C',))

    Nobody at 12,5 %: the top two may stand.

    >>> elect(Tally(votes={"A": 110, "B": 100, "C": 90}, registered=1000)).qualified
    ('A', 'B')

    In round 2 equal votes elect the oldest:

    >>> import datetime as dt
    >>> people = [Candidate(name="A", birth_date=dt.date(1970, 1, 1)),
    ...           Candidate(name="B", birth_date=dt.date(1960, 5, 2))]
    >>> elect({"A": 500, "B": 500}, round=2, people=people).elected
    ('B',)

    .. seealso:: Code électoral, art. L126 (election), L162 (qualification).
    """
    _check_era(date)
    number = as_round(round, "législatives")
    votes = as_tally(tally)
    given = people_of(people, votes.votes)
    age = AgeRule(people=given, legal_basis=L126)
    if number == 1:
        return first_round_outcome(votes, _first_round_rule(given, runner_up_tie), if_unresolved=if_unresolved)
    return _relative_majority(
        votes, election="législatives", seats=1, legal_basis=L126, age=age, if_unresolved=if_unresolved
    )


def first_round(
    tally: Tally | Mapping[str, int],
    *,
    date: _dt.date | str | None = None,
    candidates: Candidates | None = None,
    runner_up_tie: RunnerUpTie = RunnerUpTie.ALL_STAND,
) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``round=1``, ``people=``)."""
    deprecated("legislative.first_round(candidates=...)", "legislative.elect(tally, round=1, people=...)")
    return elect(tally, round=1, date=date, people=candidates, runner_up_tie=runner_up_tie)


def _first_round_rule(people: dict[str, tuple[Candidate, ...]], runner_up_tie: RunnerUpTie) -> FirstRoundRule:
    """L126 and L162 as a :class:`FirstRoundRule`; the default one is the same record each time."""
    if not people and runner_up_tie is RunnerUpTie.ALL_STAND:
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
        age=AgeRule(people=people, legal_basis=L126),
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
    tally: Tally | Mapping[str, int],
    candidates: Candidates | None = None,
    *,
    date: _dt.date | str | None = None,
) -> RoundOutcome:
    """Deprecated: use :func:`elect` (``round=2``, ``people=``; a round-2 tie without birth
    dates is then reported unless ``if_unresolved=IfUnresolved.RAISE``)."""
    deprecated("legislative.second_round(tally, candidates)", "legislative.elect(tally, round=2, people=...)")
    return elect(tally, round=2, date=date, people=candidates, if_unresolved=IfUnresolved.RAISE)


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
    date = as_date(date, rule="législatives (1986)")
    first, last = PROPORTIONAL_1986
    if not first <= date <= last:
        raise UnsupportedEraError(
            f"législatives of {date.isoformat()}: the departmental proportional vote ({L123_1985}) was in "
            f"force only from {first.isoformat()} to {last.isoformat()} (the election of 16 March 1986)"
        )
    return date
