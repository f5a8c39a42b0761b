"""Municipales in small communes: plurinominal majoritarian vote (until 2020).

Below 1 000 inhabitants (below 3 500 until the 2014 elections), until the 2020 elections,
councillors were elected candidate by candidate, with panachage: a ballot could carry as
many names as seats. First round (L253): elected with an absolute majority of **valid
ballots** and a number of votes at least a quarter of registered; second round: relative
majority, "quel que soit le nombre des votants"; equal votes elect the oldest. Counting the
majority on valid ballots rather than on the sum of the votes is the usual practice
(UNVERIFIED as law). L255-3 (only first-round candidates may stand again, 2013-2025) was read
in a secondary copy only (PARTIAL).

From 2026 every commune votes by list (loi n° 2025-444 du 21 mai 2025, which abrogates
L253): see this module's list-vote function ``allocate``.

.. seealso:: Code électoral, art. L252, L253, L255-3.
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

__all__ = ["small_commune_limit", "small_commune_round"]

# ---------------------------------------------------------------------------------------------
# Small communes, plurinominal majoritarian vote (L252, L253, L255-3), 1983-2020
# ---------------------------------------------------------------------------------------------

L252 = "Code électoral, art. L252"
L253 = "Code électoral, art. L253"
L255_3 = "Code électoral, art. L255-3"

SMALL_COMMUNES_FROM = _dt.date(1983, 1, 1)
"""Loi 82-974 du 19 novembre 1982: the 3 500-inhabitant boundary, first used in March 1983."""
ONE_THOUSAND_FROM = _dt.date(2014, 1, 1)
"""Loi 2013-403 du 17 mai 2013: the boundary falls to 1 000 inhabitants from the March 2014
elections (the switch date for by-elections between May 2013 and March 2014 is UNVERIFIED)."""
LISTS_EVERYWHERE_FROM = _dt.date(2026, 1, 1)
"""Loi 2025-444 du 21 mai 2025: every commune votes by list from the 2026 elections."""


def small_commune_limit(date: _dt.date) -> int:
    """Communes with fewer inhabitants than this vote by the plurinominal ballot on ``date``.

    >>> import datetime as dt
    >>> small_commune_limit(dt.date(2008, 3, 9)), small_commune_limit(dt.date(2020, 3, 15))
    (3500, 1000)

    :raises UnsupportedEraError: before 1983, or from 2026 (every commune votes by list).

    .. seealso:: Code électoral, art. L252 (loi 82-974, loi 2013-403; abrogated for 2026 by
       loi 2025-444).
    """
    if not isinstance(date, _dt.date) or isinstance(date, _dt.datetime):
        raise InvalidArgumentError(f"date {date!r} must be a datetime.date")
    if date >= LISTS_EVERYWHERE_FROM:
        raise UnsupportedEraError(
            f"municipales of {date.isoformat()}: from 2026 every commune votes by list (loi "
            "n° 2025-444 du 21 mai 2025 abrogates the plurinominal vote of L253); use "
            "electoral_rules.france.municipal.allocate"
        )
    if date < SMALL_COMMUNES_FROM:
        raise UnsupportedEraError(
            f"municipales of {date.isoformat()}: only elections from 1983 (loi 82-974) are implemented"
        )
    return 1000 if date >= ONE_THOUSAND_FROM else 3500


def small_commune_round(
    tally: Tally,
    seats: int,
    *,
    round: int = 1,
    date: _dt.date,
    candidates: Mapping[str, Candidate] | Iterable[Candidate] | None = None,
    inhabitants: int | None = None,
) -> RoundOutcome:
    """One round of a municipal election in a small commune (1983-2020).

    :param tally: votes per candidate; ``names_per_ballot`` must be at least ``seats`` and
        ``expressed`` is the number of valid ballots; ``registered`` is required in round 1.
    :param seats: seats to fill in this round (in round 2, those left after round 1).
    :param round: 1 or 2.
    :param date: the election date (required: the rule is gone from 2026).
    :param candidates: :class:`~electoral_rules.Candidate` records with birth dates, needed
        only for a tie ("l'élection est acquise au plus âgé").
    :param inhabitants: the commune's population, if given checked against the era's limit.
    :returns: round 1: elected (absolute majority of valid ballots and a quarter of
        registered; the highest if more pass than seats); the others may stand in round 2
        (L255-3). Round 2: the ``seats`` highest.
    :raises UnsupportedEraError: for a date from 2026 (list vote everywhere) or before 1983.

    >>> import datetime as dt
    >>> from electoral_rules import Tally
    >>> t = Tally(votes={"A": 60, "B": 55, "C": 45, "D": 40}, registered=120, expressed=100,
    ...           names_per_ballot=3)
    >>> outcome = small_commune_round(t, 3, date=dt.date(2020, 3, 15))
    >>> outcome.elected, outcome.qualified
    (('A', 'B'), ('C', 'D'))

    .. seealso:: Code électoral, art. L252, L253, L255-3.
    """
    limit = small_commune_limit(date)
    if inhabitants is not None and (
        isinstance(inhabitants, bool) or not isinstance(inhabitants, int) or inhabitants >= limit
    ):
        raise InvalidArgumentError(
            f"a commune of {inhabitants!r} inhabitants votes by list on {date.isoformat()} (the "
            f"plurinominal vote is for communes under {limit} inhabitants, {L252})"
        )
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidArgumentError(f"seats ({seats!r}) must be an int >= 1")
    check_plurinominal(tally, seats, L253)
    age = AgeRule(people=people_of(candidates), legal_basis=L253)
    if round == 1:
        rule = FirstRoundRule(
            election="municipales",
            seats=seats,
            majority_basis=L253,
            quarter_basis=L253,
            qualification=Qualification.ALL_NOT_ELECTED,
            qualification_basis=L255_3 if date >= ONE_THOUSAND_FROM else "",
            age=age,
        )
        return first_round_outcome(tally, rule)
    if round == 2:
        return _relative_majority(tally, election="municipales", seats=seats, legal_basis=L253, age=age)
    raise InvalidArgumentError(f"round ({round!r}) must be 1 or 2 ({L253})")
