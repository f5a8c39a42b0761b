"""Sénatoriales: majoritarian vote in the smaller departments (L294).

Departments electing two senators or fewer (since loi 2013-702; three or fewer 2003-2013,
two or fewer 2000-2003, four or fewer before) vote by a two-round majoritarian ballot;
the others vote by list (L295, in this module's proportional part).

The electors are the grands électeurs of the department (the "électeurs inscrits" of L294).
With two seats a ballot may carry two names (panachage), so the candidates' votes add up to
more than the valid ballots; the absolute majority is counted on the **valid ballots**
(``tally.expressed``), not on the sum of the votes. That is the usual practice and the
Ministry's results follow it; no article states it in those words (UNVERIFIED as law).

Who may stand in the second round: the Code sets no threshold, and the outcome lists every
candidate not elected, as the Ministry's results do ("QUALIFIE(E) AU T2"); whether new
candidates may enter the second round is outside this calculation.

.. seealso:: Code électoral, art. L294 (majoritarian), L295 (proportional).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping

from ..errors import InvalidArgumentError, UnsupportedEraError
from ..outcome import RoundOutcome
from ..tally import Candidate, Tally
from .common import (
    AgeRule,
    FirstRoundRule,
    Qualification,
    check_plurinominal,
    first_round_outcome,
    people_of,
)
from .common import relative_majority_outcome as _relative_majority

__all__ = ["majoritarian_round", "majoritarian_seat_limit"]

# ---------------------------------------------------------------------------------------------
# Majoritarian departments (L294)
# ---------------------------------------------------------------------------------------------

L294 = "Code électoral, art. L294"

_MAJORITARIAN_ERAS: tuple[tuple[_dt.date, int, str], ...] = (
    (_dt.date(1964, 10, 28), 4, "Code électoral as codified in 1964"),
    (_dt.date(2000, 7, 11), 2, "loi 2000-641 du 10 juillet 2000"),
    (_dt.date(2003, 7, 31), 3, "loi 2003-697 du 30 juillet 2003"),
    (_dt.date(2013, 8, 3), 2, "loi 2013-702 du 2 août 2013"),
)
"""(in force from, most seats still elected by the majoritarian vote, text). Each law is
taken to apply from the day after its date of publication (approximate; no senatorial
election falls near these dates)."""


def majoritarian_seat_limit(date: _dt.date | None = None) -> int:
    """The most seats a department may elect and still vote by the majoritarian ballot.

    >>> import datetime as dt
    >>> majoritarian_seat_limit(), majoritarian_seat_limit(dt.date(2011, 9, 25))
    (2, 3)

    :raises UnsupportedEraError: before the 1964 codification of the Code électoral.

    .. seealso:: Code électoral, art. L294 (versions of 1964, loi 2000-641, loi 2003-697,
       loi 2013-702).
    """
    if date is None:
        return _MAJORITARIAN_ERAS[-1][1]
    if not isinstance(date, _dt.date) or isinstance(date, _dt.datetime):
        raise InvalidArgumentError(f"date {date!r} must be a datetime.date")
    limit: int | None = None
    for start, seats, _text in _MAJORITARIAN_ERAS:
        if date >= start:
            limit = seats
    if limit is None:
        raise UnsupportedEraError(
            f"sénatoriales of {date.isoformat()}: only elections under the Code électoral as "
            "codified in 1964 and later are implemented"
        )
    return limit


def majoritarian_round(
    tally: Tally,
    seats: int,
    *,
    round: int = 1,
    date: _dt.date | None = None,
    candidates: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
) -> RoundOutcome:
    """One round of the majoritarian senatorial vote in a department.

    :param tally: the count, one entry per candidate; ``names_per_ballot`` must be at least
        ``seats`` and ``expressed`` is the number of valid ballots. ``registered`` (the
        grands électeurs) is required in round 1.
    :param seats: seats to fill in this round (in round 2, those left after round 1).
    :param round: 1 or 2.
    :param date: the election date: the seats may not exceed the majoritarian limit of its
        era (:func:`majoritarian_seat_limit`).
    :param candidates: :class:`~electoral_rules.Candidate` records with birth dates, needed
        only for a tie ("le plus âgé des candidats est élu").
    :returns: round 1: elected are those with an absolute majority of valid ballots and at
        least a quarter of the electors, the highest first if more pass than there are
        seats; every other candidate may stand in round 2. Round 2: the ``seats`` highest.
    :raises InvalidTallyError: without ``registered`` in round 1, or if ``names_per_ballot``
        is below ``seats``.
    :raises UnresolvedTieError: on an age tie with a birth date missing.

    Allier, 27 September 2026 (two seats, 970 electors, 950 valid ballots):

    >>> from electoral_rules import Tally
    >>> allier = Tally(votes={"BONAUD": 33, "DE NICOLAY": 91, "GENESTE": 190, "LEFEBRE": 176,
    ...     "MALHURET": 636, "PICARD": 14, "ROJOUAN": 643}, registered=970, voters=963,
    ...     blank=7, null=6, expressed=950, names_per_ballot=2)
    >>> majoritarian_round(allier, 2).elected
    ('ROJOUAN', 'MALHURET')

    .. seealso:: Code électoral, art. L294.
    """
    limit = majoritarian_seat_limit(date)
    if isinstance(seats, bool) or not isinstance(seats, int) or not 1 <= seats <= limit:
        raise InvalidArgumentError(
            f"seats ({seats!r}) must be between 1 and {limit}: departments electing more senators "
            f"vote by list (Code électoral, art. L295; use france.senate.proportional)"
        )
    check_plurinominal(tally, seats, L294)
    age = AgeRule(people=people_of(candidates), legal_basis=L294)
    if round == 1:
        rule = FirstRoundRule(
            election="sénatoriales",
            seats=seats,
            majority_basis=L294,
            quarter_basis=L294,
            qualification=Qualification.ALL_NOT_ELECTED,
            qualification_basis="",
            age=age,
        )
        return first_round_outcome(tally, rule)
    if round == 2:
        return _relative_majority(tally, election="sénatoriales", seats=seats, legal_basis=L294, age=age)
    raise InvalidArgumentError(f"round ({round!r}) must be 1 or 2 (Code électoral, art. L294)")
